import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeStore } from '../../bench/fixtures.js';
import { generateAnnotations } from '../../bench/generate.js';
import { encodeName, openRepository } from '../../source/store/index.js';
import { articleOfSentences } from '../helpers/articles.js';

const articles = Array.from({ length: 4 }, (_, a) =>
  articleOfSentences(`art${a}`, [
    Array.from({ length: 8 }, (_, s) => `Sentence ${s} of article ${a} says something.`),
  ]),
);

let root: string | null = null;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = null;
});

describe('writeStore, the bench sections’ store setup', () => {
  it('writes a folder for each annotator the annotations name, and the store reads it whole', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'margin-bench-store-'));
    // Names of neither section's fixed list, one needing encoding as a folder name.
    const annotators = ['zoe', 'Ümit Ö', 'con'];
    const annotations = generateAnnotations(articles, { perArticle: 6, annotators });
    const files = await writeStore(root, annotations);
    expect(files).toBe(12);
    expect((await readdir(root)).sort()).toEqual(annotators.map(encodeName).sort());
    const repository = await openRepository({ root, annotator: 'zoe', articles });
    expect(repository.problems()).toEqual([]);
    expect(repository.list()).toHaveLength(annotations.length);
    expect(repository.annotators().sort()).toEqual([...annotators].sort());
    await repository.close();
  });
});
