/**
 * Cues: what a sentence does, not which words it uses — tense, modality, figures, names, times,
 * attribution, person. Words tie a model to the topics it was taught on; cues carry what the
 * reviewer teaches about claims and events from one topic to the next ("a past-tense action with
 * a time is an event" holds for a hockey game and a ceasefire alike). Each cue is a name the
 * model weighs in full, like a rule that fired.
 */
import { STOPWORDS } from '../corpus/stopwords.js';
import { clauseCues } from './clause.js';
import {
  FUTURE_WORDS,
  HEDGE_WORDS,
  IRREGULAR_PAST,
  NOT_PAST,
  NUMBER_WORDS,
  OPINION_WORDS,
  REPORTING_VERBS,
  UNIT_WORDS,
} from './lexicon.js';
import { nounKind, pastKind } from './senses.js';
import type { Token } from './tokens.js';
import { inTime, type TimeExpression } from './when-where.js';

export interface CueInput {
  tokens: Token[];
  inside: boolean[];
  /** The reporting verb of the attribution found, or null. */
  verb: string | null;
  /** Index of the reporting verb's token, or null. */
  verbAt: number | null;
  /** The attribution's source is a person (not a body) / was resolved at all. */
  person: boolean;
  resolved: boolean;
  times: TimeExpression[];
  place: boolean;
  /** Rule names that fired. */
  rules: readonly string[];
}

const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const PERFECT = new Set(['has', 'have', 'had']);
const PRESENT_STATE = new Set(['is', 'are', 'has', 'have', 'remains', 'remain', 'seems']);
const FIRST_SECOND = new Set(['i', 'we', 'me', 'us', 'my', 'our', 'you', 'your']);
const NEGATIONS = new Set(['not', 'no', 'never', "n't", 'neither', 'nor', 'without']);
const TEMPORAL_LINKS = new Set(['after', 'before', 'during', 'when', 'while', 'following']);
const CAUSAL_LINKS = new Set(['because', 'since', 'despite', 'although', 'though']);
const COMPARATIVES = new Set(['more', 'less', 'fewer', 'most', 'least', 'than', 'up', 'down']);
const YEAR = /^(?:1[89]|20)\d\d$/;

/** A past-tense or past-participle form: "arrested", "fled", "shot down". */
export function isPast(lower: string): boolean {
  if (IRREGULAR_PAST.has(lower)) return true;
  return lower.length > 4 && lower.endsWith('ed') && !NOT_PAST.has(lower);
}

/**
 * Whether the sentence narrates an action in the past outside quotation marks ("Police arrested
 * six people", "The man ran from the station"): a past verb that is no reporting verb and follows
 * no auxiliary or modal.
 */
export function narratesAction(tokens: readonly Token[], inside: readonly boolean[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (inside[i] || token.kind !== 'word') continue;
    if (REPORTING_VERBS.has(token.lower) || HEDGE_WORDS.has(token.lower)) continue;
    if (!isPast(token.lower)) continue;
    const previous = i > 0 ? tokens[i - 1]!.lower : '';
    if (AUXILIARIES.has(previous) || PERFECT.has(previous) || FUTURE_WORDS.has(previous)) continue;
    // "the released insurgents", "a planned blackout": a participle before a noun describes.
    if (previous === 'the' || previous === 'a' || previous === 'an') continue;
    // "…, held in jail": a past form after a comma hangs off the clause before it.
    if (previous === ',') continue;
    return true;
  }
  return false;
}

// What the word lists say of a word, as bits: looked up once a process per word, not once per
// list per occurrence.
const FUTURE = 1;
const HEDGE = 2;
const OPINION = 4;
const PERSON = 8;
const NEGATION = 16;
const LINK_TIME = 32;
const LINK_CAUSE = 64;
const COMPARE = 128;
const UNIT = 256;
const LARGE_UNIT = 512;
const PRESENT = 1024;
const REPORTING = 2048;
const STOP = 4096;
const PAST = 8192;
const COUNT = 16384;

