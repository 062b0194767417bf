/**
 * An experiment, not part of the bench (learn58, 2026-12-07): what the learner gets from the 24
 * pages' and the blind 12's labelled sentences, measured like the bench's suggest rows — the 24
 * pages after 200 confirmations in 4 folds, the blind 12 after the first 200 of the 24, all 36
 * in 4 folds — and, with `ORDERS=n`, all 36 in 4 folds over n shuffled orders of the pages (a
 * steadier figure: one order's F1 moves by ±0.02 with the order alone).
 *
 *   vite-node bench/diagnose/suggest-folds.ts [--errors [--list]] [base] [+EXTRA] [--nb[=JSON]]
 *
 * - `base`: the engine as it is;
 * - `+EXTRA`: the engine with extra hashed features from the sentence's text (`EXTRA`: word
 *   suffixes and prefixes, character 4-grams, counts of numbers, length bands);
 * - `--nb`: a naive-Bayes learner (log-count ratios of the same features, words, cues and
 *   neighbours' cues apart) in place of the engine's logistic regression, with the engine's
 *   prior, trust, centre and cut; `combine` averages its log-odds with the engine's;
 * - `--errors`: the errors after 200 on the 24 pages' folds by each rule that fired (`--list`
 *   prints each false positive and negative).
 * Results: docs/readme/suggest.md (learn58). The learner's own settings (rate, replay, trust,
 * L2, class balance, cut, prior decay) were tried with switches patched into model.ts and cut.ts
 * for the run, not kept.
 */

import { chooseCut, type Outcome } from '../../source/suggest/cut.js';
import { hashFeature } from '../../source/suggest/features.js';
import { createModel, type SentenceAnalysis, suggest } from '../../source/suggest/index.js';
import { areaUnderCurve } from '../evaluate/ranking.js';
import {
  confirm,
  crossValidatedCurve,
  type Evaluation,
  goldSentences,
  LABELS,
  learningCurve,
  type Prepared,
} from '../evaluate/suggestions.js';
import { BLIND_GOLD } from '../quality/suggest-blind-gold.js';
import { loadRealSet } from '../quality/suggest-real.js';

const real = loadRealSet()!.prepared;
const blind = loadRealSet(undefined, BLIND_GOLD)!.prepared;
const all = [...real, ...blind];

const f = (evaluation: Evaluation, label: string): string => {
  const figures = evaluation.labels.find((entry) => entry.label === label)!;
  return figures.f1.toFixed(3);
};
const auc = (evaluation: Evaluation, label: string): string =>
  areaUnderCurve(evaluation.labels.find((entry) => entry.label === label)!.scored).toFixed(3);

/** All 36 pages in 4 folds, over `ORDERS` orders of the pages (a steadier figure). */
const ORDERS = Number(process.env.ORDERS ?? 0);
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = items.slice();
  let state = seed * 2654435761 + 1;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function measure(name: string): void {
  if (ORDERS > 0) {
    let claim = 0;
    let event = 0;
    let quote = 0;
    for (let seed = 1; seed <= ORDERS; seed++) {
      const [, after] = crossValidatedCurve(shuffled(all, seed), [0, 200], 4);
      claim += Number(f(after!.evaluation, 'claim'));
      event += Number(f(after!.evaluation, 'event'));
      quote += Number(f(after!.evaluation, 'quote'));
    }
    console.log(
      `${name.padEnd(18)} 36 x ${ORDERS} orders: ${(claim / ORDERS).toFixed(3)} ${(event / ORDERS).toFixed(3)} ${(quote / ORDERS).toFixed(3)}`,
    );
  }
  const started = process.hrtime.bigint();
  const [, after24] = crossValidatedCurve(real, [0, 200], 4);
  const [, afterBlind] = learningCurve(real, [0, 200], blind);
  const [, after36] = crossValidatedCurve(all, [0, 200], 4);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const row = (evaluation: Evaluation) =>
    `${f(evaluation, 'claim')} ${f(evaluation, 'event')} ${f(evaluation, 'quote')} (auc ${auc(evaluation, 'claim')} ${auc(evaluation, 'event')})`;
  console.log(
    `${name.padEnd(18)} 24: ${row(after24!.evaluation)} | blind: ${row(afterBlind!.evaluation)} | 36: ${row(after36!.evaluation)}  [${ms.toFixed(0)} ms]`,
  );
}

