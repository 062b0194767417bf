import { tidy, type Unit } from './units.js';

const HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const RULE = /^(?:\*\s*){3,}$|^(?:-\s*){3,}$|^(?:_\s*){3,}$/;
const LIST_ITEM = /^(?:[*+-]|\d{1,3}[.)])\s+/;
const FENCE = /^(?:```|~~~)/;
const REFERENCE = /^\s{0,3}\[[^\]]+\]:\s*\S+/;

/**
 * A link destination as CommonMark reads it: `<…>`, or text without spaces whose parentheses
 * balance (two levels), as in `https://en.wikipedia.org/wiki/Riyadh_(city)`; then an optional
 * title and the closing parenthesis.
 */
const DESTINATION =
  /(<[^<>\n]*>|(?:[^\s()]|\((?:[^\s()]|\([^\s()]*\))*\))+)(?:\s+(?:"[^"]*"|'[^']*'|[^)]*))?\)/
    .source;
const IMAGE = new RegExp(`!\\[[^\\]]*\\]\\(${DESTINATION}`, 'g');
const LINK = new RegExp(`\\[([^\\]]+)\\]\\(${DESTINATION}`, 'g');

/** Inline Markdown to plain text; the link hrefs are collected for the outlet guess. */
function inline(text: string, hrefs: string[]): string {
  return text
    .replace(IMAGE, '')
    .replace(LINK, (_, label: string, href: string) => {
      hrefs.push(href.replace(/^<(.*)>$/, '$1'));
      return label;
    })
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[\s(])([*_])(?=\S)(.+?)(?<=\S)\2(?=[\s).,;:!?]|$)/g, '$1$3')
    .replace(/`([^`]+)`/g, '$1');
}

/** Markdown to units: paragraphs (soft-wrapped lines joined), headings, list items. */
export function markdownToUnits(text: string, hrefs: string[]): Unit[] {
  const units: Unit[] = [];
  let block = 0;
  let current: Unit | null = null;
  let fenced = false;
  const endBlock = () => {
    if (current) block++;
    current = null;
  };
  for (const raw of text.split('\n')) {
    if (FENCE.test(raw.trim())) {
      fenced = !fenced;
      endBlock();
      continue;
    }
    if (fenced || REFERENCE.test(raw)) continue;
    let line = raw.trim().replace(/^(?:>\s?)+/, '');
    if (line === '' || RULE.test(line)) {
      endBlock();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      endBlock();
      const text = tidy(inline(heading[2]!, hrefs));
      if (text)
        units.push({
          text,
          block: block++,
          linkChars: 0,
          heading: heading[1]!.length,
          listItem: false,
        });
      continue;
    }
    const listItem = LIST_ITEM.test(line);
    line = tidy(inline(line, hrefs));
    if (line === '') continue;
    if (current && !listItem) {
      current.text = `${current.text} ${line}`;
      continue;
    }
    current = { text: line, block, linkChars: 0, heading: 0, listItem };
    units.push(current);
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
