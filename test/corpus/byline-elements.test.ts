import { describe, expect, it } from 'vitest';
import { readArticle } from '../../source/corpus/index.js';
import { tempCorpus } from './temp-corpus.js';

/**
 * A page that names its writer in an element of its own, without "By" and without a meta tag:
 * the byline (stop 58 saw `<div class="byline">Jane Doe</div>` read as nothing).
 */
const corpus = tempCorpus();

const BODY = [
  'The city council voted on Tuesday to close the old bridge to cars from next spring, after engineers found cracks in two of its piers.',
  'Buses and bicycles will still cross it, and a new bridge is planned for 2029, the mayor said.',
  'Shop owners on the east bank said the closure would cost them customers.',
];

function page(byline: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Council closes old bridge to cars - Harbour Daily</title><meta property="og:site_name" content="Harbour Daily"></head><body>
<header><nav><a href="/">Home</a></nav></header>
<main><article><h1>Council closes old bridge to cars</h1>
${byline}
<div class="date"><time datetime="2025-03-14">March 14, 2025</time></div>
${BODY.map((text) => `<p>${text}</p>`).join('\n')}
</article></main><footer>© 2025 Harbour Daily</footer></body></html>`;
}

describe('a byline in an element of its own', () => {
  it.each([
    ['<div class="byline">Jane Doe</div>', 'Jane Doe'],
    [
      '<div class="article-meta"><span class="author">Jane Doe, Staff Writer</span></div>',
      'Jane Doe',
    ],
    ['<p class="c-byline__author">Jane Doe and John Roe</p>', 'Jane Doe, John Roe'],
    ['<span itemprop="author">Jane Doe</span>', 'Jane Doe'],
    ['<div class="byline">By Jane Doe · March 14, 2025</div>', 'Jane Doe'],
    [
      '<div class="meta"><a rel="author" href="/authors/jane">Jane Doe, Senior Correspondent</a></div>',
      'Jane Doe',
    ],
  ])('is read: %s', async (byline, expected) => {
    const article = await readArticle(await corpus.write('bridge.html', page(byline)));
    expect(article.byline).toBe(expected);
    expect(article.source).toBe('Harbour Daily');
    expect(article.text).toBe(BODY.join('\n\n'));
  });

  it.each([
    // The outlet's own name, a writer's biography, a picture's caption: no byline.
    '<div class="byline">Harbour Daily</div>',
    '<div class="author-bio">Jane Doe has covered the city council for ten years.</div>',
    '<div class="byline">Staff Writer</div>',
  ])('names no one: %s', async (byline) => {
    const article = await readArticle(await corpus.write('nobody.html', page(byline)));
    expect(article.byline).toBeNull();
  });

  it('comes after the meta tag that names the writer', async () => {
    const html = page('<div class="byline">Jane Doe</div>').replace(
      '</head>',
      '<meta name="author" content="John Roe"></head>',
    );
    expect((await readArticle(await corpus.write('meta.html', html))).byline).toBe('John Roe');
  });
});

/** Another writer's name on the page: a teaser card's above the story, a comment's below it. */
function pageAround(before: string, after: string, byline = ''): string {
  return `<!doctype html><html><head><title>Council closes old bridge to cars</title></head><body>
${before}
<article><h1>Council closes old bridge to cars</h1>
${byline}
${BODY.map((text) => `<p>${text}</p>`).join('\n')}
</article>
${after}
</body></html>`;
}

describe('an author element outside the story', () => {
  it.each([
    [
      'a teaser card above it',
      '<div class="top-stories"><div class="card"><a href="/x">Mayor resigns</a><span class="author">Tom Baker</span></div></div>',
      '',
    ],
    [
      'a comment below it',
      '',
      '<section class="comments"><div><span class="comment-author">Mary Smith</span><p>About time.</p></div></section>',
    ],
    [
      'a quote below it',
      '',
      '<blockquote><p>Quote of the day</p><cite class="quote-author">Winston Churchill</cite></blockquote>',
    ],
    [
      'a related story in a block of its own',
      '',
      '<aside class="related-stories"><div class="post_author">Sue Hill</div></aside>',
    ],
  ])('names no one: %s', async (_, before, after) => {
    const article = await readArticle(await corpus.write('aside.html', pageAround(before, after)));
    expect(article.byline).toBeNull();
  });

  it("is read from a card that is the article's own header", async () => {
    const html = pageAround(
      '',
      '',
      '<div class="header-wrapper card"><ul class="authors"><li><a class="author" href="/author/dan">Dan Evon</a></li></ul></div>',
    );
    const article = await readArticle(await corpus.write('card.html', html));
    expect(article.byline).toBe('Dan Evon');
  });

  it("gives way to the article's own byline", async () => {
    const html = pageAround(
      '<div class="sidebar"><span class="author">Tom Baker</span></div>',
      '',
      '<div class="byline">Jane Doe</div>',
    );
    const article = await readArticle(await corpus.write('inside.html', html));
    expect(article.byline).toBe('Jane Doe');
  });
});

describe("AP's byline box", () => {
  it('keeps both writers when the agency is set on a line of its own', async () => {
    const byline =
      '<div class="ap-story-byline"><div class="byline-original">By DANICA KIRKA and JILL LAWLESS</div><div class="byline-title">Associated Press</div></div>';
    const article = await readArticle(await corpus.write('ap.html', pageAround('', '', byline)));
    expect(article.byline).toBe('DANICA KIRKA, JILL LAWLESS');
  });
});
