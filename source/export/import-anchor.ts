import type { Article, Sentence } from '../corpus/types.js';
import { sentencesById } from '../store/anchor.js';
import { locateQuote, makeAnchor, type Placement, snapToSentence } from '../store/index.js';
import type { Anchor } from '../store/types.js';

/** An imported anchor as the store will keep it, and the sentence it sits on (null: orphan). */
export interface Reanchored {
  anchor: Anchor;
  placement: Placement | null;
}

/**
 * Re-anchors an imported anchor on the article's current text, by quote and context (the store's
 * own placement). An anchor made on an older text (its `textHash` is not the article's) is kept
 * byte for byte, like the store keeps its own: its quote is what the annotator tagged, and the
 * store places it on the current text on every read, so an export → import round trip changes
 * nothing even after the text changed. An anchor that claims the current text but whose offsets
 * or sentence do not match it, or that has no hash (hand-written, another tool's span), is
 * rewritten from the sentences it landed on: one annotation per sentence it covers (see
 * `coveredSentences`), so a span dragged over two sentences tags both. An anchor that cannot be
 * placed is kept as given: an orphan, as it was.
 */
export function reanchor(anchor: Anchor, article: Article): Reanchored[] {
  if (anchor.textHash === article.hash) {
    const sentence = sentencesById(article).get(anchor.sentence);
    if (sentence && sentence.start === anchor.start && sentence.end === anchor.end) {
      return [{ anchor, placement: placementOf(sentence) }];
    }
  }
  const found = locateQuote(anchor, article);
  const placement = found ? snapToSentence(article, found.start, found.end) : null;
  if (!found || !placement) return [{ anchor, placement: null }];
  const older = anchor.textHash !== '' && anchor.textHash !== article.hash;
  if (older) return [{ anchor, placement }];
  const covered = coveredSentences(article, found.start, found.end);
  const sentences =
    covered.length > 0 ? covered : [sentencesById(article).get(placement.sentence)!];
  return sentences.map((sentence) => ({
    anchor: makeAnchor(article, sentence),
    placement: placementOf(sentence),
  }));
}

/**
 * The sentences a span over [start, end) (UTF-16 offsets in the article's text) tags when it
 * overlaps more than one: each one it covers whole, or of which it holds at least one whole word,
 * so that a drag ending a letter or a space into the next sentence does not tag it. Empty when
 * the span overlaps one sentence, or holds no whole word of any (the caller then keeps the
 * store's rule: the sentence it overlaps most).
 */
export function coveredSentences(article: Article, start: number, end: number): Sentence[] {
  const overlapping: Sentence[] = [];
  for (const sentence of article.sentences) {
    if (sentence.end <= start) continue;
    if (sentence.start >= end) break;
    overlapping.push(sentence);
  }
  if (overlapping.length < 2) return [];
  return overlapping.filter((sentence) =>
    holdsWholeWord(
      article.text,
      sentence,
      Math.max(start, sentence.start),
      Math.min(end, sentence.end),
    ),
  );
}

/** Words as Unicode segments them (CJK by its dictionary), made on the first span that needs it. */
let words: Intl.Segmenter | undefined;

function holdsWholeWord(text: string, sentence: Sentence, from: number, to: number): boolean {
  if (from <= sentence.start && to >= sentence.end) return true;
  words ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  for (const { segment, index, isWordLike } of words.segment(
    text.slice(sentence.start, sentence.end),
  )) {
    const wordStart = sentence.start + index;
    if (wordStart >= to) break;
    if (isWordLike && wordStart >= from && wordStart + segment.length <= to) return true;
  }
  return false;
}

function placementOf(sentence: Sentence): Placement {
  return { sentence: sentence.id, start: sentence.start, end: sentence.end };
}

/** Context as the store keeps it: at most 32 UTF-16 units, nearest the quote. */
export function clampContext(prefix: string, suffix: string): { prefix: string; suffix: string } {
  return { prefix: prefix.slice(-32), suffix: suffix.slice(0, 32) };
}
