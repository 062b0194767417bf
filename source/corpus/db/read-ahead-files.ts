import { closeSync, constants, openSync, readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * When a refresh reads its files ahead of the cleaning threads, and how far. Tests lower `from`
 * so that a few files go through the thread as 100,000 do.
 */
export const readAheadSettings = {
  /** Below this many files to read, none is read ahead: the thread costs more than it saves. */
  from: 2_048,
  /** How many files past those handed to the cleaning threads the thread reads. */
  ahead: 768,
  /** Bytes of each file read: the kernel's read-ahead brings in the rest of a small file. */
  bytes: 64 * 1024,
  /**
   * A file opened and read within this many milliseconds was in the file cache (one from the
   * disk takes a tenth of a millisecond or more). After `cachedRun` such files in a row, only
   * one file in `sample` is read, until one is not cached: the files a previous run left in the
   * cache are not read twice (14 µs of CPU a file, 1.4 s at 100,000), and those it did not are
   * runs of the corpus order, which the sample finds.
   */
  cachedMs: 0.04,
  cachedRun: 32,
  sample: 16,
  /**
   * Whether the thread starts with the refresh. If not, it starts only once a file about to be
   * handed on (one in 64, read here) is not in the cache: a corpus the cache holds whole costs
   * neither the thread's memory (22 MB at 100,000 files) nor its reads. Tests set it.
   */
  always: false,
};

/**
 * The state both threads share: how many files were handed on (the thread reads up to `ahead`
 * past it), 1 once the thread must stop, how many files it has gone past, and how many of those
 * it read (the rest it passed over as likely cached).
 */
const HANDED = 0;
const STOP = 1;
const PAST = 2;
const OPENED = 3;

/**
 * Reads the files in order, never more than `ahead` past what the refresh has handed on.
 * Opened without blocking, so that a file replaced by a named pipe since the look cannot hold
 * the thread; any failure is the cleaning thread's to report, not this one's. Self-contained:
 * its source text is what the thread runs.
 */
function readAhead(
  fs: typeof import('node:fs'),
  job: {
    root: string;
    /** The paths in UTF-8, each ended by a NUL byte, in memory both threads share. */
    names: Uint8Array;
    count: number;
    startAt: number;
    state: Int32Array;
    ahead: number;
    bytes: number;
    cachedMs: number;
    cachedRun: number;
    sample: number;
  },
): void {
  // The indexes of the state are written out: this function's text runs alone on the thread.
  const { root, state, ahead, names } = job;
  const bytes = Buffer.from(names.buffer, names.byteOffset, names.length);
  let from = 0;
  // Started late, at the file then next to be handed on: those before it are read already.
  for (let i = 0; i < job.startAt; i++) from = bytes.indexOf(0, from) + 1;
  const scratch = Buffer.allocUnsafe(job.bytes);
  const flags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
  /** Reads in a row that the file cache answered; files to pass over before the next read. */
  let cached = 0;
  let skip = 0;
  for (let i = job.startAt; i < job.count; i++) {
    // The names are read from the bytes one at a time: split into strings at once, 100,000
    // of them took some 6 MB of this thread's heap.
    let to = bytes.indexOf(0, from);
    if (to < 0) to = bytes.length;
    const name = bytes.toString('utf8', from, to);
    from = to + 1;
    for (;;) {
      if (Atomics.load(state, 1) !== 0) return;
      const handed = Atomics.load(state, 0);
      if (i < handed + ahead) break;
      Atomics.wait(state, 0, handed, 1000);
    }
    if (skip > 0) {
      skip--;
    } else {
      const started = performance.now();
      let fd = -1;
      try {
        fd = fs.openSync(`${root}/${name}`, flags);
        fs.readSync(fd, scratch, 0, scratch.length, 0);
      } catch {
        // Not this thread's to report.
      } finally {
        if (fd >= 0) fs.closeSync(fd);
      }
      Atomics.add(state, 3, 1);
      if (performance.now() - started < job.cachedMs) {
        if (++cached >= job.cachedRun) skip = job.sample - 1;
      } else cached = 0;
    }
    Atomics.store(state, 2, i + 1);
  }
}

const WORKER = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const readAhead = ${readAhead.toString()};
readAhead(fs, workerData);
`;

/**
 * Reads a refresh's files from the disk into the system's file cache on a thread of its own,
 * a few hundred files before the cleaning threads ask for them. A first index of a corpus that
 * is not in the file cache had the cleaning threads wait on the disk for each file: 306 MB read
 * from the disk during one of 100,000 articles, and the two cores busy 178 % of the time (the
 * rest waiting). Where the files turn out to be cached, the thread reads only a sample of them.
 */
export class FileReadAhead {
  private worker: Worker | null = null;
  /** Whether the thread was started (or its start failed): it is not tried twice. */
  private tried = false;
  private readonly state = new Int32Array(new SharedArrayBuffer(16));
  private handed = 0;
  private readonly total: number;
  /** Files looked at in a row that were not in the cache. */
  private slow = 0;

  /** `paths` relative to `root`, with '/', in the order they will be handed on. */
  constructor(
    private readonly root: string,
    private readonly paths: readonly string[],
  ) {
    this.total = paths.length;
    if (readAheadSettings.always) this.start(0);
  }

  /** Whether the thread runs (or ran). */
  get started(): boolean {
    return this.worker !== null;
  }

  private start(startAt: number): void {
    this.tried = true;
    const { root, paths } = this;
    Atomics.store(this.state, PAST, startAt);
    let worker: Worker | null = null;
    try {
      worker = new Worker(WORKER, {
        eval: true,
        workerData: {
          root,
          names: sharedNames(paths),
          count: paths.length,
          startAt,
          state: this.state,
          ahead: readAheadSettings.ahead,
          bytes: readAheadSettings.bytes,
          cachedMs: readAheadSettings.cachedMs,
          cachedRun: readAheadSettings.cachedRun,
          sample: readAheadSettings.sample,
        },
        // A loop of system calls: it allocates next to nothing.
        resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 32 },
      });
      // Only ever a saving: a thread that fails leaves the cleaning threads to read as before.
      worker.on('error', () => {});
      worker.unref();
    } catch {
      worker = null;
    }
    this.worker = worker;
  }

  /** The first `count` paths have been handed to the cleaning threads. */
  handedOn(count: number): void {
    // Waking the thread costs a system call: once per batch of files is enough.
    if (count < this.handed + 64 && count < this.total) return;
    this.handed = count;
    if (!this.tried && count < this.total) {
      // Two in a row: a first read, or one that lost the core, may take longer from the cache.
      this.slow = this.cached(this.paths[count]!) ? 0 : this.slow + 1;
      if (this.slow >= 2) this.start(count);
    }
    Atomics.store(this.state, HANDED, count);
    Atomics.notify(this.state, HANDED);
  }

  /** Reads a file as the thread does: whether the file cache answered (in `cachedMs`). */
  private cached(path: string): boolean {
    const started = performance.now();
    let fd = -1;
    try {
      fd = openSync(`${this.root}/${path}`, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
      readSync(fd, probeScratch(), 0, readAheadSettings.bytes, 0);
    } catch {
      // The cleaning thread reports it.
    } finally {
      if (fd >= 0) closeSync(fd);
    }
    return performance.now() - started < readAheadSettings.cachedMs;
  }

  /** How many of the paths the thread has gone past, read or passed over. */
  get past(): number {
    return Atomics.load(this.state, PAST);
  }

  /** How many of the paths the thread has read (or tried to). */
  get opened(): number {
    return Atomics.load(this.state, OPENED);
  }

  /** Stops the thread; the promise settles once it has ended. */
  close(): Promise<void> {
    Atomics.store(this.state, STOP, 1);
    Atomics.notify(this.state, HANDED);
    return this.worker?.terminate().then(() => undefined) ?? Promise.resolve();
  }
}

/** The paths as UTF-8, each ended by a NUL byte (no path holds one), in shared memory. */
function sharedNames(paths: readonly string[]): Uint8Array {
  let length = 0;
  for (const path of paths) length += Buffer.byteLength(path) + 1;
  const bytes = Buffer.from(new SharedArrayBuffer(Math.max(length, 1)));
  let at = 0;
  for (const path of paths) {
    at += bytes.write(path, at, 'utf8');
    bytes[at++] = 0;
  }
  return new Uint8Array(bytes.buffer, 0, length);
}

let scratch: Buffer | null = null;

/** The buffer the probes read into (their bytes are not kept). */
function probeScratch(): Buffer {
  if (!scratch || scratch.length < readAheadSettings.bytes)
    scratch = Buffer.allocUnsafe(readAheadSettings.bytes);
  return scratch;
}
