import { beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus, readArticle } from '../../source/corpus/index.js';
import { NEWS_PAGE } from './fixtures/news-page.js';
import { tempCorpus } from './temp-corpus.js';

const page = tempCorpus();
const corpus = tempCorpus();
let FIXTURE = '';
beforeEach(async () => {
  FIXTURE = await page.write('news-page.html', NEWS_PAGE);
});

describe('an HTML news page', () => {
  it('keeps only the article, paragraph by paragraph, with references decoded', async () => {
    const article = await readArticle(FIXTURE);
    expect(article.text.split('\n\n')).toEqual([
      'Negotiators from Russia, Ukraine and Turkey met in Istanbul on Friday to revive a deal that let grain ships leave Black Sea ports, officials said.',
      'The talks, the first in eight months, were held behind closed doors at the Dolmabahçe Palace & lasted more than six hours.',
      '“We have agreed on the principles,” Turkey’s foreign minister told reporters. “The details will take time.”',
      'What comes next',
      'A second round is planned for April.',
      'Officials did not say where it would be held.',
      'Inspections would move to the ports themselves.',
      'Insurance for ships would be backed by the United Nations.',
      'He said it was “a first step”.',
    ]);
  });

  it('takes title, date, byline and source from the page head', async () => {
    const article = await readArticle(FIXTURE);
    expect({
      id: article.id,
      title: article.title,
      date: article.date,
      byline: article.byline,
      source: article.source,
      warnings: article.warnings,
    }).toEqual({
      id: 'news-page',
      title: 'Grain deal talks resume in Istanbul',
      date: '2025-03-14',
      byline: 'Maria Kovac, Tom Ellis',
      source: 'The Harbour Post',
      warnings: [],
    });
  });

  it('leaves out scripts, styles, menus, forms, captions, asides and footers', async () => {
    const article = await readArticle(FIXTURE);
    for (const text of [
      'dataLayer',
      'font-family',
      'NewsArticle',
      'World',
      'Search',
      'cookies',
      'Cargo ships wait',
      'Facebook',
      'Share',
      'Related',
      'Wheat prices fall',
      'Most read',
      'JavaScript',
      'Advertisement',
      'All rights reserved',
      'Privacy policy',
      'icon',
      'By Maria Kovac',
    ]) {
      expect(article.text).not.toContain(text);
    }
  });

  it('reads a .txt file that starts like an HTML document as HTML', async () => {
    const path = await corpus.write('saved-page.txt', NEWS_PAGE);
    const article = await readArticle(path);
    expect(article.title).toBe('Grain deal talks resume in Istanbul');
    expect(article.text).not.toContain('<p>');
    expect(article.sentences[0]?.text).toBe(
      'Negotiators from Russia, Ukraine and Turkey met in Istanbul on Friday to revive a deal that let grain ships leave Black Sea ports, officials said.',
    );
    const load = await loadCorpus(corpus.root(), { cacheDir: null });
    expect(load.articles.map((loaded) => loaded.id)).toEqual(['saved-page']);
  });

  it('takes the <h1> as the title when og:title is a shortened version of it', async () => {
    const path = await corpus.write(
      'page.html',
      `<html><head><meta property="og:title" content="Port reopens | Coast News"></head>
      <body><article><h1>Port of Varna reopens after the storm</h1>
      <p>The port of Varna reopened on Monday after a storm closed it for three days, the harbour master said.</p></article></body></html>`,
    );
    const article = await readArticle(path);
    expect(article.title).toBe('Port of Varna reopens after the storm');
    expect(article.text).toBe(
      'The port of Varna reopened on Monday after a storm closed it for three days, the harbour master said.',
    );
  });

  it('keeps og:title and the <h1> out of the body when og:title words it differently', async () => {
    const path = await corpus.write(
      'page.html',
      `<html><head><meta property="og:title" content="Storm over: Black Sea trade resumes"></head>
      <body><article><h1>Port of Varna reopens after the storm</h1>
      <p>The port of Varna reopened on Monday after a storm closed it for three days, the harbour master said.</p></article></body></html>`,
    );
    const article = await readArticle(path);
    expect(article.title).toBe('Storm over: Black Sea trade resumes');
    expect(article.text).toBe(
      'The port of Varna reopened on Monday after a storm closed it for three days, the harbour master said.',
    );
  });

  it('drops the site name from og:title when og:site_name names it', async () => {
    const path = await corpus.write(
      'page.html',
      `<html><head><meta property="og:title" content="Port reopens after storm | Coast News">
      <meta property="og:site_name" content="Coast News"></head>
      <body><p>The port of Varna reopened on Monday after a storm closed it for three days, the harbour master said.</p></body></html>`,
    );
    expect((await readArticle(path)).title).toBe('Port reopens after storm');
  });

  it('takes the headline from <title> without the site name when there is no og:title', async () => {
    const path = await corpus.write(
      'page.htm',
      `<html><head><title>Port reopens after storm - Coast News</title><meta property="og:site_name" content="Coast News"></head>
      <body><p>The port of Varna reopened on Monday after a storm closed it for three days, the harbour master said.</p></body></html>`,
    );
    const article = await readArticle(path);
    expect(article.title).toBe('Port reopens after storm');
    expect(article.source).toBe('Coast News');
    expect(article.text).toBe(
      'The port of Varna reopened on Monday after a storm closed it for three days, the harbour master said.',
    );
  });
});
