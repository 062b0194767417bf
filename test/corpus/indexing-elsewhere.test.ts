import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command as indexCommand } from '../../source/commands/index-command.js';
import { command } from '../../source/commands/list.js';
import { runCommand } from '../../source/commands/run.js';
import { indexFile } from '../../source/corpus/db/open.js';
import { captureIO } from './capture-io.js';
import { GOOD_ARTICLE, tempCorpus } from './temp-corpus.js';

const corpus = tempCorpus();
let cache: string;

beforeEach(async () => {
  cache = await mkdtemp(join(tmpdir(), 'margin-elsewhere-cache-'));
});
afterEach(async () => {
  await rm(cache, { recursive: true, force: true });
});

/**
 * A stderr for the command that lets go of the other margin's hold on `index` once the command
 * has said it waits for it; `said()` is what it wrote.
 */
function lettingGoOnceWaiting(index: Database.Database) {
  let said = '';
  const stderr = new Writable({
    write(chunk: Buffer, _encoding, done) {
      said += chunk.toString();
      if (said.includes('waiting for it')) {
        index.prepare("DELETE FROM meta WHERE key = 'refreshing'").run();
      }
      done();
    },
  });
  return { stderr, said: () => said };
}

describe('a command while another margin indexes the corpus', () => {
  it('waits for it, says so, and answers from the whole index', async () => {
    await corpus.write('a.txt', GOOD_ARTICLE);
    const first = captureIO(corpus.root(), { XDG_CACHE_HOME: cache });
    expect(await runCommand(command, [], { corpus: corpus.root(), json: true }, first.io)).toBe(0);

    // Another margin (this test's parent process, alive on this host) holds the refresh, with a
    // file it has not indexed yet.
    const index = new Database(indexFile(join(cache, 'margin'), corpus.root()));
    const other = JSON.stringify({ pid: process.ppid, host: hostname() });
    index.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('refreshing', ?)").run(other);
    await corpus.write('b.txt', GOOD_ARTICLE.replaceAll('Geneva', 'Vienna'));

    // It lets go once the command has said it waits: the command then reads b.txt too.
    const { stderr, said } = lettingGoOnceWaiting(index);
    const second = captureIO(corpus.root(), { XDG_CACHE_HOME: cache });
    const status = await runCommand(
      command,
      [],
      { corpus: corpus.root(), json: true },
      { ...second.io, stderr },
    );
    index.close();
    expect(status).toBe(0);
    expect(said()).toBe(
      `margin list: another margin is indexing ${corpus.root()}: waiting for it\n`,
    );
    const listed = JSON.parse(second.stdout()) as Array<{ id: string }>;
    expect(listed.map((article) => article.id.slice(0, 1)).sort()).toEqual(['a', 'b']);
  });

  it('margin index --story waits for it too, rather than find no groups can be kept', async () => {
    await corpus.write('a.txt', GOOD_ARTICLE);
    const env = { XDG_CACHE_HOME: cache };
    const store = join(cache, 'annotations');
    const first = captureIO(corpus.root(), env);
    expect(await runCommand(indexCommand, [], { corpus: corpus.root(), store }, first.io)).toBe(0);

    // Another margin is reading the corpus again from the start (a new cleaner, say): the index
    // has no finished state yet, and it holds the refresh.
    const index = new Database(indexFile(join(cache, 'margin'), corpus.root()));
    index.prepare("DELETE FROM meta WHERE key = 'snapshot'").run();
    const other = JSON.stringify({ pid: process.ppid, host: hostname() });
    index.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('refreshing', ?)").run(other);
    await corpus.write('b.txt', GOOD_ARTICLE.replaceAll('Geneva', 'Vienna'));

    const { stderr, said } = lettingGoOnceWaiting(index);
    const second = captureIO(corpus.root(), env);
    const status = await runCommand(
      indexCommand,
      [],
      { corpus: corpus.root(), store, story: true },
      { ...second.io, stderr },
    );
    index.close();
    const lines = said().trimEnd().split('\n');
    expect(lines[0]).toBe(
      `margin index: another margin is indexing ${corpus.root()}: waiting for it`,
    );
    expect(lines.at(-1)).toMatch(/^margin index: story: \d+ groups? formed and kept in [\d.]+ s$/);
    expect(status).toBe(0);
  });
});
