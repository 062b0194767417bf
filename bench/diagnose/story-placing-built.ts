/**
 * How close margin's placing of added articles on kept groups (`placeWritten`,
 * `SavedGroups.placeArticles`) comes to forming every group again, on the planted corpus: as
 * `story-placing.ts` (storyadd54's diagnosis of the design), with the code margin runs. Articles
 * with a planted sentence (one per planted group, none an original) are held out, the rest
 * formed and kept in a file, and the held-out articles are added back one at a time, each placed
 * as `margin index --story` places it: its candidates from the postings of a word index over the
 * corpus (held-out articles not yet added are not read), the engine on those and the article,
 * the verdict against the kept group's anchor. Then each held-out sentence's partners in the
 * placed groups are compared with those the whole corpus formed at once gives it, held-out
 * articles left out of both: found, missed, extra; the planted sentences apart.
 *
 * node dist-bench/bench/diagnose/story-placing-built.js [articles] [held-out]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { placeWritten } from '../../source/commands/story-adding.js';
import type { PlacingCorpus, SavedPlace } from '../../source/commands/story-groups.js';
import { memoryWordIndex } from '../../source/corpus/memory-word-index.js';
import type { Article } from '../../source/corpus/types.js';
import { SavedGroups } from '../../source/story/index.js';
import {
  form,
  holdOut,
  keptArticles,
  now,
  pairKey,
  pairSet,
  partnersOf,
  printScore,
  score,
} from './hold-out.js';

const size = Number(process.argv[2] ?? 10_000);
const heldCount = Number(process.argv[3] ?? 100);

const h = holdOut(size, heldCount);
const { articles, held, heldIds } = h;

let began = now();
const whole = form(articles);
const wholeMs = now() - began;
began = now();
const kept = form(keptArticles(h));
const keptMs = now() - began;
console.log(
  `${size} articles: formed whole in ${(wholeMs / 1000).toFixed(1)} s, without the ${held.length} held out in ${(keptMs / 1000).toFixed(1)} s`,
);

const folder = mkdtempSync(join(tmpdir(), 'margin-placing-built-'));
const file = join(folder, 'corpus.sqlite.story');
const hash = (id: string) => `h-${id}`;
// Article numbers: the corpus's own place, each added article one past the last.
SavedGroups.save(
  file,
  { generation: 'g0', links: [], numbers: size - 1 },
  kept,
  keptArticles(h).map((a): [string, string] => [a.id, hash(a.id)]),
);
const present = new Set(keptArticles(h).map((a) => a.id));
const byId = new Map(articles.map((a) => [a.id, a]));
const added: string[] = [];
// The word index over every article: postings of held-out articles not yet added find them as
// candidates, which are then not read (`articleOf`), as a removed article's keys are.
const words = memoryWordIndex(articles.map((a) => ({ ...a, title: '' }) as unknown as Article));
const placing: PlacingCorpus = {
  writtenSince: (number) => ({
    size: present.size,
    last: size - 1 + added.length,
    since: added
      .slice(Math.max(0, number - (size - 1)))
      .map((id): [string, string] => [id, hash(id)]),
  }),
  ids: () => [...present],
  words,
};
const articleOf = (id: string) => (present.has(id) ? byId.get(id) : undefined);
const times: number[] = [];
for (const at of held) {
  const id = articles[at]!.id;
  present.add(id);
  added.push(id);
  const place: SavedPlace = {
    file,
    generation: `g${added.length}`,
    size: present.size,
    hashOf: (each) => (present.has(each) ? hash(each) : undefined),
    numbers: size - 1 + added.length,
    corpus: placing,
  };
  const saved = SavedGroups.read(file)!;
  const basis = saved.basis()!;
  const started = now();
  const outcome = placeWritten(saved, basis, place, [], articleOf);
  times.push(now() - started);
  if (!outcome || !('placed' in outcome)) throw new Error(`not placed: ${JSON.stringify(outcome)}`);
}

const saved = SavedGroups.read(file)!;
const placed = partnersOf(saved.clusters(), heldIds);
saved.close();
const wholeOf = partnersOf(whole, heldIds);
const result = score(
  h,
  (article, sentence) => pairSet(wholeOf.get(pairKey(article, sentence))),
  (article, sentence) => pairSet(placed.get(pairKey(article, sentence))),
);
rmSync(folder, { recursive: true, force: true });
times.sort((a, b) => a - b);
printScore(result);
console.log(
  `per article (placeWritten, the kept groups in SQLite): median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, max ${times[times.length - 1]!.toFixed(0)} ms`,
);
