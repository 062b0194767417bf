/**
 * What class names, ids, tags and roles say about an element: page furniture (share bars,
 * menus, captions…), comment threads, or the article's own container. Hints only: the candidate
 * scoring (`candidates.ts`) weighs them against the text each element holds.
 */

/**
 * Class or id words of page furniture: share bars, related lists, cookie banners, ads, captions
 * and galleries, bylines and tag lists, pagers, widgets. Whole words of a class or id only
 * (`-`, `_` or a space around them): `shareholders` or `adsorption` are no hints.
 */
const FURNITURE =
  /(?:^|[-_\s])(?:share|sharing|social|related|newsletter|cookies?|consent|advert|ads?|adslot|promo|breadcrumbs?|subscribe|subscription|comments?|paywall|sidebar|menu|navbar|nav|footer|masthead|banner|popup|modal|cta|call-to-action|donate|donation|recirc|outbrain|taboola|more-stories|more-news|more-from|read-next|read-more|up-next|most-read|most-popular|most-viewed|recommended|recommendations|trending|teasers?|captions?|gallery|slideshow|carousel|lightbox|credits?|meta|tags?|widgets?|byline|print|tools|toolbar|pagination|pager)(?:$|[-_\s])/i;

const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'menu', 'dialog']);

const FURNITURE_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'dialog',
  'menu',
  'menubar',
]);

/** Comment threads: furniture however much prose they hold. */
const COMMENTS = /(?:^|[-_\s])(?:comments?|comment-list|commentlist|disqus|replies)(?:$|[-_\s])/i;

/** Tags that are furniture however much prose they hold: no story sits in a footer. */
const STRONG_TAGS = new Set(['nav', 'footer', 'aside']);

/** Class or id words of an article's own container. */
const ARTICLE_WORDS =
  /(?:^|[-_\s])(?:article|articlebody|article-body|article-content|story|story-body|entry-content|post-content|post-body|content-body|body-text|main-content)(?:$|[-_\s])/i;

function classWords(attribs: Record<string, string>): string {
  return `${attribs.class ?? ''} ${attribs.id ?? ''}`;
}

/** Share bars, menus, captions, sidebars…: by tag, landmark role, or class and id words. */
export function isFurniture(name: string, attribs: Record<string, string>): boolean {
  if (FURNITURE_TAGS.has(name)) return true;
  const role = attribs.role;
  if (role && FURNITURE_ROLES.has(role)) return true;
  const words = classWords(attribs);
  return words.length > 1 && FURNITURE.test(words) && !EMBEDDED.test(words);
}

/** A post embedded in the story (`div.social-media-embed`, `blockquote.twitter-tweet`) is a quote. */
const EMBEDDED = /(?:^|[-_\s])(?:embed|embedded|tweet|twitter-tweet|instagram-media)(?:$|[-_\s])/i;

/** Furniture whatever share of the page it holds: comments, navigation, footers, asides. */
export function isStrongFurniture(name: string, attribs: Record<string, string>): boolean {
  if (STRONG_TAGS.has(name)) return true;
  const words = classWords(attribs);
  return words.length > 1 && COMMENTS.test(words);
}

/**
 * Class or id words of a paywall, what stands where a paywalled story stops: `paywall`,
 * `regwall`, `subscriber-only`, Piano's `tp-container`/`piano-offer`.
 */
const PAYWALL =
  /(?:^|[-_\s])(?:paywall|pay-wall|paywalled|regwall|reg-wall|hardwall|meter-wall|subscriber-only|subscribers-only|subscriber-content|premium-wall|premium-gate|piano-offer|piano-paywall|tp-container)(?:$|[-_\s])/i;

/** An element a paywall stands in. */
export function isPaywall(attribs: Record<string, string>): boolean {
  const words = classWords(attribs);
  return words.length > 1 && PAYWALL.test(words);
}

/** The story's own container: `<article>`, `<main>`, `itemprop="articleBody"`, `article-body`. */
export function isArticleHint(name: string, attribs: Record<string, string>): boolean {
  if (name === 'article' || name === 'main') return true;
  if (attribs.itemprop === 'articleBody') return true;
  const words = classWords(attribs);
  return words.length > 1 && ARTICLE_WORDS.test(words);
}
