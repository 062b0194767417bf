import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildArticle } from '../../source/corpus/article.js';
import { bytesToSource, FileRefusedError } from '../../source/corpus/read.js';

function articleOf(name: string, xml: string) {
  return buildArticle(name.replace(/\.\w+$/, ''), name, bytesToSource(name, Buffer.from(xml)));
}

function refusal(name: string, xml: string): string {
  try {
    articleOf(name, xml);
  } catch (error) {
    if (error instanceof FileRefusedError) return error.reason;
    throw error;
  }
  return 'read';
}

const texts = (article: ReturnType<typeof articleOf>) =>
  article.sentences.map((sentence) => sentence.text);

const STRIKE = [
  'Dock workers voted 812 to 301 on Friday to accept a new contract, ending an 11-day strike.',
  '“We got what we came for,” union leader Sam Ortiz said.',
];

/** An Atom feed of one entry whose content is `content`, as a reader's "save item" keeps it. */
function atom(content: string, title = 'The Harbor Times'): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${title}</title>
  <link href="https://harbortimes.example/"/>
  <updated>2026-12-05T12:00:00Z</updated>
  <entry>
    <title>Port strike ends after 11 days</title>
    <link rel="alternate" href="https://harbortimes.example/news/port-strike-ends"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <updated>2026-12-06T09:00:00Z</updated>
    <published>2026-12-05T11:30:00Z</published>
    <author><name>Rosa Lind</name><email>rosa@harbortimes.example</email></author>
    ${content}
  </entry>
</feed>`;
}

const FIRE = [
  'The Ridge Fire was 60% contained on Saturday morning, Cal Fire said.',
  '"Cooler weather helped a lot," Capt. Lee Morgan said.',
  'About 2,400 residents remain under evacuation orders.',
];

function rss(item: string, items = 1): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Valley Courier</title><link>https://valleycourier.example/</link>
${Array.from({ length: items }, () => `<item>${item}</item>`).join('\n')}
</channel></rss>`;
}

const FIRE_ITEM = `
<title>Wildfire 60% contained, officials say</title>
<link>https://valleycourier.example/fire</link>
<dc:creator><![CDATA[Ben Alvarez]]></dc:creator>
<pubDate>Sat, 06 Dec 2026 08:15:00 +0000</pubDate>
<description><![CDATA[Firefighters made progress overnight.]]></description>
<content:encoded><![CDATA[<p>${FIRE[0]}</p><p>${FIRE[1]} ${FIRE[2]}</p>]]></content:encoded>`;

