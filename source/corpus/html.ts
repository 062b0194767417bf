import { initialClasses, markPatterns, type Reasons, wordsOf } from './boilerplate.js';
import { chooseContent } from './candidates.js';
import { type Element, parseDom, streamHtml } from './dom.js';
import { blocksOf, figcaptionWords, type HtmlBlocks, type HtmlUnit } from './html-blocks.js';
import { type HtmlMeta, readHtmlMetadata } from './html-metadata.js';
import type { LiveBlogUpdate } from './json-ld.js';
import { dropTeaserCards } from './teaser-cards.js';
import type { LinkSpan, Unit } from './units.js';

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

/**
 * HTML's element names (the WHATWG index, with the obsolete ones scrapers still leave behind).
 * In a text file `<` before any other word is text: Korean and Japanese outlets name a work so
 * (`<The Palace: Tale of Jang Noksu>`), and `x<y` is a comparison; the tokenizer, as a browser
 * would, took both for tags and the words inside went.
 */
const HTML_ELEMENTS = new Set(
  (
    'a abbr acronym address area article aside audio b base bdi bdo big blockquote body br ' +
    'button canvas caption center cite code col colgroup data datalist dd del details dfn ' +
    'dialog dir div dl dt em embed fieldset figcaption figure font footer form frame frameset ' +
    'h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li ' +
    'link main map mark marquee math menu meta meter nav nobr noscript object ol optgroup ' +
    'option output p param picture pre progress q rp rt ruby s samp script search section ' +
    'select slot small source span strike strong style sub summary sup svg table tbody td ' +
    'template textarea tfoot th thead time title tr track tt u ul var video wbr'
  ).split(' '),
);

const TAG_START = /<(\/?)([A-Za-z][A-Za-z0-9-]*)/g;

/** Escapes each `<` of a text file that opens no HTML element (a custom one has a hyphen). */
function escapeStrayBrackets(text: string): string {
  return text.replace(TAG_START, (found, slash: string, name: string) =>
    HTML_ELEMENTS.has(name.toLowerCase()) || name.includes('-') ? found : `&lt;${slash}${name}`,
  );
}

/** Units with their words and boilerplate reasons, computed once for choosing and for cleaning. */
export interface Marked {
  units: Unit[];
  lists: string[][];
  patterns: Reasons;
}

export interface HtmlDocument {
  /** The paragraphs of the part of the page chosen as the article. */
  content: Marked;
  /** Every paragraph of the page, for when the chosen part holds no text after cleaning. */
  page: Marked;
  /** Short lines just above and below the chosen part, nearest first: where datelines stand. */
  nearby: string[];
  meta: HtmlMeta;
}

const HAS_WORD = /[\p{L}\p{N}]/u;

/** How many lines above and below the article are searched for its dateline. */
const NEARBY = 12;
/** Longer lines are no dateline (parseDateline's own limit). */
const DATELINE_LENGTH = 120;

/** Parses an HTML page into the paragraph units of its article and the metadata it carries. */
export function parseHtml(html: string): HtmlDocument {
  const root = parseDom(html);
  const meta = readHtmlMetadata(root);
  const plain = blocksOf(root);
  let blocks = plain;
  // A page whose every word is hidden (a story revealed by a script, a paywall's wrapper) is
  // read with its hidden parts rather than refused.
  if (!blocks.units.some((unit) => HAS_WORD.test(unit.text))) blocks = blocksOf(root, true);
  // A gallery's captions are its story ("In pictures: …"): read, without counter and credit.
  const gallery = isGallery(html, root, blocks.units);
  if (gallery) {
    blocks = blocksOf(root, blocks !== plain, true);
    for (const unit of blocks.units) if (unit.caption) unit.text = captionText(unit.text);
  }
  const lists = wordsOf(blocks.units);
  const patterns = markPatterns(blocks.units, lists);
  blocks.units.forEach((unit, i) => {
    if (unit.caption && !gallery) patterns[i] ??= 'image caption';
  });
  const { keep } = chooseContent(blocks, initialClasses(blocks.units, patterns, lists));
  entryHeaders(blocks, keep, meta.liveBlog);
  if (meta.liveBlogUpdates.length > 0) {
    updateTimes(blocks, keep, lists, patterns, meta.liveBlogUpdates);
  }
  liveBlogLines(blocks, keep, patterns, meta.liveBlog);
  dropTeaserCards(blocks, keep);
  dropRelatedSections(blocks, keep, patterns);
  const content: Marked = { units: [], lists: [], patterns: [] };
  keep.forEach((kept, i) => {
    if (!kept) return;
    content.units.push(blocks.units[i]!);
    content.lists.push(lists[i]!);
    content.patterns.push(patterns[i]!);
  });
  return {
    content,
    page: { units: blocks.units, lists, patterns },
    nearby: nearbyLines(blocks.units, keep),
    meta,
  };
}

