import type { SearchHit } from '../search/types.js';
import { ownValue } from '../text/own.js';
import type { KeyAction } from './actions.js';
import { moreMatch, resultOf } from './search-count.js';
import {
  currentArticle,
  cursorOf,
  followList,
  followReader,
  listHeight,
  marksOf,
  readerGeometry,
} from './selectors.js';
import type { Origin, Results, ReviewState } from './state.js';
import { emit, info, setMarks, warn } from './updates.js';
import { compareSpots, READER_START, type ReaderSpot } from './view/geometry.js';
import { CONTEXT_LINES, paneLayout } from './view/layout.js';

/** Where the reviewer is now, to come back to after a jump (a search's hit, a story member). */
export function placeHere(state: ReviewState): Origin {
  const article = currentArticle(state);
  return {
    article: article?.id ?? null,
    current: state.current,
    focus: state.focus,
    cursor: article ? cursorOf(state, article) : 0,
  };
}

/**
 * Back to `origin`: its article where the list has it now (qa review of stop 54: after the list
 * changed under an open hit, Esc went by place to the article that had moved there), else the
 * place it was at.
 */
export function goBack(state: ReviewState, origin: Origin): ReviewState {
  const found =
    origin.article === null ? -1 : state.articles.findIndex((a) => a.id === origin.article);
  const back = withCurrent(state, found >= 0 ? found : origin.current);
  return withCursor({ ...back, focus: origin.focus }, origin.cursor);
}

export function withCursor(state: ReviewState, index: number): ReviewState {
  const article = currentArticle(state);
  if (!article || article.sentences.length === 0) return state;
  const cursor = Math.min(Math.max(0, index), article.sentences.length - 1);
  const next = { ...state, cursors: { ...state.cursors, [article.id]: cursor } };
  return { ...next, top: followReader(next, state.top, cursor !== cursorOf(state, article)) };
}

/** The reader scrolled to `top`, the cursor where it is (kept in view all the same). */
function scrolledTo(state: ReviewState, top: ReaderSpot): ReviewState {
  const next = followReader(state, top);
  return compareSpots(next, state.top) === 0 ? state : { ...state, top: next };
}

export function withCurrent(state: ReviewState, index: number): ReviewState {
  if (state.articles.length === 0) return state;
  const current = Math.min(Math.max(0, index), state.articles.length - 1);
  if (current === state.current) return state;
  const next = { ...state, current, results: null };
  return {
    ...next,
    top: followReader(next, READER_START),
    listTop: followList(next, state.listTop),
  };
}

/** Moving into the reader from the list: an unreviewed article becomes "in progress". */
export function open(state: ReviewState): ReviewState {
  const article = currentArticle(state);
  if (!article) return state;
  const opened = {
    ...state,
    focus: 'reader' as const,
    top: followReader(state, state.top),
    reading: withoutKey(state.reading, article.id),
  };
  const marks = marksOf(state, article.id);
  if (marks.status !== 'unreviewed' || marks.readOnly) return opened;
  const effect = {
    kind: 'status' as const,
    article: article.id,
    status: 'in progress' as const,
    opened: true,
  };
  // Before the store is open its status is not known (it may be done): the write checks then.
  return emit(
    setMarks(opened, article.id, { ...marks, status: 'in progress' }),
    state.storeOpen ? effect : { ...effect, ifUnreviewed: true },
  );
}

/**
 * To a sentence in the reader. `reading`: reached from a search result or the story panel, to be
 * read, not reviewed: the article stays unreviewed until the reviewer changes something in it
 * (`startedByChange`); qa52: stepping through 30 hits left 30 articles in progress, 30 files.
 */
