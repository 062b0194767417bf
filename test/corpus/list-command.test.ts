import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command } from '../../source/commands/list.js';
import { runCommand } from '../../source/commands/run.js';
import { captureIO } from './capture-io.js';
import { GOOD_ARTICLE, tempCorpus } from './temp-corpus.js';

const corpus = tempCorpus();
const ROOT = join(import.meta.dirname, '..', '..');
let cache: string;

beforeEach(async () => {
  cache = await mkdtemp(join(tmpdir(), 'margin-list-cache-'));
});
afterEach(async () => {
  await rm(cache, { recursive: true, force: true });
});

async function list(corpus: string, json = false, columns?: number, cwd = ROOT) {
  const captured = captureIO(cwd, { XDG_CACHE_HOME: cache }, columns);
  const status = await runCommand(command, [], { corpus, json }, captured.io);
  return { status, stdout: captured.stdout(), stderr: captured.stderr() };
}

const SEED_TABLE = `ID                    TITLE                                                                                                         DATE        SOURCE            SENTENCES
000_4b207f45d15cbf96  Russia said on Friday it is preparing for…                                                                    2025-03-14  The National             23
001_d7fb493d5d978b6e  Putin-Trump Meeting Dates to Be Discussed After U.S. Envoy Briefs White House on Ukraine Talks, Kremlin Says  -           The Moscow Times         12
002_95852239c1d84bad  Putin’s Ukraine ceasefire proposal headed to Trump                                                            -           -                        25
003_0a02ae9bd8ded74f  Kremlin says it "brought positions closer" with US and even discussed "direct talks" with Ukraine             2025-04-25  Ukrainska Pravda          8
004_acb5286eff63b7e7  Steve Witkov arrived in Moscow and informed the…                                                              -           Mehr News Agency         24
`;

