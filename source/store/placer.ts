import { type CorpusIndex, memoryCorpusIndex } from '../corpus/corpus-index.js';
import type { Article } from '../corpus/types.js';
import { type CodePoints, codePoints } from '../text/code-points.js';
import { type Placement, placeAnchor } from './anchor.js';
import type { StoredAnnotation } from './schema.js';
import type { Storage } from './storage.js';
import type { KeptPlacement, Placements } from './store-index.js';
import type { AnnotatedArticle, PlacedAnnotation, ReviewStatus } from './types.js';

/** Articles whose placed annotations are kept between calls: the review's neighbourhood. */
const PLACED_CACHE = 64;
/** Placements written to the index per transaction. */
export const SAVE_BATCH = 512;
/** Files of one annotator read at a time by `annotatedBy`: a few MB of documents. */
const OWN_PAGE = 1024;
/** The text key of an article the corpus does not hold: every annotation of it is an orphan. */
const GONE = 'gone';
/** The derived value that says `confirmKept` walked the files of a generation (its `made_at`). */
const CONFIRMED = 'confirmed';
/** Files compared and confirmed in one transaction by `confirmKept`. */
const CONFIRM_PAGE = 4096;

/** One article's annotations as placed at a given index version, on a given article text. */
export interface Placed {
  version: number;
  article: Article | undefined;
  annotations: PlacedAnnotation[];
  /** Each annotator's status of the article, from the same read (unreviewed when absent). */
  statuses: Map<string, ReviewStatus>;
  /** Each annotator's file: its document's fingerprint and the text key it is placed on. */
  sources: Map<string, { fingerprint: string | null; placedOn: string | null }>;
}

/** A placed article as `annotated` gives it. */
export function annotatedOf(
  id: string,
  { article, annotations, statuses }: Placed,
): AnnotatedArticle {
  return {
    id,
    article: article ?? null,
    annotations,
    status: (annotator) => statuses.get(annotator) ?? 'unreviewed',
  };
}

/**
 * Places stored annotations on the corpus's current text, and keeps the placements in the
 * store's index so that the next command need not place them again: what the repository reads
 * goes through here. It knows which articles a write gave with a text of their own (`seen`),
 * which it found to be the corpus's (`known`), and the placed articles of the review's
 * neighbourhood.
 */
export class AnnotationPlacer {
  /** Null until the repository is opened on a corpus: annotations are then placed where they were made. */
  corpus: CorpusIndex | null = null;
  /** The corpus generation `confirmKept` last ran for. */
  private confirmedIn: string | null = null;
  /** Articles given to `tag` and friends whose text differs from the corpus's (or with no corpus). */
  private readonly seen = new Map<string, Article>();
  /**
   * Articles found to be the corpus's (same text and sentences), with the text key they were
   * compared at: while the key holds, a write given the same object again, or a placement that
   * needs the text, takes it instead of reading the article from the corpus again (each read of a
   * 4.7 MB article took 180 ms, and a new object's map of its sentences as long again).
   */
  private readonly known = new Map<string, { article: Article; key: string }>();
  private readonly placedCache = new Map<string, Placed>();
  /** Placements computed (or confirmed: without `placed`) and not yet written to the index. */
  private readonly unsaved: Array<{
    path: string;
    fingerprint?: string | null;
    key: string;
    generation: string | null;
    placed?: Placements;
  }> = [];

  constructor(private readonly storage: Storage) {}

  /** Places on `corpus` from now on (an array: a corpus in memory). */
  placeOn(corpus: CorpusIndex | readonly Article[]): void {
    this.corpus = isCorpusIndex(corpus) ? corpus : memoryCorpusIndex('', corpus);
    this.placedCache.clear();
    this.known.clear();
  }

  /** Drops what was placed of `article`: its files or its text changed. */
  forget(article: string): void {
    this.placedCache.delete(article);
  }

  /** Whether a write gave `article` with a text that is not the corpus's. */
  hasOwnText(article: string): boolean {
    return this.seen.has(article);
  }

  /** The articles a write gave with a text of their own. */
  ownTexts(): Iterable<string> {
    return this.seen.keys();
  }

  /** Whether any article was: nothing kept in the index can then be trusted wholesale. */
  anyOwnText(): boolean {
    return this.seen.size > 0;
  }

