import { describe, expect, it } from 'vitest';
import { EdgeTable } from '../../source/story/edges.js';

type Half = [other: number, score: number, asked: boolean];

const halves = (table: EdgeTable, node: number): Half[] => {
  const out: Half[] = [];
  table.each(node, (other, score, asked) => {
    out.push([other, score, asked]);
  });
  return out;
};

describe('the edge table', () => {
  // Pairs in the order a build found them: (a, b) was compared as `same(a, b)`.
  const found: Array<[number, number, number]> = [
    [0, 1, 0.5],
    [2, 0, 0.75],
    [1, 2, 0.25],
    [0, 3, 1],
  ];
  const laid = () => {
    const table = new EdgeTable();
    table.lay(5, (pair) => {
      for (const [a, b, score] of found) pair(a, b, score);
    });
    return table;
  };

  it('lays out a build’s pairs per node, newest first, knowing which side was asked', () => {
    const table = laid();
    expect(halves(table, 0)).toEqual([
      [3, 1, true],
      [2, 0.75, false],
      [1, 0.5, true],
    ]);
    expect(halves(table, 2)).toEqual([
      [1, 0.25, false],
      [0, 0.75, true],
    ]);
    expect(halves(table, 3)).toEqual([[0, 1, false]]);
    expect([0, 1, 2, 3, 4, 5, 9].map((node) => table.has(node))).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('puts pairs found after the build before the build’s, for nodes old and new', () => {
    const table = laid();
    table.add(4, 0, 0.125);
    table.add(7, 4, 0.5);
    expect(halves(table, 0)).toEqual([
      [4, 0.125, false],
      [3, 1, true],
      [2, 0.75, false],
      [1, 0.5, true],
    ]);
    expect(halves(table, 4)).toEqual([
      [7, 0.5, false],
      [0, 0.125, true],
    ]);
    expect(halves(table, 7)).toEqual([[4, 0.5, true]]);
    expect(table.has(4)).toBe(true);
    expect(table.has(5)).toBe(false);
  });

  it('stops visiting when asked to', () => {
    const table = laid();
    const seen: number[] = [];
    table.each(0, (other) => {
      seen.push(other);
      return other === 2;
    });
    expect(seen).toEqual([3, 2]);
  });

  it('adds a second build’s pairs to those laid out', () => {
    const table = laid();
    table.lay(5, (pair) => pair(3, 1, 0.5));
    expect(halves(table, 3)).toEqual([
      [1, 0.5, true],
      [0, 1, false],
    ]);
  });
});
