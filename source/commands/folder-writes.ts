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
 * A file may also be queued without its content (`check`), when the caller knows it would write
 * what the last export did (its record's `tag`, what it was made from, is the one it would make
 * now): a thread then only compares its stat with the record, and names the file and its
 * `owner` back (`settle`) when they differ, for the caller to write it with its content. Made, hashed and
 * handed over, 2 GB of brat files took most of a re-export's time, nothing changed.
 */
export interface FolderWrites {
  /**
   * Queues a file; waits while the threads are behind, so memory stays bounded. Once a file
   * failed, nothing more is queued. `known` is the record the last export made of the file
   * (`record`), if any.
   */
  write(file: string, content: string | Uint8Array, known?: string, tag?: string): Promise<void>;
  /**
   * Queues a file whose record (`known`) says it was made from what it would be made from now:
   * left when its stat still matches the record, else it is among those `settle` returns.
   */
  check(file: string, known: string, owner: string): Promise<void>;
  /**
   * Waits for every file queued; returns the files checked whose stat no longer matched their
   * record, with their owners, and forgets them.
   */
  settle(): Promise<Array<{ file: string; owner: string }>>;
  /**
   * Waits for every file queued, then ends the threads; throws the failure of the first file
   * queued that failed (whichever thread met its own first).
   */
  finish(): Promise<void>;
  /** How many files queued were found as they would be written, and left as they were. */
  left(): number;
}

/** The coarsest clock a folder's file system may keep times by (FAT's, 2 s), in ns. */
const COARSE_CLOCK = 2_000_000_000n;

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
 * What is recorded of a file, one line of text: `SIZE MTIME CTIME INODE HASH TAG PATH\n`, its
 * stat (times in ns), the first 16 bytes of its content's SHA-256 in hex, what the caller said it
 * was made from (`-`: nothing said), and its path (last: it may hold spaces). Made on the
 * threads, read by the next export's threads, kept in between by `export-manifest.ts`.
 */
export const RECORD_FIELDS = 6;

/** The record's `TAG` field (`-` when none), or undefined for no record. */
export function recordTag(record: string | undefined): string | undefined {
  if (record === undefined) return undefined;
  let at = 0;
  for (let field = 0; field < RECORD_FIELDS - 1; field++) at = record.indexOf(' ', at) + 1;
  if (at === 0) return undefined;
  const end = record.indexOf(' ', at);
  return end < 0 ? undefined : record.slice(at, end);
}

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

const EMPTY = new Uint8Array(0);

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
  /** Per file, '' when queued with its content, else the owner named back when it changed. */
  owners: string[];
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
  /** Per file, '' or the owner of a file queued to be checked only, one a line. */
  owners: string;
}

interface Outcome {
  failure: { failed: number; code: string | undefined; message: string } | null;
  /** The records of the files written or left (up to the one that failed). */
  records: string;
  /** Files found already as they would be written, and left. */
  left: number;
  /** The files checked whose stat no longer matched their record, with their owners. */
  changed: Array<{ file: string; owner: string }>;
}

/**
 * Writes a batch's files in order, or leaves those already as they would be written; stops at
 * the first that fails. Runs on a thread (as text, with `tools`, so it names nothing of this
 * module), or on the main thread when none can start.
 */