/** Errors after 200 on the 24 pages' folds, grouped by each rule that fired. */
function errors(): void {
  const folds = 4;
  const byRule = new Map<string, Record<string, [number, number, number, number]>>();
  for (let fold = 0; fold < folds; fold++) {
    const train = real.filter((_, i) => i % folds !== fold);
    const test = real.filter((_, i) => i % folds === fold);
    const model = createModel();
    for (const next of goldSentences(train).slice(0, 200)) confirm(model, next.at, next.index);
    for (const at of test as Prepared[]) {
      const suggestions = suggest(at.analysis, model, LABELS);
      for (const match of at.matched) {
        if (!match.gold) continue;
        const read = at.analysis.sentences[match.index]!;
        for (const score of suggestions[match.index]!.labels) {
          if (score.label === 'quote') continue;
          const truth: boolean = match.gold.labels.includes(score.label);
          const kind = truth ? (score.suggested ? 0 : 2) : score.suggested ? 1 : 3;
          const has = (rule: string) => read.rules.includes(rule);
          // One kind a sentence, the first that holds: what the sentence is, as the rules read it.
          const kind58 =
            has('quote.whole') || has('quote.attributed')
              ? 'kind:quoted'
              : has('claim.headline') || has('claim.heading')
                ? 'kind:heading'
                : has('claim.figure')
                  ? 'kind:figure'
                  : has('claim.attributed')
                    ? 'kind:attributed'
                    : has('event.narrated')
                      ? 'kind:narrated'
                      : has('claim.future')
                        ? 'kind:future'
                        : 'kind:other';
          for (const rule of [
            '(all)',
            kind58,
            ...read.rules.filter((r) => r.startsWith(score.label)),
          ]) {
            let entry = byRule.get(rule);
            if (!entry) {
              entry = {};
              byRule.set(rule, entry);
            }
            const counts = entry[score.label] ?? [0, 0, 0, 0];
            entry[score.label] = counts;
            counts[kind]++;
          }
          if (process.argv.includes('--list') && (kind === 1 || kind === 2))
            console.log(
              `${score.label} ${kind === 1 ? 'FP' : 'FN'} ${score.score.toFixed(2)} [${read.rules.join(',')}] ${match.article.sentences[match.index]!.text.slice(0, 160)}`,
            );
        }
      }
    }
  }
  console.log('rule: label tp fp fn tn');
  for (const [rule, entry] of [...byRule].sort()) {
    for (const [label, [tp, fp, fn, tn]] of Object.entries(entry))
      console.log(`${rule.padEnd(22)} ${label.padEnd(6)} tp ${tp} fp ${fp} fn ${fn} tn ${tn}`);
  }
}

