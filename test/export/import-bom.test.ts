import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { command as importCommand } from '../../source/commands/import.js';
import { run, useWorkspace } from './workspace.js';

/**
 * Byte-order marks in a jsonl import. What margin does: a BOM at the start of the file or at the
 * start of any later line (files joined with `cat`, a line pasted from a spreadsheet) is taken as
 * nothing; a BOM anywhere else outside a string is refused with the line and column, named as a
 * BOM (it is invisible); a file in UTF-16 with its BOM (Windows PowerShell 5's `>`) is read as
 * such.
 */

const BOM = '\uFEFF';
const line = (label: string, annotator = 'dana') =>
  JSON.stringify({
    article: 'uni',
    annotator,
    label,
    text: 'Nobody said “no” to the plan.',
    start: 0,
    end: 1,
  });

async function importFile(workspace: () => Promise<string>, content: string | Buffer) {
  const dir = await workspace();
  await writeFile(join(dir, 'in.jsonl'), content);
  return { dir, result: await run(importCommand, dir, ['in.jsonl'], { format: 'jsonl' }) };
}

function utf16(text: string, bigEndian: boolean): Buffer {
  const le = Buffer.from(`${BOM}${text}`, 'utf16le');
  return bigEndian ? le.swap16() : le;
}

describe('a jsonl import and byte-order marks', () => {
  const workspace = useWorkspace({ indexedCorpus: true });
  it('takes a file that starts with a BOM', async () => {
    const { result } = await importFile(workspace, `${BOM}${line('claim')}\n${line('quote')}\n`);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('2 imported, 0 duplicates skipped, 0 errors\n');
    expect(result.status).toBe(0);
  });

  it('takes a BOM at the start of a later line, as two files joined with cat', async () => {
    const joined = `${BOM}${line('claim')}\n${BOM}${line('quote')}\r\n${BOM}${line('event')}\r\n`;
    const { result } = await importFile(workspace, joined);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('3 imported, 0 duplicates skipped, 0 errors\n');
  });

  it('refuses a BOM inside a line, naming the line and the mark, and imports the rest', async () => {
    // The first file had no newline at its end: the second one's BOM is in the middle of a line.
    const { result } = await importFile(
      workspace,
      `${line('claim')}\n${line('quote')}${BOM}${line('event')}\n`,
    );
    const column = line('quote').length + 1;
    expect(result.stderr).toBe(
      `margin import: in.jsonl:2: not valid JSON: column ${column}: expected nothing after the value, found a byte-order mark (U+FEFF), taken only at the start of a line\n`,
    );
    expect(result.stdout).toBe('1 imported, 0 duplicates skipped, 1 error\n');
    expect(result.status).toBe(1);
  });

  it('names an invisible character where JSON broke by its code point', async () => {
    const { result } = await importFile(workspace, `\u00a0${line('claim')}\n`);
    expect(result.stderr).toMatch(
      /in\.jsonl:1: not valid JSON: column 1: expected .*, found U\+00A0\n$/,
    );
  });

  it.each([
    ['little-endian', false],
    ['big-endian', true],
  ])('reads a UTF-16 %s file by its BOM', async (_name, bigEndian) => {
    const { result } = await importFile(
      workspace,
      utf16(`${line('claim')}\r\n${line('quote')}\r\n`, bigEndian),
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('2 imported, 0 duplicates skipped, 0 errors\n');
  });

  it.each([
    ['little-endian', false, 'UTF-16LE'],
    ['big-endian', true, 'UTF-16BE'],
  ])('reads a UTF-16 %s file without a BOM, and says so', async (_name, bigEndian, order) => {
    const text = utf16(`${line('claim')}\n${line('quote')}\n`, bigEndian).subarray(2);
    const { result } = await importFile(workspace, text);
    expect(result.stderr).toBe(
      `margin import: warning: in.jsonl: no byte order mark: decoded as ${order}\n`,
    );
    expect(result.stdout).toBe('2 imported, 0 duplicates skipped, 0 errors\n');
  });
});

describe('an import file that is not text', () => {
  const workspace = useWorkspace({ indexedCorpus: true });
  // 2026-12-05: each "line" of its bytes was an error of its own (348 for 100 KB of noise).
  it.each([
    ['a gzip archive', gzipSync(`${line('claim')}\n`.repeat(50)), 'gzip archive'],
    [
      'random bytes',
      Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919 + (i >> 3) * 104729) % 256)),
      'binary data',
    ],
  ])('%s is refused in one line naming it', async (_name, bytes, kind) => {
    const { result } = await importFile(workspace, bytes);
    expect(result.stderr).toBe(`margin import: in.jsonl: not a text file (${kind})\n`);
    expect(result.status).toBe(1);
  });

  it("a stray NUL in a file of text is that line's problem only", async () => {
    const { result } = await importFile(workspace, `${line('claim')}\0\n${line('quote')}\n`);
    expect(result.stderr).toMatch(/^margin import: in\.jsonl:1: not valid JSON: .*\n$/);
    expect(result.stdout).toBe('1 imported, 0 duplicates skipped, 1 error\n');
  });
});

describe('an import from a named pipe', () => {
  const workspace = useWorkspace({ indexedCorpus: true });
  // 2026-12-05: margin waited for a writer without a word, as if it hung.
  it('says it reads what is written to the pipe, then imports it', async () => {
    const dir = await workspace();
    execFileSync('mkfifo', [join(dir, 'in.fifo')]);
    const importing = run(importCommand, dir, ['in.fifo'], { format: 'jsonl' });
    await writeFile(join(dir, 'in.fifo'), `${line('claim')}\n`);
    const result = await importing;
    expect(result.stderr).toBe(
      'margin import: in.fifo: a named pipe: reading what is written to it until it is closed\n',
    );
    expect(result.stdout).toBe('1 imported, 0 duplicates skipped, 0 errors\n');
  });
});
