import type { Label } from '../store/types.js';
import type { CompareView } from './compare.js';
import { sortLabels } from './marks.js';
import { jumpTo } from './navigation.js';
import { currentArticle, marksOf } from './selectors.js';
import type { ReviewState } from './state.js';
import { emit, info, STORE_LOADING, setMarks, warn } from './updates.js';
import { compareColumns } from './view/compare-columns.js';

export function openCompare(state: ReviewState): ReviewState {
  if (!state.compare) {
    return { ...state, message: warn('start margin with --compare to compare annotators') };
  }
  const article = currentArticle(state);
  if (!article) return state;
  if (!state.storeOpen) return { ...state, message: warn(STORE_LOADING) };
  return { ...state, mode: { kind: 'compare', article: article.id, selected: 0, rows: null } };
}

export function moveCompare(state: ReviewState, delta: number): ReviewState {
  const mode = state.mode;
  if (mode.kind !== 'compare' || !mode.rows || mode.rows.length === 0) return state;
  const selected = Math.min(Math.max(0, mode.selected + delta), mode.rows.length - 1);
  return { ...state, mode: { ...mode, selected } };
}

/** How many annotators the table shows at a time, as the overlay draws it. */
function perPage(state: ReviewState, rows: readonly CompareView[]): number {
  return compareColumns(rows, state.project.labels.length, state.size.columns).perPage;
}

/**
 * `→`/`←`: the next or the previous annotators, as many as the table shows. With ten or more, the
 * keys 1–9 reached only the first nine, and the numbers 10, 11… in the header named keys that do
 * not exist.
 */
export function shiftCompare(state: ReviewState, delta: 1 | -1): ReviewState {
  const mode = state.mode;
  if (mode.kind !== 'compare' || !mode.rows) return state;
  const count = mode.rows[0]?.annotators.length ?? 0;
  const page = perPage(state, mode.rows);
  const last = Math.max(0, Math.floor((count - 1) / page) * page);
  const first = Math.min(Math.max(0, (mode.first ?? 0) + delta * page), last);
  if (first === (mode.first ?? 0)) {
    const where = count <= page ? 'every annotator is shown' : 'no more annotators';
    return { ...state, message: info(where) };
  }
  return { ...state, mode: { ...mode, first } };
}

/**
 * Takes the version of the annotator in column `index` (0 for key 1) of those shown of the
 * selected sentence into the writer's (gold) labels.
 */
export function acceptCompare(state: ReviewState, index: number): ReviewState {
  const mode = state.mode;
  if (mode.kind !== 'compare' || !mode.rows) return state;
  const row = mode.rows[mode.selected];
  // Only a column on screen: a key past the last one shown takes nobody unseen.
  const shown = index < perPage(state, mode.rows);
  const chosen = shown ? row?.annotators[(mode.first ?? 0) + index] : undefined;
  if (!row || !chosen) return { ...state, message: warn(`no annotator ${index + 1} to accept`) };
  if (chosen.refused) {
    return {
      ...state,
      message: warn(`nothing to accept: ${chosen.annotator}'s file here was refused`),
    };
  }
  if (chosen.unreviewed) {
    const how = chosen.unreviewed === 'opened' ? 'only opened' : 'has not opened';
    return {
      ...state,
      message: warn(`nothing to accept: ${chosen.annotator} ${how} this article`),
    };
  }
  const marks = marksOf(state, mode.article);
  if (marks.readOnly) return { ...state, message: warn(`read-only: ${marks.readOnly}`) };
  const sentences = { ...marks.sentences };
  const labels: Label[] = sortLabels(chosen.labels, state.project.labels);
  const current = sentences[row.sentence];
  if (labels.length === 0) delete sentences[row.sentence];
  else sentences[row.sentence] = { note: null, attributes: {}, ...current, labels };
  const next = setMarks(
    { ...state, message: info(`accepted ${chosen.annotator}'s version`) },
    mode.article,
    { ...marks, sentences },
  );
  return emit(next, {
    kind: 'accept',
    article: mode.article,
    sentence: row.sentence,
    annotator: chosen.annotator,
  });
}

/** Leaves the table at the selected sentence in the reader. */
export function goCompare(state: ReviewState): ReviewState {
  const mode = state.mode;
  if (mode.kind !== 'compare') return state;
  const row = mode.rows?.[mode.selected];
  const closed = { ...state, mode: { kind: 'browse' as const } };
  return row ? jumpTo(closed, mode.article, row.sentence) : closed;
}

export function compareRowsArrived(
  state: ReviewState,
  article: string,
  rows: NonNullable<Extract<ReviewState['mode'], { kind: 'compare' }>['rows']>,
): ReviewState {
  const mode = state.mode;
  if (mode.kind !== 'compare' || mode.article !== article) return state;
  const selected = Math.min(mode.selected, Math.max(0, rows.length - 1));
  return { ...state, mode: { ...mode, rows, selected } };
}
