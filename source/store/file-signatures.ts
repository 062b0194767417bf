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

/** One annotator folder to check: its path (with no trailing separator) and what it holds. */
export interface Listing {
  dir: string;
  /**
   * Every name the folder held, NUL between them, as listed or as the index kept it (UTF-8
   * bytes, or text): each thread cuts its shares from it and sifts the store files out of them
   * itself (`isStoreFileName`), so no thread decodes, splits and sifts a whole folder's names
   * before the first lstat (at 211,000 files the main thread did, 100-150 ms, while the helpers
   * waited).
   */
  listed?: Uint8Array | string;
  /** The store files' names, when the caller has them as a list instead (`listed` wins). */
  names?: readonly string[];
}

/** What the check found in one folder. */
export interface FolderCheck {
  /**
   * A hash of the listing with its store files' signatures' numbers (in listing order); null
   * when something in the folder must be read whatever the index holds (a link, a file gone
   * since the listing).
   */
  digest: string | null;
  /** The store files' names, in listing order. */
  names(): string[];
  /** Each store file's signature, as `names`: `GONE`, `LINK`, `NOT_A_FILE` or `signatureOf`. */
  signatures(): string[];
}

/** What one share's lstats found, as numbers: a signature's text is made only when asked for. */
interface Share {
  spoiled: boolean;
  /** Per name: 0 a file, else 1 gone, 2 a link, 3 something else. */
  kinds: Uint8Array;
  /** Per file, its device, inode, size and modification time in ms, as `signatureOf` takes them. */
  stats: Float64Array;
}

interface Tools {
  lstatSync: typeof lstatSync;
  isStoreFileName: (name: string) => boolean;
  /** The text of `bytes` from `from` to `to`, as UTF-8. */
  text: (bytes: Uint8Array, from: number, to: number) => string;
}

/**
 * lstats the store files of one share of a folder's listing (`listed`, from `from` to `to`, whole
 * names). Self-contained, with everything it uses passed in: its source text is also what the
 * worker threads run.
 */
function checkShare(
  tools: Tools,
  dir: string,
  listed: Uint8Array,
  from: number,
  to: number,
): Share {
  const names = tools.text(listed, from, to).split('\0').filter(tools.isStoreFileName);
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
  return { spoiled, kinds, stats };
}

/** `Tools.text`; self-contained too. A listing's bytes may be shared memory: no TextDecoder. */
function textOf(bytes: Uint8Array, from: number, to: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8', from, to);
}

const TOOLS: Tools = { lstatSync, isStoreFileName, text: textOf };

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
 * each. The folders' listings come as one string per folder (one copy, not one per name).
 */
const WORKER = `
const { parentPort } = require('node:worker_threads');
const tools = {
  lstatSync: require('node:fs').lstatSync,
  isStoreFileName: ${isStoreFileName.toString()},
  text: ${textOf.toString()},
};
const checkShare = ${checkShare.toString()};
parentPort.once('message', ({ dirs, listed, shares, claims }) => {
  const counter = new Int32Array(claims);
  for (;;) {
    const at = Atomics.add(counter, 0, 1);
    if (at >= shares.length) break;
    const [folder, from, to] = shares[at];
    const share = checkShare(tools, dirs[folder], listed[folder], from, to);
    parentPort.postMessage({ at, share }, [share.kinds.buffer, share.stats.buffer]);
  }
  parentPort.close();
});
`;

/**
 * Where each share of a listing starts and ends: `chunk` names each, whole names (NUL, the byte
 * 0, is in none, and in no other character's UTF-8). Also how many names it holds.
 */
function sharesOf(
  listed: Uint8Array,
  chunk: number,
): { cuts: Array<[number, number]>; names: number } {
  const cuts: Array<[number, number]> = [];
  if (listed.length === 0) return { cuts, names: 0 };
  // Found by `indexOf` (memchr) rather than byte by byte in JavaScript: the helpers wait for
  // these cuts, and three folders of 70,000 names are 6 MB.
  const bytes = Buffer.from(listed.buffer, listed.byteOffset, listed.length);
  let names = 1;
  let from = 0;
  for (let at = bytes.indexOf(0); at !== -1; at = bytes.indexOf(0, at + 1)) {
    if (names % chunk === 0) {
      cuts.push([from, at]);
      from = at + 1;
    }
    names++;
  }
  cuts.push([from, listed.length]);
  return { cuts, names };
}

