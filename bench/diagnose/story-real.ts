/**
 * Why the story engine groups or misses the judged pairs of the real pages
 * (`bench/quality/story-real-pairs.ts`): the 181 ground-truth bodies grouped in the bench's order
 * (seed 0) or a shuffled one, then for every judged pair grouped wrongly or missed, and with
 * `--unjudged` every grouped pair no row judges, each sentence's speakers, sources, quoted words
 * and units, the words in common with their weights, and the pair's own verdict (0: joined
 * through the group's anchor, not compared as a pair). A diagnosis: it prints the pages' text,
 * which stays out of the repository.
 *
 * node dist-bench/bench/diagnose/story-real.js [seed] [--unjudged] [--all]
 */
import path from 'node:path';
import { overlap, sameStatement } from '../../source/story/similarity.js';
import { ID_MASK, NAME_BIT, type Vocabulary } from '../../source/story/tokens.js';
import {
  comparableSentences,
  groupRealPages,
  pairKey,
  pairsAcrossArticles,
  placedPairs,
  readRealPages,
} from '../evaluate/story-real.js';
import { Random } from '../generate/random.js';
import { benchmarksFolder } from '../quality/extraction-benchmark.js';
import { FRESH_PAIRS, FRESH_PAIRS_2, STORY_PAIRS } from '../quality/story-real-pairs.js';

const seed = Number(process.argv[2] ?? 0);
const showUnjudged = process.argv.includes('--unjudged');
const showAll = process.argv.includes('--all');

const pages = readRealPages(path.join(benchmarksFolder(), 'article-extraction'));
if (pages === null) throw new Error('the article-extraction benchmark is not there');
if (seed !== 0) {
  const random = new Random(seed);
  for (let i = pages.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [pages[i], pages[j]] = [pages[j]!, pages[i]!];
  }
}
const { index, articles, checks } = groupRealPages(pages);
const vocabulary: Vocabulary = index.vocabulary;
/** The index's private tables this diagnosis reads (as story-recall.ts does). */
interface Internals {
  nodesOfOccurrences(): Int32Array;
  articleStart: { data: Int32Array };
  articleIndex: Map<string, number>;
  clusterOf: Int32Array;
  edges: { each(node: number, visit: (other: number) => unknown): void };
  window: number;
  bandValue(node: number, band: number): number;
  lsh: {
    total: number;
    shape: { bands: number };
    bucket(band: number, value: number, around?: number): number[] | null;
  };
}
const inside = index as unknown as Internals;
const nodeOf = (article: string, at: number) =>
  inside.nodesOfOccurrences()[inside.articleStart.data[inside.articleIndex.get(article)!]! + at]!;
/** For a pair not grouped: whether the build compared it (an edge) or never met it. */
function how(a: string, at: number, b: string, bt: number): string {
  const na = nodeOf(a, at);
  const nb = nodeOf(b, bt);
  let edge = false;
  inside.edges.each(na, (other) => {
    edge ||= other === nb;
    return edge;
  });
  const group = (node: number) => inside.clusterOf[node] ?? -1;
  const groupA = index.groupOf(a, at);
  const groupB = index.groupOf(b, bt);
  const anchors = [groupA, groupB].map((g) =>
    g === null ? 'none' : `${g.anchor.article}:${g.anchor.sentence}`,
  );
  const bands: string[] = [];
  for (let band = 0; band < inside.lsh.total; band++) {
    const value = inside.bandValue(na, band);
    if (value !== inside.bandValue(nb, band)) continue;
    const bucket = inside.lsh.bucket(band, value, na);
    const kind = band < inside.lsh.shape.bands ? 'minhash' : 'keyed';
    if (bucket === null) bands.push(`${kind} ${band} crowded`);
    else {
      const gap = Math.abs(bucket.indexOf(na) - bucket.indexOf(nb));
      bands.push(`${kind} ${band}: bucket of ${bucket.length}, gap ${gap}`);
    }
  }
  return `  not grouped: ${edge ? 'an edge (the groups were not joined)' : 'never compared'}; groups ${group(na)} / ${group(nb)}, anchors ${anchors.join(' / ')}; bands shared: ${bands.join(', ') || 'none'} (window ${inside.window})`;
}

const { features, comparable } = comparableSentences(articles, vocabulary);

const word = (id: number) =>
  `${id & NAME_BIT ? '^' : ''}${vocabulary.word(id)}:${vocabulary.weight(id).toFixed(1)}`;
const list = (ids: ArrayLike<number>) => Array.from(ids, word).join(' ');