  /**
   * The article a write of this annotator was given: placements are computed on it from now on,
   * unless it is the corpus's own (same text, same sentences).
   */
  writing(article: Article): void {
    const current = this.currentArticle(article.id);
    if (current === article) return;
    // Placements were computed against the text this article had before.
    this.placedCache.delete(article.id);
    const inCorpus = this.seen.has(article.id) ? this.corpus?.article(article.id) : current;
    if (inCorpus && inCorpus.hash === article.hash && sameSentences(inCorpus, article)) {
      this.seen.delete(article.id);
      this.remember(article.id, article, this.textKey(article.id));
    } else this.seen.set(article.id, article);
  }

  /** Runs `read` on one state of the corpus index when it offers that (one lock for many reads). */
  corpusReads<T>(read: () => T): T {
    return this.corpus?.consistent ? this.corpus.consistent(read) : read();
  }

  /** The article annotations are placed on: as last given to a write, else the corpus's. */
  articleOf(id: string): Article | undefined {
    return this.seen.get(id) ?? this.corpus?.article(id);
  }

  /**
   * `articleOf` for one article asked for again and again (the review's, after each write): the
   * object last found to be the corpus's while its text key holds, else read and remembered.
   */
  currentArticle(id: string, key: () => string | null = this.textKeyOnce(id)): Article | undefined {
    const seen = this.seen.get(id);
    if (seen) return seen;
    const known = this.known.get(id);
    if (known && known.key === key()) return known.article;
    const article = this.corpus?.article(id);
    if (article) this.remember(id, article, key());
    return article;
  }

  private remember(id: string, article: Article, key: string | null): void {
    this.known.delete(id);
    if (key === null || key === GONE) return;
    this.known.set(id, { article, key });
    if (this.known.size > PLACED_CACHE) this.known.delete(this.known.keys().next().value as string);
  }

  /**
   * What the article's placements kept in the index are valid for: the article as the corpus has
   * it now, its content key (its text, sentences and exported fields, `corpus/content-key.ts`;
   * not the cleaner's version, so an upgrade that leaves the article as it was keeps them). Null
   * when nothing kept can be trusted (no disk corpus, or a text given to a write that differs
   * from it); `GONE` when the corpus has no such article.
   */
  textKey(id: string): string | null {
    const contentKeyOf = this.corpus?.contentKeyOf;
    if (!contentKeyOf || this.seen.has(id)) return null;
    return contentKeyOf.call(this.corpus, id) ?? GONE;
  }

  /** `textKey` asked of the corpus once, when first needed: most kept placements never need it. */
  textKeyOnce(id: string): () => string | null {
    let key: string | null | undefined;
    return () => {
      if (key === undefined) key = this.textKey(id);
      return key;
    };
  }

  /**
   * The corpus's generation (`CorpusIndex.generation`), null when it has none. A generation not
   * seen before first confirms what was kept of every article still as it was (`confirmKept`).
   */
  generation(): string | null {
    const generation = this.corpus?.generation?.() || null;
    if (generation !== null && generation !== this.confirmedIn) {
      this.confirmedIn = generation;
      this.confirmKept(generation);
    }
    return generation;
  }

  /**
   * Confirms in `generation` the kept placements of every file whose article's content key is
   * still the one they were placed on, a page of files at a time. Any refresh of the corpus (a
   * file added, a cleaner upgrade that rebuilt it) starts a generation, and until each file was
   * confirmed in it, its kept renderings were not trusted: the next export of every format
   * rendered every file again (at 100,000 articles 20-80 s instead of 3-7). Only an index that
   * cannot be written now (another process holds it) leaves the files to be confirmed one by one
   * as they are read, as before.
   */
  private confirmKept(generation: string): void {
    const corpus = this.corpus;
    const { index } = this.storage;
    if (!corpus?.contentKeys) return;
    try {
      if (!index.anyUnconfirmed(generation)) return;
      // What this walk leaves unconfirmed (a file placed on another text of its article, or on
      // a key an older margin made otherwise) stays so in this generation: it is placed again
      // when read. Walked once per generation, not by every command: over the bench's store after
      // the content key changed, 211,236 such rows cost each command about a second of CPU.
      if (index.derivedValue(CONFIRMED, generation) !== null) return;
      let after: readonly [string, string] = ['', ''];
      for (;;) {
        const page = index.unconfirmed(generation, after, CONFIRM_PAGE);
        if (page.length === 0) break;
        const last = page.at(-1)!;
        after = [last[1], last[2]];
        const keys = corpus.contentKeys([...new Set(page.map((row) => row[1]))]);
        index.batch(() => {
          for (const [path, article, , placedOn] of page) {
            if (!this.seen.has(article) && keys.get(article) === placedOn) {
              index.confirmPlacements(path, placedOn, generation);
            }
          }
        });
      }
      index.keepDerived(CONFIRMED, generation, '');
    } catch {
      // A cache that cannot be written (another process holds it too long) is only slower.
    }
  }

