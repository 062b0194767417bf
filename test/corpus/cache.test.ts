import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCacheDir } from '../../source/corpus/cache.js';
import { loadCorpus } from '../../source/corpus/index.js';
import { GOOD_ARTICLE, tempCorpus } from './temp-corpus.js';

const corpus = tempCorpus();
let cacheDir: string;

beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'margin-cache-'));
  await corpus.write('a.txt', GOOD_ARTICLE);
  await corpus.write(
    'b/c.md',
    '# Port reopens\n\nThe port of Varna reopened on Monday after a storm closed it for three days.\n',
  );
  await corpus.write('z.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
});

afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

interface CacheFile {
  format: string;
  key: string;
  entries: Record<string, { content: string; article?: Record<string, unknown>; problem?: string }>;
}

async function cacheFile(): Promise<{ path: string; data: CacheFile }> {
  const files = await readdir(cacheDir);
  expect(files).toHaveLength(1);
  const path = join(cacheDir, files[0]!);
  return { path, data: JSON.parse(await readFile(path, 'utf8')) as CacheFile };
}

describe('the corpus cache', () => {
  it('writes one cache file holding every article and problem of the corpus', async () => {
    const cold = await loadCorpus(corpus.root(), { cacheDir });
    const { path, data } = await cacheFile();
    expect(path).toMatch(/corpus-[0-9a-f]{16}\.json$/);
    expect(data.format).toBe('margin-corpus-cache');
    expect(Object.keys(data.entries).sort()).toEqual(['a.txt', 'b/c.md', 'z.png']);
    expect(data.entries['z.png']?.problem).toBe('not a text file (PNG image)');
    const warm = await loadCorpus(corpus.root(), { cacheDir });
    expect(warm).toEqual(cold);
  });

  it('serves a cached article without cleaning the file again', async () => {
    await loadCorpus(corpus.root(), { cacheDir });
    const { path, data } = await cacheFile();
    data.entries['a.txt']!.article!.title = 'From the cache';
    await writeFile(path, JSON.stringify(data));
    const warm = await loadCorpus(corpus.root(), { cacheDir });
    expect(warm.articles.find((article) => article.id === 'a')?.title).toBe('From the cache');
  });

  it('cleans a file again when its content changed', async () => {
    await loadCorpus(corpus.root(), { cacheDir });
    await corpus.write(
      'a.txt',
      GOOD_ARTICLE.replace('Talks resume in Geneva', 'Talks end in Geneva'),
    );
    const warm = await loadCorpus(corpus.root(), { cacheDir });
    expect(warm.articles.find((article) => article.id === 'a')?.title).toBe('Talks end in Geneva');
  });

  it('ignores and rebuilds a corrupt entry', async () => {
    const cold = await loadCorpus(corpus.root(), { cacheDir });
    const { path, data } = await cacheFile();
    const entry = data.entries['a.txt']!;
    entry.article = { ...entry.article, spans: [0, 5, 99999], ids: ['s00000000'] };
    data.entries['b/c.md'] = { content: data.entries['b/c.md']!.content, article: { title: 42 } };
    await writeFile(path, JSON.stringify(data));
    const warm = await loadCorpus(corpus.root(), { cacheDir });
    expect(warm).toEqual(cold);
    const rebuilt = (await cacheFile()).data;
    expect(rebuilt.entries['b/c.md']?.article?.title).toBe('Port reopens');
    expect(rebuilt.entries['a.txt']?.article?.ids).not.toEqual(['s00000000']);
  });

  it('ignores a cache file that is not JSON and replaces it', async () => {
    const cold = await loadCorpus(corpus.root(), { cacheDir });
    const { path } = await cacheFile();
    await writeFile(path, '{"format": "margin-corpus-cache", "entries": {');
    const warm = await loadCorpus(corpus.root(), { cacheDir });
    expect(warm).toEqual(cold);
    expect((await cacheFile()).data.format).toBe('margin-corpus-cache');
  });

  it('ignores entries written by another cleaner version', async () => {
    await loadCorpus(corpus.root(), { cacheDir });
    const { path, data } = await cacheFile();
    data.entries['a.txt']!.article!.title = 'Stale';
    data.key = 'another-version';
    await writeFile(path, JSON.stringify(data));
    const warm = await loadCorpus(corpus.root(), { cacheDir });
    expect(warm.articles.find((article) => article.id === 'a')?.title).toBe(
      'Talks resume in Geneva',
    );
  });

  it('drops entries of files that are gone', async () => {
    await loadCorpus(corpus.root(), { cacheDir });
    await rm(join(corpus.root(), 'b'), { recursive: true });
    await loadCorpus(corpus.root(), { cacheDir });
    expect(Object.keys((await cacheFile()).data.entries).sort()).toEqual(['a.txt', 'z.png']);
  });

  it('writes nothing when turned off', async () => {
    await loadCorpus(corpus.root(), { cacheDir: null });
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('lives under XDG_CACHE_HOME, or ~/.cache', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x/cache' })).toBe('/x/cache/margin');
    expect(defaultCacheDir({ HOME: '/home/ana' })).toMatch(/\.cache\/margin$/);
  });
});
