import { annotatorNameProblem, keptAnnotatorProblem, sanitiseAnnotator } from '../store/index.js';
import type { LabelSet } from '../store/labels.js';
import * as z from '../text/schema.js';
import { labelName } from './model.js';

/**
 * An object of strings (attributes) from a file, kept with every own key: zod's `record` builds
 * a plain object by assignment, which silently drops a key named `__proto__`.
 */
export const stringRecord = z.pipe(
  z.custom<Record<string, string>>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.values(value).every((item) => typeof item === 'string'),
    { error: 'expected an object of strings' },
  ),
  z.transform((value) => Object.fromEntries(Object.entries(value)) as Record<string, string>),
);

/**
 * Finds the project's label a file names: as stored (`claim`), as the formats spell it for
 * people (`Claim`, or `spell`'s spelling), or in any case (`CLAIM`) when only one label fits.
 * Null for a label the project does not have.
 */
export function labelMatcher(
  labels: LabelSet,
  spell: (label: string) => string = labelName,
): (name: string) => string | null {
  const exact = new Map<string, string>();
  const folded = new Map<string, string | null>();
  for (const { name } of labels) {
    exact.set(name, name);
    if (!exact.has(spell(name))) exact.set(spell(name), name);
  }
  for (const { name } of labels) {
    const key = name.toLowerCase();
    folded.set(key, folded.has(key) && folded.get(key) !== name ? null : name);
  }
  return (name) => exact.get(name) ?? folded.get(name.toLowerCase()) ?? null;
}

/** The project's labels for a message: `claim, quote, event`. */
export function labelList(labels: LabelSet): string {
  return labels.map((label) => label.name).join(', ');
}

/**
 * The annotator a record names, as the store keeps it, or why it cannot be one, for every
 * format: the name `--annotator` would take (`annotatorNameProblem`: no `/` or `\`, `..`,
 * `__proto__`, invisible characters), or a file made folders `__proto__` and `..%2F..%2Fetc`
 * that stats and export then listed while `margin review --annotator ../../etc` refused the name.
 * A name the store merely tidies (NFC, one space for several) is the name meant; one it would
 * change otherwise (` ana` trimmed to `ana`, a control character dropped) is refused and said
 * (`keptAnnotatorProblem`'s words), never merged quietly into another's.
 */
export function importedAnnotator(
  given: string,
): { annotator: string; problem: null } | { annotator: null; problem: string } {
  const problem = keptAnnotatorProblem(given) ?? annotatorNameProblem(given);
  if (problem !== null) return { annotator: null, problem: `not a usable name (${problem})` };
  return { annotator: sanitiseAnnotator(given), problem: null };
}

/** A date and time from another tool, as margin stores it; undefined when it is not one. */
export function isoOrUndefined(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