/**
 * A heading of other posts in the languages of the pages met (`Você pode gostar…`), beside the
 * boilerplate patterns' English ones. Only here, where the cards under it confirm it: in a text
 * file the words alone would make a line boilerplate and move what jusText keeps.
 */
const OTHER_POSTS =
  /^(?:you (?:may|might) (?:like|enjoy)|voc[êe] (?:tamb[ée]m )?pode gostar|tamb[ée]m pode(?:r[áa])? gostar|(?:tambi[ée]n )?te puede (?:interesar|gustar)|vous (?:aimerez|pourriez aimer) aussi|das k[öo]nnte (?:sie|dich) auch interessieren|potrebbe(?:ro)? interessarti)\s*[:.…]*$/i;

/** A gallery's counter before a caption: `1 of 6.`, `3/12`. */
const CAPTION_COUNTER = /^\d{1,3}\s*(?:of|\/|von|de|sur|из)\s*\d{1,3}[.:]?\s+/iu;
/** A credit after a caption: `Image source: Reuters`, `Photo: AFP`, `(Getty Images)`. */
const CAPTION_CREDIT =
  /\s*(?:(?:image|photo(?:graph)?|picture|pic|foto|bild|credit)s?\s*(?:source|credit)?\s*[:©]\s*[^.:]{1,60}|\((?:image|photo|picture)s?\s*:?[^()]{1,60}\)|[/|]\s*[^./|]{1,40})\.?$/iu;

/** A caption as the story's text: without the gallery's counter and the photo's credit. */
function captionText(text: string): string {
  const bare = text.replace(CAPTION_COUNTER, '').replace(CAPTION_CREDIT, '').trim();
  return /\p{L}/u.test(bare) ? bare : text;
}

/** Captions a gallery has at least. */
const GALLERY_CAPTIONS = 4;
/** Words of a paragraph of prose. */
const PROSE_WORDS = 8;

/**
 * A page of photos with a line or two of text, as "In pictures" pages are: four captions or
 * more that say something, which together say more than twice the paragraphs of the page.
 */
function isGallery(html: string, root: Element, units: HtmlUnit[]): boolean {
  // Most pages have fewer figures: spare them the walk.
  let at = -1;
  for (let n = 0; n < GALLERY_CAPTIONS; n++) {
    at = html.indexOf('<figcaption', at + 1);
    if (at < 0) return false;
  }
  const { captions, words } = figcaptionWords(root);
  if (captions < GALLERY_CAPTIONS) return false;
  let prose = 0;
  for (const unit of units) {
    const count = unit.heading === 0 ? (unit.text.match(/[\p{L}\p{N}]+/gu) ?? []).length : 0;
    if (count >= PROSE_WORDS && !unit.caption) prose += count;
  }
  // Most of the page, and more than a wire story's three photos: a short story with captioned
  // photos is a story whose captions go (review58-d).
  return words > 2 * prose;
}

