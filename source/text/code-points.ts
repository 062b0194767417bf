/**
 * Converts offsets between UTF-16 code units (how JavaScript indexes `Article.text`) and Unicode
 * code points (how every export counts, because Python tools index `str` by code point).
 *
 * Offsets past the end of the text map one-to-one beyond it, so that the stored offsets of an
 * orphan (which refer to an older text) survive an export and an import unchanged.
 */
export interface CodePoints {
  /** Code points in the text. */
  readonly length: number;
  toCodePoint(utf16: number): number;
  toUtf16(codePoint: number): number;
}

const SURROGATE = /[\uD800-\uDFFF]/;

const identity: (length: number) => CodePoints = (length) => ({
  length,
  toCodePoint: (utf16) => utf16,
  toUtf16: (codePoint) => codePoint,
});

/** Builds the tables once per text: O(length) here, O(1) per offset after. */
export function codePoints(text: string): CodePoints {
  // Most news text has no astral characters: then both counts agree and no table is needed.
  if (!SURROGATE.test(text)) return identity(text.length);
  const toPoint = new Uint32Array(text.length + 1);
  const toUnit: number[] = [];
  let point = 0;
  for (let unit = 0; unit < text.length; unit++) {
    const code = text.charCodeAt(unit);
    const low = unit + 1 < text.length ? text.charCodeAt(unit + 1) : 0;
    toPoint[unit] = point;
    toUnit.push(unit);
    if (code >= 0xd800 && code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
      // An offset between the two halves of a pair counts as the character's start.
      toPoint[unit + 1] = point;
      unit++;
    }
    point++;
  }
  toPoint[text.length] = point;
  toUnit.push(text.length);
  const units = text.length;
  return {
    length: point,
    toCodePoint: (utf16) => (utf16 <= units ? toPoint[Math.max(0, utf16)]! : point + utf16 - units),
    toUtf16: (codePoint) =>
      codePoint <= point ? toUnit[Math.max(0, codePoint)]! : units + codePoint - point,
  };
}
