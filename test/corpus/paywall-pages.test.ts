import { describe, expect, it } from 'vitest';
import { readArticle } from '../../source/corpus/index.js';
import { tempCorpus } from './temp-corpus.js';

/**
 * A paywalled page shows its headline, the standfirst under it and a paragraph or two of the
 * story before the wall: the standfirst is half of what a reader of it has (stop 58 saw it
 * dropped and the teaser kept).
 */
const corpus = tempCorpus();

const STANDFIRST =
  "Engineers found cracks in two of the bridge's piers, and the council says it cannot wait for a new one to be built.";
const TEASER =
  'The city council voted on Tuesday to close the old bridge to cars from next spring, after a report by the city engineers was published.';
const MORE = [
  'Buses and bicycles will still cross it, and a new bridge is planned for 2029, the mayor said.',
  'Shop owners on the east bank said the closure would cost them customers, and asked the council for help with their rents.',
  'The engineers said the piers could be repaired, but that the work would take two years and cost more than a new bridge.',
  'A public meeting on the plan will be held at the town hall on Thursday evening.',
];

function page(wall: string, paragraphs: string[], summary = 'article__summary'): string {
  const body = paragraphs.map((text) => `<p>${text}</p>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Why the old bridge is closing - The Harbour Times</title></head><body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><header><h1>Why the old bridge is closing</h1><p class="${summary}">${STANDFIRST}</p></header>
<div class="article-body">${body}</div>${wall}</article></main>
<footer>© 2025 The Harbour Times</footer></body></html>`;
}

const WALL =
  '<div class="paywall"><h3>Subscribe to keep reading</h3><p>Get unlimited access to The Harbour Times for £1 a week.</p><p>Already a subscriber? <a href="/login">Log in</a></p></div>';
const WORDS_ONLY =
  '<div class="offer"><p>Subscribe to continue reading.</p><p>Get unlimited access to The Harbour Times for £1 a week.</p></div>';

describe('a paywalled page', () => {
  it.each([
    ['a paywall element', WALL, 'article__summary'],
    ["a paywall's words", WORDS_ONLY, 'standfirst'],
  ])('opens with its standfirst, then the teaser (%s)', async (_, wall, summary) => {
    const path = await corpus.write('walled.html', page(wall, [TEASER], summary));
    const article = await readArticle(path);
    expect(article.title).toBe('Why the old bridge is closing');
    expect(article.text).toBe(`${STANDFIRST}\n\n${TEASER}`);
  });

  it('leaves the standfirst out of a story it shows whole', async () => {
    const path = await corpus.write('whole.html', page(WALL, [TEASER, ...MORE]));
    expect((await readArticle(path)).text).toBe([TEASER, ...MORE].join('\n\n'));
  });

  it('leaves it out of a short story with no paywall', async () => {
    const path = await corpus.write('short.html', page('', [TEASER]));
    expect((await readArticle(path)).text).toBe(TEASER);
  });
});
