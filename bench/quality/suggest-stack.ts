/**
 * An experiment, not part of the bench (suggest52, 2026-12-07): how the learnt model and the
 * rules are combined. A re-implementation of `source/suggest/model.ts` with switches, measured
 * like docs/readme/suggest.md's tables (the 24 pages' 4 folds, 5 orders of them, the odd 12
 * learnt from the even 12, the blind 12 after 200 of the 24, all 36 in 4 folds):
 *
 *   vite-node bench/quality/suggest-stack.ts [--quick] [--best] [--level] [--check] [VARIANT...]
 *
 * With no variant, every one in `VARIANTS`. `--quick` measures only after 50 and 200 on the 24
 * pages, the blind 12 and the 36; `--best` adds the best cut's F1 and the AUC; `--level` prints,
 * per fold of the 24 after 200, the engine's mean probability against the fold's share of the
 * label, the learnt cut and trust, and the stack the same decisions fit; `--check` the engine's
 * own 4-fold figure beside the re-implementation's. Results: docs/readme/suggest.md (suggest52).
 */

import { chooseCut, type Outcome } from '../../source/suggest/cut.js';
import type { SentenceAnalysis } from '../../source/suggest/index.js';
import { areaUnderCurve, bestCutF1, type Scored } from '../evaluate/ranking.js';
import { crossValidatedCurve, goldSentences, type Prepared } from '../evaluate/suggestions.js';
import { BLIND_GOLD } from './suggest-blind-gold.js';
import { loadRealSet } from './suggest-real.js';

const LABELS = ['claim', 'quote', 'event'] as const;
const MEASURED = ['claim', 'event'] as const;

export interface Options {
  /** How the learnt part and the rules are put together. */
  combine: 'engine' | 'stack' | 'select' | 'select-rules';
  /** The stack's ridge pulls toward the engine's own mix (prior 1, learnt × trust, level 0). */
  towardEngine: boolean;
  /** The ridge falls as decisions grow: `stackRidge × 200 / n`. */
  adaptive: boolean;
  /** Cut: the engine's (F1 over recorded log-odds), none, or F1 over the stack's scores. */
  cut: 'engine' | 'none' | 'stack';
  /** Ridge of the stack toward (prior 1, learnt `stackLearnt`, level 0). */
  stackRidge: number;
  stackLearnt: number;
  /** The learnt part recorded for the stack: from the model at the start of the article. */
  articleHonest: boolean;
  /** Use the weights averaged over steps (Polyak) when scoring. */
  average: boolean;
  /** Centre the learnt part as the engine does. */
  centre: boolean;
  evidence: number;
  rate: number;
  replayRate: number;
  /** Positives weigh this much more (class balance), 1 = as they come. */
  balance: boolean;
  /**
   * How the simulated reviewer teaches: every label of every confirmed sentence in full (the
   * bench), or as the review does (a suggestion accepted or rejected, a missing label tagged, in
   * full; a label neither suggested nor tagged only passed over, at `UNTAGGED_WEIGHT`).
   */
  protocol: 'all' | 'reviewer';
  /** L2 decay of the weights at each step. */
  decay: number;
}

export const ENGINE: Options = {
  combine: 'engine',
  towardEngine: false,
  adaptive: false,
  cut: 'engine',
  stackRidge: 10,
  stackLearnt: 0,
  articleHonest: false,
  average: false,
  centre: true,
  evidence: 25,
  rate: 1.2,
  replayRate: 0.2,
  balance: false,
  decay: 0,
  protocol: 'all',
};

interface LabelState {
  bias: number;
  positives: number;
  negatives: number;
  weights: Map<number, number>;
  /** Sum of the weights over steps, for the average (with `steps`). */
  sums: Map<number, number>;
  biasSum: number;
  steps: number;
  recent: Outcome[];
  cut: number;
  replay: Array<[SentenceAnalysis, boolean]>;
  centre: number;
  /** [prior, learnt part, answer] recorded before each decision was learnt. */
  stacked: Array<[number, number, number]>;
  stack: [number, number, number];
  fitted: boolean;
  stackCut: number;
  /** Prequential log-loss of the engine's mix and of the stack over the recent decisions. */
  losses: Array<[number, number]>;
  /** Snapshot of the learnt part's inputs at the start of the current article. */
  frozen: { weights: Map<number, number>; bias: number; centre: number; trust: number } | null;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const round = (value: number): number => Math.round(value * 1e5) / 1e5;
const scale = (list: readonly number[]): number => 1 / Math.sqrt(Math.max(1, list.length));

export class DevModel {
  labels = new Map<string, LabelState>();
  article = '';
  constructor(readonly o: Options) {}

