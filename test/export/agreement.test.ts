import { describe, expect, it } from 'vitest';
import { cohenKappa, krippendorffAlpha } from '../../source/export/agreement.js';

function pairs(table: Array<[string, string, number]>): Array<[string, string]> {
  return table.flatMap(([a, b, count]) =>
    Array.from({ length: count }, () => [a, b] as [string, string]),
  );
}

describe('cohenKappa', () => {
  it('is 1 on perfect agreement', () => {
    const result = cohenKappa(
      pairs([
        ['claim', 'claim', 3],
        ['none', 'none', 5],
        ['quote', 'quote', 2],
      ]),
    );
    expect(result.value).toBe(1);
    expect(result.units).toBe(10);
  });

  it('is 0 when agreement is what chance predicts', () => {
    const result = cohenKappa(
      pairs([
        ['yes', 'yes', 1],
        ['yes', 'no', 1],
        ['no', 'yes', 1],
        ['no', 'no', 1],
      ]),
    );
    expect(result.observed).toBe(0.5);
    expect(result.expected).toBe(0.5);
    expect(result.value).toBe(0);
  });

  it('gives 0.4 on the textbook table (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no)', () => {
    const result = cohenKappa(
      pairs([
        ['yes', 'yes', 20],
        ['yes', 'no', 5],
        ['no', 'yes', 10],
        ['no', 'no', 15],
      ]),
    );
    expect(result.observed).toBeCloseTo(0.7, 12);
    expect(result.expected).toBeCloseTo(0.5, 12);
    expect(result.value).toBeCloseTo(0.4, 12);
  });

  it('is defined when one annotator used a single label and the other did not', () => {
    const result = cohenKappa(
      pairs([
        ['claim', 'claim', 2],
        ['claim', 'none', 2],
      ]),
    );
    // Chance agreement is 1 × 0.5: observed 0.5 is no better than chance.
    expect(result.value).toBe(0);
    expect(result.note).toBeUndefined();
  });

  it('is undefined, with a note, when both used one and the same label for everything', () => {
    const result = cohenKappa(pairs([['claim', 'claim', 4]]));
    expect(result.value).toBeNull();
    expect(result.observed).toBe(1);
    expect(result.note).toMatch(/^undefined: every unit got the same category/);
  });

  it('is undefined without units', () => {
    expect(cohenKappa([])).toEqual({
      value: null,
      observed: 0,
      expected: 0,
      units: 0,
      note: 'no units both annotators reviewed',
    });
  });
});

describe('krippendorffAlpha', () => {
  it('gives 0.743 on Krippendorff’s nominal example with missing values', () => {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 observers, 12 units.
    const observers = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];
    const units = observers[0]!.map((_, unit) =>
      observers.map((row) => (row[unit] === null ? null : String(row[unit]))),
    );
    const result = krippendorffAlpha(units);
    // Unit 12 has a single value and cannot be paired.
    expect(result.units).toBe(11);
    expect(result.value).toBeCloseTo(0.743, 3);
    // Exactly: 1 - (n - 1)(n - Σ o_cc) / (n² - Σ n_c²) = 1 - 39 · (40 - 32) / (1600 - 384).
    expect(result.value).toBeCloseTo(1 - 312 / 1216, 12);
  });

  it('is 1 on perfect agreement among three coders', () => {
    expect(
      krippendorffAlpha([
        ['a', 'a', 'a'],
        ['b', 'b', 'b'],
        ['a', 'a', null],
      ]).value,
    ).toBe(1);
  });

  it('is undefined without a unit two coders coded', () => {
    expect(
      krippendorffAlpha([
        ['a', null, null],
        [null, 'b', null],
      ]),
    ).toEqual({
      value: null,
      observed: 0,
      expected: 0,
      units: 0,
      note: 'no units at least two annotators reviewed',
    });
  });

  it('is undefined when every value is the same category', () => {
    const result = krippendorffAlpha([
      ['none', 'none', 'none'],
      ['none', 'none', null],
    ]);
    expect(result.value).toBeNull();
    expect(result.note).toMatch(/^undefined/);
  });

  it('falls below 0 when coders disagree more than chance', () => {
    // n = 4, no agreeing pair: 1 - 3 · 4 / (16 - 8).
    expect(
      krippendorffAlpha([
        ['a', 'b'],
        ['b', 'a'],
      ]).value,
    ).toBeCloseTo(-0.5, 12);
  });
});
