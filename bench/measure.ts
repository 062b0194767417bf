/**
 * Timing and memory helpers for sections. Every timing is taken with `process.hrtime.bigint()`
 * and reported in milliseconds.
 */
import type { Measurement } from './types.js';

export interface SampleOptions {
  /** Calls made and thrown away first, so JIT compilation and cold caches do not count. */
  warmup?: number;
  /** At least this many timed calls. */
  runs?: number;
  /** Keep calling until this much time has been spent timing (up to `maxRuns`). */
  minTimeMs?: number;
  /** Stop here even when `minTimeMs` has not been reached. */
  maxRuns?: number;
}

export interface Sample {
  median: number;
  p95: number;
  min: number;
  max: number;
  /** How many timed calls the figures come from. */
  runs: number;
  /** Every timed call in milliseconds, in the order they were made. */
  samples: number[];
}

/**
 * The `p`th percentile (0–100) of `values`, linearly interpolated between the closest ranks
 * (the common "R-7" definition, as in NumPy and spreadsheets).
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile must be within 0..100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  const low = sorted[below]!;
  return low + (sorted[above]! - low) * (rank - below);
}

/** Median, p95, min and max of timings already taken (milliseconds). */
export function summarize(samples: readonly number[]): Sample {
  return {
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    min: Math.min(...samples),
    max: Math.max(...samples),
    runs: samples.length,
    samples: [...samples],
  };
}

const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/**
 * Times `fn` after a warm-up, repeating it at least `runs` times and until `minTimeMs` has been
 * spent, so quick operations get enough samples for a stable p95 and slow ones stay bounded.
 */
export async function sample(
  fn: () => unknown | Promise<unknown>,
  options: SampleOptions = {},
): Promise<Sample> {
  const warmup = options.warmup ?? 3;
  const runs = Math.max(1, options.runs ?? 10);
  const minTimeMs = options.minTimeMs ?? 500;
  const maxRuns = Math.max(runs, options.maxRuns ?? 10_000);
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  let spent = 0;
  while (samples.length < runs || (spent < minTimeMs && samples.length < maxRuns)) {
    const start = nowMs();
    await fn();
    const elapsed = nowMs() - start;
    samples.push(elapsed);
    spent += elapsed;
  }
  return summarize(samples);
}

/** Times one call of `fn` (milliseconds): for things that can only happen once, like a cold load. */
export async function time<T>(fn: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  const start = nowMs();
  const result = await fn();
  return { ms: nowMs() - start, result };
}

/** The most memory this process has held so far (resident set size), in megabytes. */
export function peakRss(): number {
  // maxRSS is in kilobytes on every platform Node supports.
  return process.resourceUsage().maxRSS / 1024;
}

/** Megabytes per second for `bytes` processed in `ms` milliseconds. */
export function throughput(bytes: number, ms: number): number {
  return bytes / (1024 * 1024) / (ms / 1000);
}

/** What a section may add to a figure besides the number itself. */
export type MeasurementExtra = Pick<Measurement, 'target' | 'reference' | 'note'>;
/** For timings the unit defaults to milliseconds; pass another when `fn` timed something else. */
export type TimingExtra = MeasurementExtra & { unit?: string };

export interface MeasurementBuilder {
  /** Everything recorded so far: what `BenchSection.run` returns. */
  readonly list: Measurement[];
  /** A sampled timing: median and p95 in milliseconds (or `unit`); the note gets the run count. */
  timing(name: string, figures: Pick<Sample, 'median' | 'p95' | 'runs'>): Measurement;
  timing(
    name: string,
    figures: Pick<Sample, 'median' | 'p95' | 'runs'>,
    extra: TimingExtra,
  ): Measurement;
  /** A single figure: throughput, a one-off duration, a size. */
  value(name: string, value: number, unit: string): Measurement;
  value(name: string, value: number, unit: string, extra: MeasurementExtra): Measurement;
}

/**
 * Builds one section's measurements without repeating the section name:
 *
 *   const m = measurements('store');
 *   m.timing('persist one tag', await sample(tagOnce), { target: '< 20 ms' });
 *   m.value('open 300,000 annotations', ms, 'ms');
 *   return m.list;
 */
export function measurements(section: string): MeasurementBuilder {
  const list: Measurement[] = [];
  return {
    list,
    timing(
      name: string,
      figures: Pick<Sample, 'median' | 'p95' | 'runs'>,
      extra: TimingExtra = {},
    ) {
      const { unit = 'ms', ...rest } = extra;
      const note = [rest.note, `${figures.runs} runs`].filter(Boolean).join('; ');
      const measurement: Measurement = {
        section,
        name,
        unit,
        median: figures.median,
        p95: figures.p95,
        ...rest,
        note,
      };
      list.push(measurement);
      return measurement;
    },
    value(name: string, value: number, unit: string, extra: MeasurementExtra = {}) {
      const measurement: Measurement = { section, name, unit, value, ...extra };
      list.push(measurement);
      return measurement;
    },
  };
}

/** `{ name, value, ratio }` for a reference measured beside margin: ratio = ours / theirs. */
export function reference(
  name: string,
  ours: number,
  theirs: number,
): NonNullable<Measurement['reference']> {
  return { name, value: theirs, ratio: theirs === 0 ? Number.NaN : ours / theirs };
}
