import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command as search } from '../../source/commands/search.js';
import { defaultCacheDir } from '../../source/corpus/cache.js';
import { loadCorpus } from '../../source/corpus/index.js';
import { openRepository } from '../../source/store/index.js';
import { age, run, storeIndexes, useWorkspace } from '../export/workspace.js';

/**
 * `margin search` answers from the store's index while the store files are compared with it on
 * other threads, and reads the notes it matches words against from the index's rows. A store
 * file edited in place behind the index (its folder's time unchanged) must still change the
 * answer, as a fresh index (the store's indexes deleted) gives it.
 */

/** What these tests change of a store file. */
type NotedDoc = { annotations: Array<{ note?: string }> };

/** alice and bob tagged the Unicode article; bob's event carries a note on the harbour. */
async function team(dir: string) {
  const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
  const uni = articles.find((a) => a.id === 'uni')!;
  const [s0, s1] = uni.sentences;
  for (const annotator of ['alice', 'bob']) {
    const repository = await openRepository({ root: join(dir, 'store'), annotator, articles });
    await repository.tag(uni, s0!.id, 'quote');
    await repository.tag(uni, s1!.id, 'event');
    if (annotator === 'bob') await repository.annotate(uni, s1!.id, { note: 'harbour pilots' });
    await repository.close();
  }
  for (const annotator of ['alice', 'bob']) {
    for (const name of await readdir(join(dir, 'store', annotator))) {
      await age(join(dir, 'store', annotator, name));
    }
  }
  return join(dir, 'store', 'bob', 'uni.json');
}

/** bob's file rewritten where it is, the same size, its folder's time as it was. */
async function editInPlace(path: string, from: string, to: string) {
  const folder = await stat(join(path, '..'));
  const text = await readFile(path, 'utf8');
  const edited = text.replace(from, to);
  expect(edited).not.toBe(text);
  expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
  await writeFile(path, edited);
  await age(path, 5);
  await utimes(join(path, '..'), folder.atime, folder.mtime);
}

