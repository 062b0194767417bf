import { mkdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRepository, storeIndexFile } from '../../source/store/index.js';
import type { Repository } from '../../source/store/repository.js';
import { eventually } from '../helpers/patience.js';
import { articleFromText } from './articles.js';
import { fixedOptions, useTempFolder } from './temp-store.js';

const first = articleFromText('first', 'The vote was held on Monday. Turnout was high. It rained.');
const second = articleFromText('second', 'Prices rose in May. The bank said so. Then they fell.');
const articles = [first, second];

/** What a repository shows: every annotation placed, every status, every refusal. */
function view(repository: Repository) {
  return {
    annotations: repository
      .list()
      .map((a) => [a.article, a.annotator, a.label, a.placement?.sentence ?? null, a.note ?? null]),
    statuses: articles.flatMap((article) =>
      repository
        .annotators()
        .map((name) => [article.id, name, repository.status(article.id, name)]),
    ),
    problems: repository.problems().map((problem) => problem.message),
    annotators: repository.annotators(),
  };
}

/** A store with alice's and bob's work on two articles, and the index of it filled. */
async function filledStore(root: string, cacheDir: string) {
  const alice = await openRepository({ root, annotator: 'alice', articles, cacheDir });
  await alice.tag(first, first.sentences[0]!.id, 'claim');
  await alice.annotate(first, first.sentences[0]!.id, { note: 'check' });
  await alice.tag(second, second.sentences[1]!.id, 'quote');
  await alice.setStatus('first', 'done');
  await alice.close();
  const bob = await openRepository({ root, annotator: 'bob', articles, cacheDir });
  await bob.tag(first, first.sentences[2]!.id, 'event');
  await bob.setStatus('second', 'in progress');
  await bob.close();
}

/** A fresh read of every file, with no index kept anywhere. */
async function freshView(root: string) {
  const repository = await openRepository({ root, annotator: 'carol', articles });
  const seen = view(repository);
  await repository.close();
  return seen;
}

async function indexedView(root: string, cacheDir: string) {
  const repository = await openRepository({ root, annotator: 'carol', articles, cacheDir });
  const seen = view(repository);
  await repository.close();
  return seen;
}

/** Sets a file's modification time back, as a file that came with `git pull` an hour ago. */
async function age(path: string) {
  const hourAgo = new Date(Date.now() - 3600_000);
  await utimes(path, hourAgo, hourAgo);
}

const v1 = (article: string, annotator: string, status: string, annotations: unknown[] = []) =>
  `${JSON.stringify({ schema: 'margin.annotations', version: 1, article, annotator, status, annotations }, null, 2)}\n`;

