/**
 * The story engine on real news pages: the 181 ground-truth bodies of the article-extraction
 * benchmark grouped as one corpus, scored on the hand-judged pairs of story-real-pairs.ts.
 * Which labelled pairs end in one group (precision: how many of those report one thing), which
 * of the pairs judged the same do (recall, over the pool), the same on the fresh set judged apart
 * (`FRESH_PAIRS`, `FRESH_PAIRS_2`), and how many grouped pairs no one judged yet (a change that groups new pairs needs them judged before its precision means much).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type StoryArticle, StoryIndex } from '../../source/story/index.js';
import type { Comparable } from '../../source/story/similarity.js';
import {
  type SentenceFeatures,
  sentenceFeatures,
  speakersInArticle,
  type Vocabulary,
} from '../../source/story/tokens.js';
import type { StoryCluster } from '../../source/story/types.js';
import {
  FRESH_PAIRS,
  FRESH_PAIRS_2,
  STORY_PAIRS,
  type StoryPair,
} from '../quality/story-real-pairs.js';
import { pageArticle, textCheck } from '../quality/suggest-real.js';

export interface RealPairScores {
  pages: number;
  groups: number;
  /** Pairs of sentences of different pages in one group: `grouped` judged, `unjudged` not. */
  groupedPairs: number;
  /** Judged pairs grouped together, and of those judged the same. */
  grouped: number;
  groupedSame: number;
  /** Pairs judged the same. */
  same: number;
  unjudged: number;
  /** Rows whose sentence the split no longer has, and rows found elsewhere than their index. */
  missing: number;
  moved: number;
  /** The same counts on the fresh set (`FRESH_PAIRS`), judged apart from the development set. */
  fresh: { grouped: number; groupedSame: number; same: number };
  /** The same on the second fresh set (`FRESH_PAIRS_2`), drawn and judged before the changes after version 8. */
  fresh2: { grouped: number; groupedSame: number; same: number };
}

/** The ground truth's pages: id, body and address, in the file's order. */
export type RealPage = [page: string, { articleBody: string; url: string }];

/** The benchmark's pages, or null when its folder is not there. */
export function readRealPages(folder: string): RealPage[] | null {
  try {
    return Object.entries(JSON.parse(readFileSync(path.join(folder, 'ground-truth.json'), 'utf8')));
  } catch {
    return null;
  }
}

/** The pages grouped as one corpus in the order given, with each sentence's text check. */
/**
 * Each sentence of the real pages as the judge compares it, with bare quotes' speakers borrowed
 * as the index does; an article is read once, on its first sentence asked for.
 */
export function comparableSentences(
  articles: ReadonlyMap<string, StoryArticle>,
  vocabulary: Vocabulary,
) {
  const featuresOf = new Map<string, { features: SentenceFeatures; speakers: number[] }[]>();
  const features = (article: string, at: number) => {
    let all = featuresOf.get(article);
    if (all === undefined) {
      const read = articles
        .get(article)!
        .sentences.map((sentence) => sentenceFeatures(sentence.text, vocabulary));
      const speakersOf = speakersInArticle(read);
      all = read.map((feature, position) => ({
        features: feature,
        speakers: speakersOf[position]!,
      }));
      featuresOf.set(article, all);
    }
    return all[at]!;
  };
  const comparable = (article: string, at: number): Comparable => {
    const { features: f, speakers } = features(article, at);
    return {
      words: f.words,
      speakers,
      sources: f.sources,
      day: Number.NaN,
      figures: f.figures,
      units: f.units,
      quoted: f.quotedWords,
      borrowed: f.borrowsSpeaker,
    };
  };
  return { features, comparable };
}

export function groupRealPages(pages: readonly RealPage[]) {
  const index = new StoryIndex();
  const articles = new Map<string, StoryArticle>();
  const checks = new Map<string, string[]>();
  for (const [page, { articleBody, url }] of pages) {
    // The outlet as its address names it; the bodies carry no date (one story's days).
    const article = {
      ...pageArticle(page, articleBody),
      source: new URL(url).hostname,
      date: null,
    };
    articles.set(article.id, article);
    checks.set(
      article.id,
      article.sentences.map((sentence) => textCheck(sentence.text)),
    );
    index.add(article);
  }
  index.build();
  return { index, articles, checks };
}

