/**
 * Why a read or write failed, in words a user acts on: the system's code (`ENOSPC`) is jargon, its
 * message (`no space left on device, write`) half of one. A reason without words of its own
 * keeps the system's message. Every layer's messages use it, so one failure reads alike in all:
 * the corpus reader's `PATH: no such file` and a command's `cannot read PATH: no such file`.
 */
const REASONS: Record<string, string> = {
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file reached the largest size allowed here (ulimit -f)',
  EIO: 'the device failed (input/output error)',
  ELOOP: 'symbolic link loop',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  EBUSY: 'the file is busy',
  // SQLite's own codes (better-sqlite3's errors), for the files margin keeps in SQLite.
  SQLITE_FULL: 'the disk is full',
  SQLITE_READONLY: 'it cannot be written (read-only)',
  SQLITE_CANTOPEN: 'it cannot be made or opened (is its folder writable?)',
};

/**
 * `what` names the thing the caller asked for, for the one reason that depends on it: a missing
 * file is "no such file", a path that may be either "no such file or folder".
 */
export function ioReason(error: unknown, what = 'file or folder'): string {
  const failure = error as NodeJS.ErrnoException | null;
  const code = failure?.code ?? '';
  if (code === 'ENOENT') return `no such ${what}`;
  // Making folders (`mkdir -p`) fails so when a file stands where one of them must go; anything
  // else that fails so was to be made new and is there already.
  if (code === 'EEXIST') {
    return failure?.syscall === 'mkdir'
      ? 'a part of its path is a file, not a folder'
      : 'it already exists';
  }
  if (code.startsWith('SQLITE_IOERR')) return REASONS.EIO!;
  return REASONS[code] ?? (error instanceof Error ? error.message : String(error));
}
