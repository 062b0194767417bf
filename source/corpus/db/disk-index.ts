import { join } from 'node:path';
import { sentenceWords, words } from '../../text/fold.js';
import { ownCopy } from '../../text/own.js';
import type {
  ArticleListing,
  ArticleSentences,
  ArticleSummary,
  CorpusIndex,
} from '../corpus-index.js';
import type { Article, FileProblem, Sentence } from '../types.js';
import type { WordIndex } from '../word-index.js';
import { decodePostings, decodeRuns } from './postings.js';
import { type RefreshOptions, type RefreshSummary, refreshIndex } from './refresh.js';
import type { ScanScope } from './scan.js';
import type { Db } from './schema.js';
import { type ArticleTable, emptyTable, positionOf, readSnapshot } from './snapshot.js';
import { TITLE_MARK } from './writer.js';

interface ArticleRow {
  number: number;
  id: string;
  path: string;
  first: number;
  count: number;
  title: string | null;
  date: string | null;
  byline: string | null;
  source: string | null;
  opening: string;
  hash: string;
  warnings: string;
  sentence_ids: string;
  spans: Buffer;
  text: string;
}

/** Pages of summaries at least this long are read in one scan of the summary index. */
const BULK_SUMMARIES = 4_096;

type SummaryRow = Pick<
  ArticleRow,
  | 'number'
  | 'id'
  | 'path'
  | 'title'
  | 'date'
  | 'byline'
  | 'source'
  | 'count'
  | 'opening'
  | 'warnings'
>;

/** What reports write of every article, with its place in corpus order: no path, no text. */
export type ArticleHeadline = Pick<
  ArticleSummary,
  'ord' | 'id' | 'title' | 'date' | 'byline' | 'source'
>;

/** Each article's id and source with its place in corpus order: what a count by source needs. */
export type ArticleSource = Pick<ArticleSummary, 'ord' | 'id' | 'source'>;
export type ArticleOrd = Pick<ArticleSummary, 'ord' | 'id'>;

/** `sourceSteps` of an index on disk; null for one in memory (its summaries cost nothing to read). */
export function articleSourceSteps(corpus: CorpusIndex): Iterable<ArticleSource[]> | null {
  return corpus instanceof DiskCorpusIndex ? corpus.sourceSteps() : null;
}

/**
 * `headlinesOf` of an index on disk: the headlines of `ids`; null for one in memory (its
 * summaries cost nothing to read).
 */
export function headlinesOf(corpus: CorpusIndex, ids: readonly string[]): ArticleHeadline[] | null {
  return corpus instanceof DiskCorpusIndex ? corpus.headlinesOf(ids) : null;
}

/**
 * Each of a JSON list of ids with its text as a JSON string, as bytes (`quotedTexts`; a thread
 * reading ahead for an export runs it too). CROSS JOIN: the list drives the loop.
 */
export const QUOTED_TEXTS =
  'SELECT a.id, CAST(json_quote(a.text) AS BLOB) FROM json_each(?) AS j CROSS JOIN articles AS a ON a.id = j.value';

/** Each of a JSON list of ids with its `content` key (`contentKeys`); the list drives the loop. */
const CONTENT_KEYS =
  'SELECT a.id, a.content FROM json_each(?) AS j CROSS JOIN articles AS a ON a.id = j.value';

/** The file of an index on disk; null for one in memory. */
export function indexFileOf(corpus: CorpusIndex): string | null {
  return corpus instanceof DiskCorpusIndex ? corpus.file : null;
}

/** `ordsOf` of an index on disk: the place in corpus order of each of `ids`; null for one in memory. */
export function ordsOf(corpus: CorpusIndex, ids: readonly string[]): ArticleOrd[] | null {
  return corpus instanceof DiskCorpusIndex ? corpus.ordsOf(ids) : null;
}

/** `sourcesOf` of an index on disk: the source and place of each of `ids`; null for one in memory. */
export function sourcesOf(corpus: CorpusIndex, ids: readonly string[]): ArticleSource[] | null {
  return corpus instanceof DiskCorpusIndex ? corpus.sourcesOf(ids) : null;
}

/** `articlesPerSource` of an index on disk; null for one in memory. */
export function articlesPerSource(corpus: CorpusIndex): Map<string | null, number> | null {
  return corpus instanceof DiskCorpusIndex ? corpus.articlesPerSource() : null;
}

/** `headSteps` of an index on disk; null for one in memory (its summaries cost nothing to read). */
export function headlineSteps(corpus: CorpusIndex): Iterable<ArticleHeadline[]> | null {
  return corpus instanceof DiskCorpusIndex ? corpus.headSteps() : null;
}

/**
 * Statements prepared when first used, each once: the index's thirty-odd cost 2-4 ms of CPU at
 * every opening (load 16), where a search uses a dozen.
 */
function prepared<T extends Record<string, () => unknown>>(
  makers: T,
): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const out = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const name of Object.keys(makers) as Array<keyof T>) {
    let made: ReturnType<T[typeof name]> | undefined;
    Object.defineProperty(out, name, {
      get: () => {
        made ??= makers[name]!() as ReturnType<T[typeof name]>;
        return made;
      },
    });
  }
  return out;
}

/** Articles search has opened recently: a query reads the same few again and again. */
const KEPT_ARTICLES = 256;

