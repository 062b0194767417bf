/**
 * Whether an added article's candidates (`candidatesOf` in `story-adding.ts`) hold its
 * counterparts, on the planted corpus, without the engine: articles held out as in
 * `story-placing-built.ts`, the whole corpus formed once, and each held-out sentence that the
 * whole forming groups counted as covered when the article of one of its partners there (other
 * held-out articles left out) is among the candidates. The planted sentences apart. Placing
 * cannot join a sentence to its group when no partner's article is a candidate.
 *
 * node dist-bench/bench/diagnose/story-candidates.js [articles] [held-out]
 */
import { candidatesOf } from '../../source/commands/story-adding.js';
import { memoryWordIndex } from '../../source/corpus/memory-word-index.js';
import type { Article } from '../../source/corpus/types.js';
import { plantedKey } from '../generate/planted-groups.js';
import { form, holdOut, now, pairKey, partnersOf } from './hold-out.js';

const size = Number(process.argv[2] ?? 10_000);
const heldCount = Number(process.argv[3] ?? 100);
const show = Number(process.env.SHOW ?? 0);

const h = holdOut(size, heldCount);
const { corpus, articles, held } = h;
/** Each held-out sentence's partners' articles in the whole forming (held-out ones left out). */
const partners = partnersOf(form(articles), h.heldIds);
const byId = new Map(articles.map((a) => [a.id, a]));
const words = memoryWordIndex(articles.map((a) => ({ ...a, title: '' }) as unknown as Article));
const all = { sentences: 0, covered: 0 };
const planted = { sentences: 0, covered: 0 };
const times: number[] = [];
let count = 0;
let shown = 0;
for (const at of held) {
  const article = articles[at]!;
  const began = now();
  const chosen = new Set(candidatesOf([article], words, new Set([article.id])).keys());
  times.push(now() - began);
  count += chosen.size;
  for (let sentence = 0; sentence < article.sentences.length; sentence++) {
    const theirs = partners.get(pairKey(article.id, sentence));
    if (!theirs) continue;
    const covered = theirs.some((m) => chosen.has(m.article));
    all.sentences++;
    if (covered) all.covered++;
    const plant = corpus.planted.get(plantedKey(at, sentence));
    if (!plant && !covered && shown < Number(process.env.SHOWALL ?? 0)) {
      shown++;
      console.log(`MISSED background (${theirs.length}): ${article.sentences[sentence]!.text}`);
      for (const m of theirs.slice(0, 3))
        console.log(`   partner: ${byId.get(m.article)!.sentences[m.sentence]!.text}`);
    }
    if (plant && plant.variation !== 'distractor') {
      planted.sentences++;
      if (covered) planted.covered++;
      else if (shown < show) {
        shown++;
        console.log(`MISSED (${plant.variation}): ${article.sentences[sentence]!.text}`);
        for (const m of theirs.slice(0, 4))
          console.log(`   partner: ${byId.get(m.article)!.sentences[m.sentence]!.text}`);
      }
    }
  }
}
times.sort((a, b) => a - b);
console.log(
  `${size} articles, ${held.length} held out: planted sentences covered ${planted.covered} / ${planted.sentences}; all grouped sentences covered ${all.covered} / ${all.sentences}; candidates ${(count / held.length).toFixed(0)} an article; candidatesOf median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms, max ${times[times.length - 1]!.toFixed(1)} ms`,
);
