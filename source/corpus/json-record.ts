import type { FrontMatter } from './markdown.js';
import { hostOf, outletOfUrl } from './outlets.js';

/**
 * One article as a scraper saved it in JSON: news-please (`maintext`, `date_publish`,
 * `authors`, `source_domain`), trafilatura (`text`, `author`, `sitename`, `hostname`), a
 * WordPress REST post (`content.rendered`, `title.rendered`, `link`) and most home-made
 * scrapers (`title`, `text` or `body`, `url`). Read as such, the list shows its title and the
 * reader its text, where before they showed the JSON itself.
 */
export interface ArticleRecord {
  body: string;
  /** The body is markup (WordPress's `content.rendered`, a scraper's `html`). */
  html: boolean;
  meta: FrontMatter;
}

/** Keys of the body, most specific first (a record may hold both `maintext` and `description`). */
const BODY_KEYS = [
  'maintext',
  'text',
  'content',
  'body',
  'article',
  'articlebody',
  'article_body',
  'article_text',
  'raw_text',
  'html',
];
const TITLE_KEYS = ['title', 'headline'];
const DATE_KEYS = [
  'date_publish',
  'date_published',
  'datepublished',
  'published',
  'published_at',
  'publish_date',
  'pubdate',
  'date',
];
const BYLINE_KEYS = ['authors', 'author', 'byline'];
const SOURCE_KEYS = ['sitename', 'site_name', 'publisher', 'source'];
const HOST_KEYS = ['source_domain', 'hostname', 'source-hostname', 'domain'];
const URL_KEYS = ['url', 'link', 'canonical_url', 'source_url'];

/** A tag a body of markup has and plain text has not. */
export const MARKUP =
  /<(?:p|div|br|h[1-6]|article|section|span|a|em|strong|ul|ol|li|blockquote)\b[^>]*>/i;

/** Keys in lower case, so `Title` and `title` both count; the first spelling wins. */
function lowerKeys(record: Record<string, unknown>): Map<string, unknown> {
  const keys = new Map<string, unknown>();
  for (const [key, value] of Object.entries(record)) {
    const lower = key.toLowerCase();
    if (!keys.has(lower)) keys.set(lower, value);
  }
  return keys;
}

/**
 * A string value, or WordPress's `{"rendered": …}`, or a list of names joined; two levels at
 * most, so that a hostile record nested 100,000 deep is no text rather than a stack overflow.
 */
function textOf(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (depth >= 2) return null;
  if (Array.isArray(value)) {
    const names = value
      .map((item) => textOf(item, depth + 1))
      .filter((name): name is string => name !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return textOf(object.rendered ?? object.name ?? null, depth + 1);
  }
  return null;
}

function first(keys: Map<string, unknown>, names: readonly string[]): string | null {
  for (const name of names) {
    const text = textOf(keys.get(name));
    if (text !== null) return text;
  }
  return null;
}

/** The outlet a record names: its site's name, else the outlet or host of its domain or address. */
function sourceOf(keys: Map<string, unknown>, url: string | null): string | null {
  const named = first(keys, SOURCE_KEYS);
  if (named !== null && !/^https?:\/\//i.test(named)) return named;
  const host = first(keys, HOST_KEYS);
  for (const address of [named, host && `https://${host}`, url]) {
    if (!address) continue;
    const outlet = outletOfUrl(address) ?? hostOf(address);
    if (outlet) return outlet;
  }
  return null;
}

/** How a JSON file's text fails to be one article, for the line that names the file. */
export type RecordProblem = 'not JSON' | 'a list' | 'no body';

/** The article a JSON file's text holds, or what it holds instead. */
export function articleRecord(text: string): ArticleRecord | RecordProblem {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (Array.isArray(parsed)) return 'a list';
  if (parsed === null || typeof parsed !== 'object') return 'no body';
  const keys = lowerKeys(parsed as Record<string, unknown>);
  const body = first(keys, BODY_KEYS);
  if (body === null) return 'no body';
  const url = first(keys, URL_KEYS);
  return {
    body,
    html: MARKUP.test(body),
    meta: {
      title: first(keys, TITLE_KEYS),
      date: first(keys, DATE_KEYS),
      byline: first(keys, BYLINE_KEYS),
      source: sourceOf(keys, url),
      url,
    },
  };
}