/** Keys a run of `postingRuns` holds at most: a segment's list is decoded as far as it is read. */
const RUN_KEYS = 4_096;
/** Ids looked up per statement by `headlinesOf`: one JSON list of about 100 KB. */
const IDS_PER_STATEMENT = 4096;
/** Articles read per query while walking the whole corpus. */
const BATCH = 256;
/**
 * SQLite's cache while walking the whole corpus (`articles`), in KiB as `cache_size` takes it:
 * enough for the tables' inner pages. At 100,000 articles (a 690 MB index, measured alone) the
 * walk held 14 MB less and took 2.31 s of CPU against 2.53 s with the connection's 16 MB.
 */
const WALK_CACHE = -2048;

/** An article search has opened, with the folded words of those of its sentences it looked at. */
interface KeptArticle {
  article: Article;
  words?: (string[] | undefined)[];
}

/** Refreshes running in this process, by index file. */
const running = new Map<string, Promise<RefreshSummary>>();

/**
 * The corpus and its word index as SQLite holds them: every read is a query, so memory holds
 * only the article table (a few bytes per article) and the articles in use.
 */
export class DiskCorpusIndex implements CorpusIndex, WordIndex {
  readonly words: WordIndex = this;
  readonly readsSentences = true;
  readonly figureMarks = true;
  private snapshot: ArticleTable = emptyTable();
  /** The generation of the index `snapshot` was read at ('' before any table was written). */
  private loaded = '';
  private readonly kept = new Map<number, KeptArticle>();
  /**
   * The text of the article `oneSentenceWords` read last, when it was not kept whole: a phrase
   * of common words reads a few sentences of most articles (231,646 of 3.2 million for `"it is"`
   * at 100,000 articles), and making each a whole article, every sentence's text and id, was
   * most of the 7.6 s of CPU that took (`byNumber`, and the collector for what it made).
   */
  private read: { number: number; spans: Buffer; text: string; words: string[][] } | null = null;
  private readonly located = new Map<string, { first: number; ids: string } | null>();
  private readonly statements;

