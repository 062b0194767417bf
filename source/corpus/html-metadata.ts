import type { Element } from './dom.js';
import type { EmbeddedText } from './embedded-article.js';
import { BLOCKS, elementText, SILENT } from './html-elements.js';
import { type LiveBlogUpdate, readLinkedData } from './json-ld.js';
import { hostOf, outletOfUrl } from './outlets.js';
import { tidy } from './units.js';

/** What a page says about itself, each as the page wrote it (dates are parsed later). */
export interface HtmlMeta {
  /** `<title>`, often `Headline | Site`. */
  title: string | null;
  /** `og:title`, `twitter:title`, then JSON-LD `headline`. */
  headline: string | null;
  /** The body's first few `<h1>`s: the headline is one of them, a logo or a section name may be too. */
  h1s: string[];
  /**
   * The first of `og:site_name` and `application-name` in the page (an application name that
   * reads as the headline is none), then JSON-LD `publisher`.
   */
  siteName: string | null;
  /** Every date the page gives for its publication, best first: callers take the first plausible. */
  published: string[];
  author: string | null;
  /**
   * The text of the first element the page names a byline (`<div class="byline">Jane Doe</div>`,
   * `<span class="author">`, `itemprop="author"`) where nothing above names the writer: as
   * written, a writer's title or the date beside the name maybe (`clean.ts` reads the people).
   */
  bylineText: string | null;
  /** The page's own address (`og:url`, else `<link rel="canonical">`), or null. */
  url: string | null;
  /** Absolute link targets of the body, for naming the outlet when nothing else does. */
  links: string[];
  /** JSON-LD calls the page a `LiveBlogPosting`. */
  liveBlog: boolean;
  /** Its updates with their times, from the JSON-LD (`liveBlogUpdate`). */
  liveBlogUpdates: LiveBlogUpdate[];
  /** The story as the page's data holds it, for a page whose markup holds none. */
  embedded: EmbeddedText;
}

const MAX_H1S = 8;

/**
 * Reads the head's `<title>` and `<meta>` tags, JSON-LD blocks, the first `<h1>` and the first
 * `<time datetime>` of the page, in one walk of the tree.
 */
