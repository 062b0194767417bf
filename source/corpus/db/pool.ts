import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { workerScript } from '../worker-script.js';
import type { CleanedFile } from './clean-file.js';
import { threadCpuMs } from './thread-cpu.js';

/** How much CPU time one file may take to clean before its worker is stopped and the file skipped. */
export const DEFAULT_BUDGET_MS = 2000;

/**
 * Wall time a file may take, as a multiple of the budget: the budget counts the worker's own CPU
 * time, so that a machine at load 30 does not get correct files refused, and this bounds a
 * worker that waits without computing.
 */
const WALL_FACTOR = 30;

/**
 * How old the worker's CPU reading may be when a file starts. Reading it from /proc for every
 * file cost 35 µs of this thread's time a file (3.5 s of an ingestion of 100,000); read at most
 * this often, a file's CPU time is bounded below instead (`check`), at most this much short.
 */
const CPU_READING_MS = 100;

export interface PoolOptions {
  root: string;
  size: number;
  budgetMs: number;
  /** A module exporting `cleanFile` to use instead of margin's (tests). */
  cleaner?: string | null;
}

interface Job {
  seq: number;
  path: string;
  done: (result: CleanedFile) => void;
}

interface Slot {
  worker: Worker;
  /** Whether the worker has loaded the cleaner: until then no budget runs. */
  ready: boolean;
  /** Jobs sent, in the order the worker runs them; the first one is running. */
  jobs: Job[];
  timer: NodeJS.Timeout | null;
  /** The worker's kernel thread id, to read its CPU time; null where the system does not say. */
  thread: number | null;
  /** When the running file started (wall clock, ms). */
  startedAt: number;
  /** The worker's CPU time at a moment at or before that start (`cpuAt`, wall clock), in ms. */
  cpuThen: number | null;
  cpuAt: number;
}

/**
 * Jobs in flight per worker: the next ones wait in the worker while the first runs. Deep enough
 * that a worker still has work while this thread writes a batch to the index (tens of
 * milliseconds): with 4, the workers stood idle for a quarter of an ingestion.
 */
const DEPTH = 64;

/**
 * Worker threads that clean files, each file under a time budget: a worker still busy with a
 * file when its budget runs out is terminated, the file is named as a problem, and a new worker
 * takes its place. No input can stall margin, whatever the cleaner does with it.
 */
export class CleanerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private seq = 0;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < Math.max(1, options.size); i++) this.slots.push(this.spawn());
  }

  clean(path: string): Promise<CleanedFile> {
    return new Promise((done) => {
      this.queue.push({ seq: this.seq++, path, done });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.slots.map((slot) => {
        if (slot.timer) clearTimeout(slot.timer);
        return slot.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const worker = new Worker(workerScript('./clean-worker.js', import.meta.url), {
      workerData: { root: this.options.root, cleaner: this.options.cleaner ?? null },
      // The cleaner makes short-lived garbage: with 8 MB a worker spent a fifth of its time
      // collecting it, with 32 MB a seventh, and the peak memory of an ingestion stayed the same.
      resourceLimits: { maxYoungGenerationSizeMb: 32 },
    });
    const slot: Slot = {
      worker,
      ready: false,
      jobs: [],
      timer: null,
      thread: null,
      startedAt: 0,
      cpuThen: null,
      cpuAt: 0,
    };
    type Message = { seq: number; result: CleanedFile } | { ready: true; thread: number | null };
    worker.on('message', (message: Message) => {
      if ('ready' in message) {
        slot.ready = true;
        slot.thread = message.thread;
        this.startClock(slot);
        return;
      }
      const job = slot.jobs[0];
      if (!job || job.seq !== message.seq) return;
      slot.jobs.shift();
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      this.startClock(slot);
      job.done(message.result);
      this.dispatch();
    });
    worker.on('error', (error) => this.failed(slot, error));
    // A worker never exits on its own; when it does (out of memory), its file is the cause.
    worker.on('exit', () => {
      if (!this.closed && this.slots.includes(slot)) this.failed(slot, new Error('worker stopped'));
    });
    return slot;
  }

  private dispatch(): void {
    if (this.closed) return;
    // One at a time to the worker with the fewest: filling each in turn up to DEPTH gave the
    // first of two workers 64 of 100 added files and the second 36, and the pick-up waited on
    // the first.
    while (this.queue.length > 0) {
      let slot: Slot | undefined;
      for (const other of this.slots) {
        if (other.jobs.length < DEPTH && (!slot || other.jobs.length < slot.jobs.length))
          slot = other;
      }
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.jobs.push(job);
      slot.worker.postMessage({ seq: job.seq, path: job.path });
      if (slot.jobs.length === 1) this.startClock(slot);
    }
  }

  /** The running file's budget starts when the worker starts it: after the one before it. */
  private startClock(slot: Slot): void {
    const job = slot.jobs[0];
    if (!job || !slot.ready) return;
    slot.startedAt = Date.now();
    if (
      slot.thread !== null &&
      (slot.cpuThen === null || slot.startedAt - slot.cpuAt >= CPU_READING_MS)
    ) {
      slot.cpuThen = threadCpuMs(slot.thread);
      slot.cpuAt = slot.startedAt;
    }
    this.arm(slot, job, this.options.budgetMs);
  }

  private arm(slot: Slot, job: Job, delay: number): void {
    slot.timer = setTimeout(() => {
      // A result may be waiting behind a busy moment of this thread: let it in first.
      setImmediate(() => {
        if (slot.jobs[0] === job && this.slots.includes(slot)) this.check(slot, job);
      });
    }, delay);
  }

  /** At the end of the wall budget: over budget only if the worker itself used the time. */
  private check(slot: Slot, job: Job): void {
    const { budgetMs } = this.options;
    const wall = Date.now() - slot.startedAt;
    const now = slot.thread === null ? null : threadCpuMs(slot.thread);
    // The files before this one used at most the wall time between the reading and its start:
    // what is left is at most what this file used, so a file within its budget is never refused.
    const cpu =
      now === null || slot.cpuThen === null
        ? wall
        : now - slot.cpuThen - (slot.startedAt - slot.cpuAt);
    const cap = budgetMs * WALL_FACTOR;
    if (cpu >= budgetMs) {
      this.replace(slot, `took longer than ${seconds(budgetMs)} s to clean; skipped`);
    } else if (wall >= cap) {
      this.replace(slot, `still cleaning after ${seconds(cap)} s; skipped`);
    } else {
      // The CPU clock moves in 10 ms ticks: wait at least that long before asking again.
      this.arm(slot, job, Math.max(10, Math.min(budgetMs - cpu, cap - wall)));
    }
  }

  private failed(slot: Slot, error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.replace(slot, `could not be cleaned (${reason})`);
  }

  /** Stops a worker: its running file gets the problem, the files waiting in it go back in line. */
  private replace(slot: Slot, problem: string): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    if (slot.timer) clearTimeout(slot.timer);
    const [running, ...waiting] = slot.jobs;
    slot.jobs = [];
    this.slots.splice(at, 1);
    void slot.worker.terminate();
    this.queue.unshift(...waiting);
    if (!this.closed) this.slots.push(this.spawn());
    if (running) {
      // Remembered with its size and time, so the file is not tried again until it changes.
      const stats = (() => {
        try {
          return statSync(join(this.options.root, running.path));
        } catch {
          return null;
        }
      })();
      running.done({
        path: running.path,
        size: stats?.size ?? -1,
        mtime: stats?.mtimeMs ?? -1,
        problem,
      });
    }
    this.dispatch();
  }
}

function seconds(ms: number): string {
  const value = ms / 1000;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
