import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CorpusIndex } from '../../source/corpus/corpus-index.js';
import { openCorpusIndex } from '../../source/corpus/db/open.js';
import { loadCorpus } from '../../source/corpus/index.js';
import { lazyArticles } from '../../source/corpus/lazy-articles.js';
import type { Article } from '../../source/corpus/types.js';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
let cacheDir: string;

beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'margin-lazy-'));
});
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

const plain = (article: Article) => ({
  id: article.id,
  path: article.path,
  title: article.title,
  date: article.date,
  byline: article.byline,
  source: article.source,
  warnings: article.warnings,
  text: article.text,
  sentences: article.sentences,
  hash: article.hash,
});

describe('articles that read their text from the corpus index when asked', () => {
  it('are the articles a fresh read gives, field by field, in corpus order', async () => {
    const fresh = await loadCorpus(SEEDS, { cacheDir: null });
    const lazy = await loadCorpus(SEEDS, { cacheDir, lazy: true });
    try {
      expect(lazy.articles.map(plain)).toEqual(fresh.articles.map(plain));
    } finally {
      lazy.close?.();
    }
  });

  it('keep only the last bodies read, and read a forgotten one again', async () => {
    const { index } = await openCorpusIndex(SEEDS, { cacheDir, refresh: 'full' });
    try {
      const articles = [...lazyArticles(index, 2)];
      const first = articles[0]!.text;
      for (const article of articles) expect(article.sentences.length).toBeGreaterThan(0);
      expect(articles[0]!.text).toBe(first);
      expect(articles[0]!.sentences[0]!.text.length).toBeGreaterThan(0);
    } finally {
      index.close();
    }
  });

  it('read as empty, not as a crash, when the article left the index', async () => {
    const { index } = await openCorpusIndex(SEEDS, { cacheDir, refresh: 'full' });
    const [article] = lazyArticles(index);
    const gone = {
      size: () => index.size(),
      summaries: (from: number, to: number) => index.summaries(from, to),
      article: () => undefined,
    } as unknown as CorpusIndex;
    const [orphan] = lazyArticles(gone, 1);
    try {
      expect(article!.text.length).toBeGreaterThan(0);
      expect(orphan!.id).toBe(article!.id);
      expect(orphan!.text).toBe('');
      expect(orphan!.sentences).toEqual([]);
    } finally {
      index.close();
    }
  });
});
