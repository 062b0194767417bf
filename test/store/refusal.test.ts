import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRepository } from '../../source/store/index.js';
import { articleFromText, seedArticle, sentenceContaining } from './articles.js';
import { fixedOptions, useTempFolder } from './temp-store.js';

const v1 = (article: string, extra: Record<string, unknown> = {}) =>
  `${JSON.stringify({
    schema: 'margin.annotations',
    version: 1,
    article,
    annotator: 'alice',
    status: 'unreviewed',
    annotations: [],
    ...extra,
  })}\n`;

const BAD_FILES: Record<string, string> = {
  'corrupt.json': '{"schema": "margin.annotations", "version": 1, "article": "corr',
  'empty.json': '',
  'null.json': 'null\n',
  'foreign.json': '{ "name": "left-pad", "version": "1.3.0" }\n',
  'future.json': v1('future', { version: 2 }),
  'label.json': v1('label', {
    // Any label name within the limits is a label (a project's own); a line break is not.
    annotations: [{ id: 'x', label: 'opin\nion', anchor: {}, created: 'now', updated: 'now' }],
  }),
  'moved.json': v1('somewhere-else'),
};

describe('refused store files', () => {
  const tempFolder = useTempFolder();

  async function storeWithBadFiles() {
    const root = await tempFolder();
    await mkdir(join(root, 'alice'));
    for (const [name, text] of Object.entries(BAD_FILES)) {
      await writeFile(join(root, 'alice', name), text);
    }
    const good = articleFromText('good', 'A fine sentence. Another fine one.');
    const seeded = await openRepository({ root, annotator: 'alice' });
    await seeded.tag(good, good.sentences[1]!.id, 'claim');
    await seeded.close();
    return { root, good };
  }

  async function bytes(root: string) {
    const entries: Record<string, string> = {};
    for (const name of Object.keys(BAD_FILES)) {
      entries[name] = await readFile(join(root, 'alice', name), 'utf8');
    }
    return entries;
  }

  it('names each bad file and its problem, and loads the rest', async () => {
    const { root, good } = await storeWithBadFiles();
    const repo = await openRepository({ root, annotator: 'alice', articles: [good] });
    const path = (name: string) => join(root, 'alice', name);
    expect(repo.problems().map((problem) => problem.message)).toEqual([
      `${path('corrupt.json')}: not valid JSON (at line 1, column 64)`,
      `${path('empty.json')}: the file is empty`,
      `${path('foreign.json')}: not a margin annotations file (no "schema": "margin.annotations")`,
      `${path('future.json')}: schema version 2 is newer than this margin understands (1); upgrade margin to edit it`,
      `${path('label.json')}: does not match the annotations schema: annotations.0.label: a label name is one line without control characters; annotations.0.anchor.sentence: Invalid input: expected string, received undefined; annotations.0.anchor.start: Invalid input: expected number, received undefined (+7 more)`,
      `${path('moved.json')}: it holds article "somewhere-else", whose file would be somewhere-else.json`,
      `${path('null.json')}: the content is null, not an annotations file`,
    ]);
    expect(repo.problems()[3]).toEqual({
      path: path('future.json'),
      article: 'future',
      annotator: 'alice',
      message: expect.stringContaining('newer'),
    });
    expect(repo.list().map((annotation) => [annotation.article, annotation.label])).toEqual([
      ['good', 'claim'],
    ]);
    expect(repo.isReadOnly('future')).toBe(true);
    expect(repo.isReadOnly('good')).toBe(false);
  });

  it('never writes over a refused file, and says why a change is rejected', async () => {
    const { root } = await storeWithBadFiles();
    const before = await bytes(root);
    const repo = await openRepository({ root, annotator: 'alice' });
    const future = articleFromText('future', 'Written by a newer margin. Keep it.');
    const empty = articleFromText('empty', 'Nothing in it. Still not ours to replace.');

    await expect(repo.tag(future, future.sentences[0]!.id, 'claim')).rejects.toThrow(
      `${join(root, 'alice', 'future.json')}: schema version 2 is newer than this margin understands (1); upgrade margin to edit it; future is read-only for alice until that file is fixed or moved away`,
    );
    await expect(repo.setStatus('empty', 'done')).rejects.toThrow(
      `${join(root, 'alice', 'empty.json')}: the file is empty; empty is read-only for alice until that file is fixed or moved away`,
    );
    await expect(repo.clear(empty, empty.sentences[0]!.id)).rejects.toThrow('read-only');
    await repo.close();
    expect(await bytes(root)).toEqual(before);

    // Another annotator's own file for the same article is unaffected.
    const bob = await openRepository({ root, annotator: 'bob' });
    await bob.tag(future, future.sentences[0]!.id, 'claim');
    expect(bob.isReadOnly('future')).toBe(false);
    expect(await bytes(root)).toEqual(before);
  });

  it('refuses a file that went bad after opening, leaving it as it is', async () => {
    const root = await tempFolder();
    const article = articleFromText('later', 'First sentence. Second sentence.');
    const repo = await openRepository({ root, annotator: 'alice', articles: [article] });
    await repo.tag(article, article.sentences[0]!.id, 'claim');
    const file = join(root, 'alice', 'later.json');
    await writeFile(file, '<<<<<<< HEAD\n');
    await expect(repo.tag(article, article.sentences[1]!.id, 'event')).rejects.toThrow(
      `${file}: holds unresolved git conflict markers (<<<<<<<): resolve it keeping both sides' annotations (store.md: "A conflict in a store file"), and margin reads it again; later is read-only for alice until that file is fixed or moved away`,
    );
    expect(await readFile(file, 'utf8')).toBe('<<<<<<< HEAD\n');
    expect(repo.isReadOnly('later')).toBe(true);
    expect(repo.problems()).toHaveLength(1);
  });
});