  /**
   * Whether a file's kept placements hold for the article's current text: without asking the
   * corpus when they were confirmed in its current generation, else by the text's hash (and
   * then confirmed in this generation, so the next open need not ask).
   */
  keptHolds(
    id: string,
    row: { path: string; placedOn: string | null; placedIn: string | null },
    generation: string | null,
    key: () => string | null,
  ): boolean {
    if (row.placedOn === null || this.seen.has(id)) return false;
    if (generation !== null && row.placedIn === generation) return true;
    if (row.placedOn !== key()) return false;
    if (generation !== null) this.unsaved.push({ path: row.path, key: row.placedOn, generation });
    if (this.unsaved.length >= SAVE_BATCH) this.save();
    return true;
  }

  /**
   * One annotator's annotations over the whole store, article by article in id order, as the
   * review opens on them: that annotator's files a page at a time, and an article's text read
   * only where the kept placements no longer hold for it. At 300,000 annotations, reading every
   * annotated text took half a minute, and holding every document at once 600 MB.
   */
  *annotatedBy(annotator: string): Iterable<{ article: string; annotations: PlacedAnnotation[] }> {
    const generation = this.generation();
    for (let after = ''; ; ) {
      const rows = this.storage.index.placedRowsBy(annotator, after, OWN_PAGE);
      if (rows.length === 0) break;
      after = rows.at(-1)!.doc.article;
      const page: Array<{ article: string; annotations: PlacedAnnotation[] }> = [];
      for (const row of rows) {
        const { doc } = row;
        const kept =
          row.placed?.length === doc.annotations.length &&
          this.keptHolds(doc.article, row, generation, this.textKeyOnce(doc.article))
            ? row.placed
            : null;
        const annotations: PlacedAnnotation[] = [];
        if (kept) {
          for (const [at, stored] of doc.annotations.entries()) {
            const place = kept[at];
            const placement = place ? keptPlacement(place, stored.anchor.quote, false) : null;
            annotations.push(placedFrom(stored, doc, placement));
          }
          annotations.sort(compareListed);
        } else {
          for (const annotation of this.placedWith(doc.article, generation).annotations) {
            if (annotation.annotator === annotator) annotations.push(annotation);
          }
        }
        if (annotations.length > 0) page.push({ article: doc.article, annotations });
      }
      this.save();
      yield* page;
    }
  }

  /** Every annotator's annotations of one article, placed on its current text. */
  placedOf(id: string): PlacedAnnotation[] {
    return this.placedWith(id).annotations;
  }

  /**
   * The same with the article they are placed on (undefined: gone from the corpus). With
   * `lazy`, an article whose placements are all kept is that stand-in (its text read only when
   * asked for), and each placement carries its kept span.
   */
  placedWith(id: string, generation = this.generation(), lazy?: () => Article | undefined): Placed {
    const { index } = this.storage;
    const keyOf = this.textKeyOnce(id);
    const cached = this.placedCache.get(id);
    if (cached && cached.version === index.version) {
      const article = lazy ? this.articleOf(id) : this.currentArticle(id, keyOf);
      if (sameText(cached.article, article)) {
        // Most recently used last: the oldest is the first to go.
        this.placedCache.delete(id);
        this.placedCache.set(id, cached);
        return cached;
      }
    }
    let article: Article | undefined;
    let articleRead = false;
    let points: CodePoints | null = null;
    const annotations: PlacedAnnotation[] = [];
    const statuses = new Map<string, ReviewStatus>();
    const sources: Placed['sources'] = new Map();
    for (const row of index.placedRowsOf(id)) {
      const { doc } = row;
      statuses.set(doc.annotator, row.status);
      const kept =
        row.placed?.length === doc.annotations.length &&
        row.placed.every(withSpan) &&
        this.keptHolds(id, row, generation, keyOf)
          ? row.placed
          : null;
      if (!kept && !articleRead) {
        article = lazy ? this.articleOf(id) : this.currentArticle(id, keyOf);
        articleRead = true;
        points = null;
      }
      const placed: Placements = [];
      for (const [at, stored] of doc.annotations.entries()) {
        let placement: Placement | null;
        if (kept) {
          const place = kept[at];
          placement = place ? keptPlacement(place, stored.anchor.quote, lazy !== undefined) : null;
        } else if (article) placement = placeAnchor(stored.anchor, article);
        else if (this.corpus === null) {
          // No corpus given: trust the offsets the annotation was made with.
          const { sentence, start, end } = stored.anchor;
          placement = { sentence, start, end };
        } else placement = null;
        if (!kept) {
          if (placement && article) {
            points ??= codePoints(article.text);
            const text = article.text.slice(placement.start, placement.end);
            const place: KeptPlacement = [
              placement.sentence,
              placement.start,
              placement.end,
              points.toCodePoint(placement.start),
              points.toCodePoint(placement.end),
            ];
            if (text !== stored.anchor.quote) place.push(text);
            placed.push(place);
          } else placed.push(placement && [placement.sentence, placement.start, placement.end]);
        }
        annotations.push(placedFrom(stored, doc, placement));
      }
      const on = kept ? null : keyOf();
      sources.set(doc.annotator, {
        fingerprint: row.fingerprint,
        placedOn: kept ? row.placedOn : on,
      });
      if (on !== null) {
        this.unsaved.push({
          path: row.path,
          fingerprint: row.fingerprint,
          key: on,
          generation,
          placed,
        });
        if (this.unsaved.length >= SAVE_BATCH) this.save();
      }
    }
    annotations.sort(compareListed);
    if (!articleRead) article = lazy ? lazy() : this.currentArticle(id, keyOf);
    const placed = { version: index.version, article, annotations, statuses, sources };
    this.placedCache.delete(id);
    this.placedCache.set(id, placed);
    if (this.placedCache.size > PLACED_CACHE) {
      this.placedCache.delete(this.placedCache.keys().next().value as string);
    }
    return placed;
  }

