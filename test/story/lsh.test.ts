import { describe, expect, it } from 'vitest';
import { LshIndex, type LshSource, type OrderPlace } from '../../source/story/lsh.js';
import { estimateJaccard, mix, seed, shingles, signature } from '../../source/story/minhash.js';
import { releasable, release } from '../../source/story/released.js';
import { ID_MASK, NAME_BIT } from '../../source/story/tokens.js';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/**
 * MinHash band `band`'s value of a set of shingles (ids), as defined: one hash of the minima of
 * its 3 rows' hashes. What `minhashWords` must give from the words; any value does for a source.
 */
function minhashOf(items: readonly number[], band: number, rows = 3): number {
  const minima = new Uint32Array(rows).fill(0xffff_ffff);
  for (const item of items) {
    const base = mix(item);
    for (let r = 0; r < rows; r++) {
      const value = mix(base ^ seed(band * rows + r));
      if (value < minima[r]!) minima[r] = value;
    }
  }
  let h = mix(band + 1);
  for (let r = 0; r < rows; r++) h = mix(h ^ minima[r]!);
  return h;
}

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

  it.each([3, 4])(
    'gives a band of %i rows the same value from the words as from their shingles',
    (rows) => {
      // Three rows (the index's shape) have a path of their own.
      const lsh = new LshIndex(
        { bands: 8, rows },
        { indexable: () => false, value: () => 0, day: () => 0 },
      );
      // Weights below 0.6 (no shingle), between, and 1.5 or more (two shingles); names too.
      const weights = [0.2, 0.59, 0.6, 1.2, 1.49, 1.5, 3, 7];
      const weight = (word: number) => weights[(word & ID_MASK) % weights.length]!;
      let random = 12345;
      const next = () => {
        random = (Math.imul(random, 1_103_515_245) + 12_345) >>> 0;
        return random;
      };
      for (let trial = 0; trial < 200; trial++) {
        const words = Uint32Array.from({ length: 2 + (next() % 20) }, () =>
          next() % 4 === 0 ? ((next() % 5000) | NAME_BIT) >>> 0 : next() % 5000,
        );
        const padded = new Uint32Array(words.length + 6);
        padded.set(words, 3);
        for (let band = 0; band < 8; band++) {
          expect(lsh.minhashWords(padded, 3, 3 + words.length, weight, band)).toBe(
            minhashOf(shingles(words, weight), band, rows),
          );
        }
      }
    },
  );

  it('gives identical sets identical signatures, whatever the order', () => {
    const one = signature([5, 9, 2, 7], new Uint32Array(16));
    const two = signature([7, 2, 9, 5], new Uint32Array(16));
    expect(estimateJaccard(one, two)).toBe(1);
  });
});

