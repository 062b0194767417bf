/**
 * The story engine on real news pages: the 181 ground-truth bodies of the article-extraction
 * benchmark grouped as one corpus, scored on the hand-judged pairs of story-real-pairs.ts.
 * Which labelled pairs end in one group (precision: how many of those report one thing), which
 * of the pairs judged the same do (recall, over the pool), the same on the fresh set judged apart
 * (`FRESH_PAIRS`), and how many grouped pairs no one judged yet (a change that groups new pairs needs them judged before its precision means much).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { StoryIndex } from '../../source/story/index.js';
import { FRESH_PAIRS, STORY_PAIRS, type StoryPair } from '../quality/story-real-pairs.js';
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
}

/** Null when the benchmark folder is not there. */
export function scoreRealPairs(folder: string): RealPairScores | null {
  let truth: Record<string, { articleBody: string; url: string }>;
  try {
    truth = JSON.parse(readFileSync(path.join(folder, 'ground-truth.json'), 'utf8'));
  } catch {
    return null;
  }
  const index = new StoryIndex();
  const checks = new Map<string, string[]>();
  let pages = 0;
  for (const [page, { articleBody, url }] of Object.entries(truth)) {
    const article = pageArticle(page, articleBody);
    checks.set(
      page,
      article.sentences.map((sentence) => textCheck(sentence.text)),
    );
    // The outlet as its address names it; the bodies carry no date (one story's days).
    index.add({ ...article, source: new URL(url).hostname, date: null });
    pages++;
  }
  index.build();
  const scores: RealPairScores = {
    pages,
    groups: 0,
    groupedPairs: 0,
    grouped: 0,
    groupedSame: 0,
    same: 0,
    unjudged: 0,
    missing: 0,
    moved: 0,
    fresh: { grouped: 0, groupedSame: 0, same: 0 },
  };
  // A row's sentence at its index, else the first with its check (the split moved it).
  const place = (page: string, at: number, check: string): number => {
    const all = checks.get(page) ?? [];
    if (all[at] === check) return at;
    const found = all.indexOf(check);
    if (found >= 0) scores.moved++;
    return found;
  };
  const judged = new Set<string>();
  const count = (rows: readonly StoryPair[], into: RealPairScores['fresh']) => {
    for (const [pageA, atA, checkA, pageB, atB, checkB, same] of rows) {
      const a = place(pageA, atA, checkA);
      const b = place(pageB, atB, checkB);
      if (a < 0 || b < 0) {
        scores.missing++;
        continue;
      }
      const idA = pageA.slice(0, 8);
      const idB = pageB.slice(0, 8);
      judged.add(pairKey(idA, a, idB, b));
      const groupA = index.groupOf(idA, a);
      const together = groupA !== null && groupA.id === index.groupOf(idB, b)?.id;
      if (together) into.grouped++;
      if (same) into.same++;
      if (together && same) into.groupedSame++;
    }
  };
  count(STORY_PAIRS, scores);
  count(FRESH_PAIRS, scores.fresh);
  for (const group of index.groups()) {
    scores.groups++;
    const { members } = group;
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const x = members[i]!;
        const y = members[j]!;
        if (x.article === y.article) continue;
        scores.groupedPairs++;
        if (!judged.has(pairKey(x.article, x.sentence, y.article, y.sentence))) scores.unjudged++;
      }
    }
  }
  return scores;
}

function pairKey(a: string, at: number, b: string, bt: number): string {
  const one = `${a}:${at}`;
  const other = `${b}:${bt}`;
  return one < other ? `${one} ${other}` : `${other} ${one}`;
}
