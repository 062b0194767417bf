/**
 * What the members of a group state differently, the things a fact-checker checks first:
 * figures ("28 drones" against "four drones"; "four" and "4" are no difference), names (a
 * spelling, "Witkoff" against "Witkov", or another speaker) and dates ("on Thursday" against
 * "on Friday"). Each difference lists every member's value, so the view can show them side by side.
 */
import * as chrono from 'chrono-node';
import { STOPWORDS } from '../corpus/stopwords.js';
import { editDistance } from '../search/distance.js';
import { fold } from '../text/fold.js';
import { WEIGHTLESS_WORDS } from './lexicon.js';
import { findNumbers, numberKey } from './numbers.js';
import { nameKey, sentenceFeatures, speakerNames, stem, Vocabulary } from './tokens.js';
import type { Difference, DifferenceValue } from './types.js';

export interface DifferenceInput {
  text: string;
  /** ISO date of the member's article, the reference for "on Thursday"; null when unknown. */
  date: string | null;
}

/** The numbers, names and dates that differ between members. */
export function differences(
  members: readonly DifferenceInput[],
  speakers?: readonly (readonly string[])[],
): Difference[] {
  return [
    ...numberDifferences(members),
    ...nameDifferences(members, speakers),
    ...dateDifferences(members),
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
    findNumbers(member.text).map((mention) => ({
      mention,
      unit: unitAfter(member.text, mention.end),
    })),
  );
  const mentions = found.map((list, member) => list.map((item) => ({ member, ...item })));
  for (const list of mentions) {
    for (const { member, mention, unit } of list) {
      const values = byUnit.get(unit) ?? [];
      values.push({ member, text: mention.text });
      byUnit.set(unit, values);
    }
  }
  const out: Difference[] = [];
  for (const [unit, values] of byUnit) {
    const membersWith = new Set(values.map((value) => value.member));
    if (membersWith.size < 2 || unit === '') {
      for (const value of values) unpaired[value.member]!.push(value);
      continue;
    }
    const keys = new Set(values.map((value) => numberKey(findNumbers(value.text)[0]!.value)));
    if (keys.size > 1) out.push({ kind: 'number', values });
  }
  const withUnpaired = unpaired.filter((values) => values.length > 0);
  if (withUnpaired.length >= 2) {
    const keysOf = (values: DifferenceValue[]) =>
      values
        .map((value) => numberKey(findNumbers(value.text)[0]!.value))
        .sort()
        .join(' ');
    if (new Set(withUnpaired.map(keysOf)).size > 1) {
      out.push({ kind: 'number', values: withUnpaired.flat() });
    }
  }
  return out;
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
    const values: DifferenceValue[] = [];
    spellings.forEach((names, member) => {
      for (const spelling of family) {
        const written = names.get(spelling);
        if (written) values.push({ member, text: written });
      }
    });
    if (new Set(values.map((value) => value.member)).size >= 2) out.push({ kind: 'name', values });
  }
  const known = speakersByMember
    .map((names, member) => ({ names, member }))
    .filter(({ names }) => names.length > 0);
  if (known.length >= 2) {
    // In any case: an abbreviation is keyed in capitals, its spelling as a word is not ("NATO", "Nato").
    const lower = known.map(({ names }) => names.map((name) => name.toLowerCase()));
    const shared = lower.every((names) =>
      lower.every((other) => other.some((name) => names.includes(name))),
    );
    if (!shared) {
      out.push({
        kind: 'name',
        values: known.map(({ names, member }) => ({
          member,
          text: asWritten(members[member]!.text, names).join(' '),
        })),
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
      if (!members.has(other) && spelledAlike(all[other]!, name)) members.add(other);
    }
    return [...members].sort((a, b) => a - b).map((other) => all[other]!);
  };
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
    const folded = fold(match[0]).replace(/['’]s$/, '');
    if (STOPWORDS.has(folded) || WEIGHTLESS_WORDS.has(folded)) continue;
    names.set(folded, match[0].replace(/['’]s$/, ''));
  }
  return names;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Dates: a day of the month or a weekday that one member gives and another gives otherwise. */
export function dateDifferences(members: readonly DifferenceInput[]): Difference[] {
  const parsed = perText(
    members,
    (member) => {
      const reference = member.date ? new Date(`${member.date}T12:00:00Z`) : new Date(0);
      return chrono.parse(member.text, reference).flatMap((result) => {
        const { start } = result;
        let key: string | null = null;
        if (start.isCertain('day') && start.isCertain('month')) {
          key = `${start.get('month')}-${start.get('day')}`;
        } else if (start.isCertain('weekday')) {
          key = WEEKDAYS[start.get('weekday')!]!;
        }
        // "on Thursday" and "Thursday" are one day told alike: the preposition is no difference.
        // chrono takes the comma after a day into its match ("On Friday, a spokesman said").
        const text = result.text
          .trim()
          .replace(/^(?:on|in|at|by|since|until|from)\s+/i, '')
          .replace(/[\s,;:]+$/u, '');
        return key ? [{ key, text }] : [];
      });
    },
    // "On Thursday" names another day in another week's article.
    (member) => `${member.date ?? ''}\u0000${member.text}`,
  );
  const found = parsed.map((list, member) =>
    list.map(({ key, text }) => ({ key, value: { member, text } })),
  );
  const dated = found.filter((list) => list.length > 0);
  if (dated.length < 2) return [];
  const keysOf = (list: (typeof dated)[number]) =>
    [...new Set(list.map((item) => item.key))].sort().join(' ');
  if (new Set(dated.map(keysOf)).size < 2) return [];
  return [{ kind: 'date', values: dated.flatMap((list) => list.map((item) => item.value)) }];
}
