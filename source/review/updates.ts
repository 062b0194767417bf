import type { ArticleMarks } from './marks.js';
import type { Effect, Message, ReviewState } from './state.js';

/** Small updates the reducer's parts share: a message for the status bar, a queued write, marks. */
export const info = (text: string): Message => ({ text, tone: 'info' });
export const warn = (text: string): Message => ({ text, tone: 'warning' });

export function emit(state: ReviewState, effect: Effect): ReviewState {
  return { ...state, outbox: [...state.outbox, effect] };
}

/** Why a key that needs the stored annotations cannot act yet. */
export const STORE_LOADING = 'annotations are still loading: try again in a moment';

/** What the screen says while such a key and those typed after it wait for the store. */
export const STORE_WAIT = 'annotations are loading: keys act once they are in';

/** Why a note or attributes could not be saved on a sentence whose labels were undone. */
export const UNLABELLED =
  'the sentence has no label any more (undone meanwhile); tag it, then add the note or attributes';

export function setMarks(state: ReviewState, article: string, marks: ArticleMarks): ReviewState {
  return { ...state, marks: { ...state.marks, [article]: marks } };
}