describe('a feed file of one item (qa59 #6)', () => {
  it('reads an Atom entry whose content is escaped HTML, with its title, date, author and feed', () => {
    const escaped =
      `<p>${STRIKE[0]}</p><p>&ldquo;We got what we came for,&rdquo; union leader Sam Ortiz said.</p>`
        .replaceAll('&', '&amp;')
        .replaceAll('<', '&lt;')
        .replaceAll('>', '&gt;');
    const article = articleOf('strike.xml', atom(`<content type="html">${escaped}</content>`));
    expect(article.title).toBe('Port strike ends after 11 days');
    expect(article.date).toBe('2026-12-05');
    expect(article.byline).toBe('Rosa Lind');
    expect(article.source).toBe('The Harbor Times');
    expect(texts(article)).toEqual(STRIKE);
    expect(article.warnings).toEqual([]);
  });

  it('reads an Atom entry whose content is inline XHTML, its paragraphs apart', () => {
    const xhtml = `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>${STRIKE[0]}</p><p>“We got what we came for,” union leader <b>Sam Ortiz</b> said.</p></div></content>`;
    // No extension: a feed is known by its root element.
    const article = articleOf('strike', atom(xhtml));
    expect(article.title).toBe('Port strike ends after 11 days');
    expect(texts(article)).toEqual(STRIKE);
    expect(article.text).not.toMatch(/<|xmlns/);
    expect(article.sentences.map((sentence) => sentence.paragraph)).toEqual([0, 1]);
  });

  it('reads an RSS item’s content:encoded in CDATA, not its teaser description', () => {
    const article = articleOf('fire.rss', rss(FIRE_ITEM));
    expect(article.title).toBe('Wildfire 60% contained, officials say');
    expect(article.date).toBe('2026-12-06');
    expect(article.byline).toBe('Ben Alvarez');
    expect(article.source).toBe('Valley Courier');
    expect(texts(article)).toEqual(FIRE);
  });

  it('reads the files qa59 saved: one read as raw markup, one refused', () => {
    const saved = (name: string) =>
      articleOf(name, readFileSync(new URL(`./fixtures/feeds/${name}`, import.meta.url), 'utf8'));
    expect(texts(saved('rss-item.xml'))).toEqual(FIRE);
    expect(texts(saved('feed-item.xml'))).toEqual(STRIKE);
    expect(saved('feed-item.xml').title).toBe('Port strike ends after 11 days');
  });

  it('reads an RSS item with a description only, escaped HTML or plain text', () => {
    const escaped = `<p>${FIRE[0]}</p><p>${FIRE[1]}</p>`
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;');
    const item = `<title>Fire update</title><author>news@valleycourier.example (Ben Alvarez)</author><description>${escaped}</description>`;
    const article = articleOf('update.xml', rss(item));
    expect(texts(article)).toEqual(FIRE.slice(0, 2));
    expect(article.byline).toBe('Ben Alvarez');
    const plain = articleOf(
      'plain.xml',
      rss(`<title>Fire update</title><description>${FIRE[0]} ${FIRE[2]}</description>`),
    );
    expect(texts(plain)).toEqual([FIRE[0], FIRE[2]]);
  });

  it('reads an RSS 1.0 (RDF) item with its dc:date', () => {
    const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://valleycourier.example/"><title>Valley Courier</title></channel>
<item rdf:about="https://valleycourier.example/fire"><title>Wildfire 60% contained</title>
<link>https://valleycourier.example/fire</link><dc:date>2026-12-06T08:15:00Z</dc:date>
<description>${FIRE[0]}</description></item>
</rdf:RDF>`;
    const article = articleOf('fire.rdf', rdf);
    expect(article.date).toBe('2026-12-06');
    expect(article.source).toBe('Valley Courier');
    expect(texts(article)).toEqual([FIRE[0]]);
  });

  it('refuses in one line a feed of several items, and one of none', () => {
    expect(refusal('news.xml', rss(FIRE_ITEM, 12))).toBe(
      'a feed of 12 items: margin reads one article a file',
    );
    expect(refusal('empty.atom', atom('').replace(/<entry>[\s\S]*<\/entry>/, ''))).toBe(
      'a feed with no items',
    );
  });

  it('removes escape sequences a feed’s title and text spell as references, and says so', () => {
    const article = articleOf(
      'escapes.xml',
      atom(
        `<content type="html">&lt;p&gt;${STRIKE[0]}&amp;#27;[2J&lt;/p&gt;</content>`,
        'Harbor &#27;]0;owned&#7;Times',
      ),
    );
    expect(article.source).toBe('Harbor Times');
    expect(`${article.source}${article.text}`).not.toMatch(/[\x07\x1b]/);
    // The title's, decoded from XML's references, at reading; the content's by the HTML cleaner.
    expect(article.warnings.join(' ')).toMatch(/removed 1 terminal escape sequence \(10 char/);
    expect(article.warnings.join(' ')).toMatch(/decoded from character references/);
  });

  it('refuses a sitemap, and reads other XML as text as before', () => {
    const sitemap = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.org/a</loc></url></urlset>`;
    expect(refusal('sitemap.xml', sitemap)).toBe(
      "a sitemap (a list of a site's addresses), not an article",
    );
    const note = `<note><body>${FIRE[0]}</body></note>`;
    expect(refusal('note.xml', note)).toBe('read');
  });

  it('looks past any number of comments for the root element, and reads a file of them alone', () => {
    // A pattern of repeated lazy comments took seconds to fail on forty of them (exponential).
    const comments = '<!-- saved by a reader -->\n'.repeat(40);
    const feed = articleOf('commented.xml', comments + rss(FIRE_ITEM).replace(/^<\?xml[^>]*>/, ''));
    expect(feed.source).toBe('Valley Courier');
    const note = articleOf('note.txt', `${comments}${FIRE[0]}`);
    expect(texts(note).at(-1)).toBe(FIRE[0]);
  });
});
