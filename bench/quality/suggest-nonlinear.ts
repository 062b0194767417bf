/**
 * An experiment, not part of the bench (suggest53, 2026-12-07): learners over the cues that a
 * linear model cannot be, other losses, a trust per group of inputs, and the page's own sentences,
 * beside or in place of the engine's learnt part. Measured like docs/readme/suggest.md's tables
 * (the 24 pages' 4 folds with no learning, after 50 and after 200, 5 orders of them, the odd 12
 * learnt from the even 12, the blind 12 after 200 of the 24, all 36 in 4 folds):
 *
 *   vite-node bench/quality/suggest-nonlinear.ts [--quick] [--best] [--all] [--oracle] VARIANT...
 *
 * With no variant, every one in `VARIANTS` (every try of the doc's table). `--quick`: after 200
 * on the 24 pages, the blind 12 and the 36 only; `--best` adds the best cut's F1 and the AUC;
 * `--all` learns every decision of the training folds (a ceiling) instead; `--oracle` shifts each
 * page's scores so that it suggests as many sentences as its gold has (the page's level known:
 * what the ranking within pages allows). Kinds of variant:
 * - `resid`: boosted trees over the cues on the engine's errors: each decision's log-odds as the
 *   engine gave it before learning it (a prediction for a sentence not yet seen, as the pages to
 *   come are) is the offset, and the trees learn where those predictions go wrong;
 * - `gbdt`: boosted trees over the cues with the rules' prior as the offset, in place of the
 *   engine's learnt part or averaged with it;
 * - `knn`: the engine's probability moved by the mean error of the k decisions nearest by cues;
 * - `rank`: a part over the cues learnt by a pairwise (RankNet) loss, beside the engine's;
 * - `margin`: the engine's learner written again with its loss a switch (`log` gives the
 *   engine's own figures to the third decimal; `hinge`, modified `huber`);
 * - `cross`: per label, a logistic regression on the three labels' log-odds (and the claim's
 *   times the event's), fitted on the engine's honest log-odds, ridge toward the label's own;
 * - `group`: a weight per group of the engine's inputs (prior, words, cues, neighbours' cues,
 *   bias), fitted on its honest log-odds with a ridge toward the engine's own mix;
 * - `page`: each sentence's score pulled toward those of the sentences of its own page nearest
 *   by words (transductive: the page's unlabelled sentences).
 * Trees and fits are made again from the remembered decisions, so the state after N decisions is
 * one fit on the first N: the measure is that of a model refitted after every decision.
 * Results: docs/readme/suggest.md (suggest53).
 */

import { STOPWORDS } from '../../source/corpus/stopwords.js';
import { chooseCut, type Outcome } from '../../source/suggest/cut.js';
import type { SentenceAnalysis } from '../../source/suggest/index.js';
import {
  createModel,
  learn as engineLearn,
  logit as engineLogit,
  type SuggestModel,
} from '../../source/suggest/model.js';
import { areaUnderCurve, bestCutF1, type Scored } from '../evaluate/ranking.js';
import { goldSentences, type Prepared } from '../evaluate/suggestions.js';
import { BLIND_GOLD } from './suggest-blind-gold.js';
import { loadRealSet } from './suggest-real.js';

const LABELS = ['claim', 'quote', 'event'] as const;
const MEASURED = new Set(['claim', 'event']);

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

// ---- the inputs a tree reads: sparse binary features ----

/** Which feature groups the trees may split on. */
interface Inputs {
  cues: boolean;
  around: boolean;
  words: boolean;
  /** The label's rule prior, cut into thresholds (`prior ≥ t`). */
  prior: boolean;
  /** The other labels' priors, cut the same way. */
  others: boolean;
  /** The engine's log-odds, cut the same way (for the residual: a calibration curve). */
  engine: boolean;
}

const THRESHOLDS = [-3, -2, -1, -0.5, 0, 0.5, 1, 2, 3];
// Synthetic feature ids above the hashed range (2^20).
const PRIOR_BASE = 1 << 21;
const OTHER_BASE = 1 << 22;
const ENGINE_BASE = 1 << 23;
const AROUND_MARK = 1 << 24;
const WORD_MARK = 1 << 25;

function inputsOf(
  sentence: SentenceAnalysis,
  label: string,
  engine: number,
  use: Inputs,
): number[] {
  const out: number[] = [];
  if (use.cues) out.push(...sentence.cues);
  if (use.around && label !== 'quote') for (const f of sentence.around) out.push(f | AROUND_MARK);
  if (use.words) for (const f of sentence.features) out.push(f | WORD_MARK);
  const thresholds = (value: number, base: number): void => {
    for (const [i, t] of THRESHOLDS.entries()) if (value >= t) out.push(base + i);
  };
  if (use.prior) thresholds(sentence.priors[label] ?? -3, PRIOR_BASE);
  if (use.others)
    for (const [j, other] of LABELS.entries())
      if (other !== label) thresholds(sentence.priors[other] ?? -3, OTHER_BASE + 16 * j);
  if (use.engine) thresholds(engine, ENGINE_BASE);
  return out;
}

// ---- boosted trees over sparse binary features, Newton leaves ----

interface Tree {
  /** Internal node: split on `feature` (present → `yes`), or a leaf `value`. */
  feature: number;
  yes: Tree | null;
  no: Tree | null;
  value: number;
}

interface Boost {
  trees: Tree[];
  rate: number;
}

interface TreeOptions {
  rounds: number;
  depth: number;
  rate: number;
  lambda: number;
  /** A feature must be present (and absent) in this many of a node's rows to be split on. */
  minRows: number;
  /** Least gain to split. */
  gamma: number;
}

