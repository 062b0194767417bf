/**
 * A fresh pool of real-page pairs drawn without the story engine: every pair of sentences of
 * different pages, scored by TF-IDF cosine over plain lower-case words, the pairs no row of
 * story-real-pairs.ts judges (of either set), printed by score band with their texts for judging by hand
 * before the engine's verdicts are looked at. A diagnosis: it prints the pages' text.
 *
 * node dist-bench/bench/diagnose/story-fresh.js [per-band] [seed] [min-words]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { STOPWORDS } from '../../source/corpus/stopwords.js';
import { Random } from '../generate/random.js';
import { benchmarksFolder } from '../quality/extraction-benchmark.js';
import { FRESH_PAIRS, FRESH_PAIRS_2, STORY_PAIRS } from '../quality/story-real-pairs.js';
import { pageArticle, textCheck } from '../quality/suggest-real.js';

const perBand = Number(process.argv[2] ?? 15);
/** Both sentences at least this many words and ending as a sentence: statements, not headings. */
const minWords = Number(process.argv[4] ?? 0);
const random = new Random(Number(process.argv[3] ?? 7));
const folder = path.join(benchmarksFolder(), 'article-extraction');
const truth: Record<string, { articleBody: string }> = JSON.parse(
  readFileSync(path.join(folder, 'ground-truth.json'), 'utf8'),
);
interface Sentence {
  page: string;
  at: number;
  text: string;
  terms: Map<string, number>;
}
const sentences: Sentence[] = [];
for (const [page, { articleBody }] of Object.entries(truth)) {
  const article = pageArticle(page, articleBody);
  article.sentences.forEach((sentence, at) => {
    if (
      minWords > 0 &&
      (sentence.text.split(/\s+/).length < minWords || !/[.!?]["'”’)]*$/.test(sentence.text.trim()))
    )
      return;
    const terms = new Map<string, number>();
    for (const word of sentence.text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []) {
      if (STOPWORDS.has(word)) continue;
      terms.set(word, (terms.get(word) ?? 0) + 1);
    }
    sentences.push({ page, at, text: sentence.text, terms });
  });
}
const df = new Map<string, number>();
for (const s of sentences) for (const t of s.terms.keys()) df.set(t, (df.get(t) ?? 0) + 1);
const idf = (t: string) => Math.log(sentences.length / df.get(t)!);
const norms = sentences.map((s) => {
  let sum = 0;
  for (const [t, n] of s.terms) sum += (n * idf(t)) ** 2;
  return Math.sqrt(sum);
});
const postings = new Map<string, number[]>();
sentences.forEach((s, i) => {
  for (const t of s.terms.keys()) {
    const list = postings.get(t) ?? [];
    if (list.length === 0) postings.set(t, list);
    list.push(i);
  }
});
// Every judged row, of the development set and the fresh sets alike: a new draw judges new pairs.
const judged = new Set(
  [...STORY_PAIRS, ...FRESH_PAIRS, ...FRESH_PAIRS_2].map(([a, at, , b, bt]) =>
    [`${a.slice(0, 8)}:${at}`, `${b.slice(0, 8)}:${bt}`].sort().join(' '),
  ),
);
const scored: { i: number; j: number; cosine: number }[] = [];
for (let i = 0; i < sentences.length; i++) {
  const dots = new Map<number, number>();
  for (const [t, n] of sentences[i]!.terms) {
    if (df.get(t)! > 200) continue;
    for (const j of postings.get(t)!) {
      if (j <= i || sentences[j]!.page === sentences[i]!.page) continue;
      dots.set(j, (dots.get(j) ?? 0) + n * (sentences[j]!.terms.get(t) ?? 0) * idf(t) ** 2);
    }
  }
  for (const [j, dot] of dots) {
    const cosine = dot / (norms[i]! * norms[j]! || 1);
    if (cosine < 0.25) continue;
    const key = [
      `${sentences[i]!.page.slice(0, 8)}:${sentences[i]!.at}`,
      `${sentences[j]!.page.slice(0, 8)}:${sentences[j]!.at}`,
    ]
      .sort()
      .join(' ');
    if (judged.has(key)) continue;
    scored.push({ i, j, cosine });
  }
}
const bands = [0.25, 0.35, 0.5, 0.7, 1.01];
for (let b = 0; b < bands.length - 1; b++) {
  const inBand = scored.filter((p) => p.cosine >= bands[b]! && p.cosine < bands[b + 1]!);
  for (let k = inBand.length - 1; k > 0; k--) {
    const r = Math.floor(random.next() * (k + 1));
    [inBand[k], inBand[r]] = [inBand[r]!, inBand[k]!];
  }
  console.log(
    `\n## cosine ${bands[b]}–${bands[b + 1]}: ${inBand.length} pairs, ${Math.min(perBand, inBand.length)} drawn\n`,
  );
  for (const { i, j, cosine } of inBand.slice(0, perBand)) {
    const x = sentences[i]!;
    const y = sentences[j]!;
    console.log(
      `["${x.page}", ${x.at}, "${textCheck(x.text)}", "${y.page}", ${y.at}, "${textCheck(y.text)}"] ${cosine.toFixed(2)}`,
    );
    console.log(`  A ${JSON.stringify(x.text)}`);
    console.log(`  B ${JSON.stringify(y.text)}`);
  }
}
