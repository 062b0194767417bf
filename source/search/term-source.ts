import {
  articleOfNumber,
  firstAtLeast,
  type IndexedArticles,
  type WordIndex,
} from '../corpus/word-index.js';
import { isDigitWord } from '../text/fold.js';
import { MIN_PREFIX } from './candidates.js';
import type { ContextFacts } from './context-facts.js';
import { type Matches, type Source, unionOf, withinSources } from './matches.js';
import { firstCommonKeys } from './runs.js';
import { remembered, remembering, resumed, wordsOfSentence } from './sentence-words.js';
import {
  findPhrase,
  PHRASE_STARTED,
  type PhraseTerm,
  type Term,
  termSite,
  wordScore,
} from './terms.js';

/** A word found only in the article's title, or only in a note, counts for a little less. */
const TITLE_WEIGHT = 0.8;
export const NOTE_WEIGHT = 0.9;

/** How one term matched one sentence; reused across calls, so probing allocates nothing. */
export interface Probe {
  score: number;
  inText: boolean;
}

/** One term's matches: walked from its posting lists, or tested sentence by sentence. */
export interface TermSource {
  /** Scan cost: how many sentences the term's own lists will visit. */
  cost: number;
  /**
   * Every sentence the term matches (keys of removed articles included), or, given `enough`,
   * sure to hold the first `enough` in corpus order of each score it reads from the text (the
   * caller ranks by score, then corpus order, and keeps `enough`: no later one can be among them).
   */
  scan(enough?: number): Matches;
  /**
   * The sentences of `current` the term matches too, their scores added as `intersect` adds
   * those of `scan()`: without making the union of the term's lists (`withinSources`).
   */
  within(current: Matches): Matches;
  /** How the term matches the sentence `key` of the article at position `a`. */
  probe(key: number, a: number, out: Probe): void;
}

/**
 * What a query word or phrase matches: sentences through the posting lists, articles through
 * their titles, sentences through notes on them. Titles and notes are few, so they are resolved
 * up front; the text is walked or probed as the engine decides.
 */
