import type { Article } from '../corpus/types.js';
import type { PlacedAnnotation, ReviewStatus } from '../store/types.js';
import { CandidateFinder } from './candidates.js';
import { type ContextFacts, FactsCache } from './context-facts.js';
import { compileFilters, type SentenceFilter } from './filters.js';
import { words } from './fold.js';
import { highlight } from './highlight.js';
import { parseQuery } from './query.js';
import { buildSentenceIndex, type SentenceIndex } from './sentence-index.js';
import { TermScores } from './term-scores.js';
import { type Probe, type TermSource, termSource } from './term-source.js';
import { type CompiledQuery, compile, findPhrase, type PhraseTerm } from './terms.js';
import type { SearchHit } from './types.js';

export interface SearchContext {
  annotations: PlacedAnnotation[];
  /** `status:` asks this without an annotator: the status as the current annotator sees it. */
  status: (article: string, annotator?: string) => ReviewStatus;
  annotators: string[];
}

export interface SearchOptions {
  /** At most this many hits, best first (default 50). */
  limit?: number;
}

export interface SearchEngine {
  search(query: string, context: SearchContext, options?: SearchOptions): SearchHit[];
}

export const DEFAULT_LIMIT = 50;

export class Engine implements SearchEngine {
  readonly index: SentenceIndex;
  private readonly finder: CandidateFinder;
  private readonly facts: FactsCache;
  private readonly articleNumbers = new Map<string, number>();
  private readonly sentenceNumbers: Array<Map<string, number> | undefined> = [];
  private readonly titleWords: Array<string[] | undefined> = [];
  private readonly averageLength: number;
  private readonly marks: TermScores;
  // Per sentence, the query's summed score so far and whether any term matched its own text.
  private readonly total: Float32Array;
  private readonly textHit: Uint8Array;
  private readonly probed: Probe = { score: 0, inText: false };

  constructor(articles: Article[]) {
    this.index = buildSentenceIndex(articles);
    this.finder = new CandidateFinder(this.index);
    articles.forEach((article, a) => {
      this.articleNumbers.set(article.id, a);
    });
    this.facts = new FactsCache((article, sentence) => this.sentenceNumber(article, sentence));
    const count = this.index.sentenceCount;
    this.averageLength = count === 0 ? 1 : Math.max(1, this.index.sequence.length / count);
    this.marks = new TermScores(count);
    this.total = new Float32Array(count);
    this.textHit = new Uint8Array(count);
  }

  search(query: string, context: SearchContext, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const parsed = parseQuery(query);
    if (parsed.problems.length > 0 || limit <= 0) return [];
    const compiled = compile(parsed, this.index, this.finder);
    const facts = this.facts.get(context.annotations);
    const filter = compileFilters(parsed.filters, {
      index: this.index,
      facts,
      status: (article) => context.status(article),
    });
    if (compiled.terms.length === 0 && !filter && compiled.excluded.length === 0) return [];

    let sentences: ArrayLike<number>;
    if (compiled.terms.length === 0) {
      sentences = this.everySentence(filter, facts);
      for (let i = 0; i < sentences.length; i++) this.total[sentences[i]!] = 1;
    } else {
      sentences = this.matchTerms(compiled, facts);
      if (filter) sentences = keep(sentences, filter.test);
      for (let i = 0; i < sentences.length; i++)
        this.total[sentences[i]!]! /= compiled.terms.length;
    }
    if (compiled.excluded.length > 0) {
      sentences = keep(sentences, (sentence) => !this.excluded(sentence, compiled.excluded));
    }
    if (compiled.terms.length > 0) sentences = this.representTitleOnly(sentences);
    return this.best(sentences, limit).map((sentence) => this.hit(sentence, compiled, facts));
  }

  private sentenceNumber(article: string, sentence: string): number | undefined {
    const a = this.articleNumbers.get(article);
    if (a === undefined) return undefined;
    let numbers = this.sentenceNumbers[a];
    if (!numbers) {
      numbers = new Map();
      const start = this.index.articleStart[a]!;
      const own = numbers;
      this.index.articles[a]!.sentences.forEach((s, i) => {
        own.set(s.id, start + i);
      });
      this.sentenceNumbers[a] = numbers;
    }
    return numbers.get(sentence);
  }

  private titleOf(article: number): string[] {
    let list = this.titleWords[article];
    if (!list) {
      list = words(this.index.articles[article]!.title ?? '');
      this.titleWords[article] = list;
    }
    return list;
  }

