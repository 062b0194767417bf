/**
 * Numbers as a fact-checker compares them: "four" and "4" are the same figure, "28" and "4" are
 * not, "2,000" is two thousand. Vague quantities ("thousands", "dozens") are kept as words: they
 * state no figure to compare.
 */

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
// spaces, hyphens and "and" ("two hundred and fifty", "twenty-eight").
const WORD = `(?:${[...Object.keys(UNITS), ...Object.keys(SCALES)].join('|')})`;
const pattern = new RegExp(
  `(?<![\\p{L}\\p{N}.,])(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?:\\s+(${Object.keys(SCALES).join('|')})\\b)?|\\b(${WORD}(?:(?:\\s+and\\s+|[\\s-]+)${WORD})*)\\b`,
  'giu',
);

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

/** Every figure in `text`, in order. Years and times are figures too: they are compared alike. */
export function findNumbers(text: string): NumberMention[] {
  const found: NumberMention[] = [];
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const written = match[0];
    let value: number | null;
    if (match[1] !== undefined) {
      value = Number(match[1].replace(/,/g, ''));
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
