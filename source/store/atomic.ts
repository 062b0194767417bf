import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  fsync as fsyncCallback,
  openSync,
  renameSync,
  rmSync,
  type Stats,
  writeSync,
} from 'node:fs';
import { link, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { isProcessAlive } from './process.js';

/** `.<name>.<pid>.<random>.tmp`: the pid tells a live writer's file from a crashed one's. */
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;
/** A temp file this old belongs to no write in progress, whatever its pid says (pids get reused). */
const TEMP_MAX_AGE_MS = 10 * 60 * 1000;

/**
 * Replaces `path` so that a crash at any instant leaves either the old or the new content (the
 * store's files, and `margin export --out`): a
 * uniquely named temp file beside it (so two writers never share one), fsync, rename over the
 * file, fsync the folder so the rename itself survives a power cut. `durable: false` leaves
 * out both fsyncs, for output that can be made again: a file is still never seen half written
 * while margin runs, but a power cut may lose the newest files.
 */
export async function writeFileAtomic(
  path: string,
  text: string | Iterable<string>,
  { durable = true }: { durable?: boolean } = {},
): Promise<Stats> {
  const folder = dirname(path);
  const temp = join(
    folder,
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const handle = await open(temp, 'wx', 0o644);
  let written: Stats;
  try {
    try {
      // Parts one after the other: a large export never has to be one string, and a part is
      // made only once the one before is written (writeFile on a handle writes all of a part,
      // from where the last one ended).
      for (const part of typeof text === 'string' ? [text] : text) {
        await handle.writeFile(part, 'utf8');
      }
      if (durable) await handle.sync();
      // Taken before the rename, which keeps inode, size and modification time: what the file
      // looks like once in place, with no moment in which another writer's could be taken for it.
      written = await handle.stat();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  if (durable) await syncFolder(folder);
  return written;
}

const fsync = promisify(fsyncCallback);

/**
 * `writeFileAtomic` for one small file (a store file under its lock): the same steps, the two
 * fsyncs waited for on the thread pool, the other calls (open, write, stat, close, rename: each
 * microseconds on a small file) made at once. Awaited one by one they were a dozen round trips
 * through the thread pool and back to a busy main thread for each write.
 */
export async function writeFileAtomicQuick(path: string, text: string): Promise<Stats> {
  const folder = dirname(path);
  const temp = join(
    folder,
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const fd = openSync(temp, 'wx', 0o644);
  let written: Stats;
  try {
    try {
      const bytes = Buffer.from(text, 'utf8');
      let at = 0;
      while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
      await fsync(fd);
      // Before the rename, as in `writeFileAtomic`.
      written = fstatSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  await syncFolderQuick(folder);
  return written;
}

/** `syncFolder`, its open and close at once. */
async function syncFolderQuick(folder: string): Promise<void> {
  let fd: number;
  try {
    fd = openSync(folder, 'r');
  } catch (error) {
    if (!NO_FOLDER_SYNC.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    return;
  }
  try {
    await fsync(fd);
  } catch (error) {
    if (!NO_FOLDER_SYNC.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    closeSync(fd);
  }
}

/** Errors that say the file system makes no hard links: the temp file is renamed instead. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Writes `path` whole or not at all, and only when nothing is there yet: a temp file beside it,
 * fsynced, then linked to the name (a link, unlike a rename, never replaces what another process
 * or the user put there meanwhile). False when the name was taken. For the files margin puts in a
 * folder once (the store's `.gitignore`): `writeFile` with `wx` left an empty or cut one when
 * margin was stopped mid-write, and git then tracked the temp and lock files.
 */

export async function createFileAtomic(path: string, text: string): Promise<boolean> {
  const folder = dirname(path);
  const temp = join(
    folder,
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temp, path);
    } catch (error) {
      // A file system without hard links (FAT, some network mounts): a rename, once the name is
      // seen free, may only lose to a writer of the same text.
      if (!NO_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      if (
        await stat(path).then(
          () => true,
          () => false,
        )
      )
        return false;
      await rename(temp, path);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
  await syncFolder(folder);
  return true;
}

/** Platforms and file systems that cannot open or fsync a folder (Windows, some network mounts). */
const NO_FOLDER_SYNC = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF']);

export async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    // The file itself is already fsynced and renamed; only the rename's durability is at stake.
    if (!NO_FOLDER_SYNC.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
}

/** A stale lock moved aside by `breakLock`, left behind only if that process died right then. */
const BROKEN_LOCK_NAME = /^\..+\.lock\.[0-9a-f]{12}\.broken$/;

/**
 * Removes temp files left by writers that died mid-write (a live writer's are left alone), and
 * old stale locks that were moved aside but never deleted.
 */
export async function removeStaleTemps(folder: string, names?: string[]): Promise<number> {
  let removed = 0;
  for (const name of names ?? (await readdir(folder))) {
    // Both kinds of leftover are dot files: a store's 70,000 article files per folder are not
    // worth two patterns each.
    if (!name.startsWith('.')) continue;
    const match = TEMP_NAME.exec(name);
    const aside = BROKEN_LOCK_NAME.test(name);
    if (!match && !aside) continue;
    const path = join(folder, name);
    const info = await stat(path).catch(() => null);
    if (!info) continue;
    const old = Date.now() - info.mtimeMs > TEMP_MAX_AGE_MS;
    const pid = match ? Number(match[1]) : 0;
    if (aside ? old : pid !== process.pid && (old || !isProcessAlive(pid))) {
      await rm(path, { force: true });
      removed += 1;
    }
  }
  return removed;
}
