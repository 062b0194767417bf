import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../source/commands/run.js';
import { command as story } from '../../source/commands/story.js';
import { reviewStorySource, STORY_IN_REVIEW } from '../../source/commands/story-thread.js';
import { defaultCacheDir } from '../../source/corpus/cache.js';
import { loadCorpus } from '../../source/corpus/index.js';
import type { Article } from '../../source/corpus/types.js';
import { saveStoryLink } from '../../source/store/index.js';
import type { StoryGroup } from '../../source/story/index.js';
import { captureIO } from '../corpus/capture-io.js';

// The worker runs the built script (`source/corpus/worker-script.ts`): `npm test` builds first.
const seeds = join(import.meta.dirname, '../../seeds');
const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the review’s story groups, computed on a worker thread', () => {
  it('groups the articles the review shows, read from the corpus index the review opened', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'margin-story-thread-'));
    made.push(dir);
    const cacheDir = join(dir, 'cache');
    const corpus = await loadCorpus(seeds, { cacheDir, lazy: true });
    const source = reviewStorySource({
      corpusRoot: seeds,
      cacheDir,
      storeRoot: join(dir, 'store'),
      annotator: 'alice',
    });
    // A second request (the corpus changed, a link was saved) supersedes the first: only the
    // second answers, with the articles it was given.
    const first = source.groups(corpus.articles);
    const shown = corpus.articles.filter((article) => !article.id.startsWith('003'));
    const found = await source.groups(shown);
    if (!('groups' in found)) throw new Error('expected the groups formed');
    const { groups, problems } = found;
    expect(problems).toEqual([]);
    const texts = groups.flatMap((group) => group.members.map((member) => member.text));
    expect(
      texts.some((text) => text.includes('There are reasons to be cautiously optimistic')),
    ).toBe(true);
    expect(groups.flatMap((group) => group.members.map((m) => m.article))).not.toContain(
      corpus.articles.find((article) => article.id.startsWith('003'))!.id,
    );
    const settled = await Promise.race([first.then(() => 'settled'), Promise.resolve('pending')]);
    expect(settled).toBe('pending');
    corpus.close?.();
  });

  it("answers with the reviewer's links a teammate's later decision overrules", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'margin-story-thread-'));
    made.push(dir);
    const cacheDir = join(dir, 'cache');
    const storeRoot = join(dir, 'store');
    const corpus = await loadCorpus(seeds, { cacheDir, lazy: true });
    const [first, second] = corpus.articles;
    const pair = {
      a: { article: first!.id, sentence: first!.sentences[0]!.id },
      b: { article: second!.id, sentence: second!.sentences[0]!.id },
    };
    await saveStoryLink(
      storeRoot,
      'alice',
      { kind: 'link', ...pair },
      new Date('2026-12-07T10:00Z'),
    );
    await saveStoryLink(
      storeRoot,
      'erin',
      { kind: 'unlink', ...pair },
      new Date('2026-12-07T11:00Z'),
    );
    const source = reviewStorySource({
      corpusRoot: seeds,
      cacheDir,
      storeRoot,
      annotator: 'alice',
    });
    const found = await source.groups(corpus.articles);
    expect(found.overruled).toEqual([
      {
        mine: { kind: 'link', ...pair },
        by: 'erin',
        kind: 'unlink',
        created: '2026-12-07T11:00:00.000Z',
      },
    ]);
    await source.close();
    corpus.close?.();
  });

  it('says in words that a corpus is too large to group while the reviewer works', async () => {
    const source = reviewStorySource({
      corpusRoot: seeds,
      cacheDir: null,
      storeRoot: '/nonexistent',
      annotator: 'alice',
    });
    const many = Array.from(
      { length: STORY_IN_REVIEW + 1 },
      (_, n) => ({ id: `a${n}` }) as Article,
    );
    await expect(source.groups(many)).rejects.toThrow(
      `${(STORY_IN_REVIEW + 1).toLocaleString('en-US')} articles; the review groups up to`,
    );
  });

  it('beyond its limit, reads the groups margin story kept, one article at a time, links placed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'margin-story-thread-'));
    made.push(dir);
    const env = { XDG_CACHE_HOME: join(dir, 'xdg') };
    const cacheDir = defaultCacheDir(env);
    const storeRoot = join(dir, 'store');
    const copy = join(dir, 'corpus');
    await cp(seeds, copy, { recursive: true });
    const corpus = await loadCorpus(copy, { cacheDir, lazy: true });
    const reviewWith = () =>
      reviewStorySource({ corpusRoot: copy, cacheDir, storeRoot, annotator: 'ana', inReview: 2 });
    // Nothing kept yet: the review says what to run.
    const before = reviewWith();
    await expect(before.groups(corpus.articles)).rejects.toThrow(
      'run margin index --story once (5 articles; the review groups up to 2 itself)',
    );
    await before.close();
    const captured = captureIO(join(import.meta.dirname, '../..'), env);
    const flags = { corpus: copy, store: storeRoot, json: true, minSources: '2', label: [] };
    expect(await runCommand(story, [], flags, captured.io)).toBe(0);
    const source = reviewWith();
    expect(await source.groups(corpus.articles)).toMatchObject({
      kept: true,
      problems: [],
      note: null,
    });
    const first = corpus.articles.find((article) => article.id.startsWith('000'))!;
    const { groups, sizes } = await source.article!(first.id);
    const peskov = peskovGroup(groups);
    // Described as margin story prints it: the same members, read from the other outlets.
    const printed = captured
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; members: Array<{ text: string }> })
      .find((group) => group.id === peskov.id)!;
    expect(peskov.members.map((m) => m.text)).toEqual(printed.members.map((m) => m.text));
    expect(sizes[peskov.id]).toBe(printed.members.length);
    expect(new Set(peskov.members.map((m) => m.article)).size).toBeGreaterThan(1);
    // An unlink saved since (here, or a teammate's through git): placed on the kept groups.
    const b = await unlinkFirstTwo(storeRoot, peskov);
    expect(await source.groups(corpus.articles)).toMatchObject({
      kept: true,
      problems: [],
      note: null,
    });
    const after = (await source.article!(first.id)).groups.find((group) => group.id === peskov.id)!;
    expect(after.members.map((m) => m.text)).toEqual(
      peskov.members.filter((m) => m !== b).map((m) => m.text),
    );
    // Kept again with the unlink; then a teammate links the same pair after it (through git):
    // the later decision is placed on them, the unlink it overrules no longer counted.
    expect(await runCommand(story, [], flags, captured.io)).toBe(0);
    const [a] = peskov.members;
    await saveStoryLink(
      storeRoot,
      'ben',
      {
        kind: 'link',
        a: { article: b.article, sentence: b.sentence },
        b: { article: a!.article, sentence: a!.sentence },
      },
      new Date(Date.now() + 1000),
    );
    expect(await source.groups(corpus.articles)).toMatchObject({ kept: true, note: null });
    const relinked = (await source.article!(first.id)).groups.find((g) => g.id === peskov.id)!;
    expect(relinked.members.map((m) => m.text).sort()).toEqual(
      peskov.members.map((m) => m.text).sort(),
    );
    // An article added since: placed on the kept groups (issue #15), which hold as they were.
    await writeFile(join(copy, '005_later.txt'), 'Later\n\nA sentence that arrived later.\n');
    await loadCorpus(copy, { cacheDir, lazy: true }).then((again) => again.close?.());
    expect(await source.groups(corpus.articles)).toMatchObject({ kept: true, note: null });
    expect((await source.article!(first.id)).groups.length).toBe(groups.length);
    // More added at once than are placed: still read, with a note that they are older.
    for (let n = 0; n < 65; n++) {
      await writeFile(
        join(copy, `1${String(n).padStart(2, '0')}_more.txt`),
        `More\n\nSentence ${n}.\n`,
      );
    }
    await loadCorpus(copy, { cacheDir, lazy: true }).then((again) => again.close?.());
    expect(await source.groups(corpus.articles)).toMatchObject({
      kept: true,
      note: expect.stringContaining('changed since the groups were kept'),
    });
    expect((await source.article!(first.id)).groups.length).toBe(groups.length);
    // Kept by an earlier engine: the note says so, not that the corpus changed.
    await markKeptByAnEarlierEngine(cacheDir);
    expect(await source.groups(corpus.articles)).toMatchObject({
      kept: true,
      note: expect.stringContaining('formed by another version of margin'),
    });
    await source.close();
    corpus.close?.();
  });
  it('within its limit, reads the groups kept for the corpus, links placed, and forms them when the kept are older', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'margin-story-thread-'));
    made.push(dir);
    const env = { XDG_CACHE_HOME: join(dir, 'xdg') };
    const cacheDir = defaultCacheDir(env);
    const storeRoot = join(dir, 'store');
    const corpus = await loadCorpus(seeds, { cacheDir, lazy: true });
    const captured = captureIO(join(import.meta.dirname, '../..'), env);
    const flags = { corpus: seeds, store: storeRoot, json: true, minSources: '2', label: [] };
    expect(await runCommand(story, [], flags, captured.io)).toBe(0);
    const source = reviewStorySource({ corpusRoot: seeds, cacheDir, storeRoot, annotator: 'ana' });
    // Kept a moment ago for these very files and links: read, not formed again.
    const found = await source.groups(corpus.articles);
    expect(found).toMatchObject({ kept: true, problems: [], note: null });
    // Found again as they were: the same edition, so the review keeps what it read.
    const again = await source.groups(corpus.articles);
    const editionOf = (reply: typeof found) => ('edition' in reply ? reply.edition : undefined);
    expect(editionOf(again)).toBe(editionOf(found));
    const first = corpus.articles.find((article) => article.id.startsWith('000'))!;
    const peskov = peskovGroup((await source.article!(first.id)).groups);
    const b = await unlinkFirstTwo(storeRoot, peskov);
    // An unlink since: placed on the kept groups at once, as beyond the limit, another edition.
    const placed = await source.groups(corpus.articles);
    expect(placed).toMatchObject({ kept: true, problems: [], note: null });
    expect(editionOf(placed)).not.toBe(editionOf(found));
    const after = peskovGroup((await source.article!(first.id)).groups);
    expect(after.members.map((m) => m.text)).toEqual(
      peskov.members.filter((m) => m !== b).map((m) => m.text),
    );
    // Kept by an earlier engine: formed here, as if none were kept.
    await markKeptByAnEarlierEngine(cacheDir);
    const formed = await source.groups(corpus.articles);
    if (!('groups' in formed)) throw new Error('expected the groups formed');
    expect(peskovGroup(formed.groups).members.map((m) => m.text)).toEqual(
      after.members.map((m) => m.text),
    );
    await source.close();
    corpus.close?.();
  });
});

