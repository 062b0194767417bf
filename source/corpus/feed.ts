import { Tokenizer } from 'htmlparser2';
import { MARKUP } from './json-record.js';
import type { FrontMatter } from './markdown.js';

/**
 * A feed saved as a file (Atom `<feed>`, RSS 2.0 `<rss>`, RSS 1.0 `<rdf:RDF>`), known by its root
 * element whatever its name (`.xml`, `.atom`, `.rss`, none): a reader's "save item", a scraper
 * that keeps each entry as its feed gave it. Before, an Atom entry was read as plain text (its
 * title `<feed xmlns=…>`, its text the escaped markup) and an RSS item with its text in CDATA was
 * refused as "no article text found" (qa59 #6).
 *
 * Read on htmlparser2's tokenizer in XML mode, not its `parseFeed`: that keeps neither RSS's
 * `content:encoded` (only the teaser `description`), nor Atom's `published` and `author`, nor
 * `dc:creator`, and it reads `type="xhtml"` content as text without its paragraphs.
 */
export interface FeedArticle {
  body: string;
  /** The body is markup (Atom `type="html"` or `"xhtml"`, RSS content with tags). */
  html: boolean;
  meta: FrontMatter;
}

/** What a file's root element says it is, for the XML that is not an article. */
export type XmlKind = 'feed' | 'sitemap' | 'opml';

interface XmlElement {
  /** Lower case, qualified (`content:encoded`, `dc:creator`); Atom's own `atom:` prefix dropped. */
  name: string;
  attribs: Record<string, string>;
  children: XmlElement[];
  /** Its own text, CDATA included, with XML's character references decoded. */
  text: string;
  /** Where its content lies in the file, for XHTML content read as markup. */
  innerStart: number;
  innerEnd: number;
}

/** A feed is shallow; deeper elements (XHTML content's own) are read as markup, not walked. */
const MAX_DEPTH = 32;

/**
 * The root element's name, after the prolog it may follow: a declaration, comments, a
 * stylesheet, a doctype. A loop, not one pattern: a pattern repeating lazy comments tries every
 * way to group `<!--a--><!--b-->…`, seconds for thirty of them.
 */
function rootName(head: string): string | null {
  let at = head.charCodeAt(0) === 0xfeff ? 1 : 0;
  /** Past the next `close` from `from`, or -1 where it is not closed. */
  const past = (close: string, from: number) => {
    const end = head.indexOf(close, from);
    return end < 0 ? -1 : end + close.length;
  };
  while (at >= 0) {
    while (at < head.length && /\s/.test(head[at]!)) at++;
    if (head.startsWith('<?', at)) at = past('?>', at + 2);
    else if (head.startsWith('<!--', at)) at = past('-->', at + 4);
    else if (/^<!doctype/i.test(head.slice(at, at + 9))) {
      // A doctype may hold an internal subset in brackets, with `>` inside it.
      const subset = head.indexOf('[', at);
      const end = head.indexOf('>', at);
      at = subset >= 0 && subset < end ? past(']', subset) : at;
      if (at >= 0) at = past('>', at);
    } else return /^<([A-Za-z_][\w.:-]*)/.exec(head.slice(at, at + 256))?.[1] ?? null;
  }
  // An unclosed declaration, comment or doctype: no root element in sight.
  return null;
}

/** A feed, or XML that is clearly no article, by its root element; null for any other file. */
export function xmlKind(text: string): XmlKind | null {
  const head = text.slice(0, 4096);
  const root = rootName(head)?.toLowerCase();
  if (root === undefined) return null;
  const local = root.slice(root.indexOf(':') + 1);
  if (local === 'feed' || local === 'rss') return 'feed';
  // RDF is more than RSS 1.0: only RDF in RSS 1.0's namespace is a feed.
  if (local === 'rdf' && head.includes('purl.org/rss/1.0')) return 'feed';
  if (local === 'urlset' || local === 'sitemapindex') return 'sitemap';
  if (local === 'opml') return 'opml';
  return null;
}

function parseXml(xml: string): XmlElement {
  const root: XmlElement = {
    name: '#document',
    attribs: {},
    children: [],
    text: '',
    innerStart: 0,
    innerEnd: xml.length,
  };
  const stack: XmlElement[] = [root];
  /** Elements opened past MAX_DEPTH and not yet closed. */
  let deeper = 0;
  let name = '';
  let attribs: Record<string, string> = {};
  let attribName = '';
  let attribValue = '';
  const top = () => stack[stack.length - 1]!;
  const open = (end: number, selfClosing: boolean) => {
    if (stack.length > MAX_DEPTH) {
      if (!selfClosing) deeper++;
      return;
    }
    const element: XmlElement = {
      name,
      attribs,
      children: [],
      text: '',
      innerStart: end + 1,
      innerEnd: end + 1,
    };
    top().children.push(element);
    if (!selfClosing) stack.push(element);
  };
  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: true },
    {
      ontext(start, end) {
        if (deeper === 0) top().text += xml.slice(start, end);
      },
      ontextentity(codepoint) {
        if (deeper === 0) top().text += String.fromCodePoint(codepoint);
      },
      oncdata(start, end, offset) {
        if (deeper === 0) top().text += xml.slice(start, end - offset);
      },
      onopentagname(start, end) {
        const raw = xml.slice(start, end).toLowerCase();
        name = raw.startsWith('atom:') ? raw.slice(5) : raw;
        attribs = {};
      },
      onattribname(start, end) {
        attribName = xml.slice(start, end).toLowerCase();
        attribValue = '';
      },
      onattribdata(start, end) {
        attribValue += xml.slice(start, end);
      },
      onattribentity(codepoint) {
        attribValue += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (!Object.hasOwn(attribs, attribName)) attribs[attribName] = attribValue;
      },
      onopentagend(end) {
        open(end, false);
      },
      onselfclosingtag(end) {
        open(end, true);
      },
      onclosetag(start, end) {
        if (deeper > 0) {
          deeper--;
          return;
        }
        const raw = xml.slice(start, end).toLowerCase();
        const closing = raw.startsWith('atom:') ? raw.slice(5) : raw;
        // Malformed XML: close up to the element named, or ignore a stray end tag.
        for (let at = stack.length - 1; at > 0; at--) {
          if (stack[at]!.name !== closing) continue;
          // `start` is the name's; the end tag begins two characters before it (`</`).
          stack[at]!.innerEnd = start - 2;
          stack.length = at;
          break;
        }
      },
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(xml);
  tokenizer.end();
  return root;
}

