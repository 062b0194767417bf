import { Worker } from 'node:worker_threads';
import { workerScript } from '../corpus/worker-script.js';
import { type NodeTables, type Pool, TABLE_NAMES } from './pair-judge.js';
import { type SharedLexicons, sharedLexicons } from './shared-lexicons.js';
import type { PairComparer } from './story-index.js';
import type { AheadJob } from './verdicts-ahead.js';

export interface CompareSetup {
  words: readonly string[];
  tables: Array<{ buffer: SharedArrayBuffer; length: number; signed: boolean }>;
  lexicons: SharedLexicons;
}

export interface CompareJob {
  seq: number;
  /** Pairs of nodes, `a` then `b`. */
  pairs: Int32Array;
}

export interface CompareReply {
  seq: number;
  /** The pairs that report the same thing, `a` then `b`, and their scores. */
  found: Int32Array;
  scores: Float32Array;
}

/**
 * A worker's young generation: 8 MB. 64 MB let a worker spend less time collecting the
 * short-lived arrays of each pair, but held some 30 MB more at the build's peak at 100,000
 * articles (728 → 695 MB, for some 7 % more CPU comparing), since the index waits for its pairs
 * within a band (`backlog`); before that, a band's pairs queued at once and 16 MB raised the
 * peak (1,076 → 1,191 MB). 16 → 8 MB, with the thread's heap collected every 64 chunks
 * (`compare-worker.ts`; 8 MB alone let promoted garbage raise the comparing's end under load):
 * the comparing's RSS at 100,000 articles 379–387 → 368–377 MiB, for 1–2 s more of its CPU
 * (some 22 s).
 */
const YOUNG = { maxYoungGenerationSizeMb: 8 };
/** Pairs per message: a message costs tens of microseconds, a pair about four. */
const CHUNK = 8192;
/**
 * Chunks in flight per worker when the index goes on to the next band, or on within one after
 * waiting: 48 are some 1.5 s of a worker's comparing, what the index takes to work out a band's
 * values and sort them at 100,000 articles. With 4 (0.13 s), the workers stood idle through each
 * of the 14 bands' start: the comparing took 32.8–34.6 s against 28.9 s, for 4 MB more (a chunk
 * is 64 KB).
 */
const AHEAD = 48;
/** Chunks in flight per worker past which the index waits within a band (see `backlog`). */
const BACKLOG = 64;

/**
 * Compares a build's candidate pairs on `workers` − 1 worker threads, and on the index's thread
 * a chunk at a time whenever each of them has `AHEAD` chunks waiting: a comparing thread is a
 * V8 heap of its own (some 25 MB at the build's peak), and on two cores the index's thread,
 * between bands, mostly waited for the two comparing threads. The edges go back to the index in
 * the pairs' order wherever they were compared. The threads stay until `done`: once the pairs
 * are compared, the first answers a large component's joins' verdicts ahead (`ahead`).
 */
export class ComparePool implements PairComparer {
  private threads: Worker[] = [];
  /** Chunks sent to each thread and not answered yet. */
  private waiting: number[] = [];
  private same: ((a: number, b: number) => number) | null = null;
  private warm: ((pairs: Int32Array, from: number, to: number) => void) | undefined;
  private chunk: Int32Array;
  private filled = 0;
  private sent = 0;
  private applied = 0;
  /** Chunks sent when the index last took a turn of its events (`settled`). */
  private turned = 0;
  private readonly replies = new Map<number, CompareReply>();
  private edge: (a: number, b: number, score: number) => void = () => {};
  private wake: (() => void) | null = null;
  private failure: Error | null = null;

  /** `shape`: pairs per chunk and chunks ahead per thread, for tests (see `CHUNK`, `AHEAD`). */
  constructor(
    private readonly workers: number,
    private readonly shape = { chunk: CHUNK, ahead: AHEAD },
  ) {
    this.chunk = new Int32Array(2 * shape.chunk);
  }

  async start(
    tables: NodeTables,
    words: readonly string[],
    edge: (a: number, b: number, score: number) => void,
    same?: (a: number, b: number) => number,
    warm?: (pairs: Int32Array, from: number, to: number) => void,
  ): Promise<void> {
    this.edge = edge;
    this.same = same ?? null;
    this.warm = warm;
    const setup: CompareSetup = {
      words,
      tables: TABLE_NAMES.map((name) => share(tables[name])),
      lexicons: sharedLexicons(),
    };
    const count = Math.max(1, this.workers) - (this.same ? 1 : 0);
    for (let i = 0; i < count; i++) {
      const thread = new Worker(workerScript('./compare-worker.js', import.meta.url), {
        workerData: setup,
        resourceLimits: YOUNG,
      });
      thread.on('message', (reply: CompareReply) => this.received(reply, i));
      thread.on('error', (error) => this.fail(error));
      thread.on('exit', (code) => {
        // A thread let go of (`close`, or past the first once all are compared) is not a failure.
        if (code !== 0 && this.threads.includes(thread)) {
          this.fail(new Error(`a story comparing thread stopped (exit ${code})`));
        }
      });
      this.threads.push(thread);
      this.waiting.push(0);
    }
  }

