import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryRepository, openRepository } from '../../source/store/index.js';
import type { Repository } from '../../source/store/repository.js';
import { seedArticle } from './articles.js';
import { fixedOptions, useTempFolder } from './temp-store.js';

interface Stored {
  status: string;
  annotations: Array<{ id: string; label: string; note?: string; attributes?: object }>;
}

describe('undo and redo', () => {
  const tempFolder = useTempFolder();
  const article = seedArticle();
  const [one, two] = [article.sentences[0]!.id, article.sentences[1]!.id];

  async function setUp() {
    const root = await tempFolder();
    const repo = await openRepository({
      root,
      annotator: 'alice',
      articles: [article],
      ...fixedOptions(),
    });
    const file = join(root, 'alice', `${article.id}.json`);
    const stored = async (): Promise<Stored> => JSON.parse(await readFile(file, 'utf8'));
    const summary = async (): Promise<string[]> => {
      const { status, annotations } = await stored();
      return [
        status,
        ...annotations.map((a) =>
          [a.id, a.label, a.note ?? '', JSON.stringify(a.attributes ?? {})].join(' '),
        ),
      ];
    };
    return { repo, summary };
  }

  it('takes back the reviewer’s last change, not the status an article got by being opened', async () => {
    const { repo, summary } = await setUp();
    await repo.tag(article, one, 'claim');
    await repo.setStatus(article.id, 'in progress', { undoable: false });
    expect(await repo.undo()).toMatchObject({ kind: 'tag' });
    expect(await summary()).toEqual(['in progress']);
    expect(await repo.undo()).toBeNull();
  });

  it('steps back and forth through every kind of change, writing each step', async () => {
    const { repo, summary } = await setUp();
    const states: string[][] = [];
    const record = async () => states.push(await summary());

    await repo.tag(article, one, 'claim');
    await record();
    await repo.toggle(article, one, 'quote');
    await record();
    await repo.annotate(article, one, { note: 'verify' });
    await record();
    await repo.annotate(article, one, { attributes: { speaker: 'Peskov' } });
    await record();
    await repo.setStatus(article.id, 'in progress');
    await record();
    await repo.untag(article, one, 'claim');
    await record();
    await repo.tag(article, two, 'event');
    await record();
    await repo.clear(article, one);
    await record();

    expect(states.at(-1)).toEqual(['in progress', 'a-3 event  {}']);
    const undone: string[] = [];
    // Where each step was, for the review to go there: a status has no sentence.
    const where: (string | undefined)[] = [];
    for (let index = states.length - 2; index >= 0; index -= 1) {
      const step = await repo.undo();
      undone.push(step!.description);
      where.push(step!.sentence);
      expect(await summary()).toEqual(states[index]);
    }
    expect(undone).toEqual([
      'clear quote',
      'tag event',
      'untag claim',
      'status in progress',
      'attributes',
      'note',
      'tag quote',
    ]);
    expect(where).toEqual([one, two, one, undefined, one, one, one]);
    expect(await repo.undo()).toEqual({
      kind: 'tag',
      article: article.id,
      sentence: one,
      description: 'tag claim',
    });
    expect(await summary()).toEqual(['unreviewed']);
    expect(await repo.undo()).toBeNull();

    for (const state of states) {
      await repo.redo();
      expect(await summary()).toEqual(state);
    }
    expect(await repo.redo()).toBeNull();
    expect(states[3]).toEqual([
      'unreviewed',
      'a-1 claim verify {"speaker":"Peskov"}',
      'a-2 quote verify {"speaker":"Peskov"}',
    ]);
  });

  it('forgets the redo steps once something new is done', async () => {
    const { repo, summary } = await setUp();
    await repo.tag(article, one, 'claim');
    await repo.undo();
    await repo.tag(article, two, 'quote');
    expect(await repo.redo()).toBeNull();
    expect(await summary()).toEqual(['unreviewed', 'a-2 quote  {}']);
  });

  it('does not record no-ops, and refuses a note on an untagged sentence', async () => {
    const { repo } = await setUp();
    await repo.untag(article, one, 'claim');
    await repo.setStatus(article.id, 'unreviewed');
    expect(await repo.undo()).toBeNull();
    await expect(repo.annotate(article, one, { note: 'lost?' })).rejects.toThrow(
      `sentence ${one} of ${article.id} carries no label of alice: tag it before adding a note`,
    );
  });

  it('keeps the last 500 steps', async () => {
    const repo = createMemoryRepository('alice');
    for (let index = 0; index < 260; index += 1) {
      await repo.toggle(article, one, 'claim');
      await repo.toggle(article, one, 'claim');
    }
    let undone = 0;
    while (await repo.undo()) undone += 1;
    expect(undone).toBe(500);
    expect(repo.list()).toHaveLength(0);
  });
});

describe('memory repository', () => {
  it('behaves like the disk one for the UI', async () => {
    const article = seedArticle();
    const repo: Repository = createMemoryRepository('alice');
    await repo.open([article]);
    const sentence = article.sentences[2]!;
    await repo.tag(article, sentence.id, 'quote');
    await repo.annotate(article, sentence.id, { attributes: { speaker: 'Waltz' } });
    await repo.setStatus(article.id, 'done');
    expect(repo.list({ article: article.id })).toMatchObject([
      {
        label: 'quote',
        annotator: 'alice',
        attributes: { speaker: 'Waltz' },
        placement: { sentence: sentence.id, start: sentence.start, end: sentence.end },
      },
    ]);
    expect(repo.status(article.id)).toBe('done');
    expect(await repo.undo()).toEqual({
      kind: 'status',
      article: article.id,
      description: 'status done',
    });
    expect(repo.status(article.id)).toBe('unreviewed');
    expect(repo.annotators()).toEqual(['alice']);
  });
});
