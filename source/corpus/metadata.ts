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

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A date a news article can have: from 1900 to tomorrow (a time zone ahead). Content systems
 * fill empty fields with `0001-01-01T00:00:00Z` or a far-future sentinel; those are no dates.
 */
export function isPlausibleDate(isoDate: string): boolean {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  return Date.UTC(year, month - 1, day) <= Date.now() + DAY_MS;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
/** `19 Nov 2019 07:09 GMT`, `Tue, 19 Nov 2019`: the day before the month. */
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+${MONTH},?\s+(\d{4})\b`,
  'i',
);
/** `Nov 19, 2019`, `Tue Nov 19 2019 05:44:06 GMT+0000`: the month first. */
const MONTH_DAY_YEAR = new RegExp(
  String.raw`^(?:[a-z]{3,9},?\s+)?${MONTH}\s+(\d{1,2}),?\s+(\d{4})\b`,
  'i',
);

/**
 * The forms meta tags and `<time datetime>` use most, read without chrono: chrono takes
 * milliseconds a call (hundreds for its first), more than the rest of a page's cleaning.
 */
function commonDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const dayFirst = DAY_MONTH_YEAR.exec(text);
  if (dayFirst) return ymd(dayFirst[3]!, dayFirst[2]!, dayFirst[1]!);
  const monthFirst = MONTH_DAY_YEAR.exec(text);
  if (monthFirst) return ymd(monthFirst[3]!, monthFirst[1]!, monthFirst[2]!);
  return null;
}

function ymd(year: string, month: string, day: string): string {
  return iso(Number(year), MONTHS.indexOf(month.toLowerCase()) + 1, Number(day));
}

/** An ISO date from HTML meta (`2025-03-14T10:00:00Z`) or any date chrono reads in full. */
export function parseDate(text: string): string | null {
  const common = commonDate(text.trim());
  if (common !== null) return isPlausibleDate(common) ? common : null;
  const [result] = chrono.parse(text, REFERENCE);
  if (!result?.start.isCertain('year') || !result.start.isCertain('day')) return null;
  const date = iso(result.start.get('year')!, result.start.get('month')!, result.start.get('day')!);
  return isPlausibleDate(date) ? date : null;
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

/**
 * Month names of the other languages chrono reads, as a dateline writes them (German, French,
 * Spanish, Italian, Portuguese, Dutch; Russian and Ukrainian in the genitive, "25 апреля"):
 * outlets about one story write in many languages, and a line naming none is not asked.
 */
const FOREIGN_MONTH =
  /(?:^|[^\p{L}])(?:januar|jänner|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro|januari|februari|maart|mei|augustus|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня)(?:$|[^\p{L}])/iu;
const FOREIGN = [
  chrono.de,
  chrono.fr,
  chrono.es,
  chrono.it,
  chrono.pt,
  chrono.nl,
  chrono.ru,
  chrono.uk,
];

/** The first date chrono finds with its year and day, in English or another language it reads. */
function chronoDate(text: string): chrono.ParsedResult | null {
  const certain = (result: chrono.ParsedResult | undefined) =>
    result?.start.isCertain('year') && result.start.isCertain('day') ? result : null;
  const english = DATE_HINT.test(text) ? certain(chrono.parse(text, REFERENCE)[0]) : null;
  if (english !== null || !FOREIGN_MONTH.test(text)) return english;
  for (const parser of FOREIGN) {
    const found = certain(parser.parse(text, REFERENCE)[0]);
    if (found !== null) return found;
  }
  return null;
}

const PUBLISHED =
  /^(?:published|updated|posted|last updated|first published|date|publié le|mis à jour le|veröffentlicht am|aktualisiert am|stand|publicado el|actualizado el|pubblicato il|aggiornato il|gepubliceerd op|опубликовано|обновлено|опубліковано|оновлено)\s*(?:on|at)?\s*:?\s*/iu;

/**
 * A place before the date, as agency datelines begin: `WASHINGTON, March 3, 2025`, `Berlin,
 * 3. März 2025`. One word, or up to three in capitals; two capitalised words are read as a
 * byline's name, as before.
 */
const PLACE = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}{2,}(?:[\s-]+\p{Lu}{2,}){0,2})\s*[,–—-]?$/u;

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const FULL_MONTH = `(${MONTH_NAMES.join('|')})`;
/** `March 3, 2025` or `3 March 2025` and nothing else on the line: most datelines. */
const BARE_DATE = new RegExp(
  String.raw`^\s*(?:${FULL_MONTH}\s+(\d{1,2}),?\s+(\d{4})|(\d{1,2})\s+${FULL_MONTH},?\s+(\d{4}))\s*$`,
  'i',
);

/**
 * The date of a line that is only a date with the month in full, read without chrono: it gives
 * the same answer as chrono for these (an impossible day is no date), at a hundredth of the cost,
 * and most datelines have this form. Undefined for any other line.
 */
function bareDate(text: string): string | null | undefined {
  const match = BARE_DATE.exec(text);
  if (!match) return undefined;
  const [month, day, year] = match[1]
    ? [match[1], match[2]!, match[3]!]
    : [match[5]!, match[4]!, match[6]!];
  const m = MONTH_NAMES.indexOf(month.toLowerCase()) + 1;
  const d = Number(day);
  const y = Number(year);
  const when = new Date(Date.UTC(y, m - 1, d));
  if (d < 1 || when.getUTCMonth() !== m - 1 || when.getUTCDate() !== d) return null;
  const date = iso(y, m, d);
  return isPlausibleDate(date) ? date : null;
}

/**
 * A byline and/or dateline line near the top: `Published March 3, 2025`,
 * `Friday, 25 April 2025, 18:14`, `By Jane Doe`, or 003's names glued to their dateline
 * (`Oleh Pavliuk, Yevhen KizilovFriday, 25 April 2025, 18:14`). Null for anything else, so
 * that a sentence that merely mentions a date stays in the body.
 */
export function parseDateline(text: string): Dateline | null {
  if (text.length > 120) return null;
  const bare = bareDate(text);
  if (bare !== undefined) return bare === null ? null : { date: bare, byline: null };
  // chrono takes milliseconds a line: ask it only about lines with a year and a month or day name.
  const result = YEAR.test(text) ? chronoDate(text) : null;
  if (result !== null) {
    const after = text.slice(result.index + result.text.length).trim();
    if (after !== '' && !/^(?:\(?[A-Z]{2,5}\)?|\|.*|updated.*)$/i.test(after)) return null;
    const date = iso(
      result.start.get('year')!,
      result.start.get('month')!,
      result.start.get('day')!,
    );
    if (!isPlausibleDate(date)) return null;
    const before = text.slice(0, result.index).trim();
    if (before === '' || (PUBLISHED.test(before) && before.replace(PUBLISHED, '') === '')) {
      return { date, byline: null };
    }
    if (PLACE.test(before)) return { date, byline: null };
    const byline = parseByline(before.replace(PUBLISHED, ''));
    return byline ? { date, byline } : null;
  }
  if (/^(?:by|written by|reporting by)\s+/i.test(text)) {
    const byline = parseByline(text);
    return byline ? { date: null, byline } : null;
  }
  return null;
}

/** Longer lines are a sentence mentioning a date, not a line giving one. */
const DATE_LINE_LENGTH = 80;

/**
 * The date of a short line that gives one with other things glued on, as byline blocks scraped
 * without spaces do (`Guy HedgecoeBBC News, Madrid30 October 2024`). For the lines above an
 * article's body only: elsewhere such a line may be another story's.
 */
export function lineDate(text: string): string | null {
  if (text.length > DATE_LINE_LENGTH || !YEAR.test(text)) return null;
  const bare = bareDate(text);
  if (bare !== undefined) return bare;
  const result = chronoDate(text);
  if (result === null) return null;
  const date = iso(result.start.get('year')!, result.start.get('month')!, result.start.get('day')!);
  return isPlausibleDate(date) ? date : null;
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
