import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../source/corpus/types.js';
import {
  type AnnotationFacts,
  buildSearchEngine,
  placedFacts,
  type SearchEngine,
} from '../../source/search/index.js';
import { createMemoryRepository } from '../../source/store/index.js';
import type { Repository } from '../../source/store/repository.js';
import { article, seedArticles } from './articles.js';

/** The repository as the UI hands it to search: the current annotator's view. */
function contextOf(repositories: Repository[], current: Repository): AnnotationFacts {
  return placedFacts(
    repositories.flatMap((repository) => repository.list()),
    (id, annotator) => current.status(id, annotator),
    repositories.map((repository) => repository.annotator),
  );
}

const sentenceWith = (articleOf: Article, text: string) =>
  articleOf.sentences.find((sentence) => sentence.text.includes(text))!;

describe('labels, notes, annotators and statuses from the store', async () => {
  const articles = await seedArticles();
  const [first, second, , , fifth] = articles as [Article, Article, Article, Article, Article];
  let engine: SearchEngine;
  let ana: Repository;
  let ben: Repository;
  let tagged: Array<[string, string]>;

  beforeAll(async () => {
    engine = buildSearchEngine(articles);
    ana = createMemoryRepository('ana');
    ben = createMemoryRepository('ben');
    await ana.open(articles);
    await ben.open(articles);
    const quoteIn000 = sentenceWith(first, 'cautiously optimistic');
    const quoteIn001 = sentenceWith(second, 'cautiously optimistic');
    const quoteIn004 = sentenceWith(fifth, 'absolute support');
    await ana.tag(first, quoteIn000.id, 'quote');
    await ana.tag(first, quoteIn000.id, 'claim');
    await ben.tag(second, quoteIn001.id, 'quote');
    await ana.tag(fifth, quoteIn004.id, 'quote');
    await ben.tag(fifth, sentenceWith(fifth, 'Steve Witkov arrived').id, 'event');
    await ben.annotate(fifth, sentenceWith(fifth, 'Steve Witkov arrived').id, {
      note: 'Spelling differs from other outlets',
      attributes: { speaker: 'Kremlin spokesman' },
    });
    await ana.setStatus(first.id, 'done');
    await ben.setStatus(second.id, 'done');
    tagged = [
      [first.id, quoteIn000.id],
      [second.id, quoteIn001.id],
      [fifth.id, quoteIn004.id],
    ];
  });

  const search = (query: string) =>
    engine.search(query, contextOf([ana, ben], ana), { limit: 500 });
  const places = (query: string) => search(query).map((hit) => [hit.article, hit.sentence]);

  it('label:quote returns exactly the tagged sentences, with their labels', () => {
    const hits = search('label:quote');
    expect(hits.map((hit) => [hit.article, hit.sentence])).toEqual(tagged);
    expect(hits.map((hit) => hit.labels)).toEqual([['claim', 'quote'], ['quote'], ['quote']]);
  });

  it('combines a label with words, and repeated labels are alternatives', () => {
    expect(places('label:quote optimistic')).toEqual(tagged.slice(0, 2));
    expect(search('label:claim label:event').map((hit) => hit.labels)).toEqual([
      ['claim', 'quote'],
      ['event'],
    ]);
    expect(places('"cautiously optimistic" -label:claim')).toEqual(tagged.slice(1, 2));
  });

  it('label:none keeps only sentences nobody tagged', () => {
    const hits = search('Peskov label:none');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((hit) => hit.labels.length > 0)).toBe(false);
    expect(hits.map((hit) => hit.sentence)).not.toContain(tagged[0]![1]);
  });

  it('annotator: selects what that annotator labelled', () => {
    expect(places('annotator:ben')).toEqual([
      tagged[1],
      [fifth.id, sentenceWith(fifth, 'Steve Witkov arrived').id],
    ]);
    expect(places('annotator:BE label:quote')).toEqual([tagged[1]]);
  });

  it('searches notes and attribute values, mapped to their sentence', () => {
    const arrived = [fifth.id, sentenceWith(fifth, 'Steve Witkov arrived').id];
    expect(places('outlets spelling')).toEqual([arrived]);
    expect(places('spokesman arrived')).toEqual([arrived]);
    expect(search('differs Witkov').map((hit) => hit.matches)).toEqual([[[6, 12]]]);
  });

  it('sees a tag made between two searches', async () => {
    const peskov = sentenceWith(first, 'Peskov said');
    expect(places('label:event Peskov')).toEqual([]);
    await ana.tag(first, peskov.id, 'event');
    expect(places('label:event Peskov')).toEqual([[first.id, peskov.id]]);
    await ana.untag(first, peskov.id, 'event');
    expect(places('label:event Peskov')).toEqual([]);
  });

  it('status: uses the current annotator’s status', () => {
    const done = search('Witkoff status:done');
    expect(new Set(done.map((hit) => hit.article))).toEqual(new Set([first.id]));
    expect(new Set(search('Witkoff status:unreviewed').map((hit) => hit.article))).toEqual(
      new Set(articles.slice(1).map((a) => a.id)),
    );
    const asBen = engine.search('Witkoff status:done', contextOf([ana, ben], ben), { limit: 50 });
    expect(new Set(asBen.map((hit) => hit.article))).toEqual(new Set([second.id]));
  });
});

describe('titles and sources', () => {
  const engine = buildSearchEngine([
    article('a', ['Talks resumed in Riyadh.', 'The envoy left early.'], {
      title: 'Witkoff meets Putin in Moscow',
      source: 'The National News',
    }),
    article('b', ['Witkoff flew home.', 'No deal was announced.'], {
      title: 'Envoy returns',
      source: 'Kyiv Post',
    }),
  ]);
  const search = (query: string) => engine.search(query, placedFacts([]));
  const where = (query: string) =>
    search(query).map((hit) => `${hit.sentence} ${hit.score.toFixed(2)}`);

  it('a title match lets the article’s sentences match that word, below a match in the text', () => {
    expect(where('Witkoff')).toEqual(['b-s0 1.00', 'a-s0 0.80']);
    expect(where('envoy Witkoff')).toEqual(['a-s1 0.90', 'b-s0 0.90']);
    expect(where('Moscow Riyadh')).toEqual(['a-s0 0.90']);
    expect(search('Witkoff')[1]?.matches).toEqual([]);
  });

  it('source: matches the outlet ignoring case, spaces and punctuation', () => {
    expect(where('source:nationalnews')).toEqual(['a-s0 1.00', 'a-s1 1.00']);
    expect(where('Witkoff source:"kyiv post"')).toEqual(['b-s0 1.00']);
    expect(where('Witkoff -source:kyiv')).toEqual(['a-s0 0.80']);
  });
});
