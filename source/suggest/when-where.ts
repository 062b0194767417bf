/**
 * When and where a sentence says something happened. Dates come from chrono-node (already
 * margin's date reader), asked only about sentences with a time word, since a call costs about
 * 0.07 ms; places are capitalised names after a preposition of place or a verb of movement.
 */
import * as chrono from 'chrono-node';
import { STOPWORDS } from '../corpus/stopwords.js';
import {
  MONTH_NAMES,
  NON_PERSON_WORDS,
  REPORTING_VERBS,
  TIME_WORDS,
  WEEKDAY_NAMES,
} from './lexicon.js';
import type { Token } from './tokens.js';

export interface TimeExpression {
  /** As written, without a leading preposition; "late"/"early" kept ("late Thursday"). */
  text: string;
  start: number;
  end: number;
  /** The expression dates a statement ("said on Friday"), not a happening. */
  ofSpeech: boolean;
}

const TIME_HINT =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|yesterday|today|tonight|tomorrow|overnight|week|month|year|ago|(?:19|20)\d\d|\d{1,2}:\d\d|\d\s?[ap]\.?m\b)/i;

const LEADING = /^(?:on|in|at|since|by|during|from|until|of)\s+/i;
const MODIFIER = /\b(late|early)\s+(?:on\s+)?$/i;
const SPEECH_BEFORE = new RegExp(`\\b(?:${[...REPORTING_VERBS].join('|')})\\s*(?:on\\s+)?$`, 'i');

const REFERENCE = new Date(Date.UTC(2025, 0, 1));

/** Time expressions of a sentence, in order. */
export function timeExpressions(text: string): TimeExpression[] {
  if (!TIME_HINT.test(text)) return [];
  const found: TimeExpression[] = [];
  for (const result of chrono.en.parse(text, REFERENCE)) {
    let expression = result.text.replace(/[,.;:]+$/, '');
    let start = result.index;
    const stripped = expression.replace(LEADING, '');
    start += expression.length - stripped.length;
    expression = stripped;
    // chrono reads "May" or "March" in any sentence; a lone month needs a capital.
    if (/^(may|march)$/i.test(expression) && !/^[A-Z]/.test(expression)) continue;
    if (/^\d+$/.test(expression) && expression.length !== 4) continue;
    const before = text.slice(0, result.index);
    const modifier = MODIFIER.exec(before);
    if (modifier) {
      expression = text.slice(modifier.index, start + expression.length);
      start = modifier.index;
    }
    found.push({
      text: expression,
      start,
      end: start + expression.length,
      ofSpeech: SPEECH_BEFORE.test(text.slice(0, result.index)),
    });
  }
  const word = /\b(overnight|last night|this morning|earlier this (?:week|month|year))\b/i.exec(
    text,
  );
  if (word && !found.some((time) => time.start <= word.index && word.index < time.end)) {
    found.push({
      text: word[1]!,
      start: word.index,
      end: word.index + word[1]!.length,
      ofSpeech: false,
    });
  }
  return found.sort((a, b) => a.start - b.start);
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
    found.push({ text: `${determiner}${name}`, at: i });
  }
  return found;
}