const facts = new Map<string, number>();
/** Past this many words the table stops growing: a guard for pathological text. */
const KNOWN_WORDS = 50_000;

function wordFacts(lower: string): number {
  const known = facts.get(lower);
  if (known !== undefined) return known;
  const bits =
    (FUTURE_WORDS.has(lower) ? FUTURE : 0) |
    (HEDGE_WORDS.has(lower) ? HEDGE : 0) |
    (OPINION_WORDS.has(lower) ? OPINION : 0) |
    (FIRST_SECOND.has(lower) ? PERSON : 0) |
    (NEGATIONS.has(lower) || lower.endsWith("n't") || lower.endsWith('n’t') ? NEGATION : 0) |
    (TEMPORAL_LINKS.has(lower) ? LINK_TIME : 0) |
    (CAUSAL_LINKS.has(lower) ? LINK_CAUSE : 0) |
    (COMPARATIVES.has(lower) ? COMPARE : 0) |
    (UNIT_WORDS.has(lower) ? UNIT : 0) |
    (UNIT_WORDS.has(lower) && /^(?:percent|million|billion|trillion)$/.test(lower)
      ? LARGE_UNIT
      : 0) |
    (PRESENT_STATE.has(lower) ? PRESENT : 0) |
    (REPORTING_VERBS.has(lower) ? REPORTING : 0) |
    (STOPWORDS.has(lower) ? STOP : 0) |
    (isPast(lower) ? PAST : 0) |
    (NUMBER_WORDS.has(lower) ? COUNT : 0);
  if (facts.size < KNOWN_WORDS) facts.set(lower, bits);
  return bits;
}

const bucket = (value: number, edges: readonly number[]): number =>
  edges.filter((edge) => value >= edge).length;

