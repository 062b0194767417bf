import { type LineJoiner, lineJoiner } from './hyphenation.js';

/** A paragraph or line of a document, the grain boilerplate removal and metadata work on. */
export interface Unit {
  text: string;
  /** Units of one block (blank-line separated, or one HTML list) share a number. */
  block: number;
  /** Characters of `text` that were link text. */
  linkChars: number;
  /** 1–6 for a heading, 0 otherwise. */
  heading: number;
  listItem: boolean;
}

/** A link found in inline markup: `text.slice(start, end)` was the anchor text. */
export interface LinkSpan {
  href: string;
  start: number;
  end: number;
}

const SPACES = /[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;
/**
 * Zero-width space, word joiner, BOM and soft hyphen carry nothing a reader sees. The zero-width
 * non-joiner and joiner do, after a character outside ASCII: Persian می‌خواهد, Devanagari क्‍ष and
 * emoji sequences (👩‍👧) are spelled with them. Elsewhere (after ASCII or a space) they are
 * leftovers of web pages and go. Search folds them away (text/fold.ts).
 */
const INVISIBLE = /[\u200b\u2060\ufeff\u00ad]|(?<![^\s\x00-\x7f])[\u200c\u200d]/g;

const UNTIDY = /[\t\u00a0\u1680\u2000-\u200d\u202f\u205f\u3000\u2060\ufeff\u00ad]| {2}/;

/** Collapses runs of horizontal space (NBSP included) and drops invisible characters. */
export function tidy(line: string): string {
  if (!UNTIDY.test(line)) return line.trim();
  return line.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** A line that begins a list item: a bullet, or a number (`3.`, `22)`). */
export const BULLET = /^(?:[•◦▪▫‣∙·*+-]|\d{1,3}[.)])\s+\S/u;
const TERMINAL = /[.!?…:;]["'”’»)\]]*$/u;
/** A line that ends mid-phrase: a comma, a dash, or a word such as "the" or "said". */
const UNFINISHED =
  /(?:[,;\-–—/&(]|\b(?:the|a|an|of|to|in|on|at|for|from|with|by|and|or|but|as|that|than|between|into|about|over|under|after|before|during|its|their|his|her|is|are|was|were|be|been|has|have|had|will|would|said|says|told))$/iu;

/** Hard-wrapped text is wrapped at a fixed width; lines wider than this are paragraphs. */
const MAX_WRAP = 100;

interface Line {
  text: string;
  start: number;
  end: number;
  /** The raw line ended in a soft hyphen, which `tidy` drops: a word broken at the line's end. */
  softBreak: boolean;
}

/** A hyphen against the word or number it ends the line with: `casual-`, `COVID-`. */
const BROKEN_AT_END = /[\p{L}\p{N}]-$/u;
/** A soft hyphen ending a line, before any spaces. */
const SOFT_BREAK = /\u00ad[\t \u00a0\r]*$/;

/**
 * Whether a block's lines are prose hard-wrapped at a fixed width (an e-mail, a "Save as text",
 * `pandoc -t plain`): at most 100 characters, and half the line breaks at least plainly run on
 * (a lower-case start, or a line ending mid-phrase), as prose broken at a width does. A list or a
 * table without bullets, one item per line, has lines of a like length too, but each is whole.
 */
function wrapWidth(lines: Line[]): number {
  if (lines.length < 2) return 0;
  let width = 0;
  for (const line of lines) width = Math.max(width, line.text.length);
  if (width > MAX_WRAP) return 0;
  let breaks = 0;
  let runOn = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    const text = lines[i]!.text;
    if (BULLET.test(lines[i + 1]!.text)) continue;
    breaks++;
    if (UNFINISHED.test(text) || (!TERMINAL.test(text) && /^\p{Ll}/u.test(lines[i + 1]!.text))) {
      runOn++;
    }
  }
  return runOn > 0 && runOn * 2 >= breaks ? width : 0;
}

/** The first word of a line, as a wrapper would have had to fit it on the line before. */
function firstWordLength(text: string): number {
  const space = text.indexOf(' ');
  return space < 0 ? text.length : space;
}

/**
 * Plain text to units: blocks are separated by blank lines. In a block hard-wrapped at a fixed
 * width, a line break is a space unless the next word would have fitted on the line (so the
 * writer broke it there) or a list item follows. Elsewhere each line is a unit unless it
 * continues a sentence from the line before (no final punctuation there, a lower-case start here).
 */
export function textToUnits(text: string, links: LinkSpan[] = []): Unit[] {
  const units: Unit[] = [];
  const linkChars = linkCounter(links);
  let block = 0;
  let lines: Line[] = [];
  // The document's own words are read only when a line ends in a hyphen.
  const joiner = lineJoiner(text);
  const flush = () => {
    if (lines.length === 0) return;
    blockUnits(lines, block++, linkChars, units, joiner);
    lines = [];
  };
  let offset = 0;
  for (const raw of text.split('\n')) {
    const start = offset;
    offset += raw.length + 1;
    const line = tidy(raw);
    if (line === '') flush();
    else {
      const softBreak = raw.includes('\u00ad') && SOFT_BREAK.test(raw);
      lines.push({ text: line, start, end: start + raw.length, softBreak });
    }
  }
  flush();
  return units;
}

function blockUnits(
  lines: Line[],
  block: number,
  linkChars: (start: number, end: number) => number,
  units: Unit[],
  joiner: LineJoiner,
): void {
  const width = wrapWidth(lines);
  /**
   * Lines of the unit being continued with what joins them (a space, or nothing where a word was
   * broken at the line's end), joined once rather than one concatenation per line.
   */
  let parts: string[] | null = null;
  let previous: Unit | null = null;
  let before: string | null = null;
  let softBreak = false;
  const close = () => {
    if (previous && parts) previous.text = parts.join('');
    parts = null;
  };
  for (const { text: line, start, end, softBreak: breaksHere } of lines) {
    const chars = linkChars(start, end);
    const listItem = BULLET.test(line);
    const continues =
      previous !== null &&
      before !== null &&
      !listItem &&
      ((!TERMINAL.test(before) && /^\p{Ll}/u.test(line)) ||
        // A word broken at the line's end, at its hyphen or a soft one, goes on whatever fits:
        // `COVID-` / `19 cases`, `Peace\u00ad` / `building`.
        ((softBreak || BROKEN_AT_END.test(before)) && /^[\p{L}\p{N}]/u.test(line)) ||
        // A list item's wrapped lines run on; a sentence after it is the text going on.
        (width > 0 && !previous.listItem && before.length + 1 + firstWordLength(line) > width));
    const joint = continues && before !== null ? joiner(before, line, softBreak) : 'space';
    before = line;
    softBreak = breaksHere;
    if (continues && previous) {
      parts ??= [previous.text];
      // "casual-" / "ties" → "casualties"; "well-" / "known" → "well-known" (qa58 #5).
      if (joint === 'join' && parts.at(-1)!.endsWith('-')) parts.push(parts.pop()!.slice(0, -1));
      if (joint === 'space') parts.push(' ');
      parts.push(line);
      previous.linkChars += chars;
      continue;
    }
    close();
    previous = { text: line, block, linkChars: chars, heading: 0, listItem };
    units.push(previous);
  }
  close();
}

/**
 * Counts link characters of consecutive line ranges in one pass over the links (sorted by
 * start): each line looks only at the links that can still reach it.
 */
function linkCounter(links: LinkSpan[]): (start: number, end: number) => number {
  const sorted = [...links].sort((a, b) => a.start - b.start);
  let first = 0;
  return (start, end) => {
    while (first < sorted.length && sorted[first]!.end <= start) first++;
    let chars = 0;
    for (let i = first; i < sorted.length && sorted[i]!.start < end; i++) {
      const overlap = Math.min(end, sorted[i]!.end) - Math.max(start, sorted[i]!.start);
      if (overlap > 0) chars += overlap;
    }
    return chars;
  };
}
