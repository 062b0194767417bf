/**
 * How many sentences a second look by a sentence encoder would have to encode (storyq47): the
 * planted corpus of N articles built on this thread, every candidate pair's verdict and overlap
 * counted, and the distinct nodes (sentences, copies as one) of the candidates, of the refused
 * candidates, and of the refused ones in the rewording zone (_J_ 0.2–0.6, where the real pages'
 * refused same pairs lie). A diagnosis, not a measurement.
 *
 * node dist-bench/bench/diagnose/story-second-look.js [articles] [readers]
 */
import { readInParallel } from '../../source/story/parallel-read.js';
import { type Comparable, overlap } from '../../source/story/similarity.js';
import { StoryIndex } from '../../source/story/story-index.js';
import { DEFAULT_SEED } from '../generate/article.js';
import { PlantedCorpus } from '../generate/planted-groups.js';

const size = Number(process.argv[2] ?? 10_000);
const readers = Number(process.argv[3] ?? 2);
const corpus = new PlantedCorpus({ seed: DEFAULT_SEED, articles: size });
const index = new StoryIndex();
const began = Date.now();
let sentences = 0;
await readInParallel(
  (function* () {
    for (const article of corpus.articles()) {
      sentences += article.sentences.length;
      yield article;
    }
  })(),
  index,
  readers,
);
const inner = index as unknown as {
  nodeFirst: { length: number };
  same(a: number, b: number): number;
  candidates(band: number, run: Int32Array, take: (a: number, b: number) => void): void;
  judge: { viewNodes: Int32Array; views: Comparable[] };
  vocabulary: StoryIndex['vocabulary'];
};
const nodes = inner.nodeFirst.length;
console.log(
  `${size} articles, ${sentences} sentences, ${nodes} nodes; read in ${(Date.now() - began) / 1000} s`,
);

const inCandidates = new Uint8Array(nodes);
const inRefused = new Uint8Array(nodes);
const inZone = new Uint8Array(nodes);
const inKeyedZone = new Uint8Array(nodes);
let candidates = 0;
let refused = 0;
let zone = 0;
let keyedZone = 0;
let band = 0;
const same = inner.same.bind(index);
const view = (node: number) => inner.judge.views[inner.judge.viewNodes.indexOf(node)]!;
inner.same = (a, b) => {
  const score = same(a, b);
  candidates++;
  inCandidates[a] = inCandidates[b] = 1;
  if (score > 0) return score;
  refused++;
  inRefused[a] = inRefused[b] = 1;
  const found = overlap(view(a).words, view(b).words, inner.vocabulary);
  const jaccard = found.matched / (found.weightA + found.weightB - found.matched || 1);
  if (jaccard >= 0.2 && jaccard < 0.6) {
    zone++;
    inZone[a] = inZone[b] = 1;
    if (band >= 8) {
      keyedZone++;
      inKeyedZone[a] = inKeyedZone[b] = 1;
    }
  }
  return score;
};
const candidatesOf = inner.candidates.bind(index);
inner.candidates = (which, run, take) => {
  band = which;
  candidatesOf(which, run, take);
};
index.build();
const count = (marks: Uint8Array) => marks.reduce((sum, mark) => sum + mark, 0);
console.log(
  `built in ${(Date.now() - began) / 1000} s; candidates ${candidates} (nodes ${count(inCandidates)}), ` +
    `refused ${refused} (nodes ${count(inRefused)}), refused at J 0.2–0.6 ${zone} (nodes ${count(inZone)}), ` +
    `of those from keyed bands ${keyedZone} (nodes ${count(inKeyedZone)}); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
