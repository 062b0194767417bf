import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isProcessAlive } from '../store/process.js';
import { hashOf, RECORD_FIELDS } from './folder-writes.js';

/**
 * What the last export into a folder wrote there, kept in the cache beside the store's index
 * (`exports/<hash of the folder>.manifest`): one record per file (`folder-writes.ts`: its size,
 * modification and change times, inode, content hash, what it was made from and path). A re-export (a team's every
 * day) then leaves alone a file whose stat still matches and whose new content hashes the same,
 * instead of replacing 422,517 files at 100,000 articles (231 s). It only saves work: a file
 * whose stat differs (edited by hand, replaced, touched) is compared by its bytes and written
 * again when they differ, and a manifest lost, unreadable or of another folder is none.
 *
 * A text file: a header line (the format and the folder), then the records, one a line.
 */
export interface Manifest {
  /** The record of the file at this path (relative, `/`-separated), if any. */
  lookup(path: string): string | undefined;
  /**
   * The file system's time the manifest was written at: a file changed at or after it may have
   * been changed within the clock's tick of its record, so its stat is not trusted.
   */
  stamp: bigint;
}

/** Version 2 records what each file was made from (`TAG`); a manifest of 1 is none. */
const HEADER = 'margin export manifest 2\t';
/** Any version's, for tidying: the folder follows the tab. */
const ANY_HEADER = /^margin export manifest \d+\t/;

/** The manifest of the export folder `folder` (absolute, as `realFolder` gives it). */
export function manifestFile(cacheDir: string, folder: string): string {
  const id = createHash('sha256').update(folder).digest('hex').slice(0, 16);
  return join(cacheDir, 'exports', `${id}.manifest`);
}

/** The folder's path with symbolic links resolved, whether or not the folder exists yet. */
export function realFolder(folder: string): string {
  try {
    return fs.realpathSync(folder);
  } catch {
    try {
      return join(fs.realpathSync(dirname(folder)), basename(folder));
    } catch {
      return folder;
    }
  }
}

/**
 * The manifest of the last export into `folder`, or null when there is none to use. Held as
 * the file's bytes and a table of the offsets of its lines, open addressing by the hash of
 * their paths: 422,517 records in a Map took 95 MB of heap more than the bytes themselves.
 */
export function readManifest(file: string, folder: string): Manifest | null {
  let bytes: Buffer;
  let stamp: bigint;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      stamp = fs.fstatSync(fd, { bigint: true }).mtimeNs;
      bytes = fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
  const headerEnd = bytes.indexOf(10);
  if (headerEnd < 0 || bytes.toString('utf8', 0, headerEnd) !== `${HEADER}${folder}`) return null;
  const starts: number[] = [];
  for (let line = headerEnd + 1; line < bytes.length; ) {
    const end = bytes.indexOf(10, line);
    if (end < 0) break;
    starts.push(line);
    line = end + 1;
  }
  // Where the path starts in the line at `line`: after the record's other fields.
  const pathAt = (line: number) => {
    let at = line;
    for (let field = 0; field < RECORD_FIELDS; field++) at = bytes.indexOf(32, at) + 1;
    return at;
  };
  // At most half full; a slot holds a line's offset + 1 (0: empty), `hashes` its path's hash.
  let size = 1024;
  while (size < starts.length * 2) size *= 2;
  const mask = size - 1;
  const slots = new Uint32Array(size);
  const hashes = new Uint32Array(size);
  for (const line of starts) {
    const from = pathAt(line);
    if (from <= line) continue;
    // FNV-1a of the path's bytes: `hashOf` of its text when it is ASCII, as the export's are (a
    // path that is not is then never found, and its file compared by its bytes).
    let hash = 0x811c9dc5;
    for (let at = from; at < bytes.length && bytes[at] !== 10; at++)
      hash = Math.imul(hash ^ bytes[at]!, 0x01000193);
    hash >>>= 0;
    let slot = hash & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = line + 1;
    hashes[slot] = hash;
  }
  return {
    stamp,
    lookup(path) {
      const hash = hashOf(path);
      for (let slot = hash & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
        if (hashes[slot] !== hash) continue;
        const line = slots[slot]! - 1;
        const end = bytes.indexOf(10, line);
        const from = pathAt(line);
        if (bytes.toString('utf8', from, end) === path) return bytes.toString('utf8', line, end);
      }
      return undefined;
    },
  };
}

/**
 * The manifest of an export in progress, written to a temp file as records come and put in
 * place by `commit` once every file is written: a manifest never names a file the export did
 * not finish. Housekeeping, as all of the cache: failing to write it costs a later export time,
 * never its output, so it is swallowed.
 */
export function manifestWriter(file: string, folder: string) {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  let fd: number | null = null;
  let pending = '';
  const drop = () => {
    if (fd === null) return;
    try {
      fs.closeSync(fd);
      fs.rmSync(temp, { force: true });
    } catch {
      // Left behind in the cache, as any temp file of a process that died.
    }
    fd = null;
    pending = '';
  };
  const flush = () => {
    if (fd === null || pending.length === 0) return;
    try {
      fs.writeSync(fd, pending);
      pending = '';
    } catch {
      drop();
    }
  };
  try {
    fs.mkdirSync(dirname(file), { recursive: true });
    fd = fs.openSync(temp, 'wx', 0o644);
    pending = `${HEADER}${folder}\n`;
  } catch {
    fd = null;
  }
  return {
    /** Records, one a line. */
    add(records: string) {
      if (fd === null) return;
      pending += records;
      if (pending.length >= 1 << 20) flush();
    },
    /** Puts it in place of the last one, and drops the manifests of folders gone since. */
    commit() {
      flush();
      if (fd === null) return;
      try {
        fs.closeSync(fd);
        fd = null;
        fs.renameSync(temp, file);
      } catch {
        fs.rmSync(temp, { force: true });
      }
      pruneManifests(dirname(file), file);
    },
    abort: drop,
  };
}

const STALE_TEMP = /\.manifest\.(\d+)\.[0-9a-f]{12}\.tmp$/;

/**
 * Drops the manifests of folders that no longer exist (their first line names the folder), and
 * those left half written by an export whose process is gone.
 */
function pruneManifests(dir: string, keep: string): void {
  try {
    for (const name of fs.readdirSync(dir)) {
      const file = join(dir, name);
      // A manifest being written when its export was killed (45 MB at 100,000 articles).
      const writing = STALE_TEMP.exec(name);
      if (writing && !isProcessAlive(Number(writing[1]))) {
        fs.rmSync(file, { force: true });
        continue;
      }
      if (file === keep || !name.endsWith('.manifest')) continue;
      const head = Buffer.alloc(4096);
      const fd = fs.openSync(file, 'r');
      let read: number;
      try {
        read = fs.readSync(fd, head, 0, head.length, 0);
      } finally {
        fs.closeSync(fd);
      }
      const line = head.toString('utf8', 0, read).split('\n')[0]!;
      const header = ANY_HEADER.exec(line);
      if (header && !fs.existsSync(line.slice(header[0].length))) {
        fs.rmSync(file, { force: true });
      }
    }
  } catch {
    // Housekeeping: a cache that cannot be tidied is still a cache.
  }
}
