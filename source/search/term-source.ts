import type { ContextFacts } from './context-facts.js';
import type { SentenceIndex } from './sentence-index.js';
import type { TermScores } from './term-scores.js';
import { findPhrase, type PhraseTerm, phraseInWords, type Term, wordScore } from './terms.js';

/** A word found only in the article's title, or only in a note, counts for a little less. */
const TITLE_WEIGHT = 0.8;
const NOTE_WEIGHT = 0.9;

/** How one term matched one sentence; reused across calls, so probing allocates nothing. */
export interface Probe {
  score: number;
  inText: boolean;
}

/** One term's matches: walked from its posting lists, or tested sentence by sentence. */
export interface TermSource {
  /** Scan cost: how many sentences the term's own lists will visit. */
  cost: number;
  scan(marks: TermScores): void;
  probe(sentence: number, out: Probe): void;
}

/**
 * What a query word or phrase matches: sentences through the posting lists, articles through
 * their titles, sentences through notes on them. Titles and notes are few, so they are resolved
 * up front; the text is walked or probed as the engine decides.
 */
export function termSource(
  term: Term,
  index: SentenceIndex,
  facts: ContextFacts,
  titleOf: (article: number) => string[],
): TermSource {
  // Best score per article through its title, and per sentence through its notes.
  const titles = new Map<number, number>();
  const notes = new Map<number, number>();
  const better = (map: Map<number, number>, key: number, score: number) => {
    if (score > (map.get(key) ?? 0)) map.set(key, score);
  };
  const { entries, byWord } = facts.notes;
  let textCost = 0;
  let scanText: (marks: TermScores) => void;
  let probeText: (sentence: number) => number;
  if (term.kind === 'word') {
    for (const [word, score] of term.scores) {
      for (const article of index.titles.get(word) ?? []) {
        better(titles, article, score * TITLE_WEIGHT);
      }
    }
    for (const [word, found] of byWord) {
      const score = wordScore(term, word) * NOTE_WEIGHT;
      if (score > 0) for (const entry of found) better(notes, entries[entry]!.sentence, score);
    }
    textCost = term.postings;
    scanText = (marks) => {
      for (const [word, score] of term.scores) {
        marks.markAll(
          index.postings,
          index.postingStart[word]!,
          index.postingStart[word + 1]!,
          score,
        );
      }
    };
    probeText = (sentence) => {
      let best = 0;
      for (let i = index.sequenceStart[sentence]!; i < index.sequenceStart[sentence + 1]!; i++) {
        const score = term.scores.get(index.sequence[i]!);
        if (score !== undefined && score > best) best = score;
      }
      return best;
    };
  } else {
    const anchors = phraseAnchors(term, index);
    for (const word of anchors) {
      for (const article of index.titles.get(word) ?? []) {
        better(titles, article, phraseInWords(term, titleOf(article)) * TITLE_WEIGHT);
      }
    }
    for (const entry of notesWith(term, byWord)) {
      const note = entries[entry]!;
      better(notes, note.sentence, phraseInWords(term, note.words) * NOTE_WEIGHT);
    }
    for (const word of anchors) {
      textCost += index.postingStart[word + 1]! - index.postingStart[word]!;
    }
    probeText = (sentence) =>
      findPhrase(
        term,
        index.sequence,
        index.sequenceStart[sentence]!,
        index.sequenceStart[sentence + 1]!,
      );
    scanText = (marks) => {
      for (const word of anchors) {
        for (let p = index.postingStart[word]!; p < index.postingStart[word + 1]!; p++) {
          const sentence = index.postings[p]!;
          const score = probeText(sentence);
          if (score > 0) marks.mark(sentence, score, true);
        }
      }
    };
  }
  let titleCost = 0;
  for (const article of titles.keys()) {
    titleCost += index.articleStart[article + 1]! - index.articleStart[article]!;
  }
  return {
    cost: textCost + titleCost + notes.size,
    scan: (marks) => {
      scanText(marks);
      for (const [article, score] of titles) {
        for (let s = index.articleStart[article]!; s < index.articleStart[article + 1]!; s++) {
          marks.mark(s, score, false);
        }
      }
      for (const [sentence, score] of notes) marks.mark(sentence, score, true);
    },
    probe: (sentence, out) => {
      const text = Math.max(probeText(sentence), notes.get(sentence) ?? 0);
      const title = titles.get(index.articleOf[sentence]!) ?? 0;
      out.score = Math.max(text, title);
      out.inText = text > 0;
    },
  };
}

/**
 * The words whose postings must contain every occurrence of the phrase: its rarest whole word,
 * or, for a phrase of one word still being typed, every word that word begins.
 */
function phraseAnchors(term: PhraseTerm, index: SentenceIndex): number[] {
  if (term.ids.length === 0) {
    const [from, to] = term.last;
    return Array.from({ length: to - from }, (_, k) => from + k);
  }
  if (term.ids.some((id) => id === undefined)) return [];
  const ids = term.ids as number[];
  const size = (id: number) => index.postingStart[id + 1]! - index.postingStart[id]!;
  return [ids.reduce((rarest, id) => (size(id) < size(rarest) ? id : rarest))];
}

/** The notes that may hold a phrase: those with its first word (or, alone, a word it begins). */
function notesWith(term: PhraseTerm, byWord: Map<string, number[]>): Set<number> {
  const found = new Set<number>();
  const first = term.words[0]!;
  for (const [word, entries] of byWord) {
    if (word === first || (term.words.length === 1 && word.startsWith(first))) {
      for (const entry of entries) found.add(entry);
    }
  }
  return found;
}
