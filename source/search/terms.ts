import {
  allowedEdits,
  type CandidateFinder,
  EXACT,
  fuzzyScore,
  isVariant,
  MIN_PREFIX,
  prefixScore,
  VARIANT,
} from './candidates.js';
import { editDistance } from './distance.js';
import { words } from './fold.js';
import type { ParsedQuery } from './query.js';
import { prefixRange, type SentenceIndex } from './sentence-index.js';

/** A plain word: any of its candidate vocabulary words satisfies it, each with its own score. */
export interface WordTerm {
  kind: 'word';
  text: string;
  /** Vocabulary id → score. */
  scores: Map<number, number>;
  /** How many sentences its candidates occur in: the cost of walking their postings. */
  postings: number;
}

/**
 * Words in this order. All but the last must be whole words; the last may be the start of one,
 * so a phrase matches while its last word is still being typed.
 */
export interface PhraseTerm {
  kind: 'phrase';
  words: string[];
  /** Ids of all words but the last; undefined when a word is not in the corpus at all. */
  ids: Array<number | undefined>;
  /** Ids `[from, to)` the last word may be. */
  last: [number, number];
  lastExact: number | undefined;
}

export type Term = WordTerm | PhraseTerm;

export interface CompiledQuery {
  terms: Term[];
  excluded: PhraseTerm[];
}

/** A word written with inner punctuation ("U.S.", "30-day") means those words together: a phrase. */
export function compile(
  parsed: ParsedQuery,
  index: SentenceIndex,
  finder: CandidateFinder,
): CompiledQuery {
  const terms: Term[] = [];
  for (const written of parsed.words) {
    const parts = words(written);
    if (parts.length === 1) terms.push(wordTerm(parts[0]!, index, finder));
    else if (parts.length > 1) terms.push(phraseTerm(parts, index));
  }
  for (const phrase of parsed.phrases) {
    const parts = words(phrase);
    if (parts.length > 0) terms.push(phraseTerm(parts, index));
  }
  const excluded: PhraseTerm[] = [];
  for (const written of parsed.excluded) {
    const parts = words(written);
    // An excluded word is excluded exactly: "-war" must not also drop "warn" and "was".
    if (parts.length > 0)
      excluded.push({ ...phraseTerm(parts, index), last: exactRange(parts, index) });
  }
  return { terms, excluded };
}

function exactRange(parts: string[], index: SentenceIndex): [number, number] {
  const id = index.wordIds.get(parts[parts.length - 1]!);
  return id === undefined ? [0, 0] : [id, id + 1];
}

function wordTerm(text: string, index: SentenceIndex, finder: CandidateFinder): WordTerm {
  const scores = new Map<number, number>();
  let postings = 0;
  for (const candidate of finder.find(text)) {
    scores.set(candidate.word, candidate.score);
    postings += index.postingStart[candidate.word + 1]! - index.postingStart[candidate.word]!;
  }
  return { kind: 'word', text, scores, postings };
}

function phraseTerm(parts: string[], index: SentenceIndex): PhraseTerm {
  const lastWord = parts[parts.length - 1]!;
  return {
    kind: 'phrase',
    words: parts,
    ids: parts.slice(0, -1).map((part) => index.wordIds.get(part)),
    last: lastWord.length >= MIN_PREFIX ? prefixRange(index, lastWord) : exactRange(parts, index),
    lastExact: index.wordIds.get(lastWord),
  };
}

/**
 * Where the phrase occurs in a sentence's word ids: the start of each occurrence, and whether
 * its last word was whole there.
 */
export function findPhrase(
  phrase: PhraseTerm,
  sequence: Uint32Array,
  from: number,
  to: number,
  visit?: (start: number, whole: boolean) => void,
): number {
  const length = phrase.ids.length + 1;
  const [low, high] = phrase.last;
  let best = 0;
  outer: for (let at = from; at + length <= to; at++) {
    for (let k = 0; k < phrase.ids.length; k++) {
      if (sequence[at + k] !== phrase.ids[k]) continue outer;
    }
    const last = sequence[at + length - 1]!;
    if (last < low || last >= high) continue;
    const whole = last === phrase.lastExact;
    visit?.(at, whole);
    best = Math.max(best, whole ? EXACT : PHRASE_STARTED);
    if (best === EXACT && !visit) return best;
  }
  return best;
}

/** A phrase whose last word is only begun scores as a prefix match would. */
const PHRASE_STARTED = 0.9;

/** The same test over plain folded words (titles, notes), which are not in the index. */
export function phraseInWords(phrase: PhraseTerm, list: string[]): number {
  const length = phrase.words.length;
  const lastWord = phrase.words[length - 1]!;
  let best = 0;
  outer: for (let at = 0; at + length <= list.length; at++) {
    for (let k = 0; k < length - 1; k++) if (list[at + k] !== phrase.words[k]) continue outer;
    const last = list[at + length - 1]!;
    if (last === lastWord) return EXACT;
    if (lastWord.length >= MIN_PREFIX && last.startsWith(lastWord)) best = PHRASE_STARTED;
  }
  return best;
}

/** How well a plain word matches a word outside the index (of a note), by the index's rules. */
export function wordScore(term: WordTerm, word: string): number {
  if (word === term.text) return EXACT;
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
