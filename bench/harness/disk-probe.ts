/**
 * What a file's creation costs the kernel on a disk as it is now, to read a row of many creates
 * (brat into a new folder, 422,517 files at 100,000 articles) against.
 *
 * On this VM's disk (ext4 without a journal) the inode allocator skips every inode freed in the
 * last minutes (`recently_deleted`, seen with `perf`: a quarter of a brat export's samples right
 * after a large deletion), scanning its group's bitmap from the start for each new file: by hand,
 * 17-25 µs of kernel time a file of 3.7 KB when nothing was deleted lately, 50-150 µs within a
 * few minutes of deleting 60,000-420,000 files (docs/readme/export.md, export44). The store's
 * rows end by deleting brat's two folders (845,034 files), so a run started within minutes of
 * another, or of another job's deletions, meets a slower disk than a person usually does.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Creates `files` files of 4 KB in `folder` (made new, on the disk to probe): the kernel time
 * (system CPU) per file, in µs. The files are left for the caller to remove once the run it
 * probes for is over: inodes freed just before it would slow its creates down, as above.
 */
export function createCostUs(folder: string, files = 2_000): number {
  mkdirSync(folder, { recursive: true });
  const bytes = Buffer.alloc(4096, 0x61);
  const before = process.cpuUsage();
  for (let i = 0; i < files; i++) {
    const fd = openSync(path.join(folder, `${i}.txt`), 'w', 0o644);
    try {
      writeSync(fd, bytes);
    } finally {
      closeSync(fd);
    }
  }
  return process.cpuUsage(before).system / files;
}
