/**
 * When and where a sentence says something happened. Times are read by one regular expression of
 * the forms news dates things with (weekdays, dates, months, "last month", "overnight", "24 hours
 * ago"): chrono-node reads them too and resolves them to dates, but costs about 0.07 ms a
 * sentence, 2 ms of the 5 ms an article may take, and the attribute keeps the article's words
 * anyway. Places are capitalised names after a preposition of place or a verb of movement.
 */
import { STOPWORDS } from '../corpus/stopwords.js';
import {
  MONTH_NAMES,
  NON_PERSON_WORDS,
  REPORTING_VERBS,
  TIME_WORDS,
  WEEKDAY_NAMES,
} from './lexicon.js';
import { nounKind } from './senses.js';
import type { Token } from './tokens.js';

export interface TimeExpression {
  /** As written, without a leading preposition; "late"/"early" kept ("late on Thursday"). */
  text: string;
  start: number;
  end: number;
  /** The expression dates a statement ("said on Friday"), not a happening. */
  ofSpeech: boolean;
}

const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?(?!\\d)';
const YEAR = '(?:19|20)\\d\\d';
const NUMBER = '(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|24|48)';
const PART = '(?:morning|afternoon|evening|night)';
const SEASON = '(?:week|weekend|month|year|spring|summer|autumn|fall|winter)';

/** The forms, longest first where one holds another. */
const TIME = new RegExp(
  [
    `(?:(?:late|early)\\s+(?:on\\s+)?)?(?:(?:last|next|this)\\s+)?${WEEKDAY}(?:\\s+${PART})?(?:,?\\s+${MONTH}\\s+${DAY}|,?\\s+${DAY}\\s+${MONTH})?(?:,?\\s+${YEAR})?`,
    `${MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?`,
    `${DAY}\\s+${MONTH}(?:,?\\s+${YEAR})?`,
    `(?:(?:early|late|mid-?)\\s*)?${MONTH}\\s+${YEAR}`,
    `(?<=\\b(?:in|since|by|until|from|during|of)\\s+(?:(?:early|late|mid-?)\\s*)?)${MONTH}(?!\\s+\\d)`,
    `(?:earlier|later)\\s+this\\s+${SEASON}`,
    `(?:last|next|this)\\s+${SEASON}`,
    `${NUMBER}\\s+(?:hours|days|weeks|months|years)\\s+ago`,
    `within\\s+${NUMBER}\\s+(?:hours|days|weeks|months|years)`,
    `(?:overnight|yesterday|today|tonight|tomorrow|last\\s+night|this\\s+${PART})`,
    `\\d{1,2}(?::\\d\\d)?\\s*(?:a\\.m\\.|p\\.m\\.|am\\b|pm\\b)`,
    `(?<=\\b(?:in|since|by|until|of)\\s+)${YEAR}`,
    `(?<![\\d,.])${YEAR}(?=\\s+\\p{L})`,
  ]
    .map((form) => `(?:${form})`)
    .join('|'),
  'gu',
);

/** Cheap first look: most sentences have no time word at all. */
const TIME_HINT =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|week|weekend|month|year|spring|summer|autumn|fall|winter|ago|hours|days|overnight|yesterday|today|tonight|tomorrow|night|morning|(?:19|20)\d\d|\d\s*[ap]\.?m)\b/;

const SPEECH_BEFORE = new RegExp(`\\b(?:${[...REPORTING_VERBS].join('|')})\\s*(?:on\\s+)?$`, 'i');

/** Whether a token lies in one of the sentence's time expressions ("Feb. 14", "6:38 p.m."). */
export function inTime(token: Token, times: readonly TimeExpression[]): boolean {
  return times.some((time) => token.start >= time.start && token.start < time.end);
}