  save(): void {
    if (this.unsaved.length === 0) return;
    const rows = this.unsaved.splice(0);
    const { index } = this.storage;
    try {
      index.batch(() => {
        for (const row of rows) {
          if (row.placed) {
            const { path, fingerprint, key, generation, placed } = row;
            index.savePlacements(path, fingerprint ?? null, key, generation, placed);
          } else if (row.generation !== null) {
            index.confirmPlacements(row.path, row.key, row.generation);
          }
        }
      });
    } catch {
      // A cache that cannot be written (another process holds it too long) is only slower.
    }
  }
}

/**
 * A stored annotation as placed. The document was parsed for this call alone: its objects become
 * the annotations, with no copy (a store of 300,000 annotations is read through here in every
 * export).
 */
export function placedFrom(
  stored: StoredAnnotation,
  doc: { article: string; annotator: string },
  placement: Placement | null,
): PlacedAnnotation {
  const annotation = stored as PlacedAnnotation;
  annotation.article = doc.article;
  annotation.annotator = doc.annotator;
  annotation.placement = placement;
  return annotation;
}

export function keptPlacement(place: KeptPlacement, quote: string, span: boolean): Placement {
  const [sentence, start, end, pointStart, pointEnd, text] = place;
  if (!span) return { sentence, start, end };
  return {
    sentence,
    start,
    end,
    span: { start: pointStart ?? start, end: pointEnd ?? end, text: text ?? quote },
  };
}

/** A kept placement written by this margin: with code points (an older one is placed again). */
function withSpan(place: KeptPlacement | null): boolean {
  return place === null || place.length >= 5;
}

/** The same text split the same way: a corpus read from disk gives a new object each time. */
export function sameText(a: Article | undefined, b: Article | undefined): boolean {
  return (
    a === b || (a !== undefined && b !== undefined && a.hash === b.hash && sameSentences(a, b))
  );
}

function sameSentences(a: Article, b: Article): boolean {
  return (
    a.sentences.length === b.sentences.length &&
    a.sentences.every((sentence, at) => sentence.id === b.sentences[at]?.id)
  );
}

function isCorpusIndex(corpus: CorpusIndex | readonly Article[]): corpus is CorpusIndex {
  return !Array.isArray(corpus);
}

/** The order of `list()`: by article id, place in the text (orphans last), label, annotator, id. */
export function compareListed(a: PlacedAnnotation, b: PlacedAnnotation): number {
  return (
    compareCodeUnits(a.article, b.article) ||
    (a.placement?.start ?? Number.POSITIVE_INFINITY) -
      (b.placement?.start ?? Number.POSITIVE_INFINITY) ||
    a.anchor.start - b.anchor.start ||
    compareCodeUnits(a.label, b.label) ||
    compareCodeUnits(a.annotator, b.annotator) ||
    compareCodeUnits(a.id, b.id)
  );
}

/** Ids in UTF-16 code unit order, as JavaScript sorts them (the index orders by UTF-8 bytes). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
