import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CorpusIndex } from '../../source/corpus/corpus-index.js';
import { openCorpusIndex } from '../../source/corpus/db/open.js';
import { openRepository } from '../../source/store/index.js';
import { useTempFolder } from './temp-store.js';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const FILES = ['000_4b207f45d15cbf96.txt', '001_d7fb493d5d978b6e.txt'];

describe('writes on the article the review holds', () => {
  const tempFolder = useTempFolder();

  it('read it from the corpus once, then place on the object they were given', async () => {
    const corpusDir = await tempFolder();
    for (const name of FILES) await copyFile(join(SEEDS, name), join(corpusDir, name));
    const cacheDir = await tempFolder();
    const { index } = await openCorpusIndex(corpusDir, { cacheDir, refresh: 'full' });
    try {
      // The corpus as the store sees it, counting the articles it reads (a long one took 180 ms).
      let reads = 0;
      const counted = new Proxy(index, {
        get(target, key) {
          const value = Reflect.get(target, key, target);
          if (key !== 'article' || typeof value !== 'function') return value;
          return (id: string) => {
            reads += 1;
            return value.call(target, id);
          };
        },
      }) as CorpusIndex;
      const root = join(await tempFolder(), 'store');
      const repository = await openRepository({ root, annotator: 'alice', corpus: counted });
      const [article] = [...index.articles()];
      const held = index.article(article!.id)!;
      const [one, two, three] = held.sentences;
      await repository.tag(held, one!.id, 'claim');
      repository.list({ article: held.id, annotator: 'alice' });
      const first = reads;
      await repository.tag(held, two!.id, 'quote');
      await repository.annotate(held, two!.id, { note: 'checked' });
      await repository.tag(held, three!.id, 'event');
      const listed = repository.list({ article: held.id, annotator: 'alice' });
      expect(reads - first).toBe(0);
      expect(listed.map((a) => [a.label, a.placement?.sentence, a.note ?? null])).toEqual([
        ['claim', one!.id, null],
        ['quote', two!.id, 'checked'],
        ['event', three!.id, null],
      ]);
      await repository.close();
      // Placed from the files alone, the same.
      const fresh = await openRepository({ root, annotator: 'alice', corpus: index });
      expect(fresh.list({ article: held.id, annotator: 'alice' })).toEqual(listed);
      await fresh.close();
    } finally {
      index.close();
    }
  });
});
