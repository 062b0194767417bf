import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reviewStorySource, STORY_IN_REVIEW } from '../../source/commands/story-thread.js';
import { loadCorpus } from '../../source/corpus/index.js';
import type { Article } from '../../source/corpus/types.js';

// The worker runs the compiled script (dist/commands/story-worker.js): `npm test` builds first.
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
    const { groups, problems } = await source.groups(shown);
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
      `${(STORY_IN_REVIEW + 1).toLocaleString('en-US')} articles are more than the review groups while you work`,
    );
  });
});
