import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EffectQueue } from '../../source/review/effects.js';
import { openRepository } from '../../source/store/index.js';
import { seedArticle } from './articles.js';
import { fixedOptions, useTempFolder } from './temp-store.js';

interface Stored {
  status: string;
  annotations: Array<{ id: string; label: string }>;
}

describe('a burst of keys on one article', () => {
  const tempFolder = useTempFolder();
  const article = seedArticle();
  const [one, two, three] = article.sentences.map((sentence) => sentence.id);

  async function setUp() {
    const root = await tempFolder();
    const writes: string[] = [];
    const disk = { full: false };
    const repo = await openRepository({
      root,
      annotator: 'alice',
      articles: [article],
      onWriting: (annotator, id) => {
        // Told just before the file is written: a full disk fails the write there.
        if (disk.full) throw new Error('no space left on device');
        writes.push(`${annotator} ${id}`);
      },
      ...fixedOptions(),
    });
    const file = join(root, 'alice', `${article.id}.json`);
    const stored = async (): Promise<Stored> => JSON.parse(await readFile(file, 'utf8'));
    return { disk, repo, writes, stored };
  }

  it('is one durable write of its file, each change an undo step of its own', async () => {
    const { repo, writes, stored } = await setUp();
    await repo.together!(article.id, async () => {
      await repo.tag(article, one!, 'claim');
      await repo.tag(article, two!, 'quote');
      await repo.setStatus(article.id, 'done');
    });
    expect(writes).toEqual([`alice ${article.id}`]);
    expect((await stored()).annotations.map((a) => a.label)).toEqual(['claim', 'quote']);
    expect((await stored()).status).toBe('done');
    // The index holds what was written: the next change sees both tags.
    await repo.toggle(article, two!, 'quote');
    expect((await stored()).annotations.map((a) => a.label)).toEqual(['claim']);
    expect((await repo.undo())?.description).toBe('untag quote');
    expect((await repo.undo())?.description).toBe('status done');
    expect((await repo.undo())?.description).toBe('tag quote');
    expect((await stored()).annotations.map((a) => a.label)).toEqual(['claim']);
    await repo.close();
  });

  it('leaves no undo step behind when its one write fails', async () => {
    const { disk, repo, stored } = await setUp();
    await repo.tag(article, one!, 'claim');
    disk.full = true;
    await expect(
      repo.together!(article.id, async () => {
        await repo.tag(article, two!, 'quote');
        await repo.tag(article, three!, 'event');
      }),
    ).rejects.toThrow(/cannot save/);
    disk.full = false;
    expect((await stored()).annotations.map((a) => a.label)).toEqual(['claim']);
    // The failed burst's steps are gone: undo takes back the tag before it.
    expect((await repo.undo())?.description).toBe('tag claim');
    await repo.close();
  });

  it("is written together by the review's queue, in key order", async () => {
    const { repo, writes, stored } = await setUp();
    const done = new Promise<void>((resolve) => {
      const queue = new EffectQueue({
        store: Promise.resolve(repo),
        article: () => article,
        onProgress: (pending) => {
          if (pending === 0) resolve();
        },
        onDone: () => undefined,
      });
      const toggle = (sentence: string, label: 'claim' | 'quote' | 'event') =>
        queue.push({ kind: 'toggle', article: article.id, sentence, label });
      // Typed in one burst: the queue starts once the store is there, and finds all five.
      toggle(one!, 'claim');
      toggle(two!, 'quote');
      toggle(three!, 'event');
      toggle(two!, 'quote');
      toggle(two!, 'claim');
    });
    await done;
    expect(writes).toHaveLength(1);
    const labels = (await stored()).annotations.map((a) => a.label);
    expect(labels).toEqual(['claim', 'claim', 'event']);
    await repo.close();
  });

  it('writes those before a change refused for itself, which is then retried alone', async () => {
    const { repo, stored } = await setUp();
    const errors: string[] = [];
    const queue = new EffectQueue({
      store: Promise.resolve(repo),
      article: () => article,
      retryDelays: [5],
      onProgress: (_pending, error) => {
        if (error) errors.push(error);
      },
      onDone: () => undefined,
    });
    queue.push({ kind: 'toggle', article: article.id, sentence: one!, label: 'claim' });
    // A note no store file may hold: refused each time, whatever the file says.
    queue.push({
      kind: 'tag-many',
      article: article.id,
      sentence: two!,
      labels: ['quote'],
      attributes: {},
      note: 'x'.repeat(1_000_000),
    });
    try {
      for (let tries = 0; errors.length < 3; tries += 1) {
        if (tries > 5_000) throw new Error('the refused change was not retried');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(errors.at(-1)).toMatch(/a note holds at most/);
      expect((await stored()).annotations.map((a) => a.label)).toEqual(['claim']);
    } finally {
      queue.stop();
      await repo.close();
    }
  });
});
