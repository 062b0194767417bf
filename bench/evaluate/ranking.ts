/**
 * How well suggestions rank, apart from where they are cut: a label's F1 can only reach the target
 * if some cut over its scores reaches it. The area under the ROC curve and the F1 of the best cut
 * (chosen on the scored sentences themselves, so a ceiling, not a figure a reviewer would see)
 * tell a model that orders sentences badly from one whose scores sit at the wrong level.
 */

/** One scored sentence: the label's score and whether the gold has the label. */
export type Scored = readonly [score: number, truth: boolean];

/** Probability that a sentence with the label outscores one without (ties count half). */
export function areaUnderCurve(scored: readonly Scored[]): number {
  const sorted = [...scored].sort((a, b) => a[0] - b[0]);
  let positives = 0;
  let rankSum = 0;
  // Mann–Whitney: the positives' mean rank, tied scores sharing theirs.
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]![0] === sorted[i]![0]) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (sorted[k]![1]) {
        positives++;
        rankSum += rank;
      }
    }
    i = j;
  }
  const negatives = sorted.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** The highest F1 any single cut over the scores gives (0 with no positives). */
export function bestCutF1(scored: readonly Scored[]): number {
  const sorted = [...scored].sort((a, b) => b[0] - a[0]);
  const positives = sorted.filter(([, truth]) => truth).length;
  let tp = 0;
  let best = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i]![1]) tp++;
    // Suggesting everything down to a score takes all the sentences that share it.
    if (i + 1 < sorted.length && sorted[i + 1]![0] === sorted[i]![0]) continue;
    best = Math.max(best, (2 * tp) / (i + 1 + positives));
  }
  return best;
}
