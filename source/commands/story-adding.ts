/**
 * Articles added, changed or removed since the story groups were kept, placed on the kept groups
 * without the engine forming the corpus again (issue #15: at 100,000 articles one article added
 * had `margin index --story` form every group, 82 s, and the review show none of its
 * counterparts until then). Each added or changed article's candidates come from the corpus
 * index's postings (its sentences' rarest words); the engine runs on them and the article, and
 * each of its grouped sentences joins its partner's kept group where the engine's verdict against
 * that group's anchor allows (`SavedGroups.placeArticles`).
 */
import { dirname } from 'node:path';
import type { Article } from '../corpus/types.js';
import { articleOfKey, firstAtLeast, type WordIndex } from '../corpus/word-index.js';
import {
  type ArticleChange,
  addSentences,
  type Basis,
  type ClusterMember,
  readLexicons,
  SavedGroups,
  type StoryArticle,
  type StoryConstraint,
  StoryIndex,
} from '../story/index.js';
import { sentenceWords } from '../text/fold.js';
import type { PlacingCorpus, SavedPlace } from './story-groups.js';
import { regroup } from './story-regroup.js';

/** Articles added, changed and removed at once beyond which the groups are formed again. */
export const PLACED_AT_ONCE = 64;
/**
 * Articles placed since the engine formed the groups beyond which they are formed again: the
 * placing sees each article's candidates only, the forming the whole corpus.
 */
export function placedBound(size: number): number {
  return Math.max(PLACED_AT_ONCE, Math.floor(size / 100));
}
/**
 * Candidate articles an added one is grouped with: the engine's time grows with them, and at
 * 100,000 articles 100 found the counterparts 300 found (storyadd54, docs/readme/story.md).
 */
const CANDIDATES = 100;
/** Rarest words of each sentence looked up. */
const RARE_WORDS = 3;
/**
 * Words in more sentences than this are not looked up by sentence (decoding a list of 100,000
 * keys costs some 5 ms): a sentence with fewer than two rarer words counts by article only.
 */
const LONGEST = 100_000;
/** Rarest words of each sentence whose articles count (`candidatesOf`, by article). */
const ARTICLE_WORDS = 4;
/** Keys read of a word in more sentences than `common` (the first of its list). */
const SAMPLE = 16;
/** Articles each sentence counts toward, and those taken for it first. */
const PER_SENTENCE = 24;
const FIRST_EACH = 3;
/**
 * Sentences of a candidate article found by its articles' count alone (`note`'s `capped`) that
 * are compared with the added ones.
 */
const SENTENCES_EACH = 8;
/** Rarest words of each sentence whose sentences are scored (`scoredSentences`). */
const SCORED_WORDS = 8;
/**
 * Words in more sentences than this are not scored: the time grows with their lists. At 10,000
 * planted articles, 4,096 found the counterparts of 90 of 98 held-out planted sentences, 2,048
 * of 86, the three rarest words' tiers alone of 74 (`bench/diagnose/story-candidates.ts`).
 */
const SCORED_MOST = 4096;
/** Best-scored sentences of each sentence whose articles are candidates. */
const SCORED_BEST = 12;
/**
 * Sentences of each candidate article that hold the two rarest words of an added sentence of
 * common words only, compared with the sentences found (`candidatesOf`). At 100,000 articles
 * (place57): 22 of 146 grouped sentences of 10 held-out articles in the whole forming's
 * group, against 18 without; taken for every added sentence, the same at 100,000 but the
 * planted hold-out's precision of all pairs at 10,000 fell from 0.985 to 0.973.
 */
const SHARING_EACH = 2;

/** How articles written since were placed, or why they were not (the groups formed again). */
export type ArticlesPlaced =
  | { placed: number; seconds: number }
  | { tooMany: number; since: boolean; bound: number };

/**
 * Places on the groups kept at `place` (open as `saved`, which this closes) the articles the
 * corpus index wrote since their `Basis.numbers`, when the groups stand for `standsFor` and
 * those articles are few. Null when nothing could be placed: an older file without numbers, a
 * corpus index that cannot say what it wrote, or a cache folder that cannot be written.
 */