  constructor(
    private readonly db: Db,
    readonly root: string,
    /** The index file: refreshes of one file in one process wait for each other. */
    readonly file: string,
    /** Where the article table is kept beside the database (null: only in it). */
    private readonly sidecar: string | null = `${file}.articles`,
  ) {
    const articleColumns =
      'number, id, path, first, count, title, date, byline, source, opening, hash, warnings, sentence_ids, spans, text';
    const live = '(sentences > 0 OR titles > 0)';
    this.statements = prepared({
      byNumber: () => db.prepare(`SELECT ${articleColumns} FROM articles WHERE number = ?`),
      textOf: () => db.prepare('SELECT spans, text FROM articles WHERE number = ?'),
      // A list of numbers drives the loop (`sentencesOf`): no path, title, warnings or opening.
      sentencesByNumbers: () =>
        db
          .prepare(
            'SELECT a.id, a.date, a.source, a.count, a.sentence_ids, a.spans, a.text FROM json_each(?) AS j CROSS JOIN articles AS a ON a.number = j.value',
          )
          .raw(),
      sentenceIds: () => db.prepare('SELECT count, sentence_ids FROM articles WHERE id = ?').raw(),
      byId: () => db.prepare(`SELECT ${articleColumns} FROM articles WHERE id = ?`),
      summary: () =>
        db.prepare(
          'SELECT number, id, path, title, date, byline, source, count, opening, warnings FROM articles WHERE number = ?',
        ),
      allSummaries: () =>
        db.prepare(
          'SELECT number, id, path, title, date, byline, source, count, opening, warnings FROM articles INDEXED BY articles_summary',
        ),
      summaryRange: () =>
        db.prepare(
          'SELECT number, id, path, title, date, byline, source, count, opening, warnings FROM articles INDEXED BY articles_summary WHERE number BETWEEN ? AND ?',
        ),
      // As sourceRange: one JSON text of lists a step.
      listingRange: () =>
        db
          .prepare(
            'SELECT json_array(json_group_array(number), json_group_array(id), json_group_array(path), json_group_array(title), json_group_array(date), json_group_array(byline), json_group_array(source), json_group_array(json(warnings))) FROM articles INDEXED BY articles_summary WHERE number BETWEEN ? AND ?',
          )
          .pluck(),
      // Rows as arrays: objects with their keys cost twice as much at 100,000 articles.
      headRange: () =>
        db
          .prepare(
            'SELECT number, id, title, date, byline, source FROM articles INDEXED BY articles_summary WHERE number BETWEEN ? AND ?',
          )
          .raw(),
      // The same for a list of ids, looked up one by one in the id's index (CROSS JOIN: the
      // list drives the loop), as one JSON text of rows. The id's index gives the number and the
      // summary index the rest, both without the table: a table row shares its page with the
      // article's text, so each lookup there read a page of its own (0.5 s of CPU for 100,000
      // ids; 0.25 s through the indexes).
      headsByIds: () =>
        db
          .prepare(
            'SELECT json_group_array(json_array(s.number, s.id, s.title, s.date, s.byline, s.source)) FROM json_each(?) AS j CROSS JOIN articles AS a ON a.id = j.value CROSS JOIN articles AS s INDEXED BY articles_summary ON s.number = a.number',
          )
          .pluck(),
      // The numbers alone, through the id's index: an export's order, for the formats that write
      // no article's title, date or source (0.35 s of `headsByIds` at 100,000 ids).
      numbersByIds: () =>
        db
          .prepare(
            'SELECT json_array(json_group_array(a.number), json_group_array(a.id)) FROM json_each(?) AS j CROSS JOIN articles AS a ON a.id = j.value',
          )
          .pluck(),
      // The same with the source alone, what stats sums by (0.1 s for 100,000 ids).
      sourcesByIds: () =>
        db
          .prepare(
            'SELECT json_array(json_group_array(s.number), json_group_array(s.id), json_group_array(s.source)) FROM json_each(?) AS j CROSS JOIN articles AS a ON a.id = j.value CROSS JOIN articles AS s INDEXED BY articles_summary ON s.number = a.number',
          )
          .pluck(),
      // Articles per source, counted in SQLite from the summary index.
      perSource: () =>
        db
          .prepare(
            'SELECT json_group_array(json_array(source, n)) FROM (SELECT source, count(*) AS n FROM articles INDEXED BY articles_summary GROUP BY source)',
          )
          .pluck(),
      // Those counts as kept for a generation of the index (`articlesPerSource`).
      keptPerSource: () => db.prepare("SELECT value FROM meta WHERE key = 'per_source'").pluck(),
      keepPerSource: () =>
        db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('per_source', ?)"),
      // One JSON text of three lists a step: rows handed over one by one cost three times as much.
      sourceRange: () =>
        db
          .prepare(
            'SELECT json_array(json_group_array(number), json_group_array(id), json_group_array(source)) FROM articles INDEXED BY articles_summary WHERE number BETWEEN ? AND ?',
          )
          .pluck(),
      numberOf: () => db.prepare('SELECT number FROM articles WHERE id = ?').pluck(),
      titleOf: () => db.prepare('SELECT title FROM articles WHERE number = ?').pluck(),
      hashOf: () => db.prepare('SELECT hash FROM articles WHERE id = ?').pluck(),
      contentKeyOf: () => db.prepare('SELECT content FROM articles WHERE id = ?').pluck(),
      contentKeys: () => db.prepare(CONTENT_KEYS).raw(),
      // SQLite's json_quote escapes as JSON.stringify does (checked by the corpus tests), and the
      // bytes never become a JavaScript string: 100,000 texts in 1.4-1.7 s instead of 4.1 s.
      quotedText: () =>
        db.prepare('SELECT CAST(json_quote(text) AS BLOB) FROM articles WHERE id = ?').pluck(),
      plainText: () => db.prepare('SELECT CAST(text AS BLOB) FROM articles WHERE id = ?').pluck(),
      // The same for a list of ids in one statement (CROSS JOIN: the list drives the loop): a
      // statement per text cost a third more than the reading itself (0.97 s of CPU against
      // 0.70 for 100,000 texts, 64 a statement).
      quotedTexts: () => db.prepare(QUOTED_TEXTS).raw(),
      generation: () => db.prepare("SELECT value FROM meta WHERE key = 'snapshot'").pluck(),
      pathOf: () => db.prepare('SELECT path FROM articles WHERE id = ?').pluck(),
      // What a search reads of an article besides its sentences' keys: its text, title, source, date.
      searched: () =>
        db
          .prepare('SELECT json_array(hash, title, source, date) FROM articles WHERE id = ?')
          .pluck(),
      locate: () => db.prepare('SELECT number, first, sentence_ids FROM articles WHERE id = ?'),
      idOf: () => db.prepare('SELECT id FROM articles WHERE number = ?').pluck(),
      problems: () =>
        db.prepare('SELECT path, problem FROM files WHERE problem IS NOT NULL ORDER BY path'),
      frequency: () => db.prepare('SELECT sentences, titles FROM vocabulary WHERE word = ?'),
      prefixed: () =>
        db.prepare(
          `SELECT word, sentences FROM vocabulary WHERE word >= ? AND word < ? AND ${live}`,
        ),
      variants: () =>
        db.prepare(`SELECT word FROM vocabulary WHERE variant = ? AND ${live}`).pluck(),
      bucket: () => db.prepare(`SELECT word FROM vocabulary WHERE bucket = ? AND ${live}`).pluck(),
      postings: () =>
        db.prepare('SELECT list FROM postings WHERE segment = ? AND word = ?').pluck(),
      segments: () => db.prepare('SELECT segment FROM segments ORDER BY position').pluck(),
      // A word's list in every segment in their order, one statement: one a segment (31 at
      // 100,000 articles) cost a typo query's words, a word and the ten it begins, 341 calls
      // into SQLite. The segments are those of the statement's own read, not a list kept since
      // the index was opened: another process's refresh may have merged them meanwhile
      // (segments.ts), and a list of their old numbers found nothing. CROSS JOIN: the segments
      // drive the loop, each a lookup of the word; SQLite would otherwise scan every list.
      wordLists: () =>
        db
          .prepare(
            'SELECT p.list FROM segments AS s CROSS JOIN postings AS p ON p.segment = s.segment AND p.word = ? ORDER BY s.position',
          )
          .pluck(),
      // Every word a prefix begins, in every segment: one range of each (a typo query's `31`
      // and the ten words it begins cost 11 statements of 29 lookups, 12-38 ms against 3-5).
      prefixLists: () =>
        db
          .prepare(
            'SELECT p.word, p.list FROM segments AS s CROSS JOIN postings AS p ON p.segment = s.segment AND p.word >= ? AND p.word < ? ORDER BY s.position',
          )
          .raw(),
    });
    this.reload();
  }

