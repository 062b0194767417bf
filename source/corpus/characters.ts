/** Character classes and word look-ups shared by the sentence splitter and its line-break rules. */

const codes = (chars: string): ReadonlySet<number> =>
  new Set(Array.from(chars, (char) => char.charCodeAt(0)));

/** Full stops that end a sentence only when whitespace follows (Latin, Urdu, Devanagari, Armenian, Ethiopic). */
export const periods = codes('.۔।॥։።');
/** Question and exclamation marks (Latin, Greek, Arabic, Ethiopic, paired forms). */
export const questions = codes('?!‼⁇⁈⁉\u037e؟፧');
/** CJK marks end a sentence even with no space after them. */
export const ideographic = codes('。！？｡');
export const ellipsis = 0x2026;
export const terminals: ReadonlySet<number> = new Set([
  ...periods,
  ...questions,
  ...ideographic,
  ellipsis,
]);
/** Marks that can sit between the end of a sentence and the space after it: `.”`, `?)`. */
export const closers = codes('"\'”’»›)]}」』）】〕〉》〗＂');
/**
 * Whether a line ends as a sentence does: with one of `terminals`, before any `closers` and
 * spaces. A line that does not is a heading, a caption, a list or table row, a menu item.
 */
export function isSentenceLike(text: string): boolean {
  let end = text.length;
  while (end > 0 && (isSpace(text.charCodeAt(end - 1)) || closers.has(text.charCodeAt(end - 1))))
    end--;
  return end > 0 && terminals.has(text.charCodeAt(end - 1));
}

/** Marks that can sit before the first word of a sentence: `“We`, `(The`, `…Who`. */
export const openers = codes('"\'“‘«‹([{„‚¿¡「『（【〔〈《〖….');

export const lowercase = /\p{Ll}/u;
export const uppercase = /[\p{Lu}\p{Lt}]/u;
export const digit = /\p{Nd}/u;
const space = /\s/;
const wordChar = /[\p{L}\p{M}\p{N}]/u;

// ASCII first: these run on every character of the words around each candidate break.
export const isSpace = (code: number): boolean =>
  code < 0x80 ? code === 32 || (code >= 9 && code <= 13) : space.test(String.fromCharCode(code));

export const isWordChar = (code: number): boolean =>
  code < 0x80
    ? (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
    : wordChar.test(String.fromCharCode(code));

export interface NextWord {
  /** Where the word's first character is (after any opening quote or bracket). */
  index: number;
  /** Letters and digits only: `We` for `“We’ll`. */
  word: string;
  /** The first character after any opening marks, even when it is not a letter. */
  first: string;
  /** `J.` in `J. P. Morales`: an initial, not the pronoun or article it spells. */
  followedByPeriod: boolean;
}

/** The first word at or after `from`, past whitespace and opening marks; null at the end of the text. */
export function nextWordAt(text: string, from: number): NextWord | null {
  let index = from;
  while (index < text.length && isSpace(text.charCodeAt(index))) index++;
  while (index < text.length && openers.has(text.charCodeAt(index))) index++;
  if (index >= text.length) return null;
  let end = index;
  while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
  return {
    index,
    word: text.slice(index, end),
    first: String.fromCodePoint(text.codePointAt(index)!),
    followedByPeriod: text.charCodeAt(end) === 46,
  };
}

/** Words as the language has them: Chinese, Japanese and Thai write them without spaces. */
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** How many words a text has, by the runtime's word segmentation. */
export function countWords(text: string): number {
  let count = 0;
  for (const segment of wordSegmenter.segment(text)) if (segment.isWordLike) count++;
  return count;
}
