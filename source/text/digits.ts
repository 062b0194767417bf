/**
 * Eastern Arabic digits (٠١٢٣٤٥٦٧٨٩, Arabic) and extended ones (۰۱۲۳۴۵۶۷۸۹, Persian and Urdu),
 * with the Arabic decimal and thousands separators (٫ ٬) and percent sign (٪), read as the
 * ASCII ones: `٢٨ طائرة` is the figure 28. One UTF-16 unit for one, so offsets stay those of
 * the text as written.
 */

/**
 * Each Eastern Arabic and Persian digit and the Arabic decimal and thousands separators, as the
 * ASCII character it reads as: the one table, which folding (`fold.ts`: `٢٨` is the word `28`)
 * and `asciiDigits` both take. Built from code points, as the ranges below are written in
 * escapes: the search bundle stays ASCII (scripts/bundle.mjs).
 */
export const EASTERN_DIGITS: Readonly<Record<string, string>> = Object.fromEntries([
  ...[...'0123456789'].flatMap((digit, i) => [
    [String.fromCharCode(0x0660 + i), digit],
    [String.fromCharCode(0x06f0 + i), digit],
  ]),
  ['\u066b', '.'],
  ['\u066c', ','],
]);

const EASTERN = /[\u0660-\u066c\u06f0-\u06f9]/g;
const HAS_EASTERN = /[\u0660-\u066c\u06f0-\u06f9]/;

/** The table with the percent sign, which folding leaves as it is (a sign, not a word's). */
const AS_ASCII: Readonly<Record<string, string>> = { ...EASTERN_DIGITS, '\u066a': '%' };

/** `text` with its Eastern Arabic and Persian digits (and ٫ ٬ ٪) as ASCII; the same length. */
export function asciiDigits(text: string): string {
  return HAS_EASTERN.test(text) ? text.replace(EASTERN, (char) => AS_ASCII[char]!) : text;
}
