import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../source/commands/index.js';
import { type About, main } from '../../source/commands/main.js';
import { captureIO } from '../corpus/capture-io.js';
import { type Session, spawnCli, storeOpened, WHOLE_SESSION } from './pty.js';

/**
 * Names every object of the program answers to (`constructor`, `toString`, `__proto__`…) as
 * labels, articles and annotators. Counted or looked up in a `{}`, they read as Object's own:
 * qa54 saw `margin stats` print `0function Object() { [native code] }NaN`, and an article named
 * `__proto__` stopped the review.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.js');
const ABOUT = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as About;

const LABELS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'];
const ARTICLES = ['__proto__', 'constructor', 'toString', 'valueOf'];
const ANNOTATORS = ['constructor', 'toString'];
const TEXT = 'The committee met on Monday and discussed the report in detail before the vote.';

let dir: string;
let session: Session | null = null;

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('build first: npm run build');
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'margin-object-names-'));
  mkdirSync(join(dir, 'articles'));
  for (const id of ARTICLES) {
    writeFileSync(join(dir, 'articles', `${id}.txt`), `Title ${id}\n\n${TEXT}\n`);
  }
  writeFileSync(
    join(dir, 'margin.json'),
    JSON.stringify({
      corpus: 'articles',
      store: 'annotations',
      labels: LABELS.map((name, at) => ({
        name,
        key: String(at + 1),
        colour: 'yellow',
        letter: 'KTVH'[at]!,
      })),
    }),
  );
  // Every label from both annotators, but `toString` never gives `valueOf` on `valueOf`.
  const lines: string[] = [];
  for (const article of ARTICLES) {
    for (const annotator of ANNOTATORS) {
      for (const label of LABELS) {
        if (annotator === 'toString' && article === 'valueOf' && label === 'valueOf') continue;
        lines.push(
          JSON.stringify({
            article,
            annotator,
            label,
            text: TEXT,
            start: 0,
            end: TEXT.length,
            status: 'done',
            attributes: { constructor: 'x' },
          }),
        );
      }
    }
  }
  writeFileSync(join(dir, 'import.jsonl'), `${lines.join('\n')}\n`);
});

afterEach(async () => {
  if (session) {
    session.kill('SIGKILL');
    await session.exited;
  }
  session = null;
  rmSync(dir, { recursive: true, force: true });
});

async function margin(...args: string[]) {
  const env = {
    ...process.env,
    NO_COLOR: '1',
    MARGIN_ANNOTATOR: 'constructor',
    MARGIN_PROJECT: '',
    XDG_CACHE_HOME: join(dir, 'cache'),
  };
  const captured = captureIO(dir, env);
  const status = await main(args, captured.io, ABOUT, commands);
  return { status, stdout: captured.stdout(), stderr: captured.stderr() };
}

describe('labels, articles and annotators named as Object’s own properties', () => {
  it('are counted, compared, searched and exported as any other name', async () => {
    const imported = await margin('import', 'import.jsonl', '--format', 'jsonl');
    expect(imported.stdout + imported.stderr).toContain(
      '31 imported, 0 duplicates skipped, 0 errors',
    );

    const stats = await margin('stats', '--json');
    expect(stats.status).toBe(0);
    const report = JSON.parse(stats.stdout);
    expect(report.annotations).toBe(31);
    expect(report.labels).toEqual([
      { label: 'constructor', count: 8 },
      { label: 'toString', count: 8 },
      { label: 'valueOf', count: 7 },
      { label: 'hasOwnProperty', count: 8 },
    ]);
    const text = (await margin('stats')).stdout;
    expect(text).toMatch(/^31 annotations on 4 articles by 2 annotators$/m);
    expect(text).not.toMatch(/function|NaN|\[object/);
    expect(text).toMatch(/^ {6}constructor 4 · toString 4 · valueOf 3 · hasOwnProperty 4$/m);

    const agree = await margin('agree');
    expect(agree.status).toBe(0);
    expect(agree.stdout).toMatch(/^Cohen's kappa between constructor, toString, on sentences of 4/);
    expect(agree.stdout).toContain('Disagreements (1)');
    expect(agree.stdout).toContain('    toString: constructor, toString, hasOwnProperty');
    // Each figure in one column, however long the label's name.
    const columns = agree.stdout
      .split('\n')
      .filter((line) => / \d+ units?$/.test(line))
      .map((line) => line.search(/ \d+ units?$/));
    expect(columns).toHaveLength(5);
    expect(new Set(columns).size).toBe(1);

    for (const label of LABELS) {
      const found = await margin('search', `label:${label}`);
      const ids = found.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t')[0]);
      // `label:constructor` matched nothing: the query read Object's constructor as an alias.
      expect([label, ids]).toEqual([label, ARTICLES]);
    }

    const csv = await margin('export', '--format', 'csv');
    expect(csv.status).toBe(0);
    const rows = csv.stdout.trim().split('\n').slice(1);
    expect(rows).toHaveLength(31);
    expect(rows.filter((row) => row.includes(',__proto__,Title __proto__,'))).toHaveLength(8);
  });

  it(
    'are shown and tagged in the review, an article named __proto__ first',
    async () => {
      expect((await margin('import', 'import.jsonl', '--format', 'jsonl')).status).toBe(0);
      const s = spawnCli(['--no-suggestions'], {
        cwd: dir,
        cols: 100,
        rows: 30,
        env: { MARGIN_ANNOTATOR: 'constructor', XDG_CACHE_HOME: join(dir, 'cache') },
      });
      session = s;
      const header = (screen: string) => screen.split('\n')[0] ?? '';
      const status = (screen: string) =>
        screen
          .split('\n')
          .filter((row) => row.trim() !== '')
          .at(-1) ?? '';
      await s.waitFor(
        (t) => header(t).includes('article 1 of 4') && storeOpened(status(t)),
        'the list, opened on __proto__',
      );
      const list = s.screen().join('\n');
      expect(header(list)).toContain('K 1  T 1  V 1  H 1');
      expect(list).toContain('▶ ✓ Title __proto__');
      s.write('\r');
      await s.waitFor((t) => t.includes(`▶KTVH  3 ${TEXT.slice(0, 20)}`), 'the reader');
      s.write('1');
      await s.waitFor((t) => header(t).includes('K 0  T 1  V 1  H 1'), 'constructor untagged');
      s.write('q');
      await s.exited;
      session = null;
      const report = JSON.parse((await margin('stats', '--json')).stdout);
      expect(report.labels[0]).toEqual({ label: 'constructor', count: 7 });
    },
    WHOLE_SESSION,
  );
});
