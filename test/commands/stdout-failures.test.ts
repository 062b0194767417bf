import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../source/corpus/index.js';
import { openRepository } from '../../source/store/index.js';
import { runMargin } from '../helpers/built-cli.js';
import { patience } from '../helpers/patience.js';

let dir: string;
const flags = ['-c', 'corpus', '-s', 'store'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'margin-stdout-'));
  await mkdir(join(dir, 'corpus'));
  // One article larger than a pipe's buffer (64 KB): its output cannot go out in one write.
  const long = Array.from(
    { length: 1500 },
    (_, i) => `Sentence ${i} says the minister met officials on Tuesday.`,
  ).join(' ');
  await writeFile(join(dir, 'corpus/long.txt'), `A long article\n\n${long}\n`);
  await writeFile(join(dir, 'note.txt'), 'not a folder\n');
  const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
  const repository = await openRepository({ root: join(dir, 'store'), annotator: 'ana', articles });
  for (const sentence of articles[0]!.sentences.slice(0, 50))
    await repository.tag(articles[0]!, sentence.id, 'claim');
  await repository.close();
}, patience(6_000));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('standard output that cannot take the data', () => {
  it('a full disk is one line with the reason and status 1, never "cannot write null"', async () => {
    for (const command of ['export --format jsonl', 'stats']) {
      const ran = await runMargin(dir, [], {
        shell: `$MARGIN ${command} ${flags.join(' ')} > /dev/full`,
      });
      const name = command.split(' ')[0];
      expect(ran.stderr).toBe(`margin ${name}: cannot write standard output: the disk is full\n`);
      expect(ran.status).toBe(1);
    }
  });

  it('a reader that stops early ends the command quietly with status 0', async () => {
    for (const command of ['show --json corpus/long.txt', 'show corpus/long.txt']) {
      // The status of the run before must not stand in for this one's.
      await rm(join(dir, 'status'), { force: true });
      const ran = await runMargin(dir, [], {
        shell: `($MARGIN ${command}; echo $? > status) | head -c 1 > /dev/null`,
      });
      expect(ran.stderr).toBe('');
      expect(await readFile(join(dir, 'status'), 'utf8')).toBe('0\n');
    }
  });
});

describe('a write that fails names the reason in words, not a code', () => {
  it('--out under a file', async () => {
    const ran = await runMargin(dir, [
      'export',
      ...flags,
      '--format',
      'jsonl',
      '--out',
      'note.txt/out.jsonl',
    ]);
    expect(ran.stderr).toMatch(/a part of its path is a file, not a folder\n$/);
    expect(ran.stderr).not.toMatch(/ENOTDIR|EEXIST/);
    expect(ran.status).toBe(1);
  });
});
