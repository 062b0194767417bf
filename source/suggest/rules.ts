/**
 * The transparent rules: each one a name, the label it speaks for, a weight in log-odds and a
 * test over what the article reading found. A sentence's prior for a label is the label's base
 * plus the weights of the rules that fire. docs/readme/suggest.md lists this table.
 */
import type { ClauseTenses } from './clause.js';
import { narratesAction } from './cues.js';
import { EVENT_WORDS, FUTURE_WORDS, OPINION_WORDS, STANCE_WORDS } from './lexicon.js';
import type { Quotation } from './quotations.js';
import type { Token } from './tokens.js';
import { inTime, type TimeExpression } from './when-where.js';

/** What the rules see of one sentence. */
export interface RuleInput {
  text: string;
  tokens: Token[];
  quotation: Quotation;
  /** A reporting verb with a speaker or source next to it ("…, Peskov said"). */
  attributed: boolean;
  /** The sentence belongs to a quotation whose speaker was found in a neighbouring sentence. */
  continued: boolean;
  times: TimeExpression[];
  place: boolean;
  /** The tense of the main clause's verb and of what a source named first reports. */
  tenses: ClauseTenses;
}

export interface Rule {
  name: string;
  label: 'claim' | 'quote' | 'event';
  weight: number;
  /** What the rule looks for, as the documentation says it. */
  means: string;
  test(input: RuleInput): boolean;
}

/** Log-odds a built-in label starts from before any rule fires. */
export const BASE: Record<Rule['label'], number> = { quote: -4, claim: -1.2, event: -2.4 };

const plainWords = (input: RuleInput, words: ReadonlySet<string>): boolean =>
  input.tokens.some(
    (token, i) =>
      !input.quotation.inside[i] &&
      words.has(token.lower) &&
      !(i > 0 && token.capital && MONTH_LIKE.has(token.lower)),
  );

/** "May" and "March" with a capital are months, not modals or verbs. */
const MONTH_LIKE = new Set(['may', 'march']);

const anyWords = (input: RuleInput, words: ReadonlySet<string>): boolean =>
  input.tokens.some(
    (token, i) =>
      words.has(token.lower) && !(i > 0 && token.capital && MONTH_LIKE.has(token.lower)),
  );

const wholeQuote = (input: RuleInput): boolean =>
  input.quotation.quotedWords > 0 &&
  (input.quotation.plainWords <= 1 || input.quotation.carriedIn || input.quotation.leftOpen);

const longestStretch = (input: RuleInput): number =>
  Math.max(0, ...input.quotation.stretches, wholeQuote(input) ? input.quotation.quotedWords : 0);

/**
 * Quoted speech, or a quotation of four words or more given to a speaker: the sentence tells
 * what someone said, and saying is not a happening. On the real pages 4 of 162 quotes are
 * events; with only whole quotations counted, 14 of the 16 quotes suggested as events were not.
 */
const reportsSpeech = (input: RuleInput): boolean =>
  wholeQuote(input) || (longestStretch(input) >= 4 && (input.attributed || input.continued));

const NUMBER_WORDS =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?|half|quarter|fifth|third|percent|per cent)\b/i;

/**
 * A line with no closing full stop, question or exclamation mark: a crosshead, a caption, a byline
 * or the headline of another story left in the page ("Man Shot at Dallas Gas Station Dies at
 * Hospital"). News ends every sentence of its text with a mark; on the 36 labelled real pages
 * none of the 23 lines without one is a claim or an event, and a headline's words of a happening
 * outweighed the heading rule's -3.
 */
