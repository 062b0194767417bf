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
 * What a name shows nothing of, or shows wrongly: zero-width spaces and joiners, direction marks,
 * the byte-order mark, the soft hyphen, and U+FFFD, which stands in a name for bytes that were not
 * UTF-8 (the file cannot be opened by the name as shown). Kept in article text, where a joiner
 * belongs to an emoji or a Persian word; escaped in names, where `ana` and `a\u200bna` are two.
 */
const INVISIBLE_IN_NAMES =
  /[\u00ad\u061c\u180e\u200b-\u200f\u2060-\u2064\u206a-\u206f\ufeff\ufffd]/g;

/**
 * A message for one line of stderr: a line break or tab in it is one space, and runs of spaces
 * stay as they are, so a file named in it (`Fact Check  Is…`, as a browser names a saved page)
 * can be copied back into a command. Names in a message come through `oneName`; zero-width and
 * direction characters are escaped here as well.
 */
export function oneMessage(text: string): string {
  return visible(text.replace(/[\n\r\t\v\f\u0085\u2028\u2029]+/g, ' ')).replace(
    INVISIBLE_IN_NAMES,
    toEscape,
  );
}

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A name (an article id, a file or folder name, an annotator) on one line: the one helper for a
 * name in a message, a list or a table. A line break or tab in it is shown as `\n`, `\r`, `\t`,
 * as other controls are, never as a space: `nl\nname` and `nl name` are two articles and must not
 * list alike; zero-width and direction characters are escaped too (`INVISIBLE_IN_NAMES`).
 */
export function oneName(text: string): string {
  return visible(text.replace(/[\n\r\t]/g, (char) => NAMED_ESCAPES[char]!)).replace(
    INVISIBLE_IN_NAMES,
    toEscape,
  );
}

/**
 * A problem's message (`path: what is wrong`) with its path shown as a name (`oneName`): a line
 * break in a file's or folder's name is `\n`, never a space, so `nl\nname` and `nl name` stay
 * two, and the path can be copied back. A message that does not start with its path is kept.
 */
export function namedMessage({ path, message }: { path: string; message: string }): string {
  return message.startsWith(path) ? oneName(path) + message.slice(path.length) : message;
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

/**
 * True when JSON text as UTF-8 holds nothing `safeJson` would escape, so it can be written as it
 * is: DEL (7F), C1 controls (C2 80–C2 9F) and the bidi controls U+202A–U+202E (E2 80 AA–AE) and
 * U+2066–U+2069 (E2 81 A6–A9); JSON escapes C0 controls itself. For text that never becomes a
 * JavaScript string (an article's text as an export reads it from the corpus index): a search
 * for three bytes, ten times faster than a regular expression over the text as Latin-1.
 */
export function isVisibleJson(bytes: Uint8Array): boolean {
  const json = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (json.indexOf(0x7f) !== -1) return false;
  for (let at = json.indexOf(0xc2); at !== -1; at = json.indexOf(0xc2, at + 1)) {
    const next = json[at + 1]!;
    if (next >= 0x80 && next <= 0x9f) return false;
  }
  for (let at = json.indexOf(0xe2); at !== -1; at = json.indexOf(0xe2, at + 1)) {
    const next = json[at + 1];
    const last = json[at + 2]!;
    if (
      (next === 0x80 && last >= 0xaa && last <= 0xae) ||
      (next === 0x81 && last >= 0xa6 && last <= 0xa9)
    ) {
      return false;
    }
  }
  return true;
}
