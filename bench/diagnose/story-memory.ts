/**
 * The story build's peak RSS by phase at N articles of the planted corpus: after reading, after
 * comparing (before the groups are formed) and after grouping. A diagnosis, not a measurement.
 *
 * node dist-bench/bench/diagnose/story-memory.js [articles] [workers]
 */
import { availableParallelism } from 'node:os';
import { ComparePool } from '../../source/story/parallel-compare.js';
import { readInParallel } from '../../source/story/parallel-read.js';
import { StoryIndex } from '../../source/story/story-index.js';
import { DEFAULT_SEED } from '../generate/article.js';
import { PlantedCorpus } from '../generate/planted-groups.js';

const size = Number(process.argv[2] ?? 30_000);
const workers = Number(process.argv[3] ?? availableParallelism());
const corpus = new PlantedCorpus({ seed: DEFAULT_SEED, articles: size });
const index = new StoryIndex();
const began = Date.now();
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
const report = (phase: string) => {
  const usage = process.memoryUsage();
  console.log(
    `${phase} at ${((Date.now() - began) / 1000).toFixed(1)} s: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, RSS ${mb(usage.rss)}, heap ${mb(usage.heapUsed)}, array buffers ${mb(usage.arrayBuffers)}, CPU ${(process.cpuUsage().user / 1e6).toFixed(1)} s user`,
  );
};
await readInParallel(corpus.articles(), index, workers);
report('read');
// Each pool's resident bytes (a reserved pool's spare room is not resident), and the copies'
// map: what stands beside the build's own arrays while it compares.
{
  // A list written aside as it grows holds only its entries from `base` on.
  type Pool = { data: { BYTES_PER_ELEMENT: number }; length: number; base?: number };
  const inner = index as unknown as Record<string, unknown> & {
    copies: { data: Int32Array };
    vocabulary: { words: readonly string[] };
  };
  const sizes = Object.entries(inner)
    .filter(([, value]) => typeof value === 'object' && value !== null && 'data' in value)
    .map(([name, value]) => {
      const list = value as Pool;
      return `${name} ${mb((list.length - (list.base ?? 0)) * list.data.BYTES_PER_ELEMENT)}`;
    });
  console.log(
    `pools: ${sizes.join(', ')}; copies' map ${mb(inner.copies.data.byteLength)}; ${inner.vocabulary.words.length} words`,
  );
}
const inner = index as unknown as { finish(): void };
const finish = inner.finish.bind(index);
inner.finish = () => {
  report('compared');
  finish();
};
// Candidates handed on per band.
const perBand: number[] = [];
const internals = index as unknown as {
  candidates(band: number, run: Int32Array, take: (a: number, b: number) => void): void;
};
const candidates = internals.candidates.bind(index);
internals.candidates = (band, run, take) =>
  candidates(band, run, (a, b) => {
    perBand[band] = (perBand[band] ?? 0) + 1;
    take(a, b);
  });
// Verdicts asked on the index's thread (the groups' anchors; the pairs go to the workers).
let asked = 0;
const judged = index as unknown as { same(a: number, b: number): number };
const same = judged.same.bind(index);
judged.same = (a, b) => {
  asked++;
  return same(a, b);
};
await index.buildWith(new ComparePool(workers));
console.log(
  `candidates per band: ${perBand.map((n) => (n / 1e6).toFixed(2)).join(' ')} (millions)`,
);
report('grouped');
// The groups as formed (each node's group id), to tell two builds' groups apart.
const { clusterOf, nodeFirst } = index as unknown as {
  clusterOf: Int32Array;
  nodeFirst: { length: number };
};
let groups = 0;
let fingerprint = 0;
for (let node = 0; node < nodeFirst.length; node++) {
  if (clusterOf[node] === node) groups++;
  fingerprint = (Math.imul(fingerprint, 31) + clusterOf[node]!) | 0;
}
// `groups()`, the bench's count, leaves out a group whose members all stand in one article (a
// sentence repeated within its article: one node with copies, a group of its own here).
const listed = index.groups().length;
console.log(
  `anchors asked ${asked}, groups ${groups} (${listed} of two articles or more, as groups() gives them), fingerprint ${(fingerprint >>> 0).toString(16)}`,
);
console.log(
  `${((Date.now() - began) / 1000).toFixed(1)} s, ${index.stats.candidates} candidates, ${index.stats.edges} edges, typed arrays ${mb(index.bytes)}`,
);