interface Row {
  x: number[];
  offset: number;
  y: number;
  weight: number;
}

function buildTree(
  rows: readonly Row[],
  at: readonly number[],
  g: Float64Array,
  h: Float64Array,
  depth: number,
  o: TreeOptions,
): Tree {
  let G = 0;
  let H = 0;
  for (const i of at) {
    G += g[i]!;
    H += h[i]!;
  }
  const leaf: Tree = { feature: -1, yes: null, no: null, value: -G / (H + o.lambda) };
  if (depth === 0 || at.length < 2 * o.minRows) return leaf;
  const gs = new Map<number, number>();
  const hs = new Map<number, number>();
  const ns = new Map<number, number>();
  for (const i of at) {
    for (const f of rows[i]!.x) {
      gs.set(f, (gs.get(f) ?? 0) + g[i]!);
      hs.set(f, (hs.get(f) ?? 0) + h[i]!);
      ns.set(f, (ns.get(f) ?? 0) + 1);
    }
  }
  const whole = (G * G) / (H + o.lambda);
  let best = -1;
  let bestGain = o.gamma;
  for (const [f, n] of ns) {
    if (n < o.minRows || at.length - n < o.minRows) continue;
    const gl = gs.get(f)!;
    const hl = hs.get(f)!;
    const gr = G - gl;
    const hr = H - hl;
    const gain = (gl * gl) / (hl + o.lambda) + (gr * gr) / (hr + o.lambda) - whole;
    if (gain > bestGain || (gain === bestGain && best >= 0 && f < best)) {
      bestGain = gain;
      best = f;
    }
  }
  if (best < 0) return leaf;
  const yes: number[] = [];
  const no: number[] = [];
  for (const i of at) (rows[i]!.x.includes(best) ? yes : no).push(i);
  return {
    feature: best,
    yes: buildTree(rows, yes, g, h, depth - 1, o),
    no: buildTree(rows, no, g, h, depth - 1, o),
    value: 0,
  };
}

function treeValue(tree: Tree, x: ReadonlySet<number> | readonly number[]): number {
  let node = tree;
  const has = (f: number): boolean =>
    x instanceof Set ? x.has(f) : (x as readonly number[]).includes(f);
  while (node.feature >= 0) node = has(node.feature) ? node.yes! : node.no!;
  return node.value;
}

function fitBoost(rows: readonly Row[], o: TreeOptions): Boost {
  const n = rows.length;
  const f = new Float64Array(n);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const trees: Tree[] = [];
  const all = rows.map((_, i) => i);
  for (let round = 0; round < o.rounds; round++) {
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      const p = sigmoid(r.offset + f[i]!);
      g[i] = (p - r.y) * r.weight;
      h[i] = Math.max(1e-6, p * (1 - p)) * r.weight;
    }
    const tree = buildTree(rows, all, g, h, o.depth, o);
    if (tree.feature < 0 && Math.abs(tree.value) < 1e-9) break;
    trees.push(tree);
    for (let i = 0; i < n; i++) f[i]! += o.rate * treeValue(tree, rows[i]!.x);
  }
  return { trees, rate: o.rate };
}

function boostValue(boost: Boost, x: readonly number[]): number {
  if (boost.trees.length === 0) return 0;
  const set = new Set(x);
  let sum = 0;
  for (const tree of boost.trees) sum += treeValue(tree, set);
  return boost.rate * sum;
}

// ---- the learners ----

interface Learner {
  startArticle(article: string): void;
  learn(sentence: SentenceAnalysis, label: string, present: boolean): void;
  /** Log-odds measured from the cut: suggested from 0 on. */
  score(sentence: SentenceAnalysis, label: string): number;
  /** Called once the decisions to learn from are all in (state after N = one fit on them). */
  settle(): void;
  /** Called before a page's sentences are scored. */
  page?(sentences: readonly SentenceAnalysis[], texts: readonly string[]): void;
}

export interface Options {
  kind: 'engine' | 'resid' | 'gbdt' | 'knn' | 'rank' | 'group' | 'cross' | 'margin' | 'page';
  /** For `page`: how far the page's nearest sentences' scores pull a sentence's. */
  pull: number;
  /** For `page`: nearness by the word features (words, bigrams, shape) or content words only. */
  near: 'features' | 'content';
  /** For `page`: rounds of pulling (label propagation over the page). */
  spread: number;
  /** For `page`: the neighbours' mean added (`add`) or averaged in, `(1 − pull) z + pull m`. */
  pullMode: 'add' | 'blend' | 'centred';
  /** For `page`: the cut chosen over the pulled scores recorded before each decision. */
  pageCut: boolean;
  /** For `margin`: the loss of the engine's own steps. */
  loss: 'log' | 'hinge' | 'huber';
  /** For `group`: ridge toward the engine's mix, `ridge × 200 / n`; the cut: engine's or refitted. */
  ridge: number;
  groupCut: 'engine' | 'fit';
  inputs: Inputs;
  tree: TreeOptions;
  /** How far the second stage counts: `n / (n + evidence)` after n decisions (0: in full). */
  evidence: number;
  /** The cut over the whole: the engine's own, none, or F1-best over out-of-fold predictions. */
  cut: 'engine' | 'none' | 'oof';
  /** For `gbdt`: its log-odds in place of the engine's learnt part (1) or averaged (0.5). */
  mix: number;
  /** For `knn`: neighbours and how far their vote counts. */
  k: number;
  /** For `rank`: rate, pairs per decision. */
  rankRate: number;
  pairs: number;
  /** Decisions remembered for the second stage. */
  memory: number;
  /** Labels the second stage applies to. */
  labels: ReadonlySet<string>;
}

