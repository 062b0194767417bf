import { readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openRepository } from '../../source/store/index.js';
import { seededCorpus } from './seeded-corpus.js';
import { useTempFolder } from './temp-store.js';

/**
 * A new generation of the corpus first confirms what the store kept of every article still as
 * it was. A file kept for an article whose text changed stays unconfirmed until it is placed
 * again; the walk is not made again by every command meanwhile (after the content key changed,
 * every file of a team's store was such a file: a second of CPU per command).
 */
describe('the kept placements confirmed once per generation of the corpus', () => {
  const tempFolder = useTempFolder();

  it('walks the files once, and leaves one whose article changed to its reading', async () => {
    const { cacheDir, root, corpus } = await seededCorpus(tempFolder);
    const hourAgo = new Date(Date.now() - 3600_000);
    const index = await corpus();
    const articles = [...index.articles()];
    const alice = await openRepository({ root, annotator: 'alice', corpus: index, cacheDir });
    for (const article of articles) await alice.tag(article, article.sentences[1]!.id, 'claim');
    await alice.close();
    index.close();
    for (const article of articles) {
      await utimes(join(root, 'alice', `${article.id}.json`), hourAgo, hourAgo);
    }
    // Read again (their times changed) and placed, as a first command after a pull does.
    const warm = await corpus();
    const reader = await openRepository({ root, annotator: 'bob', corpus: warm, cacheDir });
    expect(reader.list().length).toBe(articles.length);
    await reader.close();
    warm.close();
    // One article's text changes: a new generation, in which its file's placements do not hold.
    const changed = articles[1]!;
    const raw = await readFile(changed.path, 'utf8');
    await writeFile(
      changed.path,
      raw.replace(changed.sentences[2]!.text, 'A sentence of its own.'),
    );
    // Not within the corpus's racy window: each command would read it again, a new generation.
    await utimes(changed.path, hourAgo, new Date(Date.now() - 60_000));

    /** One command that reads one unchanged article's annotations: how often it asked the keys. */
    const command = async () => {
      const index = await corpus();
      const asked = vi.spyOn(index, 'contentKeys');
      try {
        const repository = await openRepository({
          root,
          annotator: 'bob',
          corpus: index,
          cacheDir,
        });
        const labels = repository.list({ article: articles[0]!.id }).map((a) => a.label);
        await repository.close();
        return { asked: asked.mock.calls.length, labels };
      } finally {
        index.close();
      }
    };
    const first = await command();
    expect(first).toMatchObject({ labels: ['claim'] });
    expect(first.asked).toBeGreaterThan(0);
    expect(await command()).toEqual({ asked: 0, labels: ['claim'] });
    // The changed article's file is placed on its new text when read.
    const index2 = await corpus();
    try {
      const repository = await openRepository({ root, annotator: 'bob', corpus: index2, cacheDir });
      const placed = repository.list({ article: changed.id });
      expect(placed.map((a) => a.placement?.sentence)).toEqual([changed.sentences[1]!.id]);
      await repository.close();
    } finally {
      index2.close();
    }
  });
});
