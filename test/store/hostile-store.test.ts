import { execFileSync } from 'node:child_process';
import { lstat, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRepository } from '../../source/store/index.js';
import { LIMITS } from '../../source/store/schema.js';
import { articleFromText } from './articles.js';
import { fixedOptions, useTempFolder } from './temp-store.js';

const article = articleFromText('linked', 'The vote was held on Monday. Turnout was high.');

/** A margin file for `article` by `annotator`, with one annotation on the first sentence. */
function marginFile(annotator: string, id = 'outside-1'): string {
  const sentence = article.sentences[0]!;
  return `${JSON.stringify({
    schema: 'margin.annotations',
    version: 1,
    article: article.id,
    annotator,
    status: 'unreviewed',
    annotations: [
      {
        id,
        label: 'claim',
        anchor: {
          sentence: sentence.id,
          start: sentence.start,
          end: sentence.end,
          quote: sentence.text,
          prefix: '',
          suffix: '',
          textHash: article.hash,
        },
        created: '2026-01-01T00:00:00.000Z',
        updated: '2026-01-01T00:00:00.000Z',
      },
    ],
  })}\n`;
}

describe('a store that holds links (git carries them)', () => {
  const tempFolder = useTempFolder();

  it('refuses a store file that links to a margin file outside, and never rewrites either', async () => {
    const outside = await tempFolder();
    const root = await tempFolder();
    const target = join(outside, 'linked.json');
    const original = marginFile('alice');
    await writeFile(target, original);
    await mkdir(join(root, 'alice'));
    await symlink(target, join(root, 'alice', 'linked.json'));

    const repo = await openRepository({ root, annotator: 'alice', articles: [article] });
    expect(repo.problems().map((p) => p.message)).toEqual([
      `${join(root, 'alice', 'linked.json')}: is a symbolic link: margin never follows links inside the store (replace it with the file itself)`,
    ]);
    expect(repo.isReadOnly(article.id)).toBe(true);
    expect(repo.list()).toEqual([]);
    await expect(repo.tag(article, article.sentences[1]!.id, 'event')).rejects.toThrow(
      /is a symbolic link/,
    );
    await repo.close();
    expect((await lstat(join(root, 'alice', 'linked.json'))).isSymbolicLink()).toBe(true);
    expect(await readFile(target, 'utf8')).toBe(original);
  });

  it('refuses an annotator folder that is a link, and writes nothing through it', async () => {
    const outside = await tempFolder();
    const root = await tempFolder();
    await symlink(outside, join(root, 'alice'));

    const repo = await openRepository({ root, annotator: 'alice', articles: [article] });
    expect(repo.problems().map((p) => p.message)).toEqual([
      `${join(root, 'alice')}: is a symbolic link: margin never follows links inside the store (replace it with the file itself)`,
    ]);
    await expect(repo.tag(article, article.sentences[0]!.id, 'claim')).rejects.toThrow(
      `${join(root, 'alice')}: is a symbolic link`,
    );
    await repo.close();
    expect(await readdir(outside)).toEqual([]);
  });

  it('never quotes what a file that is not margin’s holds', async () => {
    const outside = await tempFolder();
    const root = await tempFolder();
    const secret = 'root:x:0:0:root:/root:/bin/bash\n';
    await writeFile(join(outside, 'passwd'), secret);
    await mkdir(join(root, 'alice'));
    await symlink(join(outside, 'passwd'), join(root, 'alice', 'linked.json'));
    await mkdir(join(root, 'bob'));
    await writeFile(join(root, 'bob', 'linked.json'), secret);

    const repo = await openRepository({ root, annotator: 'alice', articles: [article] });
    const messages = repo.problems().map((p) => p.message);
    expect(messages).toHaveLength(2);
    expect(messages[1]).toBe(`${join(root, 'bob', 'linked.json')}: not valid JSON`);
    for (const message of messages) expect(message).not.toContain('root:x');
    await repo.close();
  });

  it('refuses a pipe under a store file name instead of waiting on it', async () => {
    const root = await tempFolder();
    await mkdir(join(root, 'alice'));
    execFileSync('mkfifo', [join(root, 'alice', 'linked.json')]);
    const repo = await openRepository({ root, annotator: 'alice', articles: [article] });
    expect(repo.problems().map((p) => p.message)).toEqual([]);
    // A pipe is no regular file: it is not listed, and a write to its name is refused.
    await expect(repo.tag(article, article.sentences[0]!.id, 'claim')).rejects.toThrow(
      'linked.json: is not a regular file',
    );
    await repo.close();
  });
});

