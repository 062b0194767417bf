import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Files written on other threads, each replaced atomically but not fsynced (an export can be
 * made again from the store): a temp file beside it, then renamed over it, as `writeFileAtomic`
 * with `durable: false` does. brat writes two files per article and annotator, 422,517 at
 * 100,000 articles: one at a time through the event loop, its seven calls each waiting for a
 * turn of libuv's pool, that took 150 s. Here each thread makes its calls synchronously, in
 * batches, while the main thread reads and renders the next articles.
 */
export interface FolderWrites {
  /**
   * Queues a file; waits while the threads are behind, so memory stays bounded. Once a file
   * failed, nothing more is queued.
   */
  write(file: string, content: string | Uint8Array): Promise<void>;
  /**
   * Waits for every file queued, then ends the threads; throws the failure of the first file
   * queued that failed (whichever thread met its own first).
   */
  finish(): Promise<void>;
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
  parts: Uint8Array[];
  size: number;
}

interface Tools {
  fs: typeof fs;
  path: typeof path;
  pid: number;
}

interface ThreadState {
  made: Set<string>;
  tag: string;
  count: number;
}

/**
 * Writes a batch's files in order; returns the index of the one that failed with its error, or
 * null. Runs on a thread (as text, with `tools`), or on the main thread when none can start.
 */
function writeBatch(
  tools: Tools,
  state: ThreadState,
  files: string[],
  ends: number[],
  bytes: Uint8Array,
): { failed: number; code: string | undefined; message: string } | null {
  let from = 0;
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    const to = ends[i]!;
    let temp: string | null = null;
    try {
      const dir = tools.path.dirname(file);
      if (!state.made.has(dir)) {
        tools.fs.mkdirSync(dir, { recursive: true });
        state.made.add(dir);
      }
      // `.<name>.<pid>.<12 hex>.tmp`, the store's temp names, which a later open cleans up.
      const count = (state.count++ % 0x1000000).toString(16).padStart(6, '0');
      temp = tools.path.join(
        dir,
        `.${tools.path.basename(file)}.${tools.pid}.${state.tag}${count}.tmp`,
      );
      const fd = tools.fs.openSync(temp, 'wx', 0o644);
      try {
        let at = from;
        while (at < to) at += tools.fs.writeSync(fd, bytes, at, to - at);
      } finally {
        tools.fs.closeSync(fd);
      }
      tools.fs.renameSync(temp, file);
    } catch (error) {
      if (temp !== null) {
        try {
          tools.fs.rmSync(temp, { force: true });
        } catch {
          // Left for the next clean-up of temp files.
        }
      }
      const { code, message } = error as NodeJS.ErrnoException;
      return { failed: i, code, message };
    }
    from = to;
  }
  return null;
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const tools = { fs: require('node:fs'), path: require('node:path'), pid: process.pid };
const state = { made: new Set(), tag: workerData.tag, count: 0 };
const writeBatch = ${writeBatch.toString()};
parentPort.on('message', ({ id, files, ends, buffer }) => {
  const failure = writeBatch(tools, state, files, ends, new Uint8Array(buffer));
  parentPort.postMessage({ id, failure });
});
`;

interface Thread {
  worker: Worker | null;
  state: ThreadState;
  batch: Batch;
  /** Batches sent and not yet written, oldest first. */
  waiting: Map<number, { batch: Batch; done: () => void; written: Promise<void> }>;
}

/** The number of threads: one per core, two to four. */
function threadCount(): number {
  return Math.min(4, Math.max(2, availableParallelism()));
}

export function folderWrites(threads = threadCount()): FolderWrites {
  let failure: { at: number; error: FileNotWritten } | null = null;
  const failed = (batch: Batch, at: number, code: string | undefined, message: string) => {
    if (failure && failure.at <= batch.first + at) return;
    failure = { at: batch.first + at, error: new FileNotWritten(batch.files[at]!, code, message) };
  };
  let next = 0;
  let queued = 0;
  const pool: Thread[] = [];
  for (let i = 0; i < threads; i++) {
    const state = { made: new Set<string>(), tag: randomBytes(3).toString('hex'), count: 0 };
    const thread: Thread = { worker: null, state, batch: emptyBatch(0), waiting: new Map() };
    try {
      thread.worker = new Worker(WORKER, { eval: true, workerData: { tag: state.tag } });
      thread.worker.on(
        'message',
        ({ id, failure: met }: { id: number; failure: ReturnType<typeof writeBatch> }) => {
          const sent = thread.waiting.get(id)!;
          thread.waiting.delete(id);
          if (met) failed(sent.batch, met.failed, met.code, met.message);
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
    pool.push(thread);
  }
  const tools: Tools = { fs, path, pid: process.pid };

  /** Sends the thread its batch; waits while it has too many unwritten. */
  const send = async (thread: Thread) => {
    const { batch } = thread;
    const { files, ends, parts, size } = batch;
    if (files.length === 0) return;
    thread.batch = emptyBatch(queued);
    // A buffer of its own, handed over to the thread rather than copied.
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.byteLength;
    }
    if (!thread.worker) {
      const met = writeBatch(tools, thread.state, files, ends, bytes);
      if (met) failed(batch, met.failed, met.code, met.message);
      return;
    }
    const id = next++;
    const { buffer } = bytes;
    let done = () => {};
    const written = new Promise<void>((resolve) => {
      done = resolve;
    });
    thread.waiting.set(id, { batch, done, written });
    thread.worker.postMessage({ id, files, ends, buffer }, [buffer]);
    while (thread.waiting.size > IN_FLIGHT) await thread.waiting.values().next().value!.written;
  };

  return {
    async write(file, content) {
      if (failure) return;
      // One folder always to the same thread: threads creating and renaming files in one
      // folder wait for its lock, spinning (twice the system time of one thread); and a file
      // written twice ends as the last write left it.
      const thread = pool[hashOf(path.dirname(file)) % pool.length]!;
      const bytes = typeof content === 'string' ? Buffer.from(content) : content;
      const { batch } = thread;
      if (batch.files.length === 0) batch.first = queued;
      queued++;
      batch.files.push(file);
      batch.parts.push(bytes);
      batch.size += bytes.byteLength;
      batch.ends.push(batch.size);
      if (batch.size >= BATCH_BYTES || batch.files.length >= BATCH_FILES) await send(thread);
    },
    async finish() {
      try {
        if (!failure) for (const thread of pool) await send(thread);
        await Promise.all(
          pool.flatMap((thread) => [...thread.waiting.values()].map((sent) => sent.written)),
        );
      } finally {
        await Promise.all(pool.map((thread) => thread.worker?.terminate()));
      }
      if (failure) throw (failure as { error: FileNotWritten }).error;
    },
  };
}

function emptyBatch(first: number): Batch {
  return { first, files: [], ends: [], parts: [], size: 0 };
}

/** FNV-1a of a folder's path: which thread writes in it. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
