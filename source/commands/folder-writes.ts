import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Files written on other threads, not fsynced (an export can be made again from the store).
 * brat writes two files per article and annotator, 422,517 at 100,000 articles: one at a time
 * through the event loop, its seven calls each waiting for a turn of libuv's pool, that took
 * 150 s. Here each thread makes its calls synchronously, in batches, while the main thread reads
 * and renders the next articles.
 *
 * Two ways to write (`WriteMode`):
 * - `create`, into a folder nobody else sees yet (`export-folder.ts`): a plain create. Replacing
 *   each file through a temp name and a rename cost 67-92 µs of kernel time per file here, a
 *   plain create 25-30 µs.
 * - `replace`, into a folder that holds files already (an earlier export): a file whose content
 *   is already the one to write is left alone: its stat and content hash match what the last
 *   export recorded (`export-manifest.ts`), or, where nothing trustworthy was recorded, its
 *   bytes are read and compared. Any other file is written to a temp name beside it and renamed
 *   over it, so a reader never sees half a file.
 *
 * Every file written or left reports its stat and hash back (`Written`), for the next manifest.
 *
 * The last export's records can also be checked on disk whole (`verify`), on the threads, a
 * share each: the files whose stat no longer bears out their record are named back. A caller
 * that knows it would write a file as the last export made it (its record's `tag`, what it was
 * made from, is the one it would make now) then need not make it nor queue it: made, hashed and
 * handed over, 2 GB of brat files took most of a re-export's time, nothing changed, and queued
 * to be checked a batch at a time, 1,650 messages to the threads, 1-2.5 s of the main thread's.
 */
export interface FolderWrites {
  /**
   * Queues a file; waits while the threads are behind, so memory stays bounded. Once a file
   * failed, nothing more is queued. `known` is the record the last export made of the file
   * (`record`), if any; `tag` and `note` go into its record (`RECORD_FIELDS`).
   */
  write(
    file: string,
    content: string | Uint8Array,
    known?: string,
    tag?: string,
    note?: string,
  ): Promise<void>;
  /**
   * Compares every record of `records` (a manifest's bytes, its records from `from` on, paths
   * relative to `root`) with its file's stat, on the threads; resolves with the paths (as
   * recorded) of those the disk no longer bears out: changed, replaced, removed, or too recent
   * to be trusted; null when a thread failed (then none is to be trusted). A manifest's bytes in
   * a `SharedArrayBuffer` are not copied to the threads.
   */
  verify(records: Uint8Array, from: number, root: string): Promise<Set<string> | null>;
  /**
   * The files below `root` whose names end with `suffix`, as the `pathKey` of their paths
   * relative to it (`/`-separated), listed on a thread; null when it failed.
   */
  keysBelow(root: string, suffix: string): Promise<Float64Array | null>;
  /**
   * Waits for every file queued, then ends the threads; throws the failure of the first file
   * queued that failed (whichever thread met its own first).
   */
  finish(): Promise<void>;
  /** How many files queued were found as they would be written, and left as they were. */
  left(): number;
}

export type WriteMode = 'create' | 'replace';

export interface FolderWritesOptions {
  mode?: WriteMode;
  threads?: number;
  /**
   * Recorded files changed at or after this time (ns, the file system's clock) are not trusted
   * on their stat: a change within the clock's tick of the record would leave the stat as it was.
   */
  stamp?: bigint;
  /**
   * Records, with paths relative to this folder (`/`-separated), are made of every file written
   * or left and handed to `onRecords`, a batch's at a time, in no particular order.
   */
  recordsIn?: string;
  onRecords?: (records: string) => void;
}

/**
 * What is recorded of a file, one line of text: `SIZE MTIME CTIME INODE HASH TAG NOTE PATH\n`,
 * its stat (times in ns), the first 16 bytes of its content's SHA-256 in hex, what the caller
 * said it was made from and what it asked to keep beside it (`-`: nothing said; neither holds a
 * space), and its path (last: it may hold spaces). Made on the threads (or, for a file left as
 * the last export recorded it, that record), kept in between by `export-manifest.ts`.
 */
export const RECORD_FIELDS = 7;