/** The seeds' group of Peskov's "reasons to be cautiously optimistic". */
function peskovGroup(groups: readonly StoryGroup[]): StoryGroup {
  const found = groups.find((group) =>
    group.members.some((member) => member.text.includes('cautiously optimistic')),
  );
  if (!found) throw new Error('no group of Peskov’s remark');
  return found;
}

/** Saves ana's unlink of a group's first two members; returns the second. */
async function unlinkFirstTwo(storeRoot: string, group: StoryGroup) {
  const [a, b] = group.members;
  await saveStoryLink(storeRoot, 'ana', {
    kind: 'unlink',
    a: { article: a!.article, sentence: a!.sentence },
    b: { article: b!.article, sentence: b!.sentence },
  });
  return b!;
}

/** Marks the kept groups as an earlier engine's. */
async function markKeptByAnEarlierEngine(cacheDir: string) {
  for (const name of await readdir(cacheDir, { recursive: true })) {
    if (!name.endsWith('.story')) continue;
    const db = new Database(join(cacheDir, name));
    db.prepare("UPDATE meta SET value = 'an earlier engine' WHERE key = 'key'").run();
    // Links placed since were placed on the earlier engine's groups.
    db.prepare("DELETE FROM meta WHERE key = 'edited'").run();
    db.close();
  }
}
