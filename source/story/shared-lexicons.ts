/**
 * The lexicons every thread that reads or compares sentences needs (WordNet's synonyms,
 * SUBTLEX's word counts), made once and handed to worker threads as shared memory: each thread
 * reading them itself cost about 0.4 s and 75 MB of RSS at its peak.
 */
import { frequenciesBuffer, useFrequencies } from './frequencies.js';
import { useWordNet, wordNetBuffer } from './synonyms.js';

export interface SharedLexicons {
  wordnet: SharedArrayBuffer;
  frequencies: SharedArrayBuffer;
}

/** This thread's lexicons (read now if not yet), for a worker's `workerData`. */
export function sharedLexicons(): SharedLexicons {
  return { wordnet: wordNetBuffer(), frequencies: frequenciesBuffer() };
}

/** In a worker: the lexicons its parent made. */
export function useLexicons(lexicons: SharedLexicons | undefined): void {
  if (!lexicons) return;
  useWordNet(lexicons.wordnet);
  useFrequencies(lexicons.frequencies);
}
