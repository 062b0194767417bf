/**
 * A difference's values as the report and the review's panel show them. A module of its own,
 * light (no chrono-node, stemmer or word lists): the review imports it before its first frame.
 */
import { findNumbers, numberKey } from './numbers.js';
import type { Difference } from './types.js';

/** A figure's key: its value ("4" and "four" are one), and a time's half of the day. */
export function figureKey(value: { text: string }): string {
  const number = numberKey(findNumbers(value.text)[0]!.value);
  const half = /([ap])\.?\s?m\b\.?$/i.exec(value.text)?.[1]?.toLowerCase() ?? '';
  return half === '' ? number : `${number} ${half}m`;
}

/**
 * The values of a difference as shown, each once: one figure written two ways is one value,
 * "14 (Fourteen)", not two that read as a disagreement between them (qa55).
 */
export function shownValues(difference: Difference): string[] {
  const texts = [...new Set(difference.values.map((value) => value.text))];
  if (difference.kind !== 'number' && difference.kind !== 'date') return texts;
  const key =
    difference.kind === 'number'
      ? (text: string) => (findNumbers(text).length > 0 ? figureKey({ text }) : text)
      : dateKey(texts);
  const byKey = new Map<string, string[]>();
  for (const text of texts) {
    const found = key(text);
    const spellings = byKey.get(found);
    if (spellings) spellings.push(text);
    else byKey.set(found, [text]);
  }
  return [...byKey.values()].map(([first, ...others]) =>
    others.length === 0 ? first! : `${first} (${others.join(', ')})`,
  );
}

/**
 * A date's key without the weekday said beside it: "Tuesday, March 11" is the "March 11" of the
 * others, one value, where the day itself differs elsewhere ("March 12"; qa57). Two weekdays for
 * one day ("Tuesday, March 11", "Wednesday, March 11") stay two values, and so does a weekday
 * alone ("Tuesday" against "Wednesday").
 */
function dateKey(texts: readonly string[]): (text: string) => string {
  const bare = (text: string) => text.replace(WEEKDAY_BESIDE, '').trim().toLowerCase();
  const weekdays = new Map<string, Set<string>>();
  for (const text of texts) {
    const day = bare(text);
    const weekday = text.toLowerCase().match(WEEKDAY)?.[0] ?? '';
    if (weekday !== '') weekdays.set(day, (weekdays.get(day) ?? new Set()).add(weekday));
  }
  return (text) => {
    const day = bare(text);
    const one = /\d/.test(day) && (weekdays.get(day)?.size ?? 0) <= 1;
    return one ? day : text.toLowerCase();
  };
}

const WEEKDAY = /(?:mon|tues|wednes|thurs|fri|satur|sun)day/iu;
const WEEKDAY_BESIDE = new RegExp(`^${WEEKDAY.source},?\\s+|,?\\s+${WEEKDAY.source}$`, 'iu');
