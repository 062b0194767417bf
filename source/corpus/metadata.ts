import * as chrono from 'chrono-node';
import { AGENCY_TRAILER } from './boilerplate-patterns.js';
import { outletOfAgencyCode } from './outlets.js';

const DATE_PREFIX = /^\s*date\s+(\d{4})-(\d{2})-(\d{2})(?:\s+|$)/;

/** The scraper's ` date 2025-03-14 ` prefix (000, 003): metadata, not body. */
export function takeDatePrefix(text: string): { text: string; date: string | null } {
  const match = DATE_PREFIX.exec(text);
  if (!match) return { text, date: null };
  return { text: text.slice(match[0].length), date: `${match[1]}-${match[2]}-${match[3]}` };
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Fixed so that a date without a year is never completed from the clock of the machine.
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

/** An ISO date from HTML meta (`2025-03-14T10:00:00Z`) or any date chrono reads in full. */
export function parseDate(text: string): string | null {
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  if (isoMatch) return `${isoMatch[1]}-${isoMatch[2]}-${isoMatch[3]}`;
  const [result] = chrono.parse(text, REFERENCE);
  if (!result?.start.isCertain('year') || !result.start.isCertain('day')) return null;
  return iso(result.start.get('year')!, result.start.get('month')!, result.start.get('day')!);
}

const NAME =
  /^(?:\p{Lu}[\p{L}'’.-]*|de|da|van|von|der|al|bin|ibn|la|le)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|da|van|von|der|al|bin|ibn|la|le)){1,3}$/u;

/** `Oleh Pavliuk, Yevhen Kizilov` or `By Jane Doe and John Roe`: author names, or null. */
export function parseByline(text: string): string | null {
  const bare = text
    .replace(/^(?:by|written by|author|authors|reporting by)\s*:?\s+/i, '')
    .replace(/[\s|,·•–—-]+$/u, '')
    .trim();
  if (bare === '' || bare.length > 120) return null;
  const names = bare.split(/\s*,\s*|\s+and\s+|\s*&\s*/).filter(Boolean);
  if (names.length === 0 || names.length > 6) return null;
  if (!names.every((name) => NAME.test(name) && /\p{Lu}/u.test(name[0]!))) return null;
  return names.join(', ');
}

export interface Dateline {
  date: string | null;
  byline: string | null;
}

const DATE_HINT =
  /\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;
const YEAR = /(?:^|\D)(?:1[89]|20)\d{2}(?:\D|$)/;

const PUBLISHED =
  /^(?:published|updated|posted|last updated|first published|date)\s*(?:on|at)?\s*:?\s*/i;

/**
 * A byline and/or dateline line near the top: `Published March 3, 2025`,
 * `Friday, 25 April 2025, 18:14`, `By Jane Doe`, or 003's names glued to their dateline
 * (`Oleh Pavliuk, Yevhen KizilovFriday, 25 April 2025, 18:14`). Null for anything else, so
 * that a sentence that merely mentions a date stays in the body.
 */
export function parseDateline(text: string): Dateline | null {
  if (text.length > 120) return null;
  // chrono takes milliseconds a line: ask it only about lines with a year and a month or day name.
  const [result] = DATE_HINT.test(text) && YEAR.test(text) ? chrono.parse(text, REFERENCE) : [];
  if (result?.start.isCertain('year') && result.start.isCertain('day')) {
    const after = text.slice(result.index + result.text.length).trim();
    if (after !== '' && !/^(?:\(?[A-Z]{2,5}\)?|\|.*|updated.*)$/i.test(after)) return null;
    const date = iso(
      result.start.get('year')!,
      result.start.get('month')!,
      result.start.get('day')!,
    );
    const before = text.slice(0, result.index).trim();
    if (before === '' || (PUBLISHED.test(before) && before.replace(PUBLISHED, '') === '')) {
      return { date, byline: null };
    }
    const byline = parseByline(before.replace(PUBLISHED, ''));
    return byline ? { date, byline } : null;
  }
  if (/^(?:by|written by|reporting by)\s+/i.test(text)) {
    const byline = parseByline(text);
    return byline ? { date: null, byline } : null;
  }
  return null;
}

const SOURCE_LINES: RegExp[] = [
  /^a message from (.+?)\s*:?$/i,
  /^support (.+?) on (?:patreon|buy me a coffee|ko-fi)!?$/i,
  /^(?:subscribe to|sign up for) (.+?)(?:['’]s)? newsletters?\b/i,
  /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(.+?)(?:[.,]?\s*(?:all rights reserved|все права защищены|всі права захищені).*|\.)?$/i,
];

const NOT_OUTLETS = new Set(['us', 'our work', 'our journalism', 'the editors', 'the team']);

/** The outlet a boilerplate line names (`A Message from The Moscow Times:`), or null. */
export function sourceFromLine(text: string): string | null {
  for (const pattern of SOURCE_LINES) {
    const name = pattern.exec(text)?.[1]?.trim();
    if (!name || NOT_OUTLETS.has(name.toLowerCase())) continue;
    if (/^\p{Lu}/u.test(name) && name.split(/\s+/).length <= 6) return name;
  }
  const trailer = AGENCY_TRAILER.exec(text);
  return trailer ? outletOfAgencyCode(trailer[1] ?? trailer[2] ?? trailer[3]!) : null;
}
