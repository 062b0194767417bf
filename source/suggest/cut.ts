/**
 * Where a label's suggestions start, learnt from the reviewer. Before each decision is learnt, the
 * score the model gave that sentence is recorded with the reviewer's answer: an honest test of
 * the model on a sentence it had not yet seen. The cut is the log-odds that would have suggested
 * best (highest F1) over the recent decisions, so a label whose scores run low (events hidden in
 * long sentences) is still suggested where the reviewer would tag it.
 */

/** Decisions the cut is chosen over: recent enough to follow the model as it learns. */
export const RECENT = 200;
/** Decisions and positives a label needs before its cut moves from 0 (probability ½). */
const MIN_DECISIONS = 30;
const MIN_POSITIVES = 5;
/** How far the cut may move from 0: a short record must not swing suggestions wholesale. */
const LIMIT = 1;

/** One recorded decision: the log-odds given before learning it, and the reviewer's answer. */
export type Outcome = [logit: number, present: 0 | 1];

/** The log-odds from which `outcomes` are best suggested (F1), or 0 with too few of them. */
export function chooseCut(outcomes: readonly Outcome[]): number {
  const positives = outcomes.reduce((sum, [, present]) => sum + present, 0);
  if (outcomes.length < MIN_DECISIONS || positives < MIN_POSITIVES) return 0;
  const sorted = [...outcomes].sort((a, b) => b[0] - a[0]);
  // Walk down the scores: suggesting everything from here on gives these counts.
  let tp = 0;
  let fp = 0;
  let best = 0;
  let bestF1 = -1;
  for (let i = 0; i < sorted.length; i++) {
    const [value, present] = sorted[i]!;
    if (present) tp++;
    else fp++;
    const next = sorted[i + 1];
    if (next && next[0] === value) continue;
    const f1 = (2 * tp) / (2 * tp + fp + (positives - tp));
    // Ties go to the cut nearer 0: the rules' own cut, unless the reviewer's record says otherwise.
    const at = next ? (value + next[0]) / 2 : value - 0.5;
    if (f1 > bestF1 + 1e-9 || (Math.abs(f1 - bestF1) <= 1e-9 && Math.abs(at) < Math.abs(best))) {
      bestF1 = f1;
      best = at;
    }
  }
  return Math.round(Math.max(-LIMIT, Math.min(LIMIT, best)) * 100) / 100;
}
