import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../source/corpus/index.js';
import type { Article, CorpusLoad } from '../../source/corpus/types.js';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');

let load: CorpusLoad;
beforeAll(async () => {
  load = await loadCorpus(SEEDS, { cacheDir: null });
});

function seed(prefix: string): Article {
  const article = load.articles.find((candidate) => candidate.id.startsWith(prefix));
  if (!article) throw new Error(`seed ${prefix} not loaded`);
  return article;
}

function paragraphs(article: Article): string[] {
  return article.text.split('\n\n');
}

interface Expected {
  id: string;
  title: string | null;
  date: string | null;
  byline: string | null;
  source: string | null;
  paragraphs: number;
  sentences: number;
  first: string;
  last: string;
  /** Short real paragraphs that boilerplate removal must keep. */
  kept?: string[];
  /** Every piece of boilerplate the issue names for this seed. */
  absent: string[];
}

const EXPECTED: Expected[] = [
  {
    id: '000_4b207f45d15cbf96',
    title: null,
    date: '2025-03-14',
    byline: null,
    source: 'The National',
    paragraphs: 1,
    sentences: 23,
    first:
      'Russia said on Friday it is preparing for direct talks between presidents Vladimir Putin and Donald Trump on a potential 30-day ceasefire in Ukraine.',
    last: 'Foreign Secretary David Lammy told British media that it would be “wrong for Putin to lay conditions”.',
    kept: ['presidents Vladimir Putin and Donald Trump on', 'its Nato-backed neighbour'],
    absent: [
      '<a',
      'href',
      '</a>',
      'thenationalnews.com',
      'target=',
      'date 2025-03-14',
      'Putin </a>',
    ],
  },
  {
    id: '001_d7fb493d5d978b6e',
    title:
      'Putin-Trump Meeting Dates to Be Discussed After U.S. Envoy Briefs White House on Ukraine Talks, Kremlin Says',
    date: null,
    byline: null,
    source: 'The Moscow Times',
    paragraphs: 8,
    sentences: 12,
    first:
      'Russian and U.S. officials will organize a meeting between presidents Vladimir Putin and Donald Trump after U.S. envoy Steve Witkoff relays Putin’s response to a proposed 30-day ceasefire in Ukraine, the Kremlin said Friday.',
    last: '“Nevertheless, the president agrees with Trump’s position,” Peskov said.',
    kept: ['“Both sides understand that this conversation is necessary,” he added.'],
    absent: [
      'pub-260179357044294',
      'A Message from The Moscow Times',
      'Dear readers',
      'unprecedented challenges',
      'please support us monthly',
      'Thank you for standing with us',
      'Continue',
      'paiment methods',
      'Not ready to support today?',
      'Remind me later.',
      '#PutinTrump',
      '#Kremlin',
      'Optimized by Optimole',
      '\u00a0',
    ],
  },
  {
    id: '002_95852239c1d84bad',
    title: 'Putin’s Ukraine ceasefire proposal headed to Trump',
    date: null,
    byline: null,
    source: null,
    paragraphs: 12,
    sentences: 25,
    first:
      'Russian President Vladimir Putin held a meeting with the United States envoy, Steve Witkoff, to deliberate on the proposed 30-day ceasefire in the ongoing conflict with Ukraine.',
    last: 'One drone inflicted damage on the roof of a residential building close to the Kremlin, while other buildings sustained minor damage from drone debris, though there were no reported injuries.',
    absent: ['    ', '\n0\n', 'headed to Trump'],
  },
  {
    id: '003_0a02ae9bd8ded74f',
    title:
      'Kremlin says it "brought positions closer" with US and even discussed "direct talks" with Ukraine',
    date: '2025-04-25',
    byline: 'Oleh Pavliuk, Yevhen Kizilov',
    source: 'Ukrainska Pravda',
    paragraphs: 8,
    sentences: 8,
    first:
      'The Kremlin has stated that Russian leader Vladimir Putin and US envoy Steve Witkoff, during their meeting, "brought positions closer" and also discussed the possibility of "direct talks" between Russia and Ukraine.',
    last: '• Former UK Prime Minister Boris Johnson strongly criticised Donald Trump’s proposals for ending the war in Ukraine.',
    kept: [
      'Source: Yuri Ushakov, Putin’s foreign policy advisor, in a comment to Russian media, as reported by European Pravda',
      'Details: Ushakov said',
      'Quote: "As for the Ukrainian crisis specifically',
      'Background:',
    ],
    absent: [
      'date 2025-04-25',
      'All Sections',
      'Укр',
      'Рус',
      'Eng',
      'Support Us',
      'Kizilov',
      'Friday, 25 April 2025',
      '18:14',
      'Kremlin says it brought positions closer with US',
      'Stock photo',
      'Getty Images',
      'Advertisement',
      'Patreon',
      'Russo-Ukrainian war',
      'RussiaUSAUkraine',
      'Full text of Trump',
      'Kyiv mayor explains',
      'All News',
      'RECENT NEWS',
      '19:45',
      'Ukraine responds to Trump',
      'Ship carrying looted Ukrainian grain',
      'The evolving nature of warfare',
      'Zelenskyy: Spat in White House',
    ],
  },
  {
    id: '004_acb5286eff63b7e7',
    title: null,
    date: null,
    byline: null,
    source: 'Mehr News Agency',
    paragraphs: 17,
    sentences: 24,
    first:
      'Steve Witkov arrived in Moscow and informed the Russian president of a joint statement signed between the US and Ukraine in Saudi Arabia.',
    last: 'Since the February 2022 conflict began, the US and its allies have imposed at least 21,692 sanctions on Russia targeting individuals, media organizations, the military sector, aviation, aviation, shipbuilding, communications and other industries.',
    kept: ['Witkov traveled to Russia last month to negotiate a prisoner exchange.'],
    absent: ['MNA/', 'MNA'],
  },
];

