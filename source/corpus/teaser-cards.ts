import type { HtmlBlocks } from './html-blocks.js';

/**
 * Teasers of other stories inside the chosen part: a small card holding a linked headline and,
 * under it, the story's one-line summary, unlinked ("Freelance writers and photographers fear
 * California's new gig worker law will make them unemployable."). The headline goes as link
 * text; the summary read as a paragraph of the story. A summary is a short unlinked paragraph
 * right after a paragraph that is all link, the two sharing a small element (a few levels up)
 * that holds nothing else but links and short lines (a category, a date): a card. Paragraphs of
 * the story sit in the story's container beside many others, so none is a card.
 */

/** How far above the two units their shared element may be. */
const CARD_LEVELS = 4;
/** A card holds a headline, a summary and a line or two more. */
const CARD_UNITS = 5;
/** A summary is a line; a paragraph longer than this is prose of the story. */
const SUMMARY_LENGTH = 300;
/** A card's other lines (a category, a date, an author) are short. */
const CARD_LINE = 40;

function linked(unit: { text: string; linkChars: number }): boolean {
  return unit.linkChars >= unit.text.length * 0.9;
}

/** Drops from `keep` the summaries of teaser cards among the kept units. */
export function dropTeaserCards({ units, elements }: HtmlBlocks, keep: boolean[]): void {
  /** The element `levels` up from `at`, or -1. */
  const up = (at: number, levels: number) => {
    for (let k = 0; k < levels && at >= 0; k++) at = elements[at]!.parent;
    return at;
  };
  /**
   * Whether element `at` is `ancestor` or inside it. One far deeper is taken to be inside
   * unlooked: a unit counted in a card can only make it no card, and the walk stays short.
   */
  const inside = (at: number, ancestor: number) => {
    const steps = elements[at]!.depth - elements[ancestor]!.depth;
    if (steps > 2 * CARD_LEVELS) return true;
    return steps >= 0 && up(at, steps) === ancestor;
  };
  units.forEach((unit, i) => {
    if (!keep[i] || i === 0 || unit.linkChars > 0 || unit.heading > 0) return;
    if (unit.text.length > SUMMARY_LENGTH) return;
    const headline = units[i - 1]!;
    // A card lays its headline and summary out as blocks of their own; lines of one paragraph
    // (a list of shop links under each item, broken by `<br>`) are the author's.
    if (!linked(headline) || headline.owner === unit.owner) return;
    // The nearest element holding both, a few levels up from each.
    let card = -1;
    for (let at = unit.owner, k = 0; at >= 0 && k <= CARD_LEVELS; k++, at = elements[at]!.parent) {
      const below = elements[headline.owner]!.depth - elements[at]!.depth;
      if (below <= CARD_LEVELS && inside(headline.owner, at)) {
        card = at;
        break;
      }
    }
    if (card <= 0) return;
    // Its units, a few either side at most: more, and it is no card.
    let first = i - 1;
    while (first > 0 && i - first <= CARD_UNITS && inside(units[first - 1]!.owner, card)) first--;
    let last = i;
    while (
      last + 1 < units.length &&
      last - first < CARD_UNITS &&
      inside(units[last + 1]!.owner, card)
    )
      last++;
    if (last - first + 1 > CARD_UNITS) return;
    for (let j = first; j <= last; j++) {
      if (j === i) continue;
      const other = units[j]!;
      if (!linked(other) && other.text.length >= CARD_LINE) return;
    }
    keep[i] = false;
  });
}
