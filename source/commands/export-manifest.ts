import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isProcessAlive } from '../store/process.js';
import { makeFoldersSync } from '../text/folders.js';
import { hashOf, RECORD_FIELDS } from './folder-writes.js';

/**
 * What the last export into a folder wrote there, kept in the cache beside the store's index
 * (`exports/<hash of the folder>.manifest`): one record per file (`folder-writes.ts`: its size,
 * modification and change times, inode, content hash, what it was made from, what the export
 * kept beside it, and path). A re-export (a team's every day) then leaves alone a file whose stat still matches and whose new content hashes the same,
 * instead of replacing 422,517 files at 100,000 articles (231 s). It only saves work: a file
 * whose stat differs (edited by hand, replaced, touched) is compared by its bytes and written
 * again when they differ, and a manifest lost, unreadable or of another folder is none.
 *
 * A text file: a header line (the format and the folder), then the records, one a line.
 */
export interface Manifest {
  /** The record of the file at this path (relative, `/`-separated), if any. */
  lookup(path: string): string | undefined;
  /** The number of the record of the file at this path, or -1: `lookup` without its text. */
  find(path: string): number;
  /** Whether record `n` says its file was made from `tag` (its `TAG` field). */
  madeFrom(n: number, tag: string): boolean;
  /** Record `n`'s `NOTE` field ('' for none). */
  note(n: number): string;
  /** Record `n`'s path. */
  path(n: number): string;
  /** Whether `key` is the `pathKey` of the path of a record `n` with `of[n]` not 0. */
  holdsKey(key: number, of: Uint8Array): boolean;
  /** How many records it holds: numbered from 0. */
  records: number;
  /**
   * The file system's time the manifest was written at: a file changed at or after it may have
   * been changed within the clock's tick of its record, so its stat is not trusted.
   */
  stamp: bigint;
  /** The manifest's bytes (shared with the threads that check its records, not copied). */
  bytes: Uint8Array;
  /** Where its records start. */
  from: number;
  /** Where each record starts, and after the last, where it would (`records + 1` of them). */
  starts: Uint32Array;
  /** Whether record `n` says what its file was made from (a `TAG` field other than `-`). */
  tagged(n: number): boolean;
  /** What the export that wrote it said of itself at the end (`manifestWriter`'s `commit`). */
  trailer: string | null;
}

/**
 * The line after the records that says what the export said of itself: `#` and the text, URI
 * encoded (no space, no line break). A reader that knows nothing of it (a build before it)
 * takes it for a record cut short, one never found, and drops it: no version change.
 */
const TRAILER = 35;

/**
 * Version 2 recorded what each file was made from (`TAG`), 3 what the export keeps beside it
 * (`NOTE`); a manifest of an earlier version is none.
 */
