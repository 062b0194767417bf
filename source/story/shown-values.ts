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
  if (difference.kind !== 'number') return texts;
  const byKey = new Map<string, string[]>();
  for (const text of texts) {
    const key = findNumbers(text).length > 0 ? figureKey({ text }) : text;
    const spellings = byKey.get(key);
    if (spellings) spellings.push(text);
    else byKey.set(key, [text]);
  }
  return [...byKey.values()].map(([first, ...others]) =>
    others.length === 0 ? first! : `${first} (${others.join(', ')})`,
  );
}