describe('a store file left with git conflict markers', () => {
  const tempFolder = useTempFolder();

  it('is refused with the reason, and the article is read-only until resolved', async () => {
    const root = await tempFolder();
    await mkdir(join(root, 'alice'));
    const file = join(root, 'alice', 'linked.json');
    const [head, tail] = marginFile('alice').split('"status"');
    await writeFile(
      file,
      `${head}<<<<<<< HEAD\n"status": "done",\n=======\n"status": "in progress",\n>>>>>>> theirs\n"status"${tail}`,
    );
    const repo = await openRepository({ root, annotator: 'alice', articles: [article] });
    expect(repo.problems().map((p) => p.message)).toEqual([
      `${file}: holds unresolved git conflict markers (<<<<<<<): resolve it keeping both sides' annotations (store.md: "A conflict in a store file"), and margin reads it again`,
    ]);
    expect(repo.isReadOnly(article.id)).toBe(true);
    await repo.close();
  });
});

describe('limits that protect the store', () => {
  const tempFolder = useTempFolder();

  it('refuses a note over the limit with a message, and keeps the one that fits', async () => {
    const root = await tempFolder();
    const repo = await openRepository({
      root,
      annotator: 'alice',
      articles: [article],
      ...fixedOptions(),
    });
    const sentence = article.sentences[0]!.id;
    await repo.tag(article, sentence, 'claim');
    await repo.annotate(article, sentence, { note: 'fits' });
    await expect(
      repo.annotate(article, sentence, { note: 'x'.repeat(LIMITS.noteCharacters + 1) }),
    ).rejects.toThrow('a note holds at most 10,000 characters; this one has 10,001');
    await expect(
      repo.annotate(article, sentence, {
        attributes: { speaker: 'y'.repeat(LIMITS.attributeValueCharacters + 1) },
      }),
    ).rejects.toThrow('an attribute value holds at most 1,000 characters; speaker has 1,001');
    expect(repo.list().map((a) => a.note)).toEqual(['fits']);
    await repo.close();
  });

  it('refuses a file whose note was made larger by hand', async () => {
    const root = await tempFolder();
    await mkdir(join(root, 'alice'));
    const doc = JSON.parse(marginFile('alice'));
    doc.annotations[0].note = 'z'.repeat(5 * 1024 * 1024);
    await writeFile(join(root, 'alice', 'linked.json'), JSON.stringify(doc));
    const repo = await openRepository({ root, annotator: 'alice', articles: [article] });
    expect(repo.problems()[0]?.message).toMatch(
      /linked\.json: does not match the annotations schema: annotations\.0\.note: Too big/,
    );
    await repo.close();
  });

  it('keeps attributes named like Object’s own members, through a write and a read', async () => {
    const root = await tempFolder();
    const repo = await openRepository({ root, annotator: 'alice', articles: [article] });
    const sentence = article.sentences[0]!.id;
    await repo.tag(article, sentence, 'quote');
    // JSON.parse makes `__proto__` an own key, as a store file or an import line would.
    const attributes = JSON.parse(
      '{"__proto__": "p", "constructor": "c", "toString": "t", "hasOwnProperty": "h"}',
    );
    await repo.annotate(article, sentence, { attributes });
    await repo.close();
    const again = await openRepository({ root, annotator: 'bob', articles: [article] });
    const stored = again.list()[0]!.attributes!;
    expect(Object.entries(stored).sort()).toEqual([
      ['__proto__', 'p'],
      ['constructor', 'c'],
      ['hasOwnProperty', 'h'],
      ['toString', 't'],
    ]);
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    await again.close();
  });
});
