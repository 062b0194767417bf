/**
 * Figures with a sign (qa54 #7): `$5 billion` must not rank `€5 billion` as high as `$5 billion`,
 * nor `20%` the `20` of `20 workers`. A number is a word of the index (`22.5`, `1772`); the signs
 * written with it are kept beside the words as marks (`$5`, `%20`), one posting list each, so
 * that a query's signed figure is checked against a list rather than in each match's text.
 */

/** A number a query wrote with a currency sign before it or a percent sign after it. */
export interface SignedFigure {
  /** As the index keeps it: thousands commas dropped (`1,306` is `1306`), a decimal comma a point. */
  number: string;
  /** `$`, `€`, `£`, `¥` or `%`. */
  sign: string;
}

/** The signs a figure may be written with. */
const SIGNS = '$€£¥%';

/**
 * A number as `text/fold.ts` makes it a word: a decimal point (`22.5`), thousands commas before
 * exactly three digits (`1,772`), a decimal comma before one or two (`22,5`, European).
 */
const NUMBER = '[0-9]+(?:\\.[0-9]+|,[0-9]{3}(?![0-9])|,[0-9]{1,2}(?![0-9]))*';
/**
 * A figure in text: a currency sign (anything may stand before it, `US$5`) or no letter, digit
 * or separator before the number; after it `%`, ` percent` or ` per cent`, and no more digits.
 */
const FIGURE = new RegExp(
  `(?:([$€£¥])\\s?|(?<![\\p{L}\\p{N}.,]))(${NUMBER})(?![0-9]|[.,][0-9])(?:\\s?(%)|\\s(?:percent|per cent)\\b)?`,
  'gu',
);
/** Text that may hold a signed figure: any sign, or the words of a percentage. */
// Escaped: the search bundle must be ASCII (`cli/compiled.ts`), and esbuild keeps regex literals.
const MAY_HOLD = /[$\u20ac\u00a3\u00a5%]|per ?cent/;

/** A number as the index keeps it: thousands commas dropped, a decimal comma made a point. */
export function numberOfFigure(written: string): string {
  if (!written.includes(',')) return written;
  return written.replace(/,([0-9]+)/g, (_, digits: string) =>
    digits.length === 3 ? digits : `.${digits}`,
  );
}

/**
 * The figures of these query texts (its words and phrases) written with a sign. A query's
 * `20 percent` is two words to be found, not a figure: only `%` counts here.
 */
export function signedFigures(texts: readonly string[]): SignedFigure[] {
  const out: SignedFigure[] = [];
  for (const text of texts) {
    for (const match of text.matchAll(FIGURE)) {
      const sign = match[1] ?? (match[0].endsWith('%') ? '%' : '');
      if (sign !== '') out.push({ number: numberOfFigure(match[2]!), sign });
    }
  }
  return out;
}

/**
 * The mark the index keeps for a signed figure: its sign, then its number (`$5`, `%20`). No word
 * of the text starts with a sign, so a mark is never taken for a word, a prefix or a spelling.
 */
export function figureMark(figure: SignedFigure): string {
  return `${figure.sign}${figure.number}`;
}

/** Whether a vocabulary entry is a figure's mark rather than a word. */
export function isFigureMark(word: string): boolean {
  return word.length > 1 && SIGNS.includes(word[0]!);
}

/**
 * The marks of the signed figures a sentence holds (`$5` for `$5 billion`), once each. In text
 * `20 percent` and `20 per cent` are `%20` as `20%` is.
 */
export function figureMarks(text: string): string[] {
  if (!MAY_HOLD.test(text)) return [];
  const out: string[] = [];
  for (const match of text.matchAll(FIGURE)) {
    const sign = match[1] ?? (match[0].length > match[2]!.length ? '%' : '');
    if (sign === '') continue;
    const mark = `${sign}${numberOfFigure(match[2]!)}`;
    if (!out.includes(mark)) out.push(mark);
  }
  return out;
}

/** How many of the figures `text` does not hold with their sign. */
export function figuresMissing(text: string, figures: readonly SignedFigure[]): number {
  const held = new Set(figureMarks(text));
  let missing = 0;
  for (const figure of figures) if (!held.has(figureMark(figure))) missing++;
  return missing;
}
