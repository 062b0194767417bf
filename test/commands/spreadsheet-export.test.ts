import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../source/commands/index.js';
import { type About, main } from '../../source/commands/main.js';
import { captureIO } from '../corpus/capture-io.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ABOUT = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as About;
const TEXT = 'The council met on Monday and voted on the budget.';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'margin-spreadsheet-'));
  mkdirSync(join(dir, 'corpus'));
  // Scrapers number their files; one page is a single 40,000-word line.
  for (const id of ['007', '1e5', 'plain']) {
    writeFileSync(join(dir, 'corpus', `${id}.txt`), `Title ${id}\n\n${TEXT}\n`);
  }
  const huge = `${'word '.repeat(40_000).trim()}.`;
  writeFileSync(join(dir, 'corpus', 'hugeline.txt'), `Huge\n\n${huge}\n`);
  const line = (article: string, text: string) =>
    JSON.stringify({ article, annotator: 'fc', label: 'claim', text, start: 0, end: text.length });
  writeFileSync(
    join(dir, 'import.jsonl'),
    `${[line('007', TEXT), line('1e5', TEXT), line('plain', TEXT), line('hugeline', huge)].join('\n')}\n`,
  );
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function margin(...args: string[]) {
  const env = {
    ...process.env,
    NO_COLOR: '1',
    MARGIN_ANNOTATOR: 'fc',
    MARGIN_PROJECT: '',
    XDG_CACHE_HOME: join(dir, 'cache'),
  };
  const captured = captureIO(dir, env);
  const status = await main(args, captured.io, ABOUT, commands);
  return { status, stdout: captured.stdout(), stderr: captured.stderr() };
}

describe('a csv export a spreadsheet would change', () => {
  it('says which rows Excel cuts and which ids it turns into numbers, each in one line', async () => {
    const args = ['-c', 'corpus', '-s', 'store'];
    expect((await margin('import', 'import.jsonl', '--format', 'jsonl', ...args)).status).toBe(0);
    const expected = [
      'margin export: warning: 1 row holds a cell longer than 32,767 characters, which Excel cuts without a word: row 4 (article "hugeline"); jsonl keeps every cell whole',
      'margin export: warning: 2 values a spreadsheet reads as a number or a date and saves back changed (007, 1e5 in article): open the file as text, see "In a spreadsheet" in docs/readme/export.md',
      '',
    ];
    // Both ways an export is made: from the store's files, then from what the first kept.
    for (const out of ['first.csv', 'second.csv']) {
      const written = await margin('export', '--format', 'csv', '--out', out, ...args);
      expect([out, written.status, written.stderr.split('\n')]).toEqual([out, 0, expected]);
    }
    const stdout = await margin('export', '--format', 'csv', ...args);
    expect(stdout.stderr.split('\n')).toEqual(expected);
    // Nothing to say of jsonl, nor of a csv with neither.
    expect((await margin('export', '--format', 'jsonl', ...args)).stderr).toBe('');
    const plain = await margin('export', '--format', 'csv', '--article', 'plain', ...args);
    expect(plain.stderr).toBe('');
  });
});