const TREES: TreeOptions = { rounds: 30, depth: 2, rate: 0.1, lambda: 5, minRows: 5, gamma: 0 };
const INPUTS: Inputs = {
  cues: true,
  around: false,
  words: false,
  prior: true,
  others: false,
  engine: false,
};

export const BASE_OPTIONS: Options = {
  kind: 'engine',
  inputs: INPUTS,
  tree: TREES,
  evidence: 0,
  cut: 'engine',
  mix: 1,
  k: 15,
  rankRate: 0.3,
  pairs: 10,
  memory: 200,
  labels: MEASURED,
  loss: 'log',
  ridge: 10,
  groupCut: 'engine',
  pull: 0.3,
  near: 'features',
  spread: 1,
  pullMode: 'add',
  pageCut: false,
};

interface Record {
  /** For `group`: [prior, words, cues, around, bias − centre, trust] before learning. */
  parts?: number[];
  sentence: SentenceAnalysis;
  /** The engine's log-odds before it learnt the decision (an honest prediction). */
  engine: number;
  y: number;
}

class Stacked implements Learner {
  readonly model: SuggestModel = createModel();
  readonly records = new Map<string, Record[]>();
  readonly fitted = new Map<string, { boost: Boost; cut: number; n: number }>();
  readonly extra = new Map<string, Map<number, number>>();
  constructor(readonly o: Options) {}

  startArticle(): void {}

  learn(sentence: SentenceAnalysis, label: string, present: boolean): void {
    const before = engineLogit(this.model, sentence, label);
    let list = this.records.get(label);
    if (!list) {
      list = [];
      this.records.set(label, list);
    }
    const parts =
      this.o.kind === 'group' || this.o.kind === 'cross'
        ? this.inputsFor(sentence, label)
        : undefined;
    list.push({ sentence, engine: before, y: present ? 1 : 0, ...(parts ? { parts } : {}) });
    if (list.length > this.o.memory) list.shift();
    if (this.o.kind === 'rank' && this.o.labels.has(label)) this.rankStep(label, list);
    const pulled = this.pageScores.get(sentence)?.get(label);
    if (this.o.pageCut && pulled !== undefined) {
      const recent = this.pageRecent.get(label) ?? [];
      recent.push([Math.round(pulled * 100) / 100, present ? 1 : 0]);
      if (recent.length > 200) recent.shift();
      this.pageRecent.set(label, recent);
    }
    engineLearn(this.model, sentence, label, present);
  }

  private inputsFor(sentence: SentenceAnalysis, label: string): number[] {
    return this.o.kind === 'cross' ? this.crossOf(sentence, label) : this.partsOf(sentence, label);
  }

  /**
   * `cross`: the engine's log-odds of every label for the sentence, its own first, and the claim's
   * times the event's (clipped, over 4): a claim told as a happening, or neither.
   */
  crossOf(sentence: SentenceAnalysis, label: string): number[] {
    const z = (l: string): number => engineLogit(this.model, sentence, l);
    const clip = (v: number): number => Math.max(-4, Math.min(4, v));
    const others = LABELS.filter((l) => l !== label).map(z);
    return [z(label), others[0]!, others[1]!, (clip(z('claim')) * clip(z('event'))) / 4, 0, 0];
  }

  /** The engine's log-odds taken apart: prior, words, cues, around, bias − centre, trust. */
  partsOf(sentence: SentenceAnalysis, label: string): number[] {
    const prior = sentence.priors[label] ?? -3;
    const m = this.model.labels.get(label);
    if (!m) return [prior, 0, 0, 0, 0, 0];
    const sum = (list: readonly number[], mark = 0): number => {
      let total = 0;
      for (const f of list) total += m.weights.get(f | mark) ?? 0;
      return total / Math.sqrt(Math.max(1, list.length));
    };
    const both = 8 * (Math.min(m.positives, m.negatives) + 1);
    const d = Math.min(m.positives + m.negatives, both);
    return [
      prior,
      sum(sentence.features),
      sum(sentence.cues),
      label === 'quote' ? 0 : sum(sentence.around),
      m.bias - m.centre,
      d / (d + 25),
    ];
  }

  private groupFit = new Map<string, { p: number[]; cut: number }>();

  /** Ridge logistic of the answers on [prior, words, cues, around, bias − centre, 1]. */
  private fitGroups(label: string, list: readonly Record[]): void {
    const rows = list.filter((r) => r.parts);
    const positives = rows.filter((r) => r.y === 1).length;
    if (rows.length < 20 || positives < 3 || positives === rows.length) return;
    const t = this.partsOf(rows[0]!.sentence, label)[5]!;
    const target = this.o.kind === 'cross' ? [1, 0, 0, 0, 0, 0] : [1, t, t, t, t, 0];
    const lambda = (this.o.ridge * 200) / rows.length;
    let p = [...target];
    const xs = rows.map((r) => [...r.parts!.slice(0, 5), 1]);
    for (let iter = 0; iter < 10; iter++) {
      const g = new Array(6).fill(0) as number[];
      const h = Array.from({ length: 6 }, () => new Array(6).fill(0) as number[]);
      for (const [k, x] of xs.entries()) {
        const z = x.reduce((sum, v, i) => sum + v * p[i]!, 0);
        const q = sigmoid(z);
        const w = q * (1 - q);
        for (let i = 0; i < 6; i++) {
          g[i]! += (q - rows[k]!.y) * x[i]!;
          for (let j = 0; j < 6; j++) h[i]![j]! += w * x[i]! * x[j]!;
        }
      }
      for (let i = 0; i < 6; i++) {
        g[i]! += lambda * (p[i]! - target[i]!);
        h[i]![i]! += lambda;
      }
      const d = solve(h, g);
      if (!d) break;
      p = p.map((v, i) => v - d[i]!);
    }
    let cut = this.cutOf(label);
    if (this.o.groupCut === 'fit')
      cut = chooseCut(
        xs.map((x, k) => [
          Math.round(x.reduce((sum, v, i) => sum + v * p[i]!, 0) * 100) / 100,
          rows[k]!.y as 0 | 1,
        ]),
      );
    this.groupFit.set(label, { p, cut });
  }