  state(label: string): LabelState {
    let found = this.labels.get(label);
    if (!found) {
      found = {
        bias: 0,
        positives: 0,
        negatives: 0,
        weights: new Map(),
        sums: new Map(),
        biasSum: 0,
        steps: 0,
        recent: [],
        cut: 0,
        replay: [],
        centre: 0,
        stacked: [],
        stack: [1, this.o.stackLearnt, 0],
        fitted: false,
        stackCut: 0,
        losses: [],
        frozen: null,
      };
      this.labels.set(label, found);
    }
    return found;
  }

  private weightsFor(s: LabelState): { get(f: number): number; bias: number } {
    if (this.o.average && s.steps > 0) {
      // w̄ = w − sums / steps (sums hold Σ t·Δw, the lazy-averaging trick).
      return {
        get: (f) => (s.weights.get(f) ?? 0) - (s.sums.get(f) ?? 0) / s.steps,
        bias: s.bias - s.biasSum / s.steps,
      };
    }
    return { get: (f) => s.weights.get(f) ?? 0, bias: s.bias };
  }

  featurePart(get: (f: number) => number, sentence: SentenceAnalysis, label: string): number {
    let words = 0;
    for (const f of sentence.features) words += get(f);
    let cues = 0;
    for (const f of sentence.cues) cues += get(f);
    let around = 0;
    if (label !== 'quote') for (const f of sentence.around) around += get(f);
    return (
      words * scale(sentence.features) +
      cues * scale(sentence.cues) +
      around * scale(sentence.around)
    );
  }

  trust(s: LabelState): number {
    const both = 8 * (Math.min(s.positives, s.negatives) + 1);
    const decisions = Math.min(s.positives + s.negatives, both);
    return decisions / (decisions + this.o.evidence);
  }

  /** The learnt part as the engine adds it to the prior (before trust). */
  learnt(s: LabelState, sentence: SentenceAnalysis, label: string): number {
    const w = this.weightsFor(s);
    const part = s.weights.size === 0 ? 0 : this.featurePart(w.get, sentence, label);
    return w.bias + part - (this.o.centre ? s.centre : 0);
  }

  private frozenLearnt(s: LabelState, sentence: SentenceAnalysis, label: string): number {
    const f = s.frozen!;
    return (
      f.bias +
      this.featurePart((x) => f.weights.get(x) ?? 0, sentence, label) -
      (this.o.centre ? f.centre : 0)
    );
  }

  /** Log-odds before the cut. */
  logit(sentence: SentenceAnalysis, label: string): number {
    const base = sentence.priors[label] ?? -3;
    const s = this.labels.get(label);
    if (!s) return base;
    const engine = (): number => base + this.trust(s) * this.learnt(s, sentence, label);
    const stack = (): number => {
      if (!s.fitted) return engine();
      const [a, b, c] = s.stack;
      return a * base + b * this.learnt(s, sentence, label) + c;
    };
    if (this.o.combine === 'stack') return stack();
    if (this.o.combine === 'select' || this.o.combine === 'select-rules') {
      if (s.losses.length < 50) return engine();
      let e = 0;
      let k = 0;
      for (const [x, y] of s.losses) {
        e += x;
        k += y;
      }
      if (this.o.combine === 'select-rules') return k < e ? base : engine();
      return k < e ? stack() : engine();
    }
    return engine();
  }

  /** Log-odds measured from the cut: suggested from 0 on. */
  score(sentence: SentenceAnalysis, label: string): number {
    const s = this.labels.get(label);
    const cut = !s || this.o.cut === 'none' ? 0 : this.o.cut === 'stack' ? s.stackCut : s.cut;
    return this.logit(sentence, label) - cut;
  }

  startArticle(article: string): void {
    if (article === this.article) return;
    this.article = article;
    if (!this.o.articleHonest) return;
    for (const s of this.labels.values())
      s.frozen = {
        weights: new Map(s.weights),
        bias: s.bias,
        centre: s.centre,
        trust: this.trust(s),
      };
  }

