/**
 * Inter-annotator agreement statistics over nominal categories. Pure: units in, figures out.
 *
 * `value` is null when the statistic is undefined, which happens when there is no variation at
 * all (every value in the data is the same category): then agreement expected by chance is
 * already perfect and both kappa and alpha are 0/0. `note` says so in words.
 */
export interface Agreement {
  /** Kappa or alpha; null when undefined (see `note`). */
  value: number | null;
  /** Share of agreeing pairs (kappa: units; alpha: pairable values). */
  observed: number;
  /** Agreement expected by chance from the categories' frequencies. */
  expected: number;
  /** Units that entered the figure. */
  units: number;
  note?: string;
}

const NO_UNITS = 'no units both annotators reviewed';
const NO_VARIATION =
  'undefined: every unit got the same category from everyone, so chance agreement is already 1';

/** Cohen's kappa for two annotators; each pair is one unit's two categories. */
export function cohenKappa(pairs: ReadonlyArray<readonly [string, string]>): Agreement {
  const units = pairs.length;
  if (units === 0) return { value: null, observed: 0, expected: 0, units, note: NO_UNITS };
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let agreeing = 0;
  for (const [a, b] of pairs) {
    if (a === b) agreeing++;
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  const observed = agreeing / units;
  let expected = 0;
  for (const [category, count] of first) {
    expected += (count / units) * ((second.get(category) ?? 0) / units);
  }
  if (expected >= 1) return { value: null, observed, expected: 1, units, note: NO_VARIATION };
  return { value: (observed - expected) / (1 - expected), observed, expected, units };
}

/**
 * Krippendorff's alpha for nominal data, any number of coders, missing values allowed. Each unit
 * lists the values it got (null or absent: that coder did not code it); units with fewer than
 * two values cannot be paired and are left out, as Krippendorff prescribes.
 */
export function krippendorffAlpha(units: ReadonlyArray<ReadonlyArray<string | null>>): Agreement {
  // The coincidence matrix, kept as its diagonal and its row sums: nominal alpha needs no more.
  const diagonal = new Map<string, number>();
  const totals = new Map<string, number>();
  let pairable = 0;
  let n = 0;
  for (const unit of units) {
    const values = unit.filter((value): value is string => value !== null);
    const m = values.length;
    if (m < 2) continue;
    pairable++;
    n += m;
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    for (const [category, count] of counts) {
      diagonal.set(category, (diagonal.get(category) ?? 0) + (count * (count - 1)) / (m - 1));
      totals.set(category, (totals.get(category) ?? 0) + count);
    }
  }
  if (pairable === 0) {
    return {
      value: null,
      observed: 0,
      expected: 0,
      units: 0,
      note: 'no units at least two annotators reviewed',
    };
  }
  let agreeing = 0;
  for (const count of diagonal.values()) agreeing += count;
  let expectedAgreeing = 0;
  for (const count of totals.values()) expectedAgreeing += (count * (count - 1)) / (n - 1);
  const observed = agreeing / n;
  const expected = expectedAgreeing / n;
  if (expected >= 1) {
    return { value: null, observed, expected: 1, units: pairable, note: NO_VARIATION };
  }
  // alpha = 1 - Do/De, with Do = 1 - observed and De = 1 - expected.
  return { value: 1 - (1 - observed) / (1 - expected), observed, expected, units: pairable };
}