  /**
   * Brings the index up to the folder (`quick`: folders whose time changed; `full`: every
   * file's size and time too). A refresh already running, here or in another process, is left
   * to finish: this one then reads what it wrote.
   */
  async refresh(mode: ScanScope, options: RefreshOptions = {}): Promise<RefreshSummary> {
    const before = running.get(this.file);
    if (before) {
      await before.catch(() => undefined);
      this.reload();
      return {
        read: 0,
        articles: 0,
        removed: 0,
        refreshed: false,
        changed: false,
        paths: [],
        skipped: [],
        ms: 0,
      };
    }
    const work = refreshIndex(this.db, this.root, mode, { ...options, sidecar: this.sidecar });
    running.set(this.file, work);
    let changed = true;
    try {
      const summary = await work;
      changed = summary.changed || !summary.refreshed;
      return summary;
    } finally {
      running.delete(this.file);
      if (this.db.open && changed) this.reload();
    }
  }

  /**
   * True when the files of these articles are as the index read them (size and modification
   * time). Any that changed are read again first, and false says the answer drawn from them must
   * be drawn again; false too when another process is refreshing the index meanwhile.
   */
  async confirm(ids: readonly string[]): Promise<boolean> {
    const paths: string[] = [];
    const searched = new Map<string, string | undefined>();
    for (const id of new Set(ids)) {
      const path = this.statements.pathOf.get(id) as string | undefined;
      if (path === undefined) continue;
      paths.push(path);
      searched.set(id, this.statements.searched.get(id) as string | undefined);
    }
    if (paths.length === 0) return true;
    const summary = await this.refresh({ files: paths });
    if (!summary.refreshed || summary.removed > 0) return false;
    // A file written in the last moments is read again at every look (its time cannot be trusted
    // yet): the same article read again confirms it, or a search just after a save never would be.
    return [...searched].every(([id, was]) => this.statements.searched.get(id) === was);
  }

  /** Reads the article table again: after a refresh. */
  reload(): void {
    // The generation and the table of one state: a refresh committing between the two would
    // leave a table taken for newer than it is, never read again by `catchUp`.
    this.consistent(() => {
      this.snapshot.close();
      this.loaded = this.generation();
      this.snapshot = readSnapshot(this.db, this.sidecar) ?? emptyTable();
    });
    this.kept.clear();
    this.read = null;
    this.located.clear();
  }

  /**
   * Reads the article table again when another process's refresh has written a new one since
   * (its generation changed): one lookup in `meta`. A review started beside another margin
   * indexing the same corpus read the table before that one was written, and its search then
   * found nothing, or counted hits it could not show, for as long as it ran (verify52 #2).
   */
  catchUp(): boolean {
    if (this.generation() === this.loaded) return false;
    this.reload();
    return true;
  }

  /** The generation of the index the article table in use was read at (`generation`). */
  get readAt(): string {
    return this.loaded;
  }

  /** Runs `read` on one consistent state of the index, whatever another process writes meanwhile. */
  consistent<T>(read: () => T): T {
    if (this.db.inTransaction) return read();
    return this.db.transaction(read)();
  }

  size(): number {
    return this.snapshot.length;
  }

  summaries(from: number, to: number): ArticleSummary[] {
    const lo = Math.max(0, from);
    const hi = Math.min(to, this.snapshot.length);
    if (hi - lo >= BULK_SUMMARIES) return this.summariesByScan(lo, hi);
    const numbers = this.snapshot.orderRange(lo, hi);
    const out: ArticleSummary[] = [];
    for (let i = 0; i < numbers.length; i++) {
      const row = this.statements.summary.get(numbers[i]!) as SummaryRow | undefined;
      if (row) out.push(this.toSummary(row, lo + i));
    }
    return out;
  }

  /** A long page in one scan of the summary index: a statement per row costs several times more. */
  private summariesByScan(lo: number, hi: number): ArticleSummary[] {
    const { numbers, ords } = this.snapshot;
    const page: (ArticleSummary | undefined)[] = new Array(hi - lo);
    for (const row of this.statements.allSummaries.iterate() as Iterable<SummaryRow>) {
      const at = positionOf(numbers, row.number);
      const ord = at < 0 ? -1 : ords[at]!;
      if (ord >= lo && ord < hi) page[ord - lo] = this.toSummary(row, ord);
    }
    return page.filter((summary) => summary !== undefined);
  }

  /**
   * Every summary, `size` articles a step, each with its `ord` (steps are in article number
   * order, not corpus order). A step is one range of the summary index and nothing stays open
   * between steps, so a caller may yield to other reads of the index in between.
   */
  *summarySteps(size = BULK_SUMMARIES): Generator<ArticleSummary[], void, undefined> {
    yield* this.steps(size, (first, last) => {
      const rows = this.statements.summaryRange.all(first, last) as SummaryRow[];
      return {
        found: rows.map((row) => row.number),
        made: (row, ord) => this.toSummary(rows[row]!, ord),
      };
    });
  }

  /**
   * The same as listings, what the review's list holds: without the opening words, and in one
   * JSON text a step (as `sourceSteps`), 100,000 are read in about half the time (0.81–1.03 s →
   * 0.43–0.69 s in one process at load 10).
   */
  *listingSteps(size = BULK_SUMMARIES): Generator<ArticleListing[], void, undefined> {
    type Columns = [
      number[],
      string[],
      string[],
      Array<string | null>,
      Array<string | null>,
      Array<string | null>,
      Array<string | null>,
      string[][],
    ];
    yield* this.steps(size, (first, last) => {
      const text = this.statements.listingRange.get(first, last) as string;
      const [found, ids, paths, titles, dates, bylines, sources, warnings] = JSON.parse(
        text,
      ) as Columns;
      return {
        found,
        made: (row, ord) => ({
          ord,
          id: ids[row]!,
          path: join(this.root, paths[row]!),
          title: titles[row]!,
          date: dates[row]!,
          byline: bylines[row]!,
          source: sources[row]!,
          warnings: warnings[row]!,
        }),
      };
    });
  }

