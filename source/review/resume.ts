import { ownValue } from '../text/own.js';
import { withCurrent, withCursor } from './navigation.js';
import type { Focus, ReviewState } from './state.js';

/** Where a reviewer stopped: the article and sentence on screen when they quit (`q`). */
export interface ReviewPlace {
  article: string;
  /** The sentence's id, and its position for when the article's text changed since. */
  sentence: string;
  index: number;
  focus: Focus;
}

/**
 * The review opened again where the reviewer stopped (qa53: every start put them at article 1 of
 * a 10,000-article corpus). An article opened so is being read, as one reached from a search: it
 * becomes in progress at the first change, not by being shown. Unchanged when the article is
 * not (yet) in the list.
 */
export function resumeAt(state: ReviewState, place: ReviewPlace): ReviewState {
  const index = state.articles.findIndex((article) => article.id === place.article);
  if (index < 0) return state;
  const moved = withCurrent(state, index);
  const article = moved.articles[index]!;
  const byId = article.sentences.findIndex((sentence) => sentence.id === place.sentence);
  const placed = withCursor(moved, byId >= 0 ? byId : place.index);
  if (place.focus !== 'reader') return placed;
  return { ...placed, focus: 'reader', reading: { ...placed.reading, [article.id]: true } };
}

/** The place to keep when the reviewer quits, or null over an empty list. */
export function placeOf(state: ReviewState): ReviewPlace | null {
  const article = state.articles[state.current];
  if (!article) return null;
  const index = Math.min(
    ownValue(state.cursors, article.id) ?? 0,
    Math.max(0, article.sentences.length - 1),
  );
  const sentence = article.sentences[index];
  return {
    article: article.id,
    sentence: sentence?.id ?? '',
    index,
    focus: state.focus,
  };
}
