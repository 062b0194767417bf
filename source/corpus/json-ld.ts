import { parseDate } from './metadata.js';
import { tidy } from './units.js';

/** What a page's schema.org JSON-LD says about its article. */
export interface LinkedData {
  headline: string | null;
  published: string | null;
  author: string | null;
  /** The authors typed `Person` (a byline), where the page types them. */
  people: string | null;
  publisher: string | null;
  /** The article node's `articleBody` as written, line breaks kept (a live blog's is none). */
  body: string | null;
  /** Whether a node is a `LiveBlogPosting`: the page is a stream of timed entries. */
  liveBlog: boolean;
  /** Its `liveBlogUpdate`s that give a time of day: where the page shows no times of its own. */
  updates: LiveBlogUpdate[];
}

/** One entry of a live blog as its JSON-LD gives it: `10:12`, its headline and its text. */
export interface LiveBlogUpdate {
  time: string;
  headline: string | null;
  body: string;
}

/** The time of day an ISO date-time gives, as written (`2025-11-23T10:12:00Z` → `10:12`). */
const TIME_OF_DAY = /^\d{4}-\d{2}-\d{2}T(\d{2}:\d{2})/;

function updatesOf(value: unknown): LiveBlogUpdate[] {
  return (Array.isArray(value) ? value : [value]).flatMap((update) => {
    if (!isNode(update)) return [];
    const time = TIME_OF_DAY.exec(text(update.datePublished) ?? '')?.[1];
    const body = text(update.articleBody);
    return time && body ? [{ time, headline: text(update.headline), body }] : [];
  });
}

const ARTICLE_TYPE = /(?:Article|BlogPosting|Report)$/;
/**
 * A page that is not typed as an article but is one (`MedicalWebPage`, `WebPage`, `ItemPage`):
 * its date and author count only where no article node gave them (Healthline's health news).
 */
const PAGE_TYPE = /WebPage$|^ItemPage$/;

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object of a JSON-LD block: top level, arrays and `@graph`. */
function nodesOf(value: unknown): Node[] {
  if (Array.isArray(value)) return value.flatMap(nodesOf);
  if (!isNode(value)) return [];
  const graph = value['@graph'];
  return [value, ...(graph === undefined ? [] : nodesOf(graph))];
}

function typesOf(node: Node): unknown[] {
  const type = node['@type'];
  return Array.isArray(type) ? type : [type];
}

function isArticle(node: Node): boolean {
  return typesOf(node).some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t));
}

function isPage(node: Node): boolean {
  return typesOf(node).some((t) => typeof t === 'string' && PAGE_TYPE.test(t));
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? tidy(value) || null : null;
}

/** `"Jane Doe"`, `{"name": "Jane Doe"}` or a list of either; URLs are no names. */
function names(value: unknown): string | null {
  const list = (Array.isArray(value) ? value : [value])
    .map((item) => (isNode(item) ? text(item.name) : text(item)))
    .filter((name): name is string => name !== null && !/^https?:/i.test(name));
  return list.length > 0 ? list.join(', ') : null;
}

/** The names of the entries typed `Person` among an `author` value, or null. */
function people(value: unknown): string | null {
  const persons = (Array.isArray(value) ? value : [value]).filter(
    (item) => isNode(item) && typesOf(item).includes('Person'),
  );
  return persons.length > 0 ? names(persons) : null;
}

/** `{"name": "…"}` or a list whose first node names it (NJ.com's `[{"@type":"Organization",…}]`). */
function publisherOf(value: unknown): string | null {
  const node = (Array.isArray(value) ? value : [value]).find(isNode);
  return node ? text(node.name) : null;
}

/**
 * The article facts from the page's `<script type="application/ld+json">` blocks. A block that is
 * not valid JSON is ignored: it is the page's bug, not a reason to lose the article.
 */
export function readLinkedData(blocks: string[]): LinkedData {
  const found: LinkedData = {
    headline: null,
    published: null,
    author: null,
    people: null,
    publisher: null,
    body: null,
    liveBlog: false,
    updates: [],
  };
  const pages: Node[] = [];
  for (const block of blocks) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(block);
    } catch {
      // A line break or tab typed inside a string (qa52: Moneycontrol's article node) is invalid
      // JSON that browsers' readers of it shrug off; as a space it is whitespace outside strings
      // too, so nothing else changes.
      try {
        parsed = JSON.parse(block.replace(/[\u0000-\u001f]+/g, ' '));
      } catch {
        continue;
      }
    }
    for (const node of nodesOf(parsed)) {
      if (!isArticle(node)) {
        if (isPage(node)) pages.push(node);
        continue;
      }
      const live = typesOf(node).includes('LiveBlogPosting');
      found.liveBlog ||= live;
      if (live && found.updates.length === 0) found.updates = updatesOf(node.liveBlogUpdate);
      found.headline ??= text(node.headline);
      // A placeholder (`0001-01-01T00:00:00Z`) must not hide a real date in a later node.
      const published = text(node.datePublished);
      if (published !== null && parseDate(published) !== null) found.published ??= published;
      found.author ??= names(node.author);
      found.people ??= people(node.author);
      found.publisher ??= publisherOf(node.publisher);
      if (!live && typeof node.articleBody === 'string' && node.articleBody.trim() !== '') {
        found.body ??= node.articleBody;
      }
    }
  }
  for (const node of pages) {
    const published = text(node.datePublished);
    if (published !== null && parseDate(published) !== null) found.published ??= published;
    found.author ??= names(node.author);
    found.people ??= people(node.author);
  }
  return found;
}
