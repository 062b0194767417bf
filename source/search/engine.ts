import { articleOfKey, type IndexedArticles, type WordIndex } from '../corpus/word-index.js';
import type { Label } from '../store/types.js';
import type { AnnotationFacts } from './annotation-facts.js';
import { CandidateFinder, EXACT } from './candidates.js';
import { type ContextFacts, FactsCache } from './context-facts.js';
import {
  figureMark,
  figuresMissing,
  hasMinus,
  type SignedFigure,
  signedFigures,
  UNSIGNED,
} from './figures.js';
import { compileFilters } from './filters.js';
import { highlight } from './highlight.js';
import { emptyMatches, keepMatches, type Matches } from './matches.js';
import { parseQuery } from './query.js';
import { firstCommonKeys } from './runs.js';
import {
  carryOver,
  probeCost,
  remembered,
  remembering,
  type SearchMemo,
  stopIfAsked,
  stopIfCounting,
  stoppable,
  wordsOfSentence,
} from './sentence-words.js';
import {
  articleOfKeyNear,
  intersectAll,
  NOTE_WEIGHT,
  type Probe,
  type TermSource,
  termSource,
  unionKeys,
} from './term-source.js';
import {
  type CompiledQuery,
  compile,
  findPhrase,
  type PhraseTerm,
  termSite,
  type WordTerm,
  wordScore,
} from './terms.js';
import type { SearchHit } from './types.js';

export interface SearchOptions {
  /** At most this many hits, best first (default 50). */
  limit?: number;
  /** The label names `label:` accepts: the project's (default: margin's own). */
  labels?: readonly string[];
  /**
   * Asked before each sentence the search reads; once it returns true the search throws
   * SearchStopped. The review gives a search while typing a fraction of a second this way.
   */
  giveUp?: () => boolean;
  /**
   * Told how many sentences match in all when the search had to find them all to rank them (as
   * `count` would say), so that a caller need not count them again; not called when the
   * search stopped at its first hits (`count` then reads what it did not).
   */
  onTotal?: (total: number) => void;
  /**
   * What earlier runs of this search read of sentences (`SearchMemo`): one stopped by `giveUp`
   * and run again goes on where it stopped. Only for runs of the same query on one store.
   */
  memo?: SearchMemo;
}

export interface SearchEngine {
  search(query: string, facts: AnnotationFacts, options?: SearchOptions): SearchHit[];
  /**
   * How many sentences the query matches: as many hits as `search` would give without a limit,
   * counted without making them (no text, no highlight, no ranking). `limit` is not read;
   * `giveUp` stops it as it stops a search.
   */
  count(query: string, facts: AnnotationFacts, options?: SearchOptions): number;
}

export const DEFAULT_LIMIT = 50;

/** A query read against the index and the store, ready to be answered or counted. */
interface Prepared {
  compiled: CompiledQuery;
  /** The query's figures written with a sign, checked in the text of each match. */
  figures: SignedFigure[];
  facts: ContextFacts;
  filter: ReturnType<typeof compileFilters>;
  articles: IndexedArticles;
}

/** How much more often than chance the words of a query are taken to share a sentence. */
const TOGETHERNESS = 100;

/**
 * Search over a word index: the in-memory one for tests and small inputs, the on-disk one of
 * the corpus index for archives of a million articles. Sentences are handled as sorted key lists,
 * never as arrays the size of the corpus, so memory follows what a query matches.
 */
export class Engine implements SearchEngine {
  private finder: CandidateFinder;
  private facts: FactsCache;
  private readonly probed: Probe = { score: 0, inText: false };
  /** The index's generation the finder and the sentence keys were made at (`readAt`). */
  private madeAt: string | undefined;

  constructor(readonly index: WordIndex) {
    this.finder = new CandidateFinder(index);
    this.facts = this.newFacts();
    this.madeAt = index.readAt;
  }

  private newFacts(): FactsCache {
    return new FactsCache(
      (article, sentence) => this.index.locate(article, sentence),
      (a) => this.index.articleId(a),
    );
  }

  search(query: string, context: AnnotationFacts, options: SearchOptions = {}): SearchHit[] {
    const { memo } = options;
    const answer = () => {
      // What an earlier run read is of the index as it was then: what still holds is kept.
      if (memo && memo.readAt !== this.index.readAt) carryOver(memo, this.index.readAt);
      return this.answer(query, context, options);
    };
    return stoppable(options.giveUp, () => this.latest(answer), false, memo);
  }

