import { describe, expect, it } from 'vitest';
import type { Article } from '../../source/corpus/types.js';
import { buildSearchEngine, storeFacts } from '../../source/search/index.js';
import { createMemoryRepository } from '../../source/store/index.js';
import { seedArticles } from './articles.js';

describe('status: in search, for an article only opened', async () => {
  const articles = await seedArticles();
  const [first, second] = articles as [Article, Article];

  it('counts it unreviewed, as stats and agree do, and in progress once something is tagged', async () => {
    const engine = buildSearchEngine(articles);
    const ana = createMemoryRepository('ana');
    await ana.open(articles);
    // Enter on the first article (in progress, nothing tagged); the second tagged.
    await ana.setStatus(first.id, 'in progress');
    await ana.setStatus(second.id, 'in progress');
    await ana.tag(second, second.sentences[0]!.id, 'claim');
    const found = (query: string) =>
      new Set(engine.search(query, storeFacts(ana), { limit: 100 }).map((hit) => hit.article));
    expect(found('Witkoff status:in-progress')).toEqual(new Set([second.id]));
    expect(found('Witkoff status:unreviewed')).toContain(first.id);
    expect(found('Witkoff status:unreviewed')).not.toContain(second.id);
    await ana.tag(first, first.sentences[0]!.id, 'quote');
    expect(found('Witkoff status:in-progress')).toEqual(new Set([first.id, second.id]));
  });
});
