/**
 * What the members of a group state differently, the things a fact-checker checks first:
 * figures ("28 drones" against "four drones"; "four" and "4" are no difference), names (a
 * spelling, "Witkoff" against "Witkov", or another speaker) and dates ("on Thursday" against
 * "on Friday"). Two members differ only where no value of one agrees with a value of the other
 * (see `disagreeing`); each difference lists the values of every member that differs from
 * another, so the view can show them side by side.
 */
import * as chrono from 'chrono-node';
import { diffArrays } from 'diff';
import { CHRONO_LOCALES, monthLanguages, monthNamePattern } from '../corpus/month-names.js';
import { STOPWORDS } from '../corpus/stopwords.js';
import { editDistance } from '../search/distance.js';
import { fold } from '../text/fold.js';
import { actorsOf } from './actors.js';
import { withoutDateline } from './dateline.js';
import { REPORTING_WORDS, TITLE_WORDS, WEIGHTLESS_WORDS } from './lexicon.js';
import { findNumbers, type NumberMention } from './numbers.js';
import { figureKey } from './shown-values.js';
import { nameKey, sentenceFeatures, speakerNames, stem, Vocabulary } from './tokens.js';
import type { Difference, DifferenceValue } from './types.js';

export interface DifferenceInput {
  text: string;
  /** ISO date of the member's article, the reference for "on Thursday"; null when unknown. */
  date: string | null;
}

/** The numbers, names and dates that differ between members. */
export function differences(
  written: readonly DifferenceInput[],
  speakers?: readonly (readonly string[])[],
): Difference[] {
  // A wire dateline's place and date ("KYIV, March 14 (Reuters) - ") are no part of what a
  // member states: its "March 14" is no date of the event against another's "early Friday".
  const members = written.map((member) => ({ ...member, text: withoutDateline(member.text) }));
  return [
    ...numberDifferences(members),
    ...nameDifferences(members, speakers),
    ...dateDifferences(members),
    ...quoteDifferences(members),
  ];
}

/**
 * `read` of each member's text, read once per distinct key: a group of agency copies holds the
 * same sentence hundreds of times, and parsing it (numbers, names, dates) costs a millisecond.
 */
export function perText<T>(
  members: readonly DifferenceInput[],
  read: (member: DifferenceInput) => T,
  keyOf: (member: DifferenceInput) => string = (member) => member.text,
): T[] {
  const known = new Map<string, T>();
  return members.map((member) => {
    const key = keyOf(member);
    if (known.has(key)) return known.get(key) as T;
    const value = read(member);
    known.set(key, value);
    return value;
  });
}

/** Each member's speakers, by name as the story engine reads them. */
export function speakersOf(members: readonly DifferenceInput[]): string[][] {
  const vocabulary = new Vocabulary();
  return perText(members, (member) =>
    speakerNames(sentenceFeatures(member.text, vocabulary).speakers).map((id) =>
      vocabulary.word(id),
    ),
  );
}

/**
 * Figures are paired by what they count: the first content word after them ("28 Ukrainian
 * drones", "four Ukrainian drones" → "ukrainian"). A figure that counts something no other
 * member counts is compared with the other members' unpaired figures.
 */