  /**
   * The same with only what reports write of each article (`ArticleHeadline`): the summary's
   * other columns (the opening words above all) made four fifths of the read at 100,000.
   */
  *headSteps(size = BULK_SUMMARIES): Generator<ArticleHeadline[], void, undefined> {
    type HeadRow = [number, string, string, string | null, string | null, string | null];
    yield* this.steps(size, (first, last) => {
      const rows = this.statements.headRange.all(first, last) as HeadRow[];
      return {
        found: rows.map((row) => row[0]),
        made: (row, ord) => {
          const [, id, title, date, byline, source] = rows[row]!;
          return { ord, id, title, date, byline, source };
        },
      };
    });
  }

  /**
   * What reports write (`ArticleHeadline`) of each of `ids` the index holds, in no particular
   * order, a statement per few thousand ids. An export of 100,000 annotated articles read all
   * 1,000,000 headlines of the corpus to find theirs: 2.7 s of its 6.
   */
  headlinesOf(ids: readonly string[]): ArticleHeadline[] {
    type HeadRow = [number, string, string, string | null, string | null, string | null];
    const found: ArticleHeadline[] = [];
    for (const rows of this.answersByIds<HeadRow[]>(this.statements.headsByIds, ids)) {
      for (const [number, id, title, date, byline, source] of rows) {
        const ord = this.ordOfNumber(number);
        if (ord >= 0) found.push({ ord, id, title, date, byline, source });
      }
    }
    return found;
  }

  /**
   * Each of `ids` the index holds with its place in corpus order, in no particular order: the
   * order of an export that writes no article's headline (`headlinesOf` for the others).
   */
  ordsOf(ids: readonly string[]): ArticleOrd[] {
    const found: ArticleOrd[] = [];
    type Columns = [number[], string[]];
    for (const [got, gotIds] of this.answersByIds<Columns>(this.statements.numbersByIds, ids)) {
      for (const [row, number] of got.entries()) {
        const ord = this.ordOfNumber(number);
        if (ord >= 0) found.push({ ord, id: gotIds[row]! });
      }
    }
    return found;
  }

  /**
   * Each of `ids` the index holds with its source and place in corpus order, in no particular
   * order: what stats sums by source. Half a statement's work of `headlinesOf` is the title,
   * date and byline, which stats reads only for the few articles it lists.
   */
  sourcesOf(ids: readonly string[]): ArticleSource[] {
    const found: ArticleSource[] = [];
    type Columns = [number[], string[], Array<string | null>];
    const answers = this.answersByIds<Columns>(this.statements.sourcesByIds, ids);
    for (const [got, gotIds, sources] of answers) {
      for (const [row, number] of got.entries()) {
        const ord = this.ordOfNumber(number);
        if (ord >= 0) found.push({ ord, id: gotIds[row]!, source: sources[row]! });
      }
    }
    return found;
  }

  /**
   * A by-ids statement's answers to `ids`, a statement per few thousand ids: each answer is one
   * JSON text (SQLite builds it faster than better-sqlite3 builds rows).
   */
  private *answersByIds<T>(statement: { get(list: string): unknown }, ids: readonly string[]) {
    for (let from = 0; from < ids.length; from += IDS_PER_STATEMENT) {
      const list = JSON.stringify(ids.slice(from, from + IDS_PER_STATEMENT));
      yield JSON.parse(statement.get(list) as string) as T;
    }
  }

  /** An article number's place in corpus order in this index's snapshot; -1: not in it. */
  private ordOfNumber(number: number): number {
    const { numbers, ords } = this.snapshot;
    const at = positionOf(numbers, number);
    return at >= 0 ? ords[at]! : -1;
  }

  /**
   * How many articles name each source (null: none), counted in the index and kept in its meta
   * table for the index's generation: counting reads the whole summary index (1.1 s at
   * 1,000,000 articles), and sources change only with the articles. Null when the counts do not
   * add up to the article table this index loaded (another process refreshed it meanwhile, or
   * is refreshing it): the caller then reads the articles themselves.
   */
  articlesPerSource(): Map<string | null, number> | null {
    const generation = this.generation();
    const kept = this.statements.keptPerSource.get() as string | undefined;
    const size = this.size();
    const addsUp = (rows: Array<[string | null, number]>) =>
      rows.reduce((sum, [, n]) => sum + n, 0) === size;
    if (kept !== undefined) {
      const { of, rows } = JSON.parse(kept) as { of: string; rows: Array<[string | null, number]> };
      if (of === generation && addsUp(rows)) return new Map(rows);
    }
    const rows = JSON.parse(this.statements.perSource.get() as string) as Array<
      [string | null, number]
    >;
    if (!addsUp(rows)) return null;
    try {
      this.statements.keepPerSource.run(JSON.stringify({ of: generation, rows }));
    } catch {
      // Read-only, or another process writing: counted again next time.
    }
    return new Map(rows);
  }

  /** The same with each article's id and source alone: what stats sums by source. */
  *sourceSteps(size = BULK_SUMMARIES): Generator<ArticleSource[], void, undefined> {
    yield* this.steps(size, (first, last) => {
      const text = this.statements.sourceRange.get(first, last) as string;
      const [found, ids, sources] = JSON.parse(text) as [number[], string[], Array<string | null>];
      return { found, made: (row, ord) => ({ ord, id: ids[row]!, source: sources[row]! }) };
    });
  }

