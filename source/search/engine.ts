import type { Article } from '../corpus/types.js';
import type { PlacedAnnotation, ReviewStatus } from '../store/types.js';
import { CandidateFinder } from './candidates.js';
import { type ContextFacts, FactsCache } from './context-facts.js';
import { buildCorpusIndex, type CorpusIndex } from './corpus-index.js';
import { compileFilters, type SentenceFilter } from './filters.js';
import { words } from './fold.js';
import { highlight } from './highlight.js';
import { Marks } from './marks.js';
import { parseQuery } from './query.js';
import {
  type CompiledQuery,
  compile,
  findPhrase,
  type PhraseTerm,
  phraseInWords,
  type Term,
  wordScore,
} from './terms.js';
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

/** A word found only in the article's title, or only in a note, counts for a little less. */
const TITLE_WEIGHT = 0.8;
const NOTE_WEIGHT = 0.9;

/** How one term matched one sentence; reused across calls, so probing allocates nothing. */
interface Probe {
  score: number;
  inText: boolean;
}

/** One term's matches: walked from its posting lists, or tested sentence by sentence. */
interface TermSource {
  /** Scan cost: how many sentences the term's own lists will visit. */
  cost: number;
  scan(marks: Marks): void;
  probe(sentence: number, out: Probe): void;
}

export class Engine implements SearchEngine {
  readonly index: CorpusIndex;
  private readonly finder: CandidateFinder;
  private readonly facts: FactsCache;
  private readonly articleNumbers = new Map<string, number>();
  private readonly sentenceNumbers: Array<Map<string, number> | undefined> = [];
  private readonly titleWords: Array<string[] | undefined> = [];
  private readonly averageLength: number;
  private readonly marks: Marks;
  // Per sentence, the query's summed score so far and whether any term matched its own text.
  private readonly total: Float32Array;
  private readonly textHit: Uint8Array;
  private readonly probed: Probe = { score: 0, inText: false };

  constructor(articles: Article[]) {
    this.index = buildCorpusIndex(articles);
    this.finder = new CandidateFinder(this.index);
    articles.forEach((article, a) => {
      this.articleNumbers.set(article.id, a);
    });
    this.facts = new FactsCache((article, sentence) => this.sentenceNumber(article, sentence));
    const count = this.index.sentenceCount;
    this.averageLength = count === 0 ? 1 : Math.max(1, this.index.sequence.length / count);
    this.marks = new Marks(count);
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
    const sources = compiled.terms.map((term) => this.source(term, facts));
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

  private source(term: Term, facts: ContextFacts): TermSource {
    const { index } = this;
    // Best score per article through its title, and per sentence through its notes.
    const titles = new Map<number, number>();
    const notes = new Map<number, number>();
    const better = (map: Map<number, number>, key: number, score: number) => {
      if (score > (map.get(key) ?? 0)) map.set(key, score);
    };
    const { entries, byWord } = facts.notes;
    let textCost = 0;
    let scanText: (marks: Marks) => void;
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
      const anchors = this.phraseAnchors(term);
      for (const word of anchors) {
        for (const article of index.titles.get(word) ?? []) {
          better(titles, article, phraseInWords(term, this.titleOf(article)) * TITLE_WEIGHT);
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
  private phraseAnchors(term: PhraseTerm): number[] {
    const { index } = this;
    if (term.ids.length === 0) {
      const [from, to] = term.last;
      return Array.from({ length: to - from }, (_, k) => from + k);
    }
    if (term.ids.some((id) => id === undefined)) return [];
    const ids = term.ids as number[];
    const size = (id: number) => index.postingStart[id + 1]! - index.postingStart[id]!;
    return [ids.reduce((rarest, id) => (size(id) < size(rarest) ? id : rarest))];
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

function keep(sentences: ArrayLike<number>, test: (sentence: number) => boolean): Uint32Array {
  const out = new Uint32Array(sentences.length);
  let length = 0;
  for (let i = 0; i < sentences.length; i++) {
    if (test(sentences[i]!)) out[length++] = sentences[i]!;
  }
  return out.subarray(0, length);
}
