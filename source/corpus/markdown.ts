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
/** A backslash escape: `\*` is a star, not emphasis. Held as a private-use character meanwhile. */
const ESCAPE = /\\([!-/:-@[-`{-~])/g;
const ESCAPED = /[\ue000-\ue07f]/g;

/**
 * A link destination as CommonMark reads it: `<…>`, or text without spaces whose parentheses
 * balance (two levels), as in `https://en.wikipedia.org/wiki/Riyadh_(city)`; then an optional
 * title and the closing parenthesis. A title without quotes is bounded: from every unclosed
 * `[a](b ` it was looked for to the line's end (7 s for a line of 50,000).
 */
const DESTINATION =
  /(<[^<>\n]*>|(?:[^\s()]|\((?:[^\s()]|\([^\s()]*\))*\))+)(?:\s+(?:"[^"]*"|'[^']*'|[^)]{0,300}))?\)/
    .source;
const IMAGE = new RegExp(`!\\[[^\\]]*\\]\\(${DESTINATION}`, 'g');
const LINK = new RegExp(`\\[([^\\]]+)\\]\\(${DESTINATION}`, 'g');

/**
 * An autolink, `<https://example.org>`: its address is what the reader sees, so it becomes text
 * before the tags are stripped (which would take it for a tag).
 */
export function markdownAutolinks(text: string): string {
  if (!text.includes('<')) return text;
  return text.replace(/<((?:https?|ftp|mailto):[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>/gi, '$1');
}

/** Inline Markdown to plain text; the link hrefs are collected for the outlet guess. */
function inline(text: string, hrefs: string[]): string {
  return (
    text
      .replace(ESCAPE, (_, char: string) => String.fromCharCode(0xe000 + char.charCodeAt(0)))
      .replace(IMAGE, '')
      .replace(/!\[[^\]]*\]\[[^\]]*\]/g, '')
      .replace(LINK, (_, label: string, href: string) => {
        hrefs.push(href.replace(/^<(.*)>$/, '$1'));
        return label;
      })
      .replace(/\[\^[^\]\s]+\]/g, '')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      // Each span stops at its delimiter's character: `.+?` ran to the line's end from every
      // unclosed one, 25 s for a line of 50,000 "**a ".
      .replace(/\*\*(?=[^\s*])([^*]+?)(?<=\S)\*\*/g, '$1')
      .replace(/__(?=[^\s_])([^_]+?)(?<=\S)__/g, '$1')
      .replace(/(^|[\s(])\*(?=[^\s*])([^*]+?)(?<=\S)\*(?=[\s).,;:!?]|$)/g, '$1$2')
      .replace(/(^|[\s(])_(?=[^\s_])([^_]+?)(?<=\S)_(?=[\s).,;:!?]|$)/g, '$1$2')
      .replace(/~~(?=[^\s~])([^~]+?)(?<=\S)~~/g, '$1')
      .replace(/`([^`]+)`/g, '$1')
      .replace(/\\$/, '')
      .replace(ESCAPED, (char) => String.fromCharCode(char.charCodeAt(0) - 0xe000))
  );
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