  compare(a: number, b: number): void {
    this.chunk[this.filled++] = a;
    this.chunk[this.filled++] = b;
    if (this.filled === this.chunk.length) this.send();
  }

  async settled(all: boolean): Promise<void> {
    if (all && this.filled > 0) this.send();
    if (!all && this.same) {
      // No thread holds more than `ahead` chunks (`send`: past them this thread compares), so
      // there is nothing to wait for: one turn of the events takes their answers in, and the
      // index goes on. Waiting here for the answers to the chunks compared on this thread, held
      // until those sent before them came back, left it idle some 20 % of the comparing.
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.turned = this.sent;
      if (this.failure) {
        await this.close();
        throw this.failure;
      }
      return;
    }
    const limit = all ? 0 : this.shape.ahead * this.threads.length;
    try {
      while (this.sent - this.applied > limit) {
        if (this.failure) throw this.failure;
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
      }
      if (this.failure) throw this.failure;
    } catch (error) {
      await this.close();
      throw error;
    }
    // All compared: the first thread stays to answer the joins' verdicts (`ahead`), not more.
    if (all && this.threads.length > 1) {
      const rest = this.threads.splice(1);
      this.waiting.length = 1;
      await Promise.all(rest.map((thread) => thread.terminate()));
    }
  }

  ahead(job: AheadJob): boolean {
    const thread = this.threads[0];
    if (!thread || this.failure) return false;
    thread.postMessage(job);
    return true;
  }

  done(): Promise<void> {
    return this.close();
  }

  backlog(): boolean {
    // With this thread comparing too: a turn of the events after each chunk sent, so that a
    // thread's answer is seen, and its next chunk sent, about when it is given.
    if (this.same) return this.sent > this.turned;
    return this.sent - this.applied > BACKLOG * Math.max(1, this.threads.length);
  }

  private send(): void {
    const job: CompareJob = { seq: this.sent, pairs: this.chunk.subarray(0, this.filled) };
    this.sent++;
    let thread = -1;
    for (let i = 0; i < this.threads.length; i++) {
      const at = (job.seq + i) % this.threads.length;
      if (this.waiting[at]! < this.shape.ahead) {
        thread = at;
        break;
      }
    }
    if (thread < 0 && this.same) {
      this.received(compareChunk(job, this.same, this.warm));
      this.filled = 0;
      return;
    }
    thread = Math.max(0, thread);
    this.threads[thread]!.postMessage(job, [job.pairs.buffer as ArrayBuffer]);
    this.waiting[thread]!++;
    this.chunk = new Int32Array(2 * this.shape.chunk);
    this.filled = 0;
  }

  /** Replies come in any order across the workers; edges go to the index in the pairs' order. */
  private received(reply: CompareReply, thread = -1): void {
    if (thread >= 0) this.waiting[thread]!--;
    this.replies.set(reply.seq, reply);
    for (let next = this.replies.get(this.applied); next; next = this.replies.get(this.applied)) {
      this.replies.delete(this.applied);
      const { found, scores } = next;
      for (let i = 0; i < scores.length; i++)
        this.edge(found[2 * i]!, found[2 * i + 1]!, scores[i]!);
      this.applied++;
    }
    this.wake?.();
    this.wake = null;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake?.();
    this.wake = null;
  }

  private async close(): Promise<void> {
    const threads = this.threads;
    this.threads = [];
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}

/**
 * A chunk's entries (two a pair: 1,024 pairs) whose nodes' tables are read ahead at a time
 * (`PairJudge.warm`): what their views read, under 1 MB, stays in a core's cache until they
 * are compared.
 */
const WARM = 2048;

/**
 * A chunk's pairs that report the same thing (`same`), as a comparing thread answers; `warm`
 * reads each block of their nodes' tables ahead (`PairJudge.warm`).
 */
export function compareChunk(
  job: CompareJob,
  same: (a: number, b: number) => number,
  warm?: (pairs: Int32Array, from: number, to: number) => void,
): CompareReply {
  const { pairs } = job;
  const found: number[] = [];
  const scores: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    if (warm && i % WARM === 0) warm(pairs, i, Math.min(pairs.length, i + WARM));
    const score = same(pairs[i]!, pairs[i + 1]!);
    if (score <= 0) continue;
    found.push(pairs[i]!, pairs[i + 1]!);
    scores.push(score);
  }
  return { seq: job.seq, found: Int32Array.from(found), scores: Float32Array.from(scores) };
}

/**
 * The pool's entries in shared memory, which the pool then holds instead of its own array:
 * the workers read them without a copy each. A pool already there (the index trims them into
 * it for its build) is not copied again.
 */
function share(pool: Pool<Int32Array> | Pool<Uint32Array>) {
  const signed = pool.data instanceof Int32Array;
  if (pool.data.buffer instanceof SharedArrayBuffer) {
    return { buffer: pool.data.buffer, length: pool.length, signed };
  }
  const buffer = new SharedArrayBuffer(pool.data.byteLength);
  if (signed) {
    const data = new Int32Array(buffer);
    data.set(pool.data);
    (pool as Pool<Int32Array>).data = data;
  } else {
    const data = new Uint32Array(buffer);
    data.set(pool.data);
    (pool as Pool<Uint32Array>).data = data;
  }
  return { buffer, length: pool.length, signed };
}
