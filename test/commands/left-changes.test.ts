import { spawnSync } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadCorpus } from '../../source/corpus/index.js';
import { journalFolder } from '../../source/store/journal.js';
import { runMargin } from '../helpers/built-cli.js';

const seeds = join(import.meta.dirname, '../../seeds');
const FIRST = '000_4b207f45d15cbf96';
const SECOND = '001_d7fb493d5d978b6e';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'margin-left-'));
  await cp(seeds, join(dir, 'corpus'), { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** What a review killed before writing anything left: two tags of alice's on the first article. */
async function killedReview(
  sentenceId?: (index: number, id: string) => string,
  corpus?: string,
): Promise<string> {
  const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
  const first = articles.find((article) => article.id === FIRST)!;
  const folder = journalFolder(join(dir, 'cache/margin'), join(dir, 'store'));
  await mkdir(folder, { recursive: true });
  // The review made the store folder as it opened it.
  await mkdir(join(dir, 'store'));
  const dead = Number(
    spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout,
  );
  const toggle = (seq: number, sentence: number, label: string) => ({
    t: 'e',
    seq,
    article: FIRST,
    ...(seq === 1 ? { base: null, ...(corpus ? { corpus } : {}) } : {}),
    at: new Date().toISOString(),
    change: {
      kind: 'toggle',
      article: FIRST,
      sentence: (sentenceId ?? ((_, id) => id))(sentence, first.sentences[sentence]!.id),
      label,
      on: true,
    },
  });
  const path = join(folder, `alice.${dead}.jsonl`);
  const lines = [toggle(1, 0, 'claim'), toggle(2, 1, 'quote')];
  await writeFile(path, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
  return path;
}

const env = () => ({ XDG_CACHE_HOME: join(dir, 'cache'), MARGIN_ANNOTATOR: 'alice' });

it('a command that reads the store first writes what a killed review left', async () => {
  await killedReview();
  const ran = await runMargin(dir, ['stats', '-c', 'corpus', '-s', 'store', '--json'], {
    env: env(),
  });
  expect(ran.stderr).toBe(
    'margin stats: warning: wrote 2 change(s) a stopped review of alice showed and had not saved\n',
  );
  expect(JSON.parse(ran.stdout)).toMatchObject({ annotations: 2 });
  const stored = JSON.parse(await readFile(join(dir, 'store/alice', `${FIRST}.json`), 'utf8'));
  expect(stored.annotations.map((a: { label: string }) => a.label)).toEqual(['claim', 'quote']);
  // Written once: the next command has nothing to say.
  const again = await runMargin(dir, ['stats', '-c', 'corpus', '-s', 'store', '--json'], {
    env: env(),
  });
  expect(again.stderr).toBe('');
});

it('never writes over a store file that changed since, and keeps the changes aside', async () => {
  const journal = await killedReview();
  const pulled = `${JSON.stringify({
    schema: 'margin.annotations',
    version: 1,
    article: FIRST,
    annotator: 'alice',
    status: 'done',
    annotations: [],
  })}\n`;
  await mkdir(join(dir, 'store/alice'));
  await writeFile(join(dir, 'store/alice', `${FIRST}.json`), pulled);
  const ran = await runMargin(dir, ['stats', '-c', 'corpus', '-s', 'store', '--json'], {
    env: env(),
  });
  const kept = `${journal.slice(0, -'.jsonl'.length)}.${FIRST}.kept.json`;
  expect(ran.stderr).toMatch(
    new RegExp(
      `^margin stats: warning: store/alice/${FIRST}\\.json: 2 changes of \\d\\d:\\d\\d not written, as the file changed since a margin that was stopped showed them; kept in ${kept.replace(/[.]/g, '\\.')}\\n$`,
    ),
  );
  expect(await readFile(join(dir, 'store/alice', `${FIRST}.json`), 'utf8')).toBe(pulled);
  const aside = JSON.parse(await readFile(kept, 'utf8'));
  expect(aside.changes.map((c: { change: { label: string } }) => c.change.label)).toEqual([
    'claim',
    'quote',
  ]);
});

it('keeps aside a change to a sentence the article no longer has, and writes the next ones', async () => {
  // The corpus was pulled between the kill and this command: the second sentence's text, and so
  // its id, changed. Its change can never be written; retried, it held every write behind it.
  const journal = await killedReview((index, id) => (index === 1 ? 'sdeadbeef' : id));
  const ran = await runMargin(dir, ['stats', '-c', 'corpus', '-s', 'store', '--json'], {
    env: env(),
  });
  const kept = `${journal.slice(0, -'.jsonl'.length)}.${FIRST}.kept.json`;
  expect(ran.stderr).toMatch(
    new RegExp(
      `^margin stats: warning: store/alice/${FIRST}\\.json: 2 changes of \\d\\d:\\d\\d not written, as the article’s text changed since a margin that was stopped showed them; kept in ${kept.replace(/[.]/g, '\\.')}\\n$`,
    ),
  );
  expect(ran.status).toBe(0);
  // Nothing is left to retry: the next command writes and says nothing.
  const again = await runMargin(dir, ['stats', '-c', 'corpus', '-s', 'store', '--json'], {
    env: env(),
  });
  expect(again.stderr).toBe('');
  expect(JSON.parse(again.stdout)).toMatchObject({ annotations: 0 });
});

it('leaves a whole corpus’s changes in the journal for a command on a subset that does not list them', async () => {
  const whole = join(dir, 'corpus');
  const journal = await killedReview(undefined, whole);
  // And a tag on the second article, which the subset lists.
  const { articles } = await loadCorpus(whole, { cacheDir: null });
  const second = articles.find((article) => article.id === SECOND)!;
  const change = {
    kind: 'toggle',
    article: SECOND,
    sentence: second.sentences[0]!.id,
    label: 'event',
    on: true,
  };
  const line = {
    t: 'e',
    seq: 3,
    article: SECOND,
    base: null,
    corpus: whole,
    at: new Date().toISOString(),
    change,
  };
  await appendFile(journal, `${JSON.stringify(line)}\n`);
  // A subset of the corpus without the first article.
  await cp(whole, join(dir, 'subset'), { recursive: true });
  await rm(join(dir, 'subset', `${FIRST}.html`), { force: true });
  await rm(join(dir, 'subset', `${FIRST}.txt`), { force: true });
  const sub = await runMargin(dir, ['stats', '-c', 'subset', '-s', 'store', '--json'], {
    env: env(),
  });
  expect(sub.stderr).toBe(
    `margin stats: warning: 2 changes a stopped margin showed on ${whole} are of articles this corpus does not list: left for a review or command on ${whole}\n` +
      'margin stats: warning: wrote 1 change(s) a stopped review of alice showed and had not saved\n',
  );
  expect(JSON.parse(sub.stdout)).toMatchObject({ annotations: 1 });
  // Nothing kept aside: the journal holds them still.
  expect(await readdir(join(journal, '..'))).toEqual([journal.slice(journal.lastIndexOf('/') + 1)]);
  // Said once on a folder, not at every command there (polish56); on another subset once too.
  const quiet = await runMargin(dir, ['stats', '-c', 'subset', '-s', 'store', '--json'], {
    env: env(),
  });
  expect([quiet.stderr, JSON.parse(quiet.stdout).annotations]).toEqual(['', 1]);
  await cp(join(dir, 'subset'), join(dir, 'other'), { recursive: true });
  const other = await runMargin(dir, ['stats', '-c', 'other', '-s', 'store', '--json'], {
    env: env(),
  });
  expect(other.stderr).toBe(
    `margin stats: warning: 2 changes a stopped margin showed on ${whole} are of articles this corpus does not list: left for a review or command on ${whole}\n`,
  );
  const ran = await runMargin(dir, ['stats', '-c', 'corpus', '-s', 'store', '--json'], {
    env: env(),
  });
  expect(ran.stderr).toBe(
    'margin stats: warning: wrote 2 change(s) a stopped review of alice showed and had not saved\n',
  );
  const stored = JSON.parse(await readFile(join(dir, 'store/alice', `${FIRST}.json`), 'utf8'));
  expect(stored.annotations.map((a: { label: string }) => a.label)).toEqual(['claim', 'quote']);
  // The second article's tag was written once, and nothing is left.
  expect(JSON.parse(ran.stdout)).toMatchObject({ annotations: 3 });
  expect(await readdir(join(journal, '..'))).toEqual([]);
});
