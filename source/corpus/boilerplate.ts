import {
  APPEAL_CLOSER,
  APPEAL_OPENER,
  BOILERPLATE,
  HEADLINE_LIST_HEADING,
  LANGUAGE_WORDS,
} from './boilerplate-patterns.js';
import { isSentenceLike } from './characters.js';
import { STOPWORDS } from './stopwords.js';
import { BULLET, type Unit } from './units.js';

/** Why each unit goes (`null`: not decided yet). Metadata lines are marked by the caller. */
export type Reasons = Array<string | null>;

// Not a Unicode-aware class: splitting on spaces and punctuation is several times faster and
// finds the same function words. The characters between words: JavaScript's `\s`, quotes,
// brackets and punctuation (`[\s"'“”‘’«»()[\]{},.;:!?…—–/*#|•·-]`), the ASCII ones in a table.
const ASCII_BETWEEN = new Uint8Array(128);
for (const char of '\t\n\v\f\r "\'()[]{},.;:!?/*#|-') ASCII_BETWEEN[char.charCodeAt(0)] = 1;
const WIDE_BETWEEN = new Set<number>(
  [...'\u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff“”‘’«»…—–•·'].map((char) =>
    char.charCodeAt(0),
  ),
);
for (let code = 0x2000; code <= 0x200a; code++) WIDE_BETWEEN.add(code);

/**
 * Lower-case words of each unit, computed once for every pass: the runs between the characters
 * above, found in one loop over the text (a `split` by their pattern and a filter of its empty
 * pieces gave the same words at two and a half times the cost, 4 % of a cold index's cleaning:
 * scale57, 2026-12-07).
 */
export function wordsOf(units: Unit[]): string[][] {
  return units.map((unit) => lowerWords(unit.text));
}

function lowerWords(text: string): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code < 128 ? ASCII_BETWEEN[code] === 1 : WIDE_BETWEEN.has(code)) {
      if (start >= 0) {
        out.push(lower.slice(start, i));
        start = -1;
      }
    } else if (start < 0) start = i;
  }
  if (start >= 0) out.push(lower.slice(start));
  return out;
}

/** Every boilerplate pattern is for a short line; long paragraphs skip the whole list. */
const PATTERN_MAX_LENGTH = 400;

function stopShare(list: string[]): number {
  if (list.length === 0) return 0;
  let stops = 0;
  for (const word of list) if (STOPWORDS.has(word)) stops++;
  return stops / list.length;
}

/** `Russo-Ukrainian warRussiaUSAUkraine`: tag links scraped without separators. */
function isGluedTags(text: string, list: string[]): boolean {
  if (text.length > 120 || isSentenceLike(text) || stopShare(list) > 0) return false;
  return (text.match(/\p{Ll}\p{Lu}/gu)?.length ?? 0) >= 2;
}

function isLanguageMenu(list: string[]): boolean {
  if (list.length > 8) return false;
  let languages = 0;
  for (const word of list) if (LANGUAGE_WORDS.has(word)) languages++;
  return languages >= 2;
}

/** First pass: units that are boilerplate whatever their neighbours. */
export function markPatterns(units: Unit[], lists: string[][]): Reasons {
  return units.map((unit, i) => {
    const text = unit.text;
    const list = lists[i]!;
    if (list.length === 0) return 'no words';
    if (text.length > PATTERN_MAX_LENGTH) return null;
    const lower = text.toLowerCase();
    for (const { reason, pattern, may } of BOILERPLATE) {
      if ((may === undefined || may(lower, text)) && pattern.test(text)) return reason;
    }
    if (isLanguageMenu(list)) return 'language menu';
    if (isGluedTags(text, list)) return 'tag list';
    return null;
  });
}

/** Second pass: runs of units that are boilerplate because of where they stand. */
export function markRegions(units: Unit[], reasons: Reasons): void {
  markAppeals(units, reasons);
  markHeadlineLists(units, reasons);
  markNewsletterPromotions(units, reasons);
  markEmailFooters(units, reasons);
  spareSourceHeaders(reasons);
}

/**
 * `Source: Harbour Daily` above a text file's date line names its outlet, where the same line
 * under a story is a trailer: a source line in the first third of the text is kept.
 */
function spareSourceHeaders(reasons: Reasons): void {
  const third = reasons.length / 3;
  for (let i = 0; i < third; i++) if (reasons[i] === 'source trailer') reasons[i] = null;
}

const EMAIL_FOOTER_START = /\bunsubscribe\b|receiving this (?:email|e-mail|newsletter|message)/i;

/**
 * An email's footer runs to its end: after "You are receiving this email…" or "Unsubscribe"
 * come the sender's postal address and legal lines, which no pattern can know (qa59 #5). Only
 * in the last third of the text, so that an unsubscribe link at the top leaves the story alone.
 */