  count(query: string, context: AnnotationFacts, options: SearchOptions = {}): number {
    const count = () => {
      const prepared = this.prepare(query, context, options);
      if (!prepared) return 0;
      if (prepared.compiled.terms.length === 0 && !prepared.filter?.needsAnnotation) {
        return this.allInCorpusOrder(prepared, Number.POSITIVE_INFINITY).length;
      }
      return this.allMatches(prepared).found.length;
    };
    return stoppable(options.giveUp, () => this.latest(count), true);
  }

  /**
   * Runs `read` on one state of the index, its latest: what another process wrote since the last
   * search is taken in first, and the words and sentence keys found before are forgotten (a word
   * looked up while the index was still empty was cached as found nowhere).
   */
  private latest<T>(read: () => T): T {
    return this.index.consistent(() => {
      // Read anew here, or by another reader of the same handle since the last search.
      const caught = this.index.catchUp?.() === true;
      if (caught || this.index.readAt !== this.madeAt) {
        this.finder = new CandidateFinder(this.index);
        this.facts = this.newFacts();
        this.madeAt = this.index.readAt;
      }
      return read();
    });
  }

  /** The query compiled against the index and the store, or null when it can find nothing. */
  private prepare(
    query: string,
    context: AnnotationFacts,
    options: SearchOptions,
  ): Prepared | null {
    const parsed = parseQuery(query, options.labels);
    if (parsed.problems.length > 0) return null;
    const compiled = compile(parsed, this.index, this.finder);
    const facts = this.facts.get(context);
    const filter = compileFilters(parsed.filters, {
      index: this.index,
      facts,
      status: (article) => context.status(article),
    });
    if (compiled.terms.length === 0 && !filter && compiled.excluded.length === 0) return null;
    const figures = signedFigures([...parsed.words, ...parsed.phrases]);
    return { compiled, facts, filter, figures, articles: this.index.articleTable() };
  }

  private answer(query: string, context: AnnotationFacts, options: SearchOptions): SearchHit[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    if (limit <= 0) return [];
    const prepared = this.prepare(query, context, options);
    if (!prepared) return [];
    const { compiled, facts, filter, articles, figures } = prepared;
    // A phrase alone is read only as far as its first hits (term-source.ts): the shortcut would
    // read the same sentences, and all of them again when it gave up (19 s for `"it is` at
    // 100,000 articles, of which 6 s the shortcut's).
    // A phrase of one word reads no sentence there, but the whole posting list of each word it
    // may be (`"it` every word begun `it`, 400,000 keys at 100,000 articles): the shortcut reads
    // only the heads of the word's own list.
    const only = compiled.terms.length === 1 ? compiled.terms[0]! : null;
    const lonePhrase = only?.kind === 'phrase' && only.words.length > 1 && articles.ordered;
    // A signed figure is checked in every match: the first hits in corpus order may not hold its
    // sign where later ones do. An index that keeps the figures' marks finds the best hits with
    // them: those holding every mark lose nothing.
    const signed = figures.length > 0;
    // A minus has no mark: a figure written with one is checked in each match's text.
    const marked = this.index.figureMarks === true && !hasMinus(figures);
    if (
      !filter &&
      compiled.excluded.length === 0 &&
      compiled.terms.length > 0 &&
      !lonePhrase &&
      (!signed || marked)
    ) {
      const top = this.bestHits(compiled, facts, articles, limit, signed ? figures : []);
      if (top) return top.keys.map((key) => this.hit(key, top.score, compiled, facts, context));
    }

    if (compiled.terms.length === 0 && !filter?.needsAnnotation) {
      const keys = this.allInCorpusOrder(prepared, limit);
      return keys.map((key) => this.hit(key, 1, compiled, facts, context));
    }
    // One term, nothing taken away afterwards: the first `limit` of each score are enough.
    const alone =
      compiled.terms.length === 1 && !filter && compiled.excluded.length === 0 && !signed;
    const { found, owners } = this.allMatches(prepared, alone ? limit : undefined);
    if (signed) this.checkSigns(found, owners, articles, figures, compiled.terms.length);
    // Every match was read and ranked: their number is the count (qa54: the review said "too
    // many to count" of 336 it had just ranked, counting them again out of time).
    if (!alone) options.onTotal?.(found.length);
    return best(found, owners, articles, limit).map((i) =>
      this.hit(found.keys[i]!, found.scores[i]!, compiled, facts, context),
    );
  }

