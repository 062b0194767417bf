import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../source/corpus/index.js';
import type { CorpusLoad } from '../../source/corpus/types.js';
import { openRepository } from '../../source/store/index.js';
import { oneName } from '../../source/text/untrusted.js';
import { patience } from '../helpers/patience.js';
import { fuzzSeed, Random } from '../helpers/random.js';
import { type HostileFile, hostileFiles } from './hostile-files.js';

/**
 * 200 generated hostile files (random bytes, broken encodings, NULs, huge lines, deep or unclosed
 * markup, escapes and bidi controls in titles, text and names, lone surrogates by reference)
 * through the real loader, then through `margin list`, `show` and `export` as processes. Nothing
 * may crash, each refused file is named once and the rest loads, every article's offsets slice
 * its text, and no control byte reaches the output but the line ends the format needs.
 */

const SEED = fuzzSeed(10_2026);
const COUNT = 200;
const CLI = join(import.meta.dirname, '../../dist/cli.js');

/**
 * Controls and bidi overrides, as `source/text/untrusted.ts` escapes them: a tab stays (harmless
 * in a terminal, valid in a cell); a line feed is checked apart, by the lines it must end.
 */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const STACK = /^\s+at .+\(?.+:\d+:\d+\)?$/m;

let dir: string;
let corpus: string;
let files: HostileFile[];
let load: CorpusLoad;

function margin(...args: string[]) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        env: {
          ...process.env,
          MARGIN_ANNOTATOR: 'ana',
          NO_COLOR: '1',
          XDG_CACHE_HOME: join(dir, 'cache'),
        },
      },
      (error, stdout, stderr) => {
        const code = error ? (error as { code?: unknown }).code : 0;
        resolve({ status: typeof code === 'number' ? code : null, stdout, stderr });
      },
    );
  });
}

/** Lines of output holding a control character (CRLF allowed where CSV ends a row). */
function controlsIn(text: string, crlf = false): string[] {
  const lines = (crlf ? text.replace(/\r\n/g, '\n') : text).split('\n');
  return lines.filter((line) => CONTROL.test(line) || LONE_SURROGATE.test(line));
}

function expectCalm(
  result: { status: number | null; stdout: string; stderr: string },
  crlf = false,
) {
  expect(controlsIn(result.stdout, crlf), 'control characters on stdout').toEqual([]);
  expect(controlsIn(result.stderr), 'control characters on stderr').toEqual([]);
  expect(result.stderr, 'a stack trace').not.toMatch(STACK);
  expect([0, 1], `exit status ${result.status}: ${result.stderr.slice(0, 500)}`).toContain(
    result.status,
  );
}

