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

const BULLET = /^(?:[•◦▪▫‣∙·*+-]|\d{1,3}[.)])\s+\S/u;
const TERMINAL = /[.!?…:;]["'”’»)\]]*$/u;

/**
 * Plain text to units: blocks are separated by blank lines; each line is a unit unless it
 * continues a hard-wrapped sentence from the line before (no final punctuation there, a
 * lower-case start here).
 */
export function textToUnits(text: string, links: LinkSpan[] = []): Unit[] {
  const units: Unit[] = [];
  /** Lines of the unit being continued, joined once rather than one concatenation per line. */
  let lines: string[] | null = null;
  const close = () => {
    if (previous && lines) previous.text = lines.join(' ');
    lines = null;
  };
  const linkChars = linkCounter(links);
  let block = 0;
  let blank = true;
  let offset = 0;
  let previous: Unit | null = null;
  // Whether the unit so far ends a sentence: testing the joined text again at every line would
  // rescan it, n² steps for a file of 200,000 one-word lines.
  let finished = true;
  for (const raw of text.split('\n')) {
    const lineStart = offset;
    offset += raw.length + 1;
    const line = tidy(raw);
    if (line === '') {
      if (!blank) block++;
      blank = true;
      close();
      previous = null;
      continue;
    }
    blank = false;
    const chars = linkChars(lineStart, lineStart + raw.length);
    const listItem = BULLET.test(line);
    const terminal = TERMINAL.test(line);
    if (previous && !listItem && !finished && /^\p{Ll}/u.test(line)) {
      lines ??= [previous.text];
      lines.push(line);
      previous.linkChars += chars;
      finished = terminal;
      continue;
    }
    close();
    previous = { text: line, block, linkChars: chars, heading: 0, listItem };
    finished = terminal;
    units.push(previous);
  }
  close();
  return units;
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