  /** The first `limit` sentences of a query of exclusions and filters on the text alone. */
  private allInCorpusOrder(prepared: Prepared, limit: number): number[] {
    const { compiled, filter, articles } = prepared;
    return this.firstInCorpusOrder(articles, limit, (key, a) => {
      if (filter && !filter.test(key, a)) return false;
      return !this.excluded(key, a, compiled.excluded);
    });
  }

  /**
   * Every sentence the query matches, with its score, in key order (`enough`: a lone term reads
   * only the first that many of each score, as many as can be shown).
   */
  private allMatches(prepared: Prepared, enough?: number): { found: Matches; owners: Int32Array } {
    const { compiled, facts, filter, articles } = prepared;
    let found: Matches;
    let owners: Int32Array;
    // Filters alone, some of which only annotated sentences pass (the others are read in corpus
    // order, `allInCorpusOrder`): those sentences are the candidates.
    if (compiled.terms.length === 0 && filter) {
      found = annotatedSentences(filter.candidates());
      owners = ownersOf(articles, found);
      keepMatches(found, (_key, i) => owners[i]! >= 0);
      owners = ownersOf(articles, found);
      for (let i = 0; i < found.length; i++) found.scores[i] = 1;
      const test = filter.test;
      keepMatches(found, (key, i) => test(key, owners[i]!));
    } else {
      found = this.matchTerms(compiled, facts, articles, enough);
      stopIfCounting();
      owners = ownersOf(articles, found);
      if (filter) keepMatches(found, (key, i) => filter.test(key, owners[i]!));
      for (let i = 0; i < found.length; i++) found.scores[i]! /= compiled.terms.length;
    }
    if (compiled.excluded.length > 0) {
      owners = ownersOf(articles, found);
      keepMatches(found, (key, i) => !this.excluded(key, owners[i]!, compiled.excluded));
    }
    stopIfCounting();
    owners = ownersOf(articles, found);
    if (compiled.terms.length > 0) {
      stopIfCounting();
      representTitleOnly(found, owners);
      owners = ownersOf(articles, found);
    }
    return { found, owners };
  }

  /**
   * The first `limit` sentences (in corpus order) that hold, in their own text, a best spelling
   * of every term (the word itself, else its nearest completions or spellings): no sentence can
   * score higher, since a title or a note counts for less, so when there are that many they are
   * the answer, found without walking every other spelling and title of a word. Null when there
   * are fewer, or when a note could score as high: the full search decides then.
   */
  private bestHits(
    compiled: CompiledQuery,
    facts: ContextFacts,
    articles: IndexedArticles,
    limit: number,
    figures: readonly SignedFigure[],
  ): { keys: number[]; score: number } | null {
    const phrases: PhraseTerm[] = [];
    // A figure whose mark no sentence holds (`20%` where the corpus writes `20` but never `20%`)
    // lowers every match alike (`checkSigns`): the best hits are then the figure's without its
    // sign, each scoring UNSIGNED for it. Before, no sentence held every group, and `20%` and
    // `$5 billion` ranked every sentence holding their numbers (scale57).
    const absent = figures.filter((figure) => !this.index.frequency(figureMark(figure))).length;
    // Per term, the words any of which it may be; scores summed in 32 bits, as matches are. A
    // signed figure's mark is one more group: only a sentence holding it keeps the full score.
    const groups: string[][] = figures
      .map((figure) => [figureMark(figure)])
      .filter(([mark]) => this.index.frequency(mark!));
    let sum = 0;
    for (const term of compiled.terms) {
      if (term.kind === 'word') {
        const top = bestSpellings(term);
        if (!top || noteScore(term, facts) >= top.score) return null;
        groups.push(top.words);
        sum = Math.fround(sum + top.score);
        continue;
      }
      if (!term.known) return null;
      phrases.push(term);
      for (const word of term.words) {
        if (this.index.frequency(word) === undefined) return null;
        groups.push([word]);
      }
      sum = Math.fround(sum + EXACT);
    }
    const terms = compiled.terms.length;
    // As `allMatches` and `checkSigns` store a match's score: in 32 bits, divided, then lowered.
    const score = Math.fround(Math.fround(sum / terms) - (absent * (1 - UNSIGNED)) / terms);
    const frequencies = this.groupFrequencies(groups);
    if (!this.likelyCommon(frequencies, articles, limit)) return null;
    // In key order, which is corpus order then, the first hits come from the head of each list:
    // an index that reads lists a segment at a time stops reading once it has them.
    if (articles.ordered && this.index.postingRuns !== undefined) {
      const runs = this.index.postingRuns.bind(this.index);
      const keys = firstCommonKeys(
        groups.map((words) => words.map((word) => runs(word))),
        articles,
        limit,
        (key, a) => this.holdsPhrases(phrases, key, a, articles),
        // At most the rarest group's count of sentences hold every group.
        phrases.length > 0 ? refusalBudget(Math.min(...frequencies), limit) : undefined,
      );
      return keys.length === limit ? { keys, score } : null;
    }
    const candidates = intersectAll(
      groups.map((words) => unionKeys(words.map((word) => this.index.postings(word)))),
    );
    if (candidates.length < limit) return null;
    const found: Matches = {
      length: candidates.length,
      keys: candidates,
      scores: new Float32Array(0),
      inText: new Uint8Array(0),
    };
    const owners = ownersOf(articles, found);
    // In corpus order: the keys' own order on an index whose keys follow it.
    let order = Array.from({ length: candidates.length }, (_, i) => i);
    if (!articles.ordered) {
      order = order
        .filter((i) => owners[i]! >= 0)
        .sort(
          (x, y) =>
            articles.ords[owners[x]!]! - articles.ords[owners[y]!]! ||
            candidates[x]! - candidates[y]!,
        );
    }
    const out: number[] = [];
    for (const i of order) {
      const a = owners[i]!;
      if (a < 0) continue;
      const key = candidates[i]!;
      if (!this.holdsPhrases(phrases, key, a, articles)) continue;
      out.push(key);
      if (out.length === limit) return { keys: out, score };
    }
    return null;
  }

