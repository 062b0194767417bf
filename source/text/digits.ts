/**
 * Eastern Arabic digits (٠١٢٣٤٥٦٧٨٩, Arabic) and extended ones (۰۱۲۳۴۵۶۷۸۹, Persian and Urdu),
 * with the Arabic decimal and thousands separators (٫ ٬) and percent sign (٪), read as the
 * ASCII ones: `٢٨ طائرة` is the figure 28. One UTF-16 unit for one, so offsets stay those of
 * the text as written.
 */

const EASTERN = /[\u0660-\u066c\u06f0-\u06f9]/g;
const HAS_EASTERN = /[\u0660-\u066c\u06f0-\u06f9]/;

const SEPARATORS: Record<string, string> = { '\u066a': '%', '\u066b': '.', '\u066c': ',' };

function ascii(char: string): string {
  const code = char.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(48 + code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(48 + code - 0x06f0);
  return SEPARATORS[char]!;
}

/** `text` with its Eastern Arabic and Persian digits (and ٫ ٬ ٪) as ASCII; the same length. */
export function asciiDigits(text: string): string {
  return HAS_EASTERN.test(text) ? text.replace(EASTERN, ascii) : text;
}