export function jumpTo(
  state: ReviewState,
  articleId: string,
  sentenceId: string,
  reading = false,
): ReviewState {
  const index = state.articles.findIndex((article) => article.id === articleId);
  if (index < 0) return { ...state, message: warn(`article ${articleId} is not loaded`) };
  const moved = withCurrent(state, index);
  const article = moved.articles[index]!;
  const sentence = Math.max(
    0,
    article.sentences.findIndex((s) => s.id === sentenceId),
  );
  const read =
    marksOf(moved, articleId).status === 'unreviewed' && !ownValue(state.reading, articleId);
  // `w` in an article being read moves within it: still read, not opened.
  const shown =
    reading || ownValue(state.reading, articleId)
      ? {
          ...moved,
          focus: 'reader' as const,
          top: followReader(moved, moved.top),
          ...(read ? { reading: { ...moved.reading, [articleId]: true as const } } : {}),
        }
      : open(moved);
  return withCursor(shown, sentence);
}

/**
 * `n`/`N`: the next or previous result of the accepted search, round from the last to the first.
 * `n` on the last listed while more match asks for the next results (`wanted`) as PgDn does in
 * the box (polish54: it went round to the first), and `resultsArrived` steps on to them.
 */
export function stepResults(state: ReviewState, delta: number): ReviewState {
  const results = state.results;
  if (!results || results.hits.length === 0) return state;
  const listed = results.hits.length;
  if (delta > 0 && results.index + delta >= listed && moreMatch(listed, results.total)) {
    return {
      ...state,
      results: { ...results, wanted: results.index + delta },
      message: info(`reading the results after the first ${listed}…`),
    };
  }
  return atResult(state, results, (results.index + delta + listed) % listed);
}

/**
 * The next results of the accepted search, asked for by `n` past the last listed (`wanted`):
 * `hits` begins with those listed. `n` steps on to the one asked for, or round to the first
 * when nothing new came.
 */
export function resultsArrived(
  state: ReviewState,
  query: string,
  found: SearchHit[],
  total: number | null | undefined,
): ReviewState {
  const results = state.results;
  if (!results || results.query !== query || results.wanted === undefined) return state;
  const { paged, at } = moreArrived(results, found, total);
  return atResult(state, paged, at ?? 0);
}

/**
 * The next results come for a list that asked for them (`wanted`: PgDn or ↓ past the last in
 * the search box, `n` past the last result after it), the one place both page on: those listed
 * stay where they are and the new follow them; the count stands while something new came.
 * `at`: the one asked for, or the last there is; null when nothing new came (all that match are
 * listed, whatever the count said: it goes).
 */
export function moreArrived<Listed extends { hits: SearchHit[]; wanted?: number }>(
  listed: Listed & { total?: number | null },
  found: SearchHit[],
  total: number | null | undefined,
): { paged: Omit<Listed, 'wanted'> & { total?: number | null }; at: number | null } {
  const { wanted = listed.hits.length, ...rest } = listed;
  const hits = withMore(listed.hits, found);
  const more = hits.length > listed.hits.length;
  return {
    paged: { ...rest, hits, total: more ? total : undefined },
    at: more ? Math.min(wanted, hits.length - 1) : null,
  };
}

/** `hits` and then those of `found` not among them: a larger limit may rank the last otherwise. */
function withMore(hits: SearchHit[], found: SearchHit[]): SearchHit[] {
  const key = (hit: SearchHit) => `${hit.article}\u0000${hit.sentence}`;
  const shown = new Set(hits.map(key));
  return [...hits, ...found.filter((hit) => !shown.has(key(hit)))];
}

/** The reader on result `index` of `results`, and the status line saying which it is. */
function atResult(state: ReviewState, results: Results, index: number): ReviewState {
  const hit = results.hits[index]!;
  const next = jumpTo(state, hit.article, hit.sentence, true);
  return {
    ...next,
    results: { ...results, index },
    message: info(`${resultOf(index, results.hits.length, results.total)} for “${results.query}”`),
  };
}

