import type { Reasons } from './boilerplate.js';
import type { HtmlBlocks } from './html-blocks.js';
import { isPaywall } from './html-hints.js';

/** Class words of a standfirst: `standfirst`, `article__summary`, `dek`. */
const STANDFIRST = /standfirst|summary|(?:^|[-_\s])dek(?:$|[-_\s])/i;

/** How many units above the first kept one a standfirst is looked for. */
const REACH = 12;

const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * Keeps the page's standfirst, the summary under the headline, where it stands in the few units
 * above the first one kept: a unit with words, not mostly a link, whose element or one of its
 * two parents is named a standfirst. Gives how many units it kept.
 */
export function keepStandfirst({ units, elements }: HtmlBlocks, keep: boolean[]): number {
  let kept = 0;
  const first = keep.indexOf(true);
  if (first < 0) return 0;
  for (let i = first - 1; i >= Math.max(0, first - REACH); i--) {
    const unit = units[i]!;
    if (unit.linkChars > unit.text.length * 0.25 || !HAS_WORD.test(unit.text)) continue;
    let at = unit.owner;
    for (let up = 0; up < 3 && at > 0; up++, at = elements[at]!.parent) {
      const { attribs } = elements[at]!.element;
      if (STANDFIRST.test(`${attribs.class ?? ''} ${attribs.id ?? ''}`)) {
        keep[i] = true;
        kept++;
        break;
      }
    }
  }
  return kept;
}

/** A teaser at most: the paragraph or two a paywall leaves readable. */
const TEASER_PARAGRAPHS = 2;
const TEASER_WORDS = 120;

/**
 * A paywalled page (an element named a paywall, or a paywall's words after the story: the
 * `paywall` boilerplate) shows a paragraph or two of its story: the standfirst under the
 * headline, which the choice of content leaves above the part it chose, is then half of what
 * the page says, and opens the article.
 */
export function teaserStandfirst(blocks: HtmlBlocks, keep: boolean[], patterns: Reasons): void {
  const { units, elements } = blocks;
  let words = 0;
  let paragraphs = 0;
  let last = -1;
  // What the page shows of the story: the kept units no boilerplate pattern marks.
  units.forEach((unit, i) => {
    if (!keep[i] || patterns[i] !== null) return;
    words += unit.text.split(/\s+/).length;
    paragraphs++;
    last = i;
  });
  if (last < 0 || paragraphs > TEASER_PARAGRAPHS || words > TEASER_WORDS) return;
  const walled =
    patterns.some((reason, i) => i > last && reason === 'paywall') ||
    elements.some(({ element }) => isPaywall(element.attribs));
  if (walled) keepStandfirst(blocks, keep);
}
