/**
 * How close placing an added article on kept groups comes to forming every group again (issue
 * #15, storyadd54's design): on the planted corpus, articles with a planted sentence (one per
 * planted group) are held out, the rest formed (the kept groups), and each held-out article is
 * then placed alone: candidate articles found through word postings (its sentences' rarest
 * words, as the search index's postings give them), the engine run on those and the article,
 * and each of its sentences put into the kept group of the sentence it paired with (or a new
 * group). The pairs each placed sentence then has are compared with those it has when the whole
 * corpus is formed: found, missed, extra. A diagnosis: nothing of it is in margin yet.
 *
 * node dist-bench/bench/diagnose/story-placing.js [articles] [held-out] [candidates] [rare-words]
 */

import type { StoryCluster } from '../../source/story/types.js';
import { sentenceWords } from '../../source/text/fold.js';
import {
  form,
  holdOut,
  keptArticles,
  pairKey as key,
  now,
  pairSet,
  partnersOf,
  printScore,
  score,
} from './hold-out.js';

const size = Number(process.argv[2] ?? 10_000);
const heldCount = Number(process.argv[3] ?? 100);
const candidateCount = Number(process.argv[4] ?? 300);
const rarePerSentence = Number(process.argv[5] ?? 4);
/** Words in more articles than this are not looked up (a posting list too long to help). */
const COMMON = Math.max(50, size / 50);
/** Articles taken from the end of a longer list. */
const SAMPLE = 16;

const h = holdOut(size, heldCount);
const { articles, heldAt: held, heldIds } = h;

let began = now();
const whole = form(articles);
const wholeMs = now() - began;
began = now();
const kept = form(keptArticles(h));
const keptMs = now() - began;
console.log(
  `${size} articles: formed whole in ${(wholeMs / 1000).toFixed(1)} s, without the ${held.size} held out in ${(keptMs / 1000).toFixed(1)} s`,
);

/** Each sentence's group, by `key`. */
function groupMap(clusters: readonly StoryCluster[]): Map<string, StoryCluster> {
  const map = new Map<string, StoryCluster>();
  for (const cluster of clusters)
    for (const member of cluster.members) map.set(key(member.article, member.sentence), cluster);
  return map;
}
const keptOf = groupMap(kept);

// Word postings by article (what the search index keeps, by sentence, on disk), held out not.
const postings = new Map<string, number[]>();
articles.forEach((article, at) => {
  if (held.has(at)) return;
  const seen = new Set<string>();
  for (const sentence of article.sentences)
    for (const word of sentenceWords(sentence.text)) seen.add(word);
  for (const word of seen) {
    const list = postings.get(word);
    if (list) list.push(at);
    else postings.set(word, [at]);
  }
});

/** Each held-out sentence's pairs once placed, by `key`. */
const placedPairs = new Map<string, Set<string>>();
const times: number[] = [];
const candidateSizes: number[] = [];
let lookups = 0;
for (const at of held) {
  const article = articles[at]!;
  const started = now();
  // Candidates: articles sharing a sentence's rarest words, the most shared first.
  const shared = new Map<number, number>();
  for (const sentence of article.sentences) {
    const rare = [...new Set(sentenceWords(sentence.text))]
      .map((word) => [word, postings.get(word)?.length ?? 0] as const)
      .filter(([, count]) => count > 0)
      .sort((a, b) => a[1] - b[1])
      .slice(0, rarePerSentence);
    for (const [word, count] of rare) {
      lookups++;
      // A common word's list is sampled: its end (a template sentence's group needs one member).
      const list = postings.get(word)!;
      for (const other of count <= COMMON ? list : list.slice(-SAMPLE))
        shared.set(other, (shared.get(other) ?? 0) + 1);
    }
  }
  const candidates = [...shared]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, candidateCount)
    .map(([other]) => articles[other]!);
  candidateSizes.push(candidates.length);
  const small = form([...candidates, article]);
  // Each sentence placed into the kept group of the sentence it paired with.
  const placed = new Map<number, Set<string>>();
  for (const cluster of small) {
    const own = cluster.members.filter((member) => member.article === article.id);
    const others = cluster.members.filter((member) => member.article !== article.id);
    if (own.length === 0 || others.length === 0) continue;
    // The kept group of the first member (the anchor's order) that is in one; else a new group.
    const target = others
      .map((member) => keptOf.get(key(member.article, member.sentence)))
      .find(Boolean);
    const members = new Set(
      (target ? target.members : others).map((member) => key(member.article, member.sentence)),
    );
    for (const member of others) if (!target) members.add(key(member.article, member.sentence));
    for (const member of own) placed.set(member.sentence, members);
  }
  times.push(now() - started);
  for (const [sentence, members] of placed) placedPairs.set(key(article.id, sentence), members);
}
const wholeOf = partnersOf(whole, heldIds);
let wrongGroup = 0;
let unplacedShown = 0;
const result = score(
  h,
  (article, sentence) => pairSet(wholeOf.get(key(article, sentence))),
  (article, sentence) => placedPairs.get(key(article, sentence)) ?? new Set<string>(),
  (text, got, expected, hit) => {
    if (process.env.SHOW && expected.size > 0 && got.size > 0 && hit === 0 && ++wrongGroup <= 5)
      console.log(`other group (${got.size} vs ${expected.size}): ${text}`);
    if (process.env.SHOW && expected.size > 0 && got.size === 0 && ++unplacedShown <= 8)
      console.log(`not placed (whole's group ${expected.size}): ${text}`);
  },
);
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
console.log(
  `${held.size} articles placed, ${candidateCount} candidates at most (median ${candidateSizes.sort((a, b) => a - b)[Math.floor(candidateSizes.length / 2)]}), ${rarePerSentence} rare words a sentence (${lookups} posting lists read)`,
);
printScore(result);
console.log(
  `per article, in memory (candidates, engine on them, placing): median ${median.toFixed(1)} ms, max ${times[times.length - 1]!.toFixed(1)} ms`,
);