export function numberDifferences(members: readonly DifferenceInput[]): Difference[] {
  const byUnit = new Map<string, DifferenceValue[]>();
  const unpaired: DifferenceValue[][] = members.map(() => []);
  const found = perText(members, (member) =>
    findNumbers(member.text).flatMap((written) => {
      // The day of a date ("Nov. 8", "8 November") is the dates' to compare, not a figure; a
      // year is compared with years only: "never gave us 10 cents" against "said on Nov. 8",
      // "the 16-inch MacBook Pro" against "axed in 2016" were figures that differed (qa51).
      if (dayOfDate(member.text, written.start, written.end)) return [];
      const mention = withTimeMark(member.text, written);
      const unit = isYear(member.text, mention) ? YEAR : unitAfter(member.text, mention.end);
      return [{ mention, unit, before: unitBefore(member.text, mention.start) }];
    }),
  );
  const mentions = found.map((list, member) => list.map((item) => ({ member, ...item })));
  // What each value compared counts: the content words after and before it.
  const counts = new Map<DifferenceValue, readonly string[]>();
  for (const list of mentions) {
    for (const { member, mention, unit, before } of list) {
      const values = byUnit.get(unit) ?? [];
      const value = { member, text: mention.text };
      counts.set(value, [unit, before]);
      values.push(value);
      byUnit.set(unit, values);
    }
  }
  const out: Difference[] = [];
  // Each member's figures a difference lists: the unpaired ones compared last leave them out,
  // so that no difference says again what one before said.
  const shown = new Set<string>();
  // A member that states a figure another member states agrees with it, whatever else it adds.
  const compared = (values: readonly DifferenceValue[]) => {
    const lists: DifferenceValue[][] = members.map(() => []);
    for (const value of values) lists[value.member]!.push(value);
    const keys = lists.map((list) => list.map(figureKey));
    const marked = disagreeing(keys, sortedKeys, disjointKeys);
    if (marked.size === 0) return;
    const listed = markedValues(lists, marked, (value) => value.text);
    const units = new Set(values.flatMap((value) => counts.get(value) ?? []));
    units.delete('');
    // Every member stating a value listed of what the compared values count (the content word
    // after or before each), by the word before it as well as the word after: "wounded 37 early Friday" says the 37 that "37
    // wounded" says, and was left out of "40 ≠ 37" for counting "early" (qa55); "a
    // 37-year-old among the 40 wounded" states no 37 wounded (text56).
    const stated = new Set(listed.map(figureKey));
    const already = new Set(listed.map((value) => `${value.member}\u0000${figureKey(value)}`));
    mentions.forEach((list, member) => {
      for (const { mention, unit, before } of list) {
        const key = figureKey(mention);
        const id = `${member}\u0000${key}`;
        if (!stated.has(key) || already.has(id)) continue;
        if (!units.has(unit) && !units.has(before)) continue;
        already.add(id);
        listed.push({ member, text: mention.text });
      }
    });
    listed.sort((a, b) => a.member - b.member);
    for (const value of listed) shown.add(`${value.member}\u0000${figureKey(value)}`);
    out.push({ kind: 'number', values: listed });
  };
  for (const [unit, values] of byUnit) {
    const membersWith = new Set(values.map((value) => value.member));
    // A year one member gives is set against no other figure, nor a span of time ("canceled
    // its task order two months later") against a count ("the first three contracts").
    if ((unit === YEAR || TIME_SPANS.has(unit)) && membersWith.size < 2) continue;
    if (membersWith.size < 2 || unit === '') {
      for (const value of values) unpaired[value.member]!.push(value);
      continue;
    }
    compared(values);
  }
  const left = unpaired.map((values) =>
    values.filter((value) => !shown.has(`${value.member}\u0000${figureKey(value)}`)),
  );
  if (left.filter((values) => values.length > 0).length >= 2) compared(left.flat());
  return out;
}

