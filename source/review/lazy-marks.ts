import { ownValue } from '../text/own.js';
import { sentencesRead } from './marks.js';
import { currentArticle } from './selectors.js';
import type { ReviewState } from './state.js';
import { counterparts } from './story.js';

/**
 * Articles whose sentences the screen needs now and has not read: the one under the cursor (the
 * reader shows it, and every key that edits acts on it), the one an overlay is about, and in the
 * story view the articles of the counterparts it lists and copies onto. The list needs none: it
 * shows the store index's counts.
 */
export function marksUnread(state: ReviewState): string[] {
  const wanted = new Set<string>();
  const article = currentArticle(state);
  if (article) wanted.add(article.id);
  const mode = state.mode;
  if ('article' in mode) wanted.add(mode.article);
  if (mode.kind === 'story') {
    for (const { member } of counterparts(state, mode.article, mode.sentence))
      wanted.add(member.article);
  }
  return [...wanted].filter((id) => !sentencesRead(ownValue(state.marks, id)));
}
