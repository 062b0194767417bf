import { describe, expect, it } from 'vitest';
import { Int32List, Uint32List } from '../../source/story/growable.js';
import { type Extras, pushExtras, readExtras } from '../../source/story/node-extras.js';

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('node extras', () => {
  it('reads back each node’s four lists, none, short and too long for a byte', () => {
    const nodes: number[][][] = [
      [[], [], [], []],
      [[7, 9], [], [3], range(100, 4)],
      [[], [], [], []],
      [[], [11], [], []],
      [[5], [], [], range(1000, 300)],
      [range(0, 255), [], [], []],
      [[], [], [], [42]],
    ];
    const starts = new Int32List();
    const pool = new Uint32List();
    for (const [speakers, sources, units, quoted] of nodes) {
      starts.push(pool.length);
      pushExtras(pool, speakers!, sources!, units!, quoted!);
    }
    const into: Extras = { speakers: [], sources: [], units: [], quoted: [] };
    nodes.forEach((lists, node) => {
      const read = readExtras(starts, pool, node, into);
      expect(
        [read.speakers, read.sources, read.units, read.quoted].map((list) => [...Array.from(list)]),
      ).toEqual(lists);
      expect(read.borrowed).toBe(false);
    });
  });

  it('reads back whether the speakers were borrowed, in a short header and a full one', () => {
    const nodes: [number[], number[], boolean][] = [
      [[7, 9], [], true],
      [[7, 9], [4], false],
      [range(0, 126), [], true],
      [range(0, 127), [], true],
      [range(0, 300), [1], true],
      [[], [11], true],
    ];
    const starts = new Int32List();
    const pool = new Uint32List();
    for (const [speakers, quoted, borrowed] of nodes) {
      starts.push(pool.length);
      pushExtras(pool, speakers, [], [], quoted, borrowed);
    }
    const into: Extras = { speakers: [], sources: [], units: [], quoted: [] };
    nodes.forEach(([speakers, quoted, borrowed], node) => {
      const read = readExtras(starts, pool, node, into);
      expect([Array.from(read.speakers), Array.from(read.quoted)]).toEqual([speakers, quoted]);
      // No speakers, nothing borrowed.
      expect(read.borrowed).toBe(borrowed && speakers.length > 0);
    });
  });
});