describe('margin search over a store edited behind its index', () => {
  const workspace = useWorkspace({ indexedCorpus: true });
  const searchFor = (dir: string, query: string) => run(search, dir, [query], { limit: '20' });

  /** The search over the index as it is, then over a fresh one. */
  async function answers(dir: string, query: string) {
    const checked = await searchFor(dir, query);
    await rm(storeIndexes(dir), { recursive: true, force: true });
    const fresh = await searchFor(dir, query);
    return { checked, fresh };
  }

  it('sees a label changed in place', async () => {
    const dir = await workspace();
    const bob = await team(dir);
    // Twice: the second run finds every row as its file.
    await searchFor(dir, 'label:claim');
    const before = await searchFor(dir, 'label:claim');
    expect(before.status).toBe(1);
    await editInPlace(bob, '"label": "event"', '"label": "claim"');
    const { checked, fresh } = await answers(dir, 'label:claim');
    expect(checked.status).toBe(0);
    expect(checked).toEqual(fresh);
  });

  it('sees a label changed in place beside a word, and by annotator', async () => {
    const dir = await workspace();
    const bob = await team(dir);
    // Labels and annotators come from the index's rows and kept placements, not the documents.
    await searchFor(dir, 'Riyadh');
    for (const query of ['Riyadh label:claim', 'annotator:bob label:claim']) {
      expect(await searchFor(dir, query)).toMatchObject({ status: 1, stdout: '' });
    }
    expect((await searchFor(dir, 'Riyadh label:event annotator:bob')).stdout).toContain('Riyadh');
    await editInPlace(bob, '"label": "event"', '"label": "claim"');
    for (const query of ['Riyadh label:claim', 'annotator:bob label:claim']) {
      const { checked, fresh } = await answers(dir, query);
      expect(checked.status).toBe(0);
      expect(checked.stdout).toContain('Talks begin in Riyadh');
      expect(checked).toEqual(fresh);
    }
    // alice's event is still there.
    expect((await searchFor(dir, 'Riyadh label:event')).stdout).toContain('Riyadh');
  });

  it('finds a note by its words on its sentence, and sees it changed in place', async () => {
    const dir = await workspace();
    const bob = await team(dir);
    await searchFor(dir, 'pilots');
    const before = await searchFor(dir, 'harbour pilots');
    expect(before.status).toBe(0);
    // The note's sentence, which holds neither word itself.
    expect(before.stdout).toContain('Talks begin in Riyadh');
    expect(before.stdout.trim().split('\n')).toHaveLength(1);
    await editInPlace(bob, 'harbour pilots', 'airport pilots');
    const { checked, fresh } = await answers(dir, 'airport');
    expect(checked.status).toBe(0);
    expect(checked).toEqual(fresh);
    expect(checked.stdout).toContain('Talks begin in Riyadh');
    expect(await searchFor(dir, 'harbour')).toMatchObject({ status: 1, stdout: '' });
  });
  it('finds each note on its own sentence where two annotations of a file share an id', async () => {
    const dir = await workspace();
    const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
    const uni = articles.find((a) => a.id === 'uni')!;
    const [s0, s1] = uni.sentences;
    const repository = await openRepository({
      root: join(dir, 'store'),
      annotator: 'bob',
      articles,
    });
    await repository.tag(uni, s0!.id, 'quote');
    await repository.annotate(uni, s0!.id, { note: 'zeppelin' });
    await repository.tag(uni, s1!.id, 'event');
    await repository.annotate(uni, s1!.id, { note: 'harbour' });
    await repository.close();
    // A hand edit or a merge gave the second annotation the first one's id.
    const path = join(dir, 'store', 'bob', 'uni.json');
    const doc = JSON.parse(await readFile(path, 'utf8'));
    doc.annotations[1].id = doc.annotations[0].id;
    await writeFile(path, JSON.stringify(doc, null, 2));
    expect((await searchFor(dir, 'zeppelin')).stdout).toContain(s0!.text.slice(0, 20));
    expect((await searchFor(dir, 'zeppelin')).stdout).not.toContain(s1!.text.slice(0, 20));
    expect((await searchFor(dir, 'harbour')).stdout).toContain(s1!.text.slice(0, 20));
  });

  /**
   * `--json` whose hits hold every word whole in their own text, as many as the limit: no note
   * can outrank them, so the answer is theirs and only their articles' files are compared with
   * the index for their labels.
   */
  describe('--json whose sure hits fill the limit', () => {
    const json = (dir: string) => run(search, dir, ['Riyadh'], { limit: '1', json: true });
    const labels = (result: { stdout: string }) =>
      (JSON.parse(result.stdout) as Array<{ labels: string[] }>).map((hit) => hit.labels);

    /** The answer over the index as it is, then over a fresh one (its files deleted). */
    async function jsonAnswers(dir: string) {
      const checked = await json(dir);
      await rm(storeIndexes(dir), { recursive: true, force: true });
      return { checked, fresh: await json(dir) };
    }

    it('sees a label changed in place in the file of a hit', async () => {
      const dir = await workspace();
      const bob = await team(dir);
      expect(labels(await json(dir))).toEqual([['event']]);
      await editInPlace(bob, '"label": "event"', '"label": "claim"');
      const { checked, fresh } = await jsonAnswers(dir);
      expect(labels(checked)).toEqual([['claim', 'event']]);
      expect(checked).toEqual(fresh);
    });

    it('sees the files of a hit removed, and added in a folder it knew and in a new one', async () => {
      const dir = await workspace();
      const bob = await team(dir);
      const alice = join(dir, 'store', 'alice', 'uni.json');
      const kept = await readFile(bob, 'utf8');
      await json(dir);
      // bob's file removed, then alice's: her event stays, then nothing.
      await rm(bob);
      expect(labels(await json(dir))).toEqual([['event']]);
      const alices = await readFile(alice, 'utf8');
      await rm(alice);
      expect(labels(await json(dir))).toEqual([[]]);
      // bob's file back as a claim, in the folder the index knew.
      await writeFile(bob, kept.replace('"label": "event"', '"label": "claim"'));
      await age(bob);
      expect(labels(await json(dir))).toEqual([['claim']]);
      // carol's, in a folder new to the index.
      await mkdir(join(dir, 'store', 'carol'));
      const carol = join(dir, 'store', 'carol', 'uni.json');
      await writeFile(carol, alices.replace('"annotator": "alice"', '"annotator": "carol"'));
      await age(carol);
      const { checked, fresh } = await jsonAnswers(dir);
      expect(labels(checked)).toEqual([['claim', 'event']]);
      expect(checked).toEqual(fresh);
    });

    it('reads no file of an article it does not show', async () => {
      const dir = await workspace();
      await team(dir);
      const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
      const other = articles.find((a) => a.id !== 'uni')!;
      const repository = await openRepository({
        root: join(dir, 'store'),
        annotator: 'bob',
        articles,
      });
      await repository.tag(other, other.sentences[0]!.id, 'event');
      await repository.close();
      const path = join(dir, 'store', 'bob', `${other.id}.json`);
      await age(path);
      await json(dir);
      await editInPlace(path, '"label": "event"', '"label": "claim"');
      expect(labels(await json(dir))).toEqual([['event']]);
      // The index still holds what the file held: the search did not look at it.
      const kept = await openRepository({
        root: join(dir, 'store'),
        annotator: 'bob',
        articles,
        cacheDir: defaultCacheDir({ XDG_CACHE_HOME: join(dir, 'cache') }),
        check: 'later',
      });
      try {
        expect(kept.list({ article: other.id }).map((a) => a.label)).toEqual(['event']);
      } finally {
        await kept.close();
      }
      // A search that needs every file sees it.
      expect((await searchFor(dir, 'label:claim')).status).toBe(0);
    });
  });
});

