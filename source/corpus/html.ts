import { Parser } from 'htmlparser2';
import { readLinkedData } from './json-ld.js';
import { type LinkSpan, tidy, type Unit } from './units.js';

/** Elements whose content is never article text. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'aside',
  'figure',
  'figcaption',
  'form',
  'button',
  'select',
  'input',
  'textarea',
  'label',
  'iframe',
  'svg',
  'canvas',
  'video',
  'audio',
  'object',
  'embed',
  'dialog',
  'menu',
  'head',
]);

/** Elements that end one paragraph and start the next. */
const BLOCKS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/** In a text file only code and widgets go: a stray `<header>` there may wrap real text. */
const DROPPED_INLINE = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'button',
  'select',
]);

/** Class or id words of page furniture: share bars, related lists, cookie banners, ads. */
const FURNITURE =
  /(?:^|[-_\s])(?:share|sharing|social|related|newsletter|cookies?|consent|advert|ads?|adslot|promo|breadcrumbs?|subscribe|subscription|comments?|paywall|sidebar|menu|navbar|nav|footer|masthead|banner|popup|modal|donate|donation|recirc|outbrain|taboola|more-stories|more-news|more-from|read-next|read-more|up-next|most-read|most-popular|most-viewed|recommended|recommendations|trending|teasers?)(?:$|[-_\s])/i;

const HIDDEN_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'dialog',
]);

export interface HtmlMeta {
  title: string | null;
  headline: string | null;
  siteName: string | null;
  published: string | null;
  author: string | null;
  links: string[];
}

export interface HtmlDocument {
  units: Unit[];
  meta: HtmlMeta;
}

function dropsContent(name: string, attribs: Record<string, string>): boolean {
  if (DROPPED.has(name)) return true;
  if ('hidden' in attribs || attribs['aria-hidden'] === 'true') return true;
  const role = attribs.role;
  if (role && HIDDEN_ROLES.has(role)) return true;
  const words = `${attribs.class ?? ''} ${attribs.id ?? ''}`;
  return words.trim() !== '' && FURNITURE.test(words);
}