export function placeWritten(
  saved: SavedGroups,
  basis: Basis,
  place: SavedPlace,
  standsFor: readonly StoryConstraint[],
  articleOf: (id: string) => StoryArticle | undefined,
): ArticlesPlaced | null {
  const started = performance.now();
  const { corpus } = place;
  if (basis.numbers === undefined || !corpus || !saved.formedByThisEngine()) {
    saved.close();
    return null;
  }
  const written = corpus.writtenSince(basis.numbers);
  const kept = saved.articleCount();
  const added: string[] = [];
  const changed: Array<[string, string]> = [];
  let keptAmongWritten = 0;
  for (const [id, hash] of written.since) {
    const was = saved.hashOf(id);
    if (was !== undefined) keptAmongWritten++;
    // Read again unchanged (a file touched): nothing to place.
    if (was === hash) continue;
    if (was === undefined) added.push(id);
    else changed.push([id, hash]);
  }
  // Those not written since were all there when the groups were formed or last placed on.
  const removedCount = kept - (written.size - written.since.length) - keptAmongWritten;
  // Articles the corpus had then that the groups do not name: not what this file was kept for.
  if (removedCount < 0) {
    saved.close();
    return null;
  }
  const count = added.length + changed.length + removedCount;
  if (count > PLACED_AT_ONCE) {
    saved.close();
    return { tooMany: count, since: false, bound: PLACED_AT_ONCE };
  }
  const bound = placedBound(written.size);
  if (count > 0 && saved.articlesPlaced() + count > bound) {
    saved.close();
    return { tooMany: saved.articlesPlaced() + count, since: true, bound };
  }
  const removed = removedCount > 0 ? removedArticles(saved, corpus) : [];
  saved.close();
  // The engine's lexicons from the cache folder, where making them takes most of a second: a
  // removal's groups are formed again by the engine too.
  if (count > 0) readLexicons(dirname(place.file));
  const fresh = new Set([...added, ...changed.map(([id]) => id)]);
  const articles = [...fresh].flatMap((id) => articleOf(id) ?? []);
  const engine = engineOn(articles, corpus.words, articleOf, standsFor);
  const change: ArticleChange = {
    generation: place.generation,
    numbers: written.last,
    from: basis.numbers,
    out: [...changed.map(([id]) => id), ...removed],
    hashes: [
      ...articles.map((article) => [article.id, hashOf(article, place)] as const),
      ...removed.map((id) => [id, null] as const),
    ],
    groups: engine.groups,
    isNew: (article) => fresh.has(article),
    agrees: engine.agrees,
    before: (member, anchor) => anchorBefore(member, anchor, articleOf),
    regroup: (members) => regroup(members, articleOf, standsFor),
  };
  try {
    SavedGroups.placeArticles(place.file, change);
  } catch {
    // A cache folder that cannot be written: the groups as kept.
    return null;
  }
  return { placed: count, seconds: (performance.now() - started) / 1000 };
}

/**
 * Whether `member` comes before `anchor` in the engine's anchor order: dated earlier (undated
 * last), then by article id and position (`compareAnchor`).
 */
function anchorBefore(
  member: ClusterMember,
  anchor: ClusterMember,
  articleOf: (id: string) => StoryArticle | undefined,
): boolean {
  const a = articleOf(member.article)?.date ?? null;
  const b = articleOf(anchor.article)?.date ?? null;
  if (a !== b) {
    if (a === null) return false;
    if (b === null) return true;
    return a < b;
  }
  if (member.article !== anchor.article) return member.article < anchor.article;
  return member.sentence < anchor.sentence;
}

/** The hash an article was read with, as the corpus index keeps it. */
function hashOf(article: StoryArticle, place: SavedPlace): string {
  return (article as Partial<Article>).hash ?? place.hashOf(article.id) ?? '';
}

/** The articles the groups stand for that the corpus no longer holds. */
function removedArticles(saved: SavedGroups, corpus: PlacingCorpus): string[] {
  const present = new Set(corpus.ids());
  const gone: string[] = [];
  for (const [id] of saved.articleHashes()) if (!present.has(id)) gone.push(id);
  return gone;
}

/**
 * The engine on `articles` and their candidates: its groups that hold a sentence of one of
 * them, and its verdict on one of their sentences and a kept group's anchor (whose article
 * joins the engine when it is not among the candidates).
 */
function engineOn(
  articles: readonly StoryArticle[],
  words: WordIndex,
  articleOf: (id: string) => StoryArticle | undefined,
  links: readonly StoryConstraint[],
): Pick<ArticleChange, 'groups' | 'agrees'> {
  const fresh = new Set(articles.map((article) => article.id));
  // Only the pairs of the components that hold the articles' sentences are compared: the
  // groups read here are theirs, as the whole build forms them.
  const index = new StoryIndex({ constraints: links, around: fresh });
  // Each article in the index with the sentences worked out (null: all of them).
  const inIndex = new Map<string, Set<number> | null>();
  for (const [id, sentences] of candidatesOf(articles, words, fresh)) {
    const article = articleOf(id);
    if (!article) continue;
    addSentences(index, article, sentences);
    inIndex.set(id, new Set(sentences));
  }
  for (const article of articles) {
    index.add(article);
    inIndex.set(article.id, null);
  }
  index.build();
  const groups = index
    .groups()
    .filter((group) => group.members.some((member) => fresh.has(member.article)));
  return {
    groups,
    agrees: (member, anchor) => {
      const worked = inIndex.get(anchor.article);
      if (worked === undefined || (worked !== null && !worked.has(anchor.sentence))) {
        // The anchor's sentence worked out too (its article added, or added again with it).
        const article = articleOf(anchor.article);
        if (!article) return false;
        const sentences = new Set(worked ?? []).add(anchor.sentence);
        addSentences(index, article, sentences);
        inIndex.set(anchor.article, sentences);
      }
      return index.agrees(member, anchor);
    },
  };
}