  private pageScores = new Map<SentenceAnalysis, Map<string, number>>();
  private pageRecent = new Map<string, Outcome[]>();

  /**
   * `page`: each sentence's score pulled toward those of the k sentences of its own page that
   * share most of its words (Jaccard over the word features): a page's topic words, which the
   * learnt weights of other topics do not know, carry the cues' verdict on the sentences it is sure
   * of to the ones near the cut.
   */
  page(sentences: readonly SentenceAnalysis[], texts: readonly string[]): void {
    this.pageScores.clear();
    if (this.o.kind !== 'page') return;
    const sets: Array<Set<string | number>> =
      this.o.near === 'content'
        ? texts.map((text) => new Set<string | number>(contentWords(text)))
        : sentences.map((s) => new Set<string | number>(s.features));
    const neighbours = sets.map((mine, i) =>
      sets
        .map((other, j) => {
          if (j === i) return { j, sim: 0 };
          let both = 0;
          for (const f of other) if (mine.has(f)) both++;
          return { j, sim: both / (mine.size + other.size - both || 1) };
        })
        .filter((x) => x.sim > 0)
        .sort((a, b) => b.sim - a.sim)
        .slice(0, this.o.k),
    );
    for (const label of this.o.labels) {
      const cut = this.o.pageCut ? 0 : this.cutOf(label);
      const z = sentences.map((s) => engineLogit(this.model, s, label) - cut);
      const clipped = z.map((v) => Math.max(-4, Math.min(4, v)));
      const mean = clipped.reduce((a, b) => a + b, 0) / Math.max(1, z.length);
      let now = z;
      for (let round = 0; round < this.o.spread; round++) {
        now = z.map((own, i) => {
          let sum = 0;
          let weight = 0;
          for (const { j, sim } of neighbours[i]!) {
            sum += sim * Math.max(-4, Math.min(4, now[j]!));
            weight += sim;
          }
          if (weight === 0) return own;
          if (this.o.pullMode === 'centred') return own + this.o.pull * (sum / weight - mean);
          return this.o.pullMode === 'add'
            ? own + this.o.pull * (sum / weight)
            : (1 - this.o.pull) * own + this.o.pull * (sum / weight);
        });
      }
      for (const [i, sentence] of sentences.entries()) {
        let byLabel = this.pageScores.get(sentence);
        if (!byLabel) {
          byLabel = new Map();
          this.pageScores.set(sentence, byLabel);
        }
        byLabel.set(label, now[i]!);
      }
    }
  }

  private cutOf(label: string): number {
    return this.model.labels.get(label)?.cut ?? 0;
  }

  private trustOf(n: number): number {
    return this.o.evidence === 0 ? 1 : n / (n + this.o.evidence);
  }

  settle(): void {
    if (this.o.kind === 'engine' || this.o.kind === 'rank') return;
    for (const label of this.o.labels) {
      const list = this.records.get(label) ?? [];
      const positives = list.filter((r) => r.y === 1).length;
      if (list.length < 20 || positives < 3 || positives === list.length) continue;
      if (this.o.kind === 'group' || this.o.kind === 'cross') this.fitGroups(label, list);
      if (this.o.kind === 'resid' || this.o.kind === 'gbdt') {
        const rowsOf = (subset: readonly Record[]): Row[] =>
          subset.map((r) => ({
            x: inputsOf(r.sentence, label, r.engine, this.o.inputs),
            offset: this.o.kind === 'resid' ? r.engine : (r.sentence.priors[label] ?? -3),
            y: r.y,
            weight: 1,
          }));
        const boost = fitBoost(rowsOf(list), this.o.tree);
        let cut = this.cutOf(label);
        if (this.o.cut === 'none') cut = 0;
        if (this.o.cut === 'oof') cut = this.oofCut(label, list, rowsOf);
        this.fitted.set(label, { boost, cut, n: list.length });
      }
    }
  }

  /** F1-best cut over predictions made by fits on the other fifths of the records. */
  private oofCut(
    label: string,
    list: readonly Record[],
    rowsOf: (subset: readonly Record[]) => Row[],
  ): number {
    const outcomes: Outcome[] = [];
    for (let part = 0; part < 5; part++) {
      const train = list.filter((_, i) => i % 5 !== part);
      const test = list.filter((_, i) => i % 5 === part);
      const boost = fitBoost(rowsOf(train), this.o.tree);
      for (const r of test) {
        const z = this.combine(
          label,
          r.sentence,
          r.engine,
          boostValue(boost, inputsOf(r.sentence, label, r.engine, this.o.inputs)),
          list.length,
        );
        outcomes.push([Math.round(z * 100) / 100, r.y as 0 | 1]);
      }
    }
    return chooseCut(outcomes);
  }

  private combine(
    label: string,
    sentence: SentenceAnalysis,
    engine: number,
    value: number,
    n: number,
  ): number {
    const t = this.trustOf(n);
    if (this.o.kind === 'resid') return engine + t * value;
    // gbdt: value is on top of the prior.
    const prior = sentence.priors[label] ?? -3;
    const own = prior + t * value;
    return this.o.mix * own + (1 - this.o.mix) * engine;
  }

