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
 * Characters that a Windows-1252 or Latin-1 reading of UTF-8 puts before one of its bytes
 * 0x80–0x9F: Latin-1's letters and signs (U+00A0–U+00FF, the lead bytes), the C1 range itself
 * (Latin-1's reading of a continuation byte) and Windows-1252's signs in 0x80–0x9F (€ ‚ ƒ „ …
 * † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ). A C1 control right after one is the tail of a
 * mis-decoded character (mojibake: `”` saved as `â€` + U+009D), not a terminal command.
 */
const MOJIBAKE_BEFORE =
  '\\x80-\\xff\\u0152\\u0153\\u0160\\u0161\\u0178\\u017d\\u017e\\u0192\\u02c6\\u02dc' +
  '\\u2013\\u2014\\u2018-\\u201a\\u201c-\\u201e\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203a\\u20ac\\u2122';
const MOJIBAKE_C1 = new RegExp(`[${MOJIBAKE_BEFORE}]`);

/**
 * One pass, longest forms first. A sequence goes whole only when it is complete, so that a stray
 * introducer never takes the text after it; an incomplete one loses its introducer alone (the
 * rest is printable text, harmless on a terminal once the introducer is gone).
 * - OSC, DCS, SOS, PM and APC strings (7-bit `ESC ] … BEL|ESC \`, 8-bit U+009D … U+009C), whole
 *   only when their terminator ends them on the same line. The 8-bit ones hold printable ASCII
 *   only, and do not start right after a character that mojibake puts before a C1 byte.
 * - CSI sequences (`ESC [` or U+009B, parameters, intermediates, a final byte): colours, cursor
 *   moves; the final byte is what ends one.
 * - Other escape sequences (`ESC 7`, `ESC ( B`, `ESC c`): ESC, intermediates, a final byte.
 * - Any other C0 or C1 control character except tab and newline, and DEL, alone (a lone ESC,
 *   an introducer whose sequence never ends, a C1 byte of mojibake).
 * - Bidi embeddings, overrides and isolates.
 */
const unsafe = new RegExp(
  [
    String.raw`\x1b[\]PX^_][^\x00-\x08\x0a-\x1f\x7f-\x9f]*(?:\x07|\x1b\\|\x9c)`,
    String.raw`(?<![${MOJIBAKE_BEFORE}])[\x90\x98\x9d\x9e\x9f][\x09\x20-\x7e]*(?:\x07|\x1b\\|\x9c)`,
    String.raw`(?:\x1b\[|(?<![${MOJIBAKE_BEFORE}])\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]`,
    String.raw`\x1b[\x20-\x2f]*[\x30-\x7e]`,
    String.raw`[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]`,
  ].join('|'),
  'g',
);

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

/** What went, by kind, for a warning that says it (see `removalWarning`). */
export interface Removal {
  /** How many UTF-16 code units were removed (line-ending normalisation does not count). */
  removed: number;
  /** Complete escape sequences (colours, cursor moves, titles, hyperlinks) and their characters. */
  sequences: number;
  sequenceChars: number;
  /** Characters removed one by one, by kind: each kind's count and code points (each once). */
  controls: Single;
  /** C1 control characters left by a wrong decoding (mojibake). */
  mojibake: Single;
  bidi: Single;
}

export interface Single {
  count: number;
  codes: string[];
}

export interface Sanitized extends Removal {
  text: string;
}

export function noRemoval(): Removal {
  return {
    removed: 0,
    sequences: 0,
    sequenceChars: 0,
    controls: { count: 0, codes: [] },
    mojibake: { count: 0, codes: [] },
    bidi: { count: 0, codes: [] },
  };
}

function addSingle(into: Single, more: Single): void {
  into.count += more.count;
  for (const code of more.codes) if (!into.codes.includes(code)) into.codes.push(code);
}

/** Adds `more` to `into` (several values of one file, one warning). */
export function addRemoval(into: Removal, more: Removal): void {
  into.removed += more.removed;
  into.sequences += more.sequences;
  into.sequenceChars += more.sequenceChars;
  addSingle(into.controls, more.controls);
  addSingle(into.mojibake, more.mojibake);
  addSingle(into.bidi, more.bidi);
}

/** Normalises line breaks to `\n` and removes control characters, escape sequences and bidi controls. */
export function sanitizeText(text: string): Sanitized {
  const normalized = LINE_BREAK.test(text) ? text.replace(LINE_BREAKS, '\n') : text;
  const removal = noRemoval();
  if (!suspect.test(normalized)) return { text: normalized, ...removal };
  const seen = new Set<number>();
  const clean = normalized.replace(unsafe, (match: string, offset: number) => {
    removal.removed += match.length;
    if (match.length > 1) {
      removal.sequences++;
      removal.sequenceChars += match.length;
      return '';
    }
    const char = match.charCodeAt(0);
    const kind =
      char >= 0x202a
        ? removal.bidi
        : char >= 0x80 && offset > 0 && MOJIBAKE_C1.test(normalized[offset - 1]!)
          ? removal.mojibake
          : removal.controls;
    kind.count++;
    // Each character's code point named once: a file of mojibake holds thousands of the same.
    const key = kind === removal.mojibake ? -char : char;
    if (!seen.has(key)) {
      seen.add(key);
      kind.codes.push(`U+${char.toString(16).toUpperCase().padStart(4, '0')}`);
    }
    return '';
  });
  return { text: clean, ...removal };
}

function counted(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

function codes(single: Single): string {
  return single.codes.slice(0, 4).join(', ') + (single.codes.length > 4 ? ', …' : '');
}

/**
 * What was removed, in words a reader can act on: escape sequences (which could have recoloured
 * or retitled the terminal), control characters by code point, mojibake named as such, and that
 * the text around them stays. `from` says where they came from when not the file's bytes.
 */
export function removalWarning(removal: Removal, from = ''): string {
  const parts: string[] = [];
  if (removal.sequences > 0) {
    parts.push(
      `${counted(removal.sequences, 'terminal escape sequence')} (${counted(removal.sequenceChars, 'character')})`,
    );
  }
  if (removal.controls.count > 0) {
    parts.push(
      `${counted(removal.controls.count, 'control character')} (${codes(removal.controls)})`,
    );
  }
  if (removal.bidi.count > 0) {
    parts.push(
      `${counted(removal.bidi.count, 'bidi control')} that could reorder the text (${codes(removal.bidi)})`,
    );
  }
  if (removal.mojibake.count > 0) {
    parts.push(
      `${counted(removal.mojibake.count, 'control character')} (${codes(removal.mojibake)}) of mojibake: text read in the wrong encoding and saved again, such as â€ for ”`,
    );
  }
  const last = parts.pop();
  const list = parts.length > 0 ? `${parts.join(', ')} and ${last}` : last;
  const items =
    removal.sequences + removal.controls.count + removal.bidi.count + removal.mojibake.count;
  return `removed ${list}${from}; the text around ${items === 1 ? 'it' : 'them'} is kept`;
}

/** For one line of a terminal UI: sanitized, with tabs and line breaks turned into spaces. */
export function sanitizeLine(text: string): string {
  return sanitizeText(text).text.replace(/[\t\n]/g, ' ');
}