describe('LSH buckets', () => {
  const shape = { bands: 8, rows: 3 };

  /** An index over word sets; the sets are looked up again whenever a value is needed. */
  function indexOf(
    sets: number[][],
    days: number[] = [],
    limit?: (band: number) => number,
    place?: OrderPlace,
  ) {
    const source: LshSource = {
      indexable: (node) => node < sets.length,
      value: (node, band) => minhashOf(sets[node]!, band),
      day: (node) => days[node] ?? 0,
      ...(limit ? { limit } : {}),
    };
    const lsh = new LshIndex(shape, source, place);
    return lsh;
  }

  it('puts near-copies in a shared bucket and unrelated sets in none', () => {
    const base = range(0, 20);
    const edited = [...range(0, 19), 99]; // Jaccard 19/21
    const unrelated = range(1000, 1020);
    const lsh = indexOf([base, edited, unrelated]);
    const runs: number[][] = [];
    lsh.build(3, (_band, rows) => runs.push(Array.from(rows, (row) => lsh.node(row))));
    expect(lsh.firstSharedBand(0, 1)).toBeLessThan(shape.bands);
    expect(lsh.firstSharedBand(0, 2)).toBe(shape.bands);
    expect(runs.some((run) => run.includes(0) && run.includes(1))).toBe(true);
    expect(runs.some((run) => run.includes(2))).toBe(false);
  });

  it('finds a node added after the build, and forgets a removed one', () => {
    const sets = [range(0, 20), range(500, 520), range(0, 20)];
    const lsh = indexOf(sets);
    lsh.build(2);
    const values = range(0, shape.bands).map((band) => minhashOf(sets[2]!, band));
    lsh.add(2, values);
    expect(lsh.bucket(0, values[0]!)).toEqual([0, 2]);
    lsh.remove(0);
    lsh.remove(2);
    expect(lsh.bucket(0, values[0]!)).toEqual([]);
  });

  it('orders a bucket by date, so a node meets the sentences of its own days first', () => {
    const same = range(0, 20);
    const lsh = indexOf([same, same, same], [300, 100, 200]);
    lsh.build(3);
    expect(lsh.bucket(0, minhashOf(same, 0))).toEqual([1, 2, 0]);
  });

  it('hands each pair to the first band it shares only', () => {
    const base = range(0, 20);
    const lsh = indexOf([base, [...base], range(0, 19)]);
    const seen = new Map<string, number>();
    lsh.build(3, (band, rows) => {
      for (let i = 0; i < rows.length; i++) {
        for (let j = 0; j < i; j++) {
          if (lsh.sharedBefore(rows[j]!, rows[i]!, band)) continue;
          const pair = [lsh.node(rows[j]!), lsh.node(rows[i]!)].sort().join('-');
          seen.set(pair, (seen.get(pair) ?? 0) + 1);
        }
      }
    });
    expect(seen.get('0-1')).toBe(1);
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
  });

  it('finds every built node in its own bucket among thousands', () => {
    const sets = Array.from({ length: 3000 }, (_, node) => [node * 7, node * 7 + 1, node * 7 + 2]);
    sets.push([...sets[5]!]);
    const lsh = indexOf(sets);
    lsh.build(sets.length);
    for (const node of [0, 5, 1234, 2999]) {
      for (let band = 0; band < shape.bands; band++) {
        const bucket = lsh.bucket(band, minhashOf(sets[node]!, band));
        expect(bucket).toContain(node);
        if (node === 5) expect(bucket).toContain(3000);
      }
    }
  });

  it('reads a bucket whole across many fences, and none that is crowded', () => {
    // Buckets of 1 to 60 copies among 3,000 single nodes: each is found whole where it stands
    // (between, across or at the kept values of the order), and one over the limit is refused.
    const sets: number[][] = Array.from({ length: 3000 }, (_, node) => [node * 7, node * 7 + 1]);
    const copies = new Map<number, number[]>();
    for (const size of [1, 2, 15, 16, 17, 33, 40, 41, 60]) {
      const original = size * 41;
      const members = [original];
      for (let k = 1; k < size; k++) members.push(sets.push([...sets[original]!]) - 1);
      copies.set(original, members);
    }
    const lsh = indexOf(sets, [], () => 40);
    lsh.build(sets.length);
    for (const [node, members] of copies) {
      for (let band = 0; band < shape.bands; band++) {
        const bucket = lsh.bucket(band, minhashOf(sets[node]!, band));
        if (members.length > 40) expect(bucket).toBeNull();
        else
          expect([...bucket!].filter((at) => members.includes(at)).sort()).toEqual(
            [...members].sort(),
          );
      }
    }
  });

  it('keeps the bands’ orders in a file and finds the same buckets there', () => {
    // 3,000 nodes and buckets of up to 60 copies, found across the file's blocks of 256 nodes.
    const sets: number[][] = Array.from({ length: 3000 }, (_, node) => [node * 7, node * 7 + 1]);
    for (const size of [2, 17, 60, 300]) {
      const original = size * 9;
      for (let k = 1; k < size; k++) sets.push([...sets[original]!]);
    }
    const days = sets.map((_, node) => (node * 37) % 50);
    const inMemory = indexOf(sets, days, undefined, { from: Number.POSITIVE_INFINITY });
    const inFile = indexOf(sets, days, undefined, { from: 0 });
    inMemory.build(sets.length);
    inFile.build(sets.length);
    expect(inFile.bytes).toBeLessThan(inMemory.bytes - shape.bands * sets.length * 3);
    for (const node of [0, 18, 153, 540, 2700, 2999, 3001, 3300]) {
      for (let band = 0; band < shape.bands; band++) {
        const value = minhashOf(sets[node]!, band);
        const bucket = inFile.bucket(band, value);
        expect(bucket).toEqual(inMemory.bucket(band, value));
        expect(bucket).toContain(node);
      }
    }
  });

  it('gives the same runs when it keeps no bands, and holds none of them after', () => {
    // 3,000 nodes and buckets of up to 60 copies; in a file and in memory, as a build places them.
    const sets: number[][] = Array.from({ length: 3000 }, (_, node) => [node * 7, node * 7 + 1]);
    for (const size of [2, 17, 60]) {
      const original = size * 9;
      for (let k = 1; k < size; k++) sets.push([...sets[original]!]);
    }
    const days = sets.map((_, node) => (node * 37) % 50);
    for (const from of [0, Number.POSITIVE_INFINITY]) {
      const kept = indexOf(sets, days, undefined, { from });
      const once = indexOf(sets, days, undefined, { from });
      const runs = (lsh: LshIndex) => {
        const seen: string[] = [];
        lsh.build(sets.length, (band, rows) =>
          seen.push(`${band}: ${Array.from(rows, (row) => lsh.node(row)).join(' ')}`),
        );
        return seen;
      };
      const keptRuns = runs(kept);
      const onceRuns: string[] = [];
      once.build(
        sets.length,
        (band, rows) =>
          onceRuns.push(`${band}: ${Array.from(rows, (row) => once.node(row)).join(' ')}`),
        false,
      );
      expect(onceRuns.length).toBe(3 * shape.bands);
      expect(onceRuns).toEqual(keptRuns);
      // Nothing but its marks of the nodes: no band's order, no fences (a value per 16 nodes).
      expect(once.bytes).toBeLessThan(2 * sets.length);
      expect(kept.bytes - once.bytes).toBeGreaterThanOrEqual((shape.bands * sets.length) / 4);
    }
  });

  it('brings the bands’ orders back into memory when their file fails', () => {
    const sets: number[][] = Array.from({ length: 2000 }, (_, node) => [node * 7, node * 7 + 1]);
    for (let k = 0; k < 30; k++) sets.push([...sets[77]!]);
    const inMemory = indexOf(sets, [], undefined, { from: Number.POSITIVE_INFINITY });
    const failing = indexOf(sets, [], undefined, { from: 0 });
    inMemory.build(sets.length);
    // From the third band on, the file takes no more (as a full disk would refuse it).
    failing.build(sets.length, (band) => {
      if (band !== 2) return;
      (failing as unknown as { orders: { put(): void } }).orders.put = () => {
        throw new Error('no space left');
      };
    });
    for (const node of [0, 77, 1999, 2010]) {
      for (let band = 0; band < shape.bands; band++) {
        const value = minhashOf(sets[node]!, band);
        expect(failing.bucket(band, value)).toEqual(inMemory.bucket(band, value));
      }
    }
  });

  it('gives no candidates from a crowded bucket, and hands its pairs to a later band', () => {
    const base = range(0, 20);
    // Band 0 holds at most 2 nodes a bucket: three copies crowd every bucket they share there.
    const lsh = indexOf([base, [...base], [...base]], [], (band) => (band === 0 ? 2 : 10));
    const runs: Array<[number, number[]]> = [];
    lsh.build(3, (band, rows) => {
      const fresh = [...rows].filter((row, i) =>
        [...rows].slice(0, i).every((other) => !lsh.sharedBefore(other, row, band)),
      );
      if (fresh.length > 0) runs.push([band, fresh.map((row) => lsh.node(row))]);
    });
    expect(runs.some(([band]) => band === 0)).toBe(false);
    expect(runs[0]).toEqual([1, [0, 1, 2]]);
    expect(lsh.bucket(0, minhashOf(base, 0))).toBeNull();
    expect(lsh.bucket(1, minhashOf(base, 1))).toEqual([0, 1, 2]);
    expect(lsh.firstSharedBand(0, 1, 1)).toBe(1);
  });

  it('counts a spanned bucket’s crowd within the days around each node', () => {
    const base = range(0, 20);
    // Twenty copies in four days, then three a week apart, in one bucket: over a limit of 8
    // taken whole, and a crowd only in those four days (10 days either side counted).
    const days = [...range(0, 20).map((k) => k % 4), 100, 107, 114];
    const sets = days.map(() => [...base]);
    const source: LshSource = {
      indexable: (node) => node < sets.length,
      value: (node, band) => minhashOf(sets[node]!, band),
      day: (node) => days[node]!,
      limit: (band) => (band === 0 ? 8 : 100),
      span: (band) => (band === 0 ? 10 : Number.POSITIVE_INFINITY),
    };
    const lsh = new LshIndex({ bands: 2, rows: 3 }, source);
    const runs: Array<[number, number[]]> = [];
    const before: boolean[] = [];
    // The build's rows are its nodes in date order.
    const rowOf = (node: number) => {
      let row = 0;
      while (lsh.node(row) !== node) row++;
      return row;
    };
    lsh.build(sets.length, (band, rows) => {
      runs.push([band, Array.from(rows, (row) => lsh.node(row))]);
      // A pair is compared in band 0 only if neither of the two is in a crowd there.
      if (band === 1) {
        before.push(
          lsh.sharedBefore(rowOf(0), rowOf(20), 1),
          lsh.sharedBefore(rowOf(20), rowOf(21), 1),
        );
      }
    });
    expect(runs).toEqual([
      [0, [20, 21, 22]],
      [1, [...range(0, 20).sort((a, b) => days[a]! - days[b]! || a - b), 20, 21, 22]],
    ]);
    expect(before).toEqual([false, true]);
    const value = minhashOf(base, 0);
    expect(lsh.bucket(0, value, 21)).toEqual([20, 21, 22]);
    expect(lsh.bucket(0, value, 3)).toBeNull();
  });

  it('keeps crowd marks past 16 bands and 16 bits of owners beside the tags while building', () => {
    const base = range(0, 20);
    const owners = [5, 5 + 65_536, 7];
    const source: LshSource = {
      indexable: (node) => node < 3,
      value: (_node, band) => minhashOf(base, band),
      day: () => 0,
      // Three copies crowd every bucket of the first 18 bands.
      limit: (band) => (band < 18 ? 2 : 10),
      owner: (node) => owners[node]!,
    };
    const lsh = new LshIndex({ bands: 20, rows: 3 }, source);
    const seen: Array<[number, boolean, boolean, boolean]> = [];
    lsh.build(3, (band, rows) => {
      // All of one day: the rows are the nodes.
      expect(Array.from(rows, (row) => lsh.node(row))).toEqual([0, 1, 2]);
      seen.push([band, lsh.sharedBefore(0, 1, band), lsh.otherOwners(0, 1), lsh.otherOwners(0, 2)]);
    });
    // Owners 5 and 65,541 agree in their 16 bits: maybe one owner, to be looked up.
    expect(seen).toEqual([
      [18, false, false, true],
      [19, true, false, true],
    ]);
    expect(lsh.otherOwners(0, 2)).toBe(false);
  });

  it('orders buckets by value, then date, then node, within and past a sort by insertion', () => {
    // A thousand nodes whose band values share their high bits (band 0: one run of 1,000 to sort
    // by low bits; band 1: 32 runs of 31 or 32), out of order in both.
    const days = range(0, 1000).map((node) => (node * 37) % 50);
    const values = [
      (node: number) => (0x1234_0000 | ((node * 7919) % 61)) >>> 0,
      (node: number) => (((node % 32) << 16) | ((node * 13) % 29)) >>> 0,
    ];
    const source: LshSource = {
      indexable: (node) => node < days.length,
      value: (node, band) => values[band]!(node),
      day: (node) => days[node]!,
    };
    const lsh = new LshIndex({ bands: 2, rows: 3 }, source);
    const runs: number[][] = [];
    lsh.build(days.length, (_band, rows) => runs.push(Array.from(rows, (row) => lsh.node(row))));
    for (let band = 0; band < 2; band++) {
      const byValue = new Map<number, number[]>();
      for (const node of range(0, 1000)) {
        const value = values[band]!(node);
        byValue.set(value, [...(byValue.get(value) ?? []), node]);
      }
      const buckets = [...byValue]
        .sort(([x], [y]) => x - y)
        .map(([, nodes]) => nodes.sort((a, b) => days[a]! - days[b]! || a - b));
      for (const nodes of buckets) {
        expect(lsh.bucket(band, values[band]!(nodes[0]!))).toEqual(nodes);
      }
      const shared = buckets.filter((nodes) => nodes.length > 1);
      expect(runs.splice(0, shared.length)).toEqual(shared);
    }
  });

  it('pauses within a band when the visitor has enough waiting', () => {
    // Four sets in two buckets per band: each band's two runs, and a pause after each.
    const sets = [range(0, 20), range(0, 20), range(500, 520), range(500, 520)];
    const lsh = indexOf(sets);
    let visits = 0;
    const pauses = [...lsh.building(sets.length, () => ++visits > 0)];
    expect(visits).toBe(2 * shape.bands);
    expect(pauses.length).toBe(3 * shape.bands);
  });

  it('pauses after each run of a crowded bucket with a span too', () => {
    // One bucket of copies: a crowd, two quiet days, another crowd, two quiet days.
    const base = range(0, 20);
    const crowd = (from: number) => range(0, 10).map((k) => from + (k % 2));
    const days = [...crowd(0), 100, 101, ...crowd(200), 300, 301];
    const sets = days.map(() => [...base]);
    const source: LshSource = {
      indexable: (node) => node < sets.length,
      value: (node, band) => minhashOf(sets[node]!, band),
      day: (node) => days[node]!,
      limit: () => 8,
      span: () => 10,
    };
    const lsh = new LshIndex({ bands: 2, rows: 3 }, source);
    let visits = 0;
    const pauses = [...lsh.building(sets.length, () => ++visits > 0)];
    // Per band: two runs between the crowds, a pause after each, and the band's end.
    expect(visits).toBe(2 * 2);
    expect(pauses.length).toBe(3 * 2);
  });
});

describe('released arrays', () => {
  it('give their memory back at once', () => {
    const tags = releasable(Uint16Array, 1 << 20);
    tags.fill(7);
    expect(tags.length).toBe(1 << 20);
    release(tags);
    expect(tags.buffer.byteLength).toBe(0);
  });
});
