import type { Label } from '../store/types.js';
import { fieldsFor } from './attributes.js';
import { NO_SENTENCE_MARKS, sortLabels } from './marks.js';
import { currentArticle, currentSentence, marksOf, sentenceMarks } from './selectors.js';
import type { ReviewState } from './state.js';
import { emit, info, setMarks, warn } from './updates.js';

/** The article and sentence a change applies to, or a message saying why there is none. */
export function target(state: ReviewState) {
  const article = currentArticle(state);
  const sentence = currentSentence(state);
  if (!article || !sentence) return { error: warn('no sentence here to change') };
  const marks = marksOf(state, article.id);
  if (marks.readOnly) return { error: warn(`read-only: ${marks.readOnly}`) };
  return { article, sentence, marks, sentenceMarks: sentenceMarks(marks, sentence.id) };
}

export function toggleLabel(state: ReviewState, label: Label): ReviewState {
  const t = target(state);
  if ('error' in t) return { ...state, message: t.error ?? null };
  const has = t.sentenceMarks.labels.includes(label);
  const labels = has
    ? t.sentenceMarks.labels.filter((l) => l !== label)
    : sortLabels([...t.sentenceMarks.labels, label]);
  const sentences = { ...t.marks.sentences };
  if (labels.length === 0) delete sentences[t.sentence.id];
  else sentences[t.sentence.id] = { ...t.sentenceMarks, labels };
  const next = setMarks(state, t.article.id, { ...t.marks, sentences });
  return emit(next, { kind: 'toggle', article: t.article.id, sentence: t.sentence.id, label });
}

export function clearLabels(state: ReviewState): ReviewState {
  const t = target(state);
  if ('error' in t) return { ...state, message: t.error ?? null };
  if (t.sentenceMarks.labels.length === 0) return { ...state, message: info('no labels to clear') };
  const sentences = { ...t.marks.sentences };
  delete sentences[t.sentence.id];
  const next = setMarks(state, t.article.id, { ...t.marks, sentences });
  return emit(next, { kind: 'clear', article: t.article.id, sentence: t.sentence.id });
}

export function startEdit(state: ReviewState, kind: 'note' | 'attributes'): ReviewState {
  const t = target(state);
  if ('error' in t) return { ...state, message: t.error ?? null };
  if (t.sentenceMarks.labels.length === 0) {
    return {
      ...state,
      message: warn(
        `tag the sentence first (1 claim, 2 quote, 3 event): ${kind === 'note' ? 'a note belongs' : 'attributes belong'} to a label`,
      ),
    };
  }
  const base = { article: t.article.id, sentence: t.sentence.id };
  if (kind === 'note') {
    const note = t.sentenceMarks.note ?? '';
    return { ...state, message: null, mode: { kind, ...base, draft: note, initial: note } };
  }
  const fields = fieldsFor(t.sentenceMarks.labels);
  const values = Object.fromEntries(
    fields.map((field) => [field.key, t.sentenceMarks.attributes[field.key] ?? '']),
  );
  return {
    ...state,
    message: null,
    mode: { kind, ...base, fields, values, initial: values, focus: 0 },
  };
}

export function saveEdit(state: ReviewState): ReviewState {
  const mode = state.mode;
  if (mode.kind !== 'note' && mode.kind !== 'attributes') return state;
  const done = { ...state, mode: { kind: 'browse' as const } };
  const marks = marksOf(state, mode.article);
  const current = marks.sentences[mode.sentence] ?? NO_SENTENCE_MARKS;
  if (mode.kind === 'note') {
    const note = mode.draft.trim();
    if (note === mode.initial.trim()) return done;
    const next = setMarks(done, mode.article, {
      ...marks,
      sentences: { ...marks.sentences, [mode.sentence]: { ...current, note: note || null } },
    });
    return emit(next, {
      kind: 'annotate',
      article: mode.article,
      sentence: mode.sentence,
      patch: { note: note || null },
    });
  }
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(mode.values)) {
    if (value.trim()) attributes[key] = value.trim();
  }
  const unchanged = mode.fields.every(
    (field) => (attributes[field.key] ?? '') === (mode.initial[field.key] ?? '').trim(),
  );
  if (unchanged) return done;
  const next = setMarks(done, mode.article, {
    ...marks,
    sentences: { ...marks.sentences, [mode.sentence]: { ...current, attributes } },
  });
  return emit(next, {
    kind: 'annotate',
    article: mode.article,
    sentence: mode.sentence,
    patch: { attributes: Object.keys(attributes).length > 0 ? attributes : null },
  });
}
