/**
 * What the largest connected component of the story build holds at N articles of the planted
 * corpus: how many nodes and sentences, how many articles each node occurs in, its commonest
 * texts, its edges and the groups formed in it. A diagnosis, not a measurement.
 *
 * node dist-bench/bench/diagnose/story-template.js [articles] [workers] [shown]
 */
import { availableParallelism } from 'node:os';
import { ComparePool } from '../../source/story/parallel-compare.js';
import { readInParallel } from '../../source/story/parallel-read.js';
import { StoryIndex } from '../../source/story/story-index.js';
import { DEFAULT_SEED } from '../generate/article.js';
import { PlantedCorpus } from '../generate/planted-groups.js';

const size = Number(process.argv[2] ?? 10_000);
const workers = Number(process.argv[3] ?? availableParallelism());
const shown = Number(process.argv[4] ?? 30);
const corpus = new PlantedCorpus({ seed: DEFAULT_SEED, articles: size });
const texts: string[][] = [];
const sources: string[] = [];
function* remembered() {
  for (const article of corpus.articles()) {
    texts.push(article.sentences.map((sentence) => sentence.text));
    sources.push(article.source ?? '');
    yield article;
  }
}
const index = new StoryIndex();
await readInParallel(remembered(), index, workers);
await index.buildWith(new ComparePool(workers));

const inner = index as unknown as {
  nodeFirst: { length: number; data: Int32Array };
  nodeCount: { data: Int32Array };
  occurrenceNext: { data: Int32Array };
  articleStart: { data: Int32Array };
  clusterOf: Int32Array;
  edges: { each(node: number, visit: (other: number, score: number) => boolean | undefined): void };
  articleOf(occurrence: number): number;
};
const nodes = inner.nodeFirst.length;
const parent = new Int32Array(nodes);
for (let i = 0; i < nodes; i++) parent[i] = i;
const find = (i: number): number => {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
};
let halves = 0;
for (let node = 0; node < nodes; node++) {
  if (inner.nodeCount.data[node]! <= 0) continue;
  inner.edges.each(node, (other) => {
    halves++;
    const a = find(node);
    const b = find(other);
    if (a !== b) parent[a] = b;
    return false;
  });
}
const componentSize = new Map<number, number>();
for (let node = 0; node < nodes; node++) {
  if (inner.nodeCount.data[node]! <= 0) continue;
  const root = find(node);
  componentSize.set(root, (componentSize.get(root) ?? 0) + 1);
}
const largest = [...componentSize.entries()].sort((x, y) => y[1] - x[1]);
console.log(
  `${nodes} nodes, ${halves / 2} edges; largest components: ${largest
    .slice(0, 8)
    .map(([, n]) => n)
    .join(', ')}`,
);
const root = largest[0]![0];
const members: number[] = [];
for (let node = 0; node < nodes; node++) {
  if (inner.nodeCount.data[node]! > 0 && find(node) === root) members.push(node);
}
const textOf = (node: number) => {
  const at = inner.nodeFirst.data[node]!;
  const article = inner.articleOf(at);
  return texts[article]![at - inner.articleStart.data[article]!]!;
};
const articlesOf = (node: number) => {
  const out = new Set<number>();
  for (let at = inner.nodeFirst.data[node]!; at !== -1; at = inner.occurrenceNext.data[at]!) {
    out.add(inner.articleOf(at));
  }
  return out;
};
let sentences = 0;
let edges = 0;
const articles = new Set<number>();
const perArticleHistogram = new Map<number, number>();
const shape = new Map<string, number>();
for (const node of members) {
  sentences += inner.nodeCount.data[node]!;
  const own = articlesOf(node);
  for (const article of own) articles.add(article);
  perArticleHistogram.set(own.size, (perArticleHistogram.get(own.size) ?? 0) + 1);
  inner.edges.each(node, () => {
    edges++;
    return false;
  });
  // The sentence's shape: its words with figures and capitalised words as slots.
  const key = textOf(node)
    .replace(/[0-9][0-9,.:]*/g, '#')
    .replace(/\b[A-Z][\p{L}'’-]*/gu, 'N');
  shape.set(key, (shape.get(key) ?? 0) + 1);
}
const groups = new Map<number, number>();
for (const node of members) {
  const id = inner.clusterOf[node]!;
  groups.set(id, (groups.get(id) ?? 0) + 1);
}
const groupSizes = new Map<number, number>();
for (const count of groups.values()) groupSizes.set(count, (groupSizes.get(count) ?? 0) + 1);
console.log(
  `largest: ${members.length} nodes, ${sentences} sentences in ${articles.size} of ${size} articles, ${edges / 2} edges; ${groups.size} groups`,
);
console.log(
  `nodes by articles they occur in: ${[...perArticleHistogram.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([k, v]) => `${k}:${v}`)
    .join(' ')}`,
);
console.log(
  `group sizes (size:count): ${[...groupSizes.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([k, v]) => `${k}:${v}`)
    .join(' ')}`,
);
console.log(`${shape.size} shapes; the commonest:`);
for (const [key, count] of [...shape.entries()].sort((x, y) => y[1] - x[1]).slice(0, shown)) {
  console.log(`${String(count).padStart(7)}  ${key}`);
}
console.log('some texts:');
for (let i = 0; i < Math.min(shown, members.length); i += 1) {
  const node = members[Math.floor((i * members.length) / shown)]!;
  let degree = 0;
  inner.edges.each(node, () => {
    degree++;
    return false;
  });
  console.log(`  [${inner.nodeCount.data[node]} copies, ${degree} edges] ${textOf(node)}`);
}
