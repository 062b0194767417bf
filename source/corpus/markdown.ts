import { tidy, type Unit } from './units.js';

const HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
/** The underline of a setext heading: `Title` over `=====` (level 1) or `-----` (level 2). */
const SETEXT = /^(?:=+|-+)$/;
const RULE = /^(?:\*\s*){3,}$|^(?:-\s*){3,}$|^(?:_\s*){3,}$/;
/** A bullet (dropped: a list item reads as its text) or a number (kept: it counts the steps). */
const BULLET = /^[*+-]\s+(?:\[[ xX]\]\s+)?/;
const NUMBERED = /^\d{1,3}[.)]\s+/;
const FENCE = /^(?:```|~~~)/;
const REFERENCE = /^\s{0,3}\[[^\]^][^\]]*\]:\s*\S+/;
const FOOTNOTE = /^\s{0,3}\[\^[^\]]+\]:\s*/;
/** The row under a table's header: `|---|:---:|`. */
const TABLE_DELIMITER = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?$|^\|\s*:?-+:?\s*\|$/;
/** A backslash escape: `\*` is a star, not emphasis. */
const ESCAPE = /\\([!-/:-@[-`{-~])/g;
/**
 * What the inline patterns read in place of an escaped character: any character but a space or
 * a delimiter would do, since what the reader sees is taken from the other string of `Inline`.
 */
const NEUTRAL = 'x';

/**
 * A link destination as CommonMark reads it: `<…>`, or text without spaces whose parentheses
 * balance (two levels), as in `https://en.wikipedia.org/wiki/Riyadh_(city)`; then an optional
 * title and the closing parenthesis. A title without quotes is bounded: from every unclosed
 * `[a](b ` it was looked for to the line's end (7 s for a line of 50,000).
 */