/** Parses an HTML page into paragraph units and the metadata its head carries. */
export function parseHtml(html: string): HtmlDocument {
  const units: Unit[] = [];
  const meta: HtmlMeta = {
    title: null,
    headline: null,
    siteName: null,
    published: null,
    author: null,
    links: [],
  };
  // htmlparser2 closes every element it opens (void ones at once), so a depth count is exact.
  let skipDepth = 0;
  let buffer = '';
  let linkChars = 0;
  let anchorDepth = 0;
  let heading = 0;
  let listDepth = 0;
  let preDepth = 0;
  let articleDepth = 0;
  let articleCount = 0;
  /** Per unit: whether it stands inside an `<article>` element. */
  const inArticle: boolean[] = [];
  let block = 0;
  let inTitle = false;
  let titleText = '';
  let inHeadline = false;
  let headlineText = '';
  let inLinkedData = false;
  const linkedData: string[] = [];

  const flush = () => {
    const pieces = preDepth > 0 ? buffer.split('\n') : [buffer];
    for (const piece of pieces) {
      const text = tidy(piece);
      if (text === '') continue;
      inArticle.push(articleDepth > 0);
      units.push({
        text,
        block,
        linkChars: Math.min(linkChars, text.length),
        heading,
        listItem: listDepth > 0,
      });
      if (listDepth === 0) block++;
    }
    buffer = '';
    linkChars = 0;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'meta') return readMeta(meta, attribs);
        if (name === 'title') {
          inTitle = true;
          return;
        }
        if (name === 'script' && /ld\+json/i.test(attribs.type ?? '')) {
          inLinkedData = true;
          linkedData.push('');
        }
        if (skipDepth > 0 || dropsContent(name, attribs)) {
          skipDepth++;
          return;
        }
        if (BLOCKS.has(name)) flush();
        if (/^h[1-6]$/.test(name)) {
          heading = Number(name[1]);
          if (name === 'h1' && meta.headline === null) inHeadline = true;
        }
        if (name === 'article') {
          if (articleDepth === 0) articleCount++;
          articleDepth++;
        }
        if (name === 'ul' || name === 'ol') listDepth++;
        if (name === 'pre') preDepth++;
        if (name === 'a') {
          anchorDepth++;
          const href = attribs.href;
          if (href && /^https?:\/\//i.test(href)) meta.links.push(href);
        }
        if (name === 'time' && meta.published === null && attribs.datetime) {
          meta.published = attribs.datetime;
        }
      },
      ontext(text) {
        if (inTitle) {
          titleText += text;
          return;
        }
        if (inLinkedData) linkedData[linkedData.length - 1] += text;
        if (skipDepth > 0) return;
        const piece = preDepth > 0 ? text : text.replace(/\s+/g, ' ');
        buffer += piece;
        if (anchorDepth > 0) linkChars += piece.trim().length;
        if (inHeadline) headlineText += text;
      },
      onclosetag(name) {
        if (name === 'meta') return;
        if (name === 'script') inLinkedData = false;
        if (name === 'title') {
          inTitle = false;
          return;
        }
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (name === 'a' && anchorDepth > 0) anchorDepth--;
        if (BLOCKS.has(name)) flush();
        if (/^h[1-6]$/.test(name)) {
          heading = 0;
          if (inHeadline) {
            inHeadline = false;
            meta.headline = tidy(headlineText) || null;
          }
        }
        if (name === 'article' && articleDepth > 0) articleDepth--;
        if ((name === 'ul' || name === 'ol') && listDepth > 0) {
          listDepth--;
          if (listDepth === 0) block++;
        }
        if (name === 'pre' && preDepth > 0) preDepth--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  flush();
  const kept = articleCount === 1 ? onlyTheArticle(units, inArticle) : units;
  meta.title = tidy(titleText) || meta.title;
  // Meta tags speak first; JSON-LD fills what they leave open (often the only author names).
  const facts = readLinkedData(linkedData);
  meta.headline ??= facts.headline;
  meta.published ??= facts.published;
  meta.author ??= facts.author;
  meta.siteName ??= facts.publisher;
  return { units: kept, meta };
}

/** Text enough for a story: a lone `<article>` with less is a teaser or a wrapper of the head. */
const ARTICLE_MIN_CHARS = 200;

/**
 * A page with exactly one `<article>` holds its story there: what follows it outside (teaser
 * cards, "more stories" under neutral class names) goes. What comes before it stays for the
 * usual tests, since a headline, byline or dateline is often placed above the `<article>`.
 */
function onlyTheArticle(units: Unit[], inArticle: boolean[]): Unit[] {
  let chars = 0;
  units.forEach((unit, i) => {
    if (inArticle[i]) chars += unit.text.length;
  });
  if (chars < ARTICLE_MIN_CHARS) return units;
  const first = inArticle.indexOf(true);
  return units.filter((_, i) => i < first || inArticle[i]);
}

function readMeta(meta: HtmlMeta, attribs: Record<string, string>): void {
  const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? '').toLowerCase();
  const content = attribs.content ? tidy(attribs.content) : '';
  if (!content) return;
  switch (key) {
    case 'og:title':
    case 'twitter:title':
      meta.headline ??= content;
      break;
    case 'og:site_name':
    case 'application-name':
      meta.siteName ??= content;
      break;
    case 'article:published_time':
    case 'datepublished':
    case 'date':
    case 'pubdate':
    case 'publish-date':
    case 'dc.date':
      meta.published ??= content;
      break;
    case 'author':
    case 'article:author':
    case 'dc.creator':
      if (!/^https?:/i.test(content)) meta.author ??= content;
      break;
  }
}

/**
 * Strips tags left in a text file (000's `<a href>` anchors) with the same parser, keeping the
 * anchor text and every space and newline around it, and decoding character references.
 */
export function stripInlineMarkup(text: string): { text: string; links: LinkSpan[] } {
  if (!/[<&]/.test(text)) return { text, links: [] };
  let out = '';
  const links: LinkSpan[] = [];
  const open: Array<{ href: string; start: number }> = [];
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (skipDepth > 0 || DROPPED_INLINE.has(name)) {
          skipDepth++;
          return;
        }
        if (name === 'br') out += '\n';
        if (name === 'p' || name === 'div') out += '\n\n';
        if (name === 'a') open.push({ href: attribs.href ?? '', start: out.length });
      },
      ontext(piece) {
        if (skipDepth === 0) out += piece;
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (name === 'p' || name === 'div') out += '\n\n';
        if (name === 'a') {
          const link = open.pop();
          if (link) links.push({ href: link.href, start: link.start, end: out.length });
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(text);
  parser.end();
  return { text: out, links };
}
