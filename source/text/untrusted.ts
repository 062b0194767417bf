/**
 * The one boundary for untrusted text. Article text, file and folder names, store contents,
 * imported lines and command-line arguments all pass through here before they reach a terminal,
 * a message, a table cell or a name margin writes: control characters (C0 but tab and newline,
 * DEL, C1) and bidi overrides are shown as `\u001b`-style escapes. Escaped rather than removed,
 * so a person sees that a name holds one, two names never collapse into one, and the escape can
 * be typed back (`margin export --article`). A carriage return stays where it ends a line (CSV's
 * CRLF); alone, it would let text overwrite the line before it.
 */
const UNSAFE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

const toEscape = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text with its control and bidi characters escaped; tabs and line breaks (LF, CRLF) kept. */
export function visible(text: string): string {
  return text.replace(UNSAFE, toEscape);
}

/** Text for one line of a terminal, a table cell or a list row: every run of space is one space. */
export function oneLine(text: string): string {
  return visible(text.replace(/\s+/g, ' '));
}

/**
 * JSON.stringify escapes C0 controls but leaves DEL, C1 controls and bidi overrides raw; those
 * can only stand inside strings, where a `\u` escape means the same.
 */
export function safeJson(value: unknown, indent?: number): string {
  // `undefined` stringifies to undefined, not to text: passed on as JSON.stringify would.
  const json: string | undefined = JSON.stringify(value, null, indent);
  return json === undefined ? (json as unknown as string) : json.replace(UNSAFE, toEscape);
}
