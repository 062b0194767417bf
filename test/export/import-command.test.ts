import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { command as importCommand } from '../../source/commands/import.js';
import { loadCorpus } from '../../source/corpus/index.js';
import { openRepository } from '../../source/store/index.js';
import { run, useWorkspace } from './workspace.js';

/** Every store file and its bytes, to show what an import did and did not touch. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const annotator of await readdir(root)) {
    if (annotator.startsWith('.')) continue;
    for (const name of await readdir(join(root, annotator))) {
      if (name.endsWith('.json')) {
        files[`${annotator}/${name}`] = await readFile(join(root, annotator, name), 'utf8');
      }
    }
  }
  return files;
}

describe('margin import', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it('reports bad lines with their numbers, adds the good ones and changes nothing stored', async () => {
    const dir = await workspace();
    const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
    const uni = articles.find((a) => a.id === 'uni')!;
    const alice = await openRepository({ root: join(dir, 'store'), annotator: 'alice', articles });
    await alice.tag(uni, uni.sentences[0]!.id, 'quote');
    await alice.annotate(uni, uni.sentences[0]!.id, { note: 'mine' });
    await alice.close();
    const before = await snapshot(join(dir, 'store'));

    const [first, second] = uni.sentences;
    const line = (extra: Record<string, unknown>) =>
      JSON.stringify({ article: 'uni', annotator: 'alice', label: 'quote', ...extra });
    await writeFile(
      join(dir, 'in.jsonl'),
      [
        // The same tag alice has, without the note: a duplicate, not a change.
        line({ text: first!.text, start: 0, end: [...first!.text].length }),
        line({ article: 'nope', text: 'x', start: 0, end: 1 }),
        line({ label: 'event', text: second!.text, start: 0, end: 1, note: 'from dana' }),
        '{"article": "uni"',
      ].join('\n'),
    );
    const result = await run(importCommand, dir, ['in.jsonl'], { format: 'jsonl' });
    expect(result.stderr).toBe(
      [
        'margin import: in.jsonl:2: unknown article "nope"',
        "margin import: in.jsonl:4: not valid JSON: column 18: the text ends; expected ',' or '}'",
        '',
      ].join('\n'),
    );
    expect(result.stdout).toBe('1 imported, 1 duplicate skipped, 2 errors\n');
    expect(result.status).toBe(1);

    const after = await snapshot(join(dir, 'store'));
    expect(Object.keys(after)).toEqual(Object.keys(before));
    const stored = JSON.parse(after['alice/uni.json']!) as {
      annotations: Array<{ label: string; note?: string; anchor: { quote: string } }>;
    };
    // The existing annotation keeps its note; the new one was re-anchored by its quote.
    expect(stored.annotations.map((a) => [a.label, a.note, a.anchor.quote])).toEqual([
      ['quote', 'mine', first!.text],
      ['event', 'from dana', second!.text],
    ]);
  });

  it("writes the other annotators' files when one folder cannot be written", async () => {
    const dir = await workspace();
    const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
    const uni = articles.find((a) => a.id === 'uni')!;
    const text = uni.sentences[0]!.text;
    const line = (annotator: string) =>
      JSON.stringify({ article: 'uni', annotator, label: 'quote', text, start: 0, end: 1 });
    await mkdir(join(dir, 'store'), { recursive: true });
    // A file where bob's folder would be: even root cannot write into it.
    await writeFile(join(dir, 'store', 'bob'), 'not a folder');
    await writeFile(join(dir, 'in.jsonl'), [line('bob'), line('alice')].join('\n'));
    const result = await run(importCommand, dir, ['in.jsonl'], { format: 'jsonl' });
    // Before, the first file refused ended the import: alice's was never written, no summary.
    expect(result.stderr).toBe(
      'margin import: cannot save store/bob/uni.json: a part of its path is a file, not a folder\n',
    );
    expect(result.stdout).toBe('1 imported, 0 duplicates skipped, 0 errors, 1 not saved (above)\n');
    expect(result.status).toBe(1);
    expect(await readdir(join(dir, 'store', 'alice'))).toEqual(['uni.json']);
  });

  it('lists the first 50 refused lines of a file wrong throughout, then how many more', async () => {
    const dir = await workspace();
    // Numbers, not annotations: another tool's output given by mistake, 120 lines of it.
    await writeFile(join(dir, 'in.jsonl'), '12\n'.repeat(120));
    const result = await run(importCommand, dir, ['in.jsonl'], { format: 'jsonl' });
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(51);
    expect(lines[0]).toBe(
      'margin import: in.jsonl:1: a JSON number, where each line is one JSON object',
    );
    expect(lines[49]).toBe(
      'margin import: in.jsonl:50: a JSON number, where each line is one JSON object',
    );
    expect(lines[50]).toBe(
      'margin import: in.jsonl: 70 more refused lines after in.jsonl:50 (--all-errors lists every one)',
    );
    expect(result.stdout).toBe('0 imported, 0 duplicates skipped, 120 errors\n');
    expect(result.status).toBe(1);

    const all = await run(importCommand, dir, ['in.jsonl'], { format: 'jsonl', allErrors: true });
    expect(all.stderr.trimEnd().split('\n')).toHaveLength(120);
    expect(all.stderr).toContain('in.jsonl:120: a JSON number');
  });

  it('lists refused lines with --all-errors as it reads them, not held to the end', async () => {
    const dir = await workspace();
    const stdin = new PassThrough();
    // Two lines of 2 M characters fill a batch of lines, which is parsed before the file ends.
    const string = `${JSON.stringify('x'.repeat(2 * 1024 * 1024))}\n`;
    stdin.write(string + string);
    let seen = '';
    let listedBeforeTheEnd = false;
    const result = run(
      importCommand,
      dir,
      ['-'],
      { format: 'jsonl', allErrors: true },
      stdin,
      (piece) => {
        seen += piece;
        if (seen.includes('stdin:2:') && !stdin.writableEnded) {
          listedBeforeTheEnd = true;
          stdin.end('12\n');
        }
      },
    );
    // The old way printed nothing until the end: end it in time to see that fail, not hang.
    for (let turn = 0; turn < 2000 && !stdin.writableEnded; turn++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    if (!stdin.writableEnded) stdin.end('12\n');
    const { stderr, stdout } = await result;
    expect(listedBeforeTheEnd).toBe(true);
    expect(stderr).toBe(
      [
        'margin import: stdin:1: a JSON string, where each line is one JSON object',
        'margin import: stdin:2: a JSON string, where each line is one JSON object',
        'margin import: stdin:3: a JSON number, where each line is one JSON object',
        '',
      ].join('\n'),
    );
    expect(stdout).toBe('0 imported, 0 duplicates skipped, 3 errors\n');
  });

  it('names a missing file', async () => {
    const dir = await workspace();
    const result = await run(importCommand, dir, ['gone.jsonl'], { format: 'jsonl' });
    expect(result.stderr).toBe('margin import: gone.jsonl: no such file\n');
    expect(result.status).toBe(1);
  });
});