  /**
   * Every article a step of `size` in the index's own order, nothing left open between steps.
   * `read` gives the rows of the articles numbered `first` to `last`: their numbers, and how to
   * make row `row` into what the step holds, with its `ord` (rows of articles the snapshot no
   * longer has are left out).
   */
  private *steps<Made>(
    size: number,
    read: (
      first: number,
      last: number,
    ) => { found: readonly number[]; made: (row: number, ord: number) => Made },
  ): Generator<Made[], void, undefined> {
    const { numbers, ords } = this.snapshot;
    for (let from = 0; from < numbers.length; from += size) {
      const last = Math.min(from + size, numbers.length) - 1;
      const { found, made } = read(numbers[from]!, numbers[last]!);
      const step: Made[] = [];
      for (let row = 0; row < found.length; row++) {
        const at = positionOf(numbers, found[row]!);
        if (at >= 0) step.push(made(row, ords[at]!));
      }
      yield step;
    }
  }

  private toSummary(row: SummaryRow, ord: number): ArticleSummary {
    return {
      ord,
      id: row.id,
      path: join(this.root, row.path),
      title: row.title,
      date: row.date,
      byline: row.byline,
      source: row.source,
      warnings: JSON.parse(row.warnings) as string[],
      sentences: row.count,
      opening: row.opening,
    };
  }

  article(id: string): Article | undefined {
    const row = this.statements.byId.get(id) as ArticleRow | undefined;
    return row ? this.toArticle(row) : undefined;
  }

  /**
   * `CorpusIndex.sentencesOf`: the articles found by their ids in one statement a few thousand,
   * then read in the order of their numbers (that of the table on disk), each sentence's text
   * a copy of its own (a slice would keep the article's whole text alive). At 100,000 articles
   * the largest group's 14,922 articles, read whole, took 0.44 s of CPU and made some 200 MB of
   * articles to collect.
   */
  sentencesOf(wanted: ReadonlyMap<string, readonly number[]>): Map<string, ArticleSentences> {
    return this.consistent(() => {
      const numbers: number[] = [];
      type Columns = [number[], string[]];
      const ids = [...wanted.keys()];
      for (const [got] of this.answersByIds<Columns>(this.statements.numbersByIds, ids)) {
        for (const number of got) numbers.push(number);
      }
      numbers.sort((a, b) => a - b);
      const out = new Map<string, ArticleSentences>();
      type Row = [string, string | null, string | null, number, string, Buffer, string];
      for (let from = 0; from < numbers.length; from += IDS_PER_STATEMENT) {
        const list = JSON.stringify(numbers.slice(from, from + IDS_PER_STATEMENT));
        for (const row of this.statements.sentencesByNumbers.iterate(list) as Iterable<Row>) {
          const [id, date, source, count, sentenceIds, spans, text] = row;
          const sentences: Array<{ id: string; text: string }> = [];
          for (const position of wanted.get(id) ?? []) {
            if (position < 0 || position >= count || (position + 1) * 12 > spans.byteLength) {
              continue;
            }
            // Each sentence's paragraph, start and end, as 32-bit words (`toArticle`).
            const start = spans.readUInt32LE(position * 12 + 4);
            const end = spans.readUInt32LE(position * 12 + 8);
            sentences[position] = {
              id: nthWord(sentenceIds, position),
              text: ownCopy(text.slice(start, end)),
            };
          }
          out.set(id, { id, date, source, sentences });
        }
      }
      return out;
    });
  }

  sentenceIds(id: string): string[] | undefined {
    const row = this.statements.sentenceIds.get(id) as [number, string] | undefined;
    if (!row) return undefined;
    return row[0] === 0 ? [] : row[1].split(' ');
  }

  articleAt(ord: number): Article | undefined {
    const number = this.snapshot.orderRange(ord, ord + 1)[0];
    return number === undefined ? undefined : this.byNumber(number);
  }

  ordOf(id: string): number | undefined {
    const number = this.statements.numberOf.get(id) as number | undefined;
    if (number === undefined) return undefined;
    const ord = this.ordOfNumber(number);
    return ord < 0 ? undefined : ord;
  }

  hashOf(id: string): string | undefined {
    return this.statements.hashOf.get(id) as string | undefined;
  }

  contentKeyOf(id: string): string | undefined {
    return this.statements.contentKeyOf.get(id) as string | undefined;
  }

  contentKeys(ids: readonly string[]): Map<string, string> {
    const rows = this.statements.contentKeys.all(JSON.stringify(ids)) as Array<[string, string]>;
    return new Map(rows);
  }

  quotedText(id: string): Uint8Array | undefined {
    return this.statements.quotedText.get(id) as Buffer | undefined;
  }

  quotedTexts(ids: readonly string[]): Map<string, Uint8Array> {
    const found = new Map<string, Uint8Array>();
    const rows = this.statements.quotedTexts.all(JSON.stringify(ids)) as Array<[string, Buffer]>;
    for (const [id, bytes] of rows) found.set(id, bytes);
    return found;
  }

  plainText(id: string): Uint8Array | undefined {
    return this.statements.plainText.get(id) as Buffer | undefined;
  }

  generation(): string {
    return String(this.statements.generation.get() ?? '');
  }

  *articles(): Iterable<Article> {
    const { order } = this.snapshot;
    const restore = this.walking();
    try {
      for (let from = 0; from < order.length; from += BATCH) {
        yield* this.readByNumber(order.subarray(from, from + BATCH));
      }
    } finally {
      restore();
    }
  }