  /** Candidates for a query of filters only: the annotated sentences when the filter needs them. */
  private everySentence(filter: SentenceFilter | null, facts: ContextFacts): ArrayLike<number> {
    if (filter?.needsAnnotation) {
      const annotated = Uint32Array.from(facts.labels.keys()).sort();
      return keep(annotated, filter.test);
    }
    const all = new Uint32Array(this.index.sentenceCount);
    for (let s = 0; s < all.length; s++) all[s] = s;
    return filter ? keep(all, filter.test) : all;
  }

  /**
   * Intersects the terms, cheapest first. The first term walks its posting lists; later ones
   * either walk theirs or, when few sentences are left, look inside just those sentences.
   */
  private matchTerms(compiled: CompiledQuery, facts: ContextFacts): ArrayLike<number> {
    const sources = compiled.terms.map((term) =>
      termSource(term, this.index, facts, (article) => this.titleOf(article)),
    );
    sources.sort((x, y) => x.cost - y.cost);
    let current: Uint32Array | null = null;
    for (const source of sources) {
      if (current && current.length * this.averageLength < source.cost) {
        current = this.probe(current, source);
      } else {
        current = this.scan(current, source);
      }
      if (current.length === 0) break;
    }
    return current ?? new Uint32Array(0);
  }

  private scan(current: Uint32Array | null, source: TermSource): Uint32Array {
    const { marks, total, textHit } = this;
    marks.begin();
    source.scan(marks);
    if (!current) {
      const first = marks.sorted();
      for (const sentence of first) {
        total[sentence] = marks.score[sentence]!;
        textHit[sentence] = marks.inText[sentence]!;
      }
      return first;
    }
    const next = keep(current, (sentence) => marks.has(sentence));
    for (const sentence of next) {
      total[sentence]! += marks.score[sentence]!;
      textHit[sentence]! |= marks.inText[sentence]!;
    }
    return next;
  }

  private probe(current: Uint32Array, source: TermSource): Uint32Array {
    const { total, textHit, probed } = this;
    return keep(current, (sentence) => {
      source.probe(sentence, probed);
      if (probed.score <= 0) return false;
      total[sentence]! += probed.score;
      if (probed.inText) textHit[sentence] = 1;
      return true;
    });
  }

  private excluded(sentence: number, excluded: PhraseTerm[]): boolean {
    const { index } = this;
    const from = index.sequenceStart[sentence]!;
    const to = index.sequenceStart[sentence + 1]!;
    return excluded.some((phrase) => findPhrase(phrase, index.sequence, from, to) > 0);
  }

  /**
   * A query answered by an article's title alone would match every sentence of it; such an
   * article is shown once, by its first sentence. Sentences that matched in their own text stand
   * for their article otherwise.
   */
  private representTitleOnly(sentences: ArrayLike<number>): Uint32Array {
    const { index, textHit } = this;
    const out: number[] = [];
    let i = 0;
    while (i < sentences.length) {
      const article = index.articleOf[sentences[i]!]!;
      let end = i;
      let anyText = false;
      while (end < sentences.length && index.articleOf[sentences[end]!] === article) {
        if (textHit[sentences[end]!]) anyText = true;
        end++;
      }
      if (anyText) {
        for (let k = i; k < end; k++) if (textHit[sentences[k]!]) out.push(sentences[k]!);
      } else {
        out.push(sentences[i]!);
      }
      i = end;
    }
    return Uint32Array.from(out);
  }

  /** The `limit` best sentences, ties in corpus order (the candidates arrive in that order). */
  private best(sentences: ArrayLike<number>, limit: number): number[] {
    const { total } = this;
    const top: number[] = [];
    for (let i = 0; i < sentences.length; i++) {
      const sentence = sentences[i]!;
      const score = total[sentence]!;
      if (top.length === limit && score <= total[top[top.length - 1]!]!) continue;
      let at = top.length;
      while (at > 0 && total[top[at - 1]!]! < score) at--;
      top.splice(at, 0, sentence);
      if (top.length > limit) top.pop();
    }
    return top;
  }

  private hit(sentence: number, compiled: CompiledQuery, facts: ContextFacts): SearchHit {
    const { index } = this;
    const a = index.articleOf[sentence]!;
    const article = index.articles[a]!;
    const own = article.sentences[sentence - index.articleStart[a]!]!;
    return {
      article: article.id,
      sentence: own.id,
      score: Math.min(1, Math.max(0, this.total[sentence]!)),
      text: own.text,
      labels: facts.labels.get(sentence) ?? [],
      matches: highlight(own.text, compiled.terms, index),
    };
  }
}

function keep(sentences: ArrayLike<number>, test: (sentence: number) => boolean): Uint32Array {
  const out = new Uint32Array(sentences.length);
  let length = 0;
  for (let i = 0; i < sentences.length; i++) {
    if (test(sentences[i]!)) out[length++] = sentences[i]!;
  }
  return out.subarray(0, length);
}
