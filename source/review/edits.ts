import { beyondLimits } from '../store/schema.js';
import type { Label } from '../store/types.js';
import {
  type AttributeField,
  declaredBy,
  fieldsFor,
  labelsTaking,
  refusedBy,
} from './attributes.js';
import { typedKeysIn } from './keymap.js';
import type { KeyState } from './keys.js';
import { editLine, lineAt } from './line.js';
import { NO_SENTENCE_MARKS, type SentenceMarks, sortLabels } from './marks.js';
import { labelKeysText } from './project.js';
import { currentArticle, currentSentence, marksOf, sentenceMarks } from './selectors.js';
import type { EditMode, Message, ReviewState } from './state.js';
import { learnFromChange, suggestedValues } from './suggestions.js';
import { emit, info, STORE_LOADING, setMarks, UNLABELLED, warn } from './updates.js';

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
  const values = has ? null : suggestedValues(state, t.article.id, t.sentence.id, label);
  if (values && Object.keys(values).length > 0) return tagAsSuggested(state, t, label, values);
  const labels = has
    ? t.sentenceMarks.labels.filter((l) => l !== label)
    : sortLabels([...t.sentenceMarks.labels, label], state.project.labels);
  const sentences = { ...t.marks.sentences };
  if (labels.length === 0) delete sentences[t.sentence.id];
  else sentences[t.sentence.id] = { ...t.sentenceMarks, labels };
  const next = setMarks(state, t.article.id, { ...t.marks, sentences });
  const effect = { kind: 'toggle' as const, article: t.article.id, sentence: t.sentence.id, label };
  // Before the store is open the screen cannot know what is stored: the write carries the
  // outcome the reviewer saw, so it adds (or removes) rather than flipping an unseen label.
  return emit(next, state.storeOpen ? effect : { ...effect, on: !has });
}

/**
 * A label's key on a sentence where margin suggests that label with values: the label is tagged
 * with them, as `y` would tag it alone (one write, one undo step; the model learns it as that
 * label's accept). The sentence's other suggestions stay offered for `y` and `r`.
 */
function tagAsSuggested(
  state: ReviewState,
  t: Exclude<ReturnType<typeof target>, { error: Message }>,
  label: Label,
  values: Record<string, string>,
): ReviewState {
  const own = t.sentenceMarks;
  const labels = sortLabels([...own.labels, label], state.project.labels);
  const attributes = { ...values, ...own.attributes };
  const next = setMarks(state, t.article.id, {
    ...t.marks,
    sentences: { ...t.marks.sentences, [t.sentence.id]: { ...own, labels, attributes } },
  });
  const given = Object.entries(values)
    .map(([name, value]) => `${name}: ${value}`)
    .join(', ');
  const edit = typedKeysIn('reader', 'attributes/edit', state.project.keymap)[0];
  return emit(
    {
      ...next,
      message: info(`tagged ${label} as suggested (${given})${edit ? ` · ${edit} edits` : ''}`),
    },
    {
      kind: 'tag-many',
      article: t.article.id,
      sentence: t.sentence.id,
      labels: [label],
      attributes: values,
      // Each label of the sentence stores only its own attributes, as when accepting.
      declared: declaredBy(labels, state.project.labels),
    },
  );
}

export function clearLabels(state: ReviewState): ReviewState {
  const t = target(state);
  if ('error' in t) return { ...state, message: t.error ?? null };
  // Before the store is open a sentence may carry labels not shown yet: clearing still applies.
  if (t.sentenceMarks.labels.length === 0 && state.storeOpen) {
    return { ...state, message: info('no labels to clear') };
  }
  const sentences = { ...t.marks.sentences };
  delete sentences[t.sentence.id];
  const next = setMarks(state, t.article.id, { ...t.marks, sentences });
  return emit(next, { kind: 'clear', article: t.article.id, sentence: t.sentence.id });
}

/**
 * Esc in an editor: the edit is dropped, and kept aside when it changed something, to come back
 * on the same key on the same sentence (`cancelledEdit`).
 */
export function cancelEdit(state: ReviewState, mode: EditMode): ReviewState {
  if (mode.restored) return { ...state, mode: { kind: 'browse' }, message: info('edit dropped') };
  if (!editChanged(mode))
    return { ...state, mode: { kind: 'browse' }, message: info('edit cancelled') };
  return {
    ...state,
    mode: { kind: 'browse' },
    cancelledEdit: withoutQuitAsked(mode),
    message: info(cancelledLine(state, mode)),
  };
}

/** `edit/cancelled-again`: the message `cancelEdit` gave, where nothing else is being said. */
export function cancelledSaidAgain(state: ReviewState): ReviewState {
  const kept = state.cancelledEdit;
  if (!kept || state.message || state.mode.kind !== 'browse') return state;
  return { ...state, message: info(cancelledLine(state, kept)) };
}

