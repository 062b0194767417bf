import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { ReviewController } from '../../source/review/controller.js';
import { NO_KEY } from '../../source/review/keys.js';
import type { Effect } from '../../source/review/state.js';
import { initialState } from '../../source/review/state.js';
import { openRepository, type Repository } from '../../source/store/index.js';
import { Journal, storeFilePath } from '../../source/store/journal.js';
import { patience } from '../helpers/patience.js';
import { fixtureArticle } from './fixtures.js';
import { loadingController } from './loading-controller.js';

/*
 * A large warm start: the store opens from its index at once, the list comes in batches for
 * seconds. A review killed before writing two tags left them in its journal; the reviewer opens
 * that article from the first batch and tags a third sentence before the whole list is in. The
 * killed review's tags must be written first, not found "changed since" by the new key's write
 * and kept aside.
 */
let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'margin-left-first-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const A1 = fixtureArticle('a1', 4);
const A2 = fixtureArticle('a2', 4);
const A3 = fixtureArticle('a3', 4);

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** `corpus`: the folder a killed review's changes were made on (unnamed: an older journal). */
function killedJournal(folder: string, corpus?: string): string {
  mkdirSync(folder, { recursive: true });
  const toggle = (seq: number, sentence: number, label: string) => ({
    t: 'e',
    seq,
    article: 'a1',
    ...(seq === 1 ? { base: null, ...(corpus ? { corpus } : {}) } : {}),
    at: new Date().toISOString(),
    change: { kind: 'toggle', article: 'a1', sentence: `a1-s${sentence}`, label, on: true },
  });
  const path = join(folder, `alice.${deadPid()}.jsonl`);
  const lines = [toggle(1, 1, 'quote'), toggle(2, 2, 'event')];
  writeFileSync(path, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
  return path;
}

it('writes what a killed review left of an article before a key on it, while the list loads', async () => {
  const root = join(dir, 'store');
  const folder = join(dir, 'journal');
  const left = killedJournal(folder);
  const journal = new Journal<Effect>(folder, root, 'alice');
  const store: Promise<Repository> = openRepository({
    root,
    annotator: 'alice',
    articles: [A1, A2, A3],
    onWriting: (writer, article, fp) => journal.writing(writer, article, fp),
  });
  const { controller, send } = loadingController(store, {
    journal,
    folder,
    root,
    annotator: 'alice',
    shown: (path) => path,
  });
  await store;
  await settle();
  send({ type: 'progress', articles: [A1, A2], done: 2, total: 3 });
  await settle();
  // Enter opens a1 (a write: in progress), `1` tags its first sentence a claim.
  controller.press('\r', { ...NO_KEY, return: true }, 1000);
  controller.press('1', NO_KEY, 1060);
  // The list takes seconds more at 100,000 articles: the key's write is on disk before it is in.
  await vi.waitFor(() => expect(controller.pending).toBe(0), {
    timeout: patience(2_000),
    interval: 20,
  });
  send({ type: 'loaded', articles: [A1, A2, A3], warnings: [] });
  // Every write queued is on disk (the waits are the store's fsyncs).
  await vi.waitFor(() => expect(controller.pending).toBe(0), {
    timeout: patience(2_000),
    interval: 20,
  });
  const stored = JSON.parse(readFileSync(storeFilePath(root, 'alice', 'a1'), 'utf8')) as {
    annotations: Array<{ label: string; anchor: { sentence: string } }>;
  };
  expect(stored.annotations.map((a) => `${a.anchor.sentence} ${a.label}`).sort()).toEqual([
    'a1-s0 claim',
    'a1-s1 quote',
    'a1-s2 event',
  ]);
  // Nothing set aside, nothing said against it, the killed review's journal gone.
  expect(controller.getState().warnings).toEqual([]);
  expect(readdirSync(folder).filter((name) => name.endsWith('.kept.json'))).toEqual([]);
  expect(readdirSync(folder)).not.toContain(left.slice(folder.length + 1));
  controller.stop();
  await (await store).close();
  journal.close();
});

it('says in one line when its journal cannot be written, and still writes the store', async () => {
  const root = join(dir, 'store');
  // Where the journal's folder would be is a file: no journal can be made there.
  const folder = join(dir, 'journal');
  writeFileSync(folder, 'not a folder');
  const journal = new Journal<Effect>(folder, root, 'alice');
  const store = openRepository({ root, annotator: 'alice', articles: [A1] });
  const controller = new ReviewController({
    initial: initialState({
      corpusName: 'fixtures',
      annotator: 'alice',
      size: { columns: 70, rows: 15 },
      articles: [A1],
    }),
    store,
    journal: { journal, folder, root, annotator: 'alice', shown: (path) => path },
  });
  controller.start();
  await store;
  controller.press('\r', { ...NO_KEY, return: true }, 1000);
  controller.press('1', NO_KEY, 1060);
  controller.press('j', NO_KEY, 1120);
  controller.press('2', NO_KEY, 1180);
  await vi.waitFor(() => expect(controller.pending).toBe(0), {
    timeout: patience(2_000),
    interval: 20,
  });
  await vi.waitFor(() => expect(controller.getState().warnings).not.toEqual([]), {
    timeout: patience(2_000),
    interval: 20,
  });
  expect(controller.getState().warnings).toEqual([
    `the journal ${journal.path} cannot be written (a part of its path is a file, not a folder): a change still saving when margin is killed would be lost`,
  ]);
  const stored = JSON.parse(readFileSync(storeFilePath(root, 'alice', 'a1'), 'utf8')) as {
    annotations: Array<{ label: string }>;
  };
  expect(stored.annotations.map((a) => a.label).sort()).toEqual(['claim', 'quote']);
  controller.stop();
  await (await store).close();
  journal.close();
});