  score(sentence: SentenceAnalysis, label: string): number {
    const engine = engineLogit(this.model, sentence, label);
    if (!this.o.labels.has(label)) return engine - this.cutOf(label);
    if (this.o.kind === 'resid' || this.o.kind === 'gbdt') {
      const fit = this.fitted.get(label);
      if (!fit) return engine - this.cutOf(label);
      const value = boostValue(fit.boost, inputsOf(sentence, label, engine, this.o.inputs));
      return this.combine(label, sentence, engine, value, fit.n) - fit.cut;
    }
    if (this.o.kind === 'page') {
      const pulled = this.pageScores.get(sentence)?.get(label);
      if (pulled !== undefined)
        return this.o.pageCut ? pulled - chooseCut(this.pageRecent.get(label) ?? []) : pulled;
    }
    if (this.o.kind === 'group' || this.o.kind === 'cross') {
      const fit = this.groupFit.get(label);
      if (!fit) return engine - this.cutOf(label);
      const x = [...this.inputsFor(sentence, label).slice(0, 5), 1];
      return x.reduce((sum, v, i) => sum + v * fit.p[i]!, 0) - fit.cut;
    }
    if (this.o.kind === 'knn') return this.knn(sentence, label, engine) - this.cutOf(label);
    if (this.o.kind === 'rank') {
      const w = this.extra.get(label);
      if (!w) return engine - this.cutOf(label);
      return engine + this.rankPart(w, sentence) - this.rankCentre(label, w) - this.cutOf(label);
    }
    return engine - this.cutOf(label);
  }

  /** The engine's log-odds moved by the mean error of the k nearest decisions (Jaccard on cues). */
  private knn(sentence: SentenceAnalysis, label: string, engine: number): number {
    const list = this.records.get(label) ?? [];
    if (list.length < 20) return engine;
    const mine = new Set(sentence.cues);
    const near = list
      .map((r) => {
        let both = 0;
        for (const f of r.sentence.cues) if (mine.has(f)) both++;
        const union = mine.size + r.sentence.cues.length - both;
        return { r, sim: union === 0 ? 0 : both / union };
      })
      .sort((a, b) => b.sim - a.sim)
      .slice(0, this.o.k);
    let residual = 0;
    let weight = 0;
    for (const { r, sim } of near) {
      residual += sim * (r.y - sigmoid(r.engine));
      weight += sim;
    }
    if (weight === 0) return engine;
    // The mean error in probability, turned back into log-odds around the engine's own.
    const p = Math.min(0.99, Math.max(0.01, sigmoid(engine) + residual / weight));
    const t = this.trustOf(list.length);
    return engine + t * (Math.log(p / (1 - p)) - engine);
  }

  private rankPart(w: Map<number, number>, sentence: SentenceAnalysis): number {
    let cues = 0;
    for (const f of sentence.cues) cues += w.get(f) ?? 0;
    let around = 0;
    for (const f of sentence.around) around += w.get(f | AROUND_MARK) ?? 0;
    return (
      cues / Math.sqrt(Math.max(1, sentence.cues.length)) +
      around / Math.sqrt(Math.max(1, sentence.around.length))
    );
  }

  private rankCentre(label: string, w: Map<number, number>): number {
    const list = this.records.get(label) ?? [];
    if (list.length === 0) return 0;
    let sum = 0;
    for (const r of list) sum += this.rankPart(w, r.sentence);
    return sum / list.length;
  }

  /** RankNet steps: the new decision against `pairs` earlier ones of the other answer. */
  private rankStep(label: string, list: readonly Record[]): void {
    let w = this.extra.get(label);
    if (!w) {
      w = new Map();
      this.extra.set(label, w);
    }
    const last = list.at(-1)!;
    const others = list.filter((r) => r.y !== last.y).slice(-this.o.pairs);
    const add = (s: SentenceAnalysis, by: number): void => {
      const cs = by / Math.sqrt(Math.max(1, s.cues.length));
      for (const f of s.cues) w.set(f, (w.get(f) ?? 0) + cs);
      const as = by / Math.sqrt(Math.max(1, s.around.length));
      for (const f of s.around) w.set(f | AROUND_MARK, (w.get(f | AROUND_MARK) ?? 0) + as);
    };
    for (const other of others) {
      const [pos, neg] = last.y === 1 ? [last, other] : [other, last];
      // The pair as the engine orders it now, plus the ranking part.
      const diff =
        engineLogit(this.model, pos.sentence, label) +
        this.rankPart(w, pos.sentence) -
        engineLogit(this.model, neg.sentence, label) -
        this.rankPart(w, neg.sentence);
      const error = 1 - sigmoid(diff);
      const by = (this.o.rankRate * error) / others.length;
      add(pos.sentence, by);
      add(neg.sentence, -by);
    }
  }
}

function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    if (Math.abs(m[pivot]![c]!) < 1e-12) return null;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/**
 * The engine's learner written again with its loss as a switch (`margin`): log-loss gives the
 * engine's own figures; hinge and modified Huber step only on sentences on the wrong side of a
 * margin, so the sentences already ranked well stop pulling the weights.
 */
class Linear implements Learner {
  readonly labels = new Map<
    string,
    {
      bias: number;
      positives: number;
      negatives: number;
      weights: Map<number, number>;
      recent: Outcome[];
      cut: number;
      replay: Array<[SentenceAnalysis, boolean]>;
      centre: number;
    }
  >();
  constructor(readonly o: Options) {}
  startArticle(): void {}
  settle(): void {}