/**
 * The articles most likely to hold `articles`' counterparts, by sentence: for each sentence, the
 * sentences that hold its three rarest words (in another sentence too, each in at most
 * `LONGEST` sentences), then two of them, whose
 * articles count toward the sentence's best (`PER_SENTENCE`). Each sentence's best
 * `FIRST_EACH` articles are taken first, so that a sentence of common words keeps its own
 * candidates beside one of rare names; then the others, most counted first (each article
 * holding one of a sentence's `ARTICLE_WORDS` rarest words counts too), up to `CANDIDATES`. On the generated corpus at 100,000 articles, candidates by article (the articles
 * with most of the article's rarest words) left 110 of 155 grouped sentences of 10 held-out
 * articles without their kept group: template sentences of common words only.
 */
export function candidatesOf(
  articles: readonly StoryArticle[],
  words: WordIndex,
  own: ReadonlySet<string>,
): Map<string, number[]> {
  const table = words.articleTable();
  const ownPositions = new Set<number>();
  for (const article of articles) {
    const first = article.sentences[0];
    const key = first ? words.locate(article.id, first.id) : undefined;
    if (key !== undefined) ownPositions.add(articleOfKey(table, key));
  }
  const lists = new Map<string, Uint32Array>();
  const listOf = (word: string) => {
    let list = lists.get(word);
    if (!list) {
      list = words.postings(word);
      lists.set(word, list);
    }
    return list;
  };
  const total = new Map<number, number>();
  // The sentences found in each article: those the engine compares.
  const found = new Map<number, Set<number>>();
  // Each added sentence's own finds are bounded by their loops (`SCORED_BEST`, `PER_SENTENCE`):
  // all kept, so a copy of a 20-sentence article compares all 20 (capped per article, the
  // first 8 alone were compared and the rest never placed: review56-b). The by-article count's
  // finds are capped.
  const note = (at: number, key: number, capped = false) => {
    let set = found.get(at);
    if (!set) {
      set = new Set();
      found.set(at, set);
    }
    if (!capped || set.size < SENTENCES_EACH) set.add(key - table.firsts[at]!);
  };
  const firsts: number[][] = [];
  // Per added sentence, the sentences holding its two rarest words: those of the candidates
  // chosen are compared too (`SHARING_EACH`).
  const sharing: Uint32Array[] = [];
  const scores = new Float32Array(Math.max(table.keyLimit, 2));
  const skip = (key: number) => {
    const at = articleOfKey(table, key);
    return at < 0 || ownPositions.has(at);
  };
  for (const article of articles) {
    for (const sentence of article.sentences) {
      const unique = [...new Set(sentenceWords(sentence.text))].map(
        (word) => [word, words.frequency(word) ?? 0] as const,
      );
      const best: number[] = [];
      for (const key of scoredSentences(unique, table, listOf, scores, skip)) {
        const at = articleOfKey(table, key);
        note(at, key);
        if (best.includes(at)) continue;
        best.push(at);
        total.set(at, (total.get(at) ?? 0) + 3);
      }
      const rare = unique
        .filter(([, count]) => count > 1 && count <= LONGEST)
        .sort((a, b) => a[1] - b[1])
        .slice(0, RARE_WORDS);
      if (rare.length < 2) {
        if (best.length > 0) firsts.push(best.slice(0, FIRST_EACH));
        continue;
      }
      const [a, b, c] = rare.map(([word]) => listOf(word));
      // The sentences holding all of its three rarest words, then two of them: a version that
      // spells one otherwise ("Witkov") still has the other two. In key order, the earliest
      // first: any of a family of copies finds its kept group.
      const two = intersect(a!, b!);
      // Of a sentence of common words only, which scoring cannot find (a template's).
      if (two.length > 0 && !unique.some(([, count]) => count > 1 && count <= SCORED_MOST))
        sharing.push(two);
      const tiers: Array<() => readonly [Uint32Array, number]> = c
        ? [
            () => [intersect(two, c), 3] as const,
            () => [two, 2] as const,
            () => [intersect(a!, c), 2] as const,
            () => [intersect(b!, c), 2] as const,
          ]
        : [() => [two, 2] as const];
      // Then its rarest word's: a rewording may share no more.
      tiers.push(() => [a!, 1] as const);
      for (const tier of tiers) {
        if (best.length >= PER_SENTENCE) break;
        const [keys, count] = tier();
        for (const key of keys) {
          if (best.length >= PER_SENTENCE) break;
          const at = articleOfKey(table, key);
          if (at < 0 || ownPositions.has(at)) continue;
          note(at, key);
          if (best.includes(at)) continue;
          best.push(at);
          total.set(at, (total.get(at) ?? 0) + count);
        }
      }
      firsts.push(best.slice(0, FIRST_EACH));
    }
  }
  // By article too, as the rest are filled: each of a sentence's rarest words counts every
  // article holding it once (a word in more than `COMMON` sentences, its first `SAMPLE`).
  const common = Math.max(50, table.length / 50);
  const looked = new Set<string>();
  for (const article of articles) {
    for (const sentence of article.sentences) {
      const rare = [...new Set(sentenceWords(sentence.text))]
        .map((word) => [word, words.frequency(word) ?? 0] as const)
        .filter(([word, count]) => count > 1 && !looked.has(word))
        .sort((a, b) => a[1] - b[1])
        .slice(0, ARTICLE_WORDS);
      for (const [word, count] of rare) {
        looked.add(word);
        let keys: Uint32Array;
        if (count <= common) keys = listOf(word);
        else {
          const runs = words.postingRuns?.(word) ?? [listOf(word)];
          const first = runs[Symbol.iterator]().next();
          keys = first.done ? new Uint32Array(0) : first.value.subarray(0, SAMPLE);
        }
        let previous = -1;
        for (const key of keys) {
          const at = articleOfKey(table, key);
          if (at < 0 || at === previous || ownPositions.has(at)) continue;
          previous = at;
          note(at, key, true);
          total.set(at, (total.get(at) ?? 0) + 1);
        }
      }
    }
  }
  const chosen = new Set<number>();
  for (const best of firsts) for (const a of best) if (chosen.size < CANDIDATES) chosen.add(a);
  const ranked = [...total].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (const [a] of ranked) {
    if (chosen.size >= CANDIDATES) break;
    chosen.add(a);
  }
  // A candidate's sentences that hold the two rarest words of an added sentence of common
  // words only (a template sentence's family) are compared with it too, and no others of its:
  // a candidate chosen for one sentence often holds a version of such another, which comparing
  // only the sentences found left apart (place56: 18 of 146 grouped sentences in the forming's
  // group at 100,000, against 24 comparing whole candidates, whose precision fell).
  for (const a of chosen) {
    const from = table.firsts[a]!;
    const to = from + table.counts[a]!;
    for (const list of sharing) {
      let at = firstAtLeast(list, from);
      for (let taken = 0; at < list.length && list[at]! < to && taken < SHARING_EACH; at++) {
        note(a, list[at]!);
        taken++;
      }
    }
  }
  const out = new Map<string, number[]>();
  for (const a of chosen) {
    const id = words.articleId(a);
    if (id && !own.has(id)) out.set(id, [...(found.get(a) ?? [])]);
  }
  return out;
}

