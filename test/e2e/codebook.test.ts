import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../source/commands/index.js';
import { type About, main } from '../../source/commands/main.js';
import { FORMATS } from '../../source/export/formats.js';
import { captureIO } from '../corpus/capture-io.js';
import { type Session, spawnCli, storeOpened, WHOLE_SESSION } from './pty.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.js');

/** A desk's codebook: margin's three labels and two of its own, each with a fixed list. */
const PROJECT = {
  corpus: 'articles',
  store: 'team-store',
  annotator: 'desk',
  guidelines: 'GUIDELINES.md',
  labels: [
    {
      name: 'claim',
      key: '1',
      colour: 'yellow',
      letter: 'C',
      description: 'a checkable statement of fact',
      attributes: [{ name: 'claimant' }],
    },
    {
      name: 'quote',
      key: '2',
      colour: 'cyan',
      letter: 'Q',
      description: 'words someone said',
      attributes: [{ name: 'speaker' }],
    },
    { name: 'event', key: '3', colour: 'magenta', letter: 'E', description: 'it happened' },
    {
      name: 'statistic',
      key: '4',
      colour: 'green',
      letter: 'S',
      description: 'a number that can be checked',
      attributes: [{ name: 'check-worthy', values: ['yes', 'no'] }],
    },
    {
      name: 'opinion',
      key: 'p',
      colour: 'blue',
      letter: 'O',
      description: 'a view, not a fact',
      attributes: [
        { name: 'stance', values: ['supports', 'denies', 'neutral'] },
        { name: 'holder' },
      ],
    },
  ],
  keys: { undo: 'z' },
};

let dir: string;
let session: Session | null = null;

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('build first: npm run build');
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'margin-codebook-'));
  cpSync(join(ROOT, 'seeds'), join(dir, 'articles'), { recursive: true });
  writeFileSync(join(dir, 'margin.json'), JSON.stringify(PROJECT, null, 2));
  writeFileSync(
    join(dir, 'GUIDELINES.md'),
    '# Our codebook\n\nTag a **statistic** when a number can be checked.\n\u001b[2Jcleared?\n',
  );
});

afterEach(async () => {
  // As seedsCopyPerTest does: the folder goes once nothing can write into it any more.
  if (session) {
    session.kill('SIGKILL');
    await session.exited;
  }
  session = null;
  rmSync(dir, { recursive: true, force: true });
});

const rows = (screen: string) => screen.split('\n');
const header = (screen: string) => rows(screen)[0] ?? '';
const statusBar = (screen: string) => rows(screen)[38] ?? '';
/** The reader's gutter and text on the row of the current sentence. */
const current = (screen: string) =>
  rows(screen)
    .map((row) => row.slice(row.indexOf('│') + 1))
    .find((row) => row.startsWith('▶')) ?? '';

async function step(s: Session, keys: string, expected: (screen: string) => boolean, what: string) {
  s.write(keys);
  await s.waitFor(expected, what);
}

/** The built CLI, run asynchronously so that the test's worker is never blocked for long. */
function margin(
  ...args: string[]
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        cwd: join(dir, 'articles'),
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: '1', MARGIN_ANNOTATOR: '' },
      },
      (error, stdout, stderr) => {
        const code = error ? (error as { code?: unknown }).code : 0;
        resolve({ status: typeof code === 'number' ? code : null, stdout, stderr });
      },
    );
  });
}

const ABOUT = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as About;

/**
 * The same command line run in this worker, through the `main` the built CLI runs: the round
 * trips through every format are some 20 lines, a process of 0.2-0.3 s of CPU each otherwise.
 * The CSV export and the clash below stay real processes.
 */
async function inProcess(
  ...args: string[]
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env, NO_COLOR: '1', MARGIN_ANNOTATOR: '' };
  const captured = captureIO(join(dir, 'articles'), env);
  const status = await main(args, captured.io, ABOUT, commands);
  return { status, stdout: captured.stdout(), stderr: captured.stderr() };
}

/** The annotations of a store as the jsonl export shows them, without ids and dates. */
async function contents(store: string): Promise<string[]> {
  const exported = await inProcess('export', '--format', 'jsonl', '--store', join(dir, store));
  expect(exported.stderr).toBe('');
  return exported.stdout
    .trimEnd()
    .split('\n')
    .map((line) => {
      const { annotator, label, sentence, attributes } = JSON.parse(line);
      return JSON.stringify([annotator, label, sentence, attributes]);
    })
    .sort();
}

