import { stripVTControlCharacters } from 'node:util';
import measure from 'string-width';
import { drawable } from './drawable.js';

/**
 * Characters that take one terminal column each and never join a neighbour into one grapheme
 * cluster: printable ASCII; Latin, Greek and Cyrillic letters; general punctuation (curly quotes,
 * dashes, `…`, `·`); currency; arrows and mathematical operators; box drawing, blocks and most
 * geometric shapes; and the few symbols margin's screen draws (`⚠` `✎` `✓`). A test checks every
 * one of them against `string-width`.
 */
const ONE_COLUMN =
  /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u0370-\u0482\u048A-\u052F\u1E00-\u1EFF\u2010-\u2029\u202F-\u205E\u20A0-\u20C0\u2190-\u22FF\u2500-\u25FC\u25FF\u26A0\u270E\u2713]*$/;

/** Whether every character of `text` is one of those above: its width is its length. */
export function isOneColumnEach(text: string): boolean {
  return ONE_COLUMN.test(text);
}

/**
 * `string-width`'s options. Wide ambiguous characters, or escape sequences counted in text that
 * has them, are left to it.
 */
export interface WidthOptions {
  ambiguousIsNarrow?: boolean;
  countAnsiEscapeCodes?: boolean;
}

/**
 * Terminal columns of `text` as margin draws it (`drawable`: an emoji sequence whose width
 * terminals disagree on is drawn as its parts), as `string-width` counts them. Beyond ASCII it segments graphemes
 * with Intl.Segmenter and tests emoji patterns for every text: measuring 200 lines with curly
 * quotes and `·` separators (each whole, and 40 characters one by one, as `truncate` does) took
 * 73 ms through it and 0.8 ms here, where a text made only of one-column characters is as wide
 * as it is long and anything else still goes to `string-width`.
 */
export default function stringWidth(text: string, options?: WidthOptions): number {
  // Ambiguous characters (`·`) are one column unless asked otherwise; whether escape sequences
  // count does not matter to text that has none (none is a one-column character).
  if (options?.ambiguousIsNarrow !== false) {
    if (isOneColumnEach(text)) return text.length;
    // Ink measures styled text too; its escape sequences take no column (`string-width` strips
    // them first as well). Sent on, every styled line was segmented and each grapheme tested
    // against the emoji pattern, whose compilation alone took 30–60 ms of the first frame.
    if (!options?.countAnsiEscapeCodes && (text.includes('\u001B') || text.includes('\u009B'))) {
      const plain = stripVTControlCharacters(text);
      if (isOneColumnEach(plain)) return plain.length;
    }
  }
  // As margin draws it: an emoji sequence terminals disagree on is drawn as its parts (drawable.ts).
  return measure(drawable(text), options);
}
