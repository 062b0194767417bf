import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentKey } from '../../source/corpus/content-key.js';
import { openCorpusIndex } from '../../source/corpus/db/open.js';
import { loadCorpus } from '../../source/corpus/index.js';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');

describe("an article's content key", () => {
  it('is the same for the same article and changes with anything an export or a placement reads', async () => {
    const { articles } = await loadCorpus(SEEDS, { cacheDir: null });
    const article = articles[0]!;
    const key = contentKey(article);
    expect(key).toMatch(/^c1:[0-9a-f]{32}$/);
    expect(contentKey({ ...article, sentences: article.sentences.map((s) => ({ ...s })) })).toBe(
      key,
    );
    // The same text with another sentence boundary, id, paragraph; another title, date, byline
    // or source; another text: each is another key.
    const [one, two, ...rest] = article.sentences;
    const joined = { ...one!, end: two!.end, text: article.text.slice(one!.start, two!.end) };
    const changed = [
      { ...article, sentences: [joined, ...rest] },
      { ...article, sentences: [{ ...one!, id: 's00000000' }, two!, ...rest] },
      { ...article, sentences: [{ ...one!, paragraph: 9 }, two!, ...rest] },
      { ...article, title: `${article.title} ` },
      { ...article, date: '1999-01-01' },
      { ...article, byline: 'Someone Else' },
      { ...article, source: 'Another Outlet' },
      { ...article, hash: articles[1]!.hash },
    ];
    const keys = new Set(changed.map(contentKey));
    expect(keys.size).toBe(changed.length);
    expect(keys.has(key)).toBe(false);
  });

  it('is kept in the corpus index beside each article', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'margin-content-key-'));
    try {
      const { index } = await openCorpusIndex(SEEDS, { cacheDir, refresh: 'full' });
      try {
        const articles = [...index.articles()];
        const ids = articles.map((a) => a.id);
        const kept = index.contentKeys(ids);
        expect(kept.size).toBe(articles.length);
        for (const article of articles) {
          expect(index.contentKeyOf(article.id)).toBe(contentKey(article));
          expect(kept.get(article.id)).toBe(contentKey(article));
        }
        expect(index.contentKeyOf('no such article')).toBeUndefined();
      } finally {
        index.close();
      }
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});
