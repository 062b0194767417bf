import { EASTERN_DIGITS } from './digits.js';
import { numberOfFigure } from './figures.js';

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
 * sequence are not part of any word. The kana voicing marks are kept (and joined to their kana
 * again below): バス "bus" and パス "pass" are different words, not accented forms of ハス.
 */
const marks = /[\p{M}\u200c\u200d]/gu;
const keptMarks = /[\u3099\u309a]/;
// Every mark but those two: set subtraction, the `v` flag, which tsc refuses in a literal for
// its older target.
// biome-ignore lint/complexity/useRegexLiterals: see above
const droppedMarks = new RegExp('[[\\p{M}\\u200c\\u200d]--[\\u3099\\u309a]]', 'gv');
/** A kana and the combining voicing mark after it, which NFC joins into one letter (カ + ゙ = ガ). */
const voiced = /[\u3040-\u30ff][\u3099\u309a]/g;
const strayVoicing = /[\u3099\u309a]/g;
/**
 * Thai, Lao, Khmer and Myanmar: their vowel signs and tone marks are combining marks that are
 * letters of the word, and NFKD splits some vowels (Thai ำ) where the word segmenter no longer
 * knows the word. Text in these scripts is kept as written.
 */
const SEGMENTED = '\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}';
const segmentedRuns = new RegExp(`[${SEGMENTED}]+`, 'gu');
const segmentedChar = new RegExp(`^[${SEGMENTED}]`, 'u');
const segmentedAny = new RegExp(`[${SEGMENTED}]`, 'u');
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
  // The modifier letter apostrophe (ʼ), which Ukrainian orthography prescribes in обʼєднання,
  // and the turned comma (ʻ) of Uzbek and Hawaiian are letters to Unicode, so the word stayed
  // whole where the same word typed with ' on any keyboard is two: both are the apostrophe.
  ʼ: "'",
  ʻ: "'",
  // Eastern Arabic and Persian digits and the Arabic separators: `٢٨` is the word `28`, so that
  // a search for either finds both.
  ...EASTERN_DIGITS,
};

const special = new RegExp(`[${Object.keys(specials).join('')}]`, 'gu');

/**
 * Any character of the scripts kept as written (Thai, Lao, Myanmar, Khmer): one scan of plain
 * ranges, so that other text is folded as fast as before them. Kana are not looked for here: a
 * compatibility character (㌀, ㋕) becomes kana only in NFKD, so whether voicing marks are kept
 * is asked of the decomposed text (`foldPlain`), as folding code point by code point does.
 */
const segmentedRange =
  /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\ua9e0-\ua9ff\uaa60-\uaa7f]/;

/** NFKD, marks but the kana voicing marks dropped, lower case, specials: no segmented script. */
function foldPlain(text: string): string {
  const decomposed = text.normalize('NFKD');
  if (!keptMarks.test(decomposed)) {
    return decomposed
      .replace(marks, '')
      .toLowerCase()
      .replace(special, (c) => specials[c]!);
  }
  return decomposed
    .replace(droppedMarks, '')
    .replace(voiced, (pair) => pair.normalize('NFC'))
    .replace(strayVoicing, '')
    .toLowerCase()
    .replace(special, (c) => specials[c]!);
}

/**
 * Folds one code point (a string of length 1 or 2), or a kana with the voicing mark after it
 * (`foldText` keeps those together, as whole-string folding joins them).
 */
export function foldChar(char: string): string {
  let folded = cache.get(char);
  if (folded === undefined) {
    folded = segmentedChar.test(char) ? char : foldPlain(char);
    cache.set(char, folded);
  }
  return folded;
}

/** The folded form of a string, for queries, titles and notes where offsets are not needed. */
export function fold(text: string): string {
  if (ascii.test(text)) return text.toLowerCase();
  // Same result as folding per code point (marks are dropped, so NFKD's reordering cannot matter).
  if (!segmentedRange.test(text) || !segmentedAny.test(text)) return foldPlain(text);
  let out = '';
  let from = 0;
  for (const run of text.matchAll(segmentedRuns)) {
    if (run.index > from) out += foldPlain(text.slice(from, run.index));
    out += run[0];
    from = run.index + run[0].length;
  }
  return from < text.length ? out + foldPlain(text.slice(from)) : out;
}

/**
 * Whether a voicing mark (combining or half width) stands at `at`, after a character that may
 * fold to kana: not only a kana (カ, ｶ) but a compatibility character whose NFKD is one (㋕).
 */