describe('margin list', () => {
  it('lists the seeds in aligned columns', async () => {
    expect(await list('seeds')).toEqual({ status: 0, stdout: SEED_TABLE, stderr: '' });
  });

  it('gives the same listing from the cache', async () => {
    await list('seeds');
    expect(await list('seeds')).toEqual({ status: 0, stdout: SEED_TABLE, stderr: '' });
  });

  it('fits a terminal, shortening titles', async () => {
    const result = await list('seeds', false, 100);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(100);
    expect(lines[2]).toBe(
      '001_d7fb493d5d978b6e  Putin-Trump Meeting Dates to Be Disc…  -           The Moscow Times         12',
    );
  });

  it('prints a JSON array with metadata and sentence counts', async () => {
    const result = await list('seeds', true);
    const rows = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(5);
    expect(rows[3]).toEqual({
      id: '003_0a02ae9bd8ded74f',
      path: 'seeds/003_0a02ae9bd8ded74f.txt',
      title:
        'Kremlin says it "brought positions closer" with US and even discussed "direct talks" with Ukraine',
      date: '2025-04-25',
      byline: 'Oleh Pavliuk, Yevhen Kizilov',
      source: 'Ukrainska Pravda',
      sentences: 8,
      warnings: [],
    });
  });

  it("names each page's writer and outlet, not its publisher or its host (qa54 #5)", async () => {
    const body = `<article><h1>Port reopens after storm</h1>${'<p>The port of Varna reopened on Monday after a storm closed it for a week, officials said.</p>'.repeat(3)}</article>`;
    const page = (head: string) =>
      `<html><head><title>Port reopens after storm</title>${head}</head><body>${body}</body></html>`;
    const person = (name: string) =>
      `<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"${name}"}]}</script>`;
    await corpus.write(
      'a-magazine.html',
      page(
        `<meta name="author" content="Condé Nast"><meta property="og:site_name" content="Wired">${person('Louise Matsakis')}`,
      ),
    );
    await corpus.write(
      'b-hosted.html',
      page(
        '<meta property="og:site_name" content="Hosted"><meta property="og:url" content="https://hosted.ap.org/eagle/article/1/port">',
      ),
    );
    await corpus.write(
      'c-stem.html',
      page(
        `<meta property="og:site_name" content="nj"><meta property="article:author" content="Amy Kuperinsky"><link rel="canonical" href="https://www.nj.com/news/port.html">${person('Amy Kuperinsky | NJ Advance Media for NJ.com')}`,
      ),
    );
    await corpus.write(
      'd-own-name.html',
      page(
        `<meta property="og:site_name" content="Coast News"><meta property="og:url" content="https://news.coastnews.example/port">${person('Coast News')}`,
      ),
    );
    const rows = JSON.parse((await list(corpus.root(), true)).stdout) as Array<{
      byline: string | null;
      source: string | null;
    }>;
    expect(rows.map(({ byline, source }) => [byline, source])).toEqual([
      ['Louise Matsakis', 'Wired'],
      [null, 'Associated Press'],
      ['Amy Kuperinsky', 'nj.com'],
      [null, 'Coast News'],
    ]);
    const table = (await list(corpus.root(), false, 120)).stdout.split('\n');
    expect(table[2]).toMatch(/^b-hosted +Port reopens after storm +- +Associated Press +3$/);
    expect(table[3]).toMatch(/^c-stem +Port reopens after storm +- +nj\.com +3$/);
  });

  it('lists the readable files, names the others on stderr and exits 1', async () => {
    await corpus.write('good.txt', GOOD_ARTICLE);
    await corpus.write('empty.txt', '');
    const result = await list('.', false, undefined, corpus.root());
    expect(result).toEqual({
      status: 1,
      stdout: `ID    TITLE                   DATE  SOURCE  SENTENCES
good  Talks resume in Geneva  -     -               2
`,
      stderr: 'margin list: empty.txt: empty file\n',
    });
  });

  it('names the first five such files and counts the rest: an archive in a legacy encoding is not flooded', async () => {
    for (const n of [1, 2, 3, 4, 5, 6, 7]) {
      await corpus.write(
        `ansi${n}.txt`,
        `Talks resume in Geneva\n\nThe minister said \x1b[31mthe plan\x1b[0m was approved on day ${n}. Talks go on.\n`,
      );
    }
    const lines = (await list('.', false, undefined, corpus.root())).stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(
      lines.slice(0, 5).every((line) => /^margin list: warning: ansi\d\.txt: removed 2/.test(line)),
    ).toBe(true);
    expect(lines[5]).toBe(
      'margin list: warning: and 2 more files whose text is not as written: margin show FILE says what',
    );
  });

  it('names a file whose escape sequences were removed, as show does, once a file', async () => {
    await corpus.write('good.txt', GOOD_ARTICLE);
    await corpus.write(
      'ansi.txt',
      'Talks resume in Geneva\n\nThe minister said \x1b]0;owned\x07the plan \x1b[31mwas\x1b[0m approved on Monday. Talks go on.\n',
    );
    const warning =
      'margin list: warning: ansi.txt: removed 3 terminal escape sequences (19 characters); the text around them is kept\n';
    const table = await list('.', false, undefined, corpus.root());
    expect(table.status).toBe(0);
    expect(table.stdout.split('\n').map((line) => line.split(' ')[0])).toEqual([
      'ID',
      'ansi',
      'good',
      '',
    ]);
    expect(table.stderr).toBe(warning);
    // From the index as it was kept, and with --json, the same one line.
    expect((await list('.', false, undefined, corpus.root())).stderr).toBe(warning);
    expect((await list('.', true, undefined, corpus.root())).stderr).toBe(warning);
  });

  it('shows escape sequences in file names as visible escapes', async () => {
    await corpus.write('\x1b[31mred.txt', GOOD_ARTICLE);
    await corpus.write(
      '\x1b]0;owned\x07.png',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    const result = await list('.', false, undefined, corpus.root());
    expect(result.stdout).toContain('\\u001b[31mred  Talks resume in Geneva');
    expect(result.stderr).toBe(
      'margin list: \\u001b]0;owned\\u0007.png: not a text file (PNG image)\n',
    );
    expect(result.stdout + result.stderr).not.toMatch(/[\x07\x1b]/);
  });

  it('keeps rows short when one file opens with a word of a whole page', async () => {
    // A scraped page saved with an inline image's base64 as its text.
    await corpus.write('good.txt', GOOD_ARTICLE);
    await corpus.write('wall.txt', `${'iVBORw0KGgo'.repeat(20_000)} ends here.\n`);
    const result = await list('.', false, undefined, corpus.root());
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.split(' ')[0])).toEqual(['ID', 'good', 'wall']);
    for (const line of lines) expect(stringWidth(line)).toBeLessThan(200);
    expect(lines[2]).toMatch(/^wall {2}iVBORw0KGgoiVBORw0KGgo\S*… +- +- +1$/);
  });

  it('says when the corpus folder does not exist', async () => {
    expect(await list('no-such-folder')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'margin list: corpus folder not found: no-such-folder\n',
    });
  });

  it('names a file with no article text as a problem instead of listing it', async () => {
    await corpus.write('good.txt', GOOD_ARTICLE);
    await corpus.write(
      'x.txt',
      Uint8Array.from([0xff, 0xfe, 0, 0, ...Buffer.from('garbage'), 0, 1]),
    );
    const result = await list(corpus.root(), false, undefined, corpus.root());
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n').map((line) => line.split(' ')[0])).toEqual(['ID', 'good', '']);
    expect(result.stderr).toBe(`margin list: ${corpus.root()}/x.txt: no article text found\n`);
  });
});