/** What a cancel with changes says: the key that brings the edit back, as the keymap has it. */
function cancelledLine(state: ReviewState, mode: EditMode): string {
  const type = mode.kind === 'note' ? 'note/edit' : 'attributes/edit';
  const key = typedKeysIn('reader', type, state.project.keymap)[0];
  return key ? `edit cancelled · ${key} brings it back` : 'edit cancelled';
}

function withoutQuitAsked(mode: EditMode): EditMode {
  const { quitAsked: _asked, ...rest } = mode;
  return rest;
}

function editChanged(mode: EditMode): boolean {
  if (mode.kind === 'note') return mode.draft !== mode.initial;
  return Object.keys(mode.values).some(
    (key) => (mode.values[key] ?? '') !== (mode.initial[key] ?? ''),
  );
}

/**
 * The edit cancelled on this sentence, when `kind` reopens it and what it started from is still
 * what is stored (a teammate's change that arrived meanwhile makes it stale).
 */
function cancelledHere(
  state: ReviewState,
  kind: 'note' | 'attributes',
  opened: EditMode,
): EditMode | null {
  const kept = state.cancelledEdit;
  if (!kept || kept.kind !== kind || kept.article !== opened.article) return null;
  if (kept.sentence !== opened.sentence) return null;
  const same =
    kept.kind === 'note' && opened.kind === 'note'
      ? kept.initial === opened.initial && !opened.untagged === !kept.untagged
      : kept.kind === 'attributes' &&
        opened.kind === 'attributes' &&
        JSON.stringify(kept.initial) === JSON.stringify(opened.initial) &&
        JSON.stringify(kept.fields) === JSON.stringify(opened.fields);
  return same ? kept : null;
}

export function startEdit(state: ReviewState, kind: 'note' | 'attributes'): ReviewState {
  const opened = openEdit(state, kind);
  if (opened.mode.kind !== kind) return opened;
  const kept = cancelledHere(state, kind, opened.mode);
  if (!kept) return opened;
  return {
    ...opened,
    mode: { ...kept, restored: true },
    cancelledEdit: null,
    message: info('cancelled edit back · Esc drops it'),
  };
}

function openEdit(state: ReviewState, kind: 'note' | 'attributes'): ReviewState {
  const t = target(state);
  if ('error' in t) return { ...state, message: t.error ?? null };
  // The text being edited starts from what is stored, which is not known yet.
  if (!state.storeOpen) return { ...state, message: warn(STORE_LOADING) };
  const base = { article: t.article.id, sentence: t.sentence.id };
  if (t.sentenceMarks.labels.length === 0) {
    if (kind === 'note') {
      return {
        ...state,
        message: info(`untagged: type the note, Enter, then its label`),
        mode: { kind, ...base, draft: '', cursor: 0, initial: '', untagged: { asking: false } },
      };
    }
    return {
      ...state,
      message: warn(
        `tag the sentence first (${labelKeysText(state.project)}): attributes belong to a label`,
      ),
    };
  }
  const differ = t.sentenceMarks.differ;
  const labels = t.sentenceMarks.labels.join(', ');
  if (kind === 'note') {
    const note = t.sentenceMarks.note ?? '';
    const { value, cursor } = lineAt(note);
    return {
      ...state,
      // Each label's note is shown: saving gives the line to all of them, Esc keeps each its own.
      message: differ?.notes ? warn(`${labels} notes joined: Enter saves this to each`) : null,
      mode: { kind, ...base, draft: value, cursor, initial: note },
    };
  }
  const fields = fieldsFor(
    sortLabels(t.sentenceMarks.labels, state.project.labels),
    state.project.labels,
  );
  // An editor with no field said nothing of why (qa50: a sentence whose labels were retired).
  if (fields.length === 0) return { ...state, message: info(noAttributes(state, t.sentenceMarks)) };
  const values = Object.fromEntries(
    fields.map((field) => [field.key, t.sentenceMarks.attributes[field.key] ?? '']),
  );
  const mixed = (differ?.attributes ?? []).filter((name) => Object.hasOwn(values, name));
  return {
    ...state,
    message:
      mixed.length > 0
        ? warn(
            `${mixed.join(', ')} differ${mixed.length === 1 ? 's' : ''} by label: kept unless changed (${labels})`,
          )
        : null,
    mode: {
      kind,
      ...base,
      fields,
      values,
      initial: values,
      focus: 0,
      cursor: cursorAtEnd(values, fields[0]?.key),
    },
  };
}

