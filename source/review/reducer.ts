import type { Label } from '../store/types.js';
import { helpMaxTop } from '../ui/help.js';
import { type KeyContext, type KeyState, lookup, splitKeys } from '../ui/keymap.js';
import { paneLayout } from '../ui/layout.js';
import type { Action, KeyAction } from './actions.js';
import { fieldsFor } from './attributes.js';
import { type ArticleMarks, NO_SENTENCE_MARKS, sortLabels } from './marks.js';
import {
  currentArticle,
  currentSentence,
  cursorOf,
  followList,
  followReader,
  listHeight,
  marksOf,
  readerLines,
  sentenceMarks,
} from './selectors.js';
import type { Effect, Message, ReviewState } from './state.js';

const info = (text: string): Message => ({ text, tone: 'info' });
const warn = (text: string): Message => ({ text, tone: 'warning' });

function emit(state: ReviewState, effect: Effect): ReviewState {
  return {
    ...state,
    outbox: [...state.outbox, { id: state.nextEffect, effect }],
    nextEffect: state.nextEffect + 1,
  };
}

function withCursor(state: ReviewState, index: number): ReviewState {
  const article = currentArticle(state);
  if (!article || article.sentences.length === 0) return state;
  const cursor = Math.min(Math.max(0, index), article.sentences.length - 1);
  const next = { ...state, cursors: { ...state.cursors, [article.id]: cursor } };
  return { ...next, top: followReader(next, state.top) };
}

function withCurrent(state: ReviewState, index: number): ReviewState {
  if (state.articles.length === 0) return state;
  const current = Math.min(Math.max(0, index), state.articles.length - 1);
  if (current === state.current) return state;
  const next = { ...state, current, results: null };
  return { ...next, top: followReader(next, 0), listTop: followList(next, state.listTop) };
}

function setMarks(state: ReviewState, article: string, marks: ArticleMarks): ReviewState {
  return { ...state, marks: { ...state.marks, [article]: marks } };
}

/** Moving into the reader: an unreviewed article becomes "in progress". */
function open(state: ReviewState): ReviewState {
  const article = currentArticle(state);
  if (!article) return state;
  const opened = { ...state, focus: 'reader' as const, top: followReader(state, state.top) };
  const marks = marksOf(state, article.id);
  if (marks.status !== 'unreviewed' || marks.readOnly) return opened;
  return emit(setMarks(opened, article.id, { ...marks, status: 'in progress' }), {
    kind: 'status',
    article: article.id,
    status: 'in progress',
  });
}

/** The article and sentence a change applies to, or a message saying why there is none. */
function target(state: ReviewState) {
  const article = currentArticle(state);
  const sentence = currentSentence(state);
  if (!article || !sentence) return { error: warn('no sentence here to change') };
  const marks = marksOf(state, article.id);
  if (marks.readOnly) return { error: warn(`read-only: ${marks.readOnly}`) };
  return { article, sentence, marks, sentenceMarks: sentenceMarks(marks, sentence.id) };
}