  learn(sentence: SentenceAnalysis, label: string, present: boolean, weight = 1): void {
    const s = this.state(label);
    const base = sentence.priors[label] ?? -3;
    if (weight < 1) {
      const rate = this.o.rate / Math.sqrt(1 + (s.positives + s.negatives) / 200);
      this.step(s, sentence, label, present, rate * weight);
      for (const [past, was] of s.replay) this.step(s, past, label, was, rate * this.o.replayRate);
      s.centre = this.centreOf(s, label) ?? s.centre;
      return;
    }
    const shown = this.logit(sentence, label);
    if (this.o.combine === 'select' || this.o.combine === 'select-rules') {
      const y = present ? 1 : 0;
      const loss = (z: number): number =>
        -Math.log(Math.max(1e-9, y ? sigmoid(z) : 1 - sigmoid(z)));
      const eng = base + this.trust(s) * this.learnt(s, sentence, label);
      const stk =
        this.o.combine === 'select-rules'
          ? base
          : s.fitted
            ? s.stack[0] * base + s.stack[1] * this.learnt(s, sentence, label) + s.stack[2]
            : eng;
      s.losses.push([loss(eng), loss(stk)]);
      if (s.losses.length > 200) s.losses.shift();
    }
    s.recent.push([Math.round(shown * 100) / 100, present ? 1 : 0]);
    if (s.recent.length > 200) s.recent.shift();
    s.cut = chooseCut(s.recent);
    const learntNow =
      this.o.articleHonest && s.frozen
        ? this.frozenLearnt(s, sentence, label)
        : this.learnt(s, sentence, label);
    s.stacked.push([base, learntNow, present ? 1 : 0]);
    if (s.stacked.length > 200) s.stacked.shift();
    const rate = this.o.rate / Math.sqrt(1 + (s.positives + s.negatives) / 200);
    const wPos = this.o.balance ? this.balanceWeight(s, true) : 1;
    const wNeg = this.o.balance ? this.balanceWeight(s, false) : 1;
    this.step(s, sentence, label, present, rate * (present ? wPos : wNeg));
    for (const [past, was] of s.replay)
      this.step(s, past, label, was, rate * this.o.replayRate * (was ? wPos : wNeg));
    s.replay.push([sentence, present]);
    if (s.replay.length > 200) s.replay.shift();
    if (present) s.positives++;
    else s.negatives++;
    s.centre = this.centreOf(s, label) ?? s.centre;
    if (this.o.combine !== 'engine' || this.o.cut === 'stack') this.fitStack(s);
  }

  private balanceWeight(s: LabelState, positive: boolean): number {
    const p = s.positives + 1;
    const n = s.negatives + 1;
    const share = positive ? p / (p + n) : n / (p + n);
    return Math.min(3, 0.5 / share);
  }

  private step(
    s: LabelState,
    sentence: SentenceAnalysis,
    label: string,
    present: boolean,
    rate: number,
  ): void {
    const before =
      (sentence.priors[label] ?? -3) +
      s.bias +
      (s.weights.size === 0 ? 0 : this.featurePart((f) => s.weights.get(f) ?? 0, sentence, label));
    const error = (present ? 1 : 0) - sigmoid(before);
    s.steps++;
    const t = s.steps;
    const update = (f: number, by: number): void => {
      let w = s.weights.get(f) ?? 0;
      if (this.o.decay > 0) w *= 1 - this.o.decay;
      const next = round(w + by);
      if (next === 0) s.weights.delete(f);
      else s.weights.set(f, next);
      if (this.o.average) s.sums.set(f, (s.sums.get(f) ?? 0) + t * (next - w));
    };
    const words = rate * error * scale(sentence.features);
    for (const f of sentence.features) update(f, words);
    const cues = rate * error * scale(sentence.cues);
    for (const f of sentence.cues) update(f, cues);
    if (label !== 'quote') {
      const around = rate * error * scale(sentence.around);
      for (const f of sentence.around) update(f, around);
    }
    const db = rate * error * 0.1;
    s.bias = round(s.bias + db);
    if (this.o.average) s.biasSum += t * db;
  }

  private centreOf(s: LabelState, label: string): number | null {
    let sum = 0;
    let positives = 0;
    for (const [past, was] of s.replay) {
      sum += this.featurePart((f) => s.weights.get(f) ?? 0, past, label);
      if (was) positives++;
    }
    const count = s.replay.length;
    if (count < 10 || positives === 0 || positives === count) return null;
    return round(sum / count);
  }