const HEADER = 'margin export manifest 3\t';
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
      const stat = fs.fstatSync(fd, { bigint: true });
      stamp = stat.mtimeNs;
      // Shared: the threads that check the records read them where they are.
      bytes = Buffer.from(new SharedArrayBuffer(Number(stat.size)));
      let read = 0;
      while (read < bytes.length) {
        const got = fs.readSync(fd, bytes, read, bytes.length - read, read);
        if (got === 0) break;
        read += got;
      }
      if (read < bytes.length) bytes = bytes.subarray(0, read);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
  const headerEnd = bytes.indexOf(10);
  if (headerEnd < 0 || bytes.toString('utf8', 0, headerEnd) !== `${HEADER}${folder}`) return null;
  let count = 0;
  for (let at = bytes.indexOf(10, headerEnd + 1); at >= 0; at = bytes.indexOf(10, at + 1)) count++;
  // Each record's start, and where its path starts (after its other fields).
  const starts = new Uint32Array(count + 1);
  const paths = new Uint32Array(count);
  // Per record, 1 when its TAG field says what the file was made from.
  const tags = new Uint8Array(count);
  let trailer: string | null = null;
  // At most half full; a slot holds a record's number + 1 (0: empty), `hashes` its path's hash.
  let size = 1024;
  while (size < count * 2) size *= 2;
  const mask = size - 1;
  const slots = new Uint32Array(size);
  const hashes = new Uint32Array(size);
  let line = headerEnd + 1;
  for (let n = 0; n < count; n++) {
    starts[n] = line;
    const end = bytes.indexOf(10, line);
    let from = line;
    for (let field = 0; field < RECORD_FIELDS && from > 0; field++) {
      // The TAG field (the sixth) starts here: `-` and a space when nothing was said.
      if (field === 5) tags[n] = bytes[from] === 45 && bytes[from + 1] === 32 ? 0 : 1;
      from = bytes.indexOf(32, from) + 1;
    }
    if (bytes[line] === TRAILER) {
      tags[n] = 0;
      try {
        trailer = decodeURIComponent(bytes.toString('utf8', line + 1, end));
      } catch {
        trailer = null;
      }
    }
    line = end + 1;
    // A record cut short has no path: never found.
    if (from <= starts[n]! || from > end) {
      paths[n] = end;
      tags[n] = 0;
      continue;
    }
    paths[n] = from;
    // FNV-1a of the path's bytes: `hashOf` of its text when it is ASCII, as the export's are (a
    // path that is not is then never found, and its file compared by its bytes).
    let hash = 0x811c9dc5;
    for (let at = from; at < end; at++) hash = Math.imul(hash ^ bytes[at]!, 0x01000193);
    hash >>>= 0;
    let slot = hash & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = n + 1;
    hashes[slot] = hash;
  }
  starts[count] = line;
  // Whether the bytes from `at` to `end` are `text`, as ASCII (a text that is not is not found).
  const holds = (at: number, end: number, text: string) => {
    if (end - at !== text.length) return false;
    for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
    return true;
  };
  const find = (path: string) => {
    const hash = hashOf(path);
    for (let slot = hash & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
      if (hashes[slot] !== hash) continue;
      const n = slots[slot]! - 1;
      if (holds(paths[n]!, starts[n + 1]! - 1, path)) return n;
    }
    return -1;
  };
  // Record n's NOTE field ends before its path, its TAG before that.
  const noteAt = (n: number) => bytes.lastIndexOf(32, paths[n]! - 2) + 1;
  return {
    stamp,
    bytes,
    from: headerEnd + 1,
    starts,
    records: count,
    trailer,
    tagged: (n) => tags[n] === 1,
    find,
    lookup(path) {
      const n = find(path);
      return n < 0 ? undefined : bytes.toString('utf8', starts[n], starts[n + 1]! - 1);
    },
    madeFrom(n, tag) {
      const note = noteAt(n);
      return holds(bytes.lastIndexOf(32, note - 2) + 1, note - 1, tag);
    },
    holdsKey(key, of) {
      // A `pathKey` is the path's FNV-1a (its hash here) then 20 bits of it backwards.
      const hash = Math.floor(key / 0x100000);
      const low = key % 0x100000;
      for (let slot = hash & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
        if (hashes[slot] !== hash) continue;
        const n = slots[slot]! - 1;
        if (of[n] === 0) continue;
        let back = 0x811c9dc5;
        for (let at = starts[n + 1]! - 2; at >= paths[n]!; at--) {
          back = Math.imul(back ^ bytes[at]!, 0x01000193);
        }
        if (((back >>> 0) & 0xfffff) === low) return true;
      }
      return false;
    },
    path(n) {
      return bytes.toString('utf8', paths[n], starts[n + 1]! - 1);
    },
    note(n) {
      const note = bytes.toString('utf8', noteAt(n), paths[n]! - 1);
      return note === '-' ? '' : note;
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
    makeFoldersSync(dirname(file));
    fd = fs.openSync(temp, 'wx', 0o644);
    pending = `${HEADER}${folder}\n`;
  } catch {
    fd = null;
  }
  // Records of the last manifest kept as they were (`carry`), written at the end.
  let carried: { last: Pick<Manifest, 'bytes' | 'starts'>; kept: Uint8Array } | null = null;
  const writeCarried = () => {
    if (fd === null || carried === null) return;
    const { last, kept } = carried;
    const { bytes, starts } = last;
    try {
      // Runs of records kept, a write each: the records of a re-export's files left, in the
      // order the last export made them.
      for (let n = 0; n < kept.length; n++) {
        if (kept[n] === 0) continue;
        let end = n;
        while (end + 1 < kept.length && kept[end + 1] !== 0) end++;
        const from = starts[n]!;
        fs.writeSync(fd, bytes, from, starts[end + 1]! - from);
        n = end;
      }
    } catch {
      drop();
    }
  };
  return {
    /** Records, one a line. */
    add(records: string) {
      if (fd === null) return;
      pending += records;
      if (pending.length >= 1 << 20) flush();
    },
    /**
     * Records of `last` to keep as they are, by number (`kept[n]` not 0), once the export is over:
     * no text is made of each (a re-export leaves 422,517 files as recorded).
     */
    carry(last: Pick<Manifest, 'bytes' | 'starts'>, kept: Uint8Array) {
      carried = { last, kept };
    },
    /**
     * Puts it in place of the last one, and drops the manifests of folders gone since;
     * `trailer`, what the export says of itself, after the records (`Manifest.trailer`).
     */
    commit(trailer?: string) {
      flush();
      writeCarried();
      if (trailer !== undefined) {
        pending = `#${encodeURIComponent(trailer)}\n`;
        flush();
      }
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