  private state(label: string) {
    let s = this.labels.get(label);
    if (!s) {
      s = {
        bias: 0,
        positives: 0,
        negatives: 0,
        weights: new Map(),
        recent: [],
        cut: 0,
        replay: [],
        centre: 0,
      };
      this.labels.set(label, s);
    }
    return s;
  }

  private part(
    s: { weights: Map<number, number> },
    sentence: SentenceAnalysis,
    label: string,
  ): number {
    const sum = (list: readonly number[]): number => {
      let total = 0;
      for (const f of list) total += s.weights.get(f) ?? 0;
      return total / Math.sqrt(Math.max(1, list.length));
    };
    return (
      sum(sentence.features) + sum(sentence.cues) + (label === 'quote' ? 0 : sum(sentence.around))
    );
  }

  private logit(sentence: SentenceAnalysis, label: string): number {
    const base = sentence.priors[label] ?? -3;
    const s = this.labels.get(label);
    if (!s) return base;
    const both = 8 * (Math.min(s.positives, s.negatives) + 1);
    const d = Math.min(s.positives + s.negatives, both);
    const t = d / (d + 25);
    return base + t * (s.bias + this.part(s, sentence, label) - s.centre);
  }

  score(sentence: SentenceAnalysis, label: string): number {
    return this.logit(sentence, label) - (this.labels.get(label)?.cut ?? 0);
  }

  private error(z: number, present: boolean, label: string): number {
    const y = present ? 1 : -1;
    if (this.o.loss === 'log' || !this.o.labels.has(label)) return (present ? 1 : 0) - sigmoid(z);
    const margin = y * z;
    if (this.o.loss === 'hinge') return margin < 1 ? 0.5 * y : 0;
    // Modified Huber: quadratic inside the margin, linear beyond −1.
    if (margin >= 1) return 0;
    if (margin >= -1) return 0.25 * y * (1 - margin);
    return 0.5 * y;
  }

  private step(
    s: ReturnType<Linear['state']>,
    sentence: SentenceAnalysis,
    label: string,
    present: boolean,
    rate: number,
  ): void {
    const z = (sentence.priors[label] ?? -3) + s.bias + this.part(s, sentence, label);
    const error = this.error(z, present, label);
    if (error === 0) return;
    const update = (f: number, by: number): void => {
      const w = Math.round(((s.weights.get(f) ?? 0) + by) * 1e5) / 1e5;
      if (w === 0) s.weights.delete(f);
      else s.weights.set(f, w);
    };
    for (const list of label === 'quote'
      ? [sentence.features, sentence.cues]
      : [sentence.features, sentence.cues, sentence.around]) {
      const by = (rate * error) / Math.sqrt(Math.max(1, list.length));
      for (const f of list) update(f, by);
    }
    s.bias = Math.round((s.bias + rate * error * 0.1) * 1e5) / 1e5;
  }

  learn(sentence: SentenceAnalysis, label: string, present: boolean): void {
    const s = this.state(label);
    s.recent.push([Math.round(this.logit(sentence, label) * 100) / 100, present ? 1 : 0]);
    if (s.recent.length > 200) s.recent.shift();
    s.cut = chooseCut(s.recent);
    const rate = 1.2 / Math.sqrt(1 + (s.positives + s.negatives) / 200);
    this.step(s, sentence, label, present, rate);
    for (const [past, was] of s.replay) this.step(s, past, label, was, rate * 0.2);
    s.replay.push([sentence, present]);
    if (s.replay.length > 200) s.replay.shift();
    if (present) s.positives++;
    else s.negatives++;
    let sum = 0;
    let positives = 0;
    for (const [past, was] of s.replay) {
      sum += this.part(s, past, label);
      if (was) positives++;
    }
    const count = s.replay.length;
    if (count >= 10 && positives > 0 && positives < count)
      s.centre = Math.round((sum / count) * 1e5) / 1e5;
  }
}

const learner = (o: Options): Learner => (o.kind === 'margin' ? new Linear(o) : new Stacked(o));

/** Lower-case words of a sentence, stopwords and numbers out, a plural's -s dropped. */
function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[a-z][a-z'-]+/g)) {
    const word = match[0];
    if (word.length < 3 || STOPWORDS.has(word)) continue;
    out.push(
      word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word,
    );
  }
  return out;
}

// ---- measuring ----

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  scored: Scored[];
}
type Tally = { [label: string]: Counts };
const tally = (): Tally =>
  Object.fromEntries(LABELS.map((l) => [l, { tp: 0, fp: 0, fn: 0, scored: [] }]));

function score(model: Learner, test: readonly Prepared[], into: Tally): void {
  if (process.argv.includes('--oracle')) {
    oracleScore(model, test, into);
    return;
  }
  for (const at of test) {
    model.page?.(
      at.analysis.sentences,
      at.matched.map((m) => m.article.sentences[m.index]!.text),
    );
    for (const match of at.matched) {
      if (!match.gold) continue;
      const sentence = at.analysis.sentences[match.index]!;
      for (const label of LABELS) {
        const z = model.score(sentence, label);
        const truth = match.gold.labels.includes(label);
        const c = into[label]!;
        c.scored.push([z, truth]);
        if (z >= 0 && truth) c.tp++;
        else if (z >= 0) c.fp++;
        else if (truth) c.fn++;
      }
    }
  }
}

/**
 * A ceiling, not a learner (`--oracle`): each page's scores shifted so that as many of its
 * sentences are suggested as the gold has, i.e. the page's own level known. Says how far any
 * estimate of a page's rate of claims or events could take F1 with the ranking as it is.
 */
