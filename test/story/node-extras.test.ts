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
    });
  });
});
