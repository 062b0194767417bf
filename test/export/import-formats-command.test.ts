import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command as exportCommand } from '../../source/commands/export.js';
import { command as importCommand } from '../../source/commands/import.js';
import { loadCorpus } from '../../source/corpus/index.js';
import { openRepository } from '../../source/store/index.js';
import { run, useWorkspace } from './workspace.js';

/** alice and bob on the Unicode article: a note, attributes, and one sentence with two labels. */
async function team(dir: string) {
  const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
  const uni = articles.find((a) => a.id === 'uni')!;
  const [s0, s1, s2] = uni.sentences;
  const alice = await openRepository({ root: join(dir, 'store'), annotator: 'alice', articles });
  await alice.tag(uni, s0!.id, 'quote');
  await alice.tag(uni, s0!.id, 'claim');
  await alice.annotate(uni, s0!.id, {
    note: 'check the “translation”\nwith the desk',
    attributes: { speaker: 'the minister', claimant: 'Kremlin' },
  });
  await alice.tag(uni, s1!.id, 'event');
  await alice.close();
  const bob = await openRepository({ root: join(dir, 'store'), annotator: 'bob', articles });
  await bob.tag(uni, s2!.id, 'claim');
  await bob.close();
}

/** What the store holds, as a user compares two stores: the jsonl export without ids and dates. */
async function contents(dir: string, store: string): Promise<string[]> {
  const { stdout } = await run(exportCommand, dir, [], { format: 'jsonl', store });
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => {
      const { annotator, label, sentence, note, attributes } = JSON.parse(line);
      return JSON.stringify([annotator, label, sentence, note, attributes]);
    })
    .sort();
}

