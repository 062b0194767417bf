import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startReviewSession } from '../../source/commands/review-session.js';
import { indexFile, openCorpusIndex } from '../../source/corpus/db/open.js';
import { openSqlite } from '../../source/corpus/db/sqlite.js';
import { GOOD_ARTICLE, tempCorpus } from '../corpus/temp-corpus.js';
import { eventually } from '../helpers/patience.js';
import { plain } from './harness.js';
import { openTestStore, reviewOnFakeTerminal } from './review-terminal.js';

// A review beside another margin that indexes the same corpus (a first run, `margin index` in
// another terminal).

const corpus = tempCorpus();
let cacheDir: string;

beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'margin-review-elsewhere-'));
});
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

/** A file a minute old: one written in the last moments is read again by every look. */
async function writeSettled(name: string, content: string): Promise<void> {
  const path = await corpus.write(name, content);
  const past = new Date(Date.now() - 60_000);
  await utimes(path, past, past);
}

/** The review of the corpus on a fake terminal, and the screen as it is drawn now. */
async function review() {
  const session = await startReviewSession(corpus.root(), openTestStore, cacheDir, 'news');
  const terminal = reviewOnFakeTerminal(session, 'news');
  const quit = async () => {
    terminal.stdin.write('q');
    expect(await terminal.running).toBe(0);
    await session.close();
  };
  return { ...terminal, quit };
}

describe('a review started while another margin indexes the corpus', () => {
  it('says on its loading line what it waits for, then lists what the other wrote', async () => {
    await writeSettled('a.txt', GOOD_ARTICLE);
    await writeSettled('b.txt', GOOD_ARTICLE.replaceAll('Geneva', 'Vienna'));
    // Another margin (this test's parent process, alive on this host) holds the refresh of an
    // index it has not written yet.
    const { index: made } = await openCorpusIndex(corpus.root(), { cacheDir, refresh: 'none' });
    made.close();
    const held = openSqlite(indexFile(cacheDir, corpus.root()));
    const other = JSON.stringify({ pid: process.ppid, host: hostname() });
    held.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('refreshing', ?)").run(other);

    const { screen, stdout, quit, controller } = await review();
    try {
      await eventually(
        () =>
          screen().includes('another margin is indexing news: waiting for it') ? true : undefined,
        'the waiting line',
        1000,
        screen,
      );
      // The other is done: the list is read, and the line says so no more.
      held.prepare("DELETE FROM meta WHERE key = 'refreshing'").run();
      const written = stdout.frames.length;
      const after = () => plain(stdout.frames.slice(written).join(''));
      await eventually(
        () => (after().includes('Talks resume in Vienna') ? true : undefined),
        'the list',
        2000,
        screen,
      );
      expect(after()).toContain('Talks resume in Geneva');
      // The loading line, and what it said, are gone.
      await eventually(
        () => (controller.getState().loading === null ? true : undefined),
        'the end of loading',
      );
    } finally {
      held.close();
      await quit();
    }
  });
});