export function saveEdit(state: ReviewState): ReviewState {
  const mode = state.mode;
  if (mode.kind !== 'note' && mode.kind !== 'attributes') return state;
  const done = { ...state, mode: { kind: 'browse' as const } };
  const marks = marksOf(state, mode.article);
  const current = marks.sentences[mode.sentence] ?? NO_SENTENCE_MARKS;
  if (mode.kind === 'note' && mode.untagged && current.labels.length === 0) {
    if (mode.draft.trim() === '') return done;
    const tooLarge = beyondLimits(mode.draft.trim(), undefined);
    if (tooLarge) return refuseSave(state, tooLarge);
    return { ...state, mode: { ...mode, untagged: { asking: true } }, message: askLabel(state) };
  }
  if (current.labels.length === 0) {
    // An undo that finished while the editor was open took the sentence's last label away.
    return { ...done, message: warn(`not saved: ${UNLABELLED}`) };
  }
  if (mode.kind === 'note') {
    const note = mode.draft.trim();
    if (note === mode.initial.trim()) return done;
    const tooLarge = beyondLimits(note, undefined);
    if (tooLarge) return refuseSave(state, tooLarge);
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
  const tooLarge = beyondLimits(undefined, attributes);
  if (tooLarge) return refuseSave(state, tooLarge);
  // A value the labels do not share, left as it was: each label keeps its own (qa50: one save
  // gave the quote's speaker to the claim).
  const keep = (current.differ?.attributes ?? []).filter(
    (name) => (attributes[name] ?? '') === (mode.initial[name] ?? '').trim(),
  );
  for (const name of keep) delete attributes[name];
  // A value one label's fixed list lacks goes to the others only (qa53).
  const keepOn = refusedBy(mode.fields, attributes);
  const some = onlySome(mode.fields, attributes);
  const next = setMarks(some ? { ...done, message: info(some) } : done, mode.article, {
    ...marks,
    sentences: {
      ...marks.sentences,
      [mode.sentence]: { ...current, attributes: { ...keptOf(current, keep), ...attributes } },
    },
  });
  return emit(next, {
    kind: 'annotate',
    article: mode.article,
    sentence: mode.sentence,
    patch: {
      attributes: Object.keys(attributes).length > 0 ? attributes : null,
      ...(keep.length > 0 ? { keep } : {}),
      ...(Object.keys(keepOn).length > 0 ? { keepOn } : {}),
    },
    declared: declaredBy(current.labels, state.project.labels),
  });
}

/** What a save says of values only some of the sentence's labels take, or null. */
function onlySome(
  fields: readonly AttributeField[],
  attributes: Readonly<Record<string, string>>,
): string | null {
  const parts = fields.flatMap((field) => {
    const value = attributes[field.key] ?? '';
    const taking = labelsTaking(field, value);
    if (!taking) return [];
    const others = (field.lists ?? []).filter((list) => !taking.includes(list.label));
    // What matters first, whole at 60 columns: which labels took it (fixreview53's line went on
    // to list the other lists' values, and was cut there).
    const lists = others.map((list) => `${list.label}'s`);
    return [`${field.key} ${value}: ${taking.join(', ')} only, not in ${lists.join(', ')} list`];
  });
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** Why `a` opens nothing: the sentence's labels have no attributes in the codebook. */
function noAttributes(state: ReviewState, marks: SentenceMarks): string {
  const known = new Set(state.project.labels.map((label) => label.name));
  const retired = marks.labels.filter((label) => !known.has(label));
  const plain = marks.labels.filter((label) => known.has(label));
  const parts = [
    ...(plain.length > 0
      ? [`${plain.join(', ')} declare${plain.length === 1 ? 's' : ''} none`]
      : []),
    ...(retired.length > 0
      ? [`${retired.join(', ')} ${retired.length === 1 ? 'is' : 'are'} no longer in the codebook`]
      : []),
  ];
  return `no attributes to edit: ${parts.join('; ')}`;
}

/** The shown values of the attributes a save leaves to each label. */
function keptOf(marks: SentenceMarks, keep: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(marks.attributes).filter(([name]) => keep.includes(name)),
  );
}

/**
 * The store refuses a value over its limits, and a write it refuses can never succeed: queued, it
 * would be retried forever and hold back every write after it. The editor stays open instead,
 * with the text, so the reviewer can shorten it (or Esc).
 */
function refuseSave(state: ReviewState, problem: string): ReviewState {
  return { ...state, message: warn(`${problem}: shorten it, or Esc to cancel`) };
}

function cursorAtEnd(values: Record<string, string>, key: string | undefined): number {
  return key === undefined ? 0 : lineAt(values[key] ?? '').cursor;
}

/**
 * The label key that ends a note typed on an untagged sentence: the sentence is tagged and the
 * note saved on it in one write, so one undo step takes both away. Any other key, and any pasted
 * text, asks again: the reviewer's next letters are never read as commands.
 */
function labelTheNote(state: ReviewState, input: string): ReviewState {
  const mode = state.mode;
  if (mode.kind !== 'note') return state;
  const label = state.project.labels.find((spec) => spec.key === input)?.name;
  if (label === undefined) return { ...state, message: askLabel(state) };
  const marks = marksOf(state, mode.article);
  if (marks.readOnly) return { ...state, message: warn(`read-only: ${marks.readOnly}`) };
  const current = marks.sentences[mode.sentence] ?? NO_SENTENCE_MARKS;
  const note = mode.draft.trim();
  // A suggested label takes its suggested values here too, as its key does on a sentence.
  const values = suggestedValues(state, mode.article, mode.sentence, label) ?? {};
  const labels = sortLabels([...current.labels, label], state.project.labels);
  const next = setMarks(
    { ...state, mode: { kind: 'browse' }, message: info(`${label} tagged, note saved`) },
    mode.article,
    {
      ...marks,
      sentences: {
        ...marks.sentences,
        [mode.sentence]: {
          ...current,
          labels,
          note,
          attributes: { ...values, ...current.attributes },
        },
      },
    },
  );
  // One write and one undo step, as one key: the label and the note typed before it.
  const tagged = emit(next, {
    kind: 'tag-many',
    article: mode.article,
    sentence: mode.sentence,
    labels: [label],
    attributes: values,
    ...(Object.keys(values).length > 0
      ? { declared: declaredBy(labels, state.project.labels) }
      : {}),
    note,
  });
  // The model learns from the tag as from `1`.
  return learnFromChange(state, tagged);
}

/** The question a note typed on an untagged sentence ends with. */
function askLabel(state: ReviewState): Message {
  return warn(`its label? ${labelKeysText(state.project)} · Esc: note`);
}

/** Esc while a note's label is asked for: back to the note, its text kept. */
export function backToNote(state: ReviewState): ReviewState | null {
  const mode = state.mode;
  if (mode.kind !== 'note' || !mode.untagged?.asking) return null;
  return { ...state, mode: { ...mode, untagged: { asking: false } }, message: null };
}

/** A key typed into the open input (note, attribute field or search query). */
export function typeInto(
  state: ReviewState,
  input: string,
  key: KeyState,
  pasted = false,
): ReviewState {
  const mode = state.mode;
  if (mode.kind === 'note' && mode.untagged?.asking)
    return labelTheNote(state, pasted ? '' : input);
  if (mode.kind === 'note') {
    const line = editLine({ value: mode.draft, cursor: mode.cursor }, input, key);
    return line ? { ...state, mode: { ...mode, draft: line.value, cursor: line.cursor } } : state;
  }
  if (mode.kind === 'attributes') {
    const field = mode.fields[mode.focus];
    if (!field) return state;
    if (field.values) {
      const value = chooseValue(field.values, mode.values[field.key] ?? '', input, key);
      if (value === null) return state;
      const values = { ...mode.values, [field.key]: value };
      return { ...state, mode: { ...mode, values, cursor: [...value].length } };
    }
    const line = editLine({ value: mode.values[field.key] ?? '', cursor: mode.cursor }, input, key);
    if (!line) return state;
    const values = { ...mode.values, [field.key]: line.value };
    return { ...state, mode: { ...mode, values, cursor: line.cursor } };
  }
  if (mode.kind === 'search') {
    const line = editLine({ value: mode.query, cursor: mode.cursor }, input, key);
    return line ? { ...state, mode: { ...mode, query: line.value, cursor: line.cursor } } : state;
  }
  return state;
}

/**
 * A key in a field with a fixed list: → or Space the next value, ← the previous one, a letter
 * the next value that starts with it, Backspace none. Null: the key changes nothing.
 */
export function chooseValue(
  values: readonly string[],
  current: string,
  input: string,
  key: KeyState,
): string | null {
  const at = values.indexOf(current);
  const step = (delta: number) =>
    values[
      at < 0 ? (delta > 0 ? 0 : values.length - 1) : (at + delta + values.length) % values.length
    ] ?? null;
  if (key.rightArrow || (input === ' ' && !key.ctrl)) return step(1);
  if (key.leftArrow) return step(-1);
  if (key.backspace || key.delete) return '';
  if (key.ctrl || key.meta || input.length === 0) return null;
  const letter = input.toLowerCase();
  for (let offset = 1; offset <= values.length; offset++) {
    const candidate = values[(Math.max(at, -1) + offset + values.length) % values.length]!;
    if (candidate.toLowerCase().startsWith(letter)) return candidate;
  }
  return null;
}

/** Tab in the attributes: the next (or previous) field, the cursor at the end of its text. */
export function moveField(state: ReviewState, delta: number): ReviewState {
  const mode = state.mode;
  if (mode.kind !== 'attributes') return state;
  const focus = (mode.focus + delta + mode.fields.length) % mode.fields.length;
  const cursor = cursorAtEnd(mode.values, mode.fields[focus]?.key);
  return { ...state, mode: { ...mode, focus, cursor } };
}
