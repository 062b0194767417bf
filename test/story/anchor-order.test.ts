import { describe, expect, it } from 'vitest';
import {
  anchorOrder,
  compareAnchor,
  RADIX_ANCHORS,
  radixAnchorOrder,
} from '../../source/story/anchor-order.js';
import { NO_DAY } from '../../source/story/pair-judge.js';

/** A component of `count` nodes whose anchors tie on day, article and position now and then. */
function component(count: number, seed: number) {
  let state = seed;
  const random = (below: number) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return (state >>> 8) % below;
  };
  // Article ids whose order as strings is not their order as numbers ("a-10" before "a-9").
  const ids = Array.from({ length: 700 }, (_, i) => `a-${(i * 7919) % 1000}`);
  const nodes = Array.from({ length: count }, (_, i) => i * 3 + 1);
  for (let i = count - 1; i > 0; i--) {
    const j = random(i + 1);
    [nodes[i], nodes[j]] = [nodes[j]!, nodes[i]!];
  }
  const day = Int32Array.from({ length: count }, () =>
    random(10) === 0 ? NO_DAY : 20_000 + random(40),
  );
  const article = Int32Array.from({ length: count }, () => random(ids.length));
  const sentence = Int32Array.from({ length: count }, () => random(30));
  return { nodes, day, article, sentence, ids };
}

function byComparison(c: ReturnType<typeof component>): number[] {
  const order = c.nodes.map((_, i) => i);
  order.sort(
    (x, y) =>
      compareAnchor(
        c.day[x]!,
        c.article[x]!,
        c.sentence[x]!,
        c.day[y]!,
        c.article[y]!,
        c.sentence[y]!,
        c.ids,
      ) || c.nodes[x]! - c.nodes[y]!,
  );
  return order.map((i) => c.nodes[i]!);
}

describe('a component’s nodes in anchor order', () => {
  it('sorts a big component by radix as the comparison does: undated last, ids as strings', () => {
    const c = component(RADIX_ANCHORS + 1500, 7);
    const expected = byComparison(c);
    // Each on copies: a big component's days and articles are written over with its keys.
    const sorted = radixAnchorOrder(c.nodes, c.day.slice(), c.article.slice(), c.sentence, c.ids);
    expect([...sorted]).toEqual(expected);
    expect([...anchorOrder(c.nodes, c.day.slice(), c.article.slice(), c.sentence, c.ids)]).toEqual(
      expected,
    );
    // Undated last.
    const last = c.nodes.indexOf(expected.at(-1)!);
    expect(c.day[last]).toBe(NO_DAY);
  });

  it('sorts a small component, and one all undated', () => {
    // Written out by hand (the comparison is anchorOrder's own below RADIX_ANCHORS): the earliest
    // day first, then article ids as strings ("a-10" before "a-9"), then position, undated last.
    const ids = ['x', 'a-9', 'a-10'];
    const day = Int32Array.from([NO_DAY, 20_001, 20_000, 20_001, 20_001]);
    const article = Int32Array.from([0, 1, 0, 2, 2]);
    const sentence = Int32Array.from([0, 0, 5, 3, 1]);
    expect([...anchorOrder([5, 6, 7, 8, 9], day, article, sentence, ids)]).toEqual([7, 9, 8, 6, 5]);
    const undated = component(RADIX_ANCHORS, 13);
    undated.day.fill(NO_DAY);
    const expected = byComparison(undated);
    expect([
      ...radixAnchorOrder(
        undated.nodes,
        undated.day,
        undated.article,
        undated.sentence,
        undated.ids,
      ),
    ]).toEqual(expected);
  });
});