function toggleLabel(state: ReviewState, label: Label): ReviewState {
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

function clearLabels(state: ReviewState): ReviewState {
  const t = target(state);
  if ('error' in t) return { ...state, message: t.error ?? null };
  if (t.sentenceMarks.labels.length === 0) return { ...state, message: info('no labels to clear') };
  const sentences = { ...t.marks.sentences };
  delete sentences[t.sentence.id];
  const next = setMarks(state, t.article.id, { ...t.marks, sentences });
  return emit(next, { kind: 'clear', article: t.article.id, sentence: t.sentence.id });
}

function startEdit(state: ReviewState, kind: 'note' | 'attributes'): ReviewState {
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

function saveEdit(state: ReviewState): ReviewState {
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

function jumpTo(state: ReviewState, articleId: string, sentenceId: string): ReviewState {
  const index = state.articles.findIndex((article) => article.id === articleId);
  if (index < 0) return { ...state, message: warn(`article ${articleId} is not loaded`) };
  const moved = withCurrent(state, index);
  const article = moved.articles[index]!;
  const sentence = Math.max(
    0,
    article.sentences.findIndex((s) => s.id === sentenceId),
  );
  return withCursor(open(moved), sentence);
}

function stepResults(state: ReviewState, delta: number): ReviewState {
  const results = state.results;
  if (!results || results.hits.length === 0) return state;
  const index = (results.index + delta + results.hits.length) % results.hits.length;
  const hit = results.hits[index]!;
  const next = jumpTo(state, hit.article, hit.sentence);
  return {
    ...next,
    results: { ...results, index },
    message: info(`result ${index + 1} of ${results.hits.length} for “${results.query}”`),
  };
}

function move(state: ReviewState, action: KeyAction): ReviewState {
  const inList = state.focus === 'list';
  const article = currentArticle(state);
  if (inList) {
    const page = listHeight(state);
    switch (action.type) {
      case 'cursor/next':
        return withCurrent(state, state.current + 1);
      case 'cursor/prev':
        return withCurrent(state, state.current - 1);
      case 'cursor/page-down':
        return withCurrent(state, state.current + page);
      case 'cursor/page-up':
        return withCurrent(state, state.current - page);
      case 'cursor/first':
        return withCurrent(state, 0);
      default:
        return withCurrent(state, state.articles.length - 1);
    }
  }
  if (!article) return state;
  const cursor = cursorOf(state, article);
  const { firstLine, lastLine } = readerLines(state, article);
  const page = Math.max(1, paneLayout(state.size).bodyHeight - 2);
  switch (action.type) {
    case 'cursor/next':
      return withCursor(state, cursor + 1);
    case 'cursor/prev':
      return withCursor(state, cursor - 1);
    case 'cursor/page-down': {
      const goal = (firstLine[cursor] ?? 0) + page;
      let next = cursor + 1;
      while (next < article.sentences.length - 1 && (lastLine[next] ?? 0) < goal) next += 1;
      return withCursor(state, next);
    }
    case 'cursor/page-up': {
      const goal = (firstLine[cursor] ?? 0) - page;
      let next = cursor - 1;
      while (next > 0 && (firstLine[next] ?? 0) > goal) next -= 1;
      return withCursor(state, next);
    }
    case 'cursor/first':
      return withCursor(state, 0);
    default:
      return withCursor(state, article.sentences.length - 1);
  }
}

function nextUntagged(state: ReviewState): ReviewState {
  const article = currentArticle(state);
  if (!article) return state;
  const marks = marksOf(state, article.id);
  const from = cursorOf(state, article);
  for (let index = from + 1; index < article.sentences.length; index += 1) {
    const sentence = article.sentences[index]!;
    if ((marks.sentences[sentence.id]?.labels.length ?? 0) === 0) return withCursor(state, index);
  }
  return { ...state, message: info('no untagged sentence after this one') };
}

function quitIfDrained(state: ReviewState): ReviewState {
  if (state.mode.kind !== 'quitting') return state;
  if (state.outbox.length > 0 || state.save.pending > 0) return state;
  return { ...state, quit: true };
}

function keyAction(state: ReviewState, action: KeyAction): ReviewState {
  switch (action.type) {
    case 'cursor/next':
    case 'cursor/prev':
    case 'cursor/page-down':
    case 'cursor/page-up':
    case 'cursor/first':
    case 'cursor/last':
      return move(state, action);
    case 'cursor/next-untagged':
      return nextUntagged(state);
    case 'article/next':
    case 'article/prev': {
      const moved = withCurrent(state, state.current + (action.type === 'article/next' ? 1 : -1));
      if (moved === state) return state;
      return moved.focus === 'reader' ? open(moved) : moved;
    }
    case 'article/open':
      return currentArticle(state) ? open(state) : state;
    case 'pane/toggle': {
      if (state.focus === 'reader') return { ...state, focus: 'list' };
      return currentArticle(state) ? open(state) : state;
    }
    case 'back':
      if (state.mode.kind === 'help') return { ...state, mode: { kind: 'browse' } };
      if (state.mode.kind === 'note' || state.mode.kind === 'attributes') {
        return { ...state, mode: { kind: 'browse' }, message: info('edit cancelled') };
      }
      if (state.mode.kind === 'search') return keyAction(state, { type: 'search/cancel' });
      if (state.results) return { ...state, results: null, message: info('search results closed') };
      if (state.focus === 'reader') return { ...state, focus: 'list' };
      return state;
    case 'tag/toggle':
      return toggleLabel(state, action.label);
    case 'tag/clear':
      return clearLabels(state);
    case 'note/edit':
      return startEdit(state, 'note');
    case 'attributes/edit':
      return startEdit(state, 'attributes');
    case 'edit/save':
      return saveEdit(state);
    case 'field/next':
    case 'field/prev': {
      const mode = state.mode;
      if (mode.kind !== 'attributes') return state;
      const delta = action.type === 'field/next' ? 1 : -1;
      const focus = (mode.focus + delta + mode.fields.length) % mode.fields.length;
      return { ...state, mode: { ...mode, focus } };
    }
    case 'status/toggle-done': {
      const article = currentArticle(state);
      if (!article) return state;
      const marks = marksOf(state, article.id);
      if (marks.readOnly) return { ...state, message: warn(`read-only: ${marks.readOnly}`) };
      const status = marks.status === 'done' ? 'in progress' : 'done';
      const next = setMarks(state, article.id, { ...marks, status });
      return emit(
        { ...next, message: info(status === 'done' ? 'marked done' : 'back to in progress') },
        { kind: 'status', article: article.id, status },
      );
    }
    case 'undo':
    case 'redo':
      return emit({ ...state, message: null }, { kind: action.type });
    case 'search/open':
      if (!state.searchAvailable) {
        const why = state.loading
          ? 'search opens once the corpus has loaded'
          : 'search is getting ready, try again in a moment';
        return { ...state, message: warn(why) };
      }
      return {
        ...state,
        message: null,
        mode: {
          kind: 'search',
          query: state.results?.query ?? '',
          hits: state.results?.hits ?? [],
          selected: state.results?.index ?? 0,
          origin: {
            current: state.current,
            focus: state.focus,
            cursor: currentArticle(state) ? cursorOf(state, currentArticle(state)!) : 0,
          },
        },
      };
    case 'search/move': {
      const mode = state.mode;
      if (mode.kind !== 'search' || mode.hits.length === 0) return state;
      const selected = Math.min(Math.max(0, mode.selected + action.delta), mode.hits.length - 1);
      return { ...state, mode: { ...mode, selected } };
    }
    case 'search/accept': {
      const mode = state.mode;
      if (mode.kind !== 'search') return state;
      const hit = mode.hits[mode.selected];
      if (!hit) return { ...state, message: info('no result to open') };
      const landed = jumpTo({ ...state, mode: { kind: 'browse' } }, hit.article, hit.sentence);
      return {
        ...landed,
        results: { query: mode.query, hits: mode.hits, index: mode.selected },
        message: info(
          `result ${mode.selected + 1} of ${mode.hits.length}: n next, N previous, Esc ends`,
        ),
      };
    }
    case 'search/cancel': {
      const mode = state.mode;
      if (mode.kind !== 'search') return state;
      const back = withCurrent({ ...state, mode: { kind: 'browse' } }, mode.origin.current);
      return withCursor({ ...back, focus: mode.origin.focus }, mode.origin.cursor);
    }
    case 'search/next':
      return stepResults(state, 1);
    case 'search/prev':
      return stepResults(state, -1);
    case 'help/toggle':
      return {
        ...state,
        helpTop: 0,
        mode: state.mode.kind === 'help' ? { kind: 'browse' } : { kind: 'help' },
      };
    case 'help/scroll': {
      const { columns } = state.size;
      const max = helpMaxTop(columns, paneLayout(state.size).bodyHeight - 1);
      return { ...state, helpTop: Math.min(Math.max(0, state.helpTop + action.delta), max) };
    }
    case 'app/quit':
      return quitIfDrained({
        ...state,
        mode: { kind: 'quitting' },
        message: info('saving… margin quits once everything is written'),
      });
  }
}

/** The review state machine: every key and every outside event goes through here. */
export function reduce(state: ReviewState, action: Action): ReviewState {
  switch (action.type) {
    case 'input':
      return pressKeys(state, action.input, action.key);
    case 'edit/input': {
      const mode = state.mode;
      if (mode.kind === 'note') return { ...state, mode: { ...mode, draft: action.value } };
      if (mode.kind === 'attributes') {
        const field = mode.fields[mode.focus];
        if (!field) return state;
        return {
          ...state,
          mode: { ...mode, values: { ...mode.values, [field.key]: action.value } },
        };
      }
      return state;
    }
    case 'app/terminate':
      return quitIfDrained({
        ...state,
        mode: { kind: 'quitting' },
        message: info('saving… margin quits once everything is written'),
      });
    case 'search/ready':
      return { ...state, searchAvailable: true };
    case 'search/query': {
      const mode = state.mode;
      if (mode.kind !== 'search') return state;
      return { ...state, mode: { ...mode, query: action.query, hits: action.hits, selected: 0 } };
    }
    case 'terminal/resize': {
      const next = { ...state, size: action.size };
      return {
        ...next,
        top: followReader(next, state.top),
        listTop: followList(next, state.listTop),
      };
    }
    case 'corpus/progress': {
      const next = {
        ...state,
        articles:
          action.articles.length > 0 ? [...state.articles, ...action.articles] : state.articles,
        loading: { done: action.done, total: action.total },
      };
      return { ...next, listTop: followList(next, state.listTop) };
    }
    case 'corpus/loaded': {
      const warnings = [...state.warnings, ...action.warnings];
      if (!action.articles) return { ...state, loading: null, warnings };
      // Articles streamed in as they were read; keep the one under the cursor under it.
      const id = currentArticle(state)?.id;
      const found = id ? action.articles.findIndex((article) => article.id === id) : 0;
      const next = {
        ...state,
        articles: action.articles,
        current: Math.max(0, found),
        loading: null,
        warnings,
      };
      return {
        ...next,
        top: followReader(next, state.top),
        listTop: followList(next, state.listTop),
      };
    }
    case 'store/synced': {
      const warnings = action.warnings
        ? [...state.warnings, ...action.warnings.filter((w) => !state.warnings.includes(w))]
        : state.warnings;
      const next = { ...state, marks: { ...state.marks, ...action.marks }, warnings };
      return { ...next, top: followReader(next, state.top) };
    }
    case 'effects/taken':
      return quitIfDrained({
        ...state,
        outbox: state.outbox.filter((queued) => queued.id > action.through),
        save: { ...state.save, pending: action.pending },
      });
    case 'save/progress':
      return quitIfDrained({ ...state, save: { pending: action.pending, error: action.error } });
    case 'save/result':
      return action.message ? { ...state, message: info(action.message) } : state;
    default:
      if (state.mode.kind === 'quitting') return state;
      // A message answers the last key; the next key replaces or clears it.
      return keyAction({ ...state, message: null }, action);
  }
}

/** Which rows of the keymap apply now; null while waiting to quit. */
export function keyContext(state: ReviewState): KeyContext | null {
  switch (state.mode.kind) {
    case 'help':
    case 'search':
    case 'note':
    case 'attributes':
      return state.mode.kind;
    case 'quitting':
      return null;
    default:
      if (state.focus === 'list') return 'list';
      return state.results ? 'results' : 'reader';
  }
}

const TEXT_ENTRY = new Set<KeyContext>(['search', 'note', 'attributes']);

/**
 * Keys go through the keymap here, against the state each previous key left, so a chunk such
 * as "jj1" moves twice and then tags. In a text input the chunk is typed text: only the keys the
 * table gives that context (Enter, Esc, Tab, arrows) act, the rest belongs to the input.
 */
function pressKeys(state: ReviewState, input: string, key: KeyState): ReviewState {
  const context = keyContext(state);
  if (context === null) {
    if (key.ctrl && input === 'c') return { ...state, forceQuit: true };
    return state;
  }
  if (TEXT_ENTRY.has(context)) {
    const entry = lookup(context, input, key);
    return entry ? reduce(state, entry.action) : state;
  }
  let next = state;
  for (const press of splitKeys(input, key)) {
    const now = keyContext(next);
    if (now === null || TEXT_ENTRY.has(now)) break;
    const entry = lookup(now, press.input, press.key);
    if (entry) next = reduce(next, entry.action);
  }
  return next;
}
