import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusMemberFacts, type MemberFacts } from '../../source/commands/story-filter.js';
import { orderedStoryClusters } from '../../source/commands/story-groups.js';
import type { StoryFilter } from '../../source/commands/story-render.js';
import { memoryCorpusIndex } from '../../source/corpus/corpus-index.js';
import type { Article } from '../../source/corpus/types.js';
import { seedArticles } from '../search/articles.js';

let articles: Article[];
let store: string;

beforeAll(async () => {
  articles = await seedArticles();
  store = mkdtempSync(join(tmpdir(), 'margin-story-filter-'));
});
afterAll(() => rmSync(store, { recursive: true, force: true }));

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** `margin story`'s output for `filter`, and the articles read to make it. */
async function printed(filter: StoryFilter, withFacts: boolean) {
  const corpus = memoryCorpusIndex('', articles);
  // Every third article's first sentences labelled: some groups carry a label, most do not.
  const annotated = (article: string) => (corpus.ordOf(article) ?? 0) % 3 === 0;
  const labelsOf = (article: string, sentence: string) =>
    annotated(article) && corpus.article(article)!.sentences.findIndex((s) => s.id === sentence) < 4
      ? ['quote']
      : [];
  const read = new Set<string>();
  const lookup = (id: string) => {
    read.add(id);
    return corpus.article(id);
  };
  const groups = await orderedStoryClusters(articles, lookup, store, {
    labelsOf,
    workers: 1,
    ...(withFacts ? { facts: corpusMemberFacts(corpus, { annotated, labelsOf }) } : {}),
  });
  // A batch's text at a time: a group a line.
  const shown = (await all(groups.renderedInParallel({ filter, json: true })))
    .join('')
    .split('\n')
    .filter(Boolean);
  groups.close();
  return { shown, read };
}

describe("margin story's filter", () => {
  const filters: StoryFilter[] = [
    { minimum: 1, labels: [] },
    { minimum: 2, labels: [] },
    { minimum: 3, labels: [] },
    { minimum: 2, labels: ['quote'] },
    { minimum: 1, labels: ['claim'] },
  ];

  it('prints the same groups when applied before describing', async () => {
    const counts: number[] = [];
    for (const filter of filters) {
      const after = await printed(filter, false);
      const before = await printed(filter, true);
      expect(before.shown).toEqual(after.shown);
      counts.push(after.shown.length);
    }
    // The filters do leave groups out and keep some (the first keeps every group, the third
    // those of three sources or more).
    const everything = counts[0]!;
    expect(counts.reduce((sum, count) => sum + count)).toBeGreaterThan(everything);
    expect(counts[2]).toBeLessThan(everything);
  });

  it('knows the same of each article looked up alone as from all the summaries', () => {
    const corpus = memoryCorpusIndex('', articles);
    const labels = { annotated: () => false, labelsOf: () => [] };
    const alone = corpusMemberFacts(corpus, labels);
    const summaries = corpusMemberFacts(corpus, labels, 0);
    const ids = [...articles.map((article) => article.id), 'no-such-article'];
    const facts = (of: MemberFacts) => ids.map((id) => of.articleOf(id));
    expect(facts(alone)).toEqual(facts(summaries));
    expect(facts(alone).filter((known) => known !== undefined)).toHaveLength(articles.length);
  });

  it('reads no article of a group it leaves out', async () => {
    const none = await printed({ minimum: 1_000, labels: [] }, true);
    expect(none.shown).toEqual([]);
    expect(none.read.size).toBe(0);
  });
});
