import { describe, expect, it } from 'vitest';
import { readArticle } from '../../source/corpus/index.js';
import { readLinkedData } from '../../source/corpus/json-ld.js';
import { BBC_LIKE_PAGE, GUARDIAN_LIKE_PAGE, REUTERS_LIKE_PAGE } from './fixtures/agency-pages.js';
import { tempCorpus } from './temp-corpus.js';

const corpus = tempCorpus();

describe('a BBC-like page', () => {
  it('is the story alone, with the byline from JSON-LD', async () => {
    const article = await readArticle(await corpus.write('bbc.html', BBC_LIKE_PAGE));
    const { id, title, date, byline, source, text, warnings } = article;
    expect({ id, title, date, byline, source, text, warnings }).toEqual({
      id: 'bbc',
      title: 'Flooding forces thousands from homes in Valencia',
      date: '2024-10-30',
      byline: 'Guy Hedgecoe',
      source: 'BBC News',
      text: [
        'At least 95 people have died after flash floods swept through eastern Spain, officials say.',
        'Torrential rain on Tuesday caused rivers to burst their banks in the Valencia region, turning streets into rivers of mud.',
        '"It was like a tsunami," said Ana María, 64, who lives in Paiporta. "We lost everything."',
        "Spain's Prime Minister Pedro Sánchez said the country was “united in grief” and declared three days of mourning.",
        "The state weather agency, Aemet, said more than a year's worth of rain fell in eight hours in some areas.",
        'He declined to comment.',
      ].join('\n\n'),
      warnings: [],
    });
  });
});

describe('a Reuters-like page', () => {
  it('keeps the dateline sentence and drops credits, standards and link lists', async () => {
    const article = await readArticle(await corpus.write('reuters.htm', REUTERS_LIKE_PAGE));
    expect(article.title).toBe('Fed holds rates steady, signals cuts later this year');
    expect(article.date).toBe('2024-06-12');
    expect(article.byline).toBe('Howard Schneider, Ann Saphir');
    expect(article.source).toBe('Reuters');
    expect(article.text.split('\n\n')).toEqual([
      'WASHINGTON, June 12 (Reuters) - The U.S. Federal Reserve held interest rates steady on Wednesday and signaled it expects to cut them only once this year.',
      'Fed Chair Jerome Powell told reporters at 2:30 p.m. that "inflation has eased substantially" but remains above the 2% target. The central bank\'s benchmark rate stays in the 5.25%-5.50% range.',
      'Markets had priced in about 1.5 cuts. Stocks rose 0.9% after the decision.',
    ]);
  });
});

describe('a Guardian-like page', () => {
  it('drops the inline newsletter box, its blurb and privacy notice included', async () => {
    const article = await readArticle(await corpus.write('guardian.html', GUARDIAN_LIKE_PAGE));
    expect(article.title).toBe('UK inflation falls to 2.2% in July');
    expect(article.byline).toBe('Richard Partington');
    expect(article.text.split('\n\n')).toEqual([
      'Inflation in the UK rose less than expected in July, rising to 2.2% from 2% in June, according to the Office for National Statistics (ONS).',
      'City economists had forecast a rise to 2.3%. The ONS said services inflation fell to 5.2%, its lowest in more than two years.',
      'The chancellor, Rachel Reeves, said: "I\'m under no illusion about the scale of the challenge we face."',
    ]);
  });
});

const STORY = `<h1>Port strike ends after three weeks</h1>
<p>Dock workers voted on Sunday to end a three-week strike that had stranded hundreds of ships outside the country's busiest port, union leaders said.</p>
<p>"This is a fair outcome for everyone," the union's president told reporters after the vote.</p>`;

const CARDS = `<h2>More stories</h2>
<div class="card"><h3><a href="/a">Fishermen protest new quotas</a></h3><p>Hundreds of fishing boats blocked the harbour on Friday in protest against new catch limits announced by the government last month.</p></div>
<div class="card"><h3><a href="/b">Ferry fares to rise in spring</a></h3><p>The main ferry operator said on Thursday that fares would rise by about 8% from April, blaming higher fuel and labour costs.</p></div>`;

const STORY_TEXT = [
  "Dock workers voted on Sunday to end a three-week strike that had stranded hundreds of ships outside the country's busiest port, union leaders said.",
  '"This is a fair outcome for everyone," the union\'s president told reporters after the vote.',
].join('\n\n');

describe('teaser cards after the story', () => {
  it('go when the page has one <article>, whatever their class names', async () => {
    const page = `<html><body><p>By Ann Lee</p><article>${STORY}</article><section class="cards">${CARDS}</section></body></html>`;
    const article = await readArticle(await corpus.write('one-article.html', page));
    expect(article.text).toBe(STORY_TEXT);
    expect(article.byline).toBe('Ann Lee');
  });

  it('go under a "more stories" class when there is no <article>', async () => {
    const page = `<html><body><div>${STORY}</div><section class="more-stories">${CARDS}</section></body></html>`;
    const article = await readArticle(await corpus.write('no-article.html', page));
    expect(article.text).toBe(STORY_TEXT);
  });
});

describe('JSON-LD', () => {
  it('reads an article node from a @graph, with several authors and the publisher', () => {
    const block = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', name: 'Not this' },
        {
          '@type': ['NewsArticle'],
          headline: 'Talks resume',
          datePublished: '2025-03-14T08:00:00Z',
          author: [{ '@type': 'Person', name: 'Jane Doe' }, 'John Roe', 'https://example.com/x'],
          publisher: { '@type': 'Organization', name: 'The Harbour Post' },
        },
      ],
    });
    expect(readLinkedData(['{ not json', block])).toEqual({
      headline: 'Talks resume',
      published: '2025-03-14T08:00:00Z',
      author: 'Jane Doe, John Roe',
      publisher: 'The Harbour Post',
      liveBlog: false,
      updates: [],
    });
    expect(readLinkedData([block.replace('NewsArticle', 'LiveBlogPosting')]).liveBlog).toBe(true);
  });

  it("takes a page node's date and author only where no article node gives them", () => {
    const page = {
      '@type': 'MedicalWebPage',
      datePublished: '2019-11-14T00:00:00Z',
      author: { '@type': 'Person', name: 'Rachael Link' },
    };
    expect(readLinkedData([JSON.stringify(page)])).toMatchObject({
      published: '2019-11-14T00:00:00Z',
      author: 'Rachael Link',
    });
    const both = { '@graph': [page, { '@type': 'NewsArticle', datePublished: '2025-03-14' }] };
    expect(readLinkedData([JSON.stringify(both)])).toMatchObject({
      published: '2025-03-14',
      author: 'Rachael Link',
    });
  });
});
