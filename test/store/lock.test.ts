import { spawnSync } from 'node:child_process';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTemps } from '../../source/store/atomic.js';
import { lockPathFor, withFileLock } from '../../source/store/lock.js';
import { useTempFolder } from './temp-store.js';

/** The id of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

const owner = (pid: number, time = Date.now()) =>
  JSON.stringify({ pid, host: hostname(), time, nonce: 'n' });

describe('the cross-process lock', () => {
  const tempFolder = useTempFolder();

  it('takes over a lock left by a process that died', async () => {
    const folder = await tempFolder();
    const file = join(folder, 'article.json');
    await writeFile(lockPathFor(file), owner(deadPid()));
    expect(await withFileLock(file, async () => 'done')).toBe('done');
    expect(await readdir(folder)).toEqual([]);
  });

  it('takes over a lock older than any write could take', async () => {
    const folder = await tempFolder();
    const file = join(folder, 'article.json');
    await writeFile(lockPathFor(file), owner(process.ppid, Date.now() - 60_000));
    expect(await withFileLock(file, async () => 'done')).toBe('done');
  });

  it('leaves alone the lock of a process that broke ours while we were stalled', async () => {
    const folder = await tempFolder();
    const file = join(folder, 'article.json');
    const successor = owner(process.ppid);
    await withFileLock(file, async () => {
      // Our lock was judged stale and taken over by another process.
      await writeFile(lockPathFor(file), successor);
    });
    expect(await readFile(lockPathFor(file), 'utf8')).toBe(successor);
  });

  it('waits for a live holder, one critical section at a time', async () => {
    const folder = await tempFolder();
    const file = join(folder, 'article.json');
    const order: string[] = [];
    const section = (name: string) =>
      withFileLock(file, async () => {
        order.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push(`${name} out`);
      });
    await Promise.all([section('a'), section('b')]);
    // Either may take the lock first (both ask at once); the other enters only once it is out.
    const first = order[0]!.slice(0, 1);
    const second = first === 'a' ? 'b' : 'a';
    expect(order).toEqual([`${first} in`, `${first} out`, `${second} in`, `${second} out`]);
  });
});

describe('temp files of crashed writers', () => {
  const tempFolder = useTempFolder();

  it('are removed, while a live writer keeps its own, and so are old locks moved aside', async () => {
    const folder = await tempFolder();
    const dead = `.article.json.${deadPid()}.0123456789ab.tmp`;
    const live = `.article.json.${process.ppid}.0123456789ab.tmp`;
    const aside = '.article.json.lock.0123456789ab.broken';
    const freshAside = '.other.json.lock.0123456789ab.broken';
    for (const name of [dead, live, aside, freshAside, 'article.json']) {
      await writeFile(join(folder, name), '{');
    }
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(join(folder, aside), hourAgo, hourAgo);
    expect(await removeStaleTemps(folder)).toBe(2);
    expect((await readdir(folder)).sort()).toEqual([live, freshAside, 'article.json']);
  });
});