/**
 * The keys of the `SCORED_BEST` sentences that share most of a sentence's `SCORED_WORDS` rarest
 * words (`unique`, with their counts; each in at most `SCORED_MOST` sentences), each word
 * weighing by how rare it is: best first, those `skip` refuses left out. `scores`: zero for every
 * key, and so again after.
 */
function scoredSentences(
  unique: ReadonlyArray<readonly [string, number]>,
  table: ReturnType<WordIndex['articleTable']>,
  listOf: (word: string) => Uint32Array,
  scores: Float32Array,
  skip: (key: number) => boolean,
): number[] {
  const chosen = unique
    .filter(([, count]) => count > 1 && count <= SCORED_MOST)
    .sort((a, b) => a[1] - b[1])
    .slice(0, SCORED_WORDS);
  if (chosen.length === 0) return [];
  const sentences = Math.max(table.keyLimit, 2);
  const touched: number[] = [];
  for (const [word, count] of chosen) {
    const weight = Math.log(sentences / count);
    for (const key of listOf(word)) {
      if (key >= scores.length) continue;
      if (scores[key] === 0) touched.push(key);
      scores[key] = scores[key]! + weight;
    }
  }
  const ranked = touched
    .map((key) => [key, scores[key]!] as const)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (const key of touched) scores[key] = 0;
  const best: number[] = [];
  for (const [key] of ranked) {
    if (best.length >= SCORED_BEST) break;
    if (!skip(key)) best.push(key);
  }
  return best;
}

/** The keys of two ascending lists that are in both. */
function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let count = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out[count++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, count);
}