function describe(article: string, at: number): string {
  const { features: f, speakers } = features(article, at);
  const text = articles.get(article)!.sentences[at]!.text;
  const lines = [`  ${article}:${at} ${JSON.stringify(text)}`];
  const extra: string[] = [];
  if (speakers.length > 0)
    extra.push(`speakers [${list(speakers)}]${f.borrowsSpeaker ? ' (borrowed)' : ''}`);
  if (f.sources.length > 0) extra.push(`sources [${list(f.sources)}]`);
  if (f.quotedWords.length > 0) extra.push(`quoted [${list(f.quotedWords)}]`);
  if (f.units.length > 0) extra.push(`units [${list(f.units)}]`);
  if (f.figures !== 0) extra.push(`figures ${f.figures}`);
  if (extra.length > 0) lines.push(`    ${extra.join('; ')}`);
  return lines.join('\n');
}

function explain(a: string, at: number, b: string, bt: number): string {
  const x = comparable(a, at);
  const y = comparable(b, bt);
  const verdict = sameStatement(x, y, vocabulary);
  const found = overlap(x.words, y.words, vocabulary);
  const common = Array.from(x.words).filter((id) =>
    Array.from(y.words).some((other) => (other & ID_MASK) === (id & ID_MASK)),
  );
  const jaccard = found.matched / (found.weightA + found.weightB - found.matched);
  const heavy = found.heavyMatched / (found.heavyA + found.heavyB - found.heavyMatched || 1);
  return [
    describe(a, at),
    describe(b, bt),
    `  verdict ${verdict.toFixed(2)}; J ${jaccard.toFixed(2)} H ${heavy.toFixed(2)}; weights ${found.weightA.toFixed(1)} / ${found.weightB.toFixed(1)}, matched ${found.matched.toFixed(1)} (names ${found.namedMatched.toFixed(1)} in ${found.namedCount}); other names ${found.otherNames}`,
    `  exact in common: ${list(common)}`,
  ].join('\n');
}

const judged = new Set<string>();
const sets = [
  { name: 'development', rows: STORY_PAIRS, grouped: 0, groupedSame: 0, same: 0 },
  { name: 'fresh', rows: FRESH_PAIRS, grouped: 0, groupedSame: 0, same: 0 },
  { name: 'fresh2', rows: FRESH_PAIRS_2, grouped: 0, groupedSame: 0, same: 0 },
];
const wrong: string[] = [];
const missed: string[] = [];
const right: string[] = [];
for (const set of sets) {
  for (const { a, at, b, bt, same, together } of placedPairs(index, checks, set.rows)) {
    judged.add(pairKey(a, at, b, bt));
    if (same) set.same++;
    if (together) set.grouped++;
    if (together && same) set.groupedSame++;
    const anchor = together
      ? ` (group ${together.id}, anchor ${together.anchor.article}:${together.anchor.sentence})`
      : '';
    const text = `[${set.name}]\n${explain(a, at, b, bt)}${anchor}`;
    if (together && !same) wrong.push(text);
    else if (!together && same) missed.push(`${text}\n${how(a, at, b, bt)}`);
    else if (together && showAll) right.push(text);
  }
}
const unjudged: string[] = [];
let groupedPairs = 0;
for (const group of index.groups()) {
  for (const [x, y] of pairsAcrossArticles(group.members)) {
    groupedPairs++;
    if (judged.has(pairKey(x.article, x.sentence, y.article, y.sentence))) continue;
    const row = `  ["${x.article}", ${x.sentence}, "${checks.get(x.article)![x.sentence]}", "${y.article}", ${y.sentence}, "${checks.get(y.article)![y.sentence]}"]`;
    unjudged.push(
      showUnjudged
        ? `${row}\n  ${JSON.stringify(articles.get(x.article)!.sentences[x.sentence]!.text)}\n  ${JSON.stringify(articles.get(y.article)!.sentences[y.sentence]!.text)}`
        : row,
    );
  }
}

for (const set of sets) {
  console.log(
    `seed ${seed} ${set.name}: ${set.groupedSame} of ${set.grouped} judged grouped pairs the same; ${set.groupedSame} of ${set.same} same grouped`,
  );
}
console.log(`seed ${seed}: ${unjudged.length} of ${groupedPairs} grouped pairs not judged`);
if (!showUnjudged) {
  console.log(`\n## ${wrong.length} wrong grouped pairs\n`);
  console.log(wrong.join('\n\n'));
  console.log(`\n## ${missed.length} missed pairs\n`);
  console.log(missed.join('\n\n'));
  if (showAll) {
    console.log(`\n## ${right.length} right grouped pairs\n`);
    console.log(right.join('\n\n'));
  }
} else {
  console.log(`\n## ${unjudged.length} grouped pairs no row judges\n`);
  console.log(unjudged.join('\n\n'));
}