/** A file that could not be written: its path as queued, with the error's code. */
export class FileNotWritten extends Error {
  constructor(
    readonly file: string,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** A thread's batch is sent at this many bytes or files: few messages, little held. */
const BATCH_BYTES = 1 << 20;
const BATCH_FILES = 256;
/** Batches sent to one thread and not yet written: enough to keep it busy, no more. */
const IN_FLIGHT = 2;

interface Batch {
  /** The queue position of its first file. */
  first: number;
  files: string[];
  ends: number[];
  /** Its files' bytes, one after the other: a buffer of the pool unless one file outgrew it. */
  bytes: Uint8Array;
  size: number;
  /** Per file, the record the last export made of it, or ''. */
  known: string[];
  /** Per file, what it was made from (`tag`, no spaces), or ''. */
  tags: string[];
  /** Per file, what the caller keeps beside its record (no spaces), or ''. */
  notes: string[];
}

interface Tools {
  fs: typeof fs;
  path: typeof path;
  crypto: typeof crypto;
  pid: number;
}

interface ThreadState {
  made: Set<string>;
  tag: string;
  count: number;
}

interface Message {
  mode: WriteMode;
  stamp: bigint;
  /** The length of the folder's path and separator to cut from each file's, for its record. */
  prefix: number;
  records: boolean;
  /** `RECORD_FIELDS`, given since the thread's code names nothing of this module. */
  fields: number;
  files: string[];
  ends: number[];
  bytes: Uint8Array;
  /** Per file, the record the last export made of it, or '', one a line. */
  known: string;
  /** Per file, its tag or '', one a line. */
  tags: string;
  /** Per file, its note or '', one a line. */
  notes: string;
}

/** A folder to list (`keysBelow`). */
interface Walk {
  walk: true;
  root: string;
  suffix: string;
}

/** A path as a number of 52 bits: FNV-1a of it, and 20 bits of FNV-1a of it reversed. */
export function pathKey(path: string): number {
  let forth = 0x811c9dc5;
  let back = 0x811c9dc5;
  for (let i = 0, j = path.length - 1; i < path.length; i++, j--) {
    forth = Math.imul(forth ^ path.charCodeAt(i), 0x01000193);
    back = Math.imul(back ^ path.charCodeAt(j), 0x01000193);
  }
  return (forth >>> 0) * 0x100000 + ((back >>> 0) & 0xfffff);
}

/** `keysBelow` on a thread: a folder listed, a `pathKey` per file named with the suffix. */
function walkKeys(tools: Tools, keyOf: typeof pathKey, message: Walk): { keys: Float64Array } {
  const { fs: f, path: p } = tools;
  const keys: number[] = [];
  const walk = (folder: string, prefix: string) => {
    for (const entry of f.readdirSync(folder, { withFileTypes: true })) {
      const name = `${prefix}${entry.name}`;
      if (entry.isDirectory()) walk(p.join(folder, entry.name), `${name}/`);
      else if (entry.isFile() && entry.name.endsWith(message.suffix)) keys.push(keyOf(name));
    }
  };
  walk(message.root, '');
  return { keys: Float64Array.from(keys) };
}

/** A share of a manifest's records to compare with the disk (`verify`). */
interface Verify {
  verify: true;
  stamp: bigint;
  fields: number;
  /** The folder the records' paths are relative to. */
  root: string;
  bytes: Uint8Array;
  /** The share: the records starting from `from` up to `to`. */
  from: number;
  to: number;
}

interface Outcome {
  failure: { failed: number; code: string | undefined; message: string } | null;
  /** The records of the files written or left (up to the one that failed). */
  records: string;
  /** Files found already as they would be written, and left. */
  left: number;
}

/**
 * Whether the file's stat (`found`) is the one recorded (`was`: the record's fields, split), and
 * old enough to be trusted: then its content is the one hashed in the record. Runs on the
 * threads too (as text), so it names nothing of this module (its numbers are written here).
 *
 * Old enough: changed a tick of the folder's clock before `stamp`, the manifest's time (on the
 * cache's file system), so that a later change shows another time. A file system that keeps
 * times to the second (ext4 with small inodes, HFS+) or two (FAT) gives whole seconds: 2 s.
 * One whose times have a fraction keeps them finer (ext4, XFS, btrfs, NTFS, APFS: a kernel
 * tick, 1-10 ms; exFAT 10 ms): 100 ms. With 2 s for all, the first re-export after a new
 * folder (written at 30,000 files a second) compared the bytes of the 7% written last.
 */
export function asRecorded(
  found: import('node:fs').BigIntStats | undefined,
  was: string[] | null,
  stamp: bigint,
): boolean {
  if (found?.isFile() !== true || was === null) return false;
  const second = 1_000_000_000n;
  const fine = found.mtimeNs % second !== 0n || found.ctimeNs % second !== 0n;
  const before = stamp - (fine ? 100_000_000n : 2n * second);
  return (
    was[0] === String(found.size) &&
    was[1] === String(found.mtimeNs) &&
    was[2] === String(found.ctimeNs) &&
    was[3] === String(found.ino) &&
    found.mtimeNs < before &&
    found.ctimeNs < before
  );
}

/**
 * The records of a share (`Verify`) whose file the disk no longer bears out, by their paths as
 * recorded. Runs on a thread, as `writeBatch` does.
 */
function verifyRecords(
  tools: Tools,
  same: typeof asRecorded,
  message: Verify,
): { changed: string[] } {
  const { bytes, to, fields, stamp, root } = message;
  const { fs: f, path: p } = tools;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const changed: string[] = [];
  for (let line = message.from; line < to; ) {
    let end = text.indexOf(10, line);
    if (end < 0 || end > to) end = to;
    const record = text.toString('utf8', line, end);
    line = end + 1;
    const was = record.split(' ', fields);
    let at = 0;
    for (let field = 0; field < fields; field++) at = record.indexOf(' ', at) + 1;
    if (at === 0) continue;
    const name = record.slice(at);
    const file = p.sep === '/' ? `${root}/${name}` : p.join(root, ...name.split('/'));
    let found: import('node:fs').BigIntStats | undefined;
    try {
      found = f.lstatSync(file, { bigint: true, throwIfNoEntry: false });
    } catch {
      found = undefined;
    }
    if (!same(found, was, stamp)) changed.push(name);
  }
  return { changed };
}

/**
 * Writes a batch's files in order, or leaves those already as they would be written; stops at
 * the first that fails. Runs on a thread (as text, with `tools`, so it names nothing of this
 * module), or on the main thread when none can start.
 */
function writeBatch(
  tools: Tools,
  same: typeof asRecorded,
  state: ThreadState,
  message: Message,
): Outcome {
  const { mode, stamp, prefix, files, ends, bytes, fields } = message;
  const { fs: f, path: p } = tools;
  const known = message.known.split('\n');
  const tags = message.tags.split('\n');
  const notes = message.notes.split('\n');
  let records = '';
  let left = 0;
  const record = (file: string, stat: import('node:fs').BigIntStats, hash: string, at: number) => {
    if (!message.records) return;
    let name = file.slice(prefix);
    if (p.sep !== '/') name = name.split(p.sep).join('/');
    // A record is a line (the export's names never hold a line break; a record could not).
    if (name.includes('\n')) return;
    records += `${stat.size} ${stat.mtimeNs} ${stat.ctimeNs} ${stat.ino} ${hash} ${tags[at] || '-'} ${notes[at] || '-'} ${name}\n`;
  };
  let from = 0;
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    const to = ends[i]!;
    const view = bytes.subarray(from, to);
    from = to;
    let temp: string | null = null;
    try {
      // One call (Node 20.12 and later): a third less CPU than a Hash object per file.
      const hash = (
        tools.crypto.hash
          ? tools.crypto.hash('sha256', view, 'hex')
          : tools.crypto.createHash('sha256').update(view).digest('hex')
      ).slice(0, 32);
      const dir = p.dirname(file);
      if (!state.made.has(dir)) {
        f.mkdirSync(dir, { recursive: true });
        state.made.add(dir);
      }
      if (mode === 'create') {
        // Nobody else sees the folder yet: nothing to protect, a plain create.
        const fd = f.openSync(file, 'w', 0o644);
        try {
          let at = 0;
          while (at < view.length) at += f.writeSync(fd, view, at, view.length - at);
          record(file, f.fstatSync(fd, { bigint: true }), hash, i);
        } finally {
          f.closeSync(fd);
        }
        continue;
      }
      const found = f.lstatSync(file, { bigint: true, throwIfNoEntry: false });
      if (found?.isFile() && found.size === BigInt(view.length)) {
        const was = known[i] ? known[i]!.split(' ', fields) : null;
        // As the last export left it, its content was the one hashed then; else (nothing
        // recorded that the disk still bears out) its bytes say.
        const kept = same(found, was, stamp) ? was![4] === hash : f.readFileSync(file).equals(view);
        if (kept) {
          record(file, found, hash, i);
          left++;
          continue;
        }
      }
      // `.<name>.<pid>.<12 hex>.tmp`, the store's temp names, which a later open cleans up.
      const serial = (state.count++ % 0x1000000).toString(16).padStart(6, '0');
      temp = p.join(dir, `.${p.basename(file)}.${tools.pid}.${state.tag}${serial}.tmp`);
      const fd = f.openSync(temp, 'wx', 0o644);
      try {
        let at = 0;
        while (at < view.length) at += f.writeSync(fd, view, at, view.length - at);
      } finally {
        f.closeSync(fd);
      }
      f.renameSync(temp, file);
      temp = null;
      // After the rename, which changes the ctime.
      record(file, f.lstatSync(file, { bigint: true }), hash, i);
    } catch (error) {
      if (temp !== null) {
        try {
          f.rmSync(temp, { force: true });
        } catch {
          // Left for the next clean-up of temp files.
        }
      }
      const { code, message: text } = error as NodeJS.ErrnoException;
      return { failure: { failed: i, code, message: text }, records, left };
    }
  }
  return { failure: null, records, left };
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const tools = {
  fs: require('node:fs'),
  path: require('node:path'),
  crypto: require('node:crypto'),
  pid: process.pid,
};
const state = { made: new Set(), tag: workerData.tag, count: 0 };
const asRecorded = ${asRecorded.toString()};
const writeBatch = ${writeBatch.toString()};
const verifyRecords = ${verifyRecords.toString()};
const pathKey = ${pathKey.toString()};
const walkKeys = ${walkKeys.toString()};
parentPort.on('message', ({ id, message }) => {
  if (message.verify) {
    parentPort.postMessage({ id, outcome: verifyRecords(tools, asRecorded, message) });
    return;
  }
  if (message.walk) {
    let outcome = null;
    try {
      outcome = walkKeys(tools, pathKey, message);
    } catch {
      // Null: the caller lists the folder itself.
    }
    parentPort.postMessage({ id, outcome }, outcome ? [outcome.keys.buffer] : []);
    return;
  }
  const outcome = writeBatch(tools, asRecorded, state, message);
  // The batch's buffer goes back to the main thread, to be filled again.
  const buffer = message.bytes.buffer;
  parentPort.postMessage({ id, outcome, buffer }, [buffer]);
});
`;

interface Sent {
  batch: Batch;
  done: () => void;
  written: Promise<void>;
}

interface Thread {
  worker: Worker | null;
  state: ThreadState;
  batch: Batch;
  /** Batches sent and not yet written, oldest first. */
  waiting: Map<number, Sent>;
  /** Folders given to it, and files queued to it (`pickThread`). */
  folders: number;
  files: number;
}

/** The number of threads started: one per core, two to four. */
function threadCount(): number {
  return Math.min(4, Math.max(2, availableParallelism()));
}

/** Threads at most: one per folder up to this many, whatever the cores (`pickThread`). */
const MOST_THREADS = 4;

/**
 * The thread for a folder seen for the first time, which then writes all of its files: threads
 * creating files in one folder wait for its lock, spinning (twice the system time of one
 * thread), and a file written twice ends as the last write left it. A thread with no folder
 * yet, else a new one (the index past the last) while there are fewer than `most`, else the one
 * with the fewest files queued. Folders hashed onto two threads put two of a team's three
 * annotator folders on one: it made two thirds of a new brat folder's files while the other
 * idled, and the export waited for it.
 */
export function pickThread(
  threads: ReadonlyArray<{ folders: number; files: number }>,
  most: number,
): number {
  const idle = threads.findIndex((thread) => thread.folders === 0);
  if (idle >= 0) return idle;
  if (threads.length < most) return threads.length;
  let least = 0;
  for (let i = 1; i < threads.length; i++) {
    if (threads[i]!.files < threads[least]!.files) least = i;
  }
  return least;
}

export function folderWrites(options: FolderWritesOptions = {}): FolderWrites {
  const mode = options.mode ?? 'replace';
  // A file changed within a tick of the folder's clock before the manifest's time would still
  // show the time recorded: such recent files are compared by their bytes (`asRecorded`).
  const stamp = options.stamp ?? 0n;
  const threads = options.threads ?? threadCount();
  const { onRecords } = options;
  const prefix = options.recordsIn === undefined ? 0 : path.join(options.recordsIn, 'x').length - 1;
  let failure: { at: number; error: FileNotWritten } | null = null;
  const failed = (batch: Batch, at: number, code: string | undefined, message: string) => {
    if (failure && failure.at <= batch.first + at) return;
    failure = { at: batch.first + at, error: new FileNotWritten(batch.files[at]!, code, message) };
  };
  // Buffers of BATCH_BYTES handed back by the threads, filled again rather than allocated per
  // batch: a buffer transferred to a thread was freed only when that thread's collector ran,
  // and the export's peak grew with the batches in between.
  const pool: Uint8Array[] = [];
  const fresh = (first: number): Batch => ({
    first,
    files: [],
    ends: [],
    bytes: pool.pop() ?? new Uint8Array(BATCH_BYTES),
    size: 0,
    known: [],
    tags: [],
    notes: [],
  });
  const reuse = (buffer: ArrayBuffer) => {
    if (buffer.byteLength === BATCH_BYTES) pool.push(new Uint8Array(buffer));
  };
  let left = 0;
  const report = (batch: Batch, outcome: Outcome) => {
    left += outcome.left;
    const met = outcome.failure;
    if (met) failed(batch, met.failed, met.code, met.message);
    if (onRecords && outcome.records.length > 0) onRecords(outcome.records);
  };
  let next = 0;
  let queued = 0;
  const all: Thread[] = [];
  // Shares of `verify` under way, by message id: each resolves with its changed paths, or null
  // when its thread failed.
  const verifying = new Map<
    number,
    { thread: Thread; done: (outcome: { changed?: string[]; keys?: Float64Array } | null) => void }
  >();
  const start = () => {
    const state = { made: new Set<string>(), tag: crypto.randomBytes(3).toString('hex'), count: 0 };
    const thread: Thread = {
      worker: null,
      state,
      batch: fresh(queued),
      waiting: new Map(),
      folders: 0,
      files: 0,
    };
    try {
      thread.worker = new Worker(WORKER, { eval: true, workerData: { tag: state.tag } });
      thread.worker.on(
        'message',
        ({ id, outcome, buffer }: { id: number; outcome: Outcome; buffer: ArrayBuffer }) => {
          const share = verifying.get(id);
          if (share) {
            verifying.delete(id);
            share.done(outcome as unknown as { changed?: string[]; keys?: Float64Array } | null);
            return;
          }
          const sent = thread.waiting.get(id)!;
          thread.waiting.delete(id);
          reuse(buffer);
          report(sent.batch, outcome);
          sent.done();
        },
      );
      thread.worker.on('error', (error) => {
        // Its oldest batch unwritten stands for them all.
        const [oldest] = thread.waiting.values();
        if (oldest) failed(oldest.batch, 0, undefined, error.message);
        for (const sent of thread.waiting.values()) sent.done();
        thread.waiting.clear();
        for (const [id, share] of verifying) {
          if (share.thread !== thread) continue;
          verifying.delete(id);
          share.done(null);
        }
      });
    } catch {
      // No thread: its files are written on the main thread.
      thread.worker = null;
    }
    all.push(thread);
    return thread;
  };
  for (let i = 0; i < threads; i++) start();
  const most = Math.max(threads, MOST_THREADS);
  // Each folder's thread (`pickThread`).
  const owners = new Map<string, Thread>();
  const ownerOf = (folder: string) => {
    let thread = owners.get(folder);
    if (!thread) {
      const at = pickThread(all, most);
      thread = all[at] ?? start();
      thread.folders++;
      owners.set(folder, thread);
    }
    return thread;
  };
  const tools: Tools = { fs, path, crypto, pid: process.pid };

  /** Sends the thread its batch; waits while it has too many unwritten. */
  const send = async (thread: Thread) => {
    const { batch } = thread;
    if (batch.files.length === 0) return;
    thread.batch = fresh(queued);
    const message: Message = {
      mode,
      stamp,
      prefix,
      records: onRecords !== undefined,
      fields: RECORD_FIELDS,
      files: batch.files,
      ends: batch.ends,
      // The part filled, sharing the buffer, handed over to the thread rather than copied.
      bytes: new Uint8Array(batch.bytes.buffer, 0, batch.size),
      known: batch.known.join('\n'),
      tags: batch.tags.join('\n'),
      notes: batch.notes.join('\n'),
    };
    if (!thread.worker) {
      report(batch, writeBatch(tools, asRecorded, thread.state, message));
      reuse(batch.bytes.buffer as ArrayBuffer);
      return;
    }
    const id = next++;
    let done = () => {};
    const written = new Promise<void>((resolve) => {
      done = resolve;
    });
    thread.waiting.set(id, { batch, done, written });
    thread.worker.postMessage({ id, message }, [batch.bytes.buffer as ArrayBuffer]);
    while (thread.waiting.size > IN_FLIGHT) await thread.waiting.values().next().value!.written;
  };

  const queue = async (
    file: string,
    content: string | Uint8Array,
    known: string,
    tag: string,
    note: string,
  ) => {
    if (failure) return;
    // One folder always to the same thread (`pickThread`).
    const thread = ownerOf(path.dirname(file));
    thread.files++;
    const length = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
    if (thread.batch.files.length > 0 && thread.batch.size + length > thread.batch.bytes.length) {
      await send(thread);
    }
    const { batch } = thread;
    if (length > batch.bytes.length) {
      // A file larger than a pooled buffer has a buffer of its own.
      pool.push(batch.bytes);
      batch.bytes = new Uint8Array(length);
    }
    if (batch.files.length === 0) batch.first = queued;
    queued++;
    if (typeof content === 'string') {
      Buffer.from(batch.bytes.buffer).write(content, batch.size);
    } else batch.bytes.set(content, batch.size);
    batch.size += length;
    batch.files.push(file);
    batch.ends.push(batch.size);
    batch.known.push(known);
    batch.tags.push(tag);
    batch.notes.push(note);
    if (batch.size >= BATCH_BYTES || batch.files.length >= BATCH_FILES) await send(thread);
  };

  return {
    write: (file, content, known, tag, note) =>
      queue(file, content, known ?? '', tag ?? '', note ?? ''),
    async verify(records, from, root) {
      // A share per thread, cut at line ends.
      const cuts = [from];
      for (let i = 1; i < all.length; i++) {
        const at = Math.max(
          cuts[i - 1]!,
          from + Math.floor(((records.length - from) * i) / all.length),
        );
        const end = records.indexOf(10, at);
        cuts.push(end < 0 ? records.length : end + 1);
      }
      cuts.push(records.length);
      const shares = all.map((thread, i) => {
        const message: Verify = {
          verify: true,
          stamp,
          fields: RECORD_FIELDS,
          root,
          bytes: records,
          from: cuts[i]!,
          to: cuts[i + 1]!,
        };
        if (!thread.worker || message.from >= message.to) {
          return Promise.resolve(
            message.from >= message.to ? [] : verifyRecords(tools, asRecorded, message).changed,
          );
        }
        const id = next++;
        return new Promise<string[] | null>((done) => {
          verifying.set(id, { thread, done: (outcome) => done(outcome?.changed ?? null) });
          thread.worker!.postMessage({ id, message });
        });
      });
      const changed = new Set<string>();
      for (const share of await Promise.all(shares)) {
        if (share === null) return null;
        for (const name of share) changed.add(name);
      }
      return changed;
    },
    async keysBelow(root, suffix) {
      const message: Walk = { walk: true, root, suffix };
      // The last thread: the first has the first share of `verify` and of the files.
      const thread = all[all.length - 1]!;
      if (!thread.worker) {
        try {
          return walkKeys(tools, pathKey, message).keys;
        } catch {
          return null;
        }
      }
      const id = next++;
      return new Promise<Float64Array | null>((done) => {
        verifying.set(id, { thread, done: (outcome) => done(outcome?.keys ?? null) });
        thread.worker!.postMessage({ id, message });
      });
    },
    async finish() {
      try {
        if (!failure) for (const thread of all) await send(thread);
        await Promise.all(
          all.flatMap((thread) => [...thread.waiting.values()].map((sent) => sent.written)),
        );
      } finally {
        await Promise.all(all.map((thread) => thread.worker?.terminate()));
      }
      if (failure) throw (failure as { error: FileNotWritten }).error;
    },
    left: () => left,
  };
}

/** FNV-1a of a text's UTF-16 code units (its bytes, for ASCII): the manifest's path lookup. */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
