/**
 * The story a page carries as data when its markup carries none: the JSON-LD `articleBody` of
 * an app shell (AP News serves a "Loading…" spinner and the text in JSON-LD), or the paragraphs
 * of a single-page app's state (`<script id="__NEXT_DATA__" type="application/json">`, whose
 * `props.pageProps` hold them). Read only when the page's own text holds no paragraph of prose,
 * so a real body is never replaced by a shorter summary (qa59 #2, #3).
 */
import { countWords, isSentenceLike } from './characters.js';
import { stripInlineMarkup } from './html.js';
import { parseDate } from './metadata.js';

/** What the page's data gives of its article. */
export interface EmbeddedText {
  /** The JSON-LD article node's `articleBody`, as written (paragraphs apart by blank lines). */
  articleBody: string | null;
  /** The page's `<script type="application/json">` blocks, unparsed: most pages never need them. */
  appState: string[];
}

export interface EmbeddedArticle {
  /** The paragraphs, as plain text. */
  paragraphs: string[];
  /** The date and writer the app state gives beside its paragraphs, where it does. */
  date: string | null;
  byline: string | null;
}

/** Words of a paragraph of prose, as the page's paragraphs are judged (`hasProse`). */
const PROSE_WORDS = 6;
/** A shorter state is a teaser's or a card's, not a story's. */
const MIN_STORY_WORDS = 25;
/** How deep and how many values of an app's state are looked at: pages' states run large. */
const MAX_DEPTH = 40;
const MAX_VALUES = 200_000;

/** A paragraph that reads as prose: a sentence of a few words, or a long run of words. */
export function isProseParagraph(text: string): boolean {
  const words = countWords(text);
  return (words >= PROSE_WORDS && isSentenceLike(text)) || words >= 2 * PROSE_WORDS;
}

/** Whether any paragraph reads as prose: a page of menus and a spinner has none. */
export function hasProse(paragraphs: string[]): boolean {
  return paragraphs.some(isProseParagraph);
}

/** A string's paragraphs: markup stripped (`<p>…</p>` bodies), split at blank lines. */
function paragraphsOf(value: string): string[] {
  const text = /[<&]/.test(value) ? stripInlineMarkup(value).text : value;
  const blocks = text.split(/\n\s*\n/);
  // A body with single line breaks only sets a paragraph a line.
  const parts = blocks.length === 1 ? text.split('\n') : blocks;
  // A rule between the story and its credits (AP's `___`) is no paragraph.
  return parts
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => /[\p{L}\p{N}]/u.test(part));
}

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The prose an array's item holds: itself, or its longest prose string field (`{text: …}`). */
function itemProse(item: unknown): string | null {
  if (typeof item === 'string') return isProseParagraph(item) ? item : null;
  if (!isNode(item)) return null;
  let best: string | null = null;
  for (const value of Object.values(item)) {
    if (typeof value !== 'string' || (best !== null && value.length <= best.length)) continue;
    if (isProseParagraph(value)) best = value;
  }
  return best;
}

interface Found {
  paragraphs: string[];
  words: number;
  /** The objects from the state's root down to the one holding the paragraphs. */
  owners: Node[];
}

/** Keys under which an app's state gives the article's date and its writers. */
const DATE_KEY =
  /^(?:date|(?:date_?)?(?:first_?)?(?:published|publish|pub|display|created)(?:_?(?:at|date|time|on))?)$/i;
const BYLINE_KEY = /^(?:byline|bylines|by_?line|authors?|writers?|creators?)$/i;

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((name): name is string => name !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (!isNode(value)) return null;
  for (const key of ['name', 'displayName', 'fullName', 'title']) {
    if (typeof value[key] === 'string') return nameOf(value[key]);
  }
  return null;
}

/** The date and byline of the nearest object above the paragraphs that gives them. */
function factsOf(owners: Node[]): { date: string | null; byline: string | null } {
  let date: string | null = null;
  let byline: string | null = null;
  for (let i = owners.length - 1; i >= 0 && (date === null || byline === null); i--) {
    for (const [key, value] of Object.entries(owners[i]!)) {
      if (date === null && DATE_KEY.test(key) && typeof value === 'string') {
        date = parseDate(value);
      }
      if (byline === null && BYLINE_KEY.test(key)) {
        const name = nameOf(value);
        // A writer's name, not a paragraph of a biography.
        if (name !== null && name.length <= 120 && /\p{L}/u.test(name)) byline = name;
      }
    }
  }
  return { date, byline };
}

/**
 * The run of prose an app's state holds most of: an array of paragraphs (strings or `{type,
 * text}` blocks; an ad block among them is passed over), or one string of several paragraphs.
 * Found by its shape anywhere in the state, never by one site's path to it.
 */
function largestProse(state: unknown): Found | null {
  let best: Found | null = null;
  let values = 0;
  const consider = (paragraphs: string[], owners: Node[]) => {
    if (paragraphs.length === 0) return;
    const words = paragraphs.reduce((sum, paragraph) => sum + countWords(paragraph), 0);
    if (best === null || words > best.words) best = { paragraphs, words, owners: [...owners] };
  };
  const walk = (value: unknown, owners: Node[], depth: number): void => {
    if (++values > MAX_VALUES || depth > MAX_DEPTH) return;
    if (Array.isArray(value)) {
      const prose = value.map(itemProse).filter((text): text is string => text !== null);
      if (prose.length >= 2) consider(prose.flatMap(paragraphsOf), owners);
      for (const item of value) walk(item, owners, depth + 1);
      return;
    }
    if (!isNode(value)) return;
    owners.push(value);
    for (const item of Object.values(value)) {
      if (typeof item === 'string') {
        // One string of several paragraphs (`"body": "<p>…</p><p>…</p>"`).
        if (item.length > 200 && /\n\s*\n|<\/p>/i.test(item)) {
          const paragraphs = paragraphsOf(item).filter(isProseParagraph);
          if (paragraphs.length >= 2) consider(paragraphs, owners);
        }
      } else walk(item, owners, depth + 1);
    }
    owners.pop();
  };
  walk(state, [], 0);
  return best;
}

/** The article the page's data carries, or null when it carries none worth reading. */
export function embeddedArticle(embedded: EmbeddedText): EmbeddedArticle | null {
  if (embedded.articleBody !== null) {
    const paragraphs = paragraphsOf(embedded.articleBody);
    if (hasProse(paragraphs)) return { paragraphs, date: null, byline: null };
  }
  let best: Found | null = null;
  for (const block of embedded.appState) {
    let state: unknown;
    try {
      state = JSON.parse(block);
    } catch {
      continue;
    }
    const found = largestProse(state);
    if (found !== null && (best === null || found.words > best.words)) best = found;
  }
  if (best === null || best.words < MIN_STORY_WORDS) return null;
  return { paragraphs: best.paragraphs, ...factsOf(best.owners) };
}