describe('the seed articles, cleaned', () => {
  it('loads all five in file-name order with no problems', () => {
    expect(load.articles.map((article) => article.id)).toEqual(EXPECTED.map((e) => e.id));
    expect(load.problems).toEqual([]);
  });

  for (const expected of EXPECTED) {
    describe(expected.id, () => {
      it('has the expected metadata', () => {
        const article = seed(expected.id);
        expect({
          title: article.title,
          date: article.date,
          byline: article.byline,
          source: article.source,
          warnings: article.warnings,
        }).toEqual({
          title: expected.title,
          date: expected.date,
          byline: expected.byline,
          source: expected.source,
          warnings: [],
        });
      });

      it('has the expected paragraphs and first and last sentences', () => {
        const article = seed(expected.id);
        expect(paragraphs(article)).toHaveLength(expected.paragraphs);
        expect(article.sentences).toHaveLength(expected.sentences);
        expect(article.sentences[0]?.text).toBe(expected.first);
        expect(article.sentences.at(-1)?.text).toBe(expected.last);
        expect(article.text.startsWith(expected.first)).toBe(true);
        expect(article.text.endsWith(expected.last)).toBe(true);
      });

      it('keeps real short paragraphs', () => {
        const article = seed(expected.id);
        for (const text of expected.kept ?? []) expect(article.text).toContain(text);
      });

      it('drops every piece of boilerplate', () => {
        const article = seed(expected.id);
        for (const text of expected.absent) expect(article.text).not.toContain(text);
        if (expected.title) expect(article.text).not.toContain(expected.title);
      });

      it('gives offsets, paragraph numbers and stable ids to every sentence', () => {
        const article = seed(expected.id);
        const ids = new Set<string>();
        for (const sentence of article.sentences) {
          expect(article.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
          expect(paragraphs(article)[sentence.paragraph]).toContain(sentence.text);
          expect(sentence.id).toMatch(/^s[0-9a-f]{8}(?:-\d+)?$/);
          ids.add(sentence.id);
        }
        expect(ids.size).toBe(article.sentences.length);
        expect(article.hash).toMatch(/^[0-9a-f]{64}$/);
      });
    });
  }

  it('keeps 003 one paragraph per bullet of its background', () => {
    const bullets = paragraphs(seed('003')).filter((paragraph) => paragraph.startsWith('• '));
    expect(bullets).toHaveLength(3);
    expect(paragraphs(seed('003'))[4]).toBe('Background:');
  });

  it('keeps the anchor text and its spacing in 000', () => {
    expect(seed('000').text).toContain(
      'direct talks between presidents Vladimir Putin and Donald Trump on a potential 30-day ceasefire in Ukraine. US envoy',
    );
    expect(seed('000').text).toContain("Mr Putin's position on a ceasefire is that Russia");
  });

  it('gives the same ids and text when the corpus is read again', async () => {
    const again = await loadCorpus(SEEDS, { cacheDir: null });
    expect(again.articles).toEqual(load.articles);
  });
});
