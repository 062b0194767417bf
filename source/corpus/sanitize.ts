/**
 * Text read from a file is untrusted: an escape sequence in an article could recolour, move the
 * cursor, retitle or hyperlink the reviewer's terminal, and a bidi override could make a sentence
 * read differently from what is stored ("Trojan Source"). Everything of that kind goes.
 *
 * Kept on purpose: newline and tab (the other line breaks become newlines), the invisible
 * direction marks LRM, RLM and ALM (U+200E, U+200F, U+061C), which Arabic and Hebrew text needs
 * and which cannot reorder text beyond their neighbouring punctuation, and the zero-width
 * (non-)joiners, which spell Persian, Indic scripts and emoji and reorder nothing. Removed: the
 * embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, which can.
 */

/**
 * One pass, longest forms first:
 * - OSC, DCS, SOS, PM and APC strings (7-bit `ESC ] … BEL|ESC \`, 8-bit U+009D … U+009C), whole.
 *   An unterminated one ends at the end of its line, so a stray `ESC ]` cannot swallow an article.
 * - CSI sequences (`ESC [` or U+009B, parameters, intermediates, a final byte): colours, cursor moves.
 * - Other escape sequences (`ESC 7`, `ESC ( B`, `ESC c`), and a lone ESC.
 * - Any other C0 or C1 control character except tab and newline, and DEL.
 * - Bidi embeddings, overrides and isolates.
 */
const unsafe =
  /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?|(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?|\x1b[\x20-\x2f]*[\x30-\x7e]?|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** A cheap test that lets clean text, nearly all of it, through without a replace. */
const suspect = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/**
 * Line breaks other than `\n`: CR and CRLF, and the vertical tab, form feed and NEL, control
 * characters that Unicode also counts as line breaks (pdftotext puts a form feed between pages).
 * They stand between words, so they become `\n` rather than going. (The line and paragraph
 * separators U+2028 and U+2029 are not controls and stay.)
 */
const LINE_BREAK = /[\r\x0b\x0c\x85]/;
const LINE_BREAKS = /\r\n?|[\x0b\x0c\x85]/g;

export interface Sanitized {
  text: string;
  /** How many UTF-16 code units were removed (line-ending normalisation does not count). */
  removed: number;
}

/** Normalises line breaks to `\n` and removes control characters, escape sequences and bidi controls. */
export function sanitizeText(text: string): Sanitized {
  const normalized = LINE_BREAK.test(text) ? text.replace(LINE_BREAKS, '\n') : text;
  if (!suspect.test(normalized)) return { text: normalized, removed: 0 };
  let removed = 0;
  const clean = normalized.replace(unsafe, (match) => {
    removed += match.length;
    return '';
  });
  return { text: clean, removed };
}

/** For one line of a terminal UI: sanitized, with tabs and line breaks turned into spaces. */
export function sanitizeLine(text: string): string {
  return sanitizeText(text).text.replace(/[\t\n]/g, ' ');
}
