import { describe, expect, it } from 'vitest';
import { type StatsArticle, statsOver } from '../../source/export/stats.js';
import type { ReviewStatus, StoreTotals } from '../../source/store/types.js';

/** 300 articles, many with the same count, handed over out of corpus order. */
function corpus(): { articles: StatsArticle[]; totals: StoreTotals } {
  const articles: StatsArticle[] = [];
  const perArticle = new Map<string, number>();
  for (let ord = 0; ord < 300; ord++) {
    const id = `a${ord}`;
    articles.push({ id, ord, title: `Title ${ord}`, source: ord % 3 === 0 ? null : `s${ord % 4}` });
    // Few distinct counts: ties decided by corpus order; one in seven has none.
    const count = ord % 7 === 0 ? 0 : (ord * 37) % 5;
    if (count > 0) perArticle.set(id, count);
  }
  perArticle.set('gone-from-corpus', 2);
  // The order of an index's own steps, not corpus order.
  articles.sort((a, b) => ((a.ord! * 101) % 300) - ((b.ord! * 101) % 300));
  const labels = new Map([['alice', { claim: 10, quote: 4 }]]);
  return { articles, totals: { labels, orphans: 3, perArticle } };
}

const statuses = (article: string, annotator: string): ReviewStatus =>
  article === 'a5' && annotator === 'alice' ? 'done' : 'unreviewed';

describe('stats listing the top articles only', () => {
  it('gives the report listing every article, cut to the top ones', () => {
    const { articles, totals } = corpus();
    const every = statsOver(articles, totals, statuses, ['alice', 'bob']);
    const top = statsOver(articles, totals, statuses, ['alice', 'bob'], undefined, { top: 15 });
    expect(top).toEqual({ ...every, perArticle: every.perArticle.slice(0, 15) });
    expect(every.perArticle).toHaveLength(300);
    expect(every.missingArticles).toBe(1);
  });

  it('reads the titles of the listed articles alone when the corpus gave none', () => {
    const { articles, totals } = corpus();
    const untitled = articles.map(({ title: _, ...rest }) => rest);
    const asked: string[] = [];
    const titleOf = (article: StatsArticle) => {
      asked.push(article.id);
      return `Title ${article.ord}`;
    };
    const every = statsOver(articles, totals, statuses, ['alice']);
    const top = statsOver(untitled, totals, statuses, ['alice'], undefined, { top: 15, titleOf });
    expect(top.perArticle).toEqual(every.perArticle.slice(0, 15));
    expect(asked.sort()).toEqual(top.perArticle.map((row) => row.article).sort());
  });
});
