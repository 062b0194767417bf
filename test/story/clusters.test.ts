import { describe, expect, it } from 'vitest';
import { type ComponentAccess, clusterComponent } from '../../source/story/clusters.js';

/** Nodes 0 and 1 each paired with node 2 only, every node in an article of its own. */
function throughAThird(): ComponentAccess {
  return {
    edges(node, visit) {
      if (node === 2) {
        visit(0, 0.9);
        visit(1, 0.9);
      } else visit(2, 0.9);
    },
    links: [],
    unlinks: [],
    articles: (node) => node,
    same: () => 1,
    rank: new Int32Array(3).fill(-1),
  };
}

describe('clusterComponent', () => {
  it('does not join two nodes that are not paired, though they report the same thing', () => {
    // As when node 2 was removed, or the two are groups near an update's sentence.
    expect(clusterComponent(Int32Array.of(0, 1), throughAThird())).toEqual([[0], [1]]);
  });

  it('joins two paired nodes when their articles do not clash', () => {
    expect(clusterComponent(Int32Array.of(0, 2), throughAThird())).toEqual([[0, 2]]);
    const clashing = { ...throughAThird(), articles: () => 7 };
    expect(clusterComponent(Int32Array.of(0, 2), clashing)).toEqual([[0], [2]]);
  });

  it("answers a pair as the general path does, with reviewers' links anywhere", () => {
    const cases: Array<Partial<ComponentAccess>> = [
      {},
      { links: [[0, 1]] },
      { links: [[0, 1]], articles: () => 7 },
      { unlinks: [[2, 0]] },
      { links: [[5, 6]], unlinks: [[6, 7]] },
      { same: () => 0 },
      { same: () => 0, links: [[1, 0]] },
    ];
    for (const change of cases) {
      for (const pair of [Int32Array.of(0, 2), Int32Array.of(0, 1)]) {
        const base = { ...throughAThird(), ...change };
        // Node 8 has no edge: it sends the component down the general path and stays alone.
        const access: ComponentAccess = {
          ...base,
          edges: (node, visit) => {
            if (node !== 8) base.edges(node, visit);
          },
          rank: new Int32Array(9).fill(-1),
        };
        const general = clusterComponent(Int32Array.of(...pair, 8), access).filter(
          (group) => !group.includes(8),
        );
        expect(clusterComponent(pair, access)).toEqual(general);
      }
    }
  });
});
