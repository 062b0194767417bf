/**
 * The planted hold-out the placing diagnoses share (`story-placing.ts`, `story-placing-built.ts`,
 * `story-candidates.ts`): the planted corpus, one article held out per planted group (its planted
 * sentence no original and no distractor), the corpus formed whole, and each held-out sentence's
 * pairs scored against the whole forming's, held-out articles left out of both.
 */
import { StoryIndex } from '../../source/story/index.js';
import type { StoryArticle, StoryCluster } from '../../source/story/types.js';
import { DEFAULT_SEED } from '../generate/article.js';
import { PlantedCorpus, plantedKey } from '../generate/planted-groups.js';

export const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** A sentence's key in the pair sets: `article#sentence`. */
export const pairKey = (article: string, sentence: number): string => `${article}#${sentence}`;

export interface HoldOut {
  size: number;
  corpus: PlantedCorpus;
  articles: StoryArticle[];
  /** The held-out articles' places in `articles`, in the planted groups' order. */
  held: number[];
  heldAt: Set<number>;
  heldIds: Set<string>;
}

/** `count` articles held out of a planted corpus of `size`, one per planted group. */
export function holdOut(size: number, count: number): HoldOut {
  const corpus = new PlantedCorpus({ seed: DEFAULT_SEED, articles: size });
  const articles: StoryArticle[] = [...corpus.articles()];
  const held: number[] = [];
  const heldAt = new Set<number>();
  const groupsTaken = new Set<number>();
  for (const sentence of corpus.planted.values()) {
    if (held.length >= count) break;
    if (sentence.variation === 'original' || sentence.variation === 'distractor') continue;
    if (groupsTaken.has(sentence.group) || heldAt.has(sentence.article)) continue;
    groupsTaken.add(sentence.group);
    held.push(sentence.article);
    heldAt.add(sentence.article);
  }
  const heldIds = new Set(held.map((at) => articles[at]!.id));
  return { size, corpus, articles, held, heldAt, heldIds };
}

/** The story groups of `list`, formed at once. */
export function form(list: readonly StoryArticle[]): StoryCluster[] {
  const index = new StoryIndex();
  for (const article of list) index.add(article);
  index.build();
  return index.groups();
}

/** The articles kept: all but the held-out ones. */
export const keptArticles = (h: HoldOut): StoryArticle[] =>
  h.articles.filter((article) => !h.heldIds.has(article.id));

/**
 * Each held-out sentence's partners in `clusters` (held-out articles left out), by `pairKey`;
 * a sentence whose group holds no other article's is absent.
 */
export function partnersOf(
  clusters: Iterable<StoryCluster>,
  heldIds: ReadonlySet<string>,
): Map<string, StoryCluster['members']> {
  const map = new Map<string, StoryCluster['members']>();
  for (const cluster of clusters) {
    const others = cluster.members.filter((m) => !heldIds.has(m.article));
    if (others.length === 0) continue;
    for (const member of cluster.members) {
      if (heldIds.has(member.article)) map.set(pairKey(member.article, member.sentence), others);
    }
  }
  return map;
}

/** The partners as a set of `pairKey`s. */
export const pairSet = (members: StoryCluster['members'] | undefined): Set<string> =>
  new Set((members ?? []).map((m) => pairKey(m.article, m.sentence)));

interface Pairs {
  found: number;
  missed: number;
  extra: number;
}

export interface Score {
  all: Pairs;
  /** The planted sentences (no distractor): how many, and how many placed in a group. */
  planted: Pairs & { sentences: number; placed: number };
  sentences: { whole: number; placed: number; noneShared: number };
}

/**
 * Each held-out sentence's pairs `got` against those `expected` (the whole forming's): found,
 * missed, extra, the planted sentences apart; `each` sees every sentence (a diagnosis's
 * examples).
 */
export function score(
  h: HoldOut,
  expected: (article: string, sentence: number) => Set<string>,
  got: (article: string, sentence: number) => Set<string>,
  each?: (text: string, got: Set<string>, expected: Set<string>, hit: number) => void,
): Score {
  const result: Score = {
    all: { found: 0, missed: 0, extra: 0 },
    planted: { found: 0, missed: 0, extra: 0, sentences: 0, placed: 0 },
    sentences: { whole: 0, placed: 0, noneShared: 0 },
  };
  for (const at of h.held) {
    const article = h.articles[at]!;
    for (let sentence = 0; sentence < article.sentences.length; sentence++) {
      const wanted = expected(article.id, sentence);
      const have = got(article.id, sentence);
      let hit = 0;
      for (const pair of have) if (wanted.has(pair)) hit++;
      result.all.found += hit;
      result.all.extra += have.size - hit;
      result.all.missed += wanted.size - hit;
      if (wanted.size > 0) result.sentences.whole++;
      if (have.size > 0) result.sentences.placed++;
      if (wanted.size > 0 && have.size > 0 && hit === 0) result.sentences.noneShared++;
      each?.(article.sentences[sentence]!.text, have, wanted, hit);
      const plant = h.corpus.planted.get(plantedKey(at, sentence));
      if (plant && plant.variation !== 'distractor') {
        result.planted.sentences++;
        if (have.size > 0) result.planted.placed++;
        result.planted.found += hit;
        result.planted.extra += have.size - hit;
        result.planted.missed += wanted.size - hit;
      }
    }
  }
  return result;
}

/** The score's lines, as the diagnoses print them. */
export function printScore({ all, planted, sentences }: Score): void {
  console.log(
    `the ${planted.sentences} planted sentences (${planted.placed} placed in a group): found ${planted.found}, missed ${planted.missed}, extra ${planted.extra}`,
  );
  console.log(
    `all pairs: found ${all.found}, missed ${all.missed}, extra ${all.extra} (recall ${(all.found / Math.max(1, all.found + all.missed)).toFixed(3)}, precision ${(all.found / Math.max(1, all.found + all.extra)).toFixed(3)})`,
  );
  console.log(
    `sentences in a group: whole ${sentences.whole}, placed ${sentences.placed}, placed in a group sharing no member with the whole's ${sentences.noneShared}`,
  );
}