describe('the store index', () => {
  const tempFolder = useTempFolder();

  it('gives what a fresh read gives, and the same again once the index is deleted', async () => {
    const root = await tempFolder();
    const cacheDir = await tempFolder();
    await filledStore(root, cacheDir);
    const fresh = await freshView(root);
    expect(fresh.annotations).toHaveLength(3);
    expect(await indexedView(root, cacheDir)).toEqual(fresh);
    await rm(join(cacheDir, 'stores'), { recursive: true });
    expect(await indexedView(root, cacheDir)).toEqual(fresh);
    expect(await indexedView(root, cacheDir)).toEqual(fresh);
  });

  it('notices a file changed, added and deleted behind it', async () => {
    const root = await tempFolder();
    const cacheDir = await tempFolder();
    await filledStore(root, cacheDir);
    for (const file of ['alice/first.json', 'alice/second.json', 'bob/first.json']) {
      await age(join(root, file));
    }
    await indexedView(root, cacheDir);

    // Changed: the same size, only the status differs ("done" → "none!" would not parse).
    const changed = join(root, 'alice', 'first.json');
    const text = await readFile(changed, 'utf8');
    await writeFile(changed, text.replace('"status": "done"', '"status": "in progress"'));
    // Added: carol's file, as a git pull brings it.
    await mkdir(join(root, 'carol'));
    await writeFile(join(root, 'carol', 'second.json'), v1('second', 'carol', 'done'));
    // Deleted: bob's work on the first article.
    await rm(join(root, 'bob', 'first.json'));

    const seen = await indexedView(root, cacheDir);
    expect(seen).toEqual(await freshView(root));
    expect(seen.statuses).toContainEqual(['first', 'alice', 'in progress']);
    expect(seen.statuses).toContainEqual(['second', 'carol', 'done']);
    expect(seen.annotations.map((a) => a[1])).toEqual(['alice', 'alice']);
  });

  it('notices an edit that keeps the size and the modification time', async () => {
    const root = await tempFolder();
    const cacheDir = await tempFolder();
    await filledStore(root, cacheDir);
    const file = join(root, 'alice', 'first.json');
    await age(file);
    await indexedView(root, cacheDir);
    const text = await readFile(file, 'utf8');
    // Rewritten in place with the same length, then given its old time back: only the inode
    // number or nothing tells; margin and git replace files by renaming, which changes it.
    const edited = text.replace('"note": "check"', '"note": "CHECK"');
    await writeFile(`${file}.new`, edited);
    await import('node:fs/promises').then(({ rename }) => rename(`${file}.new`, file));
    await age(file);
    const seen = await indexedView(root, cacheDir);
    expect(seen.annotations).toContainEqual([
      'first',
      'alice',
      'claim',
      first.sentences[0]!.id,
      'CHECK',
    ]);
  });

  it('keeps a refused file refused through the index, and reads it again once fixed', async () => {
    const root = await tempFolder();
    const cacheDir = await tempFolder();
    await filledStore(root, cacheDir);
    const file = join(root, 'bob', 'first.json');
    const good = await readFile(file, 'utf8');
    const [head, tail] = good.split('"status"');
    await writeFile(
      file,
      `${head}<<<<<<< HEAD\n"status": "done",\n=======\n>>>>>>> theirs\n"status"${tail}`,
    );
    await age(file);
    const message = `${file}: holds unresolved git conflict markers (<<<<<<<): resolve it keeping both sides' annotations (store.md: "A conflict in a store file"), and margin reads it again`;
    for (let open = 0; open < 2; open++) {
      const bob = await openRepository({ root, annotator: 'bob', articles, cacheDir });
      expect(bob.problems().map((p) => p.message)).toEqual([message]);
      expect(bob.isReadOnly('first')).toBe(true);
      await expect(bob.tag(first, first.sentences[0]!.id, 'claim')).rejects.toThrow('read-only');
      await bob.close();
    }
    expect(await indexedView(root, cacheDir)).toEqual(await freshView(root));
    await writeFile(file, good);
    const fixed = await openRepository({ root, annotator: 'bob', articles, cacheDir });
    expect(fixed.problems()).toEqual([]);
    expect(fixed.list({ article: 'first', annotator: 'bob' }).map((a) => a.label)).toEqual([
      'event',
    ]);
    await fixed.close();
  });

  it('follows a file that git pull changes while margin runs, through the watcher', async () => {
    const root = await tempFolder();
    const cacheDir = await tempFolder();
    await filledStore(root, cacheDir);
    const alice = await openRepository({ root, annotator: 'alice', articles, cacheDir });
    const events: string[][] = [];
    const stop = alice.watch((event) => events.push(event.articles));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const file = join(root, 'bob', 'second.json');
    const text = await readFile(file, 'utf8');
    await writeFile(`${file}.pulled`, text.replace('"in progress"', '"done"'));
    await import('node:fs/promises').then(({ rename }) => rename(`${file}.pulled`, file));
    await eventually(
      () => (alice.status('second', 'bob') === 'done' ? true : undefined),
      'the pull',
    );
    stop();
    await alice.close();
    // What the watcher put in the index is what the next process finds.
    expect(await indexedView(root, cacheDir)).toEqual(await freshView(root));
    expect((await indexedView(root, cacheDir)).statuses).toContainEqual(['second', 'bob', 'done']);
  });

  it('is rebuilt when its file is not a database, and lives in memory when it cannot be written', async () => {
    const root = await tempFolder();
    const cacheDir = await tempFolder();
    await filledStore(root, cacheDir);
    const fresh = await freshView(root);
    const indexFile = storeIndexFile(cacheDir, root);
    await writeFile(indexFile, 'not a database');
    for (const suffix of ['-wal', '-shm']) await rm(`${indexFile}${suffix}`, { force: true });
    expect(await indexedView(root, cacheDir)).toEqual(fresh);
    const blocked = join(await tempFolder(), 'file-not-folder');
    await writeFile(blocked, '');
    expect(await indexedView(root, blocked)).toEqual(fresh);
  });

  it('serves tallies and articles in corpus order without listing everything', async () => {
    const root = await tempFolder();
    const cacheDir = await tempFolder();
    await filledStore(root, cacheDir);
    const gone = articleFromText('a-gone', 'Removed from the corpus. Still annotated.');
    const carol = await openRepository({ root, annotator: 'carol', cacheDir, ...fixedOptions() });
    await carol.tag(gone, gone.sentences[0]!.id, 'claim');
    await carol.close();
    // The corpus lists second before first: the store's order follows it.
    const repository = await openRepository({
      root,
      annotator: 'carol',
      articles: [second, first],
      cacheDir,
    });
    const order = [...repository.annotated()].map((each) => [each.id, each.article?.id ?? null]);
    expect(order).toEqual([
      ['second', 'second'],
      ['first', 'first'],
      ['a-gone', null],
    ]);
    expect(repository.tallies(['first'])).toEqual([
      {
        article: 'first',
        annotator: 'alice',
        status: 'done',
        annotations: 1,
        labels: { claim: 1, quote: 0, event: 0 },
        readOnly: false,
      },
      {
        article: 'first',
        annotator: 'bob',
        status: 'unreviewed',
        annotations: 1,
        labels: { claim: 0, quote: 0, event: 1 },
        readOnly: false,
      },
    ]);
    await repository.close();
  });
});
