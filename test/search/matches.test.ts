import { describe, expect, it } from 'vitest';
import {
  intersect,
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

describe('a term matched within the sentences found so far', () => {
  it('keeps and sums exactly what intersecting with the union of its lists does', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed);
      const span = 50 + next(200_000);
      const sources: Source[] = [];
      for (let s = next(6); s >= 0; s--) {
        if (next(4) === 0) {
          const from = next(span);
          sources.push({ from, to: from + next(40), score: (1 + next(10)) / 10, inText: false });
        } else {
          // Scores that differ past 32 bits (every term scores above 0), lists with repeats.
          const score = next(3) === 0 ? 0.83 + next(3) * 1e-9 : (1 + next(10)) / 10;
          sources.push({
            keys: keys(next, next(3000), span, next(5) === 0),
            score,
            inText: next(3) !== 0,
          });
        }
      }
      const expected = entries(intersect(matches(random(seed), 300, span), unionOf(sources)));
      const found = entries(withinSources(matches(random(seed), 300, span), sources));
      expect(found, `seed ${seed}`).toEqual(expected);
    }
  });
});
