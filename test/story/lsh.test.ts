import { describe, expect, it } from 'vitest';
import { LshIndex } from '../../source/story/lsh.js';
import { estimateJaccard, signature } from '../../source/story/minhash.js';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('MinHash', () => {
  it('estimates Jaccard similarity within a few points with 256 hashes', () => {
    const a = range(0, 100);
    const b = range(50, 150); // Jaccard 50 / 150
    const estimate = estimateJaccard(
      signature(a, new Uint32Array(256)),
      signature(b, new Uint32Array(256)),
    );
    expect(estimate).toBeGreaterThan(1 / 3 - 0.08);
    expect(estimate).toBeLessThan(1 / 3 + 0.08);
  });

  it('gives identical sets identical signatures, whatever the order', () => {
    const one = signature([5, 9, 2, 7], new Uint32Array(16));
    const two = signature([7, 2, 9, 5], new Uint32Array(16));
    expect(estimateJaccard(one, two)).toBe(1);
  });
});

describe('LSH buckets', () => {
  const shape = { bands: 8, rows: 3 };

  it('puts near-copies in a shared bucket and unrelated sets in none', () => {
    const lsh = new LshIndex(shape);
    const base = range(0, 20);
    const edited = [...range(0, 19), 99]; // Jaccard 19/21
    const unrelated = range(1000, 1020);
    const sets = [base, edited, unrelated];
    lsh.build(3, (node, out) => {
      lsh.bandValues(sets[node]!, out);
      return true;
    });
    expect(lsh.firstSharedBand(0, 1)).toBeLessThan(shape.bands);
    expect(lsh.firstSharedBand(0, 2)).toBe(shape.bands);
    const runs: number[][] = [];
    lsh.eachBuiltRun((_band, nodes) => runs.push([...nodes]));
    expect(runs.some((run) => run.includes(0) && run.includes(1))).toBe(true);
    expect(runs.some((run) => run.includes(2))).toBe(false);
  });

  it('finds a node added after the build, and forgets a removed one', () => {
    const lsh = new LshIndex(shape);
    const sets = [range(0, 20), range(500, 520)];
    lsh.build(2, (node, out) => {
      lsh.bandValues(sets[node]!, out);
      return true;
    });
    const values = lsh.bandValues(range(0, 20));
    lsh.add(2, values);
    expect(lsh.bucket(0, values[0]!)).toEqual([0, 2]);
    lsh.remove(0);
    lsh.remove(2);
    expect(lsh.bucket(0, values[0]!)).toEqual([]);
  });

  it('orders a bucket by date, so a node meets the sentences of its own days first', () => {
    const lsh = new LshIndex(shape);
    const same = range(0, 20);
    const days = [300, 100, 200];
    lsh.build(
      3,
      (_node, out) => {
        lsh.bandValues(same, out);
        return true;
      },
      (node) => days[node]!,
    );
    expect(lsh.bucket(0, lsh.bandValues(same)[0]!)).toEqual([1, 2, 0]);
  });
});
