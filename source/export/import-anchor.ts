import type { Article } from '../corpus/types.js';
import { sentencesById } from '../store/anchor.js';
import { makeAnchor, placeAnchor } from '../store/index.js';
import type { Anchor } from '../store/types.js';

/**
 * Re-anchors an imported anchor on the article's current text, by quote and context (the store's
 * own placement). When it lands somewhere other than its offsets say, or the text changed since,
 * the anchor is rewritten from the sentence it landed on, so the store holds current offsets.
 * Otherwise it is kept byte for byte, so an export → import round trip changes nothing. An anchor
 * that cannot be placed is kept as given: the store shows it as an orphan, as it was.
 */
export function reanchor(anchor: Anchor, article: Article): { anchor: Anchor; placed: boolean } {
  const placement = placeAnchor(anchor, article);
  if (!placement) return { anchor, placed: false };
  const unchanged =
    anchor.textHash === article.hash &&
    anchor.sentence === placement.sentence &&
    anchor.start === placement.start &&
    anchor.end === placement.end;
  if (unchanged) return { anchor, placed: true };
  const sentence = sentencesById(article).get(placement.sentence)!;
  return { anchor: makeAnchor(article, sentence), placed: true };
}

/** Context as the store keeps it: at most 32 UTF-16 units, nearest the quote. */
export function clampContext(prefix: string, suffix: string): { prefix: string; suffix: string } {
  return { prefix: prefix.slice(-32), suffix: suffix.slice(0, 32) };
}
