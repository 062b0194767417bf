import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../source/corpus/index.js';
import { FORMATS } from '../../source/export/formats.js';
import { openRepository } from '../../source/store/index.js';
import { patience } from '../helpers/patience.js';

const CLI = join(import.meta.dirname, '../../dist/cli.js');

/** What must never reach a terminal: ESC, BEL and the other C0 and C1 controls, bidi overrides. */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

const TITLE = 'e\x1b]0;pwned\x07vil';
const NAMES = {
  osc: `osc\x1b]0;pwned\x07.txt`,
  newline: 'new\nline.txt',
  bidi: 'bidi\u202etxt.txt',
  csi: 'csi\x1b[31mred.txt',
};
const ARTICLE =
  'Negotiators met in Geneva on Tuesday, officials said. The talks will resume on Friday, both delegations confirmed.\n';

let dir: string;

async function margin(...args: string[]) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, MARGIN_ANNOTATOR: 'ana' } },
      (error, stdout, stderr) => {
        const code = error ? (error as { code?: unknown }).code : 0;
        resolve({ status: typeof code === 'number' ? code : null, stdout, stderr });
      },
    );
  });
}

/**
 * The lines the tests below read more than once (story, stats, agree), each run once: they only
 * read the corpus and the store, which no test here changes but the import, whose one record is
 * refused (its article does not exist).
 */
const ran = new Map<string, ReturnType<typeof margin>>();
function marginOnce(...args: string[]): ReturnType<typeof margin> {
  const key = JSON.stringify(args);
  const result = ran.get(key) ?? margin(...args);
  ran.set(key, result);
  return result;
}

function controlsIn(text: string): string[] {
  const found: string[] = [];
  // CRLF ends a CSV line; a carriage return anywhere else is a control like any other.
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    if (CONTROL.test(line)) found.push(JSON.stringify(line));
  }
  return found;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'margin-hostile-'));
  const corpus = join(dir, 'corpus');
  await mkdir(corpus);
  for (const name of Object.values(NAMES)) await writeFile(join(corpus, name), ARTICLE);
  // A page whose title and source carry escapes by character reference, past the reader.
  await writeFile(
    join(corpus, 'page.html'),
    `<html><head><title>${TITLE.replace('\x1b', '&#27;').replace('\x07', '&#7;')}</title><meta property="og:site_name" content="Site&#27;[2J"></head><body><article><p>${ARTICLE}</p><p>A second paragraph with more words in it, said an official on Monday.</p></article></body></html>`,
  );
  // Refused files named with escapes: their names reach the problem messages.
  await writeFile(
    join(corpus, 'bad\x1b[2J.png'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  );
  await writeFile(join(corpus, 'empty\x07.txt'), '');

  const { articles } = await loadCorpus(corpus, { cacheDir: null });
  for (const annotator of ['e\x1b]0;x\x07vil', 'b\u202eob', 'ana', 'new\nline']) {
    const repository = await openRepository({ root: join(dir, 'store'), annotator, articles });
    for (const article of articles) {
      await repository.tag(article, article.sentences[0]!.id, 'claim');
      await repository.annotate(article, article.sentences[0]!.id, {
        note: 'note\x1b[2J with\nline',
        attributes: { 'spe\x1bker': 'P\x07eskov', constructor: 'c' },
      });
      await repository.setStatus(article.id, 'done');
    }
    await repository.close();
  }
  // A store file whose name holds an escape sequence, refused: its name is in the message.
  await writeFile(join(dir, 'store', 'ana', 'x\x1b]0;t\x07.json'), '{');
  await writeFile(join(dir, 'store', 'ana', 'new\nline.json'), '{');
  await writeFile(
    join(dir, 'import.jsonl'),
    `${JSON.stringify({ article: 'no\x1b[2Jsuch', annotator: 'z\x07', label: 'claim', start: 0, end: 3, text: 'abc' })}\n`,
  );
}, patience(6_000));

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const RUNS: Array<[string, string[]]> = [
  ['list', ['list', '-c', 'corpus']],
  ['list --json', ['list', '-c', 'corpus', '--json']],
  ['show', ['show', join('corpus', NAMES.osc)]],
  ['show --json', ['show', join('corpus', 'page.html'), '--json']],
  ['show a refused file', ['show', join('corpus', 'bad\x1b[2J.png')]],
  ['search', ['search', 'Geneva', '-c', 'corpus', '-s', 'store']],
  ['search --json', ['search', 'Geneva', '-c', 'corpus', '-s', 'store', '--json']],
  ['stats', ['stats', '-c', 'corpus', '-s', 'store']],
  ['stats --json', ['stats', '-c', 'corpus', '-s', 'store', '--json']],
  ['agree', ['agree', '-c', 'corpus', '-s', 'store']],
  ['orphans', ['orphans', '-c', 'corpus', '-s', 'store']],
  ['story', ['story', '-c', 'corpus', '-s', 'store']],
  ['import', ['import', 'import.jsonl', '-c', 'corpus', '-s', 'store']],
  ['split', ['split', join('corpus', NAMES.csi), join('corpus', 'no\x1b[2Jsuch.txt')]],
  ['an unknown command', ['b\x1b[2Jad']],
  ['an unknown option', ['list', '--x\x1b[2J']],
  ...FORMATS.filter((format) => format !== 'brat').map((format): [string, string[]] => [
    `export ${format}`,
    ['export', '-f', format, '-c', 'corpus', '-s', 'store', '--article', 'gone\x1b[2J'],
  ]),
];

describe('a corpus and a store full of hostile names', () => {
  it.each(RUNS)('%s prints no control character, in any byte', async (_name, args) => {
    const result = await marginOnce(...args);
    expect(controlsIn(result.stdout), 'stdout').toEqual([]);
    expect(controlsIn(result.stderr), 'stderr').toEqual([]);
    // Each command had something to say: the test would pass vacuously on empty output.
    expect(result.stdout.length + result.stderr.length).toBeGreaterThan(0);
  });

  // A line break in a name is a control like the others: shown as `\n`, never breaking the line
  // it stands in (2026-12-05: the story report, stats' article ids, agree's annotators and the
  // store's refusals printed it as a break or a space).
  it.each([
    ['story', ['story', '-c', 'corpus', '-s', 'store'], 'stdout', 'new\\nline, '],
    ['story', ['story', '-c', 'corpus', '-s', 'store'], 'stdout', '  undated  new\\nline\n'],
    ['stats', ['stats', '-c', 'corpus', '-s', 'store'], 'stdout', '  new\\nline\n'],
    ['agree', ['agree', '-c', 'corpus', '-s', 'store'], 'stdout', ', new\\nline,'],
    [
      'a store refusal',
      ['stats', '-c', 'corpus', '-s', 'store'],
      'stderr',
      'store/ana/new\\nline.json: ',
    ],
  ] as const)('%s shows a line break in a name as \\n', async (_name, args, stream, expected) => {
    const result = await marginOnce(...args);
    expect(result[stream]).toContain(expected);
  });

  it('export brat writes no control character into a file name or a file', async () => {
    const result = await margin(
      'export',
      '-f',
      'brat',
      '-c',
      'corpus',
      '-s',
      'store',
      '-o',
      'brat',
    );
    expect(controlsIn(result.stderr)).toEqual([]);
    const files = (await readdir(join(dir, 'brat'), { recursive: true })).map(String);
    expect(files.length).toBeGreaterThan(2);
    expect(files.filter((name) => CONTROL.test(name) || name.includes('\n'))).toEqual([]);
  });
});