/** Time expressions of a sentence, in order. */
export function timeExpressions(text: string): TimeExpression[] {
  if (!TIME_HINT.test(text)) return [];
  const found: TimeExpression[] = [];
  for (const match of text.matchAll(TIME)) {
    // A lone "May" or "March" is as often a verb as a month: it needs a day or year beside it.
    if (
      /^(?:May|March)$/.test(match[0]) &&
      !/\b(?:in|since|by|until|of)\s+$/.test(text.slice(0, match.index))
    )
      continue;
    found.push({
      text: match[0],
      start: match.index,
      end: match.index + match[0].length,
      ofSpeech: SPEECH_BEFORE.test(text.slice(Math.max(0, match.index - 40), match.index)),
    });
  }
  return found;
}

const PLACE_PREPOSITIONS = new Set([
  'in',
  'at',
  'near',
  'outside',
  'inside',
  'across',
  'into',
  'to',
  'from',
  'over',
  'around',
]);
/** Verbs whose object is a place: "left Moscow", "targeting Moscow". */
const PLACE_VERBS = new Set([
  'left',
  'visited',
  'visiting',
  'targeting',
  'targeted',
  'struck',
  'hit',
  'attacked',
  'entered',
  'reached',
  'shelled',
  'bombed',
]);

const isCapitalWord = (token: Token): boolean =>
  token.kind === 'word' &&
  token.capital &&
  !WEEKDAY_NAMES.has(token.lower) &&
  !MONTH_NAMES.has(token.lower) &&
  !STOPWORDS.has(token.lower) &&
  !TIME_WORDS.has(token.lower);

export interface Place {
  text: string;
  /** Index of the place's first token. */
  at: number;
}

/** Relative pronouns that follow a person or a body, never a place. */
const WHO = new Set(['who', 'whom', 'whose']);

/**
 * The name before token `after`, led by `preposition`, is someone acting, not where: "referred the
 * call to U.S. Capitol Police, who worked with the FBI" (qa54: `where: U.S. Capitol Police`). Either
 * "who" follows it, or after "to"/"from" its last word names a group of people ("Police",
 * "Committee", "Department"): a recipient or a sender. "At the Justice Department" stays a place.
 */
function isAgent(tokens: Token[], after: number, preposition: string, last: Token): boolean {
  const next = tokens[after]?.text === ',' ? tokens[after + 1] : tokens[after];
  if (next !== undefined && WHO.has(next.lower)) return true;
  return (
    (preposition === 'to' || preposition === 'from') &&
    !POLITIES.has(last.lower) &&
    nounKind(last.lower) === 'group'
  );
}

/** Groups that are also places: "went to the Soviet Union", "returned from the United States". */
const POLITIES = new Set([
  'union',
  'nations',
  'states',
  'republic',
  'kingdom',
  'emirates',
  'federation',
  'commonwealth',
]);

/**
 * Capitalised names after a preposition of place or a verb of movement; `isPerson` keeps the
 * people the article names out ("met with Putin" is no place).
 */
export function places(
  tokens: Token[],
  inside: boolean[],
  isPerson: (name: string) => boolean,
): Place[] {
  const found: Place[] = [];
  for (let i = 0; i < tokens.length - 1; i++) {
    const token = tokens[i]!;
    if (inside[i] || token.kind !== 'word') continue;
    if (!PLACE_PREPOSITIONS.has(token.lower) && !PLACE_VERBS.has(token.lower)) continue;
    let from = i + 1;
    let determiner = '';
    if (tokens[from]?.lower === 'the') {
      determiner = 'the ';
      from++;
    }
    let to = from;
    while (to < tokens.length && !inside[to] && isCapitalWord(tokens[to]!)) {
      to++;
      if (tokens[to - 1]!.possessive) break;
    }
    if (to === from) continue;
    const words = tokens.slice(from, to);
    const last = words[words.length - 1]!;
    const name = words.map((word) => word.text).join(' ');
    if (isPerson(name) || isPerson(last.text)) continue;
    // "the White House" is a place; "the Kremlin's confirmation" is not.
    if (last.possessive) continue;
    if (determiner && !words.some((word) => NON_PERSON_WORDS.has(word.lower))) continue;
    if (isAgent(tokens, to, token.lower, last)) continue;
    found.push({ text: `${determiner}${name}`, at: i });
  }
  return found;
}