/** Elements that hold a paragraph of their own: a story goes on in them. */
const PROSE_ELEMENTS = new Set(['p', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre']);

/**
 * A "You may like…" heading over other posts: the heading's later siblings, when none of them
 * is a paragraph of its own but each a block (a card, a teaser `<article>`, a list), are that
 * section and go with it. In a story laid out flat (headings and `<p>`s side by side) a
 * paragraph follows the heading and nothing but the heading goes.
 */
function dropRelatedSections(
  { units, elements }: HtmlBlocks,
  keep: boolean[],
  patterns: Reasons,
): void {
  units.forEach((unit, i) => {
    if (!keep[i] || unit.heading === 0) return;
    if (patterns[i] !== 'related list heading' && !OTHER_POSTS.test(unit.text)) return;
    // "Latest" can head a live blog's own posts, each a block: only its heading goes.
    if (/^\s*latest\b/i.test(unit.text)) return;
    let heading = unit.owner;
    while (heading > 0 && !/^h[1-6]$/.test(elements[heading]!.element.name)) {
      heading = elements[heading]!.parent;
    }
    const parent = elements[heading]!.parent;
    if (heading <= 0 || parent < 0) return;
    const siblings = elements[parent]!.element.children.filter(
      (child) => typeof child !== 'string' || child.trim() !== '',
    );
    const after = siblings.slice(siblings.indexOf(elements[heading]!.element) + 1);
    if (
      after.length < 2 ||
      after.some((child) => typeof child === 'string' || PROSE_ELEMENTS.has(child.name))
    ) {
      return;
    }
    for (let k = i + 1; k < units.length; k++) {
      let at = units[k]!.owner;
      while (at > parent && elements[at]!.parent !== parent) at = elements[at]!.parent;
      if (at <= parent) break;
      keep[k] = false;
    }
    keep[i] = false;
  });
}

/** Class words of a standfirst: `standfirst`, `article__summary`, `dek`. */
const STANDFIRST = /standfirst|summary|(?:^|[-_\s])dek(?:$|[-_\s])/i;

/**
 * A live blog (JSON-LD `LiveBlogPosting`, or two entries or more of one kind each holding a
 * `<time datetime>` line) keeps what tells a reviewer which entry said what when: each entry's
 * time, a boilerplate timestamp elsewhere, and the page's standfirst just above the entries,
 * which the choice of content leaves out as a paragraph outside the stream.
 */
function liveBlogLines(
  { units, elements }: HtmlBlocks,
  keep: boolean[],
  patterns: Reasons,
  marked: boolean,
): void {
  const timed = units.flatMap((unit, i) => (keep[i] && unit.time ? [i] : []));
  if (timed.length === 0 && !marked) return;
  const owners = new Map<string, Set<number>>();
  for (const i of timed) {
    const { name, attribs } = elements[units[i]!.owner]!.element;
    const kind = `${name}.${attribs.class ?? ''}`;
    owners.set(kind, (owners.get(kind) ?? new Set()).add(units[i]!.owner));
  }
  if (!marked && ![...owners.values()].some((entries) => entries.size >= 2)) return;
  for (const i of timed) if (patterns[i] === 'timestamp') patterns[i] = null;
  const first = keep.indexOf(true);
  for (let i = first - 1; i >= Math.max(0, first - NEARBY); i--) {
    const unit = units[i]!;
    if (unit.linkChars > unit.text.length * 0.25 || !HAS_WORD.test(unit.text)) continue;
    let at = unit.owner;
    for (let up = 0; up < 3 && at > 0; up++, at = elements[at]!.parent) {
      const { attribs } = elements[at]!.element;
      if (STANDFIRST.test(`${attribs.class ?? ''} ${attribs.id ?? ''}`)) {
        keep[i] = true;
        break;
      }
    }
  }
}

/** How far above a unit its live-blog entry may begin. */
const ENTRY_LEVELS = 4;

/**
 * A live blog whose entries each open with a `<header>` holding the entry's `<time datetime>` and
 * heading: the header is furniture to the choice of content (a page's masthead is one too), so
 * both went and the entries' texts ran together undated. Where two entries or more of one kind
 * (or a page JSON-LD calls a `LiveBlogPosting`) have such a header beside kept text, the time
 * and headings in it come back; anything else in it (share buttons, bylines) stays out.
 */
function entryHeaders({ units, elements }: HtmlBlocks, keep: boolean[], marked: boolean): void {
  /** Elements up to `ENTRY_LEVELS` above a kept unit: where kept text is. */
  const holding = new Set<number>();
  units.forEach((unit, i) => {
    if (!keep[i]) return;
    for (let at = unit.owner, up = 0; at >= 0 && up <= ENTRY_LEVELS; up++) {
      holding.add(at);
      at = elements[at]!.parent;
    }
  });
  /** The `<header>` a unit sits in, up to `ENTRY_LEVELS` above it, whose parent holds kept text. */
  const headerOf = (owner: number): number => {
    for (let at = owner, up = 0; at > 0 && up <= ENTRY_LEVELS; up++) {
      if (elements[at]!.element.name === 'header') {
        return holding.has(elements[at]!.parent) ? at : -1;
      }
      at = elements[at]!.parent;
    }
    return -1;
  };
  const headers = new Map<string, Set<number>>();
  const found: Array<{ unit: number; header: number }> = [];
  units.forEach((unit, i) => {
    if (keep[i] || !unit.time) return;
    const header = headerOf(unit.owner);
    if (header < 0) return;
    const { name, attribs } = elements[elements[header]!.parent]!.element;
    const kind = `${name}.${attribs.class ?? ''}`;
    headers.set(kind, (headers.get(kind) ?? new Set()).add(header));
    found.push({ unit: i, header });
  });
  if (!marked && ![...headers.values()].some((entries) => entries.size >= 2)) return;
  const entryHeaders = new Set(found.map(({ header }) => header));
  for (const { unit } of found) keep[unit] = true;
  units.forEach((unit, i) => {
    if (!keep[i] && unit.heading > 0 && entryHeaders.has(headerOf(unit.owner))) keep[i] = true;
  });
}

/**
 * A live blog whose entries' times are only in its JSON-LD (`liveBlogUpdate[].datePublished`):
 * each update's time (`10:12`, as the date-time gives it) goes before the kept paragraph that
 * begins its text, or before the heading just above it that is its headline. Pages that show
 * their times in `<time datetime>` elements keep those instead.
 */
function updateTimes(
  blocks: HtmlBlocks,
  keep: boolean[],
  lists: string[][],
  patterns: Reasons,
  updates: LiveBlogUpdate[],
): void {
  const { units } = blocks;
  if (units.some((unit, i) => keep[i] && unit.time)) return;
  const key = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const placed: Array<{ at: number; time: string }> = [];
  const used = new Set<number>();
  for (const { time, headline, body } of updates) {
    const start = key(body).slice(0, 80);
    if (start.length < 20) continue;
    const at = units.findIndex(
      (unit, i) =>
        keep[i] &&
        !used.has(i) &&
        start.startsWith(key(unit.text).slice(0, 80)) &&
        key(unit.text).length >= 20,
    );
    if (at < 0) continue;
    used.add(at);
    const above = at - 1;
    const before =
      above >= 0 &&
      keep[above] &&
      units[above]!.heading > 0 &&
      headline !== null &&
      key(units[above]!.text) === key(headline)
        ? above
        : at;
    placed.push({ at: before, time });
  }
  // From the last, so that each index still points where it did.
  placed.sort((a, b) => b.at - a.at);
  for (const { at, time } of placed) {
    const next = units[at]!;
    const unit: HtmlUnit = {
      text: time,
      block: next.block,
      owner: next.owner,
      linkChars: 0,
      heading: 0,
      listItem: false,
      time: true,
    };
    units.splice(at, 0, unit);
    keep.splice(at, 0, true);
    lists.splice(at, 0, wordsOf([unit])[0]!);
    patterns.splice(at, 0, null);
  }
}

/**
 * Where a dateline may stand, nearest first: lines pruned from inside the chosen part (a
 * `p.byline`), then the lines just above it, then those just below it.
 */
function nearbyLines(page: Unit[], keep: boolean[]): string[] {
  const first = keep.indexOf(true);
  if (first < 0) return [];
  const last = keep.lastIndexOf(true);
  const lines: string[] = [];
  const take = (i: number) => {
    const text = page[i]?.text;
    if (text !== undefined && !keep[i] && text.length <= DATELINE_LENGTH) lines.push(text);
  };
  for (let i = first + 1; i < last && lines.length < NEARBY; i++) take(i);
  for (let k = 1; k <= NEARBY; k++) take(first - k);
  for (let k = 1; k <= NEARBY; k++) take(last + k);
  return lines;
}

/**
 * Strips tags left in a text file (000's `<a href>` anchors) with the same tokenizer, keeping the
 * anchor text and every space and newline around it, and decoding character references.
 */
export function stripInlineMarkup(text: string): { text: string; links: LinkSpan[] } {
  if (!/[<&]/.test(text)) return { text, links: [] };
  const markup = text.includes('<') ? escapeStrayBrackets(text) : text;
  let out = '';
  const links: LinkSpan[] = [];
  const open: Array<{ href: string; start: number }> = [];
  let skipDepth = 0;
  streamHtml(markup, {
    open(name, attribs) {
      if (skipDepth > 0 || DROPPED_INLINE.has(name)) {
        skipDepth++;
        return;
      }
      if (name === 'br') out += '\n';
      if (name === 'p' || name === 'div') out += '\n\n';
      if (name === 'a') open.push({ href: attribs.href ?? '', start: out.length });
    },
    text(piece) {
      if (skipDepth === 0) out += piece;
    },
    close(name) {
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
  });
  return { text: out, links };
}
