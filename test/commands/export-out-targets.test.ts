import { execFileSync } from 'node:child_process';
import {
  cp,
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readlink,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../source/corpus/index.js';
import { openRepository } from '../../source/store/index.js';
import { runMargin } from '../helpers/built-cli.js';

// qa59 #1: every --out was replaced by a temp file renamed over it, whatever it was.
const seeds = join(import.meta.dirname, '../../seeds');
const asRoot = process.getuid?.() === 0;
let dir: string;
let expected: string;
const flags = ['-c', 'corpus', '-s', 'store', '--format', 'csv'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'margin-export-out-'));
  await cp(seeds, join(dir, 'corpus'), { recursive: true });
  const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
  const repository = await openRepository({ root: join(dir, 'store'), annotator: 'ana', articles });
  await repository.tag(articles[0]!, articles[0]!.sentences[0]!.id, 'claim');
  await repository.close();
  await mkdir(join(dir, 'out'));
  const ran = await runMargin(dir, ['export', ...flags]);
  expect(ran.status).toBe(0);
  expected = ran.stdout;
  expect(expected).toContain('claim');
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('export --out', () => {
  it('writes through a symbolic link to its target, keeping the link and the mode', async () => {
    await writeFile(join(dir, 'out/dated.csv'), 'old\n', { mode: 0o600 });
    await symlink('dated.csv', join(dir, 'out/latest.csv'));
    const ran = await runMargin(dir, ['export', ...flags, '-o', 'out/latest.csv']);
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    expect((await lstat(join(dir, 'out/latest.csv'))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(dir, 'out/latest.csv'))).toBe('dated.csv');
    expect(await readFile(join(dir, 'out/dated.csv'), 'utf8')).toBe(expected);
    expect((await stat(join(dir, 'out/dated.csv'))).mode & 0o777).toBe(0o600);
  });

  it('creates the file a dangling link leads to', async () => {
    await symlink('later/new.csv', join(dir, 'out/dangling.csv'));
    const ran = await runMargin(dir, ['export', ...flags, '-o', 'out/dangling.csv']);
    expect(ran.status).toBe(0);
    expect((await lstat(join(dir, 'out/dangling.csv'))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(dir, 'out/later/new.csv'), 'utf8')).toBe(expected);
  });

  it('resolves a dangling link met through a linked folder from the folder it really sits in', async () => {
    // review59-b #2: out/via -> real/deep, and real/deep/x.csv -> ../y.csv names real/y.csv (as
    // the kernel reads it), not out/y.csv beside the path as typed.
    await mkdir(join(dir, 'out/real/deep'), { recursive: true });
    await symlink('real/deep', join(dir, 'out/via'));
    await symlink('../y.csv', join(dir, 'out/real/deep/x.csv'));
    const ran = await runMargin(dir, ['export', ...flags, '-o', 'out/via/x.csv']);
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    expect(await readFile(join(dir, 'out/real/y.csv'), 'utf8')).toBe(expected);
    await expect(lstat(join(dir, 'out/y.csv'))).rejects.toThrow();
  });

  it('streams into a named pipe, which stays one, and its reader gets the export', async () => {
    execFileSync('mkfifo', [join(dir, 'out/pipe')]);
    const ran = await runMargin(dir, [], {
      // A reader that never meets a writer (the old code replaced the pipe) gives up.
      shell: `timeout 60 cat out/pipe > got.csv & $MARGIN export ${flags.join(' ')} -o out/pipe; s=$?; wait; exit $s`,
    });
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    expect((await lstat(join(dir, 'out/pipe'))).isFIFO()).toBe(true);
    expect(await readFile(join(dir, 'got.csv'), 'utf8')).toBe(expected);
  });

  it('takes - as standard output', async () => {
    const ran = await runMargin(dir, ['export', ...flags, '-o', '-']);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toBe(expected);
    await expect(lstat(join(dir, '-'))).rejects.toThrow();
  });

  it('writes a link to its own standard output (as /dev/stdout is) to standard output', async () => {
    await symlink('/proc/self/fd/1', join(dir, 'out/stdout'));
    const ran = await runMargin(dir, ['export', ...flags, '-o', 'out/stdout']);
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    expect(ran.stdout).toBe(expected);
    expect((await lstat(join(dir, 'out/stdout'))).isSymbolicLink()).toBe(true);
  });

  it.skipIf(!asRoot)(
    'writes into a character device (a null device made here) as it is',
    async () => {
      execFileSync('mknod', [join(dir, 'out/null'), 'c', '1', '3']);
      const ran = await runMargin(dir, ['export', ...flags, '-o', 'out/null']);
      expect(ran.stderr).toBe('');
      expect(ran.status).toBe(0);
      expect((await lstat(join(dir, 'out/null'))).isCharacterDevice()).toBe(true);
    },
  );

  it('refuses a folder and a link loop in one line each', async () => {
    await symlink('loop-b', join(dir, 'out/loop-a'));
    await symlink('loop-a', join(dir, 'out/loop-b'));
    for (const [out, reason] of [
      ['out', 'it is a folder; this format writes one file'],
      ['out/loop-a', 'it is a symbolic link loop'],
    ]) {
      const ran = await runMargin(dir, ['export', ...flags, '-o', out!]);
      expect(ran.stderr).toBe(`margin export: cannot write ${out}: ${reason}\n`);
      expect(ran.status).toBe(2);
    }
  });

  it('refuses a path ending in / that is a file or missing, leaving the file as it was', async () => {
    // review59-b #1: the slash says a folder was meant; the file was replaced, and a missing
    // name became a file. A shell refuses both ("Not a directory", "Is a directory").
    await writeFile(join(dir, 'out/keep.csv'), 'precious\n');
    for (const out of ['out/keep.csv/', 'out/newdir/']) {
      const ran = await runMargin(dir, ['export', ...flags, '-o', out]);
      expect(ran.stderr).toBe(
        `margin export: cannot write ${out}: it ends in / as a folder does; this format writes one file\n`,
      );
      expect(ran.status).toBe(2);
    }
    expect(await readFile(join(dir, 'out/keep.csv'), 'utf8')).toBe('precious\n');
    await expect(lstat(join(dir, 'out/newdir'))).rejects.toThrow();
  });

  it('refuses a link beside the corpus that leads into it', async () => {
    await symlink('../corpus/new.csv', join(dir, 'out/into-corpus.csv'));
    const ran = await runMargin(dir, ['export', ...flags, '-o', 'out/into-corpus.csv']);
    expect(ran.stderr).toContain('is inside the corpus corpus');
    expect(ran.status).toBe(2);
    await expect(lstat(join(dir, 'corpus/new.csv'))).rejects.toThrow();
  });

  it('brat refuses standard output and a pipe', async () => {
    const brat = ['export', '-c', 'corpus', '-s', 'store', '--format', 'brat'];
    const dash = await runMargin(dir, [...brat, '-o', '-']);
    expect(dash.stderr).toBe(
      'margin export: brat writes a folder, not standard output: give it with --out DIR\n',
    );
    expect(dash.status).toBe(2);
    const pipe = await runMargin(dir, [...brat, '-o', 'out/pipe']);
    expect(pipe.stderr).toBe(
      'margin export: cannot write out/pipe: it is a named pipe; brat writes a folder\n',
    );
    expect((await lstat(join(dir, 'out/pipe'))).isFIFO()).toBe(true);
  });
});
