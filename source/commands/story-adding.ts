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
import { articleOfKey, type WordIndex } from '../corpus/word-index.js';
import {
  type ArticleChange,
  type Basis,
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
  // The engine's lexicons from the cache folder, where making them takes most of a second.
  if (added.length + changed.length > 0) readLexicons(dirname(place.file));
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
  const index = new StoryIndex({ constraints: links });
  const fresh = new Set(articles.map((article) => article.id));
  const inIndex = new Set<string>();
  for (const id of candidatesOf(articles, words, fresh)) {
    const article = articleOf(id);
    if (!article) continue;
    index.add(article);
    inIndex.add(id);
  }
  for (const article of articles) {
    index.add(article);
    inIndex.add(article.id);
  }
  index.build();
  const groups = index
    .groups()
    .filter((group) => group.members.some((member) => fresh.has(member.article)));
  return {
    groups,
    agrees: (member, anchor) => {
      if (!inIndex.has(anchor.article)) {
        const article = articleOf(anchor.article);
        if (!article) return false;
        index.add(article);
        inIndex.add(anchor.article);
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
function candidatesOf(
  articles: readonly StoryArticle[],
  words: WordIndex,
  own: ReadonlySet<string>,
): string[] {
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
  const firsts: number[][] = [];
  for (const article of articles) {
    for (const sentence of article.sentences) {
      const rare = [...new Set(sentenceWords(sentence.text))]
        .map((word) => [word, words.frequency(word) ?? 0] as const)
        .filter(([, count]) => count > 1 && count <= LONGEST)
        .sort((a, b) => a[1] - b[1])
        .slice(0, RARE_WORDS);
      if (rare.length < 2) continue;
      const [a, b, c] = rare.map(([word]) => listOf(word));
      // The sentences holding all of its three rarest words, then two of them: a version that
      // spells one otherwise ("Witkov") still has the other two. In key order, the earliest
      // first: any of a family of copies finds its kept group.
      const two = intersect(a!, b!);
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
      const best: number[] = [];
      for (const tier of tiers) {
        if (best.length >= PER_SENTENCE) break;
        const [keys, count] = tier();
        for (const key of keys) {
          if (best.length >= PER_SENTENCE) break;
          const at = articleOfKey(table, key);
          if (at < 0 || ownPositions.has(at) || best.includes(at)) continue;
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
  const out: string[] = [];
  for (const a of chosen) {
    const id = words.articleId(a);
    if (id && !own.has(id)) out.push(id);
  }
  return out;
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
