/**
 * The tense of a sentence's main verb, read without a parser: the first finite verb outside
 * quotation marks, past any clause set off by commas ("Authorities in western Mongolia, which is
 * close to the frontier, instituted …"). A happening is told in the past ("rammed the door") or
 * the perfect ("have started coming out"); a state or a habit in the present ("Reed now works
 * for the port", "Ruiz is one of the first …", "The company faces …"), a plan with a modal. Past
 * forms elsewhere in the sentence ("members elected to the council", "a convicted felon") do not
 * make it a narration.
 */
import { STOPWORDS } from '../corpus/stopwords.js';
import { REPORTING_VERBS } from './lexicon.js';
import { verbKind } from './senses.js';
import type { Token } from './tokens.js';

export type Tense = 'past' | 'perfect' | 'present' | 'modal';

const PRESENT = new Set(['is', 'are', 'am', 'remains', 'seems', 'appears']);
const PAST = new Set(['was', 'were']);
const HAVE_PRESENT = new Set(['has', 'have']);
const MODALS = new Set([
  'will',
  'would',
  'could',
  'can',
  'may',
  'might',
  'should',
  'must',
  'shall',
]);
/** Words that open a clause set off by commas inside the subject: "…, which is close to …,". */
const RELATIVES = new Set(['which', 'who', 'whose', 'where', 'whom']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their']);
/** How far into the clause the main verb is looked for. */
const REACH = 16;

/** A present form in -s ("works", "faces", "shows") whose next word is no verb of its own. */
function presentInS(tokens: readonly Token[], i: number, isPast: (lower: string) => boolean) {
  const token = tokens[i]!;
  const lower = token.lower;
  if (token.capital || !lower.endsWith('s') || lower.endsWith('ss') || lower.length < 4)
    return false;
  if (STOPWORDS.has(lower) || DETERMINERS.has(tokens[i - 1]?.lower ?? '')) return false;
  // A verb follows its subject's last word; "…, friends, volunteers" are a list.
  if (tokens[i - 1]?.kind !== 'word') return false;
  // "Health bosses said": a plural noun before its verb.
  const next = tokens[i + 1]?.lower ?? '';
  if (isPast(next) || REPORTING_VERBS.has(next) || PRESENT.has(next) || PAST.has(next))
    return false;
  if (MODALS.has(next)) return false;
  if (HAVE_PRESENT.has(next)) return false;
  const stem = lower.endsWith('es') && verbKind(lower.slice(0, -2)) ? lower.slice(0, -2) : null;
  return stem !== null || verbKind(lower.slice(0, -1)) !== undefined;
}

/**
 * The tense of the main verb from `start` (the main clause's first token), or undefined when no
 * finite verb is found within reach.
 */
export function mainTense(
  tokens: readonly Token[],
  inside: readonly boolean[],
  start: number,
  isPast: (lower: string) => boolean,
): Tense | undefined {
  return mainVerb(tokens, inside, start, isPast)?.tense;
}

/** Words between "was" and what it links to that say nothing of it: "was also", "were not". */
const BETWEEN = new Set(['also', 'still', 'not', 'never', 'now', 'then', 'once', 'only', 'just']);

/**
 * Whether the main verb is a past "was"/"were" that links its subject to a state ("It was her
 * first visit to the port", "plague was responsible for", "The last outbreak was in 2009"),
 * not a passive or a progressive ("were marooned", "was facing"): a past state, not a happening.
 */
export function pastState(
  tokens: readonly Token[],
  inside: readonly boolean[],
  start: number,
  isPast: (lower: string) => boolean,
): boolean {
  const verb = mainVerb(tokens, inside, start, isPast);
  if (verb?.tense !== 'past' || !PAST.has(tokens[verb.at]!.lower)) return false;
  let i = verb.at + 1;
  while (i < tokens.length && (BETWEEN.has(tokens[i]!.lower) || /ly$/.test(tokens[i]!.lower))) i++;
  const next = tokens[i];
  if (next?.kind !== 'word') return next?.kind === 'number';
  return !isPast(next.lower) && !next.lower.endsWith('ing') && next.lower !== 'to';
}

/** The main verb's tense and where it stands. */
function mainVerb(
  tokens: readonly Token[],
  inside: readonly boolean[],
  start: number,
  isPast: (lower: string) => boolean,
): { tense: Tense; at: number } | undefined {
  const found = (tense: Tense, at: number) => ({ tense, at });
  let words = 0;
  for (let i = start; i < tokens.length && words < REACH; i++) {
    const token = tokens[i]!;
    if (inside[i]) return undefined;
    if (token.text === ',' && RELATIVES.has(tokens[i + 1]?.lower ?? '')) {
      // Past the relative clause, to the comma that closes it.
      const close = tokens.findIndex((later, j) => j > i + 1 && later.text === ',');
      if (close < 0) return undefined;
      i = close;
      continue;
    }
    if (token.kind !== 'word') continue;
    words++;
    const lower = token.lower;
    const previous = tokens[i - 1]?.lower ?? '';
    if (MODALS.has(lower)) return found('modal', i);
    if (HAVE_PRESENT.has(lower)) {
      const next = tokens[i + 1]?.lower ?? '';
      return found(isPast(next) || next === 'been' ? 'perfect' : 'present', i);
    }
    if (PRESENT.has(lower)) return found('present', i);
    if (PAST.has(lower) || lower === 'had' || lower === 'did') return found('past', i);
    if (isPast(lower) && !DETERMINERS.has(previous) && i > start) return found('past', i);
    if (i > start && presentInS(tokens, i, isPast)) return found('present', i);
  }
  return undefined;
}
