import { describe, expect, it } from 'vitest';
import {
  intersect,
  lookedUpWithin,
  type Matches,
  type Source,
  unionOf,
  withinSources,
} from '../../source/search/matches.js';

/** A small deterministic generator: the same lists on every run. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % below;
  };
}

/** Ascending keys below `span`, about `count` of them, repeats allowed when `repeats`. */
function keys(next: (below: number) => number, count: number, span: number, repeats = false) {
  const all = Array.from({ length: count }, () => next(span)).sort((x, y) => x - y);
  return Uint32Array.from(repeats ? all : [...new Set(all)]);
}

function matches(next: (below: number) => number, count: number, span: number): Matches {
  const list = keys(next, count, span);
  return {
    length: list.length,
    keys: list,
    scores: Float32Array.from(list, () => next(100) / 100),
    inText: Uint8Array.from(list, () => next(2)),
  };
}

const entries = (found: Matches) =>
  Array.from({ length: found.length }, (_, i) => [found.keys[i], found.scores[i], found.inText[i]]);

/** A term's lists as the engine makes them: runs (titles), lists with repeats, near scores. */
function sourcesOf(next: (below: number) => number, span: number, longest: number): Source[] {
  const sources: Source[] = [];
  for (let s = next(6); s >= 0; s--) {
    if (next(4) === 0) {
      const from = next(span);
      sources.push({ from, to: from + next(40), score: (1 + next(10)) / 10, inText: false });
    } else {
      // Scores that differ past 32 bits (every term scores above 0), lists with repeats.
      const score = next(3) === 0 ? 0.83 + next(3) * 1e-9 : (1 + next(10)) / 10;
      sources.push({
        keys: keys(next, next(longest), span, next(5) === 0),
        score,
        inText: next(3) !== 0,
      });
    }
  }
  return sources;
}

describe('a term matched within the sentences found so far', () => {
  // Few keys so far beside long lists (looked up), and as many or more (the union made): both
  // must keep and sum exactly what intersecting with the union of the term's lists does.
  for (const [name, found, longest] of [
    ['few sentences so far, long lists', 300, 8000],
    ['many sentences so far, short lists', 3000, 300],
  ] as const) {
    it(`keeps and sums what the union does: ${name}`, () => {
      for (let seed = 1; seed <= 100; seed++) {
        const next = random(seed);
        const span = 50 + next(200_000);
        const sources = sourcesOf(next, span, longest);
        const expected = entries(intersect(matches(random(seed), found, span), unionOf(sources)));
        const chosen = entries(withinSources(matches(random(seed), found, span), sources));
        const lookedUp = entries(lookedUpWithin(matches(random(seed), found, span), sources));
        expect(chosen, `seed ${seed}`).toEqual(expected);
        expect(lookedUp, `seed ${seed}`).toEqual(expected);
      }
    });
  }

  it('finds a key by galloping past long stretches of smaller keys', () => {
    // One key far into a long list, then one at its very end, then one past it.
    const list = Uint32Array.from({ length: 100_000 }, (_, i) => i * 2);
    const current: Matches = {
      length: 4,
      keys: Uint32Array.of(1, 150_000, 199_998, 200_001),
      scores: new Float32Array(4),
      inText: new Uint8Array(4),
    };
    const kept = lookedUpWithin(current, [{ keys: list, score: 1, inText: true }]);
    expect(Array.from(kept.keys.subarray(0, kept.length))).toEqual([150_000, 199_998]);
  });
});
