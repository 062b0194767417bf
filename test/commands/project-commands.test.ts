import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { command as initCommand } from '../../source/commands/init.js';
import { run } from '../export/workspace.js';

const cli = join(import.meta.dirname, '../../dist/cli.js');
const scratch = await mkdtemp(join(tmpdir(), 'margin-project-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

function margin(
  cwd: string,
  ...args: string[]
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, MARGIN_ANNOTATOR: 'ana', MARGIN_PROJECT: '' },
      },
      (error, stdout, stderr) => {
        const code = error ? (error as { code?: unknown }).code : 0;
        resolve({ status: typeof code === 'number' ? code : null, stdout, stderr });
      },
    );
  });
}

describe('margin init', () => {
  it('writes the defaults once, then refuses to overwrite them', async () => {
    const dir = join(scratch, 'init');
    await mkdir(dir);
    const first = await margin(dir, 'init');
    expect([first.status, first.stderr]).toEqual([
      0,
      'margin init: wrote margin.json: edit its labels and keys, then run margin\n' +
        'margin init: its "corpus" is "articles", which is not here yet: put the articles there, or edit "corpus" to name their folder\n',
    ]);
    const written = JSON.parse(await readFile(join(dir, 'margin.json'), 'utf8'));
    expect(written.corpus).toBe('articles');
    expect(written.labels.map((l: { name: string; key: string }) => `${l.key} ${l.name}`)).toEqual([
      '1 claim',
      '2 quote',
      '3 event',
    ]);
    await writeFile(join(dir, 'margin.json'), '{"labels": "mine"}');
    const again = await margin(dir, 'init');
    expect([again.status, again.stderr]).toEqual([
      1,
      'margin init: margin.json already exists here; margin init leaves it as it is\n',
    ]);
    expect(await readFile(join(dir, 'margin.json'), 'utf8')).toBe('{"labels": "mine"}');
  });

  it('names the seeds folder when there is one', async () => {
    const dir = join(scratch, 'init-seeds');
    await mkdir(join(dir, 'seeds'), { recursive: true });
    const made = await margin(dir, 'init');
    expect([made.status, made.stderr]).toEqual([
      0,
      'margin init: wrote margin.json: edit its labels and keys, then run margin\n',
    ]);
    expect(JSON.parse(await readFile(join(dir, 'margin.json'), 'utf8')).corpus).toBe('seeds');
  });
});

describe('margin init where it cannot write', () => {
  it('says why in words, as the other commands do', async () => {
    // A folder gone from under the shell (removed by another terminal): margin.json has nowhere to go.
    const dir = join(scratch, 'gone');
    const result = await run(initCommand, dir, [], {});
    // Before: "margin.json cannot be written here (ENOENT)".
    expect([result.status, result.stderr]).toEqual([
      1,
      'margin init: margin.json cannot be written here: no such folder\n',
    ]);
  });
});

describe('the project file found from a folder below it', () => {
  it('takes its folders relative to the file, and --project names another file', async () => {
    const dir = join(scratch, 'found');
    await mkdir(join(dir, 'deep/er'), { recursive: true });
    await writeFile(
      join(dir, 'margin.json'),
      JSON.stringify({
        corpus: 'nowhere',
        labels: [{ name: 'frame-economic', key: 'e', colour: 'green', letter: 'F' }],
      }),
    );
    const missing = await margin(join(dir, 'deep/er'), 'stats');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('margin stats: corpus folder not found: ../../nowhere\n');
    await writeFile(join(dir, 'other.json'), JSON.stringify({ keys: { undo: ['x'] } }));
    const clash = await margin(dir, 'stats', '--project', 'other.json');
    expect([clash.status, clash.stderr]).toEqual([
      2,
      'margin stats: other.json: keys.undo: "x" is already the key of tag/clear\n' +
        'margin stats: other.json: keys.undo: "x" is already the key of story/unlink\n',
    ]);
  });
});

