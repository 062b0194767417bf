import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../source/corpus/index.js';
import { openRepository } from '../../source/store/index.js';
import { runMargin } from '../helpers/built-cli.js';

/**
 * `margin import` as a user meets it: a line the store cannot keep, or an annotator name
 * `--annotator` refuses, is named as FILE:LINE and skipped, and the rest of the file imported.
 */
const seeds = join(import.meta.dirname, '../../seeds');
let dir: string;
const env = () => ({ XDG_CACHE_HOME: join(dir, 'cache') });
const MARK = 'NOTE-TO-GROW';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'margin-import-refusals-'));
  await cp(seeds, join(dir, 'corpus'), { recursive: true });
  // ana's work on two articles, both done: one note is made too long after the export.
  const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
  const ana = await openRepository({ root: join(dir, 'store'), annotator: 'ana', articles });
  for (const [index, article] of articles.slice(0, 2).entries()) {
    const sentence = article.sentences[0]!.id;
    await ana.tag(article, sentence, 'quote');
    await ana.annotate(article, sentence, { note: index === 0 ? MARK : 'fine' });
    await ana.setStatus(article.id, 'done');
  }
  await ana.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Exports ana's store as FORMAT to `out`. */
async function exported(format: string, out: string): Promise<string> {
  const ran = await runMargin(
    dir,
    ['export', '-c', 'corpus', '-s', 'store', '--format', format, '--out', out],
    { env: env() },
  );
  expect(ran.status).toBe(0);
  return join(dir, out);
}

/**
 * ana's store exported as jsonl once for the file: no test changes the store, and four start
 * from its lines, each export a process.
 */
let jsonl: Promise<string> | undefined;

/** Exports ana's store as FORMAT to `out` and makes the marked note 10,001 characters long. */
async function exportGrown(format: string, out: string): Promise<void> {
  if (format === 'jsonl') {
    jsonl ??= exported('jsonl', 'exported.jsonl');
    await cp(await jsonl, join(dir, out));
  } else {
    await exported(format, out);
  }
  const files =
    format === 'brat'
      ? (await readdir(join(dir, out), { recursive: true }))
          .filter((name) => name.endsWith('.ann'))
          .map((name) => join(dir, out, name))
      : [join(dir, out)];
  let grown = 0;
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    if (!text.includes(MARK)) continue;
    await writeFile(file, text.replace(MARK, 'x'.repeat(10_001)));
    grown++;
  }
  expect(grown).toBe(1);
}

describe('a value over the store limits is a refused line, not a stop halfway', () => {
  it.each(['jsonl', 'prodigy', 'doccano', 'label-studio', 'w3c', 'brat'])('%s', async (format) => {
    const out = `grown-${format}${format === 'brat' ? '' : '.txt'}`;
    await exportGrown(format, out);
    const store = `into-${format}`;
    const ran = await runMargin(
      dir,
      ['import', out, '--format', format, '-c', 'corpus', '-s', store],
      { env: env() },
    );
    // Before, the write threw: one line without FILE:LINE, no summary, the rest not imported.
    expect(ran.stderr).toMatch(
      /^margin import: grown-[a-z0-9-]+(?:\.txt|\/[^:]+\.ann):\d+: note: a note holds at most 10,000 characters; this one has 10,001\n$/,
    );
    expect(ran.stdout).toMatch(/^1 imported, 0 duplicates skipped, 1 error[,\n]/);
    expect(ran.status).toBe(1);
  });

  it('sets the statuses of what was imported (jsonl)', async () => {
    await exportGrown('jsonl', 'status.jsonl');
    const ran = await runMargin(
      dir,
      ['import', 'status.jsonl', '-c', 'corpus', '-s', 'status-store'],
      { env: env() },
    );
    expect(ran.stdout).toBe('1 imported, 0 duplicates skipped, 1 error, 1 review status set\n');
  });
});