/**
 * While no store file was added, removed or renamed since the last check of every file (each
 * annotator folder seen as then), `margin search` prints the answer from the index once the
 * hits' own files are compared with it, and the check of the others goes on behind: what an
 * edit in place of another file changes comes after, said on stderr when it reorders the answer.
 */
describe('margin search answering before every store file is compared', () => {
  const workspace = useWorkspace({ indexedCorpus: true });
  const searchFor = (dir: string, query: string, limit = '20') =>
    run(search, dir, [query], { limit });

  /** Whether the store's index stands as its last check of every file left it, folder by folder. */
  async function checkedAsIs(dir: string): Promise<boolean> {
    const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
    const repository = await openRepository({
      root: join(dir, 'store'),
      annotator: 'bob',
      articles,
      cacheDir: defaultCacheDir({ XDG_CACHE_HOME: join(dir, 'cache') }),
      check: 'later',
    });
    try {
      return repository.checkedAsIs();
    } finally {
      await repository.close();
    }
  }

  /**
   * The team's store, alice's file of the first seed article noted too, every file and folder
   * an hour old, then checked whole twice (the first reads again the files `age` touched).
   */
  async function settled(dir: string) {
    const bob = await team(dir);
    const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
    const first = articles.find((a) => a.id.startsWith('000'))!;
    const repository = await openRepository({
      root: join(dir, 'store'),
      annotator: 'alice',
      articles,
    });
    await repository.tag(first, first.sentences[0]!.id, 'claim');
    await repository.annotate(first, first.sentences[0]!.id, { note: 'orchard keepers' });
    await repository.close();
    const alice = join(dir, 'store', 'alice', `${first.id}.json`);
    await age(alice);
    for (const folder of ['alice', 'bob']) await age(join(dir, 'store', folder));
    await searchFor(dir, 'pilots');
    await searchFor(dir, 'pilots');
    expect(await checkedAsIs(dir)).toBe(true);
    return { bob, alice, first: first.sentences[0]!.text };
  }

  /** The file written over where it is, as VS Code or nano save: its folder not touched at all. */
  async function writeInPlace(path: string, change: (doc: NotedDoc) => void) {
    const folder = await stat(join(path, '..'));
    const doc = JSON.parse(await readFile(path, 'utf8')) as NotedDoc;
    change(doc);
    await writeFile(path, JSON.stringify(doc, null, 2));
    await age(path, 5);
    const after = await stat(join(path, '..'));
    expect([after.mtimeMs, after.ctimeMs]).toEqual([folder.mtimeMs, folder.ctimeMs]);
  }

  /** The search over the index as it is, then over a fresh one. */
  async function answers(dir: string, query: string, limit = '20') {
    const checked = await searchFor(dir, query, limit);
    await rm(storeIndexes(dir), { recursive: true, force: true });
    const fresh = await searchFor(dir, query, limit);
    return { checked, fresh };
  }

  it('compares the files of the hits with the index before printing them', async () => {
    const dir = await workspace();
    const { bob } = await settled(dir);
    // The note the index holds is no longer the file's: its sentence is not printed.
    await writeInPlace(bob, (doc) => {
      doc.annotations.find((a) => a.note)!.note = 'airport pilots';
    });
    expect(await searchFor(dir, 'harbour')).toMatchObject({ status: 1, stdout: '' });
    const { checked, fresh } = await answers(dir, 'airport');
    expect(checked.stdout).toContain('Talks begin in Riyadh');
    expect(checked).toEqual(fresh);
  });

  it('prints after them what an edit in place of another file adds, and says when it reorders', async () => {
    const dir = await workspace();
    const { alice, first } = await settled(dir);
    const before = await searchFor(dir, 'pilots');
    expect(before.stdout.trim().split('\n')).toHaveLength(1);
    expect(await checkedAsIs(dir)).toBe(true);
    // alice's note, on an article before bob's in the corpus, now holds the word too.
    await writeInPlace(alice, (doc) => {
      doc.annotations[0]!.note = 'harbour pilots';
    });
    const checked = await searchFor(dir, 'pilots');
    const lines = checked.stdout.trim().split('\n');
    // bob's hit came from the index at once, alice's once her file was compared.
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('Talks begin in Riyadh');
    expect(lines[1]).toContain(first.slice(0, 30));
    expect(checked.stderr).toContain('changed this answer after its first lines were printed');
    // The next search has the index up to the files: the answer in order, nothing to say.
    const { checked: again, fresh } = await answers(dir, 'pilots');
    expect(again).toEqual(fresh);
    expect(again.stdout.trim().split('\n').reverse()).toEqual(lines);
    expect(again.stderr).toBe('');
  });

  it('waits for the check of every file once a file was replaced, as git and most editors do', async () => {
    const dir = await workspace();
    const { alice } = await settled(dir);
    // Written to another name and renamed over it; the folder's modification time set back.
    const folder = await stat(join(alice, '..'));
    const doc = JSON.parse(await readFile(alice, 'utf8'));
    doc.annotations[0].note = 'harbour pilots';
    await writeFile(`${alice}.new`, JSON.stringify(doc, null, 2));
    await rename(`${alice}.new`, alice);
    await age(alice, 5);
    await utimes(join(alice, '..'), folder.atime, folder.mtime);
    expect(await checkedAsIs(dir)).toBe(false);
    const { checked, fresh } = await answers(dir, 'pilots');
    expect(checked.stdout.trim().split('\n')).toHaveLength(2);
    expect(checked).toEqual(fresh);
    expect(checked.stderr).toBe('');
  });

  it('stands as checked only while no row of a folder changed since', async () => {
    const dir = await workspace();
    await settled(dir);
    const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
    const uni = articles.find((a) => a.id === 'uni')!;
    const repository = await openRepository({
      root: join(dir, 'store'),
      annotator: 'bob',
      articles,
      cacheDir: defaultCacheDir({ XDG_CACHE_HOME: join(dir, 'cache') }),
    });
    await repository.annotate(uni, uni.sentences[1]!.id, { note: 'ferry pilots' });
    await repository.close();
    expect(await checkedAsIs(dir)).toBe(false);
    expect((await searchFor(dir, 'ferry')).stdout).toContain('Talks begin in Riyadh');
  });
});
