import { articleOfKey, type IndexedArticles, type WordIndex } from '../corpus/word-index.js';
import type { Label } from '../store/types.js';
import type { AnnotationFacts } from './annotation-facts.js';
import { CandidateFinder, EXACT } from './candidates.js';
import { type ContextFacts, FactsCache } from './context-facts.js';
import { compileFilters } from './filters.js';
import { highlight } from './highlight.js';
import { emptyMatches, intersect, keepMatches, type Matches } from './matches.js';
import { parseQuery } from './query.js';
import { firstCommonKeys } from './runs.js';
import { intersectAll, type Probe, type TermSource, termSource } from './term-source.js';
import { type CompiledQuery, compile, findPhrase, type PhraseTerm } from './terms.js';
import type { SearchHit } from './types.js';

export interface SearchOptions {
  /** At most this many hits, best first (default 50). */
  limit?: number;
  /** The label names `label:` accepts: the project's (default: margin's own). */
  labels?: readonly string[];
}

export interface SearchEngine {
  search(query: string, facts: AnnotationFacts, options?: SearchOptions): SearchHit[];
}

export const DEFAULT_LIMIT = 50;

/** A word is about this many characters in the average sentence: what probing one costs. */
const AVERAGE_SENTENCE_WORDS = 20;

/**
 * Search over a word index: the in-memory one for tests and small inputs, the on-disk one of
 * the corpus index for archives of a million articles. Sentences are handled as sorted key lists,
 * never as arrays the size of the corpus, so memory follows what a query matches.
 */
export class Engine implements SearchEngine {
  private readonly finder: CandidateFinder;
  private readonly facts: FactsCache;
  private readonly probed: Probe = { score: 0, inText: false };

  constructor(readonly index: WordIndex) {
    this.finder = new CandidateFinder(index);
    this.facts = new FactsCache((article, sentence) => index.locate(article, sentence));
  }

  search(query: string, context: AnnotationFacts, options: SearchOptions = {}): SearchHit[] {
    return this.index.consistent(() => this.answer(query, context, options));
  }

  private answer(query: string, context: AnnotationFacts, options: SearchOptions): SearchHit[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const parsed = parseQuery(query, options.labels);
    if (parsed.problems.length > 0 || limit <= 0) return [];
    const compiled = compile(parsed, this.index, this.finder);
    const facts = this.facts.get(context);
    const filter = compileFilters(parsed.filters, {
      index: this.index,
      facts,
      status: (article) => context.status(article),
    });
    if (compiled.terms.length === 0 && !filter && compiled.excluded.length === 0) return [];
    const articles = this.index.articleTable();
    if (!filter && compiled.excluded.length === 0 && compiled.terms.length > 0) {
      const exact = this.exactHits(compiled, articles, limit);
      if (exact) return exact.map((key) => this.hit(key, 1, compiled, facts, context));
    }

    let found: Matches;
    let owners: Int32Array;
    if (compiled.terms.length === 0) {
      if (!filter?.needsAnnotation) {
        const keys = this.firstInCorpusOrder(articles, limit, (key, a) => {
          if (filter && !filter.test(key, a)) return false;
          return !this.excluded(key, a, compiled.excluded);
        });
        return keys.map((key) => this.hit(key, 1, compiled, facts, context));
      }
      found = this.annotatedSentences(facts);
      owners = ownersOf(articles, found);
      keepMatches(found, (_key, i) => owners[i]! >= 0);
      owners = ownersOf(articles, found);
      for (let i = 0; i < found.length; i++) found.scores[i] = 1;
      const test = filter.test;
      keepMatches(found, (key, i) => test(key, owners[i]!));
    } else {
      found = this.matchTerms(compiled, facts, articles);
      owners = ownersOf(articles, found);
      if (filter) keepMatches(found, (key, i) => filter.test(key, owners[i]!));
      for (let i = 0; i < found.length; i++) found.scores[i]! /= compiled.terms.length;
    }
    if (compiled.excluded.length > 0) {
      owners = ownersOf(articles, found);
      keepMatches(found, (key, i) => !this.excluded(key, owners[i]!, compiled.excluded));
    }
    owners = ownersOf(articles, found);
    if (compiled.terms.length > 0) {
      representTitleOnly(found, owners);
      owners = ownersOf(articles, found);
    }
    return best(found, owners, articles, limit).map((i) =>
      this.hit(found.keys[i]!, found.scores[i]!, compiled, facts, context),
    );
  }

