import { createHash } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { signatureOf } from './adapter.js';
import { isStoreFileName } from './names.js';

/** What an lstat found instead of a store file's signature (never one: no colon). */
export const GONE = 'gone';
export const LINK = 'link';
export const NOT_A_FILE = 'other';

/**
 * When the check spreads over threads, and how it cuts the work. Tests lower both, so that a
 * store of a few files goes through the threads as a large one does.
 */
export const checkSettings = {
  /** Below this many files, starting a thread costs more than it saves. */
  threadsFrom: 8_192,
  /** Files per share a thread claims: small enough to balance, large enough to be cheap to report. */
  chunk: 2_048,
  /** Threads lstat-ing at once, the main one included. */
  threads: Math.min(availableParallelism(), 4),
  /**
   * Whether the main thread takes shares, and those of a helper that failed. Tests turn it off
   * to see the helpers' own work: a share then left undone is an error.
   */
  mainTakesShares: true,
};

/** One annotator folder to check: its path (with no trailing separator) and its store files' names. */
export interface Listing {
  dir: string;
  names: readonly string[];
  /**
   * Every name the folder held, NUL between them, of which `names` are the store files
   * (`isStoreFileName`), when the caller has that text: the threads are handed it as it is and
   * sift it themselves, instead of the main thread joining `names` for them.
   */
  listed?: string;
}

/** What the check found in one folder. */
export interface FolderCheck {
  /**
   * A hash of the names with their signatures' numbers (in listing order); null when something
   * in the folder must be read whatever the index holds (a link, a file gone since the listing).
   */
  digest: string | null;
  /** Each name's signature, in listing order: `GONE`, `LINK`, `NOT_A_FILE` or `signatureOf`. */
  signatures(): string[];
}

/** What one share's lstats found, as numbers: a signature's text is made only when asked for. */
interface Share {
  digest: string;
  spoiled: boolean;
  /** Per name: 0 a file, else 1 gone, 2 a link, 3 something else. */
  kinds: Uint8Array;
  /** Per file, its device, inode, size and modification time in ms, as `signatureOf` takes them. */
  stats: Float64Array;
}

interface Tools {
  lstatSync: typeof lstatSync;
  createHash: typeof createHash;
}

/**
 * lstats one share of a folder. Self-contained, with everything it uses passed in: its source
 * text is also what the worker threads run. The digest hashes the names, then the numbers as
 * bytes: the text of 2,048 signatures and its hash cost more than the lstats themselves.
 */
function checkShare(tools: Tools, dir: string, names: readonly string[]): Share {
  const kinds = new Uint8Array(names.length);
  const stats = new Float64Array(names.length * 4);
  let spoiled = false;
  for (let at = 0; at < names.length; at++) {
    const info = tools.lstatSync(`${dir}/${names[at]}`, { throwIfNoEntry: false });
    if (!info) kinds[at] = 1;
    else if (info.isSymbolicLink()) kinds[at] = 2;
    else if (!info.isFile()) kinds[at] = 3;
    else {
      stats[at * 4] = info.dev;
      stats[at * 4 + 1] = info.ino;
      stats[at * 4 + 2] = info.size;
      stats[at * 4 + 3] = info.mtimeMs;
    }
    if (kinds[at] === 1 || kinds[at] === 2) spoiled = true;
  }
  // NUL can be in no file name: two listings never hash the same text.
  const digest = tools
    .createHash('sha256')
    .update(names.join('\0'))
    .update(kinds)
    .update(new Uint8Array(stats.buffer))
    .digest('hex');
  return { digest, spoiled, kinds, stats };
}

const TOOLS: Tools = { lstatSync, createHash };

/** A share's signatures, as `signatureOf` writes them. */
function signaturesOf(share: Share): string[] {
  const { kinds, stats } = share;
  const signatures: string[] = new Array(kinds.length);
  for (let at = 0; at < kinds.length; at++) {
    const kind = kinds[at];
    signatures[at] =
      kind === 0
        ? signatureOf({
            dev: stats[at * 4]!,
            ino: stats[at * 4 + 1]!,
            size: stats[at * 4 + 2]!,
            mtimeMs: stats[at * 4 + 3]!,
          })
        : kind === 1
          ? GONE
          : kind === 2
            ? LINK
            : NOT_A_FILE;
  }
  return signatures;
}

/**
 * A worker claims shares from a counter shared by every thread until none is left, and reports
 * each. The folders' names come as one string per folder (one copy, not one per name).
 */
const WORKER = `
const { parentPort } = require('node:worker_threads');
const tools = {
  lstatSync: require('node:fs').lstatSync,
  createHash: require('node:crypto').createHash,
};
const checkShare = ${checkShare.toString()};
const isStoreFileName = ${isStoreFileName.toString()};
parentPort.once('message', ({ dirs, names, sift, shares, claims }) => {
  const lists = names.map((joined, at) => {
    const list = joined === '' ? [] : joined.split('\\0');
    return sift[at] ? list.filter(isStoreFileName) : list;
  });
  const counter = new Int32Array(claims);
  for (;;) {
    const at = Atomics.add(counter, 0, 1);
    if (at >= shares.length) break;
    const [folder, from, to] = shares[at];
    const share = checkShare(tools, dirs[folder], lists[folder].slice(from, to));
    parentPort.postMessage({ at, share }, [share.kinds.buffer, share.stats.buffer]);
  }
  parentPort.close();
});
`;

