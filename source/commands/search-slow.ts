import type { WordIndex } from '../corpus/word-index.js';
import { words } from '../text/fold.js';
import type { Output } from './output.js';

/**
 * How long a search reads before a person at the terminal is told it goes on: as long as the
 * review's search reads while its reviewer types (`review-search.ts`).
 */
export const SLOW_MS = 200;

/** How many of the search's reads go by between two looks at the clock. */
const EVERY = 64;

/**
 * What is told when a search reads for longer than SLOW_MS. A phrase of common words is what
 * reads longest: each sentence holding all its words is read to find them in order (`"it is"`
 * read 23-41 s at 100,000 articles, at load 15, for no hit), and its rarest word bounds how many.
 */
export function slowNote(phrases: readonly string[], index: WordIndex): string {
  for (const phrase of phrases) {
    const own = [...new Set(words(phrase))];
    if (own.length < 2) continue;
    let fewest = Number.POSITIVE_INFINITY;
    for (const word of own) {
      const frequency = index.frequency(word);
      if (frequency !== undefined) fewest = Math.min(fewest, frequency);
    }
    if (fewest === Number.POSITIVE_INFINITY) continue;
    return `still reading: "${phrase}" is looked for in each sentence holding all its words, up to ${fewest.toLocaleString('en-US')} of them (Ctrl+C stops)`;
  }
  return 'still reading: this query reads many sentences (Ctrl+C stops)';
}

/**
 * A search's `giveUp` that never gives up: it tells a person at the terminal, once, that the
 * search goes on, as soon as it has read for SLOW_MS. `margin search` answers in full (a phrase
 * found in the last article is found); what a person no longer meets is a silent wait of half a
 * minute for nothing. Through a pipe nothing is said, so a script's output is as before.
 */
export function slowNotice(
  output: Output,
  phrases: readonly string[],
  now: () => number = () => performance.now(),
): (index: WordIndex) => (() => boolean) | undefined {
  let said = false;
  return (index) => {
    if (said || output.stderrColumns === null) return undefined;
    const start = now();
    let reads = 0;
    return () => {
      if (said || reads++ % EVERY !== 0 || now() - start < SLOW_MS) return false;
      said = true;
      output.say(slowNote(phrases, index));
      return false;
    };
  };
}
