import type { Article, Sentence } from '../corpus/types.js';
import { ownValue } from '../text/own.js';
import { type ArticleMarks, EMPTY_MARKS, NO_SENTENCE_MARKS, type SentenceMarks } from './marks.js';
import { badgeColumns } from './project.js';
import type { ReviewState } from './state.js';
import { compareSpots, READER_START, ReaderGeometry, type ReaderSpot } from './view/geometry.js';
import { CONTEXT_LINES, LIST_ENTRY_LINES, paneLayout } from './view/layout.js';
import { listProblems } from './view/problems.js';
import { followTop } from './view/window.js';
import { orphanLines } from './view/wrap.js';

export function currentArticle(state: ReviewState): Article | undefined {
  return state.articles[state.current];
}

const idMaps = new WeakMap<readonly Article[], Map<string, Article>>();

/** The loaded article with this id; the id map is built once per list of articles, not per key. */
export function articleById(state: ReviewState, id: string): Article | undefined {
  let byId = idMaps.get(state.articles);
  if (!byId) {
    byId = new Map(state.articles.map((article) => [article.id, article]));
    idMaps.set(state.articles, byId);
  }
  return byId.get(id);
}

/** The article's marks; until they are read, its summary (counts, no sentences). */
export function marksOf(state: ReviewState, article: string): ArticleMarks {
  return ownValue(state.marks, article) ?? ownValue(state.summaries, article) ?? EMPTY_MARKS;
}

export function cursorOf(state: ReviewState, article: Article): number {
  return Math.min(
    ownValue(state.cursors, article.id) ?? 0,
    Math.max(0, article.sentences.length - 1),
  );
}

export function currentSentence(state: ReviewState): Sentence | undefined {
  const article = currentArticle(state);
  return article ? article.sentences[cursorOf(state, article)] : undefined;
}

export function sentenceMarks(marks: ArticleMarks, sentence: string): SentenceMarks {
  return marks.sentences[sentence] ?? NO_SENTENCE_MARKS;
}

const plain = new WeakMap<Article, Map<number, ReaderGeometry>>();
const withOrphans = new WeakMap<ArticleMarks, Map<number, ReaderGeometry>>();

function memoised<K extends object>(
  memo: WeakMap<K, Map<number, ReaderGeometry>>,
  key: K,
  width: number,
  make: () => ReaderGeometry,
): ReaderGeometry {
  let byWidth = memo.get(key);
  if (!byWidth) {
    byWidth = new Map();
    memo.set(key, byWidth);
  }
  let geometry = byWidth.get(width);
  if (!geometry) {
    geometry = make();
    byWidth.set(width, geometry);
  }
  return geometry;
}

/**
 * The article's lines with the orphan list under them, as the reader scrolls through them.
 * Memoised per article (per marks object when it has orphans) and width, so the reader's props
 * stay equal while nothing changed; its sentences are wrapped as the window reaches them.
 */
export function readerGeometry(state: ReviewState, article: Article): ReaderGeometry {
  const { textWidth } = paneLayout(state.size, badgeColumns(state.project.labels));
  const marks = marksOf(state, article.id);
  if (marks.orphans.length === 0)
    return memoised(plain, article, textWidth, () => new ReaderGeometry(article, textWidth));
  return memoised(withOrphans, marks, textWidth, () => {
    const extra = orphanLines(
      marks.orphans.map((orphan) => ({
        label: orphan.label,
        quote: orphan.anchor.quote,
        note: orphan.note,
      })),
      textWidth,
    );
    return new ReaderGeometry(article, textWidth, extra);
  });
}

/** Lines the list pane gives up at its bottom to loading progress and warnings. */
export function listChromeLines(state: ReviewState): number {
  const width = paneLayout(state.size).listWidth;
  return (state.loading ? 1 : 0) + listProblems(state.warnings, width).length;
}

/**
 * Lines between the header and the status bar, less the attribute editor's, which opens below
 * the panes. The panes keep their windows (list and reader positions) while it is open; what
 * they draw past these lines is cut, not left under the editor's short lines, which kept the
 * list's text after them ("▶ claimant:  es Ti… · 2019-11-20 · no tags").
 */
