/**
 * Numbers as a fact-checker compares them: "four" and "4" are the same figure, "28" and "4" are
 * not, "2,000" is two thousand. Vague quantities ("thousands", "dozens") are kept as words: they
 * state no figure to compare.
 */
import { asciiDigits } from '../text/digits.js';

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
};

const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
  trillion: 1_000_000_000_000,
};

/** One figure found in a text: its value and where it was written. */
export interface NumberMention {
  value: number;
  /** As written: "28", "four", "twenty-eight", "2,000", "1.5 billion". */
  text: string;
  start: number;
  end: number;
}

// Digits with thousands separators or a decimal part, or a run of number words joined by
// spaces, hyphens and "and" ("two hundred and fifty", "twenty-eight"). Continental Europe,
// Russia, Turkey and Latin America write a decimal comma and group thousands with points or
// thin spaces (`39,1 %`, `1.234,5 Mio.`, `1 500`): read as 39.1, 1234.5 and 1500, so that
// `39,1` against `39,2` is a difference (qa56: both read as 39). A comma before exactly three
// digits stays a thousands comma (`1,234`), as search reads it; one point before three digits
// stays a decimal point (`1.500` is 1.5 in English and 1500 in German: only copies written
// alike are compared, and they differ alike).
const DIGITS = [
  '\\d{1,3}(?:\\.\\d{3})+,\\d+',
  '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?',
  '\\d{1,3}(?:[\\u00a0\\u2009\\u202f]\\d{3})+(?:[.,]\\d+)?',
  '\\d{1,3}(?:\\.\\d{3}){2,}',
  '\\d+,\\d{1,2}(?!\\d)',
  '\\d+(?:\\.\\d+)?',
].join('|');
const WORD = `(?:${[...Object.keys(UNITS), ...Object.keys(SCALES)].join('|')})`;
const pattern = new RegExp(
  `(?<![\\p{L}\\p{N}.,])(${DIGITS})(?:\\s+(${Object.keys(SCALES).join('|')})\\b)?|\\b(${WORD}(?:(?:\\s+and\\s+|[\\s-]+)${WORD})*)\\b`,
  'giu',
);

/** The value of digits as written in any of the forms above. */
function digitsValue(written: string): number {
  const plain = written.replace(/[\u00a0\u2009\u202f]/g, '');
  // `39,1`, `1.234,5`, `1 234,567`: the comma is the decimal mark and points group thousands.
  const spaced = plain.length !== written.length;
  if (/,\d{1,2}$|\.\d{3},\d+$/.test(plain) || (spaced && /,\d+$/.test(plain))) {
    return Number(plain.replace(/\./g, '').replace(',', '.'));
  }
  // `1.234.567`: points that group thousands.
  if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(plain)) return Number(plain.replace(/\./g, ''));
  return Number(plain.replace(/,/g, ''));
}

/** The value of number words ("twenty-eight" → 28, "two hundred and fifty" → 250), or null. */
export function parseNumberWords(text: string): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of text.toLowerCase().split(/[\s-]+/)) {
    if (word === 'and' || word === '') continue;
    const unit = UNITS[word];
    const scale = SCALES[word];
    if (unit !== undefined) {
      current += unit;
      seen = true;
    } else if (scale !== undefined) {
      current = (current || 1) * scale;
      if (scale >= 1000) {
        total += current;
        current = 0;
      }
      seen = true;
    } else {
      return null;
    }
  }
  return seen ? total + current : null;
}

/**
 * Every figure in `text`, in order. Years and times are figures too: they are compared alike.
 * Eastern Arabic and Persian digits are figures as ASCII ones are (`٢٨` is 28), given in ASCII.
 */
export function findNumbers(text: string): NumberMention[] {
  const found: NumberMention[] = [];
  for (const match of asciiDigits(text).matchAll(pattern)) {
    const start = match.index;
    const written = match[0];
    let value: number | null;
    if (match[1] !== undefined) {
      value = digitsValue(match[1]);
      if (match[2] !== undefined) value *= SCALES[match[2].toLowerCase()]!;
    } else {
      // "one" is as often a pronoun ("one of the drones") as a figure; it still compares as 1.
      value = parseNumberWords(written);
    }
    if (value === null || !Number.isFinite(value)) continue;
    found.push({ value, text: written, start, end: start + written.length });
  }
  return found;
}

/** The canonical spelling of a value, for keys: 4 and "four" give "4". */
export function numberKey(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(3).replace(/0+$/, '');
}
