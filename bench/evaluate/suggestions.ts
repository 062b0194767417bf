/**
 * How good the suggestions are: precision, recall and F1 per label, speaker accuracy on quotes,
 * and the learning curve of a reviewer who confirms sentences in article order (each confirmed
 * sentence teaches the model every label, present or absent, as the gold says).
 */
import type { Article } from '../../source/corpus/types.js';
import {
  type ArticleAnalysis,
  analyseArticle,
  createModel,
  type LabelSpec,
  learnLabels,
  type SuggestModel,
  suggest,
} from '../../source/suggest/index.js';
import { accepts, type GoldArticle, type Matched, matchGold, overlaps } from './gold.js';
import type { Scored } from './ranking.js';

export const LABELS: readonly LabelSpec[] = [
  { name: 'claim' },
  { name: 'quote' },
  { name: 'event' },
];

export interface LabelFigures {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Gold sentences with the label. */
  support: number;
  tp: number;
  fp: number;
  fn: number;
  /** Every sentence's score with its gold, for the ranking figures (`ranking.ts`). */
  scored: Scored[];
}

export interface AttributeFigures {
  /** Share of gold values the suggestion got right, and of how many. */
  accuracy: number;
  count: number;
}

export interface Evaluation {
  sentences: number;
  labels: LabelFigures[];
  speaker: AttributeFigures;
  claimant: AttributeFigures;
  when: AttributeFigures;
  where: AttributeFigures;
}

/** An article read once, with its gold. */
export interface Prepared {
  analysis: ArticleAnalysis;
  matched: Matched[];
}

/** Analyses each article and places its gold; throws if an article has no gold entry at all. */
export function prepare(
  articles: readonly Article[],
  gold: readonly GoldArticle[],
): { prepared: Prepared[]; missing: number; total: number } {
  const prepared: Prepared[] = [];
  let missing = 0;
  let total = 0;
  for (const entry of gold) {
    const article = articles.find((candidate) => candidate.id === entry.article);
    if (!article) throw new Error(`no article ${entry.article} for its gold`);
    const placed = matchGold(article, entry);
    missing += placed.missing.length;
    total += entry.sentences.length;
    prepared.push({ analysis: analyseArticle(article), matched: placed.matched });
  }
  return { prepared, missing, total };
}

/** Sentences of the prepared articles that gold names, in article order. */
export function goldSentences(
  prepared: readonly Prepared[],
): Array<{ at: Prepared; index: number }> {
  return prepared.flatMap((at) =>
    at.matched.filter((match) => match.gold !== null).map((match) => ({ at, index: match.index })),
  );
}

const ratio = (a: number, b: number): number => (b === 0 ? Number.NaN : a / b);

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  scored: Scored[];
}

const noCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0, scored: [] });

function figuresOf(label: string, { tp, fp, fn, scored }: Counts): LabelFigures {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = tp === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { label, precision, recall, f1, support: tp + fn, tp, fp, fn, scored };
}

/** Label figures of several evaluations counted together (micro-averaged). */
export function pooled(evaluations: readonly Evaluation[]): Evaluation {
  const first = evaluations[0]!;
  const labels = first.labels.map(({ label }) => {
    const sum = noCounts();
    for (const evaluation of evaluations) {
      const figures = evaluation.labels.find((candidate) => candidate.label === label)!;
      sum.tp += figures.tp;
      sum.fp += figures.fp;
      sum.fn += figures.fn;
      sum.scored.push(...figures.scored);
    }
    return figuresOf(label, sum);
  });
  const sentences = evaluations.reduce((total, evaluation) => total + evaluation.sentences, 0);
  return { ...first, sentences, labels };
}

