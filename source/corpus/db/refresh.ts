import { existsSync } from 'node:fs';
import { availableParallelism, hostname } from 'node:os';
import { join } from 'node:path';
import type { FileProblem } from '../types.js';
import type { CleanedFile } from './clean-file.js';
import { processAlive } from './process-alive.js';
import { type Plan, type ScanScope, scan, scanFiles } from './scan.js';
import type { Db } from './schema.js';
import { mergeSegments } from './segments.js';
import { writeSnapshot } from './snapshot.js';
import { IndexWriter } from './writer.js';

export interface RefreshProgress {
  /** Files read so far, of `total` to read in this refresh. */
  done: number;
  total: number;
  problem?: FileProblem;
}

export interface RefreshOptions {
  onProgress?: (event: RefreshProgress) => void;
  signal?: AbortSignal;
  /** How long one file may take to clean (default 2 s). */
  budgetMs?: number;
  /** Worker threads (default: one per core). */
  workers?: number;
  /** A module exporting `cleanFile` to use instead of margin's (tests). */
  cleaner?: string | null;
  /** Files per write (default 250): smaller batches lose less to a stopped refresh. */
  batchFiles?: number;
  /** The file beside the index the article table is also written to (`snapshot.ts`). */
  sidecar?: string | null;
}

export interface RefreshSummary {
  /** Files read and cleaned. */
  read: number;
  /** Of those, articles. */
  articles: number;
  /** Files (and folders) gone from the index. */
  removed: number;
  /** False when another process was refreshing the same index: this one read what it had. */
  refreshed: boolean;
  /** Whether anything was written (the article table may have changed). */
  changed: boolean;
  /** The files read again or dropped (relative paths): what an open list must show anew. */
  paths: string[];
  ms: number;
  /** Folders the scan skipped as margin's own (see `Plan.skipped`). */
  skipped: string[];
}

/**
 * Files cleaned ahead of the oldest one not yet written: the results waiting stay bounded (a few
 * megabytes), and every worker's queue (pool.ts) stays full.
 */
const WINDOW = 512;
/** A batch is written at this many files, or this many characters, or after this long. */
const BATCH_FILES = 250;
const BATCH_CHARS = 4_000_000;
const BATCH_MS = 1000;

/**
 * The write-ahead log is copied into the index (a checkpoint, which waits for the disk) when it
 * reaches this many pages: SQLite's 1,000 (4 MB) outside a refresh; during one, ten times that.
 * Writing 30,000 cleaned articles, the main thread then spent 15-20 % less time in the writer
 * (7.2-8.8 s against 9.2-10.5 s, load 9): time in which the workers' results wait.
 */
const CHECKPOINT_PAGES = 1000;
const REFRESH_CHECKPOINT_PAGES = 10_000;

const NOTHING_READ = { read: 0, articles: 0, removed: 0, changed: false, paths: [], ms: 0 };

/**
 * Brings the index up to the corpus folder: lists what changed, reads and cleans it on every
 * core, writes the results in corpus order in batches (a stopped refresh keeps every batch
 * written and the next one goes on from there), then rewrites the article table search reads.
 */
export async function refreshIndex(
  db: Db,
  root: string,
  mode: ScanScope,
  options: RefreshOptions = {},
): Promise<RefreshSummary> {
  // Not `performance.now()`: the global `performance` loads perf_hooks on first use, some 2 ms
  // of every command's start, and most commands stop at the look below.
  const started = Date.now();
  // Most commands find nothing changed: that look needs no lock and writes nothing.
  const first =
    typeof mode === 'string'
      ? await scan(db, root, mode, options.signal)
      : await scanFiles(db, root, mode.files);
  if (isEmpty(first) && upToDate(db, options.sidecar ?? null)) {
    return { ...NOTHING_READ, refreshed: true, skipped: first.skipped };
  }
  if (!takeLock(db)) {
    return { ...NOTHING_READ, refreshed: false, skipped: first.skipped };
  }
  db.pragma(`wal_autocheckpoint = ${REFRESH_CHECKPOINT_PAGES}`);
  try {
    const writer = new IndexWriter(db, root, Date.now());
    writer.recover();
    // Another refresh may have done part of this meanwhile: reading a file twice does no harm.
    const plan = first;
    options.signal?.throwIfAborted();
    writer.apply(plan.drop, plan.dropFolders, plan.problems);
    const read = await readAll(root, plan.read, writer, options);
    writer.folders(plan.folders);
    writer.flush();
    const snapshotMissing =
      db.prepare("SELECT count(*) FROM snapshot WHERE name = 'info'").pluck().get() === 0 ||
      (options.sidecar != null && !existsSync(options.sidecar));
    if (writer.changed || snapshotMissing) {
      mergeSegments(db);
      if (writer.dropped > 0)
        db.prepare('DELETE FROM vocabulary WHERE sentences <= 0 AND titles <= 0').run();
      writeSnapshot(db, options.sidecar ?? null);
    }
    return {
      read: plan.read.length,
      articles: read,
      removed: plan.drop.length + plan.dropFolders.length,
      refreshed: true,
      changed: true,
      paths: [...plan.read, ...plan.drop, ...plan.dropFolders],
      ms: Date.now() - started,
      skipped: plan.skipped,
    };
  } finally {
    if (db.open) db.pragma(`wal_autocheckpoint = ${CHECKPOINT_PAGES}`);
    releaseLock(db);
  }
}

