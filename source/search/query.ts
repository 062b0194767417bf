import { foldedName } from '../store/labels.js';
import { LABELS, type Label, REVIEW_STATUSES, type ReviewStatus } from '../store/types.js';
import { ownValue } from '../text/own.js';

export const QUERY_FIELDS = ['label', 'source', 'annotator', 'status'] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];

/** `label:none` selects sentences nobody has labelled. */
export type LabelValue = Label | 'none';

export type QueryFilter =
  | { field: 'label'; value: LabelValue; negate: boolean }
  | { field: 'status'; value: ReviewStatus; negate: boolean }
  | { field: 'source' | 'annotator'; value: string; negate: boolean };

export interface ParsedQuery {
  /** Plain words as typed: each must match (fuzzily), in any order. */
  words: string[];
  /** `"quoted"` text: its words must appear in this order. */
  phrases: string[];
  /** `-word` or `-"a phrase"`: sentences containing it are left out. */
  excluded: string[];
  filters: QueryFilter[];
  /** What could not be understood (`status:foo`); a query with problems finds nothing. */
  problems: string[];
  /**
   * `label:` values the codebook does not list, kept as typed: a label renamed or removed from
   * margin.json still names the store's annotations made with it. The command checks the store
   * holds it (a typo finds nothing) and says it is not the codebook's.
   */
  unlisted: string[];
  /**
   * `name:` prefixes that are no filter (`speaker:Waltz`), searched as the words they are: said
   * when nothing is found, which before looked like no sentence having that speaker.
   */
  notFilters: string[];
}

const opening = new Set(['"', '\u201c', '\u201e', '\u00ab']);
const closing = new Set(['"', '\u201d', '\u201c', '\u00bb']);
const space = /\s/;

/** A value as typed and as listed compare alike: case, and `-`, `_` or spaces between words. */
const normal = foldedName;

/** Accepts a value or an unambiguous start of one, so `label:q` already works while typing. */
function resolve<T extends string>(
  input: string,
  values: readonly T[],
  aliases: Record<string, T> = {},
): T | null {
  const value = normal(input);
  // Own keys only: `label:constructor` found Object's constructor here and matched nothing (qa54).
  const aliased = ownValue(aliases, value);
  if (aliased) return aliased;
  // A project's own label may be `frame-economic`: compared as typed it never matched.
  const exact = values.find((candidate) => normal(candidate) === value);
  if (exact) return exact;
  const started = values.filter((candidate) => normal(candidate).startsWith(value));
  return started.length === 1 ? started[0]! : null;
}

function filter(
  field: QueryField,
  raw: string,
  negate: boolean,
  parsed: ParsedQuery,
  labels: readonly Label[],
): QueryFilter | null {
  const { problems } = parsed;
  switch (field) {
    case 'label': {
      const values: readonly LabelValue[] = [...labels, 'none'];
      const value = resolve(raw, values);
      if (value) return { field, value, negate };
      if (!parsed.unlisted.includes(raw)) parsed.unlisted.push(raw);
      return { field, value: raw, negate };
    }
    case 'status': {
      const value = resolve(raw, REVIEW_STATUSES, {
        progress: 'in progress',
        inprogress: 'in progress',
      });
      if (value) return { field, value, negate };
      problems.push(`status:${raw}: expected one of done, in-progress, unreviewed`);
      return null;
    }
    default:
      return { field, value: raw, negate };
  }
}

/** Reads up to the closing quote (or the end: a phrase still being typed). */
function readQuoted(query: string, from: number): { text: string; next: number } {
  let end = from;
  while (end < query.length && !closing.has(query[end]!)) end++;
  return { text: query.slice(from, end), next: end + 1 };
}

/**
 * A minus before a number, or before a currency sign and a number (a percent sign after it): a
 * sign, not a `-word`. `-2020s` is still a word left out.
 */
const SIGNED_NUMBER = /^-[$\u20ac\u00a3\u00a5]?[0-9.,]*[0-9]%?$/;

function readBare(query: string, from: number): { text: string; next: number } {
  let end = from;
  while (end < query.length && !space.test(query[end]!)) end++;
  return { text: query.slice(from, end), next: end };
}

/**
 * Parses the query language: plain words, `"exact phrase"`, `field:value` filters (`label:`,
 * `source:`, `annotator:`, `status:`; a value may be quoted) and `-` before any of them to exclude
 * (but a number's: `-3.5%` is a negative figure).
 * Repeating a filter field offers alternatives (`label:quote label:claim` is either); different
 * fields must all hold.
 */
export function parseQuery(query: string, labels: readonly Label[] = LABELS): ParsedQuery {
  const parsed: ParsedQuery = {
    words: [],
    phrases: [],
    excluded: [],
    filters: [],
    problems: [],
    unlisted: [],
    notFilters: [],
  };
  let at = 0;
  while (at < query.length) {
    if (space.test(query[at]!)) {
      at++;
      continue;
    }
    let negate = false;
    // `-3.5%`, `-$5`: a figure's minus, not a word left out (qa56 #5: `-3.5%` found nothing).
    const figure = SIGNED_NUMBER.test(readBare(query, at).text);
    if (query[at] === '-' && at + 1 < query.length && !space.test(query[at + 1]!) && !figure) {
      negate = true;
      at++;
    }
    if (opening.has(query[at]!)) {
      const { text, next } = readQuoted(query, at + 1);
      at = next;
      const phrase = text.trim();
      if (phrase) (negate ? parsed.excluded : parsed.phrases).push(phrase);
      continue;
    }
    const field = /^([a-z]+):/i.exec(query.slice(at))?.[1]?.toLowerCase();
    if (field && (QUERY_FIELDS as readonly string[]).includes(field)) {
      const valueAt = at + field.length + 1;
      const { text, next } = opening.has(query[valueAt] ?? '')
        ? readQuoted(query, valueAt + 1)
        : readBare(query, valueAt);
      at = next;
      const value = text.trim();
      // `label:` with nothing after it is a filter still being typed, not a mistake.
      if (!value) continue;
      const made = filter(field as QueryField, value, negate, parsed, labels);
      if (made) parsed.filters.push(made);
      continue;
    }
    // `name:value`, not a web address (`http://`) nor a word ending a clause (`said:`).
    const after = query[at + (field?.length ?? 0) + 1] ?? ' ';
    if (field && !space.test(after) && after !== '/' && !parsed.notFilters.includes(field)) {
      parsed.notFilters.push(field);
    }
    const { text, next } = readBare(query, at);
    at = next;
    (negate ? parsed.excluded : parsed.words).push(text);
  }
  return parsed;
}

/**
 * What to say when a query with a `name:` that is no filter found nothing: the filters there are,
 * and that attribute values (a speaker, a claimant) are matched as plain words.
 */
export function notFilterNote(parsed: ParsedQuery): string | null {
  const [field] = parsed.notFilters;
  if (field === undefined) return null;
  const filters = QUERY_FIELDS.map((name) => `${name}:`).join(', ');
  return `${field}: is not a filter (${filters}); attribute values are found as words: search the value alone`;
}