  /**
   * Logistic regression of the answers on [prior, learnt part, 1] over the recorded decisions,
   * ridge toward (1, stackLearnt, 0): Newton steps on three parameters.
   */
  private fitStack(s: LabelState): void {
    const rows = s.stacked;
    const positives = rows.filter((r) => r[2] === 1).length;
    if (rows.length < 10 || positives === 0 || positives === rows.length) return;
    const target = [1, this.o.towardEngine ? this.trust(s) : this.o.stackLearnt, 0];
    const lambda = this.o.adaptive ? (this.o.stackRidge * 200) / rows.length : this.o.stackRidge;
    let p: number[] = [...s.stack];
    for (let iter = 0; iter < 8; iter++) {
      const g = [0, 0, 0];
      const h = [
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ];
      for (const [prior, learnt, y] of rows) {
        const x = [prior, learnt, 1];
        const q = sigmoid(p[0]! * prior + p[1]! * learnt + p[2]!);
        const r = q * (1 - q);
        for (let i = 0; i < 3; i++) {
          g[i]! += (q - y) * x[i]!;
          for (let j = 0; j < 3; j++) h[i]![j]! += r * x[i]! * x[j]!;
        }
      }
      for (let i = 0; i < 3; i++) {
        g[i]! += lambda * (p[i]! - target[i]!);
        h[i]![i]! += lambda;
      }
      const d = solve3(h, g);
      if (!d) break;
      p = p.map((v, i) => v - d[i]!);
    }
    s.stack = [p[0]!, p[1]!, p[2]!];
    s.fitted = true;
    if (this.o.cut === 'stack') {
      const outcomes: Outcome[] = rows.map(([prior, learnt, y]) => [
        Math.round((p[0]! * prior + p[1]! * learnt + p[2]!) * 100) / 100,
        y as 0 | 1,
      ]);
      s.stackCut = chooseCut(outcomes);
    }
  }
}

function solve3(a: number[][], b: number[]): number[] | null {
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < 3; c++) {
    let pivot = c;
    for (let r = c + 1; r < 3; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    if (Math.abs(m[pivot]![c]!) < 1e-12) return null;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = 0; r < 3; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k < 4; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return [0, 1, 2].map((i) => m[i]![3]! / m[i]![i]!);
}

// ---- measuring ----

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  scored: Scored[];
}

type Tally = Record<string, Counts>;
const tally = (): Tally =>
  Object.fromEntries(LABELS.map((l) => [l, { tp: 0, fp: 0, fn: 0, scored: [] }]));

function score(model: DevModel, test: readonly Prepared[], into: Tally): void {
  for (const at of test) {
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

function train(model: DevModel, pages: readonly Prepared[], count: number): void {
  for (const { at, index } of goldSentences(pages).slice(0, count)) {
    model.startArticle(at.analysis.article);
    const gold = at.matched[index]!.gold!;
    const sentence = at.analysis.sentences[index]!;
    const suggested = LABELS.map((label) => model.score(sentence, label) >= 0);
    for (const [i, label] of LABELS.entries()) {
      const present = gold.labels.includes(label);
      const passed = model.o.protocol === 'reviewer' && !present && !suggested[i];
      model.learn(sentence, label, present, passed ? 0.2 : 1);
    }
  }
}

function folds(pages: readonly Prepared[], o: Options, count: number, into: Tally): void {
  for (let fold = 0; fold < 4; fold++) {
    const model = new DevModel(o);
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

export interface Row {
  name: string;
  cells: Record<string, { f1: [number, number]; best: [number, number]; auc: [number, number] }>;
}

function cell(t: Tally) {
  const pick = (fn: (c: Counts) => number): [number, number] => [fn(t.claim!), fn(t.event!)];
  return {
    f1: pick(f1),
    best: pick((c) => bestCutF1(c.scored)),
    auc: pick((c) => areaUnderCurve(c.scored)),
  };
}

export function measure(
  name: string,
  o: Options,
  real: readonly Prepared[],
  blind: readonly Prepared[],
): Row {
  const cells: Row['cells'] = {};
  const quick = process.argv.includes('--quick');
  for (const at of quick ? [50, 200] : [0, 50, 200]) {
    const t = tally();
    folds(real, o, at, t);
    cells[`24 f${at}`] = cell(t);
  }
  if (!quick) {
    const orders = tally();
    for (const seed of [0, 1, 2, 3, 4])
      folds(seed === 0 ? real : shuffled(real, seed), o, 200, orders);
    cells['5 orders'] = cell(orders);
  }
  const even = real.filter((_, i) => i % 2 === 0);
  const odd = real.filter((_, i) => i % 2 === 1);
  if (!quick) {
    const m = new DevModel(o);
    train(m, even, 200);
    const t = tally();
    score(m, odd, t);
    cells['odd 12'] = cell(t);
  }
  {
    const m = new DevModel(o);
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
  return { name, cells };
}

const n3 = (v: number): string => v.toFixed(3);

/**
 * The level after 200 on the 24 pages' 4 folds: the mean probability the engine gives each held-out
 * fold against the fold's share of the label, with the learnt cut and the stack that the same
 * decisions would fit (prior, learnt part, level).
 */
function level(real: readonly Prepared[]): void {
  for (let fold = 0; fold < 4; fold++) {
    const model = new DevModel({ ...ENGINE, combine: 'select', stackRidge: 10 });
    train(
      model,
      real.filter((_, i) => i % 4 !== fold),
      200,
    );
    const test = real.filter((_, i) => i % 4 === fold);
    const parts = MEASURED.map((label) => {
      let p = 0;
      let y = 0;
      let n = 0;
      let trainY = 0;
      for (const at of test)
        for (const match of at.matched) {
          if (!match.gold) continue;
          const sentence = at.analysis.sentences[match.index]!;
          const z = engineLogit(model, sentence, label);
          p += 1 / (1 + Math.exp(-z));
          y += match.gold.labels.includes(label) ? 1 : 0;
          n++;
        }
      const s = model.labels.get(label)!;
      trainY = s.positives / (s.positives + s.negatives);
      const [a, b, c] = s.stack;
      return `${label}: mean p ${n3(p / n)} share ${n3(y / n)} (learnt on ${n3(trainY)}), cut ${s.cut}, trust ${n3(model.trust(s))}, stack ${a.toFixed(2)}/${b.toFixed(2)}/${c.toFixed(2)}`;
    });
    console.log(`fold ${fold}: ${parts.join('; ')}`);
  }
}

function engineLogit(model: DevModel, sentence: SentenceAnalysis, label: string): number {
  const s = model.labels.get(label)!;
  return (sentence.priors[label] ?? -3) + model.trust(s) * model.learnt(s, sentence, label);
}

export function print(row: Row, withBest = false): void {
  const parts = Object.entries(row.cells).map(([k, c]) => {
    const base = `${k} ${n3(c.f1[0])}/${n3(c.f1[1])}`;
    return withBest
      ? `${base} (${n3(c.best[0])}/${n3(c.best[1])}; ${c.auc[0].toFixed(2)}/${c.auc[1].toFixed(2)})`
      : base;
  });
  console.log(`${row.name.padEnd(28)} ${parts.join(' | ')}`);
}

export const VARIANTS: Record<string, Partial<Options>> = {
  engine: {},
  'no-cut': { cut: 'none' },
  'stack r10': { combine: 'stack', stackRidge: 10 },
  'stack r3': { combine: 'stack', stackRidge: 3 },
  'stack r30': { combine: 'stack', stackRidge: 30 },
  'stack r10 nocut': { combine: 'stack', stackRidge: 10, cut: 'none' },
  'stack r10 stackcut': { combine: 'stack', stackRidge: 10, cut: 'stack' },
  'stack r10 art': { combine: 'stack', stackRidge: 10, articleHonest: true },
  'stack r10 art nocut': { combine: 'stack', stackRidge: 10, articleHonest: true, cut: 'none' },
  average: { average: true },
  'average stack': { average: true, combine: 'stack', stackRidge: 10 },
  balance: { balance: true },
  reviewer: { protocol: 'reviewer' },
  'reviewer stack r10': { protocol: 'reviewer', combine: 'stack', stackRidge: 10 },
  'toward r10': { combine: 'stack', towardEngine: true, stackRidge: 10 },
  'toward r30': { combine: 'stack', towardEngine: true, stackRidge: 30 },
  'toward r100': { combine: 'stack', towardEngine: true, stackRidge: 100 },
  'toward adaptive 10': { combine: 'stack', towardEngine: true, stackRidge: 10, adaptive: true },
  'stack adaptive 10': { combine: 'stack', stackRidge: 10, adaptive: true },
  'stack adaptive 30': { combine: 'stack', stackRidge: 30, adaptive: true },
  'select rules': { combine: 'select-rules' },
  'select r10': { combine: 'select', stackRidge: 10 },
  'select toward r30': { combine: 'select', towardEngine: true, stackRidge: 30 },
};

async function main(): Promise<void> {
  const real = loadRealSet();
  const blind = loadRealSet(undefined, BLIND_GOLD);
  if (real === null || blind === null) throw new Error('no ../shared/benchmarks here');
  const names = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const withBest = process.argv.includes('--best');
  if (process.argv.includes('--level')) level(real.prepared);
  if (process.argv.includes('--check')) {
    const [, point] = crossValidatedCurve(real.prepared, [0, 200], 4);
    const f = (l: string) => point!.evaluation.labels.find((x) => x.label === l)!.f1.toFixed(3);
    console.log(`the engine itself, 24 f200: ${f('claim')}/${f('event')}`);
  }
  for (const name of names.length > 0 ? names : Object.keys(VARIANTS)) {
    const o = { ...ENGINE, ...VARIANTS[name] };
    print(measure(name, o, real.prepared, blind.prepared), withBest);
  }
}

await main();