function markEmailFooters(units: Unit[], reasons: Reasons): void {
  for (let start = Math.floor((units.length * 2) / 3); start < units.length; start++) {
    if (reasons[start] !== 'email footer' || !EMAIL_FOOTER_START.test(units[start]!.text)) continue;
    for (let i = start + 1; i < units.length; i++) reasons[i] ??= 'email footer';
    return;
  }
}

const PROMOTION_END = /^after newsletter promotion$/i;
/** How far a newsletter box's blurb may run between its sign-up line and its end marker. */
const PROMOTION_LINES = 4;

/** The blurb between "Sign up to …" and "after newsletter promotion" is part of the box. */
function markNewsletterPromotions(units: Unit[], reasons: Reasons): void {
  units.forEach((unit, end) => {
    if (!PROMOTION_END.test(unit.text)) return;
    // The box's first line, not its privacy notice next to the end marker, opens it.
    for (let start = Math.max(0, end - PROMOTION_LINES - 1); start < end; start++) {
      if (reasons[start] !== 'newsletter') continue;
      for (let i = start + 1; i < end; i++) reasons[i] ??= 'newsletter';
      return;
    }
  });
}

function markAppeals(units: Unit[], reasons: Reasons): void {
  const opener = units.findIndex((unit) => APPEAL_OPENER.test(unit.text));
  if (opener < 0) return;
  let end = units.length - 1;
  for (let i = units.length - 1; i > opener; i--) {
    if (APPEAL_CLOSER.test(units[i]!.text)) {
      end = i;
      break;
    }
  }
  for (let i = opener; i <= end; i++) reasons[i] ??= 'support appeal';
}

function markHeadlineLists(units: Unit[], reasons: Reasons): void {
  const blocks = new Map<number, number[]>();
  units.forEach((unit, i) => {
    const members = blocks.get(unit.block);
    if (members) members.push(i);
    else blocks.set(unit.block, [i]);
  });
  for (const members of blocks.values()) {
    // A time on its own line, then a headline: a "latest news" feed.
    const times = members.filter((i) => reasons[i] === 'timestamp');
    if (times.length >= 2) {
      const inBlock = new Set(members);
      for (const i of times) if (inBlock.has(i + 1)) reasons[i + 1] ??= 'timestamped headline';
    }
    if (members.length < 4) continue;
    const flagged = members.filter((i) => reasons[i] !== null).length;
    const listHeading = members.some((i) => HEADLINE_LIST_HEADING.test(units[i]!.text));
    if (flagged === 0 && !listHeading) continue;
    const open = members.filter((i) => reasons[i] === null);
    const unfinished = open.filter((i) => !isSentenceLike(units[i]!.text)).length;
    // Lines without final punctuation packed between menu items are other stories' headlines.
    if (open.length > 0 && unfinished / open.length >= 0.6) {
      for (const i of open) reasons[i] = 'headline list';
    }
  }
}

export type Class = 'good' | 'neargood' | 'short' | 'bad';

const LENGTH_LOW = 70;
const LENGTH_HIGH = 200;

/** Whether the page's language is one the stop list knows: otherwise length and punctuation judge. */
export function knowsLanguage(lists: string[][]): boolean {
  let total = 0;
  let stops = 0;
  for (const list of lists) {
    total += list.length;
    for (const word of list) if (STOPWORDS.has(word)) stops++;
  }
  return total > 0 && stops / total >= 0.08;
}

/** jusText's first look at each unit, on its own: length, stop words, links, punctuation. */
export function initialClasses(units: Unit[], reasons: Reasons, lists: string[][]): Class[] {
  const useStops = knowsLanguage(lists);
  return units.map((unit, i) =>
    reasons[i] !== null ? 'bad' : initialClass(unit, lists[i]!, useStops),
  );
}

/**
 * What a unit's neighbours learn from it. 'edge' is the end of the file, and the headline,
 * dateline and byline above the body too: the article begins under them, so they are not the boilerplate
 * that jusText's edges stand for (a short first paragraph after the headline went with them).
 */
type Near = Class | 'edge';

/** Metadata lines whose place tells where the article begins. */
const HEAD_REASONS = new Set(['title', 'dateline', 'byline', 'caption repeating the title']);

/**
 * The nearest class before (or after) each unit, skipping short units, and near-good ones too
 * when `skipNeargood`; 'edge' past the ends. One sweep each way, so a run of a hundred thousand
 * short lines costs no more than the lines.
 */
function nearest(classes: Near[], step: 1 | -1, skipNeargood: boolean): Near[] {
  const found = new Array<Near>(classes.length);
  let last: Near = 'edge';
  const n = classes.length;
  for (let k = 0; k < n; k++) {
    const i = step === 1 ? n - 1 - k : k;
    found[i] = last;
    const cls = classes[i]!;
    if (cls !== 'short' && !(skipNeargood && cls === 'neargood')) last = cls;
  }
  return found;
}

