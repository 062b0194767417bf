import type { HtmlMeta } from './html-metadata.js';

/** `Headline | Site`, `Headline - Site`, `Headline — Site`. */
const SEPARATOR = /\s+[|–—-]\s+/;

/** A headline longer than this is a paragraph set in `<h1>`, not a title. */
const MAX_HEADLINE = 300;

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function sameWords(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((word, i) => word === b[i]);
}

/** A section's name before the headline is a word or three: "Opinion", "World news". */
const MAX_SECTION_WORDS = 3;

/**
 * Of a title's parts before the site's name, the one that is the headline: the first, unless
 * it is as short as a section's name and a later part says more ("Opinion | Headline - Site",
 * "Europe | Headline | The Economist").
 */
function headlinePart(parts: string[]): string {
  const first = parts[0]!;
  const firstWords = words(first).length;
  if (firstWords > MAX_SECTION_WORDS) return first;
  let best = first;
  let bestWords = firstWords;
  for (const part of parts.slice(1)) {
    const count = words(part).length;
    if (count > bestWords) {
      best = part;
      bestWords = count;
    }
  }
  return bestWords > MAX_SECTION_WORDS ? best : first;
}

/** og:title or `<title>` without the site name, when the site name is surely what follows. */
function metaHeadline(meta: HtmlMeta): string | null {
  const site = meta.siteName;
  if (meta.headline) {
    // og:title sometimes carries the site name too; drop it only when it is surely the site.
    const parts = meta.headline.split(SEPARATOR);
    return parts.length > 1 && site !== null && parts.slice(1).join(' ').includes(site)
      ? headlinePart(parts.slice(0, -1))
      : meta.headline;
  }
  if (!meta.title) return null;
  const parts = meta.title.split(SEPARATOR);
  if (parts.length > 1 && (site === null || parts.slice(1).join(' ').includes(site))) {
    return headlinePart(parts.slice(0, -1));
  }
  return meta.title;
}

/** `Opinion | Headline`, `The Space Review: Headline`: a section or site name before it. */
const PREFIX = /^(.{1,60}?)(?:\s+[|–—-]|\s*[|:])\s+/;

/**
 * Whether the title is the `<h1>` after a section's or the site's name, which is shorter than
 * the headline (so a site name in `<h1>`, "India Post" under "Deportees return home - India
 * Post", is never taken for the headline).
 */
function isPrefixed(full: string[], title: string): boolean {
  const match = PREFIX.exec(title);
  if (!match) return false;
  const prefix = words(match[1]!);
  return (
    prefix.length > 0 &&
    prefix.length < full.length &&
    sameWords(words(title.slice(match[0].length)), full)
  );
}

/**
 * Whether the h1 says word for word a run of the title's parts before the site's name, the
 * longest part among them (a section's name in an `<h1>`, "Opinion" of "Opinion | Headline -
 * Site", is not the headline).
 */
function isHeadlinePart(full: string[], parts: string[], anyRun = false): boolean {
  const counts = parts.map((part) => words(part).length);
  const longest = Math.max(...counts);
  for (let from = 0; from < parts.length; from++) {
    for (let to = from + 1; to <= parts.length; to++) {
      if (!anyRun && !counts.slice(from, to).includes(longest)) continue;
      if (sameWords(words(parts.slice(from, to).join(' ')), full)) return true;
    }
  }
  return false;
}

/**
 * Whether `h1` is the full form of a meta title: the title is the h1 followed by ` - Site`
 * (a section's name may come first: `Opinion | h1 - Site`), or
 * every word of the title (its part before a separator, without a final `…`) is in the h1 and
 * the h1 says more ("Sweden drops Assange rape investigation" for "Julian Assange: Sweden drops
 * rape investigation").
 */
function isFullerHeadline(h1: string, title: string, anyRun = false): boolean {
  const full = words(h1);
  const parts = title.split(SEPARATOR);
  if (parts.length > 1 && isHeadlinePart(full, parts.slice(0, -1), anyRun)) return true;
  if (isPrefixed(full, title)) return true;
  const short = words(parts[0]!.replace(/(?:…|\.\.\.)$/, ''));
  if (short.length < 2 || short.length >= full.length) return false;
  const have = new Map<string, number>();
  for (const word of full) have.set(word, (have.get(word) ?? 0) + 1);
  for (const word of short) {
    const left = have.get(word) ?? 0;
    if (left === 0) return false;
    have.set(word, left - 1);
  }
  return true;
}

/** What follows the headline in a title that sets the site's name after a bare separator. */
const BARE_SUFFIX = /^\s*[-_|–—·]\s*[^\s_|–—·-].{0,30}$/u;

/**
 * Whether the title is the h1 and the site's name after a separator without spaces, as Chinese
 * pages write it (`国家统计局：…上涨0.4%-新华网`, `…_网易新闻`), which SEPARATOR leaves whole.
 */
function isBareSuffixed(h1: string, title: string): boolean {
  return (
    title.length > h1.length && title.startsWith(h1) && BARE_SUFFIX.test(title.slice(h1.length))
  );
}

/**
 * The article's headline: og:title (or `<title>`) without the site name, unless one of the
 * page's `<h1>`s is its fuller form, as when og:title is a shortened version of the headline or
 * `<title>` keeps a ` - Site` suffix that the site name does not reveal.
 */
export function headlineOf(meta: HtmlMeta): string | null {
  const base = metaHeadline(meta);
  const titles = [meta.headline, meta.title].filter((t): t is string => t !== null);
  for (const h1 of meta.h1s) {
    if (h1.length > MAX_HEADLINE) continue;
    if (titles.some((title) => isFullerHeadline(h1, title) || isBareSuffixed(h1, title))) {
      return h1;
    }
  }
  // Then an h1 of two words or more that is any run of the title's parts: a short headline
  // before a longer tagline (`Pope Francis dies | Live updates from the Vatican | CNN`), where
  // the longest part is not the headline (review58-d). A one-word h1 is a section's name.
  for (const h1 of meta.h1s) {
    if (h1.length > MAX_HEADLINE || words(h1).length < 2) continue;
    if (titles.some((title) => isFullerHeadline(h1, title, true))) return h1;
  }
  return base === null ? null : base.replace(SEO_TAIL, '');
}

/**
 * A search-engine tail after the headline: a colon, then lower-case words of what the page
 * offers, with a comma among them, and a year (`…: новости, фото 2018`, `…: news, photos 2019`).
 */
const SEO_TAIL = /:\s+[\p{Ll}\s]+,[\p{Ll}\s,]*\s(?:19|20)\d{2}$/u;

/**
 * The parts of the page's title and og:title before the site's name that are a section's name
 * beside the headline (`Opinion` of "Opinion | Headline - Site"): a kicker above the `<h1>`
 * saying the same is no text of the article.
 */
export function titleSections(meta: HtmlMeta): string[] {
  const sections: string[] = [];
  for (const title of [meta.headline, meta.title]) {
    if (title === null) continue;
    const parts = title.split(SEPARATOR);
    if (parts.length < 3) continue;
    const before = parts.slice(0, -1);
    const headline = headlinePart(before);
    for (const part of before) {
      const count = words(part).length;
      if (part !== headline && count > 0 && count <= MAX_SECTION_WORDS) sections.push(part);
    }
  }
  return sections;
}