export function bodyLines(state: ReviewState): number {
  const editor = state.mode.kind === 'attributes' ? state.mode.fields.length : 0;
  return Math.max(1, paneLayout(state.size).bodyHeight - editor);
}

/** Search results a box of `height` lines shows: two lines each under the query and the count. */
export function resultsPerPage(height: number): number {
  return Math.max(1, Math.floor((height - 2) / 2));
}

/** Search results shown at once (a page for PgDn/PgUp in the search box). */
export function searchPage(state: ReviewState): number {
  return resultsPerPage(bodyLines(state));
}

/** Lines of the list pane that show articles. */
export function listLines(state: ReviewState): number {
  return Math.max(1, paneLayout(state.size).bodyHeight - listChromeLines(state));
}

/** Articles the list shows at once (a page for PgDn/PgUp in the list). */
export function listHeight(state: ReviewState): number {
  return Math.max(1, Math.floor(listLines(state) / LIST_ENTRY_LINES));
}

/**
 * The reader's first visible line once the cursor has moved (or the size changed). A cursor
 * that has just come `onto` a sentence taller than the window shows its beginning, wherever in
 * it the window was: it is read from there, a page at a time.
 */
export function followReader(state: ReviewState, top: ReaderSpot, onto = false): ReaderSpot {
  const article = currentArticle(state);
  if (!article || article.sentences.length === 0) return READER_START;
  const geometry = readerGeometry(state, article);
  const { first, last } = geometry.targetOf(cursorOf(state, article));
  const height = paneLayout(state.size).bodyHeight;
  const from = onto ? geometry.bounds(first, last, height, CONTEXT_LINES) : null;
  return geometry.follow(from?.tall ? from.above : top, first, last, height, CONTEXT_LINES);
}

/**
 * The reader's top line after a resize: inside a sentence it stays on the same words (the line
 * holding the first letter the old top line showed), since a line's number means other words at
 * another width, and a tall sentence being paged would otherwise jump back to its start or on
 * past where the reviewer was reading.
 */
export function carriedTop(before: ReviewState, after: ReviewState): ReaderSpot {
  const article = currentArticle(before);
  if (!article || article.sentences.length === 0) return before.top;
  const old = readerGeometry(before, article);
  const spot = old.canonical(before.top);
  if (spot.item < 0 || spot.item >= old.sentences) return before.top;
  const letters = (text: string) => text.replace(/\s/g, '').length;
  const lines = old.lines(spot.item);
  let seen = 0;
  for (let index = 0; index < spot.line; index += 1) seen += letters(lines[index]!.text);
  if (seen === 0) return spot;
  const now = readerGeometry(after, article).lines(spot.item);
  let count = 0;
  for (let index = 0; index < now.length; index += 1) {
    count += letters(now[index]!.text);
    if (count > seen) return { item: spot.item, line: index };
  }
  return { item: spot.item, line: Math.max(0, now.length - 1) };
}

/**
 * Whether the current sentence goes on below the reader's window: one taller than the window,
 * not yet paged to its end (the page-down key shows its next page before it moves on).
 */
export function sentenceRunsOn(state: ReviewState): boolean {
  const article = currentArticle(state);
  if (!article || article.sentences.length === 0) return false;
  const geometry = readerGeometry(state, article);
  const { first, last } = geometry.targetOf(cursorOf(state, article));
  const height = paneLayout(state.size).bodyHeight;
  const { tall, below } = geometry.bounds(first, last, height, CONTEXT_LINES);
  return tall && compareSpots(geometry.canonical(state.top), below) < 0;
}

export function followList(state: ReviewState, top: number): number {
  return followTop(top, state.current, state.current, listHeight(state), state.articles.length, 1);
}

/**
 * What `!` lists: a failed write first, in full (the status bar has room for its first words
 * only, and "EACCES: permission denied, open '…/ana/000_….json'" is what says how to mend it),
 * then the corpus's and the store's problems.
 */
export function problemsOf(state: ReviewState): string[] {
  return state.save.error ? [state.save.error, ...state.warnings] : state.warnings;
}
