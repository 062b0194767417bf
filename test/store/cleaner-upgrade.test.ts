import { readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// The cleaner's key as a test sets it (`cleanerKey`: its version and a hash of its code), and
// every placement counted: what an upgrade of margin changes, and what it should not cost.
const cleaner = vi.hoisted(() => ({ key: 'cleaner A' }));
vi.mock('../../source/corpus/cache.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../source/corpus/cache.js')>();
  return { ...actual, cleanerKey: () => cleaner.key };
});
vi.mock('../../source/store/anchor.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../source/store/anchor.js')>();
  return { ...actual, placeAnchor: vi.fn(actual.placeAnchor) };
});

import { placeAnchor } from '../../source/store/anchor.js';
import { openRepository } from '../../source/store/index.js';
import { seededCorpus } from './seeded-corpus.js';
import { useTempFolder } from './temp-store.js';

const KIND = 'a format 1';

describe('what the store kept of each article, after the cleaner changed', () => {
  const tempFolder = useTempFolder();

  async function setUp() {
    const { cacheDir, root, corpus } = await seededCorpus(tempFolder);
    const index = await corpus();
    const articles = [...index.articles()];
    const alice = await openRepository({ root, annotator: 'alice', corpus: index, cacheDir });
    for (const article of articles) {
      await alice.tag(article, article.sentences[1]!.id, 'claim');
      await alice.tag(article, article.sentences.at(-1)!.id, 'quote');
    }
    await alice.close();
    index.close();
    // Files written a while ago, as a pull leaves them: a file written within two seconds of its
    // reading is read again at the next open, and placed again with it.
    const hourAgo = new Date(Date.now() - 3600_000);
    for (const article of articles) {
      await utimes(join(root, 'alice', `${article.id}.json`), hourAgo, hourAgo);
    }
    /** Opens the store on the corpus as it is now: its placements, and which renderings held. */
    const look = async () => {
      const index = await corpus();
      try {
        const repository = await openRepository({
          root,
          annotator: 'carol',
          corpus: index,
          cacheDir,
        });
        vi.mocked(placeAnchor).mockClear();
        const kept: Record<string, boolean> = {};
        for (const each of repository.rendered(KIND)) {
          kept[each.id] = each.kept !== null;
          for (const annotation of each.annotated?.annotations ?? []) {
            each.keep(annotation.annotator, `${each.id} as rendered`);
          }
        }
        const placedAgain = vi.mocked(placeAnchor).mock.calls.length;
        const placed = repository
          .list()
          .map((a) => [a.article, a.label, a.placement?.sentence, a.placement?.start]);
        await repository.close();
        return { generation: index.generation(), kept, placedAgain, placed };
      } finally {
        index.close();
      }
    };
    return { articles, look };
  }

  it('holds for every article the new cleaner left as it was, and is made again for one it changed', async () => {
    const { articles, look } = await setUp();
    const first = await look();
    expect(Object.values(first.kept)).toEqual([false, false, false]);
    expect((await look()).placedAgain).toBe(0);

    // An upgrade whose cleaner gives the same articles: the corpus index is made again.
    cleaner.key = 'cleaner B';
    const upgraded = await look();
    expect(upgraded.generation).not.toBe(first.generation);
    expect(upgraded.placedAgain).toBe(0);
    expect(Object.values(upgraded.kept)).toEqual([true, true, true]);
    expect(upgraded.placed).toEqual(first.placed);

    // Another whose cleaner changes one article (here its file did): that article's two
    // annotations are placed again and rendered again, and only those.
    cleaner.key = 'cleaner C';
    const changed = articles[1]!;
    const raw = await readFile(changed.path, 'utf8');
    await writeFile(
      changed.path,
      raw.replace(changed.sentences[2]!.text, 'A sentence of its own.'),
    );
    const after = await look();
    expect(after.placedAgain).toBe(2);
    expect(after.kept).toEqual({
      [articles[0]!.id]: true,
      [changed.id]: false,
      [articles[2]!.id]: true,
    });
  });
});