/**
 * Every file's signature in these folders: an lstat each, spread over threads as git's
 * `core.preloadIndex` does, since a file edited in place changes neither its folder's time nor
 * its listing. The main thread takes shares too, and lets the event loop in between them.
 * `onRunning` is called once the helper threads are started (at once without any), before the
 * main thread takes its first share: what the caller does on this thread then overlaps their
 * work, and the main thread joins them at its next turn of the event loop.
 */
export async function checkFolders(
  listings: readonly Listing[],
  signal?: AbortSignal,
  onRunning?: () => void,
): Promise<FolderCheck[]> {
  signal?.throwIfAborted();
  const { chunk, threads, threadsFrom } = checkSettings;
  const shares: Array<[folder: number, from: number, to: number]> = [];
  for (const [folder, { names }] of listings.entries()) {
    for (let from = 0; from < names.length; from += chunk) {
      shares.push([folder, from, Math.min(from + chunk, names.length)]);
    }
  }
  const results: Array<Share | undefined> = new Array(shares.length);
  const total = listings.reduce((sum, listing) => sum + listing.names.length, 0);
  const helpers = total >= threadsFrom ? Math.min(threads - 1, shares.length - 1) : 0;
  const claims = new SharedArrayBuffer(4);
  const counter = new Int32Array(claims);
  const workers = startWorkers(helpers, listings, shares, claims, results);
  // Stopping claims every share left: each thread ends after the one in its hands.
  const stop = () => Atomics.store(counter, 0, shares.length);
  signal?.addEventListener('abort', stop, { once: true });
  try {
    if (onRunning) {
      onRunning();
      await new Promise((done) => setImmediate(done));
    }
    while (checkSettings.mainTakesShares || workers.length === 0) {
      const at = Atomics.add(counter, 0, 1);
      if (at >= shares.length) break;
      const [folder, from, to] = shares[at]!;
      const { dir, names } = listings[folder]!;
      results[at] = checkShare(TOOLS, dir, names.slice(from, to));
      await new Promise((done) => setImmediate(done));
    }
    await Promise.all(workers);
  } finally {
    signal?.removeEventListener('abort', stop);
  }
  signal?.throwIfAborted();
  // A share claimed by a thread that failed is taken again here.
  for (const [at, [folder, from, to]] of shares.entries()) {
    if (results[at] !== undefined) continue;
    if (!checkSettings.mainTakesShares) throw new Error('a thread checking the store files failed');
    const { dir, names } = listings[folder]!;
    results[at] = checkShare(TOOLS, dir, names.slice(from, to));
  }
  return listings.map((_, folder) => {
    const own = results.filter((_, at) => shares[at]![0] === folder) as Share[];
    const hash = createHash('sha256');
    for (const share of own) hash.update(share.digest);
    return {
      digest: own.some((share) => share.spoiled) ? null : hash.digest('hex'),
      signatures: () => own.flatMap(signaturesOf),
    };
  });
}

/**
 * Helper threads started before the store's folders are listed (`startCheckThreads`), waiting
 * for their shares. Unreferenced while they wait, so that a process that never checks exits.
 */
let waiting: Worker[] = [];

/**
 * Starts the helper threads of a check of about `files` store files now, so that they boot while
 * the folders are listed (a thread takes 100–150 ms to start: a tenth of `margin stats` at
 * 211,000 files). The next `checkFolders` takes them; those it does not need are stopped.
 */
export function startCheckThreads(files: number): void {
  const { threads, threadsFrom } = checkSettings;
  if (files < threadsFrom) return;
  while (waiting.length < threads - 1) {
    try {
      const worker = new Worker(WORKER, { eval: true });
      worker.unref();
      // A thread that failed before it was used is simply not used.
      worker.once('error', () => {
        waiting = waiting.filter((other) => other !== worker);
      });
      waiting.push(worker);
    } catch {
      return;
    }
  }
}

/** The helper threads, each settled once it has reported its shares or failed. */
function startWorkers(
  count: number,
  listings: readonly Listing[],
  shares: Array<[number, number, number]>,
  claims: SharedArrayBuffer,
  results: Array<Share | undefined>,
): Array<Promise<void>> {
  // A thread that ended while it waited has an id of -1 (its 'exit' may not have been emitted).
  const alive = waiting.splice(0).filter((worker) => worker.threadId !== -1);
  const started = alive.splice(0, Math.max(count, 0));
  for (const unused of alive) void unused.terminate();
  if (count <= 0) return [];
  const message = {
    dirs: listings.map((listing) => listing.dir),
    names: listings.map((listing) => listing.listed ?? listing.names.join('\0')),
    sift: listings.map((listing) => listing.listed !== undefined),
    shares,
    claims,
  };
  const running: Array<Promise<void>> = [];
  for (let i = 0; i < count; i++) {
    let worker: Worker;
    if (i < started.length) {
      worker = started[i]!;
      worker.ref();
    } else {
      try {
        worker = new Worker(WORKER, { eval: true });
      } catch {
        break;
      }
    }
    worker.on('message', ({ at, share }: { at: number; share: Share }) => {
      results[at] = share;
    });
    running.push(
      new Promise((done) => {
        worker.once('error', () => done());
        worker.once('exit', () => done());
      }),
    );
    worker.postMessage(message);
  }
  return running;
}