/** Scores `model`'s suggestions on the given sentences (default: every gold sentence). */
export function evaluate(
  prepared: readonly Prepared[],
  model: SuggestModel,
  only?: ReadonlySet<string>,
): Evaluation {
  const counts = new Map<string, Counts>(LABELS.map(({ name }) => [name, noCounts()]));
  const attribute = {
    speaker: { right: 0, count: 0 },
    claimant: { right: 0, count: 0 },
    when: { right: 0, count: 0 },
    where: { right: 0, count: 0 },
  };
  let sentences = 0;
  for (const at of prepared) {
    const suggestions = suggest(at.analysis, model, LABELS);
    for (const match of at.matched) {
      const gold = match.gold;
      if (!gold) continue;
      if (only && !only.has(`${at.analysis.article}#${match.index}`)) continue;
      sentences++;
      const suggestion = suggestions[match.index]!;
      for (const score of suggestion.labels) {
        const count = counts.get(score.label)!;
        const truth = gold.labels.includes(score.label);
        count.scored.push([score.score, truth]);
        if (truth && score.suggested) count.tp++;
        else if (score.suggested) count.fp++;
        else if (truth) count.fn++;
      }
      const attributes = (label: string) =>
        suggestion.labels.find((score) => score.label === label)!.attributes;
      if (gold.labels.includes('quote') && gold.speaker !== undefined) {
        attribute.speaker.count++;
        if (accepts(gold.speaker, attributes('quote').speaker)) attribute.speaker.right++;
      }
      if (gold.labels.includes('claim') && gold.claimant !== undefined) {
        attribute.claimant.count++;
        if (accepts(gold.claimant, attributes('claim').claimant)) attribute.claimant.right++;
      }
      for (const key of ['when', 'where'] as const) {
        const value = gold[key];
        if (!gold.labels.includes('event') || value === undefined) continue;
        attribute[key].count++;
        if (overlaps(value, attributes('event')[key])) attribute[key].right++;
      }
    }
  }
  const labels = LABELS.map(({ name }) => figuresOf(name, counts.get(name)!));
  const figures = (value: { right: number; count: number }): AttributeFigures => ({
    accuracy: ratio(value.right, value.count),
    count: value.count,
  });
  return {
    sentences,
    labels,
    speaker: figures(attribute.speaker),
    claimant: figures(attribute.claimant),
    when: figures(attribute.when),
    where: figures(attribute.where),
  };
}

/** Teaches the model what the reviewer confirmed on one sentence: every label, present or not. */
export function confirm(model: SuggestModel, at: Prepared, index: number): void {
  const gold = at.matched[index]!.gold;
  if (!gold) return;
  learnLabels(model, at.analysis.sentences[index]!, gold.labels, LABELS);
}

export interface CurvePoint {
  confirmed: number;
  evaluation: Evaluation;
}

/**
 * The learning curve: after the reviewer confirmed the first N gold sentences of `train` (in
 * article order), the suggestions on `test`. With `test` omitted, each point is measured on the
 * sentences of `train` not yet confirmed, and points past the end are left out.
 */
export function learningCurve(
  train: readonly Prepared[],
  checkpoints: readonly number[],
  test?: readonly Prepared[],
): CurvePoint[] {
  const order = goldSentences(train);
  const model = createModel();
  const points: CurvePoint[] = [];
  let done = 0;
  for (const checkpoint of [...checkpoints].sort((a, b) => a - b)) {
    if (!test && checkpoint >= order.length) break;
    while (done < Math.min(checkpoint, order.length)) {
      const next = order[done]!;
      confirm(model, next.at, next.index);
      done++;
    }
    const rest = test
      ? undefined
      : new Set(order.slice(done).map(({ at, index }) => `${at.analysis.article}#${index}`));
    points.push({ confirmed: done, evaluation: evaluate(test ?? train, model, rest) });
  }
  return points;
}

/** Each article scored by a model that learnt from all the others (leave one article out). */
export function leaveOneArticleOut(prepared: readonly Prepared[]): Evaluation[] {
  return prepared.map((held, i) => {
    const model = createModel();
    for (const [j, at] of prepared.entries()) {
      if (j === i) continue;
      for (const match of at.matched) confirm(model, at, match.index);
    }
    return evaluate([held], model);
  });
}

/**
 * The learning curve for a set too small to hold 200 sentences to learn from and a test apart:
 * the articles are dealt into `folds` folds (article i into fold i mod folds), each fold is
 * measured after the reviewer confirmed the first N gold sentences of the other folds' articles
 * in their order, and the folds' counts are pooled.
 */
export function crossValidatedCurve(
  prepared: readonly Prepared[],
  checkpoints: readonly number[],
  folds: number,
): CurvePoint[] {
  const runs = Array.from({ length: folds }, (_, fold) =>
    learningCurve(
      prepared.filter((_, i) => i % folds !== fold),
      checkpoints,
      prepared.filter((_, i) => i % folds === fold),
    ),
  );
  return runs[0]!.map((point, k) => ({
    confirmed: point.confirmed,
    evaluation: pooled(runs.map((run) => run[k]!.evaluation)),
  }));
}