/** A listing's bytes in memory every thread shares: handed to the helpers, never copied. */
function sharedBytes(listed: Uint8Array | string): Uint8Array {
  const bytes = typeof listed === 'string' ? Buffer.from(listed) : listed;
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
  shared.set(bytes);
  return shared;
}

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
  const listed = listings.map((listing) =>
    sharedBytes(listing.listed ?? (listing.names ?? []).join('\0')),
  );
  const shares: Array<[folder: number, from: number, to: number]> = [];
  let total = 0;
  for (const [folder, text] of listed.entries()) {
    const { cuts, names } = sharesOf(text, chunk);
    for (const [from, to] of cuts) shares.push([folder, from, to]);
    total += names;
  }
  const results: Array<Share | undefined> = new Array(shares.length);
  const helpers = total >= threadsFrom ? Math.min(threads - 1, shares.length - 1) : 0;
  const claims = new SharedArrayBuffer(4);
  const counter = new Int32Array(claims);
  const dirs = listings.map((listing) => listing.dir);
  const workers = startWorkers(helpers, { dirs, listed, shares, claims }, results);
  // Stopping claims every share left: each thread ends after the one in its hands.
  const stop = () => Atomics.store(counter, 0, shares.length);
  signal?.addEventListener('abort', stop, { once: true });
  const take = (at: number) => {
    const [folder, from, to] = shares[at]!;
    results[at] = checkShare(TOOLS, dirs[folder]!, listed[folder]!, from, to);
  };
  try {
    if (onRunning) {
      onRunning();
      await new Promise((done) => setImmediate(done));
    }
    while (checkSettings.mainTakesShares || workers.length === 0) {
      const at = Atomics.add(counter, 0, 1);
      if (at >= shares.length) break;
      take(at);
      await new Promise((done) => setImmediate(done));
    }
    await Promise.all(workers);
  } finally {
    signal?.removeEventListener('abort', stop);
  }
  signal?.throwIfAborted();
  // A share claimed by a thread that failed is taken again here.
  for (let at = 0; at < shares.length; at++) {
    if (results[at] !== undefined) continue;
    if (!checkSettings.mainTakesShares) throw new Error('a thread checking the store files failed');
    take(at);
  }
  return listings.map((_, folder) => {
    const own = results.filter((_, at) => shares[at]![0] === folder) as Share[];
    if (own.some((share) => share.spoiled)) {
      return {
        digest: null,
        names: () => storeNamesOf(listed[folder]!),
        signatures: () => own.flatMap(signaturesOf),
      };
    }
    // The listing, then the numbers as bytes, share after share: the same whatever the shares
    // (NUL is in no file name, so two listings never hash the same text). The text of 2,048
    // signatures and its hash cost more than the lstats themselves.
    const hash = createHash('sha256').update(listed[folder]!);
    for (const share of own) hash.update(share.kinds);
    for (const share of own) hash.update(new Uint8Array(share.stats.buffer));
    return {
      digest: hash.digest('hex'),
      names: () => storeNamesOf(listed[folder]!),
      signatures: () => own.flatMap(signaturesOf),
    };
  });
}

/** The store files' names in a listing, in its order. */
function storeNamesOf(listed: Uint8Array): string[] {
  return listed.length === 0
    ? []
    : textOf(listed, 0, listed.length).split('\0').filter(isStoreFileName);
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

/** What every helper thread is handed: the folders, their listings and the shares to claim. */
interface Work {
  dirs: string[];
  listed: Uint8Array[];
  shares: Array<[number, number, number]>;
  claims: SharedArrayBuffer;
}

/** The helper threads, each settled once it has reported its shares or failed. */
function startWorkers(
  count: number,
  message: Work,
  results: Array<Share | undefined>,
): Array<Promise<void>> {
  // A thread that ended while it waited has an id of -1 (its 'exit' may not have been emitted).
  const alive = waiting.splice(0).filter((worker) => worker.threadId !== -1);
  const started = alive.splice(0, Math.max(count, 0));
  for (const unused of alive) void unused.terminate();
  if (count <= 0) return [];
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
