/**
 * Free text (a note) where a format allows one line of it (brat's `#` lines): backslash, line
 * breaks and tabs as `\\`, `\n`, `\r`, `\t`, other control characters and bidi overrides as
 * `\u001b`-style escapes, so nothing in the text can end the line, forge another, or reach a
 * terminal; `unescapeLine` gives the exact text back.
 */
const SPECIAL = /[\\\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function escapeLine(text: string): string {
  return text.replace(
    SPECIAL,
    (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const ESCAPE = /\\(?:u([0-9a-fA-F]{4})|([\\nrt]))/g;
const UNNAMED: Record<string, string> = { '\\': '\\', n: '\n', r: '\r', t: '\t' };

export function unescapeLine(text: string): string {
  return text.replace(ESCAPE, (_match, hex: string | undefined, name: string | undefined) =>
    hex !== undefined ? String.fromCharCode(Number.parseInt(hex, 16)) : UNNAMED[name!]!,
  );
}