export function readHtmlMetadata(root: Element): HtmlMeta {
  const meta: HtmlMeta = {
    title: null,
    headline: null,
    h1s: [],
    siteName: null,
    published: [],
    author: null,
    bylineText: null,
    url: null,
    links: [],
    liveBlog: false,
    liveBlogUpdates: [],
    embedded: { articleBody: null, appState: [] },
  };
  let canonical: string | null = null;
  const linkedData: string[] = [];
  /** `og:site_name` and `application-name` in the page's order, the latter marked. */
  const siteNames: Array<{ name: string; application: boolean }> = [];
  const metaDates: string[] = [];
  const timeDates: string[] = [];
  let relAuthor: string | null = null;
  /** Each found in no comment, card or quote; one inside the article wins over one outside. */
  let bylineText: Found | null = null;
  /** The writer's name set in a block of its own (`div.post_author`, a reader view's credits). */
  let blockAuthor: Found | null = null;
  /** The article's address a reader view writes above it (Firefox's `a.reader-domain`). */
  let readerDomain: string | null = null;
  const pending: Array<{ element: Element; silent: boolean; aside: boolean; inArticle: boolean }> =
    [{ element: root, silent: false, aside: false, inArticle: false }];
  while (pending.length > 0) {
    const entry = pending.pop()!;
    const { element, silent } = entry;
    const { name, attribs } = element;
    const inArticle = entry.inArticle || name === 'article' || name === 'main';
    const aside = entry.aside || isAside(attribs, inArticle);
    if (name === 'meta') {
      readMeta(meta, metaDates, siteNames, attribs);
      continue;
    }
    if (
      name === 'link' &&
      canonical === null &&
      /(?:^|\s)canonical(?:\s|$)/i.test(attribs.rel ?? '')
    ) {
      canonical = attribs.href ?? null;
    }
    if (name === 'title' && meta.title === null && !silent) {
      meta.title = elementText(element) || null;
      continue;
    }
    if (name === 'script') {
      if (/ld\+json/i.test(attribs.type ?? '')) {
        linkedData.push(element.children.filter((c) => typeof c === 'string').join(''));
      } else if (/^application\/json$/i.test(attribs.type ?? '')) {
        // A single-page app's state (`__NEXT_DATA__`): parsed only if the page shows no story.
        meta.embedded.appState.push(element.children.filter((c) => typeof c === 'string').join(''));
      }
      continue;
    }
    if (name === 'h1' && meta.h1s.length < MAX_H1S && !silent) {
      const text = elementText(element);
      if (text) meta.h1s.push(text);
    }
    if (name === 'time' && attribs.datetime && !silent) timeDates.push(attribs.datetime);
    if (name === 'a' && attribs.href && /^https?:\/\//i.test(attribs.href)) {
      meta.links.push(attribs.href);
    }
    // A link to the writer's page (`rel="author"`, a WordPress theme's byline): the byline
    // where neither a meta tag nor JSON-LD names one (qa52: CityAM's pages).
    if (
      name === 'a' &&
      relAuthor === null &&
      !silent &&
      /(?:^|\s)author(?:\s|$)/i.test(attribs.rel ?? '')
    ) {
      const text = elementText(element).replace(/^by\s+/i, '');
      // A site's admin account (`jdadmin`) is who posted it, not a byline.
      const named = /\p{L}/u.test(text) && text.length <= 100 && !/^https?:/i.test(text);
      if (named) relAuthor = text;
    }
    if (wanted(bylineText, inArticle) && !silent && !aside && isBylineElement(attribs)) {
      const text = bylineLine(element);
      if (/\p{L}/u.test(text) && text.length <= MAX_BYLINE) bylineText = { text, inArticle };
    }
    if (!silent && attribs.class !== undefined) {
      const classes = attribs.class.split(/\s+/);
      if (
        wanted(blockAuthor, inArticle) &&
        !aside &&
        classes.some((word) => AUTHOR_BLOCK.test(word))
      ) {
        const text = nameOf(elementText(element));
        if (text !== null) blockAuthor = { text, inArticle };
      }
      if (
        name === 'a' &&
        readerDomain === null &&
        classes.includes('reader-domain') &&
        /^https?:\/\//i.test(attribs.href ?? '')
      ) {
        readerDomain = attribs.href!;
      }
    }
    const quiet = silent || SILENT.has(name) || 'hidden' in attribs;
    for (let i = element.children.length - 1; i >= 0; i--) {
      const child = element.children[i]!;
      if (typeof child !== 'string')
        pending.push({ element: child, silent: quiet, aside, inArticle });
    }
  }
  const facts = readLinkedData(linkedData);
  meta.headline ??= facts.headline;
  meta.url ??= /^https?:\/\//i.test(canonical ?? '') ? canonical : null;
  meta.liveBlog = facts.liveBlog;
  meta.liveBlogUpdates = facts.updates;
  meta.embedded.articleBody = facts.body;
  // An application name that reads as the page's headline names no outlet (an MSN page's
  // application-name is its headline).
  const found = siteNames.find(
    ({ name, application }) => !application || !readsAsHeadline(name, meta, facts.headline),
  );
  // A reader view keeps the article's address only in the link above it.
  meta.url ??= readerDomain;
  const host = meta.url ? hostOf(meta.url) : null;
  meta.siteName = outletName(siteOf(found?.name ?? facts.publisher), facts.publisher, host);
  if (meta.siteName === null && readerDomain !== null) {
    meta.siteName = outletOfUrl(readerDomain) ?? hostOf(readerDomain);
  }
  // A byline names people. A meta tag's author speaks first unless it is the outlet or its
  // publisher, a site's admin account, or shares no word with the authors the JSON-LD types as
  // `Person` (Wired's `Condé Nast` beside `Louise Matsakis`); then those people, the JSON-LD's
  // other authors and a `rel="author"` link, none of them the outlet either (`AppleInsider`).
  const outlets = [found?.name, facts.publisher, meta.siteName, host, host && mainLabel(host)];
  const metaAuthor =
    meta.author !== null && facts.people !== null && !sharesWord(meta.author, facts.people)
      ? null
      : meta.author;
  meta.author =
    [metaAuthor, facts.people, facts.author, relAuthor, blockAuthor?.text].find(
      (name): name is string => name != null && !isPublisherName(name, outlets),
    ) ?? null;
  if (meta.author === null && bylineText !== null && !isPublisherName(bylineText.text, outlets)) {
    meta.bylineText = bylineText.text;
  }
  meta.published = [...metaDates, ...(facts.published ? [facts.published] : []), ...timeDates];
  return meta;
}

/** A writer's name found in the page, and whether it was inside its `<article>` or `<main>`. */
interface Found {
  text: string;
  inArticle: boolean;
}

/**
 * Still looking: nothing found yet, or only outside the article and this one is inside (a
 * "top stories" card's writer above the story must not name the story's).
 */
function wanted(found: Found | null, inArticle: boolean): boolean {
  return found === null || (inArticle && !found.inArticle);
}

