/**
 * The scoring of the Zyte article-extraction benchmark (`evaluate.py` of
 * scrapinghub/article-extraction-benchmark), reproduced so margin's figures compare with the
 * published table: 4-token shingles, per-page counts normalised to sum 1, then precision and
 * recall averaged over the pages and F1 taken of the averages.
 */

/** Python's `\w+` in Unicode mode: letters, numbers and the underscore (no combining marks). */
const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

const SHINGLE = 4;

/**
 * Runs of four tokens, counted. A text of one to three tokens is one short shingle, as in
 * evaluate.py (`range(max(1, n - 3))` over the tokens); an empty text has none.
 */
function shingles(text: string): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - SHINGLE + 1);
  for (let i = 0; i < last; i++) {
    const gram = tokens.slice(i, i + SHINGLE);
    if (gram.length === 0) continue;
    // U+0001 cannot occur inside a token, so joined shingles are distinct exactly when tuples are.
    const key = gram.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** True positives, false positives and false negatives of one page, normalised to sum 1. */
export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

export function scorePage(truth: string, prediction: string): PageCounts {
  const expected = shingles(truth);
  const predicted = shingles(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, want] of expected) {
    const got = predicted.get(key) ?? 0;
    tp += Math.min(want, got);
    fn += Math.max(0, want - got);
  }
  for (const [key, got] of predicted) fp += Math.max(0, got - (expected.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

export function precisionOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recallOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

/** The F1 of one page, for listing the worst pages (not part of the benchmark's own output). */
export function pageF1(counts: PageCounts): number {
  const p = precisionOf(counts);
  const r = recallOf(counts);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

export interface Scores {
  f1: number;
  precision: number;
  recall: number;
}

function mean(values: number[]): number {
  // statistics.mean of an empty list raises in Python; NaN says the same without throwing.
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Precision is averaged over pages that predicted something (tp + fp > 0), recall over pages
 * whose truth has something (tp + fn > 0): an empty prediction costs recall, never precision.
 */
export function aggregate(pages: PageCounts[]): Scores {
  const precision = mean(pages.filter((c) => c.tp + c.fp > 0).map(precisionOf));
  const recall = mean(pages.filter((c) => c.tp + c.fn > 0).map(recallOf));
  return { f1: (2 * precision * recall) / (precision + recall), precision, recall };
}

/** The README's accuracy: the page's token sequence equals the truth's exactly. */
export function exactMatch(truth: string, prediction: string): boolean {
  const a = tokenize(truth);
  const b = tokenize(prediction);
  return a.length === b.length && a.every((token, i) => token === b[i]);
}