  /**
   * The first `limit` sentences (in corpus order) where every term matched exactly in the
   * sentence's own text, when there are that many: nothing scores higher, so they are the
   * answer, found without walking every near spelling and title of a common word. Null when
   * there are fewer: the full search decides then.
   */
  private exactHits(
    compiled: CompiledQuery,
    articles: IndexedArticles,
    limit: number,
  ): number[] | null {
    const lists: Uint32Array[] = [];
    const phrases: PhraseTerm[] = [];
    // In key order, which is corpus order then, the first hits come from the head of each list:
    // an index that reads lists a segment at a time stops reading once it has them.
    const streamed = articles.ordered && this.index.postingRuns !== undefined;
    const words: string[] = [];
    for (const term of compiled.terms) {
      const termWords = term.kind === 'word' ? [term.text] : term.words;
      words.push(...termWords);
      if (term.kind === 'word' && term.scores.get(term.text) !== EXACT) return null;
      if (term.kind === 'phrase') {
        if (!term.known) return null;
        phrases.push(term);
      }
      for (const word of termWords) {
        if (this.index.frequency(word) === undefined) return null;
        if (!streamed) lists.push(this.index.postings(word));
      }
    }
    if (streamed) {
      const keys = firstCommonKeys(
        words.map((word) => this.index.postingRuns!(word)),
        articles,
        limit,
        (key, a) => this.holdsPhrases(phrases, key, a, articles),
      );
      return keys.length === limit ? keys : null;
    }
    const candidates = intersectAll(lists);
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
      if (out.length === limit) return out;
    }
    return null;
  }

  private holdsPhrases(
    phrases: readonly PhraseTerm[],
    key: number,
    a: number,
    articles: IndexedArticles,
  ): boolean {
    if (phrases.length === 0) return true;
    const own = this.index.sentenceWords(a)[key - articles.firsts[a]!] ?? [];
    return phrases.every((phrase) => findPhrase(phrase, own) === EXACT);
  }

  /** The annotated sentences, for a query of filters that only annotated ones can pass. */
  private annotatedSentences(facts: ContextFacts): Matches {
    const keys = Uint32Array.from(facts.tags().labels.keys()).sort();
    return {
      length: keys.length,
      keys,
      scores: new Float32Array(keys.length),
      inText: new Uint8Array(keys.length),
    };
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
  ): Matches {
    const sources = compiled.terms.map((term) => termSource(term, this.index, facts));
    sources.sort((x, y) => x.cost - y.cost);
    let current: Matches | null = null;
    for (const source of sources) {
      if (current && current.length * AVERAGE_SENTENCE_WORDS < source.cost) {
        current = this.probe(current, source, articles);
      } else if (current) {
        current = intersect(current, source.scan());
      } else {
        current = source.scan();
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

  private excluded(key: number, a: number, excluded: PhraseTerm[]): boolean {
    if (excluded.length === 0) return false;
    const list = this.index.sentenceWords(a)[key - this.index.articleTable().firsts[a]!] ?? [];
    return excluded.some((phrase) => findPhrase(phrase, list) > 0);
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
        const start = articleStart(articles, key);
        if (!holds(start, key)) {
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

/** The last article whose first key is at most `key`. */
function articleStart(articles: IndexedArticles, key: number): number {
  let low = 0;
  let high = articles.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (articles.firsts[middle]! <= key) low = middle + 1;
    else high = middle;
  }
  return low - 1;
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
  const { ords } = articles;
  // Entries arrive in key order; corpus order decides ties (the same order on a fresh index).
  const before = (x: number, y: number) => {
    if (scores[x] !== scores[y]) return scores[x]! > scores[y]!;
    const ox = ords[owners[x]!]!;
    const oy = ords[owners[y]!]!;
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
