/**
 * The JavaScript heaps kept close to what they hold while a large index is read and built.
 * V8 lets a heap grow to up to four times what it held after its last full collection before it
 * collects again; the reading threads' short-lived features and the main thread's articles in
 * flight live just long enough to reach the old generation, so at 100,000 articles the reading's
 * three heaps stood at some 340 MB for about 120 MB alive (`bench/diagnose/story-memory`).
 * A growing factor of 1.5 (`--heap-growing-percent`, read by V8 at each collection's end, for
 * every thread) has them collected sooner. It is the process's setting, so it is set only while
 * a build runs and put back after, and left alone when the process was started with one.
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The old generation's growth past what survived a full collection, in percent. */
const GROWING_PERCENT = 50;

let depth = 0;
const given = process.execArgv.some((flag) => /^--heap[-_]growing[-_]percent/.test(flag));

/**
 * Runs `work` with the heaps kept lean (see the module's comment): grown by `percent` past what
 * survived (an outer call's setting holds for the calls within it).
 */
export async function leanHeaps<T>(
  work: () => Promise<T>,
  percent: number = GROWING_PERCENT,
): Promise<T> {
  if (given) return work();
  if (depth++ === 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  try {
    return await work();
  } finally {
    if (--depth === 0) v8.setFlagsFromString('--heap-growing-percent=0');
  }
}

/**
 * A full collection of this thread's heap now, once a large build's phase has let go of what
 * it held (the reading's articles and features, the comparing's chunks): left to V8, the
 * heap kept the reading's pages (some 70 MB for 27 MB alive at 100,000 articles) through the
 * comparing and the grouping that follow. V8's `gc`, exposed for the call as Jest's leak
 * detector does; nothing where that is refused.
 */
export function collectNow(): void {
  try {
    v8.setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
  } catch {}
}

/**
 * Keeps this thread's young generation at the size it has now, for the rest of the process:
 * for `margin index --story`, whose one run forms the groups and ends. V8 grows a thread's new
 * space (twice two semi-spaces of up to 16 MB on the main thread) while much of what it
 * allocates survives a scavenge, which the corpus index's check and the reading's features do,
 * and never gives it back: at 100,000 articles some 30 MB stood through the grouping, the
 * process's peak, for nothing young. The growth factor (every thread's) is read at each growth;
 * V8 sets it back to 2 whenever a thread's heap is made (node 20), so it is set again as each
 * worker thread comes online: before 2026-12-07 (story53) the reading threads' start undid it,
 * and the main thread's new space stood at 32 MB from the reading on. Worker threads start at
 * their young generation's full size (their `resourceLimits`) instead of growing to it: held at
 * V8's first 1 MB, a reading thread would collect several times as often. Left alone when the
 * process was started with a semi-space setting of its own.
 */
export function holdYoungGeneration(): void {
  if (held || process.execArgv.some((flag) => /semi[-_]space/.test(flag))) return;
  held = true;
  v8.setFlagsFromString(`--min-semi-space-size=${WORKER_SEMI_SPACE_MB}`);
  hold();
  process.on('worker', (worker) => worker.once('online', hold));
}

/** A semi-space as large as any worker thread's may be (clamped to each one's limit), in MB. */
const WORKER_SEMI_SPACE_MB = 16;

let held = false;

function hold(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}
