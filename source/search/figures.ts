/**
 * Figures with a sign (qa54 #7), as a query asks for them: `text/figures.ts` finds them in the
 * query and the text; the index keeps each sentence's signed figures as marks (`$5`, `%20`).
 */
export {
  figureMark,
  figuresMissing,
  hasMinus,
  type SignedFigure,
  signedFigures,
} from '../text/figures.js';

/** What a figure with the number but not its sign scores, where the whole figure scores 1. */
export const UNSIGNED = 0.8;