/** A time's mark after its figure: "3 a.m.", "10 p.m.", "14:00 GMT", "9 o'clock". */
const TIME_MARK = /^\s?(?:[ap]\.\s?m\.?|[ap]m\b|o['’]clock\b|(?:GMT|UTC)\b)/iu;

/**
 * A figure with the mark that makes it a time ("3 a.m.", not "3"): the panel read "3 ≠ 4"
 * for 3 a.m. and 4 a.m. (qa55), and 3 a.m. and 3 p.m. are no one time.
 */
function withTimeMark(text: string, mention: NumberMention): NumberMention {
  const mark = TIME_MARK.exec(text.slice(mention.end, mention.end + 12));
  if (!mark) return mention;
  const end = mention.end + mark[0].length;
  return { ...mention, text: text.slice(mention.start, end), end };
}

/** What a span of time counts, stemmed as `unitAfter` stems. */
const TIME_SPANS = new Set(
  'seconds minutes hours days weeks months years decades centuries'
    .split(' ')
    .flatMap((word) => [stem(word), stem(word.replace(/ies$/, 'y').replace(/s$/, ''))]),
);

/** What a year counts, as a unit no word stems to. */
const YEAR = '\u0001year';

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTH_BEFORE = new RegExp(`\\b${MONTH}\\.?\\s*$`, 'i');
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b`, 'i');

/** Whether the figure at `start`–`end` is the day of a date: after a month, or before one. */
function dayOfDate(text: string, start: number, end: number): boolean {
  const written = text.slice(start, end);
  if (!/^\d{1,2}$/.test(written) || Number(written) < 1 || Number(written) > 31) return false;
  return (
    MONTH_BEFORE.test(text.slice(Math.max(0, start - 12), start)) ||
    MONTH_AFTER.test(text.slice(end, end + 16)) ||
    foreignMonthAfter().test(text.slice(end, end + 24))
  );
}

let monthAfter: RegExp | null = null;
let monthBeforeYear: RegExp | null = null;

/** `14. März`, `3 de marzo`, `14 марта`: a month of another language after a day. */
function foreignMonthAfter(): RegExp {
  monthAfter ??= new RegExp(`^\\.?\\s+(?:de\\s+|di\\s+)?${monthNamePattern()}(?!\\p{L})`, 'iu');
  return monthAfter;
}

/** `März 2025`, `de marzo de 2025`, `марта 2025`: a month of another language before a year. */
function foreignMonthBeforeYear(): RegExp {
  monthBeforeYear ??= new RegExp(`(?<!\\p{L})${monthNamePattern()}\\s+(?:de\\s+|del\\s+)?$`, 'iu');
  return monthBeforeYear;
}

/** Words before a figure that make four digits a year ("in 2016", "back in 2015", "May 2019"). */
const BEFORE_YEAR = new RegExp(
  `\\b(?:in|since|of|from|by|until|till|to|through|before|after|early|late|mid|year|fiscal|${MONTH}\\.?(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?)\\s*[,-]?\\s*$`,
  'i',
);

/** Whether a figure is a year: four digits from 1800 to 2199, after a word that dates. */
function isYear(text: string, mention: { text: string; start: number }): boolean {
  if (!/^(?:1[89]|2[01])\d\d$/.test(mention.text)) return false;
  return (
    BEFORE_YEAR.test(text.slice(Math.max(0, mention.start - 20), mention.start)) ||
    foreignMonthBeforeYear().test(text.slice(Math.max(0, mention.start - 24), mention.start))
  );
}

/**
 * The content word right before a figure, as `unitAfter` gives the one after: "wounded 37
 * early Friday" → `wound`. Empty when that word is a stopword or there is none (`a 37-year-old`).
 */
function unitBefore(text: string, start: number): string {
  const word = /([\p{L}]+)[^\p{L}\p{N}]{0,2}$/u.exec(text.slice(Math.max(0, start - 40), start));
  if (!word) return '';
  const folded = fold(word[1]!);
  if (STOPWORDS.has(folded) || WEIGHTLESS_WORDS.has(folded) || folded.length < 2) return '';
  return stem(folded);
}

function unitAfter(text: string, end: number): string {
  for (const match of text.slice(end, end + 80).matchAll(/[\p{L}]+/gu)) {
    const folded = fold(match[0]);
    if (STOPWORDS.has(folded) || WEIGHTLESS_WORDS.has(folded) || folded.length < 2) continue;
    return stem(folded);
  }
  return '';
}

/**
 * Names: one name spelled differently ("Witkoff", "Witkov"), and different speakers of the
 * same words ("Peskov said" against "Ushakov said").
 */
export function nameDifferences(
  members: readonly DifferenceInput[],
  speakersByMember: readonly (readonly string[])[] = speakersOf(members),
): Difference[] {
  const spellings = perText(members, (member) => namesAsWritten(member.text));
  const out: Difference[] = [];
  const all = [...new Set(spellings.flatMap((names) => [...names.keys()]))].sort();
  const done = new Set<string>();
  const sameAs = nameFamilies(all);
  for (const name of all) {
    if (done.has(name)) continue;
    const family = sameAs(name);
    for (const other of family) done.add(other);
    if (family.length < 2) continue;
    // One member may write both spellings: it agrees with either.
    const lists = spellings.map((names) =>
      family.flatMap((spelling) => {
        const written = names.get(spelling);
        return written ? [{ spelling, written }] : [];
      }),
    );
    const marked = disagreeing(
      lists.map((list) => list.map((item) => item.spelling)),
      sortedKeys,
      disjointKeys,
    );
    if (marked.size > 0) {
      out.push({ kind: 'name', values: markedValues(lists, marked, (item) => item.written) });
    }
  }
  const known = speakersByMember
    .map((names, member) => ({ names, member }))
    .filter(({ names }) => names.length > 0);
  if (known.length >= 2) {
    // In any case: an abbreviation is keyed in capitals, its spelling as a word is not ("NATO",
    // "Nato"). A place that stands for a state is that state ("Russia said", "the Kremlin said").
    const written = known.map(({ names, member }) => asWritten(members[member]!.text, names));
    const lower = known.map(({ names }) => names.map((name) => name.toLowerCase()));
    // Each version naming the other's speaker too is no other speaker: one version's speaker
    // read from a name inside the quotation ("…our One Home Depot strategic investments," said
    // CEO Craig Menear) set it against the other's Craig Menear (qa51).
    const words: Array<Set<string> | undefined> = [];
    const wordsIn = (j: number) => {
      words[j] ??= new Set(
        [...fold(members[known[j]!.member]!.text).matchAll(/[\p{L}\p{M}]+/gu)].map((m) => m[0]),
      );
      return words[j]!;
    };
    const named = (i: number, j: number) => lower[i]!.every((name) => wordsIn(j).has(name));
    // A speaker spelled a letter apart ("Peskow said") is the one name the spellings above
    // already set apart, not another speaker: it was reported twice (qa57 #7).
    const alike = (names: readonly string[], other: readonly string[]) =>
      other.some((name) => names.some((mine) => spelledAlike(mine, name)));
    const shared = lower.every((names, i) =>
      lower.every(
        (other, j) =>
          other.some((name) => names.includes(name)) ||
          alike(names, other) ||
          sameActor([written[i]!], [written[j]!]) ||
          (named(i, j) && named(j, i)),
      ),
    );
    if (!shared) {
      out.push({
        kind: 'name',
        values: known.map(({ member }, at) => ({ member, text: written[at]!.join(' ') })),
      });
    }
  }
  return out;
}

/**
 * The spellings of `all` (sorted) that are one name with a given one, in `all`'s order: one
 * romanisation key, or a letter or two apart ("Bessent", "Bescent"). Each key is made once and
 * only names with the same first letter are measured: a group of thousands of agency copies
 * names thousands of people, and comparing every pair afresh made describing it quadratic.
 */
function nameFamilies(all: readonly string[]): (name: string) => string[] {
  const keys = all.map((name) => nameKey(name));
  const byKey = new Map<string, number[]>();
  const byInitial = new Map<string, number[]>();
  all.forEach((name, at) => {
    const key = keys[at]!;
    const keyed = byKey.get(key);
    if (keyed) keyed.push(at);
    else byKey.set(key, [at]);
    const initial = name[0] ?? '';
    const started = byInitial.get(initial);
    if (started) started.push(at);
    else byInitial.set(initial, [at]);
  });
  const position = new Map(all.map((name, at) => [name, at]));
  return (name) => {
    const at = position.get(name)!;
    const members = new Set(byKey.get(keys[at]!));
    members.add(at);
    for (const other of byInitial.get(name[0] ?? '') ?? []) {
      if (!members.has(other) && spelledAlike(all[other]!, name) && !demonym(all[other]!, name)) {
        members.add(other);
      }
    }
    return [...members].sort((a, b) => a - b).map((other) => all[other]!);
  };
}

/** A country and its adjective ("Russia", "Russian"): one name, not two spellings of it. */
function demonym(a: string, b: string): boolean {
  if (!a.startsWith(b) && !b.startsWith(a)) return false;
  const left = actorsOf(a);
  return left.length > 0 && actorsOf(b).some((state) => left.includes(state));
}

/** A letter or two apart, for names of five letters or more that start alike. */
function spelledAlike(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < 5 || a[0] !== b[0] || Math.abs(a.length - b.length) > 1) return false;
  const limit = shorter >= 8 ? 2 : 1;
  return editDistance(a, b, limit) <= limit;
}

/**
 * Speakers' names as `text` writes them: the engine keys them folded and romanised ("russia",
 * "iork"), which a difference showed as it was ("differ: russia ≠ kremlin"). A key the text
 * does not spell out (an abbreviation joined from initials) stays as it is.
 */
function asWritten(text: string, keys: readonly string[]): string[] {
  const written = new Map<string, { word: string; at: number }>();
  // A name's capitalised spelling, wherever the same word also stands in lower case ("the bush
  // fire …, Bush said"); the parts of a hyphenated name too ("Jean-Claude").
  const note = (key: string, word: string, at: number) => {
    const known = written.get(key);
    if (known === undefined || (!/^\p{Lu}/u.test(known.word) && /^\p{Lu}/u.test(word))) {
      written.set(key, { word, at });
    }
  };
  for (const match of text.matchAll(/\p{L}[\p{L}\p{M}'’-]*/gu)) {
    const word = match[0].replace(/['’]s$/, '');
    for (const part of new Set([word, ...word.split('-')])) {
      if (part === '') continue;
      note(part, part, match.index);
      note(nameKey(fold(part)), part, match.index);
    }
  }
  // In the order the text gives them (the engine keeps a speaker's names by number).
  const at = (key: string) => written.get(key)?.at ?? Number.POSITIVE_INFINITY;
  return [...keys].sort((a, b) => at(a) - at(b)).map((key) => written.get(key)?.word ?? key);
}

function namesAsWritten(text: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const match of text.matchAll(/(?<![\p{L}])\p{Lu}[\p{L}\p{M}'’-]{2,}/gu)) {
    if (match.index === 0) continue;
    // A straight and a curly apostrophe are one spelling ("We're", "We’re").
    const folded = fold(match[0].replace(/’/g, "'")).replace(/'s$/, '');
    if (STOPWORDS.has(folded) || WEIGHTLESS_WORDS.has(folded)) continue;
    names.set(folded, match[0].replace(/['’]s$/, ''));
  }
  return names;
}

/**
 * Which values of which members disagree with another member's. `conflict` answers for two
 * members that each state something (their lists non-empty): null when they agree, else the
 * positions in each list that disagree. Members with one `signature` answer alike, and are
 * compared once: a group of agency copies states the same few values hundreds of times.
 */
function disagreeing<T>(
  lists: readonly (readonly T[])[],
  signature: (list: readonly T[]) => string,
  conflict: (a: readonly T[], b: readonly T[]) => [number[], number[]] | null,
): Map<number, Set<number>> {
  const kinds = new Map<string, { list: readonly T[]; members: number[] }>();
  lists.forEach((list, member) => {
    if (list.length === 0) return;
    const key = signature(list);
    const kind = kinds.get(key);
    if (kind) kind.members.push(member);
    else kinds.set(key, { list, members: [member] });
  });
  const distinct = [...kinds.values()];
  const marked = distinct.map(() => new Set<number>());
  for (let i = 0; i < distinct.length; i++) {
    for (let j = i + 1; j < distinct.length; j++) {
      const found = conflict(distinct[i]!.list, distinct[j]!.list);
      if (!found) continue;
      for (const at of found[0]) marked[i]!.add(at);
      for (const at of found[1]) marked[j]!.add(at);
    }
  }
  const out = new Map<number, Set<number>>();
  distinct.forEach((kind, at) => {
    if (marked[at]!.size === 0) return;
    for (const member of kind.members) out.set(member, marked[at]!);
  });
  return out;
}

/** Two members' keys conflict when they share none: "28" against "four"; not "28 and 4" against "four". */
function disjointKeys(a: readonly string[], b: readonly string[]): [number[], number[]] | null {
  if (a.some((key) => b.includes(key))) return null;
  return [a.map((_, at) => at), b.map((_, at) => at)];
}

const sortedKeys = (keys: readonly string[]) => [...new Set(keys)].sort().join('\u0000');

/** The values `disagreeing` marked, in member order. */
function markedValues<T>(
  lists: readonly (readonly T[])[],
  marked: ReadonlyMap<number, ReadonlySet<number>>,
  text: (item: T) => string,
): DifferenceValue[] {
  const values: DifferenceValue[] = [];
  lists.forEach((list, member) => {
    const positions = marked.get(member);
    if (!positions) return;
    list.forEach((item, at) => {
      if (positions.has(at)) values.push({ member, text: text(item) });
    });
  });
  return values;
}

/** A date as one member writes it. */
interface DateMention {
  text: string;
  /** The words folded, for "Thursday" against "thursday". */
  folded: string;
  /** Month and day when the text gives them ("March 13", or "yesterday" in a dated article). */
  day: string | null;
  /** The weekday, said or (of a day whose year is known) worked out; null when unknown. */
  weekday: number | null;
  /**
   * Null for the date of what happened; for the date a statement was made ("Peskov said on
   * Friday", "On Friday, a spokesman said"), the words that tell who made it, as written.
   */
  said: string[] | null;
}

/**
 * Dates: a day of the month or a weekday that one member gives and another gives otherwise. Two
 * members disagree only when no date of one agrees with a date of the other (one that met
 * "late Thursday and left early on Friday" agrees with one that met "on Thursday"), and only
 * about dates of one thing: the day something happened against the day it happened, the day a
 * speaker spoke against the day the same speaker spoke; not the meeting's Thursday against the
 * Friday a spokesman spoke of it, nor the day Trump spoke against the day Peskov did.
 * Deadlines and spans ("by the end of the month", "in the coming weeks") are no dates to
 * compare: the same words resolve to other days in articles of other days.
 */
export function dateDifferences(members: readonly DifferenceInput[]): Difference[] {
  const parsed = perText(
    members,
    (member) => dateMentions(member.text, member.date),
    // "On Thursday" names another day in another week's article.
    (member) => `${member.date ?? ''}\u0000${member.text}`,
  );
  if (parsed.filter((list) => list.length > 0).length < 2) return [];
  const marked = disagreeing(
    parsed,
    (list) =>
      list
        .map((item) =>
          [item.folded, item.day, item.weekday, item.said?.join(' ') ?? '\u0001'].join('\u0002'),
        )
        .join('\u0000'),
    datesConflict,
  );
  if (marked.size === 0) return [];
  return [{ kind: 'date', values: markedValues(parsed, marked, (item) => item.text) }];
}

function datesConflict(
  a: readonly DateMention[],
  b: readonly DateMention[],
): [number[], number[]] | null {
  const left = new Set<number>();
  const right = new Set<number>();
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const verdict = compareDates(a[i]!, b[j]!);
      if (verdict === 'agree') return null;
      if (verdict === 'differ' && sameOccasion(a[i]!, b[j]!)) {
        left.add(i);
        right.add(j);
      }
    }
  }
  return left.size > 0 ? [[...left], [...right]] : null;
}

function compareDates(a: DateMention, b: DateMention): 'agree' | 'differ' | 'unknown' {
  if (a.folded === b.folded) return 'agree';
  if (a.day !== null && b.day !== null) return a.day === b.day ? 'agree' : 'differ';
  if (a.weekday !== null && b.weekday !== null) return a.weekday === b.weekday ? 'agree' : 'differ';
  return 'unknown';
}

/** Whether two dates are of one thing: both of what happened, or both of one speaker's words. */
function sameOccasion(a: DateMention, b: DateMention): boolean {
  if (a.said === null || b.said === null) return a.said === b.said;
  const [left, right] = [namesIn(a.said), namesIn(b.said)];
  if (left.length > 0 && right.length > 0) return sameActor([left], [right]);
  if (left.length > 0 || right.length > 0) return false;
  // Neither names the speaker: one body ("the ministry said on Friday", "the ministry said on
  // Thursday"), not any two ("a spokesman", "the ministry").
  const nouns = (words: readonly string[]) =>
    words
      .map((word) => fold(word))
      .filter((word) => !STOPWORDS.has(word) && !WEIGHTLESS_WORDS.has(word));
  const theirs = new Set(nouns(b.said));
  return nouns(a.said).some((word) => theirs.has(word));
}

/** A day, weekday or month named in words or figures: not "soon", "end of the month", "weeks". */
const NAMED_DATE =
  /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d/i;
/**
 * A span or a deadline ("by the end of July", "within 24 hours", "in the coming weeks"), not a
 * day: unless it names a weekday ("last Friday").
 */
const SPAN =
  /\b(?:end|beginning|start|middle|mid|within|next|coming|past|hours?|days?|weeks?|months?|years?)\b/i;
const WEEKDAY_NAME = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
/** A day named from the article's own ("yesterday"), when the article's date is known. */
const RELATIVE_DAY = /\b(?:yesterday|today|tonight|tomorrow)\b/i;

/** `Am 14. März`, `le 14 mars`, `el 3 de marzo`: the preposition is no difference either. */
const FOREIGN_PREPOSITION =
  /^(?:am|im|vom|seit|bis|le|du|depuis|au|el|del|desde|il|dal|em|no|op|на|с|до|з|по)\s+/iu;

type Parser = { parse: typeof chrono.parse };

/**
 * The dates chrono reads in English, and in each language whose month names the text holds
 * (`Am 14. März 2025`), where it reads none there already.
 */
function parseDates(text: string, reference: Date): chrono.ParsedResult[] {
  const results = chrono.parse(text, reference);
  for (const locale of monthLanguages(text)) {
    if (!CHRONO_LOCALES.has(locale)) continue;
    const parser = (chrono as unknown as Record<string, Parser>)[locale]!;
    for (const result of parser.parse(text, reference)) {
      const end = result.index + result.text.length;
      const overlaps = results.some(
        (other) => other.index < end && result.index < other.index + other.text.length,
      );
      if (!overlaps) results.push(result);
    }
  }
  return results.sort((a, b) => a.index - b.index);
}

/**
 * What a text holds somewhere when a part of it passes `NAMED_DATE` or `RELATIVE_DAY`: their
 * words without the word boundaries, which a part's edge may give where the whole text has none.
 */
const MAY_NAME_DATE =
  /(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d/i;
const MAY_NAME_DAY = /yesterday|today|tonight|tomorrow/i;

function dateMentions(text: string, date: string | null): DateMention[] {
  // A date is kept only where chrono's reading of it passes `NAMED_DATE` (or `RELATIVE_DAY`):
  // in a text that cannot hold one, nothing chrono reads is kept, and it is not run. Four
  // distinct texts of ten (10,000 articles), and chrono is a quarter of describing a group.
  if (!MAY_NAME_DATE.test(text) && !(date && MAY_NAME_DAY.test(text))) return [];
  const reference = date ? new Date(`${date}T12:00:00Z`) : new Date(0);
  return parseDates(text, reference).flatMap((result) => {
    if (!NAMED_DATE.test(result.text) && !(date && RELATIVE_DAY.test(result.text))) return [];
    if (SPAN.test(result.text) && !WEEKDAY_NAME.test(result.text)) return [];
    const { start } = result;
    let day: string | null = null;
    let weekday: number | null = null;
    if (start.isCertain('day') && start.isCertain('month')) {
      day = `${start.get('month')}-${start.get('day')}`;
      if (start.isCertain('year') || date) {
        weekday = new Date(
          Date.UTC(start.get('year')!, start.get('month')! - 1, start.get('day')!),
        ).getUTCDay();
      }
    }
    if (start.isCertain('weekday')) weekday = start.get('weekday')!;
    if (day === null && weekday === null) return [];
    // "on Thursday" and "Thursday" are one day told alike: the preposition is no difference.
    // chrono takes the comma after a day into its match ("On Friday, a spokesman said").
    const written = result.text
      .trim()
      .replace(/^(?:on|in|at|by|since|until|from)\s+/i, '')
      .replace(FOREIGN_PREPOSITION, '')
      .replace(/[\s,;:]+$/u, '');
    const at = result.index + result.text.indexOf(written);
    return [
      {
        text: written,
        folded: fold(written),
        day,
        weekday,
        said: whenSaid(text, at, at + written.length),
      },
    ];
  });
}

/** Verbs of saying that a date next to them dates (not "according", "called", "described"). */
const SAYING = new Set(
  [...REPORTING_WORDS].filter(
    (word) =>
      !/^(?:according|call|called|describe|described|characterize|characterized|quote|quoted|express|expresses|expressed|expressing|warning|reporting|report|reports|claims|states|state|notes|note|remarks|remark|comment|answer|write|written|suggest|suggests|suggesting|indicate|indicates|indicating)$/.test(
        word,
      ),
  ),
);
/** Words that may stand between a verb of saying and its date ("said in a statement on Friday"). */
const SAYING_GAP = new Set(
  'on late early last this past in at a an the statement reporters journalists press conference interview briefing media'.split(
    ' ',
  ),
);

/**
 * Whether the date at `start`–`end` of `text` dates a statement, and whose: right after a verb
 * of saying ("the Kremlin said Friday", "Russia said on Friday it …", "said Peskov on Friday"),
 * or opening the sentence or a clause that a verb of saying governs ("On Friday, a Russian
 * spokesman explained …", "On Thursday, President Donald Trump said …", "On Sunday, "We
 * will …," X said"): then the words that say who spoke. Null for a date of what happened
 * ("met … late on Thursday", "reported that on Friday four drones were downed").
 */
function whenSaid(text: string, start: number, end: number): string[] | null {
  const clauseStart =
    Math.max(
      ...[',', ';', ':', '“', '”', '"', '('].map((mark) => text.lastIndexOf(mark, start - 1)),
    ) + 1;
  const before = [...text.slice(clauseStart, start).matchAll(/[\p{L}\p{M}'’.-]+/gu)].map(
    (match) => match[0],
  );
  // Back from the date over the words a dating phrase takes, to a verb of saying.
  for (let at = before.length - 1; at >= 0; at--) {
    const word = before[at]!;
    const folded = fold(word);
    if (SAYING.has(folded)) {
      const [subject, after] = [before.slice(0, at), before.slice(at + 1)];
      return namesIn(subject).length === 0 && namesIn(after).length > 0 ? after : subject;
    }
    if (!SAYING_GAP.has(folded) && !/^\p{Lu}/u.test(word)) break;
  }
  const opening = before.every((word) => /^(?:on|late|early|last|this|in|at)$/i.test(word));
  if (!opening) return null;
  const rest = text.slice(end).replace(/^[\s,]+/u, '');
  if (/^["“«]/u.test(rest)) {
    // The date opens a quotation: the speaker follows it ("…," deputy minister Clara Fontaine said).
    const close = rest.slice(1).search(/["”»]/u);
    if (close < 0) return [];
    return wordsOf(rest.slice(close + 2).split(/[.;]/u)[0] ?? '');
  }
  const clause = wordsOf(rest.split(/[,;:“”"(]/u)[0] ?? '').slice(0, 10);
  const verb = clause.findIndex((word) => SAYING.has(fold(word)));
  return verb < 0 ? null : clause.slice(0, verb);
}

const wordsOf = (text: string) =>
  [...text.matchAll(/[\p{L}\p{M}'’.-]+/gu)].map((match) => match[0].replace(/['’]s$/, ''));

/** The capitalised words that are no title or function word: a speaker's names as written. */
function namesIn(words: readonly string[]): string[] {
  return words.filter((word) => {
    if (!/^\p{Lu}/u.test(word)) return false;
    const folded = fold(word).replace(/\.$/, '');
    return !(STOPWORDS.has(folded) || WEIGHTLESS_WORDS.has(folded) || TITLE_WORDS.has(folded));
  });
}

/**
 * Whether two speakers' names (as written, one list per member) name one actor: a name in
 * common ("Peskov", "Dmitry Peskov"), or a place that stands for the same state ("Russia",
 * "the Kremlin", "Moscow"; "the US", "Washington", "the White House": see actors.ts).
 */
function sameActor(a: readonly (readonly string[])[], b: readonly (readonly string[])[]): boolean {
  const lower = (lists: readonly (readonly string[])[]) =>
    new Set(lists.flat().map((name) => name.toLowerCase()));
  const left = lower(a);
  if ([...lower(b)].some((name) => left.has(name))) return true;
  const states = (lists: readonly (readonly string[])[]) => {
    const found = new Set<number>();
    for (const names of lists) {
      names.forEach((name, at) => {
        for (const state of actorsOf(name)) found.add(state);
        const next = names[at + 1];
        if (next !== undefined) for (const state of actorsOf(`${name} ${next}`)) found.add(state);
      });
    }
    return found;
  };
  const leftStates = states(a);
  if (leftStates.size === 0) return false;
  return [...states(b)].some((state) => leftStates.has(state));
}

/** A quotation's words as written and as compared (case and punctuation aside). */
interface Quotation {
  words: string[];
  keys: string[];
}

/** Quotations of three words or more: “…”, "…", «…», „…“. */
const QUOTATION = /[“"«„]([^“”"«»„]{2,}?)[”"»“]/gu;
/** Words shown on each side of an edit. */
const QUOTE_CONTEXT = 2;
/** Edited quotations listed a group at most: a group of copies quotes a few versions. */
const MOST_QUOTE_EDITS = 8;

function quotationsIn(text: string): Quotation[] {
  const out: Quotation[] = [];
  for (const match of text.matchAll(QUOTATION)) {
    // An editor's words in brackets ("a conversation [between Trump and Putin]") are no edit
    // of the speaker's.
    const spoken = match[1]!.replace(/\[[^\]]*\]/gu, ' ');
    const words = spoken.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word));
    if (words.length < 3) continue;
    out.push({ words, keys: words.map((word) => fold(word).replace(/[^\p{L}\p{N}]/gu, '')) });
  }
  return out;
}

/** Whether `inner`'s keys stand together, in order, inside `outer`'s: a quotation trimmed. */
function inside(inner: readonly string[], outer: readonly string[]): boolean {
  for (let from = 0; from + inner.length <= outer.length; from++) {
    if (inner.every((key, at) => outer[from + at] === key)) return true;
  }
  return false;
}

/** Whether two quotations are one (half the shorter's words in the longer), edited or not. */
function oneQuotation(a: Quotation, b: Quotation): boolean {
  const theirs = new Set(b.keys);
  const shared = a.keys.filter((key) => theirs.has(key)).length;
  return shared >= Math.min(a.keys.length, b.keys.length) / 2;
}

/**
 * The words of `quotation` in `ranges` (word positions, `[from, to)`, in order), each with its
 * context, as shown: `“…every life taken in…”`; ranges apart joined by `…`.
 */
function excerpt(quotation: Quotation, ranges: readonly (readonly [number, number])[]): string {
  const pieces: [number, number][] = [];
  for (const [from, to] of ranges) {
    const start = Math.max(0, from - QUOTE_CONTEXT);
    const end = Math.min(quotation.words.length, to + QUOTE_CONTEXT);
    const last = pieces[pieces.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else pieces.push([start, end]);
  }
  const text = pieces
    .map(([start, end]) =>
      quotation.words
        .slice(start, end)
        .join(' ')
        .replace(/^[^\p{L}\p{N}]+|[,;:]+$/gu, ''),
    )
    .join('…');
  const open = pieces[0]![0] > 0 ? '…' : '';
  const close = pieces[pieces.length - 1]![1] < quotation.words.length ? '…' : '';
  return `“${open}${text}${close}”`;
}

/** Words in common of an edit at least, of the longer quotation: less is another rendering. */
const EDITED_SHARE = 0.6;

/**
 * Where `b`'s words differ from `a`'s: the ranges of each, in order, or null when they are
 * no edit of each other (under `EDITED_SHARE` in common, or the same words).
 */
function editsBetween(
  a: readonly string[],
  b: readonly string[],
): { left: [number, number][]; right: [number, number][] } | null {
  const left: [number, number][] = [];
  const right: [number, number][] = [];
  let [i, j, common] = [0, 0, 0];
  let open: { i: number; j: number } | null = null;
  for (const change of diffArrays([...a], [...b])) {
    const count = change.value.length;
    if (!change.added && !change.removed) {
      if (open) {
        left.push([open.i, i]);
        right.push([open.j, j]);
        open = null;
      }
      common += count;
      i += count;
      j += count;
      continue;
    }
    open ??= { i, j };
    if (change.removed) i += count;
    else j += count;
  }
  if (open) {
    left.push([open.i, i]);
    right.push([open.j, j]);
  }
  if (left.length === 0 || common < EDITED_SHARE * Math.max(a.length, b.length)) return null;
  return { left, right };
}

/**
 * Quotations edited between members: the speaker's own words, which a fact-checker checks
 * first ("every life taken" against "every life that it has taken"). Each member's quotations
 * are set against the earliest member's that are the same quotation; a quotation trimmed (the
 * one inside the other) or told in other case and punctuation is no edit. Each edit is a
 * difference of its own: the earliest's words around it, and the edited ones.
 */
export function quoteDifferences(members: readonly DifferenceInput[]): Difference[] {
  const quoted = perText(members, (member) => quotationsIn(member.text));
  const first = quoted.findIndex((list) => list.length > 0);
  if (first < 0) return [];
  const reference = quoted[first]!;
  const edits = new Map<string, { from: string; to: string; edited: Set<number> }>();
  // Per distinct quotation: a group of copies quotes the same words hundreds of times.
  const verdicts = new Map<string, { key: string; from: string; to: string } | null>();
  const verdictOf = (quotation: Quotation) => {
    const id = quotation.keys.join(' ');
    if (verdicts.has(id)) return verdicts.get(id)!;
    let verdict: { key: string; from: string; to: string } | null = null;
    for (const own of reference) {
      if (!oneQuotation(own, quotation)) continue;
      const [a, b] = [own.keys, quotation.keys];
      if (inside(a, b) || inside(b, a)) break;
      const edited = editsBetween(a, b);
      if (edited === null) break;
      const from = excerpt(own, edited.left);
      const to = excerpt(quotation, edited.right);
      verdict = { key: `${own.keys.join(' ')}\u0000${from}\u0000${to}`, from, to };
      break;
    }
    verdicts.set(id, verdict);
    return verdict;
  };
  quoted.forEach((list, member) => {
    for (const quotation of list) {
      const verdict = verdictOf(quotation);
      if (verdict === null) continue;
      let edit = edits.get(verdict.key);
      if (!edit) {
        if (edits.size >= MOST_QUOTE_EDITS) continue;
        edit = { from: verdict.from, to: verdict.to, edited: new Set() };
        edits.set(verdict.key, edit);
      }
      edit.edited.add(member);
    }
  });
  if (edits.size === 0) return [];
  // The members quoting the earliest's words as it does, for each quotation edited.
  const unedited = (keys: string) =>
    quoted.flatMap((list, member) => (list.some((q) => q.keys.join(' ') === keys) ? [member] : []));
  return [...edits.entries()].map(([key, edit]) => {
    const keys = key.slice(0, key.indexOf('\u0000'));
    const values: DifferenceValue[] = [
      ...unedited(keys).map((member) => ({ member, text: edit.from })),
      ...[...edit.edited].map((member) => ({ member, text: edit.to })),
    ];
    values.sort((a, b) => a.member - b.member);
    return { kind: 'quote' as const, values };
  });
}