/**
 * A unit jusText calls bad for its few function words that is a full sentence and no link: a
 * market report's or a match report's paragraph ("Australia beat Colombia behind Nick Kyrgios’
 * 6-4, 6-4 win…"), a table row of statistics. Beside article text it is article text; a
 * page's furniture (menus, headlines, tags) does not end as a sentence.
 */
function isTerseSentence(unit: Unit, cls: Class, reason: string | null): boolean {
  return (
    cls === 'bad' &&
    reason === null &&
    unit.linkChars <= unit.text.length * 0.2 &&
    isSentenceLike(unit.text)
  );
}

/**
 * Third pass, the jusText classification: every unit not yet decided is classed by length,
 * stop-word share and link share, then short and near-good units take their class from their
 * neighbours. Returns which units are article text.
 */
export function classify(units: Unit[], reasons: Reasons, lists: string[][]): boolean[] {
  const initial = initialClasses(units, reasons, lists);
  const classes = initial.map((cls, i) =>
    isTerseSentence(units[i]!, cls, reasons[i] ?? null) ? 'neargood' : cls,
  );
  const revised = classes.slice();
  const context = classes.map((cls, i): Near => {
    const reason = reasons[i];
    return reason != null && HEAD_REASONS.has(reason) ? 'edge' : cls;
  });
  const prevGood = nearest(context, -1, true);
  const nextGood = nearest(context, 1, true);
  const prevAny = nearest(context, -1, false);
  const nextAny = nearest(context, 1, false);
  classes.forEach((cls, i) => {
    if (cls !== 'short' || reasons[i] !== null) return;
    const prev = prevGood[i]!;
    const next = nextGood[i]!;
    if (prev === 'good' && next === 'good') revised[i] = 'good';
    else if (prev !== 'good' && next !== 'good') revised[i] = 'bad';
    else if (
      (prev !== 'good' && prevAny[i] === 'neargood') ||
      (next !== 'good' && nextAny[i] === 'neargood')
    )
      revised[i] = 'good';
    // Good text on one side and the headline or the end of the file on the other: a full
    // sentence there opens or closes the article ("Putin denied it."), where jusText, taking
    // the file's ends for a page's header and footer, dropped it. Beside boilerplate it still
    // goes: keeping it there kept "Loading comments..." and "Sharing is caring!" too.
    else if ((prev === 'edge' || next === 'edge') && isSentenceLike(units[i]!.text))
      revised[i] = 'good';
    else revised[i] = 'bad';
  });
  classes.forEach((cls, i) => {
    if (cls !== 'neargood') return;
    revised[i] = prevGood[i] !== 'good' && nextGood[i] !== 'good' ? 'bad' : 'good';
  });
  // A heading or a "Background:" label belongs to the good text that follows it closely: within
  // LENGTH_HIGH characters of undecided text (prefix sums, so no heading rescans the page).
  const before = new Array<number>(units.length + 1);
  before[0] = 0;
  units.forEach((unit, i) => {
    before[i + 1] = before[i]! + (reasons[i] === null ? unit.text.length : 0);
  });
  const firstGoodAfter = new Array<number>(units.length);
  let good = -1;
  for (let i = units.length - 1; i >= 0; i--) {
    firstGoodAfter[i] = good;
    if (revised[i] === 'good') good = i;
  }
  units.forEach((unit, i) => {
    if (revised[i] !== 'bad' || reasons[i] !== null) return;
    if (unit.heading === 0 && !/^[\p{Lu}][^.!?]{0,40}:$/u.test(unit.text)) return;
    const k = firstGoodAfter[i]!;
    if (k >= 0 && before[k]! - before[i + 1]! <= LENGTH_HIGH) revised[i] = 'good';
  });
  // A short note ("Talks resumed. Both sides met.") has no long paragraph to anchor it, so
  // jusText drops all of it; a reviewer must still see its sentences, never an empty article,
  // and without sentences, whatever is not boilerplate (a list, lines without punctuation).
  if (!revised.includes('good')) {
    const sentences = units.map((unit, i) => reasons[i] === null && isSentenceLike(unit.text));
    if (sentences.includes(true)) return sentences;
    return units.map((unit, i) => reasons[i] === null && HAS_WORD.test(unit.text));
  }
  return revised.map((cls) => cls === 'good');
}

const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * A link whose text is its address written out (`http://amzn.to/2hWbQ1f`, `www.example.com`) on
 * a line of its own: the author's source or shop link, given to be read; a site's links to its
 * other pages are worded.
 */
const WRITTEN_ADDRESS = /^(?:https?:\/\/|www\.)\S+$/i;

/** Above this share of link text a paragraph is a link, or a list of them: "Read next", tags. */
const CONTENT_LINK_SHARE = 0.7;