describe('attributes over the store limits', () => {
  it('are refused on their line, the other lines imported', async () => {
    await exportGrown('jsonl', 'attributes.jsonl');
    const [, good] = (await readFile(join(dir, 'attributes.jsonl'), 'utf8')).trim().split('\n');
    const record = JSON.parse(good!) as Record<string, unknown>;
    const many = Object.fromEntries(Array.from({ length: 33 }, (_, n) => [`a${n}`, 'v']));
    const lines = [
      { ...record, id: 'long-value', attributes: { source: 'y'.repeat(1_001) } },
      { ...record, id: 'many', attributes: many },
      { ...record, id: 'long-name', attributes: { ['n'.repeat(65)]: 'v' } },
      record,
    ];
    await writeFile(join(dir, 'attributes.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
    const ran = await runMargin(
      dir,
      ['import', 'attributes.jsonl', '-c', 'corpus', '-s', 'attributes-store'],
      { env: env() },
    );
    expect(ran.stderr).toBe(
      [
        'margin import: attributes.jsonl:1: attributes: an attribute value holds at most 1,000 characters; source has 1,001',
        'margin import: attributes.jsonl:2: attributes: an annotation holds at most 32 attributes; these are 33',
        'margin import: attributes.jsonl:3: attributes: an attribute name holds at most 64 characters',
        '',
      ].join('\n'),
    );
    expect(ran.stdout).toBe('1 imported, 0 duplicates skipped, 3 errors, 1 review status set\n');
  });
});

describe('annotator names', () => {
  it('a name --annotator refuses is a refused line, and never a folder of the store', async () => {
    await exportGrown('jsonl', 'names.jsonl');
    const [, good] = (await readFile(join(dir, 'names.jsonl'), 'utf8')).trim().split('\n');
    const record = JSON.parse(good!) as Record<string, unknown>;
    const lines = ['__proto__', '../../etc', 'ana'].map((annotator) =>
      JSON.stringify({ ...record, annotator }),
    );
    await writeFile(join(dir, 'names.jsonl'), lines.join('\n'));
    const ran = await runMargin(dir, ['import', 'names.jsonl', '-c', 'corpus', '-s', 'names'], {
      env: env(),
    });
    expect(ran.stderr).toBe(
      [
        'margin import: names.jsonl:1: annotator: not a usable name (a name cannot be __proto__)',
        'margin import: names.jsonl:2: annotator: not a usable name (a name cannot hold / or \\)',
        '',
      ].join('\n'),
    );
    expect(ran.stdout).toBe('1 imported, 0 duplicates skipped, 2 errors, 1 review status set\n');
    // Before, the store held folders `__proto__` and `%2E.%2F..%2Fetc` that stats listed.
    const folders = (await readdir(join(dir, 'names'))).filter((name) => !name.startsWith('.'));
    expect(folders).toEqual(['ana']);
  });
});

describe('a csv export given to import', () => {
  it('is refused in one line that says what can be imported', async () => {
    const exported = await runMargin(
      dir,
      ['export', '-c', 'corpus', '-s', 'store', '--format', 'csv', '--out', 'sheet.csv'],
      { env: env() },
    );
    expect(exported.status).toBe(0);
    // Named otherwise, it is known by margin's header; with --format prodigy too.
    await cp(join(dir, 'sheet.csv'), join(dir, 'sheet.txt'));
    for (const [file, format] of [
      ['sheet.csv', 'jsonl'],
      ['sheet.txt', 'jsonl'],
      ['sheet.csv', 'prodigy'],
    ]) {
      const ran = await runMargin(
        dir,
        ['import', file!, '--format', format!, '-c', 'corpus', '-s', 'csv-store'],
        { env: env() },
      );
      // Before: a "not valid JSON" line for each row, then "0 imported".
      expect(ran.stderr).toBe(
        `margin import: ${file} is csv, which margin exports for spreadsheets but cannot import: export jsonl to bring annotations back (importable: jsonl, prodigy, doccano, label-studio, brat, w3c)\n`,
      );
      expect(ran.stdout).toBe('');
      expect(ran.status).toBe(2);
    }
  });
});

describe('a brat folder without .ann files', () => {
  // polish54: it was refused with status 1, where another format's export of nothing (brat's is
  // such a folder) is a warning with status 0.
  it('is said in one line, not "0 imported, 0 errors" alone, as an empty file is', async () => {
    await mkdir(join(dir, 'no-ann', 'deeper'), { recursive: true });
    await writeFile(join(dir, 'no-ann', 'deeper', 'text.txt'), 'Only text here.');
    const ran = await runMargin(
      dir,
      ['import', 'no-ann', '--format', 'brat', '-c', 'corpus', '-s', 'brat-store'],
      { env: env() },
    );
    expect(ran.stderr).toBe(
      'margin import: warning: no-ann has no .ann file in it or below it: nothing to import\n',
    );
    expect(ran.stdout).toBe('0 imported, 0 duplicates skipped, 0 errors\n');
    expect(ran.status).toBe(0);
  });
});
