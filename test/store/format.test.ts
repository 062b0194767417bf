import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRepository } from '../../source/store/index.js';
import { articleFromText, seedArticle, sentenceContaining } from './articles.js';
import { fixedOptions, useTempFolder } from './temp-store.js';

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}

describe('store layout and file format', () => {
  const tempFolder = useTempFolder();

  it('writes one pretty, key-ordered file per annotator and article', async () => {
    const root = join(await tempFolder(), 'annotations');
    const article = seedArticle();
    const repo = await openRepository({
      root,
      annotator: 'alice',
      articles: [article],
      ...fixedOptions(),
    });
    const witkoff = sentenceContaining(article, 'Witkoff met with Putin');
    const peskov = sentenceContaining(article, 'There are reasons to be cautiously');
    await repo.tag(article, peskov.id, 'quote');
    await repo.tag(article, witkoff.id, 'event');
    await repo.tag(article, witkoff.id, 'claim');
    await repo.annotate(article, peskov.id, {
      note: 'check the Kremlin transcript',
      attributes: { speaker: 'Dmitry Peskov', context: 'press call' },
    });
    await repo.setStatus(article.id, 'in progress');
    await repo.close();

    // `.margin-not-articles`: a corpus folder holding the store never reads it (corpus/files.ts).
    expect(await filesUnder(root)).toEqual([
      '.gitattributes',
      '.gitignore',
      '.margin-not-articles',
      'alice/001_d7fb493d5d978b6e.json',
    ]);
    const text = await readFile(join(root, 'alice/001_d7fb493d5d978b6e.json'), 'utf8');
    expect(text).toBe(`{
  "schema": "margin.annotations",
  "version": 1,
  "article": "001_d7fb493d5d978b6e",
  "annotator": "alice",
  "status": "in progress",
  "annotations": [
    {
      "id": "a-3",
      "label": "claim",
      "anchor": {
        "sentence": "${witkoff.id}",
        "start": 226,
        "end": 329,
        "quote": "Witkoff met with Putin late Thursday and was reported to have left Moscow in the early hours of Friday.",
        "prefix": "aine, the Kremlin said Friday.\\n\\n",
        "suffix": " U.S. National Security Adviser ",
        "textHash": "${article.hash}"
      },
      "created": "2026-01-02T03:04:07.000Z",
      "updated": "2026-01-02T03:04:07.000Z"
    },
    {
      "id": "a-2",
      "label": "event",
      "anchor": {
        "sentence": "${witkoff.id}",
        "start": 226,
        "end": 329,
        "quote": "Witkoff met with Putin late Thursday and was reported to have left Moscow in the early hours of Friday.",
        "prefix": "aine, the Kremlin said Friday.\\n\\n",
        "suffix": " U.S. National Security Adviser ",
        "textHash": "${article.hash}"
      },
      "created": "2026-01-02T03:04:06.000Z",
      "updated": "2026-01-02T03:04:06.000Z"
    },
    {
      "id": "a-1",
      "label": "quote",
      "anchor": {
        "sentence": "${peskov.id}",
        "start": 638,
        "end": 686,
        "quote": "“There are reasons to be cautiously optimistic.”",
        "prefix": "n Dmitry Peskov told reporters. ",
        "suffix": "\\n\\n“Both sides understand that th",
        "textHash": "${article.hash}"
      },
      "note": "check the Kremlin transcript",
      "attributes": {
        "context": "press call",
        "speaker": "Dmitry Peskov"
      },
      "created": "2026-01-02T03:04:05.000Z",
      "updated": "2026-01-02T03:04:08.000Z"
    }
  ]
}
`);
  });

  it('tags a sentence once per label, and reads back what it wrote', async () => {
    const root = await tempFolder();
    const article = seedArticle();
    const sentence = article.sentences[3]!;
    const first = await openRepository({ root, annotator: 'alice', articles: [article] });
    const made = await first.tag(article, sentence.id, 'claim');
    const again = await first.tag(article, sentence.id, 'claim');
    expect(again.id).toBe(made.id);
    await first.close();

    const second = await openRepository({ root, annotator: 'bob', articles: [article] });
    expect(second.list({ article: article.id })).toEqual([
      { ...made, placement: { sentence: sentence.id, start: sentence.start, end: sentence.end } },
    ]);
    expect(second.status(article.id, 'alice')).toBe('unreviewed');
    expect(second.annotators()).toEqual(['alice']);
    expect(second.problems()).toEqual([]);
  });

  it('keeps names from users and files inside the store root, and maps them back', async () => {
    const parent = await tempFolder();
    const root = join(parent, 'store');
    const escaping = articleFromText('../../x', 'One sentence here. Another one there.');
    const nested = articleFromText(
      'news/2025/.hidden',
      'Nested folders in the corpus. Still fine.',
    );
    const repo = await openRepository({ root, annotator: 'a/b' });
    await repo.tag(escaping, escaping.sentences[0]!.id, 'claim');
    await repo.tag(nested, nested.sentences[1]!.id, 'event');
    await repo.setStatus('..', 'done');
    await repo.close();

    expect(await filesUnder(parent)).toEqual([
      'store/.gitattributes',
      'store/.gitignore',
      'store/.margin-not-articles',
      'store/a%2Fb/%2E.%2F..%2Fx.json',
      'store/a%2Fb/%2E..json',
      'store/a%2Fb/news%2F2025%2F.hidden.json',
    ]);

    const reopened = await openRepository({ root, annotator: 'c' });
    expect(reopened.annotators()).toEqual(['a/b']);
    expect(reopened.list().map((a) => [a.annotator, a.article, a.label])).toEqual([
      ['a/b', '../../x', 'claim'],
      ['a/b', 'news/2025/.hidden', 'event'],
    ]);
    expect(reopened.status('..', 'a/b')).toBe('done');
  });

  it('creates the store root with a .gitignore for its temp and lock files', async () => {
    const root = join(await tempFolder(), 'deep', 'annotations');
    await openRepository({ root, annotator: 'alice' });
    expect(await readFile(join(root, '.gitignore'), 'utf8')).toBe(
      '# written by margin while saving; never worth committing\n.*.tmp\n.*.lock\n',
    );
  });
});

describe('the store root', () => {
  const tempFolder = useTempFolder();

  it('must be a folder', async () => {
    const file = join(await tempFolder(), 'annotations');
    await writeFile(file, 'not a folder');
    await expect(openRepository({ root: file, annotator: 'alice' })).rejects.toThrow(
      `${file} cannot be used as the annotation store: it is not a folder`,
    );
  });
});

describe('opening again', () => {
  const tempFolder = useTempFolder();

  it('sees files changed in place since the last open, even at the same size', async () => {
    const root = await tempFolder();
    const article = seedArticle();
    const repo = await openRepository({ root, annotator: 'alice', articles: [article] });
    await repo.tag(article, article.sentences[0]!.id, 'claim');
    await repo.open([article]);
    expect(repo.list().map((annotation) => annotation.label)).toEqual(['claim']);

    const file = join(root, 'alice', `${article.id}.json`);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('"label": "claim"', '"label": "event"'));
    await repo.open([article]);
    expect(repo.list().map((annotation) => annotation.label)).toEqual(['event']);

    await writeFile(file, '');
    await repo.open([article]);
    expect(repo.list()).toEqual([]);
    expect(repo.problems().map((problem) => problem.message)).toEqual([
      `${file}: the file is empty`,
    ]);
  });
});