  /**
   * Whether the groups are common enough together to give `limit` sentences. Where they are not,
   * looking for them in every list first costs as much as the search that must follow: the
   * rarest list and a look into the few sentences it names. Words of one sentence go together
   * far more often than chance, hence the wide margin.
   */
  private likelyCommon(
    frequencies: readonly number[],
    articles: IndexedArticles,
    limit: number,
  ): boolean {
    const total = Math.max(1, articles.keyLimit);
    let expected = total;
    for (const frequency of frequencies) expected *= Math.min(1, frequency / total);
    return expected * TOGETHERNESS >= limit;
  }

  /** How many sentences hold a word of each group: at most the sum of its words' counts. */
  private groupFrequencies(groups: readonly string[][]): number[] {
    return groups.map((words) => {
      let frequency = 0;
      for (const word of words) frequency += this.index.frequency(word) ?? 0;
      return frequency;
    });
  }

  private holdsPhrases(
    phrases: readonly PhraseTerm[],
    key: number,
    a: number,
    articles: IndexedArticles,
  ): boolean {
    if (phrases.length === 0) return true;
    const holds = () => {
      const own = wordsOfSentence(this.index, articles, key, a);
      return phrases.every((phrase) => findPhrase(phrase, own) === EXACT) ? 1 : 0;
    };
    if (!remembering()) return holds() === 1;
    return remembered(`holds\u0000${phrases.map(termSite).join('\u0000')}`, key, holds) === 1;
  }

  /** The first `limit` sentences in corpus order that pass: all score the same then. */
  private firstInCorpusOrder(
    articles: IndexedArticles,
    limit: number,
    passes: (key: number, a: number) => boolean,
  ): number[] {
    const out: number[] = [];
    for (const a of corpusOrder(articles)) {
      const first = articles.firsts[a]!;
      for (let key = first; key < first + articles.counts[a]!; key++) {
        if (!passes(key, a)) continue;
        out.push(key);
        if (out.length === limit) return out;
      }
    }
    return out;
  }

  /**
   * Intersects the terms, cheapest first. The first term walks its posting lists; later ones
   * either walk theirs or, when few sentences are left, look inside just those sentences.
   */
  private matchTerms(
    compiled: CompiledQuery,
    facts: ContextFacts,
    articles: IndexedArticles,
    enough?: number,
  ): Matches {
    const sources = compiled.terms.map((term) => termSource(term, this.index, facts));
    sources.sort((x, y) => x.cost - y.cost);
    let current: Matches | null = null;
    for (const source of sources) {
      if (current && current.length * probeCost(this.index) < source.cost) {
        current = this.probe(current, source, articles);
      } else if (current) {
        current = source.within(current);
      } else {
        current = source.scan(enough);
        const owners = ownersOf(articles, current);
        keepMatches(current, (_key, i) => owners[i]! >= 0);
      }
      if (current.length === 0) break;
    }
    return current ?? emptyMatches();
  }