function voicingAt(text: string, at: number, char: string): boolean {
  const next = text.charCodeAt(at);
  return (
    (next === 0x3099 || next === 0x309a || next === 0xff9e || next === 0xff9f) &&
    !segmentedChar.test(char)
  );
}

/** The folded form with an offset map back to `text`. */
export function foldText(text: string): FoldedText {
  if (ascii.test(text)) return { folded: text.toLowerCase(), starts: null, ends: null };
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    let width = code > 0xffff ? 2 : 1;
    if (code >= 0x80 && voicingAt(text, i + width, text.slice(i, i + width))) width++;
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
const segmentedWord = new RegExp(`^[${SEGMENTED}]$`, 'u');
/** Han, kana and the marks that belong to them (々, ー): written without spaces between words. */
const ideographPattern = /^(?=[\p{L}\p{N}])[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]$/u;

const WORD = 1;
const OTHER = 2;
/** Han and kana: indexed as single characters and pairs of characters. */
const IDEOGRAPH = 3;
/** Thai, Lao, Khmer, Myanmar: split into words by the Unicode word segmenter's dictionaries. */
const SEGMENTED_SCRIPT = 4;
// 0 = not looked at yet, else one of the kinds above; filled as characters are met.
const kinds = new Uint8Array(0x10000);

function kindOfChar(char: string): number {
  if (segmentedWord.test(char)) return SEGMENTED_SCRIPT;
  if (ideographPattern.test(char)) return IDEOGRAPH;
  return wordPattern.test(char) ? WORD : OTHER;
}

function kindOf(code: number): number {
  if (code >= 0x10000) return kindOfChar(String.fromCodePoint(code));
  let known = kinds[code]!;
  if (known === 0) {
    known = kindOfChar(String.fromCharCode(code));
    kinds[code] = known;
  }
  return known;
}

/**
 * Whether a code point is part of a word: a letter or a digit, or any character of the scripts
 * whose vowels and tones are combining marks (Thai, Lao, Khmer, Myanmar).
 */
export function isWordCodePoint(code: number): boolean {
  const kind = kindOf(code);
  return kind === WORD || kind === IDEOGRAPH || kind === SEGMENTED_SCRIPT;
}

/** Whether a folded word is one pair of Han or kana characters (普京), as `eachWordSpan` makes. */
export function isIdeographPair(word: string): boolean {
  const first = word.codePointAt(0);
  if (first === undefined || kindOf(first) !== IDEOGRAPH) return false;
  const at = first > 0xffff ? 2 : 1;
  const second = word.codePointAt(at);
  if (second === undefined || kindOf(second) !== IDEOGRAPH) return false;
  return at + (second > 0xffff ? 2 : 1) === word.length;
}

/**
 * The folded text when it is all Thai, Lao, Khmer or Myanmar (one run, which the segmenter may
 * split into several words), else null: a query typed so may be one word begun ("กระทรว").
 */
export function segmentedRun(text: string): string | null {
  const folded = fold(text);
  for (let i = 0; i < folded.length; ) {
    const code = folded.codePointAt(i)!;
    if (kindOf(code) !== SEGMENTED_SCRIPT) return null;
    i += code > 0xffff ? 2 : 1;
  }
  return folded.length > 0 ? folded : null;
}

let segmenter: Intl.Segmenter | undefined;

/**
 * Calls back with the offsets of each word of folded text. Words are runs of letters and digits:
 * "Putin's" is "putin" and "s", "30-day" is "30" and "day". Scripts written without spaces are
 * split otherwise, as a reader of them expects a search to find words:
 * - Han and kana (Chinese, Japanese): each character, and each pair of neighbouring characters,
 *   in text order (普京说 is 普, 普京, 京, 京说, 说), as Lucene's CJK analyser does with pairs. A
 *   query is split the same way, so 普京 finds the phrase 普 普京 京 wherever those two characters
 *   stand together, 京 finds every 京, and no dictionary must know a name (泽连斯基) for it to be found.
 * - Thai, Lao, Khmer and Myanmar: the words of the Unicode word segmenter (ICU's dictionaries), as
 *   pairs of letters would mean nothing in an alphabet.
 */
export function eachWordSpan(folded: string, visit: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i < folded.length; ) {
    const code = folded.codePointAt(i)!;
    const kind = kindOf(code);
    if (kind === WORD) {
      if (start < 0) start = i;
    } else {
      if (start >= 0 && (code === DOT || code === COMMA) && numberGoesOn(folded, start, i)) {
        // `22.5` and `1,772` are one number each: its separator is part of the word.
        i++;
        continue;
      }
      if (start >= 0) {
        const end = code === DOT ? abbreviationEnd(folded, start, i) : -1;
        if (end > 0) {
          visit(start, end);
          start = -1;
          i = end;
          continue;
        }
        visit(start, i);
        start = -1;
      }
      if (kind !== OTHER) {
        if (kind === IDEOGRAPH) i = eachCharacterAndPair(folded, i, visit);
        else i = eachSegmentedWord(folded, i, visit);
        continue;
      }
    }
    i += code > 0xffff ? 2 : 1;
  }
  if (start >= 0) visit(start, folded.length);
}

