/**
 * A wire dateline opening a sentence: the outlet's furniture, not what the sentence states.
 * `KYIV, March 14 (Reuters) - A Russian drone attack…`, `ODESA, Ukraine (AP) — …`,
 * `KYIV/MOSCOW, March 14, 2025 (Reuters/AFP) — …`, `KYIV, March 14 - …`, `WASHINGTON — …`.
 * Its place, date and agency are no words the story compares, and its date no day of what
 * happened: with them a lead of Reuters' stayed out of the group of six outlets' versions of
 * the same event ("March 14" against "early Friday"), and a verbatim copy left with it (qa55).
 */

import { sentenceStarters } from '../corpus/abbreviations.js';
import { isKnownOutlet } from '../corpus/outlets.js';
import { placeKind } from '../corpus/places.js';

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
/** `March 14`, `Mar. 14, 2025`, `14 March 2025`. */
const DATE = `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}\\s+${MONTH}(?:,?\\s+\\d{4})?)`;
/** A place's word: capitalised, or a state's abbreviation (`Fla.`, `N.Y.`), `KYIV/MOSCOW`. */
const PLACE_WORD = "\\p{Lu}[\\p{L}\\p{M}.'’-]*(?:/\\p{Lu}[\\p{L}\\p{M}.'’-]*)*";
const PLACE = `${PLACE_WORD}(?:\\s+${PLACE_WORD}){0,3}`;
/** An agency's word: capitalised (`Reuters`, `CBS News`, `AFP-Jiji`) or dpa's lower case. */
const AGENCY_WORD = "(?:\\p{Lu}[\\p{L}\\p{N}&.'’-]*|dpa|apa|efe)";
/** `(Reuters)`, `(AP)`, `(CBS News)`, several: `(Reuters/AFP)`, `(AP, Reuters)`. */
const AGENCY = `\\(${AGENCY_WORD}(?:(?:\\s*[/,+&]\\s*|\\s+)${AGENCY_WORD}){0,4}\\)`;
const DASH = '(?:-{1,2}|[–—‒―]|\\p{Pd})';

/**
 * Place, then a region or a date or both after commas, then the agency, then a dash and a
 * space, or a dash glued to the next word as some outlets write it (`WASHINGTON—The Federal
 * Reserve…`, `NEW DELHI-The government…`): a capitalised word in lower case after it, or a
 * word of one capital (`KYIV-A drone…`), never capitals (`NEW YORK-BASED`). Which parts make
 * it a dateline is checked in `datelineLength`.
 */
const DATELINE = new RegExp(
  `^\\s*(?<place>${PLACE})(?<region>(?:,\\s*${PLACE}){0,2})?(?:,?\\s*(?<date>${DATE}))?\\s*(?<agency>${AGENCY})?\\s*${DASH}(?:\\s+(?=\\S)|(?=\\p{Lu}(?:\\p{Ll}|\\s)))`,
  'u',
);

/** Where a dateline's dash may be: spaced, or glued between a capital and a capitalised word. */
const DASH_AHEAD = /\s(?:-{1,2}|[–—‒―]|\p{Pd})\s|[\p{Lu}.)](?:-{1,2}|[–—‒―]|\p{Pd})\p{Lu}/u;

/**
 * The length of the dateline `text` opens with, 0 when it opens with none. A place and a dash
 * alone make one only in capitals (`WASHINGTON — `), so that "Smith — who…" or "Paris, Texas
 * — …" keep their words, and only when WordNet knows the capitals as no organisation (`NATO —
 * the alliance said` keeps NATO); a date, or the mark of an agency margin knows, makes one of
 * any place.
 */
export function datelineLength(text: string): number {
  // Nothing to look at past a dateline's own length: most sentences end the test here.
  if (!DASH_AHEAD.test(text.slice(0, 90))) return 0;
  const match = DATELINE.exec(text);
  if (!match?.groups) return 0;
  const { place, date, agency } = match.groups;
  const capitals = /^[\p{Lu}\p{M}\s./'’-]{3,}$/u.test(place!) && /\p{Lu}{3}/u.test(place!);
  // An agency's mark alone must name an agency: `Rep. Jim Jordan (R-Ohio) — …` or
  // `Apple (AAPL) - …` open a statement with its speaker, who is no furniture.
  const known = agency
    ?.slice(1, -1)
    .split(/\s*[/,+&]\s*/)
    .every((name) => isKnownOutlet(name) || /^(?:dpa|apa|efe)$/.test(name));
  if (!capitals && date === undefined && !known) return 0;
  // A dash glued to the next word opens a sentence only where that word opens sentences (`NEW
  // DELHI-The`, `KYIV-A`): `COVID-Era rules`, `BEIJING-Backed`, `MOSCOW-Kyiv talks` are compounds
  // whose first word is said (review59-a).
  const end = match[0].length;
  if (!/\s/u.test(text[end - 1] ?? '')) {
    const next = /^\p{L}+/u.exec(text.slice(end))?.[0] ?? '';
    if (next.length > 1 && !sentenceStarters.has(next.toLowerCase())) return 0;
  }
  // In capitals alone, a subject in capitals is no place: `NATO — the alliance said`, `HAMAS —
  // …`. WordNet tells an organisation (a name it knows in no sense as a location) from a place
  // (`BUFFALO, N.Y. — `: the animal first, the city too); a name it does not know (`KYIV`, most
  // towns) stays a place, as datelines name them, and so does any place with its region.
  if (date === undefined && !known && !match.groups.region) {
    const parts = place!.split('/');
    if (parts.some((part) => placeKind(part.replace(/[.]+$/, '')) === 'other')) return 0;
  }
  return match[0].length;
}

/** `text` without the dateline it opens with. */
export function withoutDateline(text: string): string {
  const length = datelineLength(text);
  return length === 0 ? text : text.slice(length);
}
