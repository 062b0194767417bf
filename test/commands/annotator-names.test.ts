import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../e2e/pty.js';
import { runMargin } from '../helpers/built-cli.js';

const seeds = join(import.meta.dirname, '../../seeds');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'margin-annotators-'));
  await cp(seeds, join(dir, 'corpus'), { recursive: true });
  await writeFile(join(dir, 'empty.jsonl'), '');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const REFUSED: Array<[string, string, string]> = [
  ['e\x1b]0;x\x07vil', 'e\\u001b]0;x\\u0007vil', 'control or invisible characters'],
  ['a\u200bna', 'a\\u200bna', 'control or invisible characters'],
  ['b\u202eob', 'b\\u202eob', 'control or invisible characters'],
  [' ana', ' ana', 'space at either end'],
  ['../../etc', '../../etc', 'a name cannot hold / or \\'],
  ['a\\b', 'a\\b', 'a name cannot hold / or \\'],
  ['..', '..', 'a name cannot be . or ..'],
  ['__proto__', '__proto__', 'a name cannot be __proto__'],
];

describe('an annotator name that cannot be used is refused in one line, nothing written', () => {
  it.each(REFUSED)('--annotator %j', async (name, shown, why) => {
    const ran = await runMargin(dir, [
      'import',
      '-c',
      'corpus',
      '-s',
      'store',
      '--format',
      'jsonl',
      '--annotator',
      name,
      'empty.jsonl',
    ]);
    expect(ran.stderr.split('\n')).toHaveLength(2);
    expect(ran.stderr).toContain(`margin import: --annotator "${shown}" is not a usable`);
    expect(ran.stderr).toContain(why);
    expect(ran.stderr).not.toContain('\x1b');
    expect(ran.status).toBe(2);
    expect(await readdir(dir)).not.toContain('store');
  });

  it('from MARGIN_ANNOTATOR and from the project file, named as such', async () => {
    const env = await runMargin(
      dir,
      ['import', '-c', 'corpus', '-s', 'store', '--format', 'jsonl', 'empty.jsonl'],
      { env: { MARGIN_ANNOTATOR: 'a/b' } },
    );
    expect(env.stderr).toBe(
      'margin import: MARGIN_ANNOTATOR "a/b" is not a usable annotator name: a name cannot hold / or \\\n',
    );
    await writeFile(join(dir, 'margin.json'), JSON.stringify({ annotator: '__proto__' }));
    const project = await runMargin(
      dir,
      ['import', '-c', 'corpus', '-s', 'store', '--format', 'jsonl', 'empty.jsonl'],
      { env: { MARGIN_ANNOTATOR: '' } },
    );
    await rm(join(dir, 'margin.json'));
    expect(project.stderr).toBe(
      'margin import: "annotator" in margin.json "__proto__" is not a usable annotator name: a name cannot be __proto__\n',
    );
    expect(project.status).toBe(2);
    expect(await readdir(dir)).not.toContain('store');
  });

  it('the review refuses it before the screen is taken', async () => {
    const session = spawnCli(['-c', 'corpus', '-s', 'store', '--annotator', 'a/b'], { cwd: dir });
    const { exitCode } = await session.exited;
    expect(session.raw()).toContain(
      'margin review: --annotator "a/b" is not a usable annotator name: a name cannot hold / or \\',
    );
    expect(exitCode).toBe(2);
    expect(await readdir(dir)).not.toContain('store');
  });
});