/**
 * What stays of the part of a page its structure chose as the article: everything but
 * boilerplate lines and paragraphs made of links. jusText's neighbourhood rules are for a whole
 * page; inside the story they would drop its lists, tables and short paragraphs.
 */
export function keepContent(units: Unit[], reasons: Reasons): boolean[] {
  const keep = units.map(
    (unit, i) =>
      reasons[i] === null &&
      (unit.linkChars <= unit.text.length * CONTENT_LINK_SHARE || WRITTEN_ADDRESS.test(unit.text)),
  );
  // A list whose every item holds a link, under a "More stories" heading, is that section of
  // other stories, though each item's words are only partly linked ("YouTubers must unionize,
  // [no matter what Google says]").
  reasons.forEach((reason, i) => {
    if (reason !== 'related list heading' || !units[i + 1]?.listItem) return;
    const block = units[i + 1]!.block;
    let end = i + 1;
    while (end < units.length && units[end]!.block === block && units[end]!.listItem) end++;
    for (let j = i + 1; j < end; j++) if (units[j]!.linkChars === 0) return;
    for (let j = i + 1; j < end; j++) keep[j] = false;
  });
  // A heading whose section went ("Read next" over a list of links) goes with it.
  let last = keep.lastIndexOf(true);
  while (last >= 0 && last < units.length - 1 && isLabel(units[last]!)) {
    keep[last] = false;
    last = keep.lastIndexOf(true);
  }
  return keep;
}

/**
 * A heading, or a short line without final punctuation: what introduces a section. An item of a
 * list is none, however short ("22) Hasbro Gaming – Operation" closing a numbered list of gifts,
 * each over its shop link, lost its last item as the links went).
 */
function isLabel(unit: Unit): boolean {
  if (unit.heading > 0) return true;
  if (unit.listItem || BULLET.test(unit.text) || WRITTEN_ADDRESS.test(unit.text)) return false;
  return unit.text.length < 40 && !isSentenceLike(unit.text);
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * Russian and Ukrainian have no articles: their prose carries about half the function words
 * English does ("Президент России Владимир Путин готов обсудить…" has two in twenty-two words).
 */
function stopScale(list: string[]): number {
  let cyrillic = 0;
  for (const word of list) if (CYRILLIC.test(word)) cyrillic++;
  return cyrillic * 2 > list.length ? 0.5 : 1;
}

/**
 * Han, kana and Hangul (and the CJK punctuation among them): each carries what three or so Latin
 * letters do. Plain ranges, not script properties: this runs over every paragraph of a page.
 */
const DENSE_SCRIPT = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]/g;
const DENSE_SCRIPT_TEST = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]/;

/**
 * A unit's length in Latin-letter terms, so the length thresholds mean the same in Japanese or
 * Chinese (`先日、不正に改造したiPhoneを販売した…` is a full paragraph at sixty characters).
 */
export function weightOf(text: string): number {
  // Most text has no such letters: one test is cheaper than counting.
  if (!DENSE_SCRIPT_TEST.test(text)) return text.length;
  return text.length + 2 * (text.match(DENSE_SCRIPT)?.length ?? 0);
}

/**
 * How many words a unit has: Chinese and Japanese write a sentence as one run of letters, whose
 * words are two characters or so (`会议将于下周继续举行。` is five).
 */
function wordCount(text: string, list: string[]): number {
  if (!DENSE_SCRIPT_TEST.test(text)) return list.length;
  return Math.max(list.length, (text.match(DENSE_SCRIPT)?.length ?? 0) / 2);
}

function initialClass(unit: Unit, list: string[], useStops: boolean): Class {
  const length = weightOf(unit.text);
  const linkShare = unit.linkChars / unit.text.length;
  if (linkShare > 0.5) return 'bad';
  const sentence = isSentenceLike(unit.text);
  if (length < LENGTH_LOW) {
    if (linkShare > 0.2) return 'bad';
    // News is full of one-line paragraphs ("He declined to comment."): a short full sentence
    // of prose is near-good, so it stays beside good text, where jusText would drop it.
    const prose =
      sentence &&
      wordCount(unit.text, list) >= 4 &&
      (!useStops || stopShare(list) / stopScale(list) >= 0.15);
    return prose ? 'neargood' : 'short';
  }
  if (!useStops) return sentence ? 'good' : 'neargood';
  const raw = stopShare(list);
  // Only a share short of the top threshold can change class: skip the script count otherwise.
  const share = raw >= 0.25 ? raw : raw / stopScale(list);
  if (share >= 0.25 || (sentence && share >= 0.12)) {
    return length >= LENGTH_HIGH || sentence ? 'good' : 'neargood';
  }
  return share >= 0.12 ? 'neargood' : 'bad';
}
