import { lstatSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { KnownNames } from './known-names.js';

/**
 * When a folder's known files are compared on a helper thread beside the main one, and how the
 * work is cut. Tests lower both, so that a folder of a few files goes through the thread as one
 * of 100,000 does.
 */
export const knownTimesSettings = {
  /** Below this many known files the main thread compares them alone: a thread costs more. */
  threadsFrom: 8_192,
  /** Names per share a thread claims. */
  share: 2_048,
  /** Helper threads (the main thread takes shares too); 0 on one core. */
  helpers: Math.min(availableParallelism() - 1, 1),
  /**
   * Whether the main thread takes shares, and those of a helper that failed. Tests turn it off
   * to see the helper's own work: a share then left undone is an error.
   */
  mainTakesShares: true,
};

/** What each thread works on: the names, what the index read of each, the shares' claims. */
interface Work {
  dir: string;
  bytes: Uint8Array;
  starts: Uint32Array;
  sizes: Float64Array;
  mtimes: Float64Array;
  /** Per name, 1 once compared and found to differ (or gone, or no longer a regular file). */
  differs: Uint8Array;
  /** [0]: the next share to claim; [1 + share]: 1 once that share is done. */
  claims: Int32Array;
  share: number;
}

/**
 * lstats names `from` to `to` of the folder and marks those whose size or modification time
 * differs from what the index read. Self-contained, everything it uses passed in: its source
 * text is also what the helper thread runs.
 */
function compareShare(lstat: typeof lstatSync, work: Work, from: number, to: number): void {
  const { dir, bytes, starts, sizes, mtimes, differs } = work;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let n = from; n < to; n++) {
    const name = text.toString('utf8', starts[n], starts[n + 1]);
    const now = lstat(`${dir}/${name}`, { throwIfNoEntry: false });
    differs[n] =
      now === undefined || !now.isFile() || now.size !== sizes[n] || now.mtimeMs !== mtimes[n]
        ? 1
        : 0;
  }
}

/** Claims shares until none is left; self-contained, as `compareShare`. */
function claimShares(
  lstat: typeof lstatSync,
  compare: typeof compareShare,
  work: Work,
  count: number,
  between?: () => boolean,
): void {
  const shares = Math.ceil(count / work.share);
  for (;;) {
    const at = Atomics.add(work.claims, 0, 1);
    if (at >= shares) return;
    compare(lstat, work, at * work.share, Math.min(count, (at + 1) * work.share));
    Atomics.store(work.claims, 1 + at, 1);
    if (between?.()) return;
  }
}

const WORKER = `
const { parentPort } = require('node:worker_threads');
const { lstatSync } = require('node:fs');
const compareShare = ${compareShare.toString()};
const claimShares = ${claimShares.toString()};
parentPort.once('message', ({ work, count }) => {
  claimShares(lstatSync, compareShare, work, count);
  parentPort.postMessage('done');
  parentPort.close();
});
`;

/**
 * The known files of one folder compared with what the index read of them (size and modification
 * time, an lstat each), on a helper thread while the main thread lists the folder, then on both:
 * the quick look's check for files replaced under their names (`git pull`) in a folder whose time
 * changed, and the `compare` look's in every folder. At 100,000 files in one folder that is
 * 100,000 system calls, half a second of CPU, which one thread paid alone after the listing.
 */
export class KnownTimes {
  private readonly worker: Worker | null;
  private finished: Promise<void> = Promise.resolve();
  private work: Work | null = null;
  private count = 0;

  /**
   * Starts the helper thread (it boots while the index's names are read); `begin` hands it
   * the names.
   */
  constructor(private readonly dir: string) {
    let worker: Worker | null = null;
    if (knownTimesSettings.helpers > 0) {
      try {
        worker = new Worker(WORKER, { eval: true });
        // A thread that fails is simply not used: its shares are taken again by the main thread.
        worker.on('error', () => {});
      } catch {
        worker = null;
      }
    }
    this.worker = worker;
  }

  /** Hands the names to the helper thread, which starts comparing them at once. */
  begin(names: KnownNames): void {
    const { bytes, starts, sizes, mtimes, count } = names.packed();
    const shares = Math.ceil(count / knownTimesSettings.share);
    const work: Work = {
      dir: this.dir,
      bytes: shared(bytes, Uint8Array),
      starts: shared(starts, Uint32Array),
      sizes: shared(sizes, Float64Array),
      mtimes: shared(mtimes, Float64Array),
      differs: new Uint8Array(new SharedArrayBuffer(Math.max(count, 1))),
      claims: new Int32Array(new SharedArrayBuffer(4 * (shares + 1))),
      share: knownTimesSettings.share,
    };
    this.work = work;
    this.count = count;
    const worker = this.worker;
    if (!worker) return;
    this.finished = new Promise((done) => {
      worker.once('message', () => done());
      worker.once('error', () => done());
      worker.once('exit', () => done());
    });
    worker.postMessage({ work, count });
  }

  /**
   * Takes the shares left on this thread (letting the event loop in between them), waits for the
   * helper's, and takes again any a failed helper left undone. Returns, per name number, 1 when
   * that file differs from what the index read.
   */
  async differs(signal?: AbortSignal): Promise<Uint8Array> {
    const work = this.work;
    if (!work) throw new Error('KnownTimes.differs before begin');
    const stop = () => Atomics.store(work.claims, 0, Math.ceil(this.count / work.share));
    signal?.addEventListener('abort', stop, { once: true });
    try {
      while (knownTimesSettings.mainTakesShares || !this.worker) {
        let took = false;
        claimShares(lstatSync, compareShare, work, this.count, () => {
          took = true;
          return true;
        });
        if (!took) break;
        await new Promise(setImmediate);
      }
      await this.finished;
    } finally {
      signal?.removeEventListener('abort', stop);
    }
    signal?.throwIfAborted();
    const shares = Math.ceil(this.count / work.share);
    for (let at = 0; at < shares; at++) {
      if (Atomics.load(work.claims, 1 + at) === 1) continue;
      if (!knownTimesSettings.mainTakesShares)
        throw new Error('a thread comparing the corpus files failed');
      compareShare(lstatSync, work, at * work.share, Math.min(this.count, (at + 1) * work.share));
    }
    return work.differs;
  }

  /** Stops the helper thread, if it is still there (a look that ended early). */
  close(): void {
    if (this.work) Atomics.store(this.work.claims, 0, 1 << 30);
    void this.worker?.terminate();
  }
}

/** A copy of `from` in memory both threads share. */
function shared<T extends Uint8Array | Uint32Array | Float64Array>(
  from: T,
  Kind: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number },
): T {
  const copy = new Kind(new SharedArrayBuffer(Math.max(from.length, 1) * Kind.BYTES_PER_ELEMENT));
  copy.set(from as never);
  return copy;
}
