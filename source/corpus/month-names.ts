/**
 * The names of the months in the languages of Europe's and the Americas' press, as a date writes
 * them (`14. März`, `3 de marzo`, `14 марта`, `14 березня`), from the runtime's own locale data
 * (`Intl.DateTimeFormat`, full ICU in Node) rather than a table typed here. English months are
 * the differences' own pattern; these are the others, for the day of a date (`14. März` against
 * `15. März` is a date that differs, not the figures 14 and 15: qa56) and for chrono's parser of
 * the language that names them.
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

/**
 * Month name (lower case, as written in a date and alone) → its languages. Long forms only: the
 * short ones are words of other languages too (Polish `sie`, Italian `ott`).
 */
function monthNames(): Map<string, string[]> {
  if (names !== null) return names;
  const found = new Map<string, string[]>();
  const add = (word: string, locale: string) => {
    const key = word.toLocaleLowerCase(locale);
    // `april`, `august`, `november`: English's own, which chrono's English parser reads.
    if (!/^\p{L}{3,}$/u.test(key) || ENGLISH.has(key)) return;
    const locales = found.get(key) ?? [];
    if (!locales.includes(locale)) locales.push(locale);
    found.set(key, locales);
  };
  for (const locale of LOCALES) {
    const forms = [
      new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }),
      new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }),
    ];
    for (let month = 0; month < 12; month++) {
      const date = new Date(Date.UTC(2025, month, 14));
      for (const form of forms) {
        for (const part of form.formatToParts(date)) {
          if (part.type === 'month') add(part.value, locale);
        }
      }
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