/** Cue names of one sentence (sorted, unique). */
export function sentenceCues(input: CueInput): string[] {
  const { tokens, inside } = input;
  const cues = new Set<string>();
  let pastActions = 0;
  let passives = 0;
  let perfects = 0;
  let presents = 0;
  let future = false;
  let hedge = false;
  let opinion = false;
  let person = false;
  let negation = false;
  let figures = 0;
  let years = 0;
  let dates = 0;
  let units = 0;
  let names = 0;
  let plainWords = 0;
  let quotedWords = 0;
  let inName = false;
  let mainKind: string | undefined;
  let subject: string | undefined;
  let lastNoun: string | undefined;
  const nouns = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (inside[i]) {
      if (token.kind === 'word' || token.kind === 'number') quotedWords++;
      inName = false;
      continue;
    }
    if (token.kind === 'number') {
      plainWords++;
      if (YEAR.test(token.text)) years++;
      else if (inTime(token, input.times)) dates++;
      else figures++;
      const next = tokens[i + 1];
      if (next && next.kind === 'word' && wordFacts(next.lower) & UNIT) units++;
      inName = false;
      continue;
    }
    if (token.kind !== 'word') {
      if (token.text === '%' || token.text === '$' || token.text === '€' || token.text === '£')
        units++;
      inName = false;
      continue;
    }
    plainWords++;
    const lower = token.lower;
    const bits = wordFacts(lower);
    if (bits & COUNT) {
      figures++;
      const next = tokens[i + 1];
      if (next && next.kind === 'word' && wordFacts(next.lower) & UNIT) units++;
    }
    const previous = i > 0 ? tokens[i - 1]!.lower : '';
    if (token.capital && i > 0) {
      if (!inName) names++;
      inName = true;
      lastNoun = 'name';
    } else inName = false;
    if (bits & FUTURE && !(token.capital && i > 0)) future = true;
    if (bits & HEDGE) hedge = true;
    if (bits & OPINION) opinion = true;
    if (bits & PERSON && !(lower === 'us' && token.text === 'US')) person = true;
    if (bits & NEGATION) negation = true;
    if (bits & LINK_TIME) cues.add('c:link-time');
    if (bits & LINK_CAUSE) cues.add('c:link-cause');
    if (bits & COMPARE) cues.add('c:compare');
    if (bits & LARGE_UNIT) units++;
    if (bits & PRESENT) presents++;
    if (bits & (REPORTING | HEDGE)) continue;
    if (!(token.capital && i > 0) && !(bits & (STOP | PAST))) {
      const kind = nounKind(lower);
      if (kind) {
        nouns.add(kind);
        lastNoun = kind;
      }
    }
    if (bits & PAST) {
      // The kind of doing: a past verb, not a participle that describes a noun ("the released")
      // or hangs off a comma ("…, held in jail").
      if (previous === ',') continue;
      if (previous !== 'the' && previous !== 'a' && previous !== 'an') {
        const kind = pastKind(lower);
        if (kind) cues.add(`v:${kind}`);
        if (kind && !mainKind) {
          mainKind = kind;
          subject = lastNoun;
        }
      }
      if (AUXILIARIES.has(previous)) passives++;
      else if (PERFECT.has(previous)) perfects++;
      else pastActions++;
    }
  }
  const named = (name: string, on: boolean): void => {
    if (on) cues.add(name);
  };
  cues.add(`c:past-${bucket(pastActions, [1, 2, 3])}`);
  named('c:passive', passives > 0);
  named('c:perfect', perfects > 0);
  named('c:present-state', presents > 0 && pastActions === 0);
  named('c:future', future);
  named('c:hedge', hedge);
  named('c:opinion', opinion);
  named('c:first-person', person);
  named('c:negation', negation);
  cues.add(`c:figures-${bucket(figures, [1, 2, 4])}`);
  named('c:year', years > 0);
  named('c:date', dates > 0);
  named('c:unit', units > 0);
  cues.add(`c:names-${bucket(names, [1, 2, 4])}`);
  const quoted = quotedWords / Math.max(1, quotedWords + plainWords);
  cues.add(`c:quoted-${bucket(quoted, [0.01, 0.5, 0.9])}`);
  const when = input.times.some((time) => !time.ofSpeech);
  named('c:when', when);
  named(
    'c:when-of-speech',
    input.times.some((time) => time.ofSpeech),
  );
  named('c:where', input.place);
  if (input.verb) {
    cues.add('c:attributed');
    cues.add(
      input.resolved ? (input.person ? 'c:source-person' : 'c:source-body') : 'c:source-vague',
    );
    cues.add(/s$/.test(input.verb) ? 'c:reporting-present' : 'c:reporting-past');
  }
  // A few pairs a linear model cannot make from the parts: what the reviewer teaches about one
  // holds apart from the other.
  named('c:past+when', pastActions + passives > 0 && when);
  named('c:past+where', pastActions + passives > 0 && input.place);
  named('c:past+attributed', pastActions + passives > 0 && input.verb !== null);
  named('c:figure+future', figures + units > 0 && future);
  named('c:figure+attributed', figures + units > 0 && input.verb !== null);
  named('c:plain-narration', pastActions + passives > 0 && !input.verb && figures === 0);
  // The first past verb is most often the main one: what the sentence tells, with or without a
  // figure ("sold 30,154 cars" counts; "arrested six people" happened) and a source.
  if (mainKind) {
    cues.add(`m:${mainKind}`);
    cues.add(`m:${mainKind}+${figures + units > 0 ? 'figure' : 'none'}`);
    cues.add(`m:${mainKind}+${input.verb ? 'attributed' : 'plain'}`);
  }
  for (const kind of nouns) cues.add(`n:${kind}`);
  if (mainKind && subject) cues.add(`s:${subject}`);
  if (mainKind) {
    named(`m:${mainKind}+when`, when);
    named(`m:${mainKind}+where`, input.place);
  }
  for (const cue of clauseCues({
    tokens,
    inside,
    attributionAt: input.verbAt,
    times: input.times,
    isPast,
  }))
    cues.add(cue);
  for (const rule of input.rules) cues.add(`r:${rule}`);
  return [...cues].sort();
}