describe('a project with its own codebook, reviewed in a real terminal', () => {
  it(
    'tags with the new keys, fills fixed-list attributes, and exports to every format',
    async () => {
      // Started from a folder below the project: margin.json is found as git finds .git.
      // The hints are what is checked here; suggestions would take their place on the status line.
      const s = spawnCli(['--no-suggestions'], {
        cwd: join(dir, 'articles'),
        cols: 120,
        rows: 40,
        env: { MARGIN_ANNOTATOR: '' },
      });
      session = s;
      await s.waitFor(
        (t) => header(t).includes('margin · articles · desk') && storeOpened(statusBar(t)),
        'the list, under the project',
      );
      expect(header(s.screen().join('\n'))).toContain('C 0  Q 0  E 0  S 0  O 0');
      await step(s, '\r', (t) => current(t).startsWith('▶'), 'the reader');
      expect(statusBar(s.screen().join('\n'))).toContain('1/2/3/4/p tag');
      expect(statusBar(s.screen().join('\n'))).toContain('z undo');
      await step(s, 'j', (t) => header(t).includes('sentence 2 of'), 'the second sentence');
      await step(s, '4', (t) => current(t).startsWith('▶   S'), 'statistic in the gutter');
      await step(s, 'p', (t) => current(t).startsWith('▶   SO'), 'opinion beside it');
      expect(header(s.screen().join('\n'))).toContain('S 1  O 1');

      // Attributes: check-worthy and stance from their lists, the holder typed.
      await step(s, 'a', (t) => t.includes('check-worthy:'), 'the attribute editor');
      const editor = s.screen().join('\n');
      expect(editor).toContain('stance:');
      expect(editor).toContain('holder:');
      expect(editor).toContain('←/→ or a letter: yes · no');
      await step(s, 'y', (t) => /check-worthy: yes/.test(t), 'yes chosen by its letter');
      await step(s, '\t', (t) => /▶ stance: +·/.test(t), 'the stance field');
      await step(s, '\u001b[C', (t) => /stance: +supports/.test(t), 'the first stance');
      await step(s, '\u001b[C', (t) => /stance: +denies/.test(t), 'the next stance');
      await step(s, '\tthe Kremlin', (t) => /holder: +the Kremlin/.test(t), 'the holder typed');
      await step(s, '\r', (t) => statusBar(t).endsWith('saved') && !t.includes('holder:'), 'saved');

      // A label of margin's own on the next sentence, then the project's undo key takes it back.
      await step(s, 'j3', (t) => current(t).startsWith('▶  E'), 'event on sentence 3');
      await step(s, 'z', (t) => current(t).startsWith('▶    '), 'undone with z');
      await step(s, 'u', (t) => statusBar(t).endsWith('saved'), 'u is no longer undo');
      expect(current(s.screen().join('\n')).startsWith('▶    ')).toBe(true);

      // The guidelines, their escape sequence shown rather than run.
      await step(s, 'i', (t) => t.includes('Guidelines · GUIDELINES.md'), 'the guidelines');
      const guidelines = s.screen().join('\n');
      expect(guidelines).toContain('Tag a **statistic** when a number can be checked.');
      expect(guidelines).toContain('\\u001b[2Jcleared?');
      await step(s, '\u001b', (t) => current(t).startsWith('▶'), 'back to the reader');

      // The help lists the codebook.
      await step(s, '?', (t) => t.includes('Keys ('), 'the help');
      expect(s.screen().join('\n')).toContain('toggle opinion on the sentence');
      await step(s, '\u001bq', (t) => !t.includes('Keys ('), 'quitting');
      expect((await s.exited).exitCode).toBe(0);

      const stored = JSON.parse(
        readFileSync(join(dir, 'team-store/desk/000_4b207f45d15cbf96.json'), 'utf8'),
      ) as { annotations: Array<{ label: string; attributes?: Record<string, string> }> };
      expect(stored.annotations.map((a) => a.label).sort()).toEqual(['opinion', 'statistic']);
      // Each label keeps the attributes its codebook entry declares, and only those.
      const attributesOf = (label: string) =>
        stored.annotations.find((a) => a.label === label)?.attributes;
      expect(attributesOf('statistic')).toEqual({ 'check-worthy': 'yes' });
      expect(attributesOf('opinion')).toEqual({ stance: 'denies', holder: 'the Kremlin' });

      // Every format keeps the labels and attributes: read back into a fresh store where the
      // format can be imported, and for CSV the cells themselves.
      const original = await contents('team-store');
      expect(original).toHaveLength(2);
      for (const format of FORMATS) {
        if (format === 'csv') {
          const csv = await margin('export', '--format', 'csv');
          expect(csv.status).toBe(0);
          const [head, ...lines] = csv.stdout.trimEnd().split(/\r?\n/);
          expect(head).toContain('attribute:check-worthy');
          expect(head).toContain('attribute:stance');
          expect(lines.filter((l) => l.includes('opinion') && l.includes('denies'))).toHaveLength(
            1,
          );
          expect(lines.filter((l) => l.includes('statistic') && l.includes('yes'))).toHaveLength(1);
          continue;
        }
        const out = join(dir, `export-${format}`);
        const exported = await inProcess('export', '--format', format, '--out', out);
        expect(exported.status, `${format}: ${exported.stderr}`).toBe(0);
        const copy = `copy-${format}`;
        const imported = await inProcess(
          'import',
          out,
          '--format',
          format,
          '--store',
          join(dir, copy),
        );
        expect(imported.stderr, format).toBe('');
        expect(imported.stdout, format).toMatch(/^2 imported, 0 duplicates skipped, 0 errors/);
        expect(await contents(copy), format).toEqual(original);
      }
    },
    WHOLE_SESSION,
  );

  it('stops at a project file with a clash, naming the file and both keys', async () => {
    const clash = {
      ...PROJECT,
      labels: [...PROJECT.labels, { ...PROJECT.labels[0]!, name: 'frame', letter: 'F' }],
    };
    writeFileSync(join(dir, 'margin.json'), JSON.stringify(clash));
    const result = await margin('list');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'margin list: ../margin.json: labels[5].key: "1" is already the key of claim\n',
    );
  });
});
