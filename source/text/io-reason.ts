/**
 * Why a read or write failed, in words a user acts on: the system's code (`ENOSPC`) is jargon, its
 * message (`no space left on device, write`) half of one. A reason without words of its own
 * keeps the system's message. Every layer's messages use it, so one failure reads alike in all.
 */
const REASONS: Record<string, string> = {
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EEXIST: 'a part of its path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file reached the largest size allowed here (ulimit -f)',
  EIO: 'the device failed (input/output error)',
  ENOENT: 'no such file or folder',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  EBUSY: 'the file is busy',
};

export function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  return REASONS[code] ?? (error instanceof Error ? error.message : String(error));
}
