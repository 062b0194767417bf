import type { WordIndex } from '../corpus/word-index.js';
import { isDigitWord, isIdeographPair, segmentedRun, words } from '../text/fold.js';
import {
  allowedEdits,
  beginsWord,
  type CandidateFinder,
  decadeOf,
  EXACT,
  fuzzyScore,
  isVariant,
  MIN_PREFIX,
  MONTH,
  prefixScore,
  sameMonth,
  VARIANT,
} from './candidates.js';
import { editDistance } from './distance.js';
import { signedFigures } from './figures.js';
import type { ParsedQuery } from './query.js';
import { WORD_SITE } from './sentence-words.js';

/** A plain word: any of its candidate vocabulary words satisfies it, each with its own score. */
export interface WordTerm {
  kind: 'word';
  text: string;
  /** Vocabulary word → score. */
  scores: Map<string, number>;
  /** How many sentences its candidates occur in: the cost of walking their postings. */
  postings: number;
}

/**
 * Words in this order. All but the last must be whole words; the last may be the start of one
 * (of three letters or more), so a phrase matches while its last word is still being typed.
 */
export interface PhraseTerm {
  kind: 'phrase';
  words: string[];
  /** Whether every word but the last is in the corpus: only then can its text have the phrase. */
  known: boolean;
  /** When false the last word must be whole: an excluded phrase leaves out only itself. */
  started: boolean;
}

export type Term = WordTerm | PhraseTerm;

/** A name for what reading a sentence for `term` gives (`remembered`): equal for equal terms. */
export function termSite(term: Term): string {
  return term.kind === 'word'
    ? `${WORD_SITE}${term.text}`
    : `p\u0000${term.started ? 1 : 0}\u0000${term.words.join(' ')}`;
}

export interface CompiledQuery {
  terms: Term[];
  excluded: PhraseTerm[];
}

/** A word written with inner punctuation ("U.S.", "30-day") means those words together: a phrase. */
export function compile(
  parsed: ParsedQuery,
  index: WordIndex,
  finder: CandidateFinder,
): CompiledQuery {
  const terms: Term[] = [];
  for (const written of parsed.words) {
    const parts = words(written);
    const pair = pairAlone(parts);
    const whole = parts.length > 1 ? wholeWord(written, finder) : null;
    if (pair !== null) terms.push(wordTerm(pair, finder));
    else if (whole !== null) terms.push(whole);
    else if (parts.length === 1) terms.push(wordTerm(parts[0]!, finder, isSigned(written)));
    else if (parts.length > 1) terms.push(phraseTerm(parts, index, true));
  }
  for (const phrase of parsed.phrases) {
    const parts = words(phrase);
    if (parts.length > 0) terms.push(phraseTerm(parts, index, true));
  }
  const excluded: PhraseTerm[] = [];
  for (const written of parsed.excluded) {
    const parts = words(written);
    // An excluded word is excluded exactly: "-war" must not also drop "warn" and "was".
    if (parts.length > 0) excluded.push(phraseTerm(parts, index, false));
  }
  return { terms, excluded };
}

/**
 * Two Han or kana characters (普京) fold to 普, 普京, 京 (`eachWordSpan`): the pair alone says
 * the same, and is one posting list where the phrase would read every sentence holding it.
 */
function pairAlone(parts: string[]): string | null {
  if (parts.length !== 3 || parts[1] !== parts[0]! + parts[2]!) return null;
  return isIdeographPair(parts[1]!) ? parts[1]! : null;
}

/**
 * A Thai (Lao, Khmer, Myanmar) query the segmenter splits, as a word of the text when the index
 * has it, or words it begins: a word still being typed (กระทรว for กระทรวง) is no word of the
 * dictionary, and its pieces are no words of the text.
 */
function wholeWord(written: string, finder: CandidateFinder): WordTerm | null {
  const run = segmentedRun(written);
  if (run === null) return null;
  const term = wordTerm(run, finder);
  return term.scores.size > 0 ? term : null;
}

/** `$5`, `20%`, `-3`: a figure with its sign, which no word of digits and letters is. */
function isSigned(written: string): boolean {
  return signedFigures([written]).length > 0;
}

function wordTerm(text: string, finder: CandidateFinder, signed = false): WordTerm {
  const scores = new Map<string, number>();
  let postings = 0;
  for (const candidate of finder.find(text)) {
    // `20%` asks for the figure: `20s` (a decade) and `100km` are other things it begins.
    if (signed && candidate.kind === 'prefix') continue;
    scores.set(candidate.word, candidate.score);
    postings += candidate.frequency;
  }
  return { kind: 'word', text, scores, postings };
}

function phraseTerm(parts: string[], index: WordIndex, started: boolean): PhraseTerm {
  const known = parts.slice(0, -1).every((part) => index.frequency(part) !== undefined);
  return { kind: 'phrase', words: parts, known, started };
}

/** How a word ends a phrase: 1 whole, 0.9 begun (while typing), 0 not at all. */
function lastScore(phrase: PhraseTerm, word: string): number {
  const last = phrase.words[phrase.words.length - 1]!;
  if (word === last) return EXACT;
  return phrase.started && last.length >= MIN_PREFIX && word.startsWith(last) ? PHRASE_STARTED : 0;
}

/**
 * Where the phrase occurs in a list of folded words (a sentence, a title, a note): calls back
 * with the start of each occurrence, and returns 1 when one ends in a whole word, 0.9 when the
 * last word was only begun, 0 when there is none.
 */
export function findPhrase(
  phrase: PhraseTerm,
  list: readonly string[],
  visit?: (start: number, whole: boolean) => void,
): number {
  const length = phrase.words.length;
  let best = 0;
  outer: for (let at = 0; at + length <= list.length; at++) {
    for (let k = 0; k < length - 1; k++) if (list[at + k] !== phrase.words[k]) continue outer;
    const score = lastScore(phrase, list[at + length - 1]!);
    if (score === 0) continue;
    visit?.(at, score === EXACT);
    best = Math.max(best, score);
    if (best === EXACT && !visit) return best;
  }
  return best;
}

/** A phrase whose last word is only begun scores as a prefix match would. */
export const PHRASE_STARTED = 0.9;

/** How well a plain word matches a word outside the index (of a note), by the index's rules. */
export function wordScore(term: WordTerm, word: string): number {
  if (word === term.text) return EXACT;
  if (isDigitWord(term.text)) {
    if (word === decadeOf(term.text)) return prefixScore(term.text.length, word.length);
    const begins =
      term.text.length >= MIN_PREFIX && word.startsWith(term.text) && beginsWord(term.text, word);
    return begins ? prefixScore(term.text.length, word.length) : 0;
  }
  if (sameMonth(term.text).includes(word)) return MONTH;
  if (term.text.length >= MIN_PREFIX && word.startsWith(term.text)) {
    return prefixScore(term.text.length, word.length);
  }
  let best = isVariant(term.text, word) ? VARIANT : 0;
  const edits = allowedEdits(term.text.length);
  if (edits > 0 && word[0] === term.text[0]) {
    const distance = editDistance(term.text, word, edits);
    if (distance <= edits) best = Math.max(best, fuzzyScore(distance, term.text.length));
  }
  return best;
}
