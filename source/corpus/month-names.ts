/**
 * The names of the months in the languages of Europe's and the Americas' press, as a date writes
 * them (`14. März`, `3 de marzo`, `14 марта`, `14 березня`), from the runtime's own locale data
 * (`Intl.DateTimeFormat`, full ICU in Node) rather than a table typed here. English months are
 * the differences' own pattern; these are the others, for the day of a date (`14. März` against
 * `15. März` is a date that differs, not the figures 14 and 15: qa56) and for chrono's parser of
 * the language that names them. The cleaner reads Turkish dates (`3 Mart 2025`), which chrono has
 * no parser for, by the same names (`monthsOf`).
 *
 * ICU's locale data costs 30–100 ms the first time a process asks it: each table is built only
 * when a text holds what could be a date of its language.
 */

/** The languages read, with chrono-node's parser where it has one. */
const LOCALES = ['de', 'fr', 'es', 'it', 'pt', 'nl', 'ru', 'uk', 'sv', 'fi', 'tr', 'pl', 'ro'];
export const CHRONO_LOCALES = new Set(['de', 'fr', 'es', 'it', 'pt', 'nl', 'ru', 'uk', 'sv', 'fi']);

const ENGLISH = new Set(
  'january february march april may june july august september october november december'.split(
    ' ',
  ),
);

let names: Map<string, string[]> | null = null;
let pattern: RegExp | null = null;
const byLocale = new Map<string, readonly (readonly string[])[]>();

/**
 * The months of `locale` in order, each as its forms in lower case (`toLocaleLowerCase` of the
 * locale: Turkish `KASIM` is `kasım`): as a date writes it (`14 марта`, `14. März`) and alone
 * (`март`), one form where the two agree. Long forms only.
 */
export function monthsOf(locale: string): readonly (readonly string[])[] {
  const known = byLocale.get(locale);
  if (known !== undefined) return known;
  const forms = [
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }),
    new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }),
  ];
  const months: string[][] = [];
  for (let month = 0; month < 12; month++) {
    const date = new Date(Date.UTC(2025, month, 14));
    const words: string[] = [];
    for (const form of forms) {
      for (const part of form.formatToParts(date)) {
        const word = part.value.toLocaleLowerCase(locale);
        if (part.type === 'month' && !words.includes(word)) words.push(word);
      }
    }
    months.push(words);
  }
  byLocale.set(locale, months);
  return months;
}

/**
 * Month name (lower case, as written in a date and alone) → its languages. Long forms only: the
 * short ones are words of other languages too (Polish `sie`, Italian `ott`).
 */
function monthNames(): Map<string, string[]> {
  if (names !== null) return names;
  const found = new Map<string, string[]>();
  for (const locale of LOCALES) {
    for (const key of monthsOf(locale).flat()) {
      // `april`, `august`, `november`: English's own, which chrono's English parser reads.
      if (!/^\p{L}{3,}$/u.test(key) || ENGLISH.has(key)) continue;
      const locales = found.get(key) ?? [];
      if (!locales.includes(locale)) locales.push(locale);
      found.set(key, locales);
    }
  }
  names = found;
  return found;
}

/** A pattern source matching any month name of `monthNames` (case-insensitive, `u`). */
export function monthNamePattern(): string {
  const words = [...monthNames().keys()].sort((a, b) => b.length - a.length);
  return `(?:${words.join('|')})`;
}

const weekdaysByLocale = new Map<string, readonly string[]>();

/** The days of the week in `locale`, long forms in its own lower case (`cuma`, `vendredi`). */
function weekdaysOf(locale: string): readonly string[] {
  const known = weekdaysByLocale.get(locale);
  if (known !== undefined) return known;
  const form = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const days: string[] = [];
  // 2025-01-06 is a Monday.
  for (let day = 6; day < 13; day++) {
    days.push(form.format(new Date(Date.UTC(2025, 0, day))).toLocaleLowerCase(locale));
  }
  weekdaysByLocale.set(locale, days);
  return days;
}

/**
 * Whether `word` is a day of the week in one of the languages read (not English: the caller
 * knows its own), as Turkish writes it after a date (`14 Şubat 2025 Cuma`); any case.
 */
export function isForeignWeekday(word: string): boolean {
  return LOCALES.some((locale) => weekdaysOf(locale).includes(word.toLocaleLowerCase(locale)));
}

/** The languages whose month names `text` holds as words, in order of first mention. */
export function monthLanguages(text: string): string[] {
  // A date of a day holds its figure; the names' table costs ~100 ms of ICU data the first time.
  if (!/\d/.test(text)) return [];
  pattern ??= new RegExp(`(?<!\\p{L})${monthNamePattern()}(?!\\p{L})`, 'giu');
  const languages: string[] = [];
  for (const match of text.matchAll(pattern)) {
    for (const locale of monthNames().get(match[0].toLowerCase()) ?? []) {
      if (!languages.includes(locale)) languages.push(locale);
    }
  }
  return languages;
}