function isEmpty(plan: Plan): boolean {
  return (
    plan.read.length === 0 &&
    plan.drop.length === 0 &&
    plan.dropFolders.length === 0 &&
    plan.problems.length === 0 &&
    plan.folders.length === 0
  );
}

/** No article is waiting for its words, and the article table is written. */
function upToDate(db: Db, sidecar: string | null): boolean {
  const value = (key: string) =>
    Number(db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) ?? 0);
  const newest = Number(db.prepare('SELECT max(number) FROM articles').pluck().get() ?? 0);
  return (
    newest <= value('indexed') &&
    db.prepare("SELECT value FROM meta WHERE key = 'snapshot'").pluck().get() !== undefined &&
    (sidecar === null || existsSync(sidecar))
  );
}

/** Cleans the files on worker threads and writes them in corpus order; returns the articles. */
async function readAll(
  root: string,
  paths: readonly string[],
  writer: IndexWriter,
  options: RefreshOptions,
): Promise<number> {
  if (paths.length === 0) return 0;
  const { signal, onProgress } = options;
  const size = Math.max(
    1,
    Math.min(options.workers ?? availableParallelism(), Math.ceil(paths.length / 16)),
  );
  // Worker threads load only when there is something to clean: most commands find nothing.
  const { CleanerPool, DEFAULT_BUDGET_MS } = await import('./pool.js');
  const pool = new CleanerPool({
    root,
    size,
    budgetMs: options.budgetMs ?? DEFAULT_BUDGET_MS,
    cleaner: options.cleaner ?? null,
  });
  const waiting = new Map<number, CleanedFile>();
  let written = 0;
  let articles = 0;
  let batch: CleanedFile[] = [];
  let chars = 0;
  let lastWrite = performance.now();
  const writeBatch = () => {
    writer.write(batch);
    batch = [];
    chars = 0;
    lastWrite = performance.now();
  };
  let wake: (() => void) | null = null;
  let failure: unknown = null;
  const drain = () => {
    try {
      for (let next = waiting.get(written); next; next = waiting.get(written)) {
        waiting.delete(written);
        written++;
        batch.push(next);
        chars += next.record?.text.length ?? 0;
        if (next.record) articles++;
        onProgress?.({
          done: written,
          total: paths.length,
          ...(next.problem ? { problem: problemOf(join(root, next.path), next.problem) } : {}),
        });
        if (
          batch.length >= (options.batchFiles ?? BATCH_FILES) ||
          chars >= BATCH_CHARS ||
          performance.now() - lastWrite > BATCH_MS
        )
          writeBatch();
      }
    } catch (error) {
      failure ??= error;
    }
    wake?.();
  };
  try {
    let sent = 0;
    while (written < paths.length) {
      if (failure) throw failure;
      signal?.throwIfAborted();
      while (sent < paths.length && sent < written + WINDOW) {
        const at = sent++;
        void pool.clean(paths[at]!).then((result) => {
          waiting.set(at, result);
          drain();
        });
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        // The signal is looked at between results, and at least this often.
        setTimeout(resolve, 200).unref();
      });
      wake = null;
    }
    if (failure) throw failure;
  } finally {
    try {
      // What arrived in order is kept, also when the refresh is stopped.
      if (batch.length > 0) writeBatch();
    } finally {
      // Even when that write fails (the index closed under a stopped refresh): a worker left
      // running keeps the process alive after its work is done.
      await pool.close();
    }
  }
  return articles;
}

function problemOf(path: string, reason: string): FileProblem {
  return { path, message: `${path}: ${reason}` };
}

interface Lock {
  pid: number;
  host: string;
}

/**
 * One refresh at a time per index: another process refreshing the same corpus is left to it
 * (this one reads what is written), unless it is gone, as a killed one is.
 */
function takeLock(db: Db): boolean {
  const me: Lock = { pid: process.pid, host: hostname() };
  return db
    .transaction(() => {
      const held = db.prepare("SELECT value FROM meta WHERE key = 'refreshing'").pluck().get() as
        | string
        | undefined;
      if (held) {
        const other = JSON.parse(held) as Lock;
        const mine = other.pid === me.pid && other.host === me.host;
        if (!mine && other.host === me.host && processAlive(other.pid)) return false;
      }
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('refreshing', ?)").run(
        JSON.stringify(me),
      );
      return true;
    })
    .immediate();
}

function releaseLock(db: Db): void {
  if (!db.open) return;
  db.prepare("DELETE FROM meta WHERE key = 'refreshing'").run();
}
