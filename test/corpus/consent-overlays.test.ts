import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../source/corpus/clean.js';

const STORY = `<h1>Library reopens after two-year renovation</h1>
<p>The town library reopened on Saturday after a renovation that took two years, nearly twice as long as planned.</p>
<p>Hundreds of residents queued outside before the doors opened at nine, and the children's floor was full within the hour.</p>
<p>The building now has a reading garden on its roof, a workshop with two 3D printers and a room for local history.</p>`;

const STORY_TEXT = [
  'The town library reopened on Saturday after a renovation that took two years, nearly twice as long as planned.',
  "Hundreds of residents queued outside before the doors opened at nine, and the children's floor was full within the hour.",
  'The building now has a reading garden on its roof, a workshop with two 3D printers and a room for local history.',
];

/** A consent manager's dialog as a page saved with it open carries it: more prose than the story. */
const DIALOG = `<div id="consent-overlay" class="cmp-wrapper"><div class="cmp-dialog" role="dialog" aria-modal="true">
<h2>We value your privacy</h2>
<p>We and our 914 partners store and/or access information on a device, such as cookies, and process personal data, such as unique identifiers and standard information sent by a device, for personalised advertising and content, advertising and content measurement, audience research and services development.</p>
<p>With your permission we and our partners may use precise geolocation data and identification through device scanning. You may click to consent to our and our partners' processing as described above, or access more detailed information and change your preferences before consenting or to refuse consenting.</p>
<p>Please note that some processing of your personal data may not require your consent, but you have a right to object to such processing. Your preferences will apply to this website only, and you can change them at any time.</p>
<button>Accept all</button><button>Manage options</button></div></div>`;

const page = (body: string, bodyAttributes = '') =>
  `<!doctype html><html><head><meta charset="utf-8"><title>Library reopens after two-year renovation | Valley Courier</title></head><body${bodyAttributes}>${body}</body></html>`;

describe('cookie and consent overlays', () => {
  it('drops a consent dialog that holds more prose than the story', () => {
    const cleaned = cleanDocument(
      page(`${DIALOG}<header><a href="/">Home</a></header><main>${STORY}</main>`),
      'html',
    );
    expect(cleaned.title).toBe('Library reopens after two-year renovation');
    expect(cleaned.paragraphs).toEqual(STORY_TEXT);
  });

  it('drops a cookie notice standing as the first paragraph of the story', () => {
    const notice = `<div class="site-cookie-notice"><p>This website uses cookies to improve your experience and to show you personalised advertising. By continuing to browse the site you agree to our use of cookies and to our privacy policy, which explains how we use your personal data.</p><a href="/privacy">Accept</a></div>`;
    const cleaned = cleanDocument(page(`<div class="content">${notice}${STORY}</div>`), 'html');
    expect(cleaned.paragraphs).toEqual(STORY_TEXT);
  });

  it('keeps a story about cookie rules, on a page whose body class names the banner', () => {
    const story = `<article><h1>Regulator fines retailer over cookie banners</h1>
<p>The data protection regulator fined a retailer on Monday for cookie banners that made refusing consent harder than accepting it, its first such fine.</p>
<p>The regulator said visitors had to open three settings pages to reject advertising cookies, while accepting them took one click on any device.</p>
<p>The retailer said it would change its privacy settings and appeal, arguing that its partners had designed the banner.</p></article>`;
    const cleaned = cleanDocument(
      page(`<div class="cookie-wrapper">${story}</div>`, ' class="has-cookie-banner"'),
      'html',
    );
    expect(cleaned.paragraphs).toHaveLength(3);
    expect(cleaned.paragraphs[0]).toMatch(/^The data protection regulator fined a retailer/);
  });

  it('drops a consent dialog that has a headline of its own', () => {
    const dialog = DIALOG.replace(
      '<h2>We value your privacy</h2>',
      '<h1>We value your privacy</h1>',
    );
    const cleaned = cleanDocument(page(`${dialog}<div class="story">${STORY}</div>`), 'html');
    expect(cleaned.title).toBe('Library reopens after two-year renovation');
    expect(cleaned.paragraphs).toEqual(STORY_TEXT);
  });

  it('keeps a story whose headline is in a wrapper named for cookies that mentions them once', () => {
    // No <article> or <main>: the wrapper's class names the banner script, and its text speaks
    // of cookies, settings, privacy and accepting in one short line among the story's prose.
    const wrapper = `<div id="cookie-law-container" class="page gdpr-aware">${STORY}
<p class="small">You can change your cookie settings at any time. See our privacy notice; by continuing you accept it.</p></div>`;
    const cleaned = cleanDocument(page(wrapper), 'html');
    expect(cleaned.title).toBe('Library reopens after two-year renovation');
    expect(cleaned.paragraphs.slice(0, 3)).toEqual(STORY_TEXT);
  });
});