function writeBatch(tools: Tools, state: ThreadState, message: Message): Outcome {
  const { mode, stamp, prefix, files, ends, bytes, fields } = message;
  const { fs: f, path: p } = tools;
  const known = message.known.split('\n');
  const tags = message.tags.split('\n');
  const owners = message.owners.split('\n');
  let records = '';
  let left = 0;
  const changed: Array<{ file: string; owner: string }> = [];
  const record = (file: string, stat: import('node:fs').BigIntStats, hash: string, tag: string) => {
    if (!message.records) return;
    let name = file.slice(prefix);
    if (p.sep !== '/') name = name.split(p.sep).join('/');
    // A record is a line (the export's names never hold a line break; a record could not).
    if (name.includes('\n')) return;
    records += `${stat.size} ${stat.mtimeNs} ${stat.ctimeNs} ${stat.ino} ${hash} ${tag || '-'} ${name}\n`;
  };
  // Whether the file's stat is the one recorded, and old enough to be trusted: then its content
  // is the one hashed in the record.
  const asRecorded = (found: import('node:fs').BigIntStats | undefined, was: string[] | null) =>
    found?.isFile() &&
    was !== null &&
    was[0] === String(found.size) &&
    was[1] === String(found.mtimeNs) &&
    was[2] === String(found.ctimeNs) &&
    was[3] === String(found.ino) &&
    found.mtimeNs < stamp &&
    found.ctimeNs < stamp;
  let from = 0;
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    const to = ends[i]!;
    const view = bytes.subarray(from, to);
    from = to;
    let temp: string | null = null;
    const owner = owners[i];
    if (owner) {
      // Checked only: its record stands for its content, if the disk still bears it out.
      try {
        const found = f.lstatSync(file, { bigint: true, throwIfNoEntry: false });
        const was = known[i] ? known[i]!.split(' ', fields) : null;
        if (asRecorded(found, was)) {
          if (message.records) records += `${known[i]}\n`;
          left++;
          continue;
        }
      } catch {
        // Written again with its content, which says what is wrong, if anything still is.
      }
      changed.push({ file, owner });
      continue;
    }
    try {
      const hash = tools.crypto.createHash('sha256').update(view).digest('hex').slice(0, 32);
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
          record(file, f.fstatSync(fd, { bigint: true }), hash, tags[i]!);
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
        const same = asRecorded(found, was) ? was![4] === hash : f.readFileSync(file).equals(view);
        if (same) {
          record(file, found, hash, tags[i]!);
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
      record(file, f.lstatSync(file, { bigint: true }), hash, tags[i]!);
    } catch (error) {
      if (temp !== null) {
        try {
          f.rmSync(temp, { force: true });
        } catch {
          // Left for the next clean-up of temp files.
        }
      }
      const { code, message: text } = error as NodeJS.ErrnoException;
      return { failure: { failed: i, code, message: text }, records, left, changed };
    }
  }
  return { failure: null, records, left, changed };
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
const writeBatch = ${writeBatch.toString()};
parentPort.on('message', ({ id, message }) => {
  const outcome = writeBatch(tools, state, message);
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
}

/** The number of threads: one per core, two to four. */
function threadCount(): number {
  return Math.min(4, Math.max(2, availableParallelism()));
}

export function folderWrites(options: FolderWritesOptions = {}): FolderWrites {
  const mode = options.mode ?? 'replace';
  // The manifest's time is on the cache's file system; the folder's may keep times to the
  // second (ext4 with small inodes, HFS+) or two (FAT): a file changed within that of the
  // manifest would still show the time recorded. Such recent files are compared by their bytes.
  const stamp = options.stamp === undefined ? 0n : options.stamp - COARSE_CLOCK;
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
    owners: [],
  });
  const reuse = (buffer: ArrayBuffer) => {
    if (buffer.byteLength === BATCH_BYTES) pool.push(new Uint8Array(buffer));
  };
  let left = 0;
  let changed: Array<{ file: string; owner: string }> = [];
  const report = (batch: Batch, outcome: Outcome) => {
    left += outcome.left;
    for (const each of outcome.changed) changed.push(each);
    const met = outcome.failure;
    if (met) failed(batch, met.failed, met.code, met.message);
    if (onRecords && outcome.records.length > 0) onRecords(outcome.records);
  };
  let next = 0;
  let queued = 0;
  const all: Thread[] = [];
  for (let i = 0; i < threads; i++) {
    const state = { made: new Set<string>(), tag: crypto.randomBytes(3).toString('hex'), count: 0 };
    const thread: Thread = { worker: null, state, batch: fresh(0), waiting: new Map() };
    try {
      thread.worker = new Worker(WORKER, { eval: true, workerData: { tag: state.tag } });
      thread.worker.on(
        'message',
        ({ id, outcome, buffer }: { id: number; outcome: Outcome; buffer: ArrayBuffer }) => {
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
      });
    } catch {
      // No thread: its files are written on the main thread.
      thread.worker = null;
    }
    all.push(thread);
  }
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
      owners: batch.owners.join('\n'),
    };
    if (!thread.worker) {
      report(batch, writeBatch(tools, thread.state, message));
      reuse(batch.bytes.buffer as ArrayBuffer);
      return;
    }
    const id = next++;
    let done = () => {};
    const written = new Promise<void>((resolve) => {
      done = resolve;
    });
    thread.waiting.set(id, { batch, done, written });
    if (batch.size === 0) {
      // Files checked only: no bytes to hand over, the buffer stays to be filled again.
      message.bytes = EMPTY;
      reuse(batch.bytes.buffer as ArrayBuffer);
      thread.worker.postMessage({ id, message });
    } else thread.worker.postMessage({ id, message }, [batch.bytes.buffer as ArrayBuffer]);
    while (thread.waiting.size > IN_FLIGHT) await thread.waiting.values().next().value!.written;
  };

  const queue = async (
    file: string,
    content: string | Uint8Array,
    known: string,
    tag: string,
    owner: string,
  ) => {
    if (failure) return;
    // One folder always to the same thread: threads creating and renaming files in one
    // folder wait for its lock, spinning (twice the system time of one thread); and a file
    // written twice ends as the last write left it.
    const thread = all[hashOf(path.dirname(file)) % all.length]!;
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
    batch.owners.push(owner);
    if (batch.size >= BATCH_BYTES || batch.files.length >= BATCH_FILES) await send(thread);
  };

  return {
    write: (file, content, known, tag) => queue(file, content, known ?? '', tag ?? '', ''),
    check: (file, known, owner) => queue(file, EMPTY, known, '', owner),
    async settle() {
      if (!failure) for (const thread of all) await send(thread);
      await Promise.all(
        all.flatMap((thread) => [...thread.waiting.values()].map((sent) => sent.written)),
      );
      const files = changed;
      changed = [];
      return files;
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

/** FNV-1a of a text's UTF-16 code units (its bytes, for ASCII): which thread writes a folder. */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