export function move(state: ReviewState, action: KeyAction): ReviewState {
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
      default: {
        const last = withCurrent(state, state.articles.length - 1);
        return last.loading ? { ...last, loading: { ...last.loading, toEnd: true } } : last;
      }
    }
  }
  if (!article) return state;
  const cursor = cursorOf(state, article);
  const geometry = readerGeometry(state, article);
  const height = paneLayout(state.size).bodyHeight;
  const page = Math.max(1, height - 2);
  const count = article.sentences.length;
  switch (action.type) {
    case 'cursor/next':
      return withCursor(state, cursor + 1);
    case 'cursor/prev':
      return withCursor(state, cursor - 1);
    case 'cursor/page-down': {
      if (count === 0) return state;
      const top = geometry.canonical(state.top);
      const { first, last } = geometry.targetOf(cursor);
      const { tall, below } = geometry.bounds(first, last, height, CONTEXT_LINES);
      // A sentence taller than the window is read a page at a time before the cursor moves on,
      // as a pager does: each page keeps the last line of the one before in view.
      if (tall && compareSpots(top, below) < 0) {
        const down = geometry.advance(top, Math.max(1, height - 1)).spot;
        return scrolledTo(state, compareSpots(down, below) < 0 ? down : below);
      }
      // The first sentence ending a page or more below this one's start (or the window's, when it
      // starts above it); past the text, the last.
      const from = geometry.firstOf(cursor);
      const goal = geometry.advance(compareSpots(top, from) > 0 ? top : from, page);
      const past = goal.moved < page;
      let next = cursor + 1;
      while (next < count - 1 && (past || compareSpots(geometry.lastOf(next), goal.spot) < 0))
        next += 1;
      return withCursor(state, next);
    }
    case 'cursor/page-up': {
      if (count === 0) return state;
      const top = geometry.canonical(state.top);
      const { first, last } = geometry.targetOf(cursor);
      const { tall, above } = geometry.bounds(first, last, height, CONTEXT_LINES);
      if (tall && compareSpots(top, above) > 0) {
        const back = geometry.advance(top, -Math.max(1, height - 1)).spot;
        return scrolledTo(state, compareSpots(back, above) > 0 ? back : above);
      }
      const goal = geometry.advance(geometry.firstOf(cursor), -page).spot;
      let next = cursor - 1;
      while (next > 0 && compareSpots(geometry.firstOf(next), goal) > 0) next -= 1;
      const moved = withCursor(state, next);
      // Paging back onto a sentence taller than the window shows its last page, so that it reads
      // back a page at a time, every line of it seen with the cursor on it.
      const target = geometry.targetOf(cursorOf(moved, article));
      const onto = geometry.bounds(target.first, target.last, height, CONTEXT_LINES);
      return onto.tall ? scrolledTo(moved, onto.below) : moved;
    }
    case 'cursor/first':
      return withCursor(state, 0);
    default:
      return withCursor(state, article.sentences.length - 1);
  }
}

export function nextUntagged(state: ReviewState): ReviewState {
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

/** The writes that change an article's annotations: the first makes it in progress. */
const CHANGES = new Set(['toggle', 'clear', 'annotate', 'tag-many', 'adopt', 'accept']);

/**
 * An unreviewed article the key changed (one reached from a search result or the story panel,
 * which opening leaves alone) becomes "in progress", as opening it from the list makes it: a
 * status no step of its own for undo, as the opening's.
 */
export function startedByChange(before: ReviewState, after: ReviewState): ReviewState {
  if (after.outbox.length === before.outbox.length) return after;
  let next = after;
  for (const effect of after.outbox.slice(before.outbox.length)) {
    if (!('article' in effect) || !ownValue(next.reading, effect.article)) continue;
    if (effect.kind !== 'status' && !CHANGES.has(effect.kind)) continue;
    next = { ...next, reading: withoutKey(next.reading, effect.article) };
    if (effect.kind === 'status') continue;
    const marks = marksOf(next, effect.article);
    if (marks.status !== 'unreviewed' || marks.readOnly) continue;
    const status = {
      kind: 'status' as const,
      article: effect.article,
      status: 'in progress' as const,
      opened: true,
    };
    // Before the store is open the article may be done already: the write checks then.
    next = emit(
      setMarks(next, effect.article, { ...marks, status: 'in progress' }),
      next.storeOpen ? status : { ...status, ifUnreviewed: true },
    );
  }
  return next;
}

function withoutKey(set: Record<string, true>, key: string): Record<string, true> {
  if (!ownValue(set, key)) return set;
  const { [key]: _gone, ...rest } = set;
  return rest;
}