function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((each) => each.name === name);
}

/** Every element named `name` below `element`, not looking inside the ones found. */
function descendants(element: XmlElement, name: string, found: XmlElement[] = []): XmlElement[] {
  for (const each of element.children) {
    if (each.name === name) found.push(each);
    else descendants(each, name, found);
  }
  return found;
}

const text = (element: XmlElement | undefined) => element?.text.trim() || null;

/** Tags out and the character references HTML has and XML has not (`&ldquo;`) as they read. */
function plainOf(markup: string): string {
  let out = '';
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      ontext: (start, end) => {
        out += markup.slice(start, end);
      },
      ontextentity: (codepoint) => {
        out += String.fromCodePoint(codepoint);
      },
      onattribdata() {},
      onattribentity() {},
      onattribend() {},
      onattribname() {},
      oncdata() {},
      onclosetag() {},
      oncomment() {},
      ondeclaration() {},
      onend() {},
      onopentagend() {},
      onopentagname() {},
      onprocessinginstruction() {},
      onselfclosingtag() {},
    },
  );
  tokenizer.write(markup);
  tokenizer.end();
  return out.replace(/\s+/g, ' ').trim();
}

/** An Atom text construct (`title`, `content`, `summary`) as markup or text, by its `type`. */
function atomText(
  xml: string,
  element: XmlElement | undefined,
): { body: string; html: boolean } | null {
  if (!element) return null;
  const type = (element.attribs.type ?? 'text').toLowerCase();
  if (type === 'xhtml') {
    const body = xml.slice(element.innerStart, Math.max(element.innerStart, element.innerEnd));
    return body.trim() ? { body, html: true } : null;
  }
  if (element.attribs.src && !element.text.trim()) return null;
  const html = type === 'html' || type === 'text/html';
  return element.text.trim() ? { body: element.text, html } : null;
}

/** A title as it reads: an Atom title of `type="html"` holds escaped markup. */
function titleOf(xml: string, element: XmlElement | undefined): string | null {
  const title = atomText(xml, element);
  if (!title) return null;
  return (title.html ? plainOf(title.body) : title.body.replace(/\s+/g, ' ').trim()) || null;
}

/** RSS `author` is an address with the name in brackets (`ed@example.com (Ed Lee)`). */
function rssAuthor(value: string | null): string | null {
  if (value === null) return null;
  const named = /\(([^()]+)\)\s*$/.exec(value);
  if (named) return named[1]!.trim();
  return /^\S+@\S+$/.test(value) ? null : value;
}

function atomEntry(xml: string, feed: XmlElement, entry: XmlElement): FeedArticle | null {
  const content = atomText(xml, child(entry, 'content')) ?? atomText(xml, child(entry, 'summary'));
  if (!content) return null;
  const links = entry.children.filter((each) => each.name === 'link' && each.attribs.href);
  const link = links.find((each) => (each.attribs.rel ?? 'alternate') === 'alternate') ?? links[0];
  const authors = entry.children
    .filter((each) => each.name === 'author')
    .map((author) => text(child(author, 'name')))
    .filter((name) => name !== null);
  return {
    ...content,
    meta: {
      title: titleOf(xml, child(entry, 'title')),
      date: text(child(entry, 'published')) ?? text(child(entry, 'updated')),
      byline: authors.length > 0 ? authors.join(', ') : text(child(entry, 'dc:creator')),
      source: titleOf(xml, child(feed, 'title')),
      url: link?.attribs.href?.trim() || null,
    },
  };
}

function rssItem(channel: XmlElement | undefined, item: XmlElement): FeedArticle | null {
  const body = text(child(item, 'content:encoded')) ?? text(child(item, 'description'));
  if (body === null) return null;
  const guid = child(item, 'guid');
  const permalink = guid?.attribs.ispermalink !== 'false' && /^https?:\/\//.test(text(guid) ?? '');
  return {
    body,
    html: MARKUP.test(body),
    meta: {
      title: text(child(item, 'title')),
      date: text(child(item, 'pubdate')) ?? text(child(item, 'dc:date')),
      byline: text(child(item, 'dc:creator')) ?? rssAuthor(text(child(item, 'author'))),
      source: channel ? text(child(channel, 'title')) : null,
      url: text(child(item, 'link')) ?? (permalink ? text(guid) : null),
    },
  };
}

/**
 * A feed's one entry as an article; the number of its entries where it holds none or several
 * (margin reads one article a file); null when its one entry has no content nor summary.
 */
export function feedArticle(xml: string): FeedArticle | number | null {
  const document = parseXml(xml);
  const root = document.children[0];
  if (!root) return 0;
  if (root.name === 'feed') {
    const entries = descendants(root, 'entry');
    if (entries.length !== 1) return entries.length;
    return atomEntry(xml, root, entries[0]!);
  }
  const items = descendants(root, 'item');
  if (items.length !== 1) return items.length;
  return rssItem(descendants(root, 'channel')[0], items[0]!);
}
