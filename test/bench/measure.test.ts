import { describe, expect, it } from 'vitest';
import {
  measurements,
  percentile,
  reference,
  sample,
  summarize,
  throughput,
} from '../../bench/measure.js';

describe('percentile', () => {
  const oneToTen = [10, 3, 7, 1, 9, 2, 8, 4, 6, 5];

  it('interpolates between the closest ranks', () => {
    expect(percentile(oneToTen, 50)).toBe(5.5);
    expect(percentile(oneToTen, 95)).toBeCloseTo(9.55, 10);
    expect(percentile(oneToTen, 90)).toBeCloseTo(9.1, 10);
    expect(percentile(oneToTen, 0)).toBe(1);
    expect(percentile(oneToTen, 100)).toBe(10);
    expect(percentile([1, 2, 3], 50)).toBe(2);
    expect(percentile([4], 95)).toBe(4);
  });

  it('leaves its input unsorted', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses no values and percentiles outside 0..100', () => {
    expect(() => percentile([], 50)).toThrow('percentile of no values');
    expect(() => percentile([1], 101)).toThrow('within 0..100');
    expect(() => percentile([1], Number.NaN)).toThrow('within 0..100');
  });
});

describe('summarize', () => {
  it('gives median, p95, min, max and the samples in order', () => {
    const result = summarize([5, 1, 20, 2, 3]);
    expect(result.p95).toBeCloseTo(17, 10);
    expect({ ...result, p95: 17 }).toEqual({
      median: 3,
      p95: 17,
      min: 1,
      max: 20,
      runs: 5,
      samples: [5, 1, 20, 2, 3],
    });
  });
});

describe('sample', () => {
  it('warms up, then times the requested number of runs', async () => {
    let calls = 0;
    const result = await sample(() => calls++, { warmup: 4, runs: 7, minTimeMs: 0 });
    expect(calls).toBe(11);
    expect(result.runs).toBe(7);
    expect(result.samples).toHaveLength(7);
    expect(result.min).toBeLessThanOrEqual(result.median);
    expect(result.median).toBeLessThanOrEqual(result.p95);
    expect(result.p95).toBeLessThanOrEqual(result.max);
  });

  it('keeps going until minTimeMs is spent, but not beyond maxRuns', async () => {
    let calls = 0;
    const busy = () => {
      calls++;
      const until = performance.now() + 1;
      while (performance.now() < until) {}
    };
    const result = await sample(busy, { warmup: 0, runs: 2, minTimeMs: 10_000, maxRuns: 6 });
    expect(result.runs).toBe(6);
    expect(calls).toBe(6);
  });

  it('waits for each call of an async function before the next', async () => {
    let running = 0;
    let overlapped = false;
    await sample(
      async () => {
        running++;
        if (running > 1) overlapped = true;
        await new Promise((resolve) => setTimeout(resolve, 1));
        running--;
      },
      { warmup: 1, runs: 3, minTimeMs: 0 },
    );
    expect(overlapped).toBe(false);
  });

  it('passes on what the function throws', async () => {
    await expect(
      sample(() => {
        throw new Error('broken');
      }),
    ).rejects.toThrow('broken');
  });
});

describe('measurements', () => {
  it('builds a section’s measurements with the run count in the note', () => {
    const m = measurements('store');
    m.timing(
      'persist one tag',
      { median: 2, p95: 3, runs: 40 },
      { target: '< 20 ms', note: 'fsync' },
    );
    m.value('open', 120, 'ms');
    m.value('search', 4, 'ms', { reference: reference('fzf', 4, 2) });
    expect(m.list).toEqual([
      {
        section: 'store',
        name: 'persist one tag',
        unit: 'ms',
        median: 2,
        p95: 3,
        target: '< 20 ms',
        note: 'fsync; 40 runs',
      },
      { section: 'store', name: 'open', unit: 'ms', value: 120 },
      {
        section: 'store',
        name: 'search',
        unit: 'ms',
        value: 4,
        reference: { name: 'fzf', value: 2, ratio: 2 },
      },
    ]);
  });

  it('computes throughput in MB/s', () => {
    expect(throughput(10 * 1024 * 1024, 500)).toBe(20);
  });
});
