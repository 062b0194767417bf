/**
 * Figures with a sign (qa54 #7): `$5 billion` must not rank `€5 billion` as high as `$5 billion`,
 * nor `20%` the `20` of `20 workers`. Signs are not words of the index (a number is: `22.5`,
 * `1772`), so a query's signed figures are checked in the text of the sentences it matched: a
 * sentence that holds the number without that sign scores the figure as a partial match.
 */

/** A number a query wrote with a currency sign before it or a percent sign after it. */
export interface SignedFigure {
  /** As the index keeps it: thousands commas dropped (`1,306` is `1306`). */
  number: string;
  /** `$`, `€`, `£`, `¥` or `%`. */
  sign: string;
}

/** What a figure with the number but not its sign scores, where the whole figure scores 1. */
export const UNSIGNED = 0.8;

const NUMBER = '[0-9]+(?:\\.[0-9]+|,[0-9]{3}(?![0-9]))*';
/**
 * A figure in text: a currency sign (anything may stand before it, `US$5`) or no letter, digit
 * or separator before the number; after it `%`, ` percent` or ` per cent`, and no more digits.
 */
const FIGURE = new RegExp(
  `(?:([$€£¥])\\s?|(?<![\\p{L}\\p{N}.,]))(${NUMBER})(?![0-9]|[.,][0-9])(?:\\s?(%)|\\s(?:percent|per cent)\\b)?`,
  'gu',
);

/** The figures of these query texts (its words and phrases) written with a sign. */
export function signedFigures(texts: readonly string[]): SignedFigure[] {
  const out: SignedFigure[] = [];
  for (const text of texts) {
    for (const match of text.matchAll(FIGURE)) {
      const sign = match[1] ?? (match[0].endsWith('%') ? '%' : '');
      if (sign !== '') out.push({ number: match[2]!.replaceAll(',', ''), sign });
    }
  }
  return out;
}

/** How many of the figures `text` does not hold with their sign. */
export function figuresMissing(text: string, figures: readonly SignedFigure[]): number {
  const held = new Set<string>();
  for (const match of text.matchAll(FIGURE)) {
    const sign = match[1] ?? (match[0].length > match[2]!.length ? '%' : '');
    held.add(`${sign}${match[2]!.replaceAll(',', '')}`);
  }
  let missing = 0;
  for (const figure of figures) if (!held.has(`${figure.sign}${figure.number}`)) missing++;
  return missing;
}