beforeAll(async () => {
  files = hostileFiles(new Random(SEED), COUNT);
  dir = await mkdtemp(join(tmpdir(), 'margin-fuzz-'));
  corpus = join(dir, 'corpus');
  await mkdir(corpus);
  for (const file of files) await writeFile(join(corpus, file.name), file.bytes);
  load = await loadCorpus(corpus, { cacheDir: null });
  // A few annotations, so that export has rows to write from hostile articles.
  const repository = await openRepository({
    root: join(dir, 'store'),
    annotator: 'ana',
    articles: load.articles,
  });
  for (const article of load.articles.slice(0, 40)) {
    const sentence = article.sentences[0];
    if (!sentence) continue;
    await repository.tag(article, sentence.id, 'claim');
    await repository.annotate(article, sentence.id, {
      note: `about ${article.title ?? ''}`.slice(0, 200),
    });
  }
  await repository.close();
}, patience(12_000));

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe(`${COUNT} hostile files (seed ${SEED}; MARGIN_FUZZ_SEED replays another)`, () => {
  it('each becomes an article or one problem naming it, and the rest loads', () => {
    const unaccounted: string[] = [];
    for (const file of files) {
      const path = join(corpus, file.name);
      const articles = load.articles.filter((a) => a.path === path).length;
      const problems = load.problems.filter((p) => p.path === path);
      if (articles + problems.length !== 1)
        unaccounted.push(`${file.kind}: ${JSON.stringify(file.name)}`);
      for (const problem of problems) expect(problem.message.startsWith(path)).toBe(true);
    }
    expect(unaccounted).toEqual([]);
    expect(load.articles.length + load.problems.length).toBe(COUNT);
    // The clean articles among them are read, whatever their neighbours hold.
    expect(load.articles.length).toBeGreaterThan(COUNT / 4);
  });

  it('gives articles whose sentence offsets slice the text exactly, with no control character', () => {
    const wrong: string[] = [];
    for (const article of load.articles) {
      const where = JSON.stringify(article.path);
      for (const [field, value] of Object.entries({
        text: article.text,
        title: article.title,
        source: article.source,
        byline: article.byline,
        date: article.date,
      })) {
        if (value === null) continue;
        const rest = field === 'text' ? value.replace(/\n/g, '') : value;
        if (CONTROL.test(rest)) wrong.push(`${where}: a control character in the ${field}`);
        if (LONE_SURROGATE.test(value)) wrong.push(`${where}: a lone surrogate in the ${field}`);
      }
      let end = 0;
      for (const sentence of article.sentences) {
        if (
          sentence.start < end ||
          sentence.end <= sentence.start ||
          sentence.end > article.text.length
        ) {
          wrong.push(
            `${where}: sentence ${sentence.id} at ${sentence.start}–${sentence.end} out of order`,
          );
        }
        if (article.text.slice(sentence.start, sentence.end) !== sentence.text) {
          wrong.push(`${where}: sentence ${sentence.id} does not slice the text`);
        }
        end = sentence.end;
      }
    }
    expect(wrong).toEqual([]);
  });

  it(
    'margin list names each refused file on one line of its own and lists the rest',
    async () => {
      const result = await margin('list', '-c', 'corpus');
      expectCalm(result);
      expect(result.status).toBe(load.problems.length > 0 ? 1 : 0);
      const lines = result.stderr.split('\n').filter((line) => line !== '');
      // A file whose text is not as written (escapes removed, an encoding guessed) is named once,
      // as a warning, the first five of them, the rest counted in one more; the refused ones are
      // the other lines.
      const warned = load.articles.filter((article) => article.warnings.length > 0);
      const warnings = lines.filter((line) => line.startsWith('margin list: warning: '));
      const named = warnings.filter((line) => !line.startsWith('margin list: warning: and '));
      expect(named.length).toBe(Math.min(warned.length, 5));
      for (const line of named) {
        expect(
          warned.filter((article) =>
            line.startsWith(
              `margin list: warning: corpus/${oneName(article.path.slice(corpus.length + 1))}: `,
            ),
          ),
          line,
        ).toHaveLength(1);
      }
      if (warned.length > 5) {
        expect(warnings.at(-1)).toBe(
          `margin list: warning: and ${warned.length - 5} more files whose text is not as written: margin show FILE says what`,
        );
      }
      const errors = lines.filter((line) => !line.startsWith('margin list: warning: '));
      expect(errors.length).toBe(load.problems.length);
      for (const problem of load.problems) {
        // A name shows on one line with its line breaks as escapes: two names never look alike.
        const name = oneName(problem.path.slice(corpus.length + 1));
        expect(
          errors.filter((line) => line.includes(name)),
          name,
        ).toHaveLength(1);
      }
      const rows = result.stdout.split('\n').filter((line) => line !== '');
      // A header line, then one row per article.
      expect(rows.length).toBeGreaterThanOrEqual(load.articles.length);
    },
    patience(6_000),
  );

  it(
    'margin list --json is one valid document with every article',
    async () => {
      const result = await margin('list', '-c', 'corpus', '--json');
      expectCalm(result);
      expect((JSON.parse(result.stdout) as unknown[]).length).toBe(load.articles.length);
    },
    patience(6_000),
  );

  it(
    'margin show prints each sampled file or one line naming it',
    async () => {
      const random = new Random(SEED + 1);
      const sample = new Set<HostileFile>();
      // The hostile names first, then any.
      for (const file of files.filter((f) => CONTROL.test(f.name)).slice(0, 3)) sample.add(file);
      while (sample.size < 7) sample.add(random.pick(files));
      for (const file of sample) {
        for (const json of [random.chance(0.5)]) {
          const result = await margin(
            'show',
            join('corpus', file.name),
            ...(json ? ['--json'] : []),
          );
          expectCalm(result);
          const refused = load.problems.some((p) => p.path === join(corpus, file.name));
          if (refused) {
            expect(result.status, file.name).toBe(1);
            expect(result.stderr.trimEnd().split('\n'), file.name).toHaveLength(1);
          } else {
            expect(result.status, `${file.name}: ${result.stderr}`).toBe(0);
            if (json) {
              const shown = JSON.parse(result.stdout) as {
                text: string;
                sentences: Array<{ text: string; start: number; end: number }>;
              };
              // Code points, as Python slices the text.
              const points = [...shown.text];
              for (const s of shown.sentences)
                expect(points.slice(s.start, s.end).join('')).toBe(s.text);
            }
          }
        }
      }
    },
    patience(12_000),
  );

  it.each([['csv'], ['jsonl'], ['w3c']])(
    'margin export %s writes every annotation and no control character',
    async (format) => {
      const result = await margin('export', '-f', format, '-c', 'corpus', '-s', 'store');
      expectCalm(result, format === 'csv');
      expect(result.stdout.length).toBeGreaterThan(0);
    },
    patience(6_000),
  );
});
