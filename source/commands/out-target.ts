import { fstatSync, type Stats } from 'node:fs';
import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * What an `--out FILE` names, and so how it is written (qa59 #1: every path was replaced by a
 * temp file renamed over it, so a link became a file and left its target stale, a named pipe's
 * reader got nothing, and `/dev/stdout` as root became a regular file):
 * - `stdout`: `-`, or the very file standard output is already open on (`/dev/stdout`,
 *   `/dev/fd/1`, the file `> x` redirected it to): written through the command's own output.
 * - `file`: a regular file or a new path, written to a temp file in its folder and renamed over
 *   it, so a half-written export never passes for a whole one. A symbolic link is written through
 *   to the file it leads to, in that file's own folder (`latest.csv -> 2026-12-08.csv` updates
 *   the dated file and keeps the link), as `>` in a shell, `cp` and editors do; `mode` and
 *   `owner` are the replaced file's, kept on the new one.
 * - `stream`: a named pipe, a character device (a terminal, `/dev/null`) or another of the
 *   process's own descriptors (`/dev/stderr`): opened and written as it is, never replaced.
 *   `append` for a regular file reached through a descriptor, which a rename would take from
 *   under the shell that opened it.
 * - `refused`: a folder, a block device (a disk), a socket, a link loop: one line says why.
 */
export type OutTarget =
  | { kind: 'stdout' }
  | { kind: 'file'; path: string; mode?: number; owner?: { uid: number; gid: number } }
  | { kind: 'stream'; path: string; append: boolean }
  | { kind: 'refused'; reason: string };

/** How many links a path may go through before it is called a loop (Linux's own limit). */
const MAX_LINKS = 40;

/** A path naming one of the process's own descriptors, as Linux spells them. */
const DESCRIPTOR = /^\/(?:proc\/[^/]+\/fd\/\d+|dev\/(?:stdin|stdout|stderr|fd\/\d+))$/;

/**
 * The target `given` (as typed; `path` is it resolved against the working folder) names.
 * `stdoutFd`: the descriptor standard output writes to, when it has one.
 */
export async function outTarget(
  given: string,
  path: string,
  stdoutFd: number | undefined,
): Promise<OutTarget> {
  if (given === '-') return { kind: 'stdout' };
  let found: Stats | null;
  try {
    found = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { kind: 'refused', reason: 'it is a symbolic link loop' };
    // Missing, or not to be looked at (a file where a folder should be, no permission): the
    // write says why in words, as for any new path.
    found = null;
  }
  if (found && stdoutFd !== undefined && isStdout(found, stdoutFd)) return { kind: 'stdout' };
  // A trailing slash says a folder was meant (review59-b #1): `keep.csv/` would replace the file
  // the user did not name, and `new/` become a file called `new`. A shell refuses both.
  if (!found?.isDirectory() && given.endsWith('/')) {
    return {
      kind: 'refused',
      reason: 'it ends in / as a folder does; this format writes one file',
    };
  }
  if (found === null) {
    // New, or a link to a file yet to be made: created where the link leads.
    const end = await linkEnd(path);
    return end === null
      ? { kind: 'refused', reason: 'it is a symbolic link loop' }
      : { kind: 'file', path: end };
  }
  if (found.isDirectory()) {
    return { kind: 'refused', reason: 'it is a folder; this format writes one file' };
  }
  if (found.isBlockDevice()) {
    return {
      kind: 'refused',
      reason: 'it is a block device (a disk): an export goes to a file, a pipe or a terminal',
    };
  }
  if (found.isSocket()) {
    return {
      kind: 'refused',
      reason: 'it is a socket: an export goes to a file, a pipe or a terminal',
    };
  }
  const viaDescriptor = await throughDescriptor(path);
  if (!found.isFile()) return { kind: 'stream', path, append: false };
  if (viaDescriptor) return { kind: 'stream', path, append: true };
  return {
    kind: 'file',
    path: await realpath(path),
    mode: found.mode & 0o7777,
    owner: { uid: found.uid, gid: found.gid },
  };
}

/** Whether `found` is the file (pipe, terminal) standard output is open on. */
function isStdout(found: Stats, fd: number): boolean {
  try {
    const out = fstatSync(fd);
    return out.dev === found.dev && out.ino === found.ino;
  } catch {
    return false;
  }
}

/** Where the links `path` is (if any) lead, as an absolute path; null for a loop. */
async function linkEnd(path: string): Promise<string | null> {
  let at = resolve(path);
  for (let links = 0; links <= MAX_LINKS; links++) {
    const found = await lstat(at).catch(() => null);
    if (!found?.isSymbolicLink()) return at;
    at = await followed(at, await readlink(at));
  }
  return null;
}

/** Whether `path`, or a link on the way from it, names one of the process's descriptors. */
async function throughDescriptor(path: string): Promise<boolean> {
  let at = resolve(path);
  for (let links = 0; links <= MAX_LINKS; links++) {
    if (DESCRIPTOR.test(at)) return true;
    const target = await readlink(at).catch(() => null);
    if (target === null) return false;
    at = await followed(at, target);
  }
  return false;
}

/**
 * Where the link at `at` leads: a relative `target` is read from the folder the link really sits
 * in, as the kernel reads it, not from the path as typed, which may pass through a linked folder
 * (review59-b #2: `lnk/x.csv -> ../y.csv` with `lnk -> sub/deep` is `sub/y.csv`).
 */
async function followed(at: string, target: string): Promise<string> {
  const folder = await realpath(dirname(at)).catch(() => dirname(at));
  return resolve(folder, target);
}
