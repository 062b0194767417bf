/**
 * Where the story bench's planted pairs are lost: for every planted pair the build did not put
 * in one group, whether the two sentences' nodes were ever compared (an edge, or the judge's
 * answer when asked now), and if not, which LSH mechanism kept them apart (no band shared, every
 * shared bucket crowded, or the first shared bucket's window of nearest-dated members). Reads
 * the index's private tables: a diagnosis, not a measurement.
 *
 * node dist-bench/bench/diagnose/story-recall.js [articles] [workers]
 */
import { availableParallelism } from 'node:os';
import { ComparePool } from '../../source/story/parallel-compare.js';
import { readInParallel } from '../../source/story/parallel-read.js';
import { StoryIndex } from '../../source/story/story-index.js';
import { DEFAULT_SEED } from '../generate/article.js';
import {
  PlantedCorpus,
  type PlantedSentence,
  pairVariation,
  type Variation,
} from '../generate/planted-groups.js';

interface Internals {
  nodesOfOccurrences(): Int32Array;
  articleStart: { data: Int32Array };
  clusterOf: Int32Array;
  clusters: Map<number, number[]>;
  edges: { each(node: number, visit: (other: number) => unknown): void };
  window: number;
  same(a: number, b: number): number;
  bandValue(node: number, band: number): number;
  lsh: {
    total: number;
    shape: { bands: number };
    limit(band: number): number;
    bucket(band: number, value: number, around?: number): number[] | null;
    order: Int32Array[];
  };
}

const size = Number(process.argv[2] ?? 30_000);
const workers = Number(process.argv[3] ?? availableParallelism());
const corpus = new PlantedCorpus({ seed: DEFAULT_SEED, articles: size });
const index = new StoryIndex();
const began = Date.now();
await readInParallel(corpus.articles(), index, workers);
await index.buildWith(new ComparePool(workers));
console.error(
  `built ${size} in ${((Date.now() - began) / 1000).toFixed(1)} s: ${index.stats.candidates} candidates, ${index.stats.edges} edges`,
);
const x = index as unknown as Internals;
const nodeOf = (s: PlantedSentence) =>
  x.nodesOfOccurrences()[x.articleStart.data[s.article]! + s.sentence]!;

const byGroup = new Map<number, PlantedSentence[]>();
for (const s of corpus.planted.values()) {
  if (s.variation === 'distractor') continue;
  const list = byGroup.get(s.group) ?? [];
  list.push(s);
  byGroup.set(s.group, list);
}

const total = x.lsh.total;
const hasEdge = (a: number, b: number) => {
  let found = false;
  x.edges.each(a, (other) => {
    found ||= other === b;
    return found;
  });
  return found;
};

type Cause = string;
const table = new Map<Variation, Map<Cause, number>>();
const bump = (v: Variation, cause: Cause) => {
  const row = table.get(v) ?? new Map<Cause, number>();
  row.set(cause, (row.get(cause) ?? 0) + 1);
  table.set(v, row);
};
// Bucket positions: the bucket of one band value, with its nodes in the build's order.
const bucketCache = new Map<string, number[] | null>();
const bucketOf = (band: number, value: number, around: number) => {
  const k = `${band}:${value}:${around}`;
  if (!bucketCache.has(k)) bucketCache.set(k, x.lsh.bucket(band, value, around));
  return bucketCache.get(k)!;
};
const windowGaps: number[] = [];
for (const members of byGroup.values()) {
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const a = members[i]!;
      const b = members[j]!;
      const v = pairVariation(
        a.variation === 'distractor' ? 'original' : a.variation,
        b.variation === 'distractor' ? 'original' : b.variation,
      );
      const na = nodeOf(a);
      const nb = nodeOf(b);
      const ca = x.clusterOf[na]!;
      if (na === nb || (ca >= 0 && ca === x.clusterOf[nb])) {
        bump(v, 'grouped');
        continue;
      }
      const judged = x.same(na, nb) > 0;
      if (!judged) {
        bump(v, 'lost: judge rejects');
        continue;
      }
      if (hasEdge(na, nb)) {
        const cb = x.clusterOf[nb]!;
        const anchorA = ca >= 0 ? x.clusters.get(ca)![0]! : na;
        const anchorB = cb >= 0 ? x.clusters.get(cb)![0]! : nb;
        const anchors = x.same(anchorA, anchorB) > 0;
        bump(v, anchors ? 'lost: edge, groups not joined (clash?)' : 'lost: edge, anchors differ');
        continue;
      }
      // Never compared, though the judge accepts: which band could have shown them?
      let cause = 'lost: no band shared';
      let first = '';
      let later = false;
      for (let band = 0; band < total; band++) {
        const value = x.bandValue(na, band);
        if (value !== x.bandValue(nb, band)) continue;
        const bucket = bucketOf(band, value, na);
        const kind = band < x.lsh.shape.bands ? 'minhash' : band < total - 2 ? 'rare' : 'speaker';
        if (bucket === null) {
          if (!first) cause = `lost: every shared bucket crowded (${kind} first)`;
          continue;
        }
        const gap = Math.abs(bucket.indexOf(na) - bucket.indexOf(nb));
        if (!first) {
          windowGaps.push(gap);
          const bin =
            bucket.length < 10
              ? '<10'
              : bucket.length < 65
                ? '10-64'
                : bucket.length < 300
                  ? '65-299'
                  : '300+';
          first = `lost: window, first shared ${kind} bucket of ${bin}`;
          if (gap <= x.window) first = `lost: within the window of its first shared ${kind} bucket`;
        } else if (gap <= x.window) later = true;
      }
      if (first) cause = `${first}${later ? ', a later band within window' : ''}`;
      bump(v, cause);
    }
  }
}
for (const [v, row] of table) {
  const gold = [...row.values()].reduce((s, n) => s + n, 0);
  console.log(`\n${v}: ${gold} planted pairs`);
  for (const [cause, n] of [...row].sort((p, q) => q[1] - p[1])) {
    console.log(
      `  ${cause.padEnd(60)} ${String(n).padStart(6)}  ${((100 * n) / gold).toFixed(1)} %`,
    );
  }
}
windowGaps.sort((p, q) => p - q);
console.log(
  `\nwindow gaps (lost pairs): median ${windowGaps[windowGaps.length >> 1]}, n ${windowGaps.length}`,
);