export function termSource(term: Term, index: WordIndex, facts: ContextFacts): TermSource {
  const articles = index.articleTable();
  // Best score per article position through its title, and per sentence key through its notes.
  const titles = new Map<number, number>();
  const notes = new Map<number, number>();
  const better = (map: Map<number, number>, key: number, score: number) => {
    if (score > (map.get(key) ?? 0)) map.set(key, score);
  };
  const titled = (word: string, score: (a: number) => number) => {
    for (const number of index.titled(word)) {
      const a = articleOfNumber(articles, number);
      if (a >= 0) better(titles, a, score(a) * TITLE_WEIGHT);
    }
  };
  const { entries, byWord } = facts.notes;
  let textCost = 0;
  let textLists: (enough?: number) => Source[];
  let probeText: (key: number, a: number) => number;
  if (term.kind === 'word') {
    for (const [word, score] of term.scores) titled(word, () => score);
    for (const [word, found] of byWord) {
      const score = wordScore(term, word) * NOTE_WEIGHT;
      if (score <= 0) continue;
      for (const entry of found) {
        const sentence = entries[entry]!.sentence;
        if (sentence !== undefined) better(notes, sentence, score);
      }
    }
    textCost = term.postings;
    textLists = () => {
      // The words the query word begins (while typing) in one read; not for a number, which
      // begins few of the words its range holds (`2020s`, not `20201` or `2020.5`).
      let begun: Map<string, Uint32Array> | undefined;
      if (index.prefixedPostings && term.text.length >= MIN_PREFIX && !isDigitWord(term.text)) {
        let count = 0;
        for (const word of term.scores.keys()) if (word.startsWith(term.text)) count++;
        if (count >= 2) begun = index.prefixedPostings(term.text);
      }
      return [...term.scores].map(([word, score]) => ({
        keys: (word.startsWith(term.text) ? begun?.get(word) : undefined) ?? index.postings(word),
        score,
        inText: true,
      }));
    };
    probeText = (key, a) => {
      let best = 0;
      for (const word of wordsOfSentence(index, articles, key, a)) {
        const score = term.scores.get(word);
        if (score !== undefined && score > best) best = score;
      }
      return best;
    };
  } else {
    const anchors = phraseAnchors(term, index);
    const last = term.words[term.words.length - 1]!;
    const begun = term.started && last.length >= 2;
    const whole = [...new Set(begun ? term.words.slice(0, -1) : term.words)];
    if (anchors.length > 0 && whole.length > 0) {
      // Only titles holding every whole word of the phrase are read: "a" alone is in most.
      const lists = whole.map((word) => index.titled(word));
      const completions = begun ? index.prefixed(last) : [];
      if (completions.length > 0 && completions.length <= 64) {
        lists.push(unionKeys(completions.map(([word]) => index.titled(word))));
      }
      for (const number of intersectAll(lists)) {
        const a = articleOfNumber(articles, number);
        if (a >= 0) better(titles, a, findPhrase(term, index.titleWords(a)) * TITLE_WEIGHT);
      }
    } else {
      for (const [word] of anchors) titled(word, (a) => findPhrase(term, index.titleWords(a)));
    }
    for (const entry of notesWith(term, byWord)) {
      const note = entries[entry]!;
      const score = findPhrase(term, note.words) * NOTE_WEIGHT;
      if (score > 0 && note.sentence !== undefined) better(notes, note.sentence, score);
    }
    for (const [, frequency] of anchors) textCost += frequency;
    probeText = (key, a) => findPhrase(term, wordsOfSentence(index, articles, key, a));
    textLists = (enough) => {
      if (!term.known) return [];
      if (term.words.length === 1) {
        // One word needs no reading: the word itself scores 1, a word it begins 0.9.
        const [word] = term.words;
        return anchors.map(([other]) => ({
          keys: index.postings(other),
          score: other === word ? 1 : 0.9,
          inText: true,
        }));
      }
      // Only sentences holding every whole word of the phrase are read to find it.
      const whole = term.words.slice(0, -1);
      const last = term.words[term.words.length - 1]!;
      const begunLast = term.started && last.length >= 2;
      if (!begunLast) whole.push(last);
      const distinct = [...new Set(whole)];
      const read = (key: number) => {
        const a = articleOfKeyNear(articles, key);
        return a < 0 ? 0 : probeText(key, a);
      };
      // Two scores only (whole or begun last word): one list each, in key order.
      let exact: number[] = [];
      let started: number[] = [];
      const candidates = () => {
        const lists = distinct.map((word) => index.postings(word));
        if (begunLast) {
          // A half-typed last word narrows too: "a discuss" must not read every sentence with "a".
          const begun = begunPostings(index, last, Math.min(...lists.map((list) => list.length)));
          if (begun) lists.push(begun);
        }
        return intersectAll(lists);
      };
      const first = enough !== undefined && articles.ordered;
      // A search run in turns (`resumed`) reads the candidates in key order from where its last
      // turn stopped: the same hits as `readFirst` (the first `enough` of each score, in corpus
      // order) or as the loop below.
      const turns = resumed<PhraseTurns>(
        `${termSite(term)}\u0000${first ? enough : 'all'}`,
        (earlier) => ({
          keys: candidates(),
          at: 0,
          exact: [],
          started: [],
          ...(earlier ? { before: readBefore(earlier) } : {}),
        }),
      );
      if (turns) {
        const wanted = first ? enough : Number.POSITIVE_INFINITY;
        const { before } = turns;
        while (turns.at < turns.keys.length && turns.exact.length < wanted) {
          const key = turns.keys[turns.at]!;
          const a = articleOfKeyNear(articles, key);
          // Read at an earlier state of the index (no key is given twice): not read again.
          const known = before && a >= 0 ? scoreBefore(before, key) : undefined;
          // Stopped here (`giveUp`), it throws before `at` moves on: the next turn reads it.
          const score =
            a < 0 ? 0 : (known ?? findPhrase(term, wordsOfSentence(index, articles, key, a)));
          if (score === 1) turns.exact.push(key);
          else if (score > 0) turns.started.push(key);
          turns.at++;
        }
        exact = turns.exact.slice();
        started = !first
          ? turns.started.slice()
          : begunLast && exact.length < wanted
            ? turns.started.slice(0, wanted - exact.length)
            : [];
      } else if (first) {
        readFirst(
          { index, articles, term, read, enough, exact, begun: started },
          distinct,
          begunLast,
        );
      } else {
        for (const key of candidates()) {
          const score = read(key);
          if (score === 1) exact.push(key);
          else if (score > 0) started.push(key);
        }
      }
      return [
        { keys: Uint32Array.from(exact), score: 1, inText: true },
        { keys: Uint32Array.from(started), score: 0.9, inText: true },
      ];
    };
  }
  // A search run again after it stopped (the review's Enter, in turns) reads no sentence twice.
  const site = termSite(term);
  const reads = probeText;
  probeText = (key, a) =>
    remembering() ? remembered(site, key, () => reads(key, a)) : reads(key, a);
  let titleCost = 0;
  for (const a of titles.keys()) titleCost += articles.counts[a]!;
  const sources = (enough?: number) => {
    const all = textLists(enough);
    for (const [a, score] of titles) {
      const from = articles.firsts[a]!;
      all.push({ from, to: from + articles.counts[a]!, score, inText: false });
    }
    for (const [key, score] of notes) {
      all.push({ keys: Uint32Array.of(key), score, inText: true });
    }
    return all;
  };
  return {
    cost: textCost + titleCost + notes.size,
    scan: (enough) => unionOf(sources(enough)),
    within: (current) => withinSources(current, sources()),
    probe: (key, a, out) => {
      const text = Math.max(probeText(key, a), notes.get(key) ?? 0);
      const title = titles.get(a) ?? 0;
      out.score = Math.max(text, title);
      out.inText = text > 0;
    },
  };
}