  writtenSince(number: number): {
    size: number;
    last: number;
    since: Array<[id: string, hash: string]>;
  } {
    return this.consistent(() => ({
      size: this.db.prepare('SELECT count(*) FROM articles').pluck().get() as number,
      last: this.lastNumber(),
      since: this.db
        .prepare('SELECT id, hash FROM articles WHERE number > ? ORDER BY number')
        .raw()
        .all(number) as Array<[string, string]>,
    }));
  }

  lastNumber(): number {
    return (
      (this.db.prepare('SELECT max(number) FROM articles').pluck().get() as number | null) ?? -1
    );
  }

  /**
   * The folders under the root the index read (relative, `/` between names; `''` the root
   * itself), in path order, at most `limit`: those skipped as margin's own are not among them.
   */
  folders(limit: number): string[] {
    return this.db
      .prepare('SELECT path FROM folders ORDER BY path LIMIT ?')
      .pluck()
      .all(limit) as string[];
  }

  ids(): string[] {
    // The unique index on id alone: not a page per article, as the table's rows are.
    return this.db.prepare('SELECT id FROM articles').pluck().all() as string[];
  }

  readElsewhere(): { file: string; numbers: Uint32Array } | null {
    // The fallback of a cache folder margin may not write: no file another connection can open.
    if (this.db.memory) return null;
    return { file: this.file, numbers: this.snapshot.order.slice() };
  }

  /**
   * The articles of these numbers in that order, read on one consistent state of the index
   * (those no longer there left out): `articles`' reading, for a caller that walks the corpus
   * in parts, such as a story reading thread with the index opened on its own connection.
   */
  articlesByNumber(numbers: ArrayLike<number>): Article[] {
    // Read as a walk reads (`walking`): a story build reads half the corpus here in parts, and
    // the connection's 16 MB of pages stood through the build after it (its grouping, the
    // process's peak, 15-20 MB higher at 100,000 articles).
    const restore = this.walking();
    try {
      return this.readByNumber(numbers);
    } finally {
      restore();
    }
  }

  /** `articlesByNumber` within a walk that has made the cache small already. */
  private readByNumber(numbers: ArrayLike<number>): Article[] {
    return this.consistent(() => {
      const out: Article[] = [];
      for (let i = 0; i < numbers.length; i++) {
        const row = this.statements.byNumber.get(numbers[i]!) as ArticleRow | undefined;
        if (row) out.push(this.toArticle(row));
      }
      return out;
    });
  }

  /**
   * SQLite's cache made small for a walk of the corpus, which reads each article once: its
   * 16 MB filled with pages no one reads again. Returns what puts it back.
   */
  private walking(): () => void {
    const cache = this.db.pragma('cache_size', { simple: true }) as number;
    this.db.pragma(`cache_size = ${WALK_CACHE}`);
    return () => {
      if (this.db.open) this.db.pragma(`cache_size = ${cache}`);
    };
  }

  problems(): FileProblem[] {
    return (this.statements.problems.all() as Array<{ path: string; problem: string }>).map(
      (row) => {
        const path = join(this.root, row.path);
        return { path, message: `${path}: ${row.problem}` };
      },
    );
  }

  close(): void {
    this.snapshot.close();
    if (this.db.open) this.db.close();
  }

  // The word index, for search.

  articleTable(): ArticleTable {
    return this.snapshot;
  }

  frequency(word: string): number | undefined {
    const row = this.statements.frequency.get(word) as
      | { sentences: number; titles: number }
      | undefined;
    if (!row || (row.sentences <= 0 && row.titles <= 0)) return undefined;
    return Math.max(0, row.sentences);
  }

  prefixed(prefix: string): Array<[string, number]> {
    // Every word starting with the prefix sorts below the prefix and the last code point.
    const rows = this.statements.prefixed.all(prefix, `${prefix}\u{10ffff}`) as Array<{
      word: string;
      sentences: number;
    }>;
    return rows.map((row) => [row.word, Math.max(0, row.sentences)]);
  }

  variants(key: string): string[] {
    return this.statements.variants.all(key) as string[];
  }

  bucket(first: number, length: number): string[] {
    const found = this.statements.bucket.all(first * 65536 + Math.min(length, 65535)) as string[];
    // The bucket number caps the length: very long words share one.
    return found.filter((word) => word.length === length);
  }

  postings(word: string): Uint32Array {
    return this.lists(word);
  }

  *postingRuns(word: string): Generator<Uint32Array> {
    // The segments as they are now (`wordLists` says why), read one by one after that.
    for (const segment of this.statements.segments.all() as number[]) {
      const list = this.statements.postings.get(segment, word) as Buffer | undefined;
      // Read a few thousand keys at a time: the first common keys are most often in the head.
      if (list) yield* decodeRuns(list, RUN_KEYS);
    }
  }

  prefixedPostings(prefix: string): Map<string, Uint32Array> {
    // Rows come segment by segment in their order: each word's lists in the order they join.
    const rows = this.statements.prefixLists.all(prefix, `${prefix}\u{10ffff}`) as Array<
      [string, Buffer]
    >;
    const byWord = new Map<string, Buffer[]>();
    for (const [word, list] of rows) {
      const own = byWord.get(word);
      if (own) own.push(list);
      else byWord.set(word, [list]);
    }
    const found = new Map<string, Uint32Array>();
    for (const [word, lists] of byWord) found.set(word, decodePostings(lists));
    return found;
  }

  titled(word: string): Uint32Array {
    // Most words are in no title: one look at the vocabulary spares a look in every segment.
    const row = this.statements.frequency.get(word) as { titles: number } | undefined;
    if (!row || row.titles <= 0) return new Uint32Array(0);
    return this.lists(TITLE_MARK + word);
  }