describe('a project file with several mistakes', () => {
  it('says every one in one run, a line each naming the file and the place, status 2', async () => {
    // qa54: a codebook with five bad labels took five runs, one mistake shown at a time.
    const dir = join(scratch, 'many-mistakes');
    await mkdir(dir);
    const label = (name: string, key: string, letter: string, more = {}) => ({
      name,
      key,
      colour: 'yellow',
      letter,
      ...more,
    });
    await writeFile(
      join(dir, 'margin.json'),
      JSON.stringify({
        labels: [
          label('claim', '1', 'C', { description: 'x'.repeat(121) }),
          label('a b', '2', 'Q'),
          label('event', '3', 'E', { attributes: [{ name: '__proto__' }] }),
          label('__proto__', '4', 'P'),
          label('frame', '5', 'FF'),
          label('Claim', '6', 'C'),
        ],
      }),
    );
    const result = await margin(dir, 'stats');
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')).toEqual([
      'margin stats: margin.json: labels[0].description: a description holds at most 120 characters',
      'margin stats: margin.json: labels[1].name: a label name is letters, digits, "-", "_" or "." (claim, frame-economic)',
      'margin stats: margin.json: labels[2].attributes[0].name: is a name margin cannot give an attribute (every object has one); choose another',
      'margin stats: margin.json: labels[3].name: is a name margin cannot give a label (every object has one); choose another',
      'margin stats: margin.json: labels[4].letter: a letter is one letter or digit',
      'margin stats: margin.json: labels[5].name: "Claim" reads as "claim" in a query (case, -, _ and spaces do not count): name it apart',
      'margin stats: margin.json: labels[5].letter: "C" is already the letter of claim',
      '',
    ]);
    // A valid file whose keys clash twice: both clashes, as one run.
    await writeFile(
      join(dir, 'margin.json'),
      JSON.stringify({ keys: { undo: ['x'], redo: ['y'], help: ['x'] } }),
    );
    const keys = await margin(dir, 'stats');
    expect(keys.status).toBe(2);
    expect(keys.stderr.trim().split('\n').length).toBeGreaterThan(1);
    for (const line of keys.stderr.trim().split('\n')) {
      expect(line).toMatch(/^margin stats: margin\.json: keys\.\w+: /);
    }
  });
});

describe('a project file larger than any codebook', () => {
  it('is refused unread in one line', async () => {
    // Valid JSON, so only its size refuses it: a 300 MB one took 6 s and 640 MB to read.
    const dir = join(scratch, 'huge');
    await mkdir(dir);
    await writeFile(join(dir, 'margin.json'), `{"corpus": "nowhere"}${' '.repeat(1024 * 1024)}`);
    const result = await margin(dir, 'stats');
    expect([result.status, result.stderr]).toEqual([
      2,
      'margin stats: margin.json: is larger than any project file margin reads (1 MB)\n',
    ]);
  });
});

describe('completion and "did you mean"', () => {
  it('prints a bash script that names every command and the formats', async () => {
    const { status, stdout } = await margin(scratch, 'completion', 'bash');
    expect(status).toBe(0);
    expect(stdout).toContain('complete -o filenames -F _margin margin');
    expect(stdout).toMatch(
      /compgen -W "review show list index split orphans export import search suggest stats agree relabel init completion story help"/,
    );
    expect(stdout).toContain('label-studio');
    for (const shell of ['zsh', 'fish']) {
      expect((await margin(scratch, 'completion', shell)).stdout).toContain('completion');
    }
    const labels = await margin(scratch, 'completion', '--labels');
    expect(labels.stdout).toBe('claim\nquote\nevent\n');
    const wrong = await margin(scratch, 'completion', 'tcsh');
    expect([wrong.status, wrong.stderr]).toEqual([
      2,
      'margin completion: give one shell: bash, zsh, fish (got "tcsh")\n',
    ]);
  });

  it('suggests the nearest command or option, and nothing when none is near', async () => {
    expect((await margin(scratch, 'exprot')).stderr).toBe(
      'margin: unknown command "exprot" (did you mean "export"?). Run `margin --help` for the list.\n',
    );
    expect((await margin(scratch, 'export', '--fromat', 'csv')).stderr).toBe(
      'margin export: unknown option --fromat (did you mean "--format"?). Run `margin export --help` for the options.\n',
    );
    expect((await margin(scratch, 'zzzzzz')).stderr).toBe(
      'margin: unknown command "zzzzzz". Run `margin --help` for the list.\n',
    );
  });
});