/** How far a phrase's read in turns went (`resumed`): its candidates, and what they gave. */
interface PhraseTurns {
  keys: ArrayLike<number>;
  /** The candidates read so far are those before `at`. */
  at: number;
  /** The keys read that hold the phrase whole, and with its last word begun. */
  exact: number[];
  started: number[];
  /** What was read at earlier states of the index, when it moved during the read. */
  before?: ReadBefore;
}

/** The keys a phrase's read had read, and the scores of those that held it. */
interface ReadBefore {
  /** Ascending. */
  read: Uint32Array;
  hits: Map<number, number>;
}

/** The score a key read before gave (undefined: not read). */
function scoreBefore(before: ReadBefore, key: number): number | undefined {
  const hit = before.hits.get(key);
  if (hit !== undefined) return hit;
  return isIn(before.read, key) ? 0 : undefined;
}

/**
 * What a phrase's read in turns had read when the index moved (its keys before `at`, and those
 * carried over to it from a move before), for the read made anew over the index's new lists:
 * a read of 25 s began again at every move, and never ended while articles kept arriving.
 */
function readBefore(turns: PhraseTurns): ReadBefore {
  const earlier = turns.before;
  const hits = new Map(earlier?.hits);
  for (const key of turns.exact) hits.set(key, 1);
  for (const key of turns.started) hits.set(key, PHRASE_STARTED);
  // Both ascending: merged, each key once.
  const old = earlier?.read ?? new Uint32Array(0);
  const read = new Uint32Array(turns.at + old.length);
  let length = 0;
  let i = 0;
  let j = 0;
  while (i < turns.at || j < old.length) {
    const mine = i < turns.at ? turns.keys[i]! : Number.POSITIVE_INFINITY;
    const theirs = j < old.length ? old[j]! : Number.POSITIVE_INFINITY;
    const key = Math.min(mine, theirs);
    if (mine === key) i++;
    if (theirs === key) j++;
    read[length++] = key;
  }
  return { read: read.subarray(0, length), hits };
}

/** Whether `key` is among the ascending `keys`. */
function isIn(keys: Uint32Array, key: number): boolean {
  const at = firstAtLeast(keys, key);
  return at < keys.length && keys[at] === key;
}

/**
 * Reads a phrase's candidate sentences (ascending keys, which are corpus order) only as far as
 * the first `enough` of each score: those with the whole phrase first, from the sentences
 * holding its last word as typed (`"the talk` → "talk"), then, when they are fewer, those where
 * a word the last one begins ends it ("talks"), from the start again, through the begun word's
 * keys when there are few enough to join. An index kept in segments gives its lists a segment at
 * a time, so they are read only as far as the hits: for a phrase of common words ("said the")
 * they hold a million keys at 100,000 articles and the hits are among the first few thousand.
 */