/** Extra features from the sentence's text, added to the words (`w`) or the cues (`c`). */
const words = (text: string): string[] =>
  text.toLowerCase().match(/[\p{L}\d][\p{L}\d'’.-]*/gu) ?? [];
const EXTRA: Record<string, [group: 'w' | 'c', (text: string) => string[]]> = {
  suffix3: [
    'w',
    (text) =>
      words(text)
        .filter((w) => w.length > 4)
        .map((w) => `suf:${w.slice(-3)}`),
  ],
  prefix4: [
    'w',
    (text) =>
      words(text)
        .filter((w) => w.length > 4)
        .map((w) => `pre:${w.slice(0, 4)}`),
  ],
  char4: [
    'w',
    (text) => {
      const squashed = ` ${words(text).join(' ')} `;
      const grams: string[] = [];
      for (let i = 0; i + 4 <= squashed.length; i++) grams.push(`c4:${squashed.slice(i, i + 4)}`);
      return grams;
    },
  ],
  digits: [
    'c',
    (text) => {
      const numbers = text.match(/\d[\d,.]*/g) ?? [];
      const out = [`x:numbers${Math.min(3, numbers.length)}`];
      if (/%|percent/i.test(text)) out.push('x:percent');
      if (/[$€£]/.test(text)) out.push('x:money');
      return out;
    },
  ],
  length: [
    'c',
    (text) => {
      const n = words(text).length;
      return [`x:len${n < 10 ? 0 : n < 20 ? 1 : n < 30 ? 2 : n < 45 ? 3 : 4}`];
    },
  ],
};

function withExtra(name: string, run: () => void): void {
  const [group, make] = EXTRA[name]!;
  const saved: Array<[number[], number[]]> = [];
  for (const at of all)
    for (const read of at.analysis.sentences) {
      saved.push([read.features, read.cues]);
      const text = at.matched[read.index]!.article.sentences[read.index]!.text;
      const extra = make(text).map(hashFeature);
      if (group === 'w')
        read.features = [...new Set([...read.features, ...extra])].sort((a, b) => a - b);
      else read.cues = [...new Set([...read.cues, ...extra])].sort((a, b) => a - b);
    }
  run();
  let i = 0;
  for (const at of all)
    for (const read of at.analysis.sentences) {
      [read.features, read.cues] = saved[i++]!;
    }
}

const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (process.argv.includes('--errors')) errors();
for (const name of args.length > 0 ? args : []) {
  if (name.startsWith('+')) {
    const extra = name.slice(1);
    withExtra(extra!, () => measure(name));
    continue;
  }
  if (name !== 'base') throw new Error(`no variant ${name}`);
  measure(name);
}

// ---- an alternative learner: naive Bayes log-count ratios over the same features ----

interface NbLabel {
  pos: Map<number, number>;
  neg: Map<number, number>;
  p: number;
  n: number;
  recent: Outcome[];
  remembered: SentenceAnalysis[];
  centre: number;
  cut: number;
}

const NB = { alpha: 1, scale: 0.5, evidence: 25, words: 1, cues: 1, around: 1, combine: 0 };
const NB_BASE = { ...NB };
const AROUND_SALT = 0x5bd1e995;

function nbGroups(sentence: SentenceAnalysis): Array<[number[], number]> {
  return [
    [sentence.features, NB.words],
    [sentence.cues, NB.cues],
    [sentence.around.map((h) => (h ^ AROUND_SALT) >>> 0), NB.around],
  ];
}

function nbScore(model: NbLabel, sentence: SentenceAnalysis): number {
  let total = 0;
  const { alpha } = NB;
  for (const [group, weight] of nbGroups(sentence)) {
    if (group.length === 0 || weight === 0) continue;
    let sum = 0;
    for (const f of group) {
      const a = model.pos.get(f) ?? 0;
      const b = model.neg.get(f) ?? 0;
      sum +=
        Math.log((a + alpha) / (model.p + 2 * alpha)) -
        Math.log((b + alpha) / (model.n + 2 * alpha));
    }
    total += (weight * sum) / Math.sqrt(group.length);
  }
  return total;
}

function nbTrust(model: NbLabel): number {
  const both = 8 * (Math.min(model.p, model.n) + 1);
  const d = Math.min(model.p + model.n, both);
  return d / (d + NB.evidence);
}

function nbLogit(model: NbLabel, sentence: SentenceAnalysis, label: string): number {
  const prior = sentence.priors[label] ?? -3;
  if (model.p + model.n === 0) return prior;
  return prior + nbTrust(model) * NB.scale * (nbScore(model, sentence) - model.centre);
}

function nbLearn(
  model: NbLabel,
  sentence: SentenceAnalysis,
  label: string,
  present: boolean,
): void {
  model.recent.push([Math.round(nbLogit(model, sentence, label) * 100) / 100, present ? 1 : 0]);
  if (model.recent.length > 200) model.recent.shift();
  model.cut = chooseCut(model.recent);
  const counts = present ? model.pos : model.neg;
  const seen = new Set<number>();
  for (const [group] of nbGroups(sentence))
    for (const f of group) {
      if (seen.has(f)) continue;
      seen.add(f);
      counts.set(f, (counts.get(f) ?? 0) + 1);
    }
  if (present) model.p++;
  else model.n++;
  model.remembered.push(sentence);
  if (model.remembered.length > 200) model.remembered.shift();
  if (model.remembered.length >= 10 && model.p > 0 && model.n > 0) {
    let sum = 0;
    for (const past of model.remembered) sum += nbScore(model, past);
    model.centre = sum / model.remembered.length;
  }
}

const newNb = (): NbLabel => ({
  pos: new Map(),
  neg: new Map(),
  p: 0,
  n: 0,
  recent: [],
  remembered: [],
  centre: 0,
  cut: 0,
});

type Counts = { tp: number; fp: number; fn: number; scored: Array<[number, boolean]> };

function nbRun(train: readonly Prepared[], test: readonly Prepared[], counts: Map<string, Counts>) {
  const models = new Map(['claim', 'event'].map((label) => [label, newNb()]));
  // The engine too, for `combine` (the two logits averaged).
  const engine = createModel();
  for (const next of goldSentences(train).slice(0, 200)) {
    const gold = next.at.matched[next.index]!.gold!;
    const sentence = next.at.analysis.sentences[next.index]!;
    for (const [label, model] of models)
      nbLearn(model, sentence, label, gold.labels.includes(label));
    if (NB.combine > 0) confirm(engine, next.at, next.index);
  }
  for (const at of test) {
    const engineScores = NB.combine > 0 ? suggest(at.analysis, engine, LABELS) : null;
    for (const match of at.matched) {
      if (!match.gold) continue;
      const sentence = at.analysis.sentences[match.index]!;
      for (const [label, model] of models) {
        let value = nbLogit(model, sentence, label) - model.cut;
        if (engineScores) {
          const p = engineScores[match.index]!.labels.find((s) => s.label === label)!.score;
          value = (1 - NB.combine) * value + NB.combine * Math.log(p / (1 - p));
        }
        const truth = match.gold.labels.includes(label);
        const count = counts.get(label)!;
        count.scored.push([value, truth]);
        if (value >= 0 && truth) count.tp++;
        else if (value >= 0) count.fp++;
        else if (truth) count.fn++;
      }
    }
  }
}

function nbMeasure(name: string): void {
  const fresh = () =>
    new Map<string, Counts>(
      ['claim', 'event'].map((l) => [l, { tp: 0, fp: 0, fn: 0, scored: [] }]),
    );
  const row = (counts: Map<string, Counts>) =>
    ['claim', 'event']
      .map((l) => {
        const { tp, fp, fn } = counts.get(l)!;
        return ((2 * tp) / (2 * tp + fp + fn)).toFixed(3);
      })
      .join(' ') +
    ` (auc ${['claim', 'event'].map((l) => areaUnderCurve(counts.get(l)!.scored).toFixed(3)).join(' ')})`;
  const folds = (set: readonly Prepared[]) => {
    const counts = fresh();
    for (let fold = 0; fold < 4; fold++)
      nbRun(
        set.filter((_, i) => i % 4 !== fold),
        set.filter((_, i) => i % 4 === fold),
        counts,
      );
    return counts;
  };
  if (ORDERS > 0) {
    const sums = [0, 0];
    for (let seed = 1; seed <= ORDERS; seed++) {
      const counts = folds(shuffled(all, seed));
      ['claim', 'event'].forEach((l, k) => {
        const { tp, fp, fn } = counts.get(l)!;
        sums[k]! += (2 * tp) / (2 * tp + fp + fn);
      });
    }
    console.log(
      `${name.padEnd(18)} 36 x ${ORDERS} orders: ${sums.map((x) => (x / ORDERS).toFixed(3)).join(' ')}`,
    );
  }
  const blindCounts = fresh();
  nbRun(real, blind, blindCounts);
  console.log(
    `${name.padEnd(18)} 24: ${row(folds(real))} | blind: ${row(blindCounts)} | 36: ${row(folds(all))}`,
  );
}

for (const spec of process.argv.slice(2).filter((arg) => arg.startsWith('--nb'))) {
  const settings = spec.slice(4) ? JSON.parse(spec.slice(5)) : {};
  Object.assign(NB, NB_BASE, settings);
  nbMeasure(`nb ${JSON.stringify(settings)}`);
}