  private probe(current: Matches, source: TermSource, articles: IndexedArticles): Matches {
    const { probed } = this;
    const owners = ownersOf(articles, current);
    return keepMatches(current, (key, i) => {
      source.probe(key, owners[i]!, probed);
      if (probed.score <= 0) return false;
      current.scores[i]! += probed.score;
      if (probed.inText) current.inText[i] = 1;
      return true;
    });
  }

  /**
   * Lowers the score of each match whose own text lacks a signed figure's sign (`€5` for `$5`,
   * `20` for `20%`): that figure counts UNSIGNED of a word's score, so the whole figure ranks
   * above it and a score of 1 still means every word and sign of the query is there. Asked of
   * the figures' marks where the index keeps them, else of each match's text.
   */
  private checkSigns(
    found: Matches,
    owners: Int32Array,
    articles: IndexedArticles,
    figures: readonly SignedFigure[],
    terms: number,
  ): void {
    if (this.index.figureMarks && !hasMinus(figures)) {
      // Each figure's mark has a posting list: a match lacks the sign when its key is not there.
      const missing = new Uint8Array(found.length);
      for (const figure of figures) {
        const marked = this.index.postings(figureMark(figure));
        let at = 0;
        for (let i = 0; i < found.length; i++) {
          const key = found.keys[i]!;
          while (at < marked.length && marked[at]! < key) at++;
          if (at === marked.length || marked[at] !== key) missing[i]!++;
        }
      }
      for (let i = 0; i < found.length; i++) {
        if (owners[i]! < 0 || missing[i] === 0) continue;
        found.scores[i] = found.scores[i]! - (missing[i]! * (1 - UNSIGNED)) / terms;
      }
      return;
    }
    const site = `signs\u0000${figures.map((figure) => JSON.stringify(figure)).join('\u0000')}`;
    for (let i = 0; i < found.length; i++) {
      const a = owners[i]!;
      if (a < 0) continue;
      const key = found.keys[i]!;
      const missing = remembered(site, key, () => {
        // Each match's text is read (a whole article from disk): typing `20%` over 100,000
        // articles must still stop when the next key comes.
        stopIfAsked();
        const { text } = this.index.sentence(a, key - articles.firsts[a]!);
        return figuresMissing(text, figures);
      });
      if (missing > 0) found.scores[i] = found.scores[i]! - (missing * (1 - UNSIGNED)) / terms;
    }
  }

  private excluded(key: number, a: number, excluded: PhraseTerm[]): boolean {
    if (excluded.length === 0) return false;
    const leaves = () => {
      const list = wordsOfSentence(this.index, this.index.articleTable(), key, a);
      return excluded.some((phrase) => findPhrase(phrase, list) > 0) ? 1 : 0;
    };
    if (!remembering()) return leaves() === 1;
    return remembered(`without\u0000${excluded.map(termSite).join('\u0000')}`, key, leaves) === 1;
  }

  private hit(
    key: number,
    score: number,
    compiled: CompiledQuery,
    facts: ContextFacts,
    context: AnnotationFacts,
  ): SearchHit {
    const { index } = this;
    const articles = index.articleTable();
    const a = articleOfKey(articles, key);
    const article = index.articleId(a);
    const own = index.sentence(a, key - articles.firsts[a]!);
    const labels = context.labels
      ? context.labels(article, own.id)
      : (facts.tags().labels.get(key) ?? []);
    return {
      article,
      sentence: own.id,
      score: Math.min(1, Math.max(0, score)),
      text: own.text,
      labels: [...labels] as Label[],
      matches: highlight(own.text, compiled.terms),
    };
  }
}

/** The sentences that may pass a query of filters only annotated ones can pass. */
function annotatedSentences(keys: Uint32Array): Matches {
  return {
    length: keys.length,
    keys,
    scores: new Float32Array(keys.length),
    inText: new Uint8Array(keys.length),
  };
}

/**
 * How many sentences with every word of a phrase the shortcut reads without finding it there
 * before leaving the answer to the full search, which reads every such sentence. A fixed few
 * times the limit sent common-word phrases ("said the": a sentence in a hundred of those with
 * both words) to the full search, which read a million sentences at 100,000 articles for hits
 * the shortcut finds in a few thousand. A quarter of the candidates bounds what giving up wastes
 * to a quarter more reading.
 */