function readFirst(
  job: {
    index: WordIndex;
    articles: IndexedArticles;
    term: PhraseTerm;
    read: (key: number) => number;
    enough: number;
    exact: number[];
    begun: number[];
  },
  /** The words every hit holds whole (the last too, when it is not being typed). */
  whole: readonly string[],
  /** Whether the last word is still being typed: words it begins end the phrase too. */
  started: boolean,
): void {
  const { index, articles, term, read, enough, exact, begun } = job;
  const runs = (word: string): Iterable<Uint32Array>[] => [
    index.postingRuns ? index.postingRuns(word) : [index.postings(word)],
  ];
  const groups = whole.map(runs);
  const last = term.words[term.words.length - 1]!;
  const scores = new Map<number, number>();
  const scored = (key: number) => {
    let score = scores.get(key);
    if (score === undefined) {
      score = read(key);
      scores.set(key, score);
    }
    return score;
  };
  const withLast = started ? [...groups, runs(last)] : groups;
  if (!started || index.frequency(last) !== undefined) {
    exact.push(...firstCommonKeys(withLast, articles, enough, (key) => scored(key) === 1));
  }
  if (!started || exact.length === enough) return;
  const bound = Math.min(...whole.map((word) => index.frequency(word) ?? 0));
  const completions = begunPostings(index, last, bound);
  const narrowed = completions ? [...whole.map(runs), [[completions]]] : whole.map(runs);
  const wanted = enough - exact.length;
  begun.push(
    ...firstCommonKeys(narrowed, articles, wanted, (key) => {
      const score = scored(key);
      return score > 0 && score < 1;
    }),
  );
}

/** The keys every list has, shortest list first. */
export function intersectAll(lists: Uint32Array[]): Uint32Array {
  if (lists.length === 0) return new Uint32Array(0);
  const sorted = [...lists].sort((x, y) => x.length - y.length);
  let current = sorted[0]!;
  for (const other of sorted.slice(1)) {
    const out = new Uint32Array(current.length);
    let length = 0;
    let j = 0;
    for (let i = 0; i < current.length; i++) {
      const key = current[i]!;
      while (j < other.length && other[j]! < key) j++;
      if (j >= other.length) break;
      if (other[j] === key) out[length++] = key;
    }
    current = out.subarray(0, length);
    if (length === 0) break;
  }
  return current;
}

/**
 * Every sentence holding a word that begins with `prefix`, or null when those words together are
 * at least as common as `bound` (then they would narrow little for what reading them costs).
 */
function begunPostings(index: WordIndex, prefix: string, bound: number): Uint32Array | null {
  const words = index.prefixed(prefix);
  let total = 0;
  for (const [, frequency] of words) total += frequency;
  if (total >= bound) return null;
  return unionKeys(words.map(([word]) => index.postings(word)));
}

/** The union of ascending key lists, ascending and without repeats. */
export function unionKeys(lists: Uint32Array[]): Uint32Array {
  if (lists.length === 1) return lists[0]!;
  let total = 0;
  for (const list of lists) total += list.length;
  const all = new Uint32Array(total);
  let at = 0;
  for (const list of lists) {
    all.set(list, at);
    at += list.length;
  }
  all.sort();
  let length = 0;
  for (let i = 0; i < all.length; i++)
    if (i === 0 || all[i] !== all[i - 1]) all[length++] = all[i]!;
  return all.subarray(0, length);
}

/** The article of a key, remembering the last answer: postings arrive in ascending order. */
let near = { articles: null as IndexedArticles | null, a: -1 };
export function articleOfKeyNear(articles: IndexedArticles, key: number): number {
  const { firsts, counts } = articles;
  let a = near.articles === articles ? near.a : -1;
  if (a < 0 || key < firsts[a]! || key >= firsts[a]! + counts[a]!) {
    let low = 0;
    let high = articles.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (firsts[middle]! <= key) low = middle + 1;
      else high = middle;
    }
    a = low - 1;
    if (a < 0 || key >= firsts[a]! + counts[a]!) return -1;
    near = { articles, a };
  }
  return a;
}

/**
 * The words whose postings must contain every occurrence of the phrase: its rarest whole word,
 * or, for a phrase of one word still being typed, every word that word begins.
 */
function phraseAnchors(term: PhraseTerm, index: WordIndex): Array<[string, number]> {
  if (!term.known) return [];
  if (term.words.length === 1) {
    const word = term.words[0]!;
    if (term.started && word.length >= 2) return index.prefixed(word);
    const frequency = index.frequency(word);
    return frequency === undefined ? [] : [[word, frequency]];
  }
  let rarest: [string, number] | null = null;
  for (const word of term.words.slice(0, -1)) {
    const frequency = index.frequency(word)!;
    if (rarest === null || frequency < rarest[1]) rarest = [word, frequency];
  }
  return [rarest!];
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