function oracleScore(model: Learner, test: readonly Prepared[], into: Tally): void {
  for (const at of test) {
    model.page?.(
      at.analysis.sentences,
      at.matched.map((m) => m.article.sentences[m.index]!.text),
    );
    for (const label of LABELS) {
      const rows: Array<[number, boolean]> = [];
      for (const match of at.matched) {
        if (!match.gold) continue;
        rows.push([
          model.score(at.analysis.sentences[match.index]!, label),
          match.gold.labels.includes(label),
        ]);
      }
      const count = rows.filter(([, t]) => t).length;
      const sorted = rows.map(([z]) => z).sort((a, b) => b - a);
      const shift = count === 0 ? -(sorted[0] ?? 0) - 1 : -sorted[count - 1]!;
      const c = into[label]!;
      for (const [z, truth] of rows) {
        const y = z + shift;
        c.scored.push([y, truth]);
        if (y >= 0 && truth) c.tp++;
        else if (y >= 0) c.fp++;
        else if (truth) c.fn++;
      }
    }
  }
}

function train(model: Learner, pages: readonly Prepared[], count: number): void {
  for (const { at, index } of goldSentences(pages).slice(0, count)) {
    model.startArticle(at.analysis.article);
    const gold = at.matched[index]!.gold!;
    const sentence = at.analysis.sentences[index]!;
    // The page's pull as it stood before the decision (only the `page` variants use it).
    if ((model as Stacked).o?.pageCut)
      model.page?.(
        at.analysis.sentences,
        at.matched.map((m) => m.article.sentences[m.index]!.text),
      );
    for (const label of LABELS) model.learn(sentence, label, gold.labels.includes(label));
  }
  model.settle();
}

function folds(pages: readonly Prepared[], o: Options, count: number, into: Tally): void {
  for (let fold = 0; fold < 4; fold++) {
    const model = learner(o);
    train(
      model,
      pages.filter((_, i) => i % 4 !== fold),
      count,
    );
    score(
      model,
      pages.filter((_, i) => i % 4 === fold),
      into,
    );
  }
}

const f1 = (c: Counts): number => (c.tp === 0 ? 0 : (2 * c.tp) / (2 * c.tp + c.fp + c.fn));

function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let x = seed;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface Cell {
  f1: number[];
  best: number[];
  auc: number[];
}

function cell(t: Tally): Cell {
  const pick = (fn: (c: Counts) => number): number[] => [fn(t.claim!), fn(t.event!), fn(t.quote!)];
  return {
    f1: pick(f1),
    best: pick((c) => bestCutF1(c.scored)),
    auc: pick((c) => areaUnderCurve(c.scored)),
  };
}

function measure(
  o: Options,
  real: readonly Prepared[],
  blind: readonly Prepared[],
): { [column: string]: Cell } {
  const cells: { [column: string]: Cell } = {};
  const quick = process.argv.includes('--quick');
  if (process.argv.includes('--all')) {
    // Every decision of the training folds (a ceiling: more than a reviewer gives in a day).
    const big = { ...o, memory: 100_000 };
    for (const [name, pages] of [
      ['24 all', real],
      ['36 all', [...real, ...blind]],
    ] as const) {
      const t = tally();
      folds(pages, big, 100_000, t);
      cells[name] = cell(t);
    }
    return cells;
  }
  for (const at of quick ? [200] : [0, 50, 200]) {
    const t = tally();
    folds(real, o, at, t);
    cells[`24 f${at}`] = cell(t);
  }
  if (!quick) {
    const orders = tally();
    for (const seed of [0, 1, 2, 3, 4])
      folds(seed === 0 ? real : shuffled(real, seed), o, 200, orders);
    cells['5 orders'] = cell(orders);
    const even = real.filter((_, i) => i % 2 === 0);
    const odd = real.filter((_, i) => i % 2 === 1);
    const m = learner(o);
    train(m, even, 200);
    const t = tally();
    score(m, odd, t);
    cells['odd 12'] = cell(t);
  }
  {
    const m = learner(o);
    train(m, real, 200);
    const t = tally();
    score(m, blind, t);
    cells.blind = cell(t);
  }
  {
    const t = tally();
    folds([...real, ...blind], o, 200, t);
    cells['36 f200'] = cell(t);
  }
  return cells;
}

const n3 = (v: number): string => v.toFixed(3);

function print(name: string, cells: { [column: string]: Cell }): void {
  const withBest = process.argv.includes('--best');
  const parts = Object.entries(cells).map(([k, c]) => {
    const base = `${k} ${n3(c.f1[0]!)}/${n3(c.f1[1]!)}`;
    return withBest
      ? `${base} (${n3(c.best[0]!)}/${n3(c.best[1]!)}; ${c.auc[0]!.toFixed(3)}/${c.auc[1]!.toFixed(3)})`
      : base;
  });
  const quote = (cells['36 f200'] ?? cells['36 all'])!.f1[2]!;
  console.log(`${name.padEnd(26)} ${parts.join(' | ')} | q36 ${n3(quote)}`);
}

const tree = (o: Partial<TreeOptions>): TreeOptions => ({ ...TREES, ...o });
const inputs = (o: Partial<Inputs>): Inputs => ({ ...INPUTS, ...o });

