import { describe, expect, it } from 'vitest';
import { areaUnderCurve, bestCutF1, type Scored } from '../../bench/evaluate/ranking.js';

describe('ranking figures', () => {
  it('a perfect order has area 1 and a cut of F1 1, a reversed one area 0', () => {
    const perfect: Scored[] = [
      [0.9, true],
      [0.8, true],
      [0.3, false],
      [0.1, false],
    ];
    expect(areaUnderCurve(perfect)).toBe(1);
    expect(bestCutF1(perfect)).toBe(1);
    expect(areaUnderCurve(perfect.map(([score, truth]) => [1 - score, truth]))).toBe(0);
  });

  it('counts ties half and cuts between distinct scores only', () => {
    const tied: Scored[] = [
      [0.5, true],
      [0.5, false],
    ];
    expect(areaUnderCurve(tied)).toBe(0.5);
    // Suggesting the tie takes both: P ½, R 1.
    expect(bestCutF1(tied)).toBeCloseTo(2 / 3);
  });

  it('finds the best cut below the top', () => {
    // One miss on top, then two positives: the best cut takes all three (P ⅔, R 1 → F1 0.8).
    const scored: Scored[] = [
      [0.9, false],
      [0.7, true],
      [0.6, true],
      [0.2, false],
    ];
    expect(bestCutF1(scored)).toBeCloseTo(0.8);
    expect(areaUnderCurve(scored)).toBe(0.5);
  });
});
