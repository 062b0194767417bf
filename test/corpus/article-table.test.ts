import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { indexFile, openCorpusIndex } from '../../source/corpus/db/open.js';
import { tableWrites } from '../../source/corpus/db/snapshot.js';
import { openSqlite } from '../../source/corpus/db/sqlite.js';
import { tempCorpus } from './temp-corpus.js';

// Issue #15: one article added to a large corpus had the article table (search's, the story
// placing's) read again whole from the index, some 0.3 s at 100,000 articles. The articles
// added are appended to the table kept; it must be the table read whole.

const corpus = tempCorpus();
let cacheDir: string;

beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'margin-article-table-'));
});

afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

/** An article of an outlet, its file's time a minute old (one written just now is read again). */
async function write(name: string, outlet: string): Promise<void> {
  const text = `---\ntitle: ${name}\nsource: ${outlet}\n---\n\nThe council met in ${name} on Tuesday. It voted on the ${name} budget.\n`;
  const path = await corpus.write(name, text);
  const past = new Date(Date.now() - 60_000);
  await utimes(path, past, past);
}

/** The article table as a reader meets it: each column, and each article's outlet by name. */
async function table() {
  const { index } = await openCorpusIndex(corpus.root(), { cacheDir });
  try {
    const t = index.articleTable();
    return {
      numbers: [...t.numbers],
      firsts: [...t.firsts],
      counts: [...t.counts],
      ords: [...t.ords],
      order: [...t.order],
      ordered: t.ordered,
      outlets: [...t.sourceOf].map((n) => t.sources[n]),
      keyLimit: t.keyLimit,
    };
  } finally {
    index.close();
  }
}

it('appends the articles added to the table kept, as the table read whole has them', async () => {
  for (let n = 10; n < 40; n += 2) await write(`b${n}.md`, `Outlet ${n % 3}`);
  await (await openCorpusIndex(corpus.root(), { cacheDir })).index.close();
  // Added before every kept path, among them (twice at one place), and after them; one of an
  // outlet the table did not name.
  for (const [name, outlet] of [
    ['a01.md', 'Outlet 1'],
    ['b21.md', 'Outlet 2'],
    ['b21x.md', 'New Outlet'],
    ['c99.md', 'Outlet 0'],
  ]) {
    await write(name!, outlet!);
  }
  const appendedBefore = tableWrites.appended;
  const appended = await table();
  expect(tableWrites.appended).toBe(appendedBefore + 1);
  expect(appended.numbers).toHaveLength(19);
  // The same index with its table written whole.
  const file = indexFile(cacheDir, corpus.root());
  const db = openSqlite(file);
  db.prepare('DELETE FROM snapshot').run();
  db.close();
  await rm(`${file}.articles`, { force: true });
  const wholeBefore = tableWrites.whole;
  const whole = await table();
  expect(tableWrites.whole).toBe(wholeBefore + 1);
  expect(appended).toEqual(whole);
  expect(whole.ordered).toBe(false);
});
