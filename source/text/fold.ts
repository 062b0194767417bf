/**
 * Folding makes "KYIV", "Kyïv" and "kyiv" the same word: NFKD, combining marks and zero-width
 * (non-)joiners dropped, lower case, a few letters mapped to their base. The index folds whole
 * strings (fast); highlighting folds code point by code point, because NFKD changes lengths
 * ("ﬁ" → "fi", "é" → "e" + mark) and a highlight must land on the original characters. Both give
 * the same folded text.
 */

export interface FoldedText {
  folded: string;
  /** For folded character `k`, the original UTF-16 offset where its code point starts; null when identical (ASCII). */
  starts: Int32Array | null;
  /** For folded character `k`, the original UTF-16 offset just after its code point. */
  ends: Int32Array | null;
}

export const ascii = /^[\x00-\x7f]*$/;
/**
 * Combining marks, and the zero-width non-joiner and joiner: Persian writes می‌خواهد with a ZWNJ
 * that a search typed without it ("میخواهد") must still find, and the joiners inside an emoji
 * sequence are not part of any word.
 */
const marks = /[\p{M}\u200c\u200d]/gu;
const cache = new Map<string, string>();

// Letters NFKD leaves whole but readers treat as their base letters; final sigma is lower case in context.
const specials: Record<string, string> = {
  ς: 'σ',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
};

const special = new RegExp(`[${Object.keys(specials).join('')}]`, 'gu');

/** Folds one code point (a string of length 1 or 2). */
export function foldChar(char: string): string {
  let folded = cache.get(char);
  if (folded === undefined) {
    folded = char.normalize('NFKD').replace(marks, '').toLowerCase();
    folded = folded.replace(special, (c) => specials[c]!);
    cache.set(char, folded);
  }
  return folded;
}

/** The folded form of a string, for queries, titles and notes where offsets are not needed. */
export function fold(text: string): string {
  if (ascii.test(text)) return text.toLowerCase();
  // Same result as folding per code point (marks are dropped, so NFKD's reordering cannot matter).
  return text
    .normalize('NFKD')
    .replace(marks, '')
    .toLowerCase()
    .replace(special, (c) => specials[c]!);
}

/** The folded form with an offset map back to `text`. */
export function foldText(text: string): FoldedText {
  if (ascii.test(text)) return { folded: text.toLowerCase(), starts: null, ends: null };
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const piece = code < 0x80 ? text[i]!.toLowerCase() : foldChar(text.slice(i, i + width));
    for (let k = 0; k < piece.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    folded += piece;
    i += width;
  }
  return { folded, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** Maps a half-open range of folded offsets back to the original text. */
export function originalRange(text: FoldedText, start: number, end: number): [number, number] {
  if (!text.starts || !text.ends) return [start, end];
  return [text.starts[start]!, text.ends[end - 1]!];
}

const wordPattern = /^[\p{L}\p{N}]$/u;
// 0 = not looked at yet, 1 = letter or digit, 2 = anything else; filled as characters are met.
const classes = new Uint8Array(0x10000);

/** Whether a code point is a letter or a digit: the characters words are made of. */
export function isWordCodePoint(code: number): boolean {
  if (code >= 0x10000) return wordPattern.test(String.fromCodePoint(code));
  let known = classes[code]!;
  if (known === 0) {
    known = wordPattern.test(String.fromCharCode(code)) ? 1 : 2;
    classes[code] = known;
  }
  return known === 1;
}

/**
 * Calls back with the offsets of each word of folded text. Words are runs of letters and digits:
 * "Putin's" is "putin" and "s", "30-day" is "30" and "day".
 */
export function eachWordSpan(folded: string, visit: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i < folded.length; ) {
    const code = folded.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    if (isWordCodePoint(code)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      visit(start, i);
      start = -1;
    }
    i += width;
  }
  if (start >= 0) visit(start, folded.length);
}

/** Each word of folded text with its folded offsets. */
export function eachWord(
  folded: string,
  visit: (word: string, start: number, end: number) => void,
): void {
  eachWordSpan(folded, (start, end) => visit(folded.slice(start, end), start, end));
}

/** The words of `text`, folded. */
export function words(text: string): string[] {
  const out: string[] = [];
  eachWord(fold(text), (word) => out.push(word));
  return out;
}

const asciiWord = /[a-z0-9]+/g;

/**
 * The folded words of a sentence, as the search index stores them: the same words as `words`,
 * with plain ASCII (most sentences) lower-cased and matched in one pass.
 */
export function sentenceWords(text: string): string[] {
  if (ascii.test(text)) return text.toLowerCase().match(asciiWord) ?? [];
  return words(text);
}

/** Letters and digits only, folded: how a source name is compared ("thenationalnews"). */
export function compact(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, '');
}
