/**
 * Figures with a sign (qa54 #7): `$5 billion` must not rank `€5 billion` as high as `$5 billion`,
 * nor `20%` the `20` of `20 workers`. A number is a word of the index (`22.5`, `1772`); the signs
 * written with it are kept beside the words as marks (`$5`, `%20`), one posting list each, so
 * that a query's signed figure is checked against a list rather than in each match's text.
 */

import { asciiDigits } from './digits.js';

/** A number a query wrote with a currency sign before it or a percent sign after it. */
export interface SignedFigure {
  /** As the index keeps it: thousands commas dropped (`1,306` is `1306`), a decimal comma a point. */
  number: string;
  /** `$`, `€`, `£`, `¥` or `%`; empty for a figure with a minus alone (`-3.5`). */
  sign: string;
  /**
   * Written with a minus (`-3.5%`, `−3,5 %`, `-$5`, `$-5`; qa56 #5): a text's figure without one
   * lacks it. The index keeps no mark of it, so it is checked in the text.
   */
  minus?: true;
}

/** The signs a figure may be written with. */
const SIGNS = '$€£¥%';

/**
 * A number as `text/fold.ts` makes it a word: a decimal point (`22.5`), thousands commas before
 * exactly three digits (`1,772`), a decimal comma before one or two (`22,5`, European).
 */
const NUMBER = '[0-9]+(?:\\.[0-9]+|,[0-9]{3}(?![0-9])|,[0-9]{1,2}(?![0-9]))*';
/** A minus: a hyphen or the minus sign U+2212 (escaped: the search bundle is ASCII). */
const MINUS = '[-\\u2212]';
/**
 * A figure in text: a currency sign (anything may stand before it, `US$5`) or no letter, digit
 * or separator before the number; after it `%`, ` percent` or ` per cent`, and no more digits.
 */
const FIGURE = new RegExp(
  `(?:(?<![\\p{L}\\p{N}.,])(?<before>${MINUS}))?(?:(?<currency>[$€£¥])\\s?(?<after>${MINUS})?|(?<![\\p{L}\\p{N}.,]))(?<number>${NUMBER})(?![0-9]|[.,][0-9])(?:\\s?(%)|\\s(?:percent|per cent)\\b)?`,
  'gu',
);
/** Text that may hold a signed figure: any sign, or the words of a percentage. */
// Escaped: the search bundle must be ASCII (`cli/compiled.ts`), and esbuild keeps regex literals.
const MAY_HOLD = /[$\u20ac\u00a3\u00a5%]|per ?cent/;
/** Text that may hold a figure with a minus. */
const MAY_HOLD_MINUS =
  /[-\u2212][$\u20ac\u00a3\u00a5]?\s?[0-9]|[$\u20ac\u00a3\u00a5]\s?[-\u2212][0-9]/;

/** The figures of a text as a match of FIGURE gives them: sign (or none), number, minus. */
function figureOf(match: RegExpMatchArray): SignedFigure {
  const groups = match.groups!;
  const number = groups.number!;
  const sign = groups.currency ?? (match[0].endsWith(number) ? '' : '%');
  const figure: SignedFigure = { number: numberOfFigure(number), sign };
  return groups.before || groups.after ? { ...figure, minus: true } : figure;
}

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
    for (const match of asciiDigits(text).matchAll(FIGURE)) {
      const figure = figureOf(match);
      // `20 percent` is two words here, but `-5 percent` keeps its minus; a minus alone is a
      // sign (`-3.5`).
      if (figure.sign === '%' && !match[0].endsWith('%') && !figure.minus) continue;
      if (figure.sign !== '' || figure.minus) out.push(figure);
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
export function figureMarks(written: string): string[] {
  // Asked of the text as written first: most sentences hold no sign, and only the Arabic percent
  // sign (٪) becomes one in `asciiDigits`, whose scan then costs them nothing.
  if (!MAY_HOLD.test(written) && !written.includes('\u066a')) return [];
  const text = asciiDigits(written);
  const out: string[] = [];
  for (const match of text.matchAll(FIGURE)) {
    const { sign, number } = figureOf(match);
    // `$-5` kept no mark before minus signs were read: an index made then still holds.
    if (sign === '' || match.groups!.after) continue;
    const mark = `${sign}${number}`;
    if (!out.includes(mark)) out.push(mark);
  }
  return out;
}

/** Whether a figure is written with a minus, which no mark of the index says. */
export function hasMinus(figures: readonly SignedFigure[]): boolean {
  return figures.some((figure) => figure.minus);
}

/**
 * The figures of `text` written with a minus, as `sign number` keys (`%3.5`), and each as its
 * number alone (`3.5`): a query's `-3.5` holds in `-3.5%` as `3.5` does in `3.5%`.
 */
function minusFigures(written: string): Set<string> {
  const text = asciiDigits(written);
  const out = new Set<string>();
  if (!MAY_HOLD_MINUS.test(text)) return out;
  for (const match of text.matchAll(FIGURE)) {
    const figure = figureOf(match);
    if (!figure.minus) continue;
    out.add(`${figure.sign}${figure.number}`);
    out.add(figure.number);
  }
  return out;
}

/** How many of the figures `text` does not hold with their sign. */
export function figuresMissing(text: string, figures: readonly SignedFigure[]): number {
  const held = new Set(figureMarks(text));
  const negative = hasMinus(figures) ? minusFigures(text) : null;
  let missing = 0;
  for (const figure of figures) {
    const mark = figureMark(figure);
    if (figure.minus ? !negative!.has(mark) : !held.has(mark)) missing++;
  }
  return missing;
}