const DOT = 0x2e;
const COMMA = 0x2c;

function isDigitAt(folded: string, at: number): boolean {
  const code = folded.charCodeAt(at);
  return code >= 0x30 && code <= 0x39;
}

/**
 * Whether the separator at `at` joins two parts of one number, the word `start`..`at` being
 * its beginning: that word is digits (and separators already joined), and the separator is a
 * decimal point before a digit (`22.5`, `3.14`, `1.2.3`), a thousands comma before exactly
 * three digits (`1,772`, `12,500,000`) or a decimal comma before one or two (`22,5`, `0,25`:
 * European). So `5` is no word of `22.5` or `22,5`, nor `20` of `20.8`; a number's word keeps
 * its dots, drops its thousands commas and makes a decimal comma a point (`1,772` is `1772`,
 * `22,5` is `22.5`). Four digits or more after a comma stay apart (`1,0000`, `2019,2020`).
 * `sentenceWords` finds the same with `asciiWord`.
 */
function numberGoesOn(folded: string, start: number, at: number): boolean {
  for (let k = start; k < at; k++) {
    const code = folded.charCodeAt(k);
    if (!isDigitAt(folded, k) && code !== DOT && code !== COMMA) return false;
  }
  if (folded.charCodeAt(at) === DOT) return isDigitAt(folded, at + 1);
  let digits = 0;
  while (digits < 4 && isDigitAt(folded, at + 1 + digits)) digits++;
  return digits > 0 && digits !== 4;
}

const numberWord = /^[0-9]+(?:\.[0-9]+)*$/;

/**
 * Whether a folded word is a number (`5`, `22.5`, `1772`): digits, and decimal points between
 * them. A word of digits and letters is not (`2020s` a decade, `2nd`, `5g` a name).
 */
export function isNumberWord(word: string): boolean {
  return numberWord.test(word);
}

/** Whether a folded word begins with a digit: a number, or a word such as `2020s` or `5g`. */
export function isDigitWord(word: string): boolean {
  return isDigitAt(word, 0);
}

/**
 * A word as the index keeps it: an abbreviation without its dots, a number without its
 * thousands commas and with a point for its decimal comma (`1,772` → `1772`, `22,5` → `22.5`).
 */
function wordOfSpan(word: string): string {
  if (isDigitAt(word, 0)) return word.includes(',') ? numberOfFigure(word) : word;
  return word.includes('.') ? word.replaceAll('.', '') : word;
}
const letterPattern = /^\p{L}$/u;

/** One letter of an alphabet (a word character, not a digit, Han, kana or Thai): `U` of `U.S.`. */
function isLetterAt(folded: string, at: number): number {
  const code = folded.codePointAt(at);
  if (code === undefined || kindOf(code) !== WORD) return 0;
  const width = code > 0xffff ? 2 : 1;
  return letterPattern.test(folded.slice(at, at + width)) ? width : 0;
}

/**
 * Where an abbreviation written with dots ends, when the word `start`..`dot` is its first letter:
 * single letters each followed by one dot (`u.s.`, `u.n.`, `a.m.`, `d.c`), at least two of them,
 * the last dot included when there is one. -1 when it is no such abbreviation. Its word is its
 * letters (`us`), so `U.S.` and `US` are one word in the index and in a query. `sentenceWords`
 * finds the same with `asciiAbbreviation`.
 */
