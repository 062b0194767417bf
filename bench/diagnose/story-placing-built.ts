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
import { SavedGroups, StoryIndex } from '../../source/story/index.js';
import type { StoryArticle, StoryCluster } from '../../source/story/types.js';
import { DEFAULT_SEED } from '../generate/article.js';
import { PlantedCorpus, plantedKey } from '../generate/planted-groups.js';

const size = Number(process.argv[2] ?? 10_000);
const heldCount = Number(process.argv[3] ?? 100);

const now = (): number => Number(process.hrtime.bigint()) / 1e6;
const corpus = new PlantedCorpus({ seed: DEFAULT_SEED, articles: size });
const articles: StoryArticle[] = [...corpus.articles()];

// As story-placing.ts: one held-out article per planted group, its planted sentence no original.
const held: number[] = [];
const groupsTaken = new Set<number>();
for (const sentence of corpus.planted.values()) {
  if (held.length >= heldCount) break;
  if (sentence.variation === 'original' || sentence.variation === 'distractor') continue;
  if (groupsTaken.has(sentence.group) || held.includes(sentence.article)) continue;
  groupsTaken.add(sentence.group);
  held.push(sentence.article);
}
const heldIds = new Set(held.map((at) => articles[at]!.id));
const key = (article: string, sentence: number) => `${article}#${sentence}`;

function form(list: readonly StoryArticle[]): StoryCluster[] {
  const index = new StoryIndex();
  for (const article of list) index.add(article);
  index.build();
  return index.groups();
}

let began = now();
const whole = form(articles);
const wholeMs = now() - began;
began = now();
const kept = form(articles.filter((article) => !heldIds.has(article.id)));
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
  articles.filter((a) => !heldIds.has(a.id)).map((a): [string, string] => [a.id, hash(a.id)]),
);
const present = new Set(articles.filter((a) => !heldIds.has(a.id)).map((a) => a.id));
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

/** Each sentence's partners, held-out articles left out. */
function partnersOf(clusters: Iterable<StoryCluster>): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const cluster of clusters) {
    const others = cluster.members.filter((m) => !heldIds.has(m.article));
    for (const member of cluster.members) {
      if (!heldIds.has(member.article)) continue;
      map.set(
        key(member.article, member.sentence),
        new Set(others.map((m) => key(m.article, m.sentence))),
      );
    }
  }
  return map;
}
const saved = SavedGroups.read(file)!;
const placed = partnersOf(saved.clusters());
saved.close();
const wholeOf = partnersOf(whole);
const all = { found: 0, missed: 0, extra: 0 };
const planted = { found: 0, missed: 0, extra: 0, sentences: 0, placed: 0 };
const sentences = { whole: 0, placed: 0, noneShared: 0 };
for (const at of held) {
  const article = articles[at]!;
  for (let sentence = 0; sentence < article.sentences.length; sentence++) {
    const expected = wholeOf.get(key(article.id, sentence)) ?? new Set<string>();
    const got = placed.get(key(article.id, sentence)) ?? new Set<string>();
    let hit = 0;
    for (const each of got) if (expected.has(each)) hit++;
    all.found += hit;
    all.extra += got.size - hit;
    all.missed += expected.size - hit;
    if (expected.size > 0) sentences.whole++;
    if (got.size > 0) sentences.placed++;
    if (expected.size > 0 && got.size > 0 && hit === 0) sentences.noneShared++;
    const plant = corpus.planted.get(plantedKey(at, sentence));
    if (plant && plant.variation !== 'distractor') {
      planted.sentences++;
      if (got.size > 0) planted.placed++;
      planted.found += hit;
      planted.extra += got.size - hit;
      planted.missed += expected.size - hit;
    }
  }
}
rmSync(folder, { recursive: true, force: true });
times.sort((a, b) => a - b);
console.log(
  `the ${planted.sentences} planted sentences (${planted.placed} placed in a group): found ${planted.found}, missed ${planted.missed}, extra ${planted.extra}`,
);
console.log(
  `all pairs: found ${all.found}, missed ${all.missed}, extra ${all.extra} (recall ${(all.found / Math.max(1, all.found + all.missed)).toFixed(3)}, precision ${(all.found / Math.max(1, all.found + all.extra)).toFixed(3)})`,
);
console.log(
  `sentences in a group: whole ${sentences.whole}, placed ${sentences.placed}, placed in a group sharing no member with the whole's ${sentences.noneShared}`,
);
console.log(
  `per article (placeWritten, the kept groups in SQLite): median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, max ${times[times.length - 1]!.toFixed(0)} ms`,
);
