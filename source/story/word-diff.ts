import { diffWords } from 'diff';
import type { DiffPart } from './types.js';

/**
 * Word diff (the `diff` package's `diffWords`), turning `from` into `to`. A module of its own: the
 * review's story panel shows it, and importing it from the engine's modules brought chrono-node,
 * the stemmer and the word lists into the review before its first frame.
 */
export function wordDiff(from: string, to: string): DiffPart[] {
  return diffWords(from, to).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
}
