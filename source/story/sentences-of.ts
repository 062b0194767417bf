/**
 * Some sentences of an article added to a story index, the others as empty sentences the index
 * never compares: when groups are placed (an article added or removed, an unlink), only a few
 * sentences of each article read are compared, and working out every sentence's words took
 * most of the time (at 100,000 articles, 187 of the 560 ms an added article's placing took,
 * and each group a removed article was in read up to 200 whole articles).
 */
import type { StoryIndex } from './story-index.js';
import { type SentenceFeatures, sentenceFeatures } from './tokens.js';
import type { StoryArticle } from './types.js';

/**
 * Adds `article` to `index` with the sentences at `positions` worked out, and those their
 * speakers come from (a bare quote or "he said" takes the speakers of the sentence before it,
 * borrowed in turn, or else of the next one: `speakersInArticle`); every other sentence is
 * empty, so it keeps its position but is never compared nor grouped. The sentences worked out
 * are compared as when the whole article is added.
 */
export function addSentences(
  index: StoryIndex,
  article: StoryArticle,
  positions: Iterable<number>,
): void {
  const count = article.sentences.length;
  const features: Array<SentenceFeatures | undefined> = new Array(count);
  const made = (position: number): SentenceFeatures | undefined => {
    if (position < 0 || position >= count) return undefined;
    let feature = features[position];
    if (!feature) {
      feature = sentenceFeatures(article.sentences[position]!.text, index.vocabulary);
      features[position] = feature;
    }
    return feature;
  };
  for (const position of positions) {
    let at = position;
    let feature = made(at);
    if (!feature?.borrowsSpeaker) continue;
    made(position + 1);
    // Back to the first sentence that does not borrow.
    while (feature?.borrowsSpeaker && at > 0) feature = made(--at);
  }
  let empty: SentenceFeatures | undefined;
  const all = Array.from(features, (feature) => {
    if (feature) return feature;
    empty ??= sentenceFeatures('', index.vocabulary);
    return empty;
  });
  index.addFeatures(article, all);
}
