import type { ArticleListing, CorpusIndex } from './corpus-index.js';
import type { Article, Sentence } from './types.js';

/**
 * The bodies (text, sentences, hash) most recently asked for. A review moves through a few
 * articles at a time; the list of 100,000 holds their summaries only.
 */
class Bodies {
  private readonly held = new Map<string, Article>();
  /** The hash of every body read, by article: which of them another margin changed since. */
  readonly read = new Map<string, string>();

  constructor(
    private readonly index: CorpusIndex,
    private readonly keep: number,
  ) {}

  of(id: string): Article | undefined {
    const found = this.held.get(id);
    if (found) {
      // Most recently used last: the oldest is the first to go.
      this.held.delete(id);
      this.held.set(id, found);
      return found;
    }
    const read = this.index.article(id);
    if (!read) return undefined;
    this.read.set(id, read.hash);
    this.held.set(id, read);
    if (this.held.size > this.keep) this.held.delete(this.held.keys().next().value as string);
    return read;
  }

  /** Another margin wrote the article again (or removed it): its body is read anew when asked. */
  forget(id: string): void {
    this.held.delete(id);
    this.read.delete(id);
  }
}

/** An article whose metadata is at hand and whose body is read from the index when asked for. */
class LazyArticle implements Article {
  readonly id: string;
  readonly path: string;
  readonly title: string | null;
  readonly date: string | null;
  readonly byline: string | null;
  readonly source: string | null;
  readonly warnings: string[];

  constructor(
    summary: ArticleListing,
    readonly bodies: Bodies,
  ) {
    this.id = summary.id;
    this.path = summary.path;
    this.title = summary.title;
    this.date = summary.date;
    this.byline = summary.byline;
    this.source = summary.source;
    this.warnings = summary.warnings;
  }

  // An article gone from the index since the list was read reads as empty, never as a crash.
  get text(): string {
    return this.bodies.of(this.id)?.text ?? '';
  }

  get sentences(): Sentence[] {
    return this.bodies.of(this.id)?.sentences ?? [];
  }

  get hash(): string {
    return this.bodies.of(this.id)?.hash ?? '';
  }
}

/**
 * Articles over summaries already read, sharing one memory of the last `keep` bodies: what a
 * list read a step at a time is made of. The index must stay open while they are used.
 */
export function lazyArticleMaker(
  index: CorpusIndex,
  keep = 64,
): (summary: ArticleListing) => Article {
  const bodies = new Bodies(index, keep);
  return (summary) => new LazyArticle(summary, bodies);
}

/**
 * Every article of the index in corpus order, each holding only its summary until its text or
 * sentences are read; the last `keep` bodies read stay in memory. The index must stay open while
 * the articles are used.
 */
export function* lazyArticles(index: CorpusIndex, keep = 64): Generator<Article, void, undefined> {
  const bodies = new Bodies(index, keep);
  // One page: the index reads a long page in one scan, many times faster than page by page.
  for (const summary of index.summaries(0, index.size())) yield new LazyArticle(summary, bodies);
}

/**
 * Articles of `summaries` for a list that holds `articles` (sharing their memory of bodies), each
 * one's body read anew from the index when asked: what another margin wrote since the list was
 * read, handed over without reading the whole list again.
 */
export function madeAlike(
  articles: readonly Article[],
  index: CorpusIndex,
  summaries: readonly ArticleListing[],
  forgotten: Iterable<string>,
): Article[] {
  const first = articles[0];
  const bodies = first instanceof LazyArticle ? first.bodies : new Bodies(index, 64);
  for (const id of forgotten) bodies.forget(id);
  return summaries.map((summary) => new LazyArticle(summary, bodies));
}

/**
 * The hash of each body the articles of one list read from the index (they share one memory of
 * bodies), by article id: empty for articles that are not lazy, or read no body.
 */
export function bodiesRead(articles: readonly Article[]): ReadonlyMap<string, string> {
  const first = articles[0];
  return first instanceof LazyArticle ? first.bodies.read : new Map();
}