function abbreviationEnd(folded: string, start: number, dot: number): number {
  const width = isLetterAt(folded, start);
  if (width === 0 || start + width !== dot) return -1;
  let letters = 1;
  let end = dot;
  for (;;) {
    const next = isLetterAt(folded, end + 1);
    if (folded.charCodeAt(end) !== DOT || next === 0) break;
    const after = folded.codePointAt(end + 1 + next);
    // `u.sa` or `a.b3`: the next word is longer than one letter, and the abbreviation ends before it.
    if (after !== undefined && kindOf(after) === WORD) break;
    letters++;
    end += 1 + next;
  }
  if (letters < 2) return -1;
  return folded.charCodeAt(end) === DOT ? end + 1 : end;
}

/** The characters and pairs of the run of Han and kana at `from`; returns where the run ends. */
function eachCharacterAndPair(
  folded: string,
  from: number,
  visit: (start: number, end: number) => void,
): number {
  let before = -1;
  let at = from;
  while (at < folded.length) {
    const code = folded.codePointAt(at)!;
    if (kindOf(code) !== IDEOGRAPH) break;
    const end = at + (code > 0xffff ? 2 : 1);
    if (before >= 0) visit(before, end);
    visit(at, end);
    before = at;
    at = end;
  }
  return at;
}

/** The words of the run of Thai, Lao, Khmer or Myanmar at `from`; returns where the run ends. */
function eachSegmentedWord(
  folded: string,
  from: number,
  visit: (start: number, end: number) => void,
): number {
  let to = from;
  while (to < folded.length) {
    const code = folded.codePointAt(to)!;
    if (kindOf(code) !== SEGMENTED_SCRIPT) break;
    to += code > 0xffff ? 2 : 1;
  }
  // A fixed locale: the same words whatever the machine's language, in the index and the query.
  segmenter ??= new Intl.Segmenter('en', { granularity: 'word' });
  for (const { segment, index, isWordLike } of segmenter.segment(folded.slice(from, to))) {
    if (isWordLike) visit(from + index, from + index + segment.length);
  }
  return to;
}

/** Each word of folded text with its folded offsets. */
export function eachWord(
  folded: string,
  visit: (word: string, start: number, end: number) => void,
): void {
  eachWordSpan(folded, (start, end) => {
    visit(wordOfSpan(folded.slice(start, end)), start, end);
  });
}

/** The words of `text`, folded. */
export function words(text: string): string[] {
  const out: string[] = [];
  eachWord(fold(text), (word) => out.push(word));
  return out;
}

/**
 * A word of ASCII text: an abbreviation written with dots (`u.s.`: single letters each followed
 * by one dot, not within a longer word, as `abbreviationEnd` reads them), else a run of letters
 * and digits.
 */
const asciiWord =
  /(?<![a-z0-9])[a-z](?:\.[a-z](?![a-z0-9]))+|(?<![a-z0-9])[0-9]+(?:\.[0-9]|,[0-9]{3}(?![0-9])|,[0-9]{1,2}(?![0-9])|[0-9])*[a-z0-9]*|[a-z0-9]+/g;

/**
 * ASCII with the typographic punctuation news text sets between words: quotes, dashes, the euro
 * and pound signs, the bullet. Each of these folds to itself (no decomposition, no case, no mark)
 * and is no letter or digit, so between ASCII words it parts them as ASCII punctuation does, and
 * `asciiWord` finds the same words `words` does. A third of a news corpus's sentences hold one
 * (“quotes” mostly), and folding them code point by code point cost 5 % of a cold index's
 * cleaning. `…` is not here: NFKD makes it three dots.
 */
export const PLAIN_PUNCTUATION = '\u2018\u2019\u201c\u201d\u2013\u2014\u20ac\u00a3\u2022';
const plainText = new RegExp(`^[\\x00-\\x7f${PLAIN_PUNCTUATION}]*$`);

/**
 * The folded words of a sentence, as the search index stores them: the same words as `words`,
 * with plain ASCII (most sentences, with their typographic punctuation: `plainText`) lower-cased
 * and matched in one pass.
 */
export function sentenceWords(text: string): string[] {
  if (!plainText.test(text)) return words(text);
  const found = text.toLowerCase().match(asciiWord);
  if (found === null) return [];
  if (text.includes('.') || text.includes(',')) {
    for (let k = 0; k < found.length; k++) {
      const word = found[k]!;
      if (word.length > 1 && (word.includes('.') || word.includes(',')))
        found[k] = wordOfSpan(word);
    }
  }
  return found;
}

/** Letters and digits only, folded: how a source name is compared ("thenationalnews"). */
export function compact(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, '');
}