describe('migration', () => {
  const tempFolder = useTempFolder();

  it('reads a version 0 file without rewriting it, and upgrades it on the next write', async () => {
    const root = await tempFolder();
    const article = seedArticle();
    const file = join(root, 'alice', `${article.id}.json`);
    await mkdir(join(root, 'alice'));
    await copyFile(new URL('./fixtures/v0-001.json', import.meta.url), file);
    const original = await readFile(file, 'utf8');
    const witkoff = sentenceContaining(article, 'Witkoff met with Putin');

    const repo = await openRepository({
      root,
      annotator: 'alice',
      articles: [article],
      ...fixedOptions(),
    });
    expect(repo.problems()).toEqual([]);
    expect(repo.status(article.id)).toBe('done');
    expect(repo.list()).toEqual([
      {
        id: 'pilot-7',
        article: article.id,
        annotator: 'alice',
        label: 'event',
        anchor: {
          sentence: 's-old-id',
          start: 226,
          end: 329,
          quote: witkoff.text,
          prefix: '',
          suffix: '',
          textHash: 'text-hash-of-the-pilot-cleaner',
        },
        note: 'from the pilot study',
        created: '2025-03-14T10:00:00.000Z',
        updated: '2025-03-14T10:00:00.000Z',
        placement: { sentence: witkoff.id, start: 226, end: 329 },
      },
    ]);
    expect(await readFile(file, 'utf8')).toBe(original);

    await repo.tag(article, witkoff.id, 'claim');
    const upgraded = JSON.parse(await readFile(file, 'utf8'));
    expect(upgraded.version).toBe(1);
    expect(upgraded.status).toBe('done');
    expect(upgraded.annotations.map((a: { id: string; label: string }) => [a.id, a.label])).toEqual(
      [
        ['a-1', 'claim'],
        ['pilot-7', 'event'],
      ],
    );
  });
});

describe('a store file saved with a byte order mark', () => {
  const tempFolder = useTempFolder();

  it('is read, and margin writes it back without the mark', async () => {
    const root = await tempFolder();
    const article = articleFromText('marked', 'First sentence. Second sentence.');
    const first = await openRepository({ root, annotator: 'alice', articles: [article] });
    await first.tag(article, article.sentences[0]!.id, 'claim');
    await first.close();
    const file = join(root, 'alice', 'marked.json');
    // Notepad saves UTF-8 so, after a conflict resolved by hand.
    await writeFile(file, `\uFEFF${await readFile(file, 'utf8')}`);

    const repo = await openRepository({ root, annotator: 'alice', articles: [article] });
    expect(repo.problems()).toEqual([]);
    expect(repo.isReadOnly('marked')).toBe(false);
    expect(repo.list().map((annotation) => annotation.label)).toEqual(['claim']);
    await repo.tag(article, article.sentences[1]!.id, 'event');
    await repo.close();
    const text = await readFile(file, 'utf8');
    expect(text.charCodeAt(0)).toBe('{'.charCodeAt(0));
    expect(JSON.parse(text).annotations).toHaveLength(2);
  });
});
