import stringWidth from '../../text/string-width.js';
import { oneLine } from '../../text/untrusted.js';
import type { CompareView } from '../compare.js';

/** The keys `1`–`9`: at most nine annotators are shown at a time, each numbered by its key. */
export const COMPARE_KEYS = 9;
/** What an annotator's column shows where the store refused their file for the article. */
export const REFUSED = 'refused';
/** The row's marks before the columns (`▶ ≠ `), and what the sentence keeps after them. */
const MARKS = 4;
const SENTENCE_ROOM = 20;

/**
 * How wide each column of the compare table is, and how many annotators it shows at a time: nine,
 * or as many as fit beside the gold column and the start of the sentence. The reducer pages and
 * accepts by the same count the overlay draws: at 80 columns six names of ten letters showed, and keys 7–9
 * took annotators nobody could see.
 */
export function compareColumns(
  rows: readonly CompareView[],
  labelCount: number,
  width: number,
): { cell: number; perPage: number } {
  const names = rows[0]?.annotators.map((entry) => entry.annotator) ?? [];
  // Wide enough for a name behind its key, for a letter per label of the codebook and a `?`
  // after them, and for the word `refused` when a column shows it.
  const refused = rows.some((row) => row.annotators.some((entry) => entry.refused));
  const words = rows[0]?.annotators.map((entry) => entry.unreviewed?.length ?? 0) ?? [];
  const cell =
    Math.max(
      5,
      labelCount + 1,
      refused ? REFUSED.length : 0,
      ...words,
      ...names.map((name, i) => stringWidth(`${(i % COMPARE_KEYS) + 1} ${oneLine(name)}`)),
    ) + 1;
  // One column more for gold.
  const fit = Math.floor((width - MARKS - SENTENCE_ROOM) / cell) - 1;
  return { cell, perPage: Math.max(1, Math.min(COMPARE_KEYS, fit)) };
}
