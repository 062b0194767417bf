import type { Article } from '../corpus/types.js';
import { sentencesById } from '../store/anchor.js';
import { makeAnchor, type Placement, placeAnchor } from '../store/index.js';
import type { Anchor } from '../store/types.js';

/**
 * Re-anchors an imported anchor on the article's current text, by quote and context (the store's
 * own placement). An anchor made on an older text (its `textHash` is not the article's) is kept
 * byte for byte, like the store keeps its own: its quote is what the annotator tagged, and the
 * store places it on the current text on every read, so an export → import round trip changes
 * nothing even after the text changed. An anchor that claims the current text but whose offsets
 * or sentence do not match it, or that has no hash (hand-written, Prodigy), is rewritten from the
 * sentence it landed on. An anchor that cannot be placed is kept as given: an orphan, as it was.
 */
export function reanchor(
  anchor: Anchor,
  article: Article,
): { anchor: Anchor; placement: Placement | null } {
  const placement = placeAnchor(anchor, article);
  if (!placement) return { anchor, placement };
  const unchanged =
    anchor.textHash === article.hash &&
    anchor.sentence === placement.sentence &&
    anchor.start === placement.start &&
    anchor.end === placement.end;
  const older = anchor.textHash !== '' && anchor.textHash !== article.hash;
  if (unchanged || older) return { anchor, placement };
  const sentence = sentencesById(article).get(placement.sentence)!;
  return { anchor: makeAnchor(article, sentence), placement };
}

/** Context as the store keeps it: at most 32 UTF-16 units, nearest the quote. */
export function clampContext(prefix: string, suffix: string): { prefix: string; suffix: string } {
  return { prefix: prefix.slice(-32), suffix: suffix.slice(0, 32) };
}
