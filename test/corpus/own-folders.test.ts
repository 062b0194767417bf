import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command as index } from '../../source/commands/index-command.js';
import { command as list } from '../../source/commands/list.js';
import { indexFile, openCorpusIndex } from '../../source/corpus/db/open.js';
import { markNotArticles, NEVER_ARTICLE_NAMES, NOT_ARTICLES } from '../../source/corpus/files.js';
import { loadCorpus } from '../../source/corpus/index.js';
import { PROJECT_FILE } from '../../source/project/file-name.js';
import { openRepository } from '../../source/store/index.js';
import { run, useWorkspace } from '../export/workspace.js';
import { GOOD_ARTICLE, tempCorpus } from './temp-corpus.js';

const corpus = tempCorpus();
let cacheDir: string;

/** What margin writes in a store: JSON files an article reader would take for texts. */
const STORE_FILE = '{"version": 2, "annotations": [], "status": "done"}\n';

beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'margin-own-'));
  await corpus.write('a.txt', GOOD_ARTICLE);
  await corpus.write('annotations/alice/a.json', STORE_FILE);
  await corpus.write('annotations/bob/a.json', STORE_FILE);
  await corpus.write(PROJECT_FILE, '{"corpus": ".", "store": "annotations"}\n');
});

afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

/** Every folder's time an hour back, as after a `git pull`: the index trusts what it listed. */
async function ageFolders() {
  const then = new Date(Date.now() - 3_600_000);
  for (const folder of ['', 'annotations', 'annotations/alice', 'annotations/bob'])
    await utimes(join(corpus.root(), folder), then, then);
}

async function paths(refresh: 'quick' | 'full') {
  const { index } = await openCorpusIndex(corpus.root(), { cacheDir, refresh });
  try {
    return [...index.articles()].map((a) => a.path).concat(index.problems().map((p) => p.path));
  } finally {
    index.close();
  }
}

const relative = (all: string[]) => all.map((path) => path.slice(corpus.root().length + 1)).sort();

describe("the corpus and margin's own folders", () => {
  it('never reads a marked folder or the project file, through the index or without', async () => {
    markNotArticles(join(corpus.root(), 'annotations'));
    expect(relative(await paths('full'))).toEqual(['a.txt']);
    expect(relative(await paths('quick'))).toEqual(['a.txt']);
    const fresh = await loadCorpus(corpus.root(), { cacheDir: null });
    expect(relative(fresh.articles.map((a) => a.path))).toEqual(['a.txt']);
    expect(fresh.problems).toEqual([]);
  });

  it('drops what an index read before at its next quick look, once the folder is marked', async () => {
    await ageFolders();
    // An index made before the mark (an older margin) read the store's files...
    expect(relative(await paths('quick'))).toEqual([
      'a.txt',
      'annotations/alice/a.json',
      'annotations/bob/a.json',
    ]);
    // ...and the project file, here as the problem it was (its row as an older margin wrote it).
    const db = new Database(indexFile(cacheDir, corpus.root()));
    db.prepare(
      "INSERT INTO files (path, folder, size, mtime, article, problem, duplicate) VALUES (?, '', 40, 0, NULL, 'no article text found', 0)",
    ).run(PROJECT_FILE);
    db.close();
    // The corpus folder's time is as it was: the project file goes by its key...
    expect(relative(await paths('quick'))).toEqual([
      'a.txt',
      'annotations/alice/a.json',
      'annotations/bob/a.json',
    ]);
    // ...and the store once it is marked (by the store or a command, which changes its time).
    markNotArticles(join(corpus.root(), 'annotations'));
    expect(relative(await paths('quick'))).toEqual(['a.txt']);
  });

  it('reads the corpus folder itself even when it is marked', async () => {
    markNotArticles(corpus.root());
    expect(relative(await paths('full'))).toEqual([
      'a.txt',
      'annotations/alice/a.json',
      'annotations/bob/a.json',
    ]);
  });

  it('is marked by the store when it opens, and by a command for the store and the cache', async () => {
    await rm(join(corpus.root(), 'annotations'), { recursive: true });
    const store = join(corpus.root(), 'store');
    const repository = await openRepository({ root: store, annotator: 'alice', articles: [] });
    await repository.close();
    await writeFile(join(store, 'not-a-store-file.json'), STORE_FILE);
    expect(relative(await paths('full'))).toEqual(['a.txt']);
    expect(NEVER_ARTICLE_NAMES.has(PROJECT_FILE)).toBe(true);
  });
});

describe('margin list on a folder that holds the store and the cache', () => {
  const workspace = useWorkspace();

  it('lists the articles alone', async () => {
    const dir = await workspace();
    await mkdir(join(dir, 'store', 'alice'), { recursive: true });
    await writeFile(join(dir, 'store', 'alice', 'uni.json'), STORE_FILE);
    await writeFile(join(dir, PROJECT_FILE), '{}\n');
    // The cache (XDG_CACHE_HOME) is `cache/` in the folder listed.
    const result = await run(list, dir, [], { json: true, corpus: '.' });
    expect(result.stderr).toBe('');
    const ids = (JSON.parse(result.stdout) as Array<{ id: string }>).map((a) => a.id);
    expect(ids.every((id) => id.startsWith('corpus/'))).toBe(true);
    expect(ids).toHaveLength(6);
    // The mark is in both folders, and a second look finds the same.
    expect((await run(list, dir, [], { json: true, corpus: '.' })).stdout).toBe(result.stdout);
    const marked = await Promise.all(
      ['store', 'cache/margin'].map((folder) =>
        import('node:fs').then((fs) => fs.existsSync(join(dir, folder, NOT_ARTICLES))),
      ),
    );
    expect(marked).toEqual([true, true]);
  });

  it('names each folder it skips as margin’s own in margin index, a mark in articles too', async () => {
    const dir = await workspace();
    await mkdir(join(dir, 'store', 'alice'), { recursive: true });
    await writeFile(join(dir, 'store', 'alice', 'uni.json'), STORE_FILE);
    // A mark put where articles are (a mistaken --store): its articles are hidden, and said so.
    await writeFile(join(dir, 'corpus', NOT_ARTICLES), 'marked by mistake\n');
    const result = await run(index, dir, [], { json: true, corpus: '.' });
    const summary = JSON.parse(result.stdout) as { articles: number; skipped: string[] };
    expect(summary.skipped.sort()).toEqual(['cache/margin', 'corpus', 'store']);
    expect(summary.articles).toBe(0);
    expect(result.stderr).toContain(
      `margin index: ${join('.', 'corpus')}: skipped, marked as margin's own (${NOT_ARTICLES}); delete the mark to read its files`,
    );
  });
});