  private lists(word: string): Uint32Array {
    return decodePostings(this.statements.wordLists.all(word) as Buffer[]);
  }

  sentenceWords(a: number): readonly (readonly string[])[] {
    const kept = this.keep(this.snapshot.numberAt(a)!);
    if (!kept) return [];
    for (let i = 0; i < kept.article.sentences.length; i++) this.foldedSentence(kept, i);
    return kept.words as string[][];
  }

  /**
   * The folded words of one sentence. Probing a sentence for a query word then folds that
   * sentence alone: folding all of its article's, a few hundred articles a query, cost more than
   * the rest of the search.
   */
  oneSentenceWords(a: number, index: number): readonly string[] {
    const number = this.snapshot.numberAt(a)!;
    const kept = this.kept.get(number);
    if (kept) return this.foldedSentence(kept, index);
    let read = this.read;
    if (read?.number !== number) {
      const row = this.statements.textOf.get(number) as { spans: Buffer; text: string } | undefined;
      if (!row) return [];
      read = { number, spans: row.spans, text: row.text, words: [] };
      this.read = read;
    }
    let found = read.words[index];
    if (!found) {
      // Each sentence's paragraph, start and end, as 32-bit words (`toArticle`).
      if (index < 0 || (index + 1) * 12 > read.spans.byteLength) return [];
      const start = read.spans.readUInt32LE(index * 12 + 4);
      const end = read.spans.readUInt32LE(index * 12 + 8);
      found = sentenceWords(read.text.slice(start, end));
      read.words[index] = found;
    }
    return found;
  }

  private foldedSentence(kept: KeptArticle, index: number): string[] {
    const sentence = kept.article.sentences[index];
    if (!sentence) return [];
    kept.words ??= new Array(kept.article.sentences.length);
    let found = kept.words[index];
    if (!found) {
      found = sentenceWords(sentence.text);
      kept.words[index] = found;
    }
    return found;
  }

  titleWords(a: number): readonly string[] {
    // A phrase query may read thousands of titles: not their articles' whole text.
    const number = this.snapshot.numberAt(a)!;
    const title =
      this.kept.get(number)?.article.title ?? (this.statements.titleOf.get(number) as string);
    return words(title ?? '');
  }

  articleId(a: number): string {
    const number = this.snapshot.numberAt(a)!;
    return this.kept.get(number)?.article.id ?? (this.statements.idOf.get(number) as string) ?? '';
  }

  sentence(a: number, index: number): Pick<Sentence, 'id' | 'text'> {
    return this.keep(this.snapshot.numberAt(a)!)?.article.sentences[index] ?? { id: '', text: '' };
  }

  locate(article: string, sentence: string): number | undefined {
    let found = this.located.get(article);
    if (found === undefined) {
      const row = this.statements.locate.get(article) as
        | { number: number; first: number; sentence_ids: string }
        | undefined;
      // The ids as one text, searched: a Map of each article's ids cost a search filtered by a
      // label on 70,000 articles 0.8 s of garbage collection.
      found =
        row && positionOf(this.snapshot.numbers, row.number) >= 0
          ? { first: row.first, ids: ` ${row.sentence_ids} ` }
          : null;
      // Annotations come article by article: the last few thousand are enough.
      if (this.located.size >= 4096) this.located.clear();
      this.located.set(article, found);
    }
    if (!found || sentence === '' || sentence.includes(' ')) return undefined;
    const at = found.ids.indexOf(` ${sentence} `);
    if (at < 0) return undefined;
    // Its position: the spaces before it, less the one the text begins with.
    let index = -1;
    for (let i = 0; i <= at; i++) if (found.ids.charCodeAt(i) === 32) index++;
    return found.first + index;
  }

  private byNumber(number: number): Article | undefined {
    const row = this.statements.byNumber.get(number) as ArticleRow | undefined;
    return row ? this.toArticle(row) : undefined;
  }

  private keep(number: number): KeptArticle | undefined {
    let kept = this.kept.get(number);
    if (!kept) {
      const article = this.byNumber(number);
      if (!article) return undefined;
      if (this.kept.size >= KEPT_ARTICLES) this.kept.delete(this.kept.keys().next().value!);
      kept = { article };
      this.kept.set(number, kept);
    }
    return kept;
  }

  private toArticle(row: ArticleRow): Article {
    const spans = new Uint32Array(row.spans.byteLength / 4);
    new Uint8Array(spans.buffer).set(row.spans);
    const ids = row.count === 0 ? [] : row.sentence_ids.split(' ');
    const sentences: Sentence[] = ids.map((id, i) => {
      const start = spans[i * 3 + 1]!;
      const end = spans[i * 3 + 2]!;
      return { id, paragraph: spans[i * 3]!, text: row.text.slice(start, end), start, end };
    });
    return {
      id: row.id,
      path: join(this.root, row.path),
      title: row.title,
      date: row.date,
      byline: row.byline,
      source: row.source,
      text: row.text,
      sentences,
      warnings: JSON.parse(row.warnings) as string[],
      hash: row.hash,
    };
  }
}

/** The word at `position` of words joined by single spaces (a sentence id of `sentence_ids`). */
function nthWord(joined: string, position: number): string {
  let start = 0;
  for (let i = 0; i < position; i++) start = joined.indexOf(' ', start) + 1;
  const end = joined.indexOf(' ', start);
  return end < 0 ? joined.slice(start) : joined.slice(start, end);
}