const DESTINATION =
  /(<[^<>\n]*>|(?:[^\s()]|\((?:[^\s()]|\([^\s()]*\))*\))+)(?:\s+(?:"[^"]*"|'[^']*'|[^)]{0,300}))?\)/
    .source;
// A bracket text stops at the next bracket of either kind: `[^\]]` ran to the line's end from
// every `[` of a line without `]` (`![a ![b …`, `[a [b …`), quadratic in the line.
const IMAGE = new RegExp(`!\\[[^[\\]]*\\]\\(${DESTINATION}`, 'dg');
/**
 * A link: its text may hold brackets one level deep (`[see [1]](url)`) or be empty once an image
 * inside it is gone (`[![logo](a.png)](url)`); either way its address is not text.
 */
const LINK = new RegExp(`\\[((?:[^\\[\\]]|\\[[^\\[\\]]*\\])*)\\]\\(${DESTINATION}`, 'dg');

/**
 * An autolink, `<https://example.org>`: its address is what the reader sees, so it becomes text
 * before the tags are stripped (which would take it for a tag).
 */
export function markdownAutolinks(text: string): string {
  if (!text.includes('<')) return text;
  return text.replace(/<((?:https?|ftp|mailto):[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>/gi, '$1');
}

/**
 * Inline text as two strings of one length: what the reader sees, and what the patterns read,
 * in which an escaped character is `NEUTRAL`. Every pattern matches `read` and cuts both strings
 * at the same places, so no character of the text can be taken for an escape (a placeholder
 * character could: the text may hold it too).
 */
interface Inline {
  shown: string;
  read: string;
}

function unescaped(text: string): Inline {
  if (!text.includes('\\')) return { shown: text, read: text };
  let shown = '';
  let read = '';
  let from = 0;
  for (const match of text.matchAll(ESCAPE)) {
    shown += text.slice(from, match.index) + match[1]!;
    read += text.slice(from, match.index) + NEUTRAL;
    from = match.index + match[0].length;
  }
  return { shown: shown + text.slice(from), read: read + text.slice(from) };
}

/**
 * Each match of `pattern` (flags `dg`) in `text.read` replaced by the groups `keep` names, in
 * order; `visit` sees each match with the shown text of its groups.
 */
function strip(
  text: Inline,
  pattern: RegExp,
  keep: readonly number[],
  visit?: (groups: Array<string | undefined>) => void,
): Inline {
  let shown = '';
  let read = '';
  let from = 0;
  for (const match of text.read.matchAll(pattern)) {
    shown += text.shown.slice(from, match.index);
    read += text.read.slice(from, match.index);
    const spans = match.indices!;
    for (const group of keep) {
      const span = spans[group];
      if (!span) continue;
      shown += text.shown.slice(span[0], span[1]);
      read += text.read.slice(span[0], span[1]);
    }
    visit?.(spans.map((span) => (span ? text.shown.slice(span[0], span[1]) : undefined)));
    from = match.index + match[0].length;
  }
  if (from === 0 && read === '') return text;
  return { shown: shown + text.shown.slice(from), read: read + text.read.slice(from) };
}

const NONE: readonly number[] = [];
const FIRST: readonly number[] = [1];
const BOTH: readonly number[] = [1, 2];
const LINK_REFERENCE = /!\[[^[\]]*\]\[[^[\]]*\]/dg;
const FOOTNOTE_MARK = /\[\^[^\]\s]+\]/dg;
const REFERENCE_LINK = /\[([^[\]]+)\]\[[^[\]]*\]/dg;
// Each span stops at its delimiter's character: `.+?` ran to the line's end from every unclosed
// one, 25 s for a line of 50,000 "**a ".
const STRONG_STARS = /\*\*(?=[^\s*])([^*]+?)(?<=\S)\*\*/dg;
const STRONG_UNDERSCORES = /__(?=[^\s_])([^_]+?)(?<=\S)__/dg;
const STARS = /(^|[\s(])\*(?=[^\s*])([^*]+?)(?<=\S)\*(?=[\s).,;:!?]|$)/dg;
const UNDERSCORES = /(^|[\s(])_(?=[^\s_])([^_]+?)(?<=\S)_(?=[\s).,;:!?]|$)/dg;
const STRUCK = /~~(?=[^\s~])([^~]+?)(?<=\S)~~/dg;
const CODE = /`([^`]+)`/dg;
const HARD_BREAK = /\\$/dg;

/** Inline Markdown to plain text; the link hrefs are collected for the outlet guess. */
function inline(line: string, hrefs: string[]): string {
  let text = unescaped(line);
  text = strip(text, IMAGE, NONE);
  text = strip(text, LINK_REFERENCE, NONE);
  text = strip(text, LINK, FIRST, (groups) => hrefs.push(groups[2]!.replace(/^<(.*)>$/, '$1')));
  text = strip(text, FOOTNOTE_MARK, NONE);
  text = strip(text, REFERENCE_LINK, FIRST);
  text = strip(text, STRONG_STARS, FIRST);
  text = strip(text, STRONG_UNDERSCORES, FIRST);
  text = strip(text, STARS, BOTH);
  text = strip(text, UNDERSCORES, BOTH);
  text = strip(text, STRUCK, FIRST);
  text = strip(text, CODE, FIRST);
  text = strip(text, HARD_BREAK, NONE);
  return text.shown;
}

/** A table row's cells, separated by spaces, as an HTML data table's row reads. */
function tableRow(line: string): string {
  return line
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim())
    .filter(Boolean)
    .join(' ');
}

/**
 * Markdown to units: paragraphs (soft-wrapped lines joined), headings (ATX and setext), list
 * items without their bullets, table rows, footnotes; code fences and link references go.
 */
export function markdownToUnits(text: string, hrefs: string[]): Unit[] {
  const units: Unit[] = [];
  let block = 0;
  let current: Unit | null = null;
  let fenced = false;
  let table = false;
  const endBlock = () => {
    if (current || table) block++;
    current = null;
    table = false;
  };
  const push = (text: string, heading: number, listItem: boolean): Unit => {
    const unit = { text, block, linkChars: 0, heading, listItem };
    units.push(unit);
    return unit;
  };
  for (const raw of text.split('\n')) {
    if (FENCE.test(raw.trim())) {
      fenced = !fenced;
      endBlock();
      continue;
    }
    if (fenced || REFERENCE.test(raw)) continue;
    let line = raw.trim().replace(/^(?:>\s?)+/, '');
    if (line === '') {
      endBlock();
      continue;
    }
    // A long paragraph over `---` is text above a rule, however CommonMark reads it.
    if (current && !current.listItem && !table && current.text.length <= 200 && SETEXT.test(line)) {
      current.heading = line.startsWith('=') ? 1 : 2;
      endBlock();
      continue;
    }
    if (RULE.test(line)) {
      endBlock();
      continue;
    }
    if (TABLE_DELIMITER.test(line) && current?.text.includes('|')) {
      // The header row was read as a paragraph line.
      current.text = tidy(tableRow(current.text));
      table = true;
      current = null;
      continue;
    }
    if (table) {
      const row = tidy(inline(tableRow(line), hrefs));
      if (row) push(row, 0, false);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      endBlock();
      const text = tidy(inline(heading[2]!, hrefs));
      if (text) push(text, heading[1]!.length, false);
      block++;
      continue;
    }
    const footnote = FOOTNOTE.exec(line);
    const bullet = footnote ? null : BULLET.exec(line);
    const listItem = bullet !== null || NUMBERED.test(line);
    if (footnote) line = line.slice(footnote[0].length);
    else if (bullet) line = line.slice(bullet[0].length);
    line = tidy(inline(line, hrefs));
    if (line === '') continue;
    if (current && !listItem && !footnote) {
      current.text = `${current.text} ${line}`;
      continue;
    }
    current = push(line, 0, listItem);
  }
  return units;
}

export interface FrontMatter {
  title: string | null;
  date: string | null;
  byline: string | null;
  source: string | null;
  url: string | null;
}

const FRONT_KEYS: Record<string, keyof FrontMatter> = {
  title: 'title',
  date: 'date',
  published: 'date',
  'published time': 'date',
  published_time: 'date',
  author: 'byline',
  authors: 'byline',
  byline: 'byline',
  source: 'source',
  site: 'source',
  site_name: 'source',
  publisher: 'source',
  url: 'url',
  'url source': 'url',
};

/**
 * Metadata a scraper wrote above the Markdown: YAML front matter between `---` lines, or the
 * `Title:` / `URL Source:` / `Published Time:` header ending in `Markdown Content:` that
 * reader services produce.
 */
export function takeFrontMatter(text: string): { text: string; meta: FrontMatter } {
  const meta: FrontMatter = { title: null, date: null, byline: null, source: null, url: null };
  let header: string | null = null;
  let rest = text;
  const yaml = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  const reader = /^(Title:[^\n]*\n(?:[^\n]*\n){0,8}?)Markdown Content:[ \t]*\n/.exec(text);
  if (yaml) {
    header = yaml[1]!;
    rest = text.slice(yaml[0].length);
  } else if (reader) {
    header = reader[1]!;
    rest = text.slice(reader[0].length);
  }
  if (header === null) return { text, meta };
  for (const line of header.split('\n')) {
    const match = /^([A-Za-z_ ]+):\s*(.*)$/.exec(line.trim());
    const key = match && FRONT_KEYS[match[1]!.trim().toLowerCase()];
    if (!key) continue;
    const value = match[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
    if (value !== '') meta[key] ??= value;
  }
  return { text: rest, meta };
}
