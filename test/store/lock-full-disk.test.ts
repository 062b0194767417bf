import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { withFileLock } from '../../source/store/lock.js';
import { useTempFolder } from './temp-store.js';

// A disk that fills up between making the lock file and writing its owner into it: the suite
// runs as root, where a full disk cannot be made without mounting one.
const full = vi.hoisted(() => ({ next: false }));
vi.mock('node:fs', async (original) => {
  const actual = await original<typeof import('node:fs')>();
  const locks = new Set<number>();
  const openSync = ((...args: Parameters<typeof actual.openSync>) => {
    const fd = actual.openSync(...args);
    if (full.next && String(args[0]).endsWith('.lock')) locks.add(fd);
    return fd;
  }) as typeof actual.openSync;
  const writeSync = ((fd: number, ...rest: unknown[]) => {
    if (locks.delete(fd)) {
      full.next = false;
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
        code: 'ENOSPC',
      });
    }
    return (actual.writeSync as (...args: unknown[]) => number)(fd, ...rest);
  }) as typeof actual.writeSync;
  return { ...actual, default: { ...actual, openSync, writeSync }, openSync, writeSync };
});

describe('the lock on a full disk', () => {
  const tempFolder = useTempFolder();

  it('says the disk is full and leaves no lock file behind', async () => {
    const folder = await tempFolder();
    const file = join(folder, '.suggest-model.json');
    full.next = true;
    await expect(withFileLock(file, async () => 'written')).rejects.toThrow(/ENOSPC/);
    expect(await readdir(folder)).toEqual([]);
    // Once there is space again the next write takes the lock at once (no stale one to wait on).
    expect(await withFileLock(file, async () => 'written')).toBe('written');
  });
});