/** A judged row placed in the grouped pages, and whether the build put its two sentences together. */
export interface PlacedPair {
  a: string;
  at: number;
  b: string;
  bt: number;
  same: boolean;
  /** The group of `a`'s sentence when both are in it, else null. */
  together: StoryCluster | null;
}

/**
 * The rows placed in the pages: a row's sentence at its index, else the first with its check
 * (the split moved it: `moved` is told), and a row whose sentence the split no longer has is
 * told to `missing` and left out.
 */
export function* placedPairs(
  index: StoryIndex,
  checks: ReadonlyMap<string, readonly string[]>,
  rows: readonly StoryPair[],
  tell: { moved?: () => void; missing?: () => void } = {},
): Generator<PlacedPair> {
  const place = (page: string, at: number, check: string): number => {
    const all = checks.get(page) ?? [];
    if (all[at] === check) return at;
    const found = all.indexOf(check);
    if (found >= 0) tell.moved?.();
    return found;
  };
  for (const [pageA, atA, checkA, pageB, atB, checkB, same] of rows) {
    const a = pageA.slice(0, 8);
    const b = pageB.slice(0, 8);
    const at = place(a, atA, checkA);
    const bt = place(b, atB, checkB);
    if (at < 0 || bt < 0) {
      tell.missing?.();
      continue;
    }
    const group = index.groupOf(a, at);
    const together = group !== null && group.id === index.groupOf(b, bt)?.id ? group : null;
    yield { a, at, b, bt, same, together };
  }
}

/** One key for a pair of sentences, whichever comes first. */
export function pairKey(a: string, at: number, b: string, bt: number): string {
  const one = `${a}:${at}`;
  const other = `${b}:${bt}`;
  return one < other ? `${one} ${other}` : `${other} ${one}`;
}

/** Null when the benchmark folder is not there. */
export function scoreRealPairs(folder: string): RealPairScores | null {
  const pages = readRealPages(folder);
  if (pages === null) return null;
  const { index, checks } = groupRealPages(pages);
  const scores: RealPairScores = {
    pages: pages.length,
    groups: 0,
    groupedPairs: 0,
    grouped: 0,
    groupedSame: 0,
    same: 0,
    unjudged: 0,
    missing: 0,
    moved: 0,
    fresh: { grouped: 0, groupedSame: 0, same: 0 },
    fresh2: { grouped: 0, groupedSame: 0, same: 0 },
  };
  const judged = new Set<string>();
  const tell = { moved: () => scores.moved++, missing: () => scores.missing++ };
  const count = (rows: readonly StoryPair[], into: RealPairScores['fresh']) => {
    for (const { a, at, b, bt, same, together } of placedPairs(index, checks, rows, tell)) {
      judged.add(pairKey(a, at, b, bt));
      if (together) into.grouped++;
      if (same) into.same++;
      if (together && same) into.groupedSame++;
    }
  };
  count(STORY_PAIRS, scores);
  count(FRESH_PAIRS, scores.fresh);
  count(FRESH_PAIRS_2, scores.fresh2);
  for (const group of index.groups()) {
    scores.groups++;
    for (const [x, y] of pairsAcrossArticles(group.members)) {
      scores.groupedPairs++;
      if (!judged.has(pairKey(x.article, x.sentence, y.article, y.sentence))) scores.unjudged++;
    }
  }
  return scores;
}

/** Each pair of a group's members that stand in two articles (a pair the scores count). */
export function* pairsAcrossArticles<Member extends { article: string }>(
  members: readonly Member[],
): Generator<[Member, Member]> {
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      if (members[i]!.article !== members[j]!.article) yield [members[i]!, members[j]!];
    }
  }
}