describe('margin import from every format margin exports', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it.each(['label-studio', 'prodigy', 'doccano', 'w3c'])(
    '%s from standard input, into the annotators the file names',
    async (format) => {
      const dir = await workspace();
      await team(dir);
      const exported = await run(exportCommand, dir, [], { format });
      expect(exported.status).toBe(0);
      const imported = await run(
        importCommand,
        dir,
        ['-'],
        { format, store: 'copy' },
        exported.stdout,
      );
      expect(imported.stderr).toBe('');
      expect(imported.stdout).toBe('4 imported, 0 duplicates skipped, 0 errors\n');
      expect(await contents(dir, 'copy')).toEqual(await contents(dir, 'store'));
      expect((await readdir(join(dir, 'copy'))).filter((name) => !name.startsWith('.'))).toEqual([
        'alice',
        'bob',
      ]);
    },
  );

  it.each(['label-studio', 'prodigy', 'doccano', 'w3c'])(
    'a %s file given without --format is read as that, and the summary says so',
    async (format) => {
      // qa59 #13: margin named the format, then refused the file until --format repeated it.
      const dir = await workspace();
      await team(dir);
      const exported = await run(exportCommand, dir, [], { format });
      await writeFile(join(dir, 'theirs.jsonl'), exported.stdout);
      const imported = await run(importCommand, dir, ['theirs.jsonl'], { store: 'copy' });
      expect(imported.stderr).toBe('');
      expect(imported.stdout).toBe(
        `read as ${format}: 4 imported, 0 duplicates skipped, 0 errors\n`,
      );
      expect(imported.status).toBe(0);
      expect(await contents(dir, 'copy')).toEqual(await contents(dir, 'store'));
    },
  );

  it('a Label Studio document on one line, read as lines first, is read again as a document', async () => {
    const dir = await workspace();
    await team(dir);
    const exported = await run(exportCommand, dir, [], { format: 'label-studio' });
    const oneLine = JSON.stringify(JSON.parse(exported.stdout));
    await writeFile(join(dir, 'tasks.json'), oneLine);
    const imported = await run(importCommand, dir, ['tasks.json'], { store: 'copy' });
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toBe(
      'read as label-studio: 4 imported, 0 duplicates skipped, 0 errors\n',
    );
    expect(await contents(dir, 'copy')).toEqual(await contents(dir, 'store'));
    // Standard input cannot be read again: that one case still asks for the format.
    const piped = await run(importCommand, dir, ['-'], { store: 'other' }, oneLine);
    expect([piped.status, piped.stderr]).toEqual([
      2,
      'margin import: standard input looks like label-studio, not jsonl, and cannot be read twice: use --format label-studio\n',
    ]);
  });

  it('a file that --format jsonl names but is another format is still refused', async () => {
    const dir = await workspace();
    await team(dir);
    const exported = await run(exportCommand, dir, [], { format: 'prodigy' });
    await writeFile(join(dir, 'theirs.jsonl'), exported.stdout);
    const imported = await run(importCommand, dir, ['theirs.jsonl'], { format: 'jsonl' });
    expect([imported.status, imported.stderr]).toEqual([
      2,
      'margin import: theirs.jsonl looks like prodigy, not jsonl: use --format prodigy, or leave --format out\n',
    ]);
  });

  it('warns on export that doccano drops overlapping spans unless the project allows them', async () => {
    const dir = await workspace();
    await team(dir);
    const exported = await run(exportCommand, dir, [], { format: 'doccano' });
    expect(exported.stderr).toBe(
      'margin export: 1 document(s) have overlapping spans (a sentence with several labels): turn on "Allow overlapping spans" in the doccano project before importing, or doccano keeps only one of them\n',
    );
    expect(exported.status).toBe(0);
  });

  it('brat from the exported folder, annotators from its folders', async () => {
    const dir = await workspace();
    await team(dir);
    expect((await run(exportCommand, dir, [], { format: 'brat', out: 'brat' })).status).toBe(0);
    const imported = await run(importCommand, dir, ['brat'], { format: 'brat', store: 'copy' });
    expect(imported.stdout).toBe('4 imported, 0 duplicates skipped, 0 errors\n');
    expect(await contents(dir, 'copy')).toEqual(await contents(dir, 'store'));
  });

  it('names the .ann file and line of a bad brat line, and imports the rest', async () => {
    const dir = await workspace();
    await mkdir(join(dir, 'brat', 'dana'), { recursive: true });
    await writeFile(join(dir, 'brat', 'dana', 'uni.txt'), 'ignored: the article is named');
    const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
    const uni = articles.find((a) => a.id === 'uni')!;
    await writeFile(join(dir, 'brat', 'dana', 'uni.txt'), uni.text);
    await writeFile(
      join(dir, 'brat', 'dana', 'uni.ann'),
      'T1\tClaim 0 10\t“Мы готовы к\nT2\tPerson 0 3\tx\nA1\tspeaker T9 x\n',
    );
    const result = await run(importCommand, dir, ['brat'], { format: 'brat' });
    expect(result.stderr).toBe(
      [
        'margin import: brat/dana/uni.ann:2: "Person" is not one of claim, quote, event',
        'margin import: brat/dana/uni.ann:3: T9 is not a text-bound annotation above this line',
        '',
      ].join('\n'),
    );
    expect(result.stdout).toBe('1 imported, 0 duplicates skipped, 2 errors\n');
    expect(result.status).toBe(1);
  });

  it('refuses standard input for brat, which reads a folder', async () => {
    const dir = await workspace();
    expect(await run(importCommand, dir, ['-'], { format: 'brat' })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'margin import: brat reads a folder, not standard input\n',
    });
  });

  it('reads jsonl lines that start with a byte order mark, and says why a line is not JSON', async () => {
    const dir = await workspace();
    const line = (label: string) =>
      `\uFEFF${JSON.stringify({ article: 'uni', annotator: 'dana', label, text: 'Nobody said “no” to the plan.', start: 0, end: 1 })}`;
    const result = await run(
      importCommand,
      dir,
      ['-'],
      { format: 'jsonl' },
      [line('claim'), line('quote'), '{"article": "uni",, "label": "claim"}'].join('\n'),
    );
    expect(result.stderr).toBe(
      'margin import: stdin:3: not valid JSON: column 19: expected a property name in double quotes, found ","\n',
    );
    expect(result.stdout).toBe('2 imported, 0 duplicates skipped, 1 error\n');
  });

  // qa51 #10: each task was refused with "data: missing", and nothing said what the file was.
  it("names Label Studio's JSON-MIN export once, with the way to the full JSON", async () => {
    const dir = await workspace();
    const task = (id: number) => ({
      id,
      text: 'Nobody said “no” to the plan.',
      article: 'uni',
      label: [{ start: 0, end: 29, text: 'Nobody said “no” to the plan.', labels: ['Claim'] }],
      annotator: 1,
      annotation_id: id,
      created_at: '2026-01-01',
      lead_time: 3.2,
    });
    const minimal = `[\n${JSON.stringify(task(1))},\n${JSON.stringify(task(2))}\n]\n`;
    const result = await run(importCommand, dir, ['-'], { format: 'label-studio' }, minimal);
    expect(result.stderr).toBe(
      `margin import: stdin:2: this is Label Studio's JSON-MIN export, which loses which region each attribute belongs to: export the project as "JSON" instead and import that\n` +
        'margin import: stdin:3: a JSON-MIN task, as on line 2\n',
    );
    expect(result.stdout).toBe('0 imported, 0 duplicates skipped, 2 errors\n');
    expect(result.status).toBe(1);
    // A full JSON task that lacks its data is still told so.
    const bare = await run(importCommand, dir, ['-'], { format: 'label-studio' }, '[{"id": 1}]');
    expect(bare.stderr).toBe('margin import: stdin:1: data: missing\n');
  });

  // qa51 #13: an empty file gave "0 imported, 0 duplicates skipped, 0 errors" and nothing else,
  // and as a Label Studio or W3C document a JSON error.
  it('says that a file holds nothing, in every format, and imports nothing', async () => {
    const dir = await workspace();
    await writeFile(join(dir, 'empty.jsonl'), '');
    expect(await run(importCommand, dir, ['empty.jsonl'], { format: 'jsonl' })).toEqual({
      status: 0,
      stdout: '0 imported, 0 duplicates skipped, 0 errors\n',
      stderr: 'margin import: warning: empty.jsonl is empty: nothing to import\n',
    });
    for (const format of ['prodigy', 'doccano', 'label-studio', 'w3c']) {
      for (const text of ['', ' \n\n', '\uFEFF\n']) {
        const result = await run(importCommand, dir, ['-'], { format }, text);
        expect([format, result.status, result.stderr]).toEqual([
          format,
          0,
          'margin import: warning: stdin is empty: nothing to import\n',
        ]);
      }
    }
    // A W3C collection of no items (what an export of nothing writes) holds as little.
    const collection = JSON.stringify({ type: 'AnnotationCollection', first: { items: [] } });
    const none = await run(importCommand, dir, ['-'], { format: 'w3c' }, collection);
    expect([none.status, none.stdout, none.stderr]).toEqual([
      0,
      '0 imported, 0 duplicates skipped, 0 errors\n',
      'margin import: warning: stdin holds no annotations: nothing to import\n',
    ]);
  });

  // polish54: `[]` was refused with status 2 as jsonl, Prodigy or doccano, and was a warning
  // with status 0 as Label Studio (whose export of nothing it is) or W3C.
  it('says the same of an empty JSON array in every format, with status 0', async () => {
    const dir = await workspace();
    await writeFile(join(dir, 'empty.json'), '[]\n');
    await writeFile(join(dir, 'spread.json'), '\uFEFF[\n  \n]\n\n');
    for (const file of ['empty.json', 'spread.json']) {
      for (const format of ['jsonl', 'prodigy', 'doccano', 'label-studio', 'w3c']) {
        const result = await run(importCommand, dir, [file], { format });
        expect([format, result.status, result.stdout, result.stderr]).toEqual([
          format,
          0,
          '0 imported, 0 duplicates skipped, 0 errors\n',
          `margin import: warning: ${file} is an empty JSON array ([]): nothing to import\n`,
        ]);
      }
    }
    // A file of lines whose first line alone is `[]` holds something: that line is an error.
    await writeFile(join(dir, 'lines.jsonl'), '[]\n{"article": "a"}\n');
    const lines = await run(importCommand, dir, ['lines.jsonl'], { format: 'jsonl' });
    expect(lines.status).toBe(1);
    expect(lines.stderr).toMatch(/^margin import: lines\.jsonl:1: a JSON array, where each line/);
  });

  // verify52: `[]` as a format of lines gave the schema library's "expected object, received array".
  it('refuses a JSON array given as a format of lines in one line: the file, the format, what to do', async () => {
    const dir = await workspace();
    // Prodigy's tasks as one array, on one line or over several.
    const tasks = [
      { text: 'Some text.', spans: [] },
      { text: 'More.', spans: [] },
    ];
    await writeFile(join(dir, 'tasks.json'), JSON.stringify(tasks));
    await writeFile(join(dir, 'pretty.json'), JSON.stringify(tasks, null, 2));
    for (const file of ['tasks.json', 'pretty.json']) {
      const result = await run(importCommand, dir, [file], { format: 'prodigy' });
      expect([file, result.status, result.stdout, result.stderr]).toEqual([
        file,
        2,
        '',
        `margin import: ${file} is a JSON array, where prodigy is one JSON object a line: give it one element a line (jq -c '.[]' ${file} > lines.jsonl, then margin import lines.jsonl --format prodigy)\n`,
      ]);
    }
    // A Label Studio export given as doccano is named for what it is.
    const studio = JSON.stringify([{ id: 1, data: { text: 'Some text.' }, annotations: [] }]);
    const asDoccano = await run(importCommand, dir, ['-'], { format: 'doccano' }, studio);
    expect([asDoccano.status, asDoccano.stderr]).toEqual([
      2,
      'margin import: standard input is a JSON array, where doccano is one JSON object a line; it looks like label-studio: use --format label-studio\n',
    ]);
  });
});
