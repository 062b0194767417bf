/**
 * Names and values from the store (labels, attribute names and values) where another tool only
 * takes identifiers: brat's entity and attribute types and values (one token, declared in
 * annotation.conf, no `|`, `,`, `:` or space) and Label Studio's control names. Letters, digits,
 * combining marks and `_` stay as they are; every other character becomes `-` and the two hex
 * digits of each of its UTF-8 bytes (`needs context` → `needs-20context`), and the empty string
 * is `-`. The mapping is one to one, so an import gets the exact name back.
 */
const KEPT = /[\p{L}\p{N}\p{M}_]/u;

export function toIdentifier(name: string): string {
  if (name === '') return '-';
  let out = '';
  for (const char of name) {
    if (KEPT.test(char)) out += char;
    else {
      for (const byte of Buffer.from(char, 'utf8')) {
        out += `-${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
    }
  }
  return out;
}

/** The name an identifier stands for, or null when it is not one `toIdentifier` writes. */
export function fromIdentifier(identifier: string): string | null {
  if (identifier === '-') return '';
  if (!/^(?:[\p{L}\p{N}\p{M}_]|-[0-9A-F]{2})+$/u.test(identifier)) return null;
  const bytes: number[] = [];
  let out = '';
  const flush = () => {
    if (bytes.length === 0) return;
    out += Buffer.from(bytes).toString('utf8');
    bytes.length = 0;
  };
  for (let i = 0; i < identifier.length; ) {
    if (identifier[i] === '-') {
      bytes.push(Number.parseInt(identifier.slice(i + 1, i + 3), 16));
      i += 3;
    } else {
      flush();
      const char = String.fromCodePoint(identifier.codePointAt(i)!);
      out += char;
      i += char.length;
    }
  }
  flush();
  return toIdentifier(out) === identifier ? out : null;
}
