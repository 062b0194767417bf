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
      people: 'Jane Doe',
      publisher: 'The Harbour Post',
      body: null,
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

  // qa52 #9: a line break typed inside a string made the block invalid JSON, the byline lost.
  it('reads a block with a line break or tab inside a string', () => {
    // A real line break and tab inside the strings, as the page has them.
    const block =
      '{"@type": "NewsArticle", "headline": "Markets on a high;\ntime to be careful?",\n "author": "Nishant\tKumar"}';
    expect(() => JSON.parse(block)).toThrow();
    expect(readLinkedData([block])).toMatchObject({
      headline: 'Markets on a high; time to be careful?',
      author: 'Nishant Kumar',
    });
  });
});

describe("a page whose byline is only its writer's link", () => {
  const page = (link: string) =>
    `<html><head><title>Port reopens</title></head><body><article><h1>Port reopens</h1><p class="byline">By ${link}</p><p>${'The port of Varna reopened on Monday after a storm closed it for a week. '.repeat(4)}</p></article></body></html>`;

  it('takes the text of a rel="author" link (qa52 #9)', async () => {
    const written = page(
      '<a href="https://example.org/profile/anna-menin/" rel="author">Anna Menin</a>',
    );
    expect((await readArticle(await corpus.write('rel.html', written))).byline).toBe('Anna Menin');
  });

  it("takes no site's admin account, and a meta author first", async () => {
    const admin = page('<a href="https://example.org/author/jdadmin/" rel="author">jdadmin</a>');
    expect((await readArticle(await corpus.write('admin.html', admin))).byline).toBeNull();
    const both = page('<a href="https://example.org/a/" rel="author">Anna Menin</a>').replace(
      '<title>',
      '<meta name="author" content="Tom Reed"><title>',
    );
    expect((await readArticle(await corpus.write('meta.html', both))).byline).toBe('Tom Reed');
  });
});
