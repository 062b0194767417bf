import { withCursor } from './navigation.js';
import { articleById, currentArticle, cursorOf } from './selectors.js';
import type { Landing, ReviewState, Spot } from './state.js';

/** Where the reader's cursor stands as undo or redo is pressed (none outside the reader). */
export function spotOf(state: ReviewState): Spot | null {
  const article = currentArticle(state);
  if (!article || state.focus !== 'reader' || state.mode.kind !== 'browse') return null;
  return { article: article.id, cursor: cursorOf(state, article) };
}

/**
 * Shows where an undo or redo took effect: the cursor goes to its sentence when that is in the
 * open article and no key has moved the cursor since (a `j` typed while the write ran wins; an
 * earlier undo's landing does not count: `u u` typed during a slow write goes to each in turn),
 * and a step in another article is named, since nothing on screen changed.
 */
export function land(state: ReviewState, landing: Landing): ReviewState {
  const article = currentArticle(state);
  if (!article || landing.sentence === null) return state;
  if (landing.article !== article.id) {
    const other = articleById(state, landing.article);
    if (!state.message || !other) return state;
    const where = other.title?.trim() || other.id;
    return { ...state, message: { ...state.message, text: `${state.message.text} in “${where}”` } };
  }
  const from = landing.from;
  if (!from || from.article !== article.id || state.mode.kind !== 'browse') return state;
  const cursor = cursorOf(state, article);
  const landed = state.landed?.article === article.id && state.landed.cursor === cursor;
  if (state.focus !== 'reader' || (cursor !== from.cursor && !landed)) return state;
  const index = article.sentences.findIndex((sentence) => sentence.id === landing.sentence);
  if (index < 0 || index === cursor) return state;
  return { ...withCursor(state, index), landed: { article: article.id, cursor: index } };
}