const unended = (input: RuleInput): boolean => !/[.!?…:]["'”’»)\]]*\s*$/.test(input.text);

/** A heading or label: ends in a colon, or fewer than four words and numbers. */
const heading = (input: RuleInput): boolean =>
  /:\s*$/.test(input.text) ||
  input.tokens.filter((t) => t.kind === 'word' || t.kind === 'number').length < 4;

/**
 * The main verb, or what a source named first reports, in the present or the perfect, with no
 * word of a plan or a wish ("The school hopes the gym will open" tells no state).
 */
const tellsState = (input: RuleInput): boolean => {
  const { tenses } = input;
  return (
    !tenses.scheduled &&
    !plainWords(input, FUTURE_WORDS) &&
    (tenses.main === 'present' ||
      tenses.main === 'perfect' ||
      tenses.pastState ||
      tenses.told === 'present' ||
      tenses.told === 'perfect')
  );
};

/**
 * "declined to comment", "did not respond to a request for comment", "could not be reached for
 * comment": a source saying nothing is neither a happening nor a claim.
 */
const NO_COMMENT =
  /\b(?:declined|refused|declines|refuses|did not|didn[’']t|could not|couldn[’']t)\b[^.;]{0,40}\b(?:comment|respond|be reached)\b|\brequests? for comment\b/i;
const noComment = (input: RuleInput): boolean => NO_COMMENT.test(input.text);

/** A share or an amount of money: what a measured change is told in. */
const hasAmount = (input: RuleInput): boolean =>
  /[%$€£¥]|\b(?:percent|per cent|million|billion|trillion)\b/i.test(input.text);

/** A figure other than a bare year or a date: counts, amounts, shares. */
function hasFigure(input: RuleInput): boolean {
  if (/[%$€£¥]|\d/.test(input.text)) {
    for (const token of input.tokens) {
      if (token.kind !== 'number' || inTime(token, input.times)) continue;
      if (!/^(?:19|20)\d\d$/.test(token.text)) return true;
    }
    if (/[%$€£¥]/.test(input.text)) return true;
  }
  return NUMBER_WORDS.test(input.text);
}

export const RULES: readonly Rule[] = [
  {
    name: 'quote.whole',
    label: 'quote',
    weight: 8,
    means: 'the sentence stands inside quotation marks (alone, or as part of a longer quotation)',
    test: (input) => wholeQuote(input),
  },
  {
    name: 'quote.attributed',
    label: 'quote',
    weight: 6.5,
    means: 'quoted words beside a reporting verb with its speaker ("…,” Peskov said")',
    test: (input) => input.quotation.quotedWords > 0 && (input.attributed || input.continued),
  },
  {
    name: 'quote.long',
    label: 'quote',
    weight: 4.5,
    means: 'a quoted stretch of four words or more',
    test: (input) => longestStretch(input) >= 4,
  },
  {
    name: 'quote.scare',
    label: 'quote',
    weight: -3,
    means: 'one to three quoted words and no one said to speak them (scare quotes, titles)',
    test: (input) =>
      input.quotation.quotedWords > 0 &&
      longestStretch(input) < 4 &&
      !input.attributed &&
      !input.continued &&
      !wholeQuote(input),
  },
  {
    name: 'claim.attributed',
    label: 'claim',
    weight: 1.6,
    means: 'a source and a reporting verb or "according to" before a statement',
    test: (input) => input.attributed && input.quotation.plainWords >= 6,
  },
  {
    name: 'claim.figure',
    label: 'claim',
    weight: 1.3,
    means: 'a figure: a count, amount, share or distance (a bare year or a date does not count)',
    test: hasFigure,
  },
  {
    name: 'claim.stance',
    label: 'claim',
    weight: 0.6,
    means: 'a verb of stance or state: supports, accepted, agreed, is, has, remains, ready',
    test: (input) => anyWords(input, STANCE_WORDS),
  },
  {
    name: 'claim.future',
    label: 'claim',
    weight: -1.2,
    means: 'a modal or future word: will, would, could, may, plans, hopes — a forecast or plan',
    test: (input) => anyWords(input, FUTURE_WORDS),
  },
  {
    name: 'claim.opinion',
    label: 'claim',
    weight: -1,
    means: 'a word of opinion: optimistic, promising, wrong, believe, think',
    test: (input) => anyWords(input, OPINION_WORDS),
  },
  {
    name: 'claim.headline',
    label: 'claim',
    weight: -5,
    means:
      'a line with no closing full stop, question or exclamation mark: a crosshead, a caption, another story’s headline',
    test: unended,
  },
  {
    name: 'claim.question',
    label: 'claim',
    weight: -3,
    means: 'the sentence is a question',
    test: (input) => /\?\W*$/.test(input.text),
  },
  {
    name: 'claim.heading',
    label: 'claim',
    weight: -3,
    means: 'a heading or label: ends in a colon, or fewer than four words and numbers',
    test: heading,
  },
  {
    name: 'claim.state',
    label: 'claim',
    weight: 0.8,
    means:
      'the main verb, or what a source reports, tells a state or a past fact: "Reed now works for", "It was his first visit", "said that nine people were treated"',
    test: (input) =>
      tellsState(input) || (input.tenses.told === 'past' && !plainWords(input, FUTURE_WORDS)),
  },
  {
    name: 'claim.plan',
    label: 'claim',
    weight: -1,
    means:
      'the main verb, or what a source reports, is a modal, or a present verb of a plan or wish: "will open", "said it would", "hopes the gym will"',
    test: (input) => {
      const { main, told } = input.tenses;
      if (main === 'modal' || told === 'modal') return true;
      return (main === 'present' || told === 'present') && plainWords(input, FUTURE_WORDS);
    },
  },
  {
    name: 'event.happening',
    label: 'event',
    weight: 2.6,
    means:
      'a word of a happening outside quotation marks: met, talks, visit, attack, signed, killed',
    test: (input) => plainWords(input, EVENT_WORDS),
  },
  {
    name: 'event.action',
    label: 'event',
    weight: 1.2,
    means: 'an action told in the past tense outside quotation marks: arrested, ran, fled, dropped',
    test: (input) => narratesAction(input.tokens, input.quotation.inside),
  },
  {
    name: 'event.narrated',
    label: 'event',
    weight: 1.3,
    means:
      'the main verb is in the past and no source is named first: "Police arrested six people", "The council closed the library"',
    test: ({ tenses }) => tenses.main === 'past' && !tenses.sourceFirst,
  },
  {
    name: 'event.measure',
    label: 'event',
    weight: -0.8,
    means:
      'a share or an amount (%, $, percent, million): "exports rose 9.7%" measures, it does not happen',
    test: hasAmount,
  },
  {
    name: 'event.when',
    label: 'event',
    weight: 1.1,
    means: 'a time expression that does not just date a statement ("said on Friday")',
    test: (input) => input.times.some((time) => !time.ofSpeech),
  },
  {
    name: 'event.where',
    label: 'event',
    weight: 0.6,
    means: 'a place after a preposition of place or a verb of movement ("in Moscow", "left Kyiv")',
    test: (input) => input.place,
  },
  {
    name: 'event.quoted',
    label: 'event',
    weight: -2,
    means:
      'the sentence is quoted speech, or gives a speaker four or more quoted words ("…,” Peskov said"): it reports what was said',
    test: (input) => reportsSpeech(input),
  },
  {
    name: 'event.future',
    label: 'event',
    weight: -0.8,
    means: 'a modal or future word',
    test: (input) => plainWords(input, FUTURE_WORDS),
  },
  {
    name: 'event.no-comment',
    label: 'event',
    weight: -2,
    means: 'a source says nothing: "declined to comment", "could not be reached for comment"',
    test: noComment,
  },
  {
    name: 'event.headline',
    label: 'event',
    weight: -5,
    means:
      'a line with no closing full stop, question or exclamation mark: a crosshead, a caption, another story’s headline',
    test: unended,
  },
  {
    name: 'event.heading',
    label: 'event',
    weight: -3,
    means: 'a heading, a label or a bare attribution ("Peskov said.")',
    test: heading,
  },
];
