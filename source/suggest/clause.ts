/**
 * Cues of a sentence's main clause, read without a parser: what its subject names, whether its
 * verbs are finite or hang off a comma, whether the source is named before the content ("Ruiz
 * explained that …": the sentence reports a saying) or after it ("… were handed over to US
 * forces, a source said": it reports a happening), and whether a scheduled happening has a day.
 * The words around an event differ with every topic; these shapes hold on any topic.
 */
import { STOPWORDS } from '../corpus/stopwords.js';
import { FUTURE_WORDS } from './lexicon.js';
import { nounKind } from './senses.js';
import { mainTense, pastState, type Tense } from './tense.js';
import type { Token } from './tokens.js';
import type { TimeExpression } from './when-where.js';

export interface ClauseInput {
  tokens: readonly Token[];
  inside: readonly boolean[];
  /** Index of the attribution's reporting verb, or null. */
  attributionAt: number | null;
  times: readonly TimeExpression[];
  /** Whether a past form is counted as a past action (`cues.ts`). */
  isPast: (lower: string) => boolean;
}

/** Words that open an adverbial before the subject: "Following Assange’s arrest, a lawyer …". */
const OPENERS = new Set([
  'after',
  'before',
  'during',
  'following',
  'in',
  'on',
  'at',
  'when',
  'while',
  'as',
  'although',
  'though',
  'despite',
  'since',
  'later',
  'earlier',
  'meanwhile',
  'however',
  'with',
  'by',
  'for',
  'from',
  'under',
  'amid',
]);
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these']);
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had']);
const SCHEDULED = new Set(['scheduled', 'due', 'set', 'slated', 'planned', 'expected']);
/** A time that names a day: a weekday, a date, "tomorrow" — not "this year" or "recently". */
const DAY =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|tomorrow|tonight|today|\d{1,2}(?:st|nd|rd|th)?)\b/;

const isComma = (token: Token | undefined): boolean => token?.text === ',';

/** Where the main clause starts: past an opening adverbial up to its comma, when there is one. */
function clauseStart(tokens: readonly Token[]): number {
  const first = tokens[0];
  if (!first || !OPENERS.has(first.lower)) return 0;
  for (let i = 1; i < Math.min(tokens.length, 25); i++) if (isComma(tokens[i])) return i + 1;
  return 0;
}

/**
 * The kind of the subject's head: the first noun of the main clause ("The crash comes …" → event,
 * "Police arrested …" → group), `name` for a capitalised name, `pronoun`, or undefined.
 */
function subjectKind(input: ClauseInput): string | undefined {
  const { tokens, inside } = input;
  const start = clauseStart(tokens);
  for (let i = start; i < Math.min(tokens.length, start + 8); i++) {
    const token = tokens[i]!;
    if (inside[i] || token.kind === 'open' || token.kind === 'close') return undefined;
    if (token.kind !== 'word') continue;
    const lower = token.lower;
    if (PRONOUNS.has(lower)) return 'pronoun';
    if (STOPWORDS.has(lower)) continue;
    if (AUXILIARIES.has(lower) || FUTURE_WORDS.has(lower) || input.isPast(lower)) return undefined;
    if (token.capital && !(i === start && nounKind(lower))) {
      // "Tottenham’s manager": a possessive name qualifies the noun after it.
      if (token.possessive) continue;
      return 'name';
    }
    const kind = nounKind(lower);
    if (kind) return kind;
  }
  return undefined;
}

export interface ClauseTenses {
  /** The main clause's verb, past an opening adverbial. */
  main: Tense | undefined;
  /** What a source named first reports ("… said that nine people were treated"), if one is. */
  told: Tense | undefined;
  /** A source is named first: the main verb is its reporting verb, not a happening. */
  sourceFirst: boolean;
  /** "is scheduled for Feb. 14", "is due to start": a happening to come, not a state. */
  scheduled: boolean;
  /** The main verb is a past "was"/"were" linking to a state: "It was his first appearance". */
  pastState: boolean;
}

/** "is scheduled for Feb. 14", "is due to be held next Tuesday", "was set to begin Wednesday". */
function isScheduled(tokens: readonly Token[], inside: readonly boolean[]): boolean {
  return tokens.some(
    (token, i) =>
      !inside[i] &&
      SCHEDULED.has(token.lower) &&
      AUXILIARIES.has(tokens[i - 1]?.lower ?? '') &&
      ['to', 'for'].includes(tokens[i + 1]?.lower ?? ''),
  );
}

/** Where the source stands in the sentence, as a share of its tokens. */
const sourceShare = (input: ClauseInput): number | null =>
  input.attributionAt === null ? null : input.attributionAt / Math.max(1, input.tokens.length);

/** The tenses that say whether a sentence tells a happening, a state or a plan. */
export function clauseTenses(input: ClauseInput): ClauseTenses {
  const { tokens, inside } = input;
  const share = sourceShare(input);
  const sourceFirst = share !== null && share < 0.3;
  return {
    main: mainTense(tokens, inside, clauseStart(tokens), input.isPast),
    told: sourceFirst
      ? mainTense(tokens, inside, input.attributionAt! + 1, input.isPast)
      : undefined,
    sourceFirst,
    scheduled: isScheduled(tokens, inside),
    pastState: pastState(tokens, inside, clauseStart(tokens), input.isPast),
  };
}

/** Cue names of the sentence's main clause (unsorted; `cues.ts` sorts them). */
export function clauseCues(input: ClauseInput): string[] {
  const { tokens, inside } = input;
  const cues: string[] = [];
  const when = input.times.some((time) => !time.ofSpeech);
  const day = input.times.some((time) => !time.ofSpeech && DAY.test(time.text));
  const subject = subjectKind(input);
  if (subject) {
    cues.push(`h:${subject}`);
    if (when) cues.push(`h:${subject}+when`);
  }
  const { main: tense, told, scheduled } = clauseTenses(input);
  if (tense) {
    cues.push(`t:${tense}`);
    if (when) cues.push(`t:${tense}+when`);
  }
  let participles = 0;
  let quotedPast = 0;
  let future = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'word') continue;
    const lower = token.lower;
    const previous = tokens[i - 1];
    if (inside[i]) {
      if (input.isPast(lower) && !AUXILIARIES.has(previous?.lower ?? '')) quotedPast++;
      continue;
    }
    if (FUTURE_WORDS.has(lower) && !(token.capital && i > 0)) future = true;
    // "…, held in jail": a past form right after a comma hangs off the clause before it.
    if (isComma(previous) && input.isPast(lower)) participles++;
  }
  if (participles > 0) cues.push('k:participle');
  if (quotedPast > 0) cues.push('k:quoted-past');
  if (scheduled) cues.push(day ? 'k:scheduled+day' : 'k:scheduled');
  if (future && day) cues.push('k:future+day');
  // "Name: possession of …, held in jail": a label and a list, no clause of its own.
  const colon = tokens.findIndex((token, i) => token.text === ':' && !inside[i]);
  if (colon > 0 && colon <= 6 && tokens.slice(0, colon).every((token) => token.capital))
    cues.push('k:label-colon');
  const share = sourceShare(input);
  if (share !== null) {
    cues.push(share > 0.6 ? 'k:source-after' : share < 0.3 ? 'k:source-before' : 'k:source-middle');
  }
  // What a source named first reports: "… said that nine people were treated" tells a
  // happening, "… reported that the firm is facing scrutiny" a state.
  if (told) cues.push(`t:told-${told}`);
  return cues;
}