export const VARIANTS: { [name: string]: Partial<Options> } = {
  engine: {},
  // Residual trees on the engine's honest errors.
  'resid d2': { kind: 'resid' },
  'resid d1': { kind: 'resid', tree: tree({ depth: 1 }) },
  'resid d3': { kind: 'resid', tree: tree({ depth: 3 }) },
  'resid d2 around': { kind: 'resid', inputs: inputs({ around: true }) },
  'resid d2 others': { kind: 'resid', inputs: inputs({ others: true }) },
  'resid d2 engine': { kind: 'resid', inputs: inputs({ engine: true }) },
  'resid d2 oof': { kind: 'resid', cut: 'oof' },
  'resid d2 nocut': { kind: 'resid', cut: 'none' },
  'resid d2 r60': { kind: 'resid', tree: tree({ rounds: 60 }) },
  'resid d2 ev50': { kind: 'resid', evidence: 50 },
  // Trees on the rules' prior in place of the engine's learnt part.
  'gbdt d2': { kind: 'gbdt', cut: 'oof' },
  'gbdt d2 around': { kind: 'gbdt', cut: 'oof', inputs: inputs({ around: true }) },
  'gbdt d2 r100': { kind: 'gbdt', cut: 'oof', tree: tree({ rounds: 100 }) },
  'gbdt d3 r100': { kind: 'gbdt', cut: 'oof', tree: tree({ rounds: 100, depth: 3 }) },
  'gbdt mix': { kind: 'gbdt', cut: 'oof', mix: 0.5 },
  'gbdt mix r100 around': {
    kind: 'gbdt',
    cut: 'oof',
    mix: 0.5,
    tree: tree({ rounds: 100 }),
    inputs: inputs({ around: true }),
  },
  knn15: { kind: 'knn', k: 15 },
  knn30: { kind: 'knn', k: 30 },
  'knn15 ev50': { kind: 'knn', k: 15, evidence: 50 },
  'rank 0.3': { kind: 'rank', rankRate: 0.3 },
  'rank 1': { kind: 'rank', rankRate: 1 },
  // The engine's own learner with another loss.
  'margin log': { kind: 'margin', loss: 'log' },
  'margin hinge': { kind: 'margin', loss: 'hinge' },
  'margin huber': { kind: 'margin', loss: 'huber' },
  // A trust per group of the engine's inputs, fitted on its honest log-odds.
  'group r10': { kind: 'group', ridge: 10 },
  'group r3': { kind: 'group', ridge: 3 },
  'group r10 fitcut': { kind: 'group', ridge: 10, groupCut: 'fit' },
  // The other labels' log-odds stacked with the label's own.
  'cross r10': { kind: 'cross', ridge: 10 },
  'cross r10 fitcut': { kind: 'cross', ridge: 10, groupCut: 'fit' },
  'cross r3 fitcut': { kind: 'cross', ridge: 3, groupCut: 'fit' },
  // The page's own sentences, nearest by words, pull a sentence's score.
  'page 0.3 k5': { kind: 'page', pull: 0.3, k: 5 },
  'page 0.5 k5': { kind: 'page', pull: 0.5, k: 5 },
  'page 0.3 k10': { kind: 'page', pull: 0.3, k: 10 },
  'page 0.3 k3': { kind: 'page', pull: 0.3, k: 3 },
  'page 0.3 k5 content': { kind: 'page', pull: 0.3, k: 5, near: 'content' },
  'page 0.5 k5 content': { kind: 'page', pull: 0.5, k: 5, near: 'content' },
  'page 0.3 k5 spread3': { kind: 'page', pull: 0.3, k: 5, spread: 3 },
  'page 0.3 k50': { kind: 'page', pull: 0.3, k: 50 },
  'page blend 0.3 k3': { kind: 'page', pull: 0.3, k: 3, pullMode: 'blend' },
  'page blend 0.3 k5': { kind: 'page', pull: 0.3, k: 5, pullMode: 'blend' },
  'page 0.3 k3 cut': { kind: 'page', pull: 0.3, k: 3, pageCut: true },
  'page centred 0.3 k3': { kind: 'page', pull: 0.3, k: 3, pullMode: 'centred' },
  'page centred 0.5 k3': { kind: 'page', pull: 0.5, k: 3, pullMode: 'centred' },
  'page centred 0.3 k3 cut': { kind: 'page', pull: 0.3, k: 3, pullMode: 'centred', pageCut: true },
};

/**
 * CPU a refit costs (`--cost`): each variant learnt on the first 200 sentences of the 24 pages,
 * then its second stage fitted again 20 times (what one decision would cost it), and the pages'
 * scoring (with the page's pull where the variant has it), per 5 KB of text.
 */
function cost(real: readonly Prepared[], names: readonly string[]): void {
  const bytes = real.reduce(
    (sum, at) =>
      sum + at.matched.reduce((n, m) => n + m.article.sentences[m.index]!.text.length, 0),
    0,
  );
  for (const name of names) {
    const o = { ...BASE_OPTIONS, ...VARIANTS[name] };
    const model = learner(o);
    train(model, real, 200);
    const cpu = (run: () => void, times: number): number => {
      const start = process.cpuUsage();
      for (let i = 0; i < times; i++) run();
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000 / times;
    };
    const refit = cpu(() => model.settle(), 20);
    const scoring = cpu(() => score(model, real, tally()), 5);
    console.log(
      `${name.padEnd(26)} refit ${refit.toFixed(2)} ms CPU; scoring ${((scoring * 5000) / bytes).toFixed(2)} ms CPU a 5 KB article`,
    );
  }
}

async function main(): Promise<void> {
  const real = loadRealSet();
  const blind = loadRealSet(undefined, BLIND_GOLD);
  if (real === null || blind === null) throw new Error('no ../shared/benchmarks here');
  const names = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (process.argv.includes('--cost')) {
    cost(real.prepared, names);
    return;
  }
  for (const name of names.length > 0 ? names : Object.keys(VARIANTS)) {
    const variant = VARIANTS[name];
    if (!variant) throw new Error(`no variant ${name}`);
    const o = { ...BASE_OPTIONS, ...variant };
    print(name, measure(o, real.prepared, blind.prepared));
  }
}

await main();
