/**
 * File names are as untrusted as file contents: a name with an escape sequence in it must not
 * recolour the terminal when a message quotes it. Control and bidi characters are shown as
 * `\u001b`-style escapes instead.
 */
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

const toEscape = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

export function visible(text: string): string {
  return text.replace(UNSAFE, toEscape);
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
