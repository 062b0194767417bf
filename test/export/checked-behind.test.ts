import { readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command as agree } from '../../source/commands/agree.js';
import { command as exportCommand } from '../../source/commands/export.js';
import { command as stats } from '../../source/commands/stats.js';
import { loadCorpus } from '../../source/corpus/index.js';
import { openRepository } from '../../source/store/index.js';
import { age, run, storeIndexes, useWorkspace } from './workspace.js';

/**
 * stats, agree and export answer from the store's index while its files are compared with it on
 * other threads. A file changed behind the index since the last command must still change the
 * answer: each is run once to fill the index, a file is changed, and the answer is compared with
 * the one of a fresh index (the store's indexes deleted), which reads every file.
 */

/** alice and bob reviewed the Unicode article: each tagged three sentences. */
async function team(dir: string) {
  const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
  const uni = articles.find((a) => a.id === 'uni')!;
  const [s0, s1, s2] = uni.sentences;
  for (const [annotator, status] of [
    ['alice', 'done'],
    ['bob', 'in progress'],
  ] as const) {
    const repository = await openRepository({ root: join(dir, 'store'), annotator, articles });
    await repository.tag(uni, s0!.id, 'quote');
    await repository.tag(uni, s1!.id, 'event');
    await repository.tag(uni, s2!.id, 'claim');
    await repository.setStatus(uni.id, status);
    await repository.close();
  }
  for (const annotator of ['alice', 'bob']) {
    for (const name of await readdir(join(dir, 'store', annotator))) {
      await age(join(dir, 'store', annotator, name));
    }
  }
  return join(dir, 'store', 'bob', 'uni.json');
}

/** bob's file rewritten where it is, the same size: his event becomes a claim. */
async function editInPlace(path: string) {
  const folder = await stat(join(path, '..'));
  const text = await readFile(path, 'utf8');
  const edited = text.replace('"label": "event"', '"label": "claim"');
  expect(edited).not.toBe(text);
  expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
  await writeFile(path, edited);
  await age(path, 5);
  // The folder's time as it was: only the file's own lstat can tell.
  await utimes(join(path, '..'), folder.atime, folder.mtime);
}

const COMMANDS = [
  ['stats', stats, { json: true }],
  // The picture's report is kept in the store's index between runs (`derived`).
  ['stats picture', stats, {}],
  ['agree', agree, { json: true }],
  // Its report is kept in the store's index too.
  ['agree picture', agree, {}],
  ['export jsonl', exportCommand, { format: 'jsonl' }],
  ['export csv', exportCommand, { format: 'csv' }],
] as const;

describe('commands that answer from the store index while its files are checked', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  /** The command's output over the index as it is, then over a fresh one. */
  async function answers(
    dir: string,
    command: (typeof COMMANDS)[number][1],
    flags: Record<string, unknown>,
  ) {
    const checked = await run(command, dir, [], flags);
    await rm(storeIndexes(dir), { recursive: true, force: true });
    const fresh = await run(command, dir, [], flags);
    return { checked, fresh };
  }

  for (const [name, command, flags] of COMMANDS) {
    it(`${name}: sees a file edited in place behind the index`, async () => {
      const dir = await workspace();
      const bob = await team(dir);
      // Twice: the second run finds every row as its file, and keeps each folder's digest.
      const before = await run(command, dir, [], flags);
      await run(command, dir, [], flags);
      await editInPlace(bob);
      const { checked, fresh } = await answers(dir, command, flags);
      expect(checked.status).toBe(0);
      expect(checked).toEqual(fresh);
      expect(checked.stdout).not.toBe(before.stdout);
    });

    it(`${name}: sees a file removed behind the index`, async () => {
      const dir = await workspace();
      const bob = await team(dir);
      const before = await run(command, dir, [], flags);
      await run(command, dir, [], flags);
      await rm(bob);
      const { checked, fresh } = await answers(dir, command, flags);
      expect(checked).toEqual(fresh);
      expect(checked.stdout).not.toBe(before.stdout);
    });
  }

  it('stats names a file refused since the last run, once the check found it', async () => {
    const dir = await workspace();
    const bob = await team(dir);
    await run(stats, dir, [], { json: true });
    await writeFile(bob, '<<<<<<< HEAD\n');
    const { checked, fresh } = await answers(dir, stats, { json: true });
    expect(checked.status).toBe(1);
    expect(checked.stderr).toContain('bob/uni.json');
    expect(checked).toEqual(fresh);
  });
});
