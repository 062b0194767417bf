import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMargin } from '../helpers/built-cli.js';

/** What no name may bring to a terminal raw: controls, bidi, zero-width, U+FFFD for bad bytes. */
const HIDDEN =
  /[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufffd]/;

const ARTICLE = (n: number) =>
  `Talks number ${n} resumed\n\nNegotiators met in Geneva on Tuesday, officials said. The talks will resume on Friday, both delegations confirmed.\n`;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'margin-names-'));
  const corpus = join(dir, 'corpus');
  await mkdir(corpus);
  await writeFile(join(corpus, 'zero\u200bwidth.txt'), ARTICLE(1));
  await writeFile(join(corpus, 'right\u200fmark.txt'), ARTICLE(2));
  await writeFile(join(corpus, 'over\u202eride.txt'), ARTICLE(3));
  await writeFile(join(corpus, 'esc\x1b[2J.txt'), ARTICLE(4));
  await writeFile(join(corpus, 'two  spaces.txt'), ARTICLE(5));
  await writeFile(join(corpus, 'empty\u200b.txt'), '');
  // A name in Latin-1, as an old archive unpacks it: not UTF-8.
  await writeFile(
    Buffer.concat([Buffer.from(`${corpus}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]),
    ARTICLE(6),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function hiddenLines(text: string): string[] {
  return text.split('\n').filter((line) => HIDDEN.test(line));
}

describe('file names with hidden characters are shown escaped, the same in every command', () => {
  it('list: ids escaped, problems naming the file escaped, spaces kept', async () => {
    const ran = await runMargin(dir, ['list', '-c', 'corpus']);
    expect(hiddenLines(ran.stdout + ran.stderr)).toEqual([]);
    const ids = ran.stdout
      .split('\n')
      .slice(1)
      .map((line) => line.split('  ')[0])
      .filter(Boolean);
    expect(ids).toEqual(
      expect.arrayContaining([
        'zero\\u200bwidth',
        'right\\u200fmark',
        'over\\u202eride',
        'esc\\u001b[2J',
      ]),
    );
    expect(ran.stderr).toContain('margin list: corpus/empty\\u200b.txt: empty file\n');
    expect(ran.stderr).toContain(
      'margin list: corpus/caf\\ufffd.txt: its name is not valid UTF-8, and margin cannot open it by name: rename the file\n',
    );
    expect(ran.status).toBe(1);
  });

  it('index, search, show and export say the same names the same way', async () => {
    const index = await runMargin(dir, ['index', '-c', 'corpus']);
    expect(index.stderr).toContain('margin index: corpus/empty\\u200b.txt: empty file\n');
    const search = await runMargin(dir, ['search', '-c', 'corpus', '-s', 'store', 'Geneva']);
    expect(search.stdout).toContain('zero\\u200bwidth');
    const show = await runMargin(dir, ['show', 'corpus/empty\u200b.txt']);
    expect(show.stderr).toBe('margin show: corpus/empty\\u200b.txt: empty file\n');
    const missing = await runMargin(dir, ['show', 'no\u200fpe.txt']);
    expect(missing.stderr).toBe('margin show: no\\u200fpe.txt: no such file\n');
    const out = await runMargin(dir, [
      'export',
      '-c',
      'corpus',
      '-s',
      'corpus/x\u200b',
      '--format',
      'csv',
      '--out',
      'x',
    ]);
    for (const ran of [index, search, show, missing, out])
      expect(hiddenLines(ran.stdout + ran.stderr)).toEqual([]);
  });
});