export function refusalBudget(candidates: number, limit: number): number {
  return Math.max(limit * 4 + 64, Math.floor(candidates / 4));
}

/**
 * The position of each key's article (-1 for a removed one), in one pass over both lists; kept
 * with the matches, which filtering keeps in step.
 */
function ownersOf(articles: IndexedArticles, found: Matches): Int32Array {
  if (found.owners) return found.owners;
  const owners = new Int32Array(found.length);
  found.owners = owners;
  const { firsts, counts } = articles;
  const holds = (a: number, key: number) =>
    a >= 0 && a < articles.length && key >= firsts[a]! && key < firsts[a]! + counts[a]!;
  let a = -1;
  for (let i = 0; i < found.length; i++) {
    const key = found.keys[i]!;
    if (!holds(a, key)) {
      if (holds(a + 1, key)) a++;
      else {
        // Not `lastAtMost`, which reads the disk table's column through its getter at each step:
        // 285 keys cost 5 ms of CPU in a new process, which runs this in V8's interpreter.
        const start = articleOfKeyNear(articles, key);
        if (start < 0) {
          owners[i] = -1;
          continue;
        }
        a = start;
      }
    }
    owners[i] = a;
  }
  return owners;
}

const orders = new WeakMap<IndexedArticles, Uint32Array>();

/** Article positions in corpus order. */
function corpusOrder(articles: IndexedArticles): Uint32Array {
  let order = orders.get(articles);
  if (!order) {
    order = new Uint32Array(articles.length);
    for (let a = 0; a < articles.length; a++) order[articles.ords[a]!] = a;
    orders.set(articles, order);
  }
  return order;
}

/**
 * A query answered by an article's title alone would match every sentence of it; such an
 * article is shown once, by its first sentence. Sentences that matched in their own text stand
 * for their article otherwise.
 */
function representTitleOnly(found: Matches, owners: Int32Array): void {
  const keepers = new Uint8Array(found.length);
  let i = 0;
  while (i < found.length) {
    const article = owners[i]!;
    let end = i;
    let anyText = false;
    while (end < found.length && owners[end] === article) {
      if (found.inText[end]) anyText = true;
      end++;
    }
    if (anyText) {
      for (let k = i; k < end; k++) if (found.inText[k]) keepers[k] = 1;
    } else keepers[i] = 1;
    i = end;
  }
  keepMatches(found, (_key, k) => keepers[k] === 1);
}

/** The `limit` best entries (their indexes), ties in corpus order. */
function best(
  found: Matches,
  owners: Int32Array,
  articles: IndexedArticles,
  limit: number,
): number[] {
  const { scores, keys } = found;
  // Entries arrive in key order; corpus order decides ties (the same order on a fresh index).
  // The articles' places in it are read only for a tie, and not at all when it is their own
  // order: a typo query's one hit read the whole column (400 KB at 100,000 articles) for none.
  const before = (x: number, y: number) => {
    if (scores[x] !== scores[y]) return scores[x]! > scores[y]!;
    const ox = articles.ordered ? owners[x]! : articles.ords[owners[x]!]!;
    const oy = articles.ordered ? owners[y]! : articles.ords[owners[y]!]!;
    return ox !== oy ? ox < oy : keys[x]! < keys[y]!;
  };
  const top: number[] = [];
  for (let i = 0; i < found.length; i++) {
    if (top.length === limit && !before(i, top[top.length - 1]!)) continue;
    let at = top.length;
    while (at > 0 && before(i, top[at - 1]!)) at--;
    top.splice(at, 0, i);
    if (top.length > limit) top.pop();
  }
  return top;
}

/** The best-scoring spellings of a word term, or null when it has none. */
function bestSpellings(term: WordTerm): { words: string[]; score: number } | null {
  let score = 0;
  let words: string[] = [];
  for (const [word, own] of term.scores) {
    if (own > score) {
      score = own;
      words = [word];
    } else if (own === score && score > 0) words.push(word);
  }
  return words.length > 0 ? { words, score } : null;
}

/** The best a note or attribute value scores for the term. */
function noteScore(term: WordTerm, facts: ContextFacts): number {
  let best = 0;
  for (const word of facts.notes.byWord.keys()) {
    best = Math.max(best, wordScore(term, word) * NOTE_WEIGHT);
  }
  return best;
}
