/**
 * A story's standfirst outside the part chosen as its article: NHK sets the story's first
 * paragraph in `div.content--summary` above `div.content--body`, Folha its subtitle in the
 * headline's `<header>` (`h2.c-content-head__subtitle`). Where it is a sentence of the story it
 * is the story's first paragraph, as a standfirst inside the chosen part already is (ANSA's
 * `h2.news-stit`); a dek of a few words, a date or a byline there stays out (qa59 #4).
 */
import type { Reasons } from './boilerplate.js';
import { countWords } from './characters.js';
import type { HtmlBlocks } from './html-blocks.js';

/** Class or id words that name a standfirst: `summary`, `standfirst`, `subtitle`, `dek`, `lede`. */
const STANDFIRST_HINT =
  /(?:^|[\s_-])(?:summary|standfirst|sub-?title|subhead(?:line)?|dek|deck|lede|lead|intro|excerpt|abstract|chapo|sapo|stit)(?:$|[\s_-])/i;

/** Elements above a unit whose class or id may name it a standfirst: its own and two more. */
const HINT_LEVELS = 3;
/** How many units above the story are looked at when the page has no headline above it. */
const LOOK_BACK = 4;
/** A sentence of the story, not a dek of a few words nor a page's summary of many. */
const MIN_WORDS = 6;
const MAX_WORDS = 80;
/** Of a unit's text, the share in links above which it is a teaser, not a standfirst. */
const LINK_SHARE = 0.1;

/** Whether the unit's element or one of the two above it is named a standfirst. */
function isHinted({ elements }: HtmlBlocks, owner: number): boolean {
  for (let at = owner, level = 0; at >= 0 && level < HINT_LEVELS; level++) {
    const { attribs } = elements[at]!.element;
    if (STANDFIRST_HINT.test(attribs.class ?? '') || STANDFIRST_HINT.test(attribs.id ?? '')) {
      return true;
    }
    at = elements[at]!.parent;
  }
  return false;
}

/**
 * A clause of the story: six words or more (Folha's `Alimentos puxam queda; gasolina sobe 1,2%
 * no mês` is a sentence without a final stop; a dek of three words is none), not a label ending
 * in a colon, not a page's summary of a hundred words.
 */
function readsAsSentence(text: string): boolean {
  const words = countWords(text);
  return words >= MIN_WORDS && words <= MAX_WORDS && !/[:：]\s*$/u.test(text);
}

/**
 * Marks kept the standfirst between the page's headline (its last `<h1>` above the story) and
 * the first unit kept: a unit whose element is named a standfirst, no boilerplate, few links,
 * no caption or list item, reading as a sentence and printed once on the page.
 */
export function keepStandfirst(blocks: HtmlBlocks, keep: boolean[], patterns: Reasons): void {
  const { units } = blocks;
  const first = keep.indexOf(true);
  if (first <= 0) return;
  let from = Math.max(0, first - LOOK_BACK);
  for (let i = first - 1; i >= 0; i--) {
    if (units[i]!.heading === 1) {
      from = i + 1;
      break;
    }
  }
  for (let i = from; i < first; i++) {
    const unit = units[i]!;
    if (patterns[i] !== null || unit.caption || unit.listItem || unit.heading === 1) continue;
    if (unit.linkChars > unit.text.length * LINK_SHARE || !isHinted(blocks, unit.owner)) continue;
    if (!readsAsSentence(unit.text)) continue;
    if (units.some((other, k) => k !== i && other.text === unit.text)) continue;
    keep[i] = true;
  }
}
