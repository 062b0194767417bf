import { describe, expect, it } from 'vitest';
import { reviewStatuses } from '../../source/export/review-statuses.js';
import { type StatsArticle, statsOver } from '../../source/export/stats.js';
import { type CorpusCounts, statsOverCounts } from '../../source/export/stats-counts.js';
import { DEFAULT_LABELS } from '../../source/store/labels.js';
import type { ReviewStatus, StoreTotals } from '../../source/store/types.js';
import { Random } from '../helpers/random.js';

const SOURCES = ['Reuters', 'The National', 'Meduza', null];
const STATUSES: ReviewStatus[] = ['done', 'in progress', 'unreviewed'];

/**
 * A corpus of `size` articles and a store over some of them (and over two articles gone from
 * the corpus), with statuses on some annotated and some unannotated articles, from `seed`.
 */
function world(seed: number, size: number, annotatedShare: number) {
  const random = new Random(seed);
  const articles: StatsArticle[] = Array.from({ length: size }, (_, ord) => ({
    id: `a${random.int(0, 9)}-${ord}`,
    source: random.pick(SOURCES),
    // Some titles unknown (undefined): the report asks `titleOf` for those it lists.
    ...(random.chance(0.2) ? {} : { title: random.chance(0.8) ? `Title ${ord}` : null }),
    ord,
  }));
  // dave has statuses and no annotation.
  const annotators = ['carol', 'alice', 'bob', 'dave'];
  const totals: StoreTotals = {
    labels: new Map(),
    orphans: random.int(0, 5),
    perArticle: new Map(),
  };
  const reviewed: Array<{ article: string; annotator: string; status: ReviewStatus }> = [];
  for (const id of [...articles.map((a) => a.id), 'gone-1', 'gone-2']) {
    if (random.chance(annotatedShare)) totals.perArticle.set(id, random.int(1, 4));
    else if (random.chance(0.05)) totals.perArticle.set(id, 0);
    for (const annotator of annotators) {
      if (random.chance(0.15))
        reviewed.push({ article: id, annotator, status: random.pick(STATUSES) });
    }
  }
  for (const annotator of annotators.slice(0, 2)) {
    totals.labels.set(annotator, { claim: random.int(0, 9), quote: random.int(0, 9), speech: 2 });
  }
  return { articles, annotators, totals, reviewed };
}

/** Counts as a corpus index gives them, from the articles themselves. */
function countsOf(articles: StatsArticle[]): CorpusCounts {
  const perSource = new Map<string | null, number>();
  for (const { source } of articles) perSource.set(source, (perSource.get(source) ?? 0) + 1);
  const byId = new Map(articles.map((article) => [article.id, article]));
  return {
    articles: articles.length,
    perSource,
    // In another order than the corpus's, as an index may give them.
    articlesOf: (ids) => ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])).reverse(),
    first: (n) => articles.slice(0, n),
  };
}

describe('stats from counts', () => {
  it.each([
    { seed: 1, size: 200, share: 0.3, top: 15 },
    { seed: 2, size: 200, share: 0.02, top: 15 },
    { seed: 3, size: 50, share: 0.9, top: 3 },
    { seed: 4, size: 8, share: 0.2, top: 15 },
    { seed: 5, size: 0, share: 0.5, top: 15 },
  ])(
    'gives the report of reading every article (seed $seed, $size articles)',
    ({ seed, size, share, top }) => {
      const { articles, annotators, totals, reviewed } = world(seed, size, share);
      const statuses = new Map(
        reviewed.map((row) => [`${row.article}\0${row.annotator}`, row.status]),
      );
      const statusOf = (article: string, annotator: string) =>
        statuses.get(`${article}\0${annotator}`) ?? 'unreviewed';
      const titleOf = (article: StatsArticle) => `looked up ${article.id}`;
      const expected = statsOver(articles, totals, statusOf, annotators, DEFAULT_LABELS, {
        top,
        titleOf,
      });
      expect(expected.perArticle.length).toBe(Math.min(top, size));
      const counted = statsOverCounts(
        countsOf(articles),
        totals,
        reviewStatuses(reviewed),
        annotators,
        DEFAULT_LABELS,
        { top, titleOf },
      );
      expect(counted).toEqual(expected);
    },
  );
});