/**
 * Parts of a class or id that mark an element holding someone else's words or another story:
 * a comment's or a quote's author, a teaser's, a reply's (review59-a: `comment-author` and a
 * card's `author` were read as the story's writer). A `card` marks one only outside the
 * article: Bootstrap sites set the story's own header in a card (Snopes).
 */
const ASIDE_PART =
  /^(?:comments?|quotes?|teasers?|related|repl(?:y|ies)|promos?|promoted|recommend(?:ed|ations?)?)$/i;
const CARD_PART = /^cards?$/i;

function isAside(attribs: Record<string, string>, inArticle: boolean): boolean {
  const parts = `${attribs.class ?? ''} ${attribs.id ?? ''}`.split(/[\s_-]+/);
  return parts.some((part) => ASIDE_PART.test(part) || (!inArticle && CARD_PART.test(part)));
}

/**
 * A byline element's text, or its first line alone where that line is a whole `By …` line:
 * AP's box holds `By A and B` and `Associated Press` as two blocks; joined, the second name
 * read as the outlet and was dropped (review59-a #2). Names set one to a block, with no `By`,
 * stay joined.
 */
function bylineLine(element: Element): string {
  const first = firstLineText(element);
  return /^by\s/i.test(first) ? first : elementText(element);
}

/** The text up to the element's first block that follows some text, or its first block's. */
function firstLineText(element: Element): string {
  const parts: string[] = [];
  for (const child of element.children) {
    if (typeof child === 'string') {
      parts.push(child);
      continue;
    }
    if (SILENT.has(child.name)) continue;
    if (!BLOCKS.has(child.name)) {
      parts.push(' ', elementText(child), ' ');
      continue;
    }
    const before = tidy(parts.join('').replace(/\s+/g, ' '));
    if (/\p{L}/u.test(before)) return before;
    parts.length = 0;
    const inner = firstLineText(child);
    if (/\p{L}/u.test(inner)) return inner;
  }
  return tidy(parts.join('').replace(/\s+/g, ' '));
}

/** Longer text in a byline's element is a writer's biography, not the byline. */
const MAX_BYLINE = 100;

/**
 * Class words of a byline's element, each a whole word of the class or id or its last part
 * (`byline`, `article-byline`, `author`, `post-author`, `author-name`, `c-byline__author`), or
 * microdata's `itemprop="author"`; not a writer's picture or biography (`author-bio`).
 */
const BYLINE_WORD =
  /^(?:[\w-]*[-_])?(?:byline|author|authors|writer)(?:[-_]+(?:name|names|link))?$/i;
const NOT_BYLINE = /bio|avatar|image|img|photo|pic|box|desc|about|follow|social|more|date|time/i;

function isBylineElement(attribs: Record<string, string>): boolean {
  if (/(?:^|\s)author(?:\s|$)/i.test(attribs.itemprop ?? '')) return true;
  const words = `${attribs.class ?? ''} ${attribs.id ?? ''}`.split(/\s+/);
  return words.some((word) => BYLINE_WORD.test(word) && !NOT_BYLINE.test(word));
}

/**
 * A block that holds the writer's name by its class: a word ending in `_author`/`-author`
 * (Ukrainska Pravda's `post_author`, `article-author`, BEM's `c-signature__author`) or the
 * `reader-credits` Firefox's reader view writes. `author-bio`, `authors-list` are not such.
 */
const AUTHOR_BLOCK = /^(?:[\p{L}\d]+(?:[_-]+[\p{L}\d]+)*[_-]+author|reader-credits)$/iu;

/** A block's text as a writer's name: a few words with a letter and no figure, else null. */
function nameOf(text: string): string | null {
  const name = text.replace(/^by\s+/i, '');
  const words = name.split(/\s+/).filter(Boolean);
  return /\p{L}/u.test(name) && !/\d/.test(name) && words.length <= 6 && name.length <= 80
    ? name
    : null;
}

/**
 * A site name that is a web address (`og:site_name` "https://www.newsnation.in", a JSON-LD
 * publisher given by its URL) names its outlet where margin knows the address, else its host
 * without `www.`: the list, the header and the exports showed the address whole.
 */
function siteOf(name: string | null): string | null {
  if (name === null || !/^https?:\/\/[^\s/]+\.[^\s/]+(?:\/\S*)?$/i.test(name)) return name;
  return outletOfUrl(name) ?? hostOf(name) ?? name;
}

/** Lower case, letters and digits only: `Condé Nast` and `conde-nast`, `NJ.com` and `nj com`. */
function squeeze(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Whether two names have a word in common (`Amy Kuperinsky` and `Amy Kuperinsky | NJ.com`). */
function sharesWord(a: string, b: string): boolean {
  const words = new Set(
    a
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1),
  );
  return b
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .some((word) => words.has(word));
}

