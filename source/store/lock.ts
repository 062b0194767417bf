import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessAlive } from './process.js';

interface LockOwner {
  pid: number;
  host: string;
  time: number;
  nonce: string;
}

/** A lock is held for one read-modify-write of a small file: milliseconds. Older means its owner is gone. */
const STALE_AFTER_MS = 30_000;
/** A lock file still empty after this long was left by a writer that died between create and write. */
const EMPTY_STALE_AFTER_MS = 2_000;
const GIVE_UP_AFTER_MS = 15_000;

export function lockPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.lock`);
}

/**
 * Runs `critical` while holding an exclusive lock on `path` shared by every process on the machine
 * (an `O_EXCL` lock file beside it holding pid, host and time). A lock whose process has died, or
 * that is older than any write could take, is broken.
 */
export async function withFileLock<T>(path: string, critical: () => Promise<T>): Promise<T> {
  const lockPath = lockPathFor(path);
  const nonce = await acquire(lockPath, path);
  try {
    return await critical();
  } finally {
    await release(lockPath, nonce);
  }
}

/**
 * Removes the lock only while it is still ours: a holder stalled past `STALE_AFTER_MS` (a
 * suspended laptop, a hung disk) may have had it broken and taken by another process, whose lock
 * must not be deleted from under it.
 */
async function release(lockPath: string, nonce: string): Promise<void> {
  const held = readOwnerNow(lockPath);
  // Ours was written whole before we went on: anything else (gone, half-written) is not ours.
  if (held === 'gone' || held === null || held.nonce !== nonce) return;
  rmSync(lockPath, { force: true });
}

/**
 * The first try at the lock, at once: free, as it nearly always is, it is a create and a write
 * of a few bytes, not three round trips through the thread pool. Null when it is held.
 */
function acquireNow(lockPath: string, owner: LockOwner): string | null {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(owner));
  } catch (error) {
    // As in `acquire`: an empty lock left behind would stay beside the file.
    closeSync(fd);
    rmSync(lockPath, { force: true });
    throw error;
  }
  closeSync(fd);
  return owner.nonce;
}

/** Takes the lock; returns the nonce written into it, which tells our lock from a successor's. */
async function acquire(lockPath: string, path: string): Promise<string> {
  const started = Date.now();
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    time: 0,
    nonce: randomBytes(8).toString('hex'),
  };
  owner.time = Date.now();
  const now = acquireNow(lockPath, owner);
  if (now !== null) return now;
  for (let attempt = 0; ; attempt += 1) {
    owner.time = Date.now();
    try {
      const handle = await open(lockPath, 'wx', 0o644);
      try {
        await handle.writeFile(JSON.stringify(owner));
      } catch (error) {
        // A full disk refuses the owner after the file was made: it is ours (O_EXCL) and empty,
        // and left behind it would stay as a stale lock beside the file after margin quit.
        await handle.close().catch(() => undefined);
        await rm(lockPath, { force: true }).catch(() => undefined);
        throw error;
      }
      await handle.close();
      return owner.nonce;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const held = await readOwner(lockPath);
    if (held === 'gone') continue;
    if (await isStale(lockPath, held)) {
      await breakLock(lockPath, held);
      continue;
    }
    if (Date.now() - started > GIVE_UP_AFTER_MS) {
      const who = held ? `process ${held.pid} on ${held.host}` : 'another process';
      throw new Error(
        `${path} is locked by ${who}; try again, or remove ${lockPath} if no margin is running`,
      );
    }
    // Locks are held for a few milliseconds: poll often, randomised so waiters do not march in
    // lockstep, and back off only when a holder is unusually slow.
    await sleep((attempt < 50 ? 1 : 5) * (1 + Math.random() * 2));
  }
}

async function readOwner(lockPath: string): Promise<LockOwner | null | 'gone'> {
  let text: string;
  try {
    text = await readFile(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  return ownerIn(text);
}

function readOwnerNow(lockPath: string): LockOwner | null | 'gone' {
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  return ownerIn(text);
}

function ownerIn(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.time === 'number') {
      return {
        pid: value.pid,
        time: value.time,
        host: String(value.host ?? ''),
        nonce: String(value.nonce ?? ''),
      };
    }
  } catch {
    // Empty or half-written: its writer is either writing it right now or died doing so.
  }
  return null;
}

async function isStale(lockPath: string, held: LockOwner | null): Promise<boolean> {
  if (held === null) {
    const info = await stat(lockPath).catch(() => null);
    return info !== null && Date.now() - info.mtimeMs > EMPTY_STALE_AFTER_MS;
  }
  if (Date.now() - held.time > STALE_AFTER_MS) return true;
  return held.host === hostname() && !isProcessAlive(held.pid);
}

/**
 * Moves the stale lock aside atomically, so two processes breaking it at once cannot both win;
 * if what was moved turns out to be a fresh lock taken in between, it is put back.
 */
async function breakLock(lockPath: string, held: LockOwner | null): Promise<void> {
  const aside = `${lockPath}.${randomBytes(6).toString('hex')}.broken`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readOwner(aside);
  const same =
    moved !== 'gone' &&
    (held === null ? moved === null : moved !== null && moved.nonce === held.nonce);
  if (!same) await link(aside, lockPath).catch(() => undefined);
  await rm(aside, { force: true });
}