/** A site's account (`admin`, `jdadmin`, `webadmin`): who posted the page, not who wrote it. */
const ADMIN = /admin/i;

/** A name that is the outlet's, its publisher's, its host's, or an admin account's. */
function isPublisherName(name: string, outlets: Array<string | null | undefined>): boolean {
  if (ADMIN.test(name)) return true;
  const key = squeeze(name);
  return key === '' || outlets.some((outlet) => outlet != null && squeeze(outlet) === key);
}

/** Second-level labels under a country's code: `co.uk`, `com.au`. */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ne', 'or']);

/** The domain a host is registered under: `hosted.ap.org` → `ap.org`, `bbc.co.uk` stays. */
function registeredDomain(host: string): string {
  const labels = host.split('.');
  const keep =
    labels.length > 2 && SECOND_LEVEL.has(labels[labels.length - 2]!) && labels.at(-1)!.length === 2
      ? 3
      : 2;
  return labels.slice(-keep).join('.');
}

/** The name label of a host's registered domain: `nj` of `www.nj.com`. */
function mainLabel(host: string): string {
  return registeredDomain(host).split('.')[0]!;
}

/**
 * The outlet a page names, unless its site name is only a piece of its host: a sub-domain's
 * label written as a plain word (AP's hosted pages say `Hosted`; `ProFootballTalk` is a name), or the domain's name in lower case as a
 * content system fills it in (`nj`, `cleveland`, `usatoday`; `Wired`, `BGR` are names). Then
 * the JSON-LD publisher's name where it is not such a piece too, the outlet margin knows for the
 * host, else the registered domain (`nj.com`).
 */
function outletName(
  site: string | null,
  publisher: string | null,
  host: string | null,
): string | null {
  if (site === null || host === null) return site;
  const piece = (name: string) => {
    const key = squeeze(name);
    const domain = registeredDomain(host);
    const labels = host
      .slice(0, host.length - domain.length)
      .split('.')
      .filter(Boolean);
    // A plain word (`Hosted`); a brand written with its capitals (`ProFootballTalk`) is a name.
    const plain = name.slice(1) === name.slice(1).toLowerCase();
    if (plain && labels.some((label) => squeeze(label) === key)) return true;
    return name === name.toLowerCase() && key === squeeze(mainLabel(host));
  };
  if (!piece(site)) return site;
  if (publisher !== null && !piece(publisher) && !/^https?:/i.test(publisher)) return publisher;
  return outletOfUrl(`https://${host}/`) ?? registeredDomain(host);
}

function readMeta(
  meta: HtmlMeta,
  dates: string[],
  siteNames: Array<{ name: string; application: boolean }>,
  attribs: Record<string, string>,
): void {
  const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? '').toLowerCase();
  const content = attribs.content ? tidy(attribs.content) : '';
  if (!content) return;
  switch (key) {
    case 'og:title':
    case 'twitter:title':
      meta.headline ??= content;
      break;
    case 'og:url':
      if (/^https?:\/\//i.test(content)) meta.url ??= content;
      break;
    case 'og:site_name':
      siteNames.push({ name: content, application: false });
      break;
    case 'application-name':
      siteNames.push({ name: content, application: true });
      break;
    case 'article:published_time':
    case 'datepublished':
    case 'date':
    case 'pubdate':
    case 'publish-date':
    case 'dc.date':
    case 'dc.date.issued':
    case 'sailthru.date':
    case 'parsely-pub-date':
    // Chinese content systems' (`<meta name="publishdate">`, Xinhua and many others).
    case 'publishdate':
    case 'publish_date':
    case 'publication_date':
      dates.push(content);
      break;
    case 'author':
    case 'article:author':
    case 'dc.creator':
      if (!/^https?:/i.test(content)) meta.author ??= content;
      break;
  }
}

/**
 * Whether a name reads as the page's headline rather than an outlet's: it is the og:title or
 * JSON-LD headline, or the `<title>` before its separator ("Headline - Site"; a title that is
 * the site's name alone says nothing), or longer than outlets' names run. The h1s are no guide:
 * a logo may be one.
 */
function readsAsHeadline(name: string, meta: HtmlMeta, headline: string | null): boolean {
  if (name.split(/\s+/).length > 6) return true;
  const parts = meta.title?.split(/\s+[-|–—:]\s+/) ?? [];
  const titleHead = parts.length > 1 ? parts[0] : null;
  return [meta.headline, headline, titleHead].includes(name);
}
