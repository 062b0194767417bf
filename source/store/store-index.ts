import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { openSqlite } from '../corpus/db/sqlite.js';
import { madeFrom } from './made-from.js';
import type { StoreDoc } from './schema.js';
import { prepare, SCHEMA, SCHEMA_KEY } from './store-index-sql.js';
import {
  type AnnotationNote,
  type ArticleTally,
  LABELS,
  type Label,
  type OwnTally,
  type ReviewStatus,
} from './types.js';

/**
 * Bump when what is kept per file changes, or when reading a store file accepts or refuses
 * differently (parse.ts, schema.ts, the adapter's checks): an index of another format is emptied
 * and filled again from the files.
 */
export const INDEX_FORMAT = 'margin-store-index/7';

/** One store file as the index keeps it: what was read from it, or why it was refused. */
export interface IndexedFile {
  /** Relative to the store root, `/`-separated: `alice/000_abc.json`. */
  path: string;
  /** The folder part of `path` (an encoded annotator name). */
  folder: string;
  annotator: string | null;
  article: string | null;
  /** `dev:ino:size:mtime` when it was read; empty when unknown (read again on the next open). */
  signature: string;
  /** The file's modification time and when it was read, in ms: a file changed within the same clock tick as its read is read again. */
  mtimeMs: number;
  readAt: number;
  /** A hash of the text, to tell our own writes coming back through the watcher from others'. */
  fingerprint: string | null;
  doc: StoreDoc | null;
  /** Why the file was refused (what follows its path in the message); null when accepted. */
  reason: string | null;
}

/** A file's row without its document: what the open compares with the file on disk. */
export interface FileMark {
  signature: string;
  mtimeMs: number;
  readAt: number;
  fingerprint: string | null;
}

/**
 * Where a file's annotations sit on its article's text, in the document's order (null: orphan):
 * the sentence, UTF-16 offsets, the same in code points, and the text there when it is not the
 * annotation's quote (what an export writes, so that it need not read the text). Rows kept by an
 * older margin lack the code points: they are placed again when read.
 */
export type KeptPlacement = [
  sentence: string,
  start: number,
  end: number,
  pointStart?: number,
  pointEnd?: number,
  text?: string,
];
export type Placements = Array<KeptPlacement | null>;

/** One file's document with the placements last computed for it, and the text they were for. */
export interface PlacedRow {
  path: string;
  fingerprint: string | null;
  doc: StoreDoc;
  /** The key of the article text `placed` was computed on; null when never placed. */
  placedOn: string | null;
  /** The corpus generation in which `placedOn` was last found to be the article's text. */
  placedIn: string | null;
  placed: Placements | null;
  status: ReviewStatus;
}

/**
 * What stats asks of one file of an article whose orphans it counts again: its kept orphans, and
 * whether its kept placements were confirmed in the corpus generation asked about (else the path
 * and the text key they were for, to check them).
 */
export interface CountRow {
  annotator: string;
  orphans: number;
  /** The kept placements were confirmed on the corpus's text in the generation asked about. */
  confirmed: boolean;
  /** Null when `confirmed`. */
  path: string | null;
  /** The text key the placements were computed on; null when `confirmed` or never placed. */
  placedOn: string | null;
}

/**
 * What stats sums of the files with annotations, in the index: annotations per label of each
 * annotator (`counts` as kept: one row per distinct text), orphans of the files whose placements
 * were confirmed in the generation asked about, and how many files' were not.
 */
export interface TallyRow {
  annotator: string;
  counts: Readonly<Record<string, number>>;
  /** Files with these counts. */
  files: number;
  /** Orphans of those files whose kept placements were confirmed. */
  orphans: number;
  /** Files whose kept placements were not confirmed: their orphans are not in `orphans`. */
  unsure: number;
}

/**
 * What a format last rendered of one file, as the UTF-8 bytes the index holds (an export writes
 * them as they are): null when that is no longer the file's.
 */
export interface RenderedRow {
  annotator: string;
  text: Buffer | null;
  /** What the text was made from (`madeFrom`), when it is kept. */
  readonly madeFrom: string;
}

/**
 * A `RenderedRow` whose `madeFrom` is hashed when asked for: only brat's export asks, and
 * hashing every row took 0.1 s of the other formats' exports at 211,000 files.
 */
export class KeptRendering implements RenderedRow {
  constructor(
    readonly annotator: string,
    readonly text: Buffer | null,
    private readonly kind: string,
    private readonly fingerprint: string | null,
    private readonly placedOn: string,
  ) {}

  get madeFrom(): string {
    return this.text === null ? '' : madeFrom(this.kind, this.fingerprint, this.placedOn);
  }
}

/** What `tagRows` gives of one file: its annotations' labels, in order, and their kept placements. */
export interface TagRow {
  article: string;
  annotator: string;
  labels: string[];
  placed: Placements | null;
  placedOn: string | null;
  placedIn: string | null;
}

export interface RefusalRow {
  path: string;
  annotator: string | null;
  article: string | null;
  reason: string;
}

/** Counting by stored sentence, as the review list shows "C1 Q2". */
function labelTallies(doc: StoreDoc): Record<Label, number> {
  const sets = new Map<string, Set<string>>();
  for (const annotation of doc.annotations) {
    let sentences = sets.get(annotation.label);
    if (!sentences) {
      sentences = new Set();
      sets.set(annotation.label, sentences);
    }
    sentences.add(annotation.anchor.sentence);
  }
  const counts = {} as Record<Label, number>;
  for (const label of LABELS) counts[label] = sets.get(label)?.size ?? 0;
  return counts;
}

/** Annotations per label (not per sentence): what stats and exports count. */
function labelCounts(doc: StoreDoc): Record<string, number> {
  // No prototype: a label named `constructor` started at a function, `0function Object()…` (qa54).
  const counts: Record<string, number> = Object.create(null);
  for (const annotation of doc.annotations) {
    counts[annotation.label] = (counts[annotation.label] ?? 0) + 1;
  }
  return counts;
}

/**
 * Whether the index holds this format and this margin's schema, read without a lock (one
 * statement is one read transaction); false too for a file with no such table yet.
 */
function isCurrent(db: Database.Database, format: string): boolean {
  try {
    const rows = db
      .prepare("SELECT key, value FROM meta WHERE key IN ('format', 'schema')")
      .all() as Array<{ key: string; value: string }>;
    const value = (key: string) => rows.find((row) => row.key === key)?.value;
    return value('format') === format && value('schema') === SCHEMA_KEY;
  } catch {
    return false;
  }
}

/** Whether `table` exists as a WITHOUT ROWID table. */
function isWithoutRowid(db: Database.Database, table: string): boolean {
  const sql = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")
    .pluck()
    .get(table) as string | undefined;
  return sql !== undefined && /\bWITHOUT\s+ROWID\b/i.test(sql);
}

type Row = Record<string, unknown>;

/**
 * What was read from each store file, in SQLite: on disk under the user's cache folder (so that
 * an open checks each file's signature instead of reading it), or in memory where there is no
 * cache. It is never the truth: the files are, and an index deleted or stale is rebuilt from them.
 */
export class StoreIndex {
  /** Changes whenever a file's row does, in this process: callers keep what they derived until then. */
  version = 0;
  private readonly db: Database.Database;
  private readonly statements: ReturnType<typeof prepare>;

  private constructor(db: Database.Database) {
    this.db = db;
    this.statements = prepare(db);
  }

  /** The index's file; null for one in memory. */
  get file(): string | null {
    return this.db.memory ? null : this.db.name;
  }

  /** An index in `file`, or in memory when `file` is null. Throws when the file cannot be used. */
  static open(file: string | null, root: string): StoreIndex {
    const db = openSqlite(file ?? ':memory:', { timeout: 5000 });
    try {
      if (file !== null) {
        db.pragma('journal_mode = WAL');
        // The index can always be rebuilt from the files: a power cut may lose its last writes.
        db.pragma('synchronous = OFF');
      }
      db.pragma('cache_size = -16000');
      const format = `${INDEX_FORMAT} ${root}`;
      // An index already made as this margin makes it is opened without the write lock: every
      // open of `stats`, `agree` or `search` took it, so each waited behind another process's
      // write (a review's batch, an export's kept lines, the first fill) for nothing.
      if (file !== null && isCurrent(db, format)) return new StoreIndex(db);
      // Read and, when another format, remade in one transaction that takes the write lock
      // first: two processes opening a new index at once read "no format" both, and the second,
      // upgrading its read to a write after the first had written, got SQLITE_BUSY at once
      // (no wait); openStoreIndex then deleted the file the first was using.
      db.transaction(() => {
        db.exec(
          'CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID',
        );
        const found = db.prepare('SELECT value FROM meta WHERE key = ?').get('format') as
          | { value: string }
          | undefined;
        if (found?.value !== format) {
          // Another format may have other columns: its tables go, and are made again.
          db.exec(
            'DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS digests; DROP TABLE IF EXISTS renderings; DROP TABLE IF EXISTS count_sums; DROP TABLE IF EXISTS article_totals; DROP TABLE IF EXISTS folder_listings; DROP TABLE IF EXISTS folder_checks; DROP TABLE IF EXISTS row_changes; DROP TABLE IF EXISTS derived; DELETE FROM meta;',
          );
          db.exec(SCHEMA);
          db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('format', format);
        } else {
          // Kept values are derived: a table of the kind an older margin made goes with them.
          if (isWithoutRowid(db, 'derived')) db.exec('DROP TABLE derived');
          db.exec(SCHEMA);
        }
        db.prepare('INSERT OR IGNORE INTO row_changes (id, n) VALUES (0, 0)').run();
        db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(
          'schema',
          SCHEMA_KEY,
        );
      }).immediate();
      return new StoreIndex(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Runs `work` as one transaction: hundreds of rows cost one commit. */
  batch<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  put(file: IndexedFile): void {
    const { doc } = file;
    this.statements.put.run({
      path: file.path,
      folder: file.folder,
      annotator: file.annotator,
      article: file.article,
      signature: file.signature,
      mtime: file.mtimeMs,
      read_at: file.readAt,
      fingerprint: file.fingerprint,
      status: doc?.status ?? null,
      annotations: doc?.annotations.length ?? 0,
      labels: doc ? JSON.stringify(labelTallies(doc)) : null,
      counts: doc ? JSON.stringify(labelCounts(doc)) : null,
      texts: doc ? doc.annotations.filter((a) => a.note || a.attributes).length : 0,
      notes: doc ? notesOf(doc) : null,
      tags:
        doc && doc.annotations.length > 0
          ? JSON.stringify(doc.annotations.map((a) => a.label))
          : null,
      reason: file.reason,
    });
    if (doc) this.statements.putDoc.run(file.path, JSON.stringify(doc));
    else this.statements.removeDoc.run(file.path);
    this.version++;
  }

  /** The file was replaced by one with the same text (our own write seen again): only its mark changes. */
  touch(path: string, signature: string, mtimeMs: number): void {
    this.statements.touch.run(signature, mtimeMs, Date.now(), path);
  }

  remove(path: string): void {
    this.statements.removeDoc.run(path);
    if (this.statements.remove.run(path).changes > 0) this.version++;
  }

  removeFolder(folder: string): void {
    this.statements.removeFolderDocs.run(folder);
    this.statements.forgetListing.run(folder);
    this.statements.forgetChecked.run(folder);
    if (this.statements.removeFolder.run(folder).changes > 0) this.version++;
  }

  /**
   * The signature of every file indexed in `folder`, by path; empty for one that must be read
   * again whatever it looks like (never examined, or changed within `racyMs` of being read).
   */
  signaturesIn(folder: string, racyMs: number): Map<string, string> {
    const signatures = new Map<string, string>();
    for (const [path, signature] of this.statements.signaturesIn
      .raw()
      .iterate(racyMs, folder) as Iterable<[string, string]>) {
      signatures.set(path, signature);
    }
    return signatures;
  }

  /** The folder's digest kept when its rows last all matched its files; null when forgotten. */
  digestOf(folder: string): string | null {
    return (this.statements.digestOf.get(folder) as string | undefined) ?? null;
  }

  setDigest(folder: string, digest: string): void {
    this.statements.setDigest.run(folder, digest);
  }

  /** How many times a file's row changed, by any process since the index was made; null when not counted. */
  rowChanges(): number | null {
    return (this.statements.rowChanges.get() as number | undefined) ?? null;
  }

  /** The value kept as `name` when it was made at `madeAt`; null when another or none is kept. */
  derivedValue(name: string, madeAt: string): string | null {
    const row = this.statements.derivedValue.get(name) as
      | { made_at: string; value: string }
      | undefined;
    return row?.made_at === madeAt ? row.value : null;
  }

  /** Keeps `value` as `name`, made at `madeAt`, in place of the one kept before; false when it cannot. */
  keepDerived(name: string, madeAt: string, value: string): boolean {
    try {
      this.statements.keepDerived.run(name, madeAt, value);
      return true;
    } catch {
      // Another process writing, or an index opened read-only: made again next time.
      return false;
    }
  }

  /**
   * The names `folder` held when it was last listed, as UTF-8 with NUL (in no file name)
   * between them, and how the folder was seen then.
   */
  listingBytes(folder: string): { seen: string; bytes: Buffer } | null {
    const row = this.statements.listingOf.get(folder) as
      | { seen: string; names: Buffer }
      | undefined;
    return row ? { seen: row.seen, bytes: row.names } : null;
  }

  /**
   * Each annotator folder a check last found whole (every row matching its file, none without
   * one), with how it was seen then; a folder whose rows changed since is not among them.
   */
  checkedFolders(): Map<string, string> {
    return new Map(this.statements.checkedFolders.raw().all() as Array<[string, string]>);
  }

  /** Every row of `folder`, seen as `seen` when listed, matched its file. */
  setChecked(folder: string, seen: string): void {
    this.statements.setChecked.run(folder, seen);
  }

  /** Keeps `text`, the names `folder` held (NUL between them), as the folder seen as `seen` held them. */
  keepListing(folder: string, seen: string, text: string): void {
    this.statements.keepListing.run(folder, seen, text);
  }

  /** Annotators' statuses other than unreviewed: what a report needs of the review's progress. */
  reviewed(): Array<{ article: string; annotator: string; status: ReviewStatus }> {
    return this.statements.reviewed.all() as Array<{
      article: string;
      annotator: string;
      status: ReviewStatus;
    }>;
  }

  /** Files in progress with no annotation: articles their annotator only opened. */
  onlyOpened(): Array<{ article: string; annotator: string }> {
    return this.statements.onlyOpened.all() as Array<{ article: string; annotator: string }>;
  }

  /** Annotations in the files read. */
  annotationCount(): number {
    return (this.statements.annotationCount.get() as Row).n as number;
  }

  /**
   * No fewer than the files the index holds, found at once: the highest row id (a count walks
   * every row, 23 ms at 211,000 files). Rows replaced or removed leave it above the count.
   */
  filesAtMost(): number {
    return (this.statements.filesAtMost.get() as Row).n as number;
  }

  mark(path: string): (FileMark & { article: string | null; annotator: string | null }) | null {
    const row = this.statements.mark.get(path) as Row | undefined;
    if (!row) return null;
    return {
      signature: row.signature as string,
      mtimeMs: row.mtime as number,
      readAt: row.read_at as number,
      fingerprint: row.fingerprint as string | null,
      article: row.article as string | null,
      annotator: row.annotator as string | null,
    };
  }

  paths(): string[] {
    return (this.statements.paths.all() as Row[]).map((row) => row.path as string);
  }

  /** The articles of the files indexed in `folder`. */
  articlesIn(folder: string): string[] {
    return this.statements.articlesIn.all(folder) as string[];
  }

  folders(): string[] {
    return (this.statements.folders.all() as Row[]).map((row) => row.folder as string);
  }

  /** Every document of an article with its last placements, one per annotator (refused files left out). */
  placedRowsOf(article: string): PlacedRow[] {
    return (this.statements.placedRowsOf.all(article) as Row[]).map(toPlacedRow);
  }

  /**
   * One annotator's documents with their last placements, a page of `limit` files of articles
   * after `after` in article order (refused files left out).
   */
  placedRowsBy(annotator: string, after: string, limit: number): PlacedRow[] {
    return (this.statements.placedRowsBy.all(annotator, after, limit) as Row[]).map(toPlacedRow);
  }

  /**
   * Keeps the placements of a file's annotations on the text `placedOn` names, unless the file
   * changed since they were computed (its fingerprint then differs): they are a cache like the rest.
   */
  savePlacements(
    path: string,
    fingerprint: string | null,
    placedOn: string,
    placedIn: string | null,
    placed: Placements,
  ): void {
    const orphans = placed.reduce((sum, each) => sum + (each === null ? 1 : 0), 0);
    const text = JSON.stringify(placed);
    this.statements.savePlacements.run(placedOn, placedIn, text, orphans, path, fingerprint);
  }

  /** The file's placements were found to be on the corpus's text in generation `placedIn`. */
  confirmPlacements(path: string, placedOn: string, placedIn: string): void {
    this.statements.confirmPlacements.run(placedIn, path, placedOn);
  }

  /**
   * Whether any file with annotations holds placements not confirmed in `generation` (the
   * corpus's now), from the kept sums: no file's row is read.
   */
  anyUnconfirmed(generation: string): boolean {
    return this.statements.anyUnconfirmed.get({ generation }) === 1;
  }

  /**
   * Up to `limit` files with annotations and kept placements not confirmed in `generation`,
   * after the file `after` (article, annotator), in that order: each file's path, article and
   * the key its placements were made on.
   */
  unconfirmed(
    generation: string,
    after: readonly [article: string, annotator: string],
    limit: number,
  ): Array<[path: string, article: string, annotator: string, placedOn: string]> {
    const [article, annotator] = after;
    return this.statements.unconfirmed.all({ generation, article, annotator, limit }) as Array<
      [string, string, string, string]
    >;
  }

  /**
   * The files with annotations of one article, by annotator: their counts, and whether their
   * placements were confirmed in `generation` (the corpus's; null: it has none).
   */
  countRowsOf(article: string, generation: string | null): CountRow[] {
    const rows = this.statements.countRowsOf.all({ article, generation }) as unknown[][];
    return rows.map(([annotator, orphans, confirmed, path, placedOn]) => ({
      annotator: annotator as string,
      orphans: orphans as number,
      confirmed: confirmed === 1,
      path: path as string | null,
      placedOn: placedOn as string | null,
    }));
  }

  /**
   * Every file with annotations summed by annotator and counts, orphans of files confirmed in
   * `generation` (null: the corpus has none, and no file is confirmed).
   */
  tallyRows(generation: string | null): TallyRow[] {
    const rows = this.statements.tallyRows.all({ generation }) as unknown[][];
    return rows.map(([annotator, counts, files, orphans, unsure]) => ({
      annotator: annotator as string,
      counts: JSON.parse(counts as string) as Record<string, number>,
      files: files as number,
      orphans: orphans as number,
      unsure: unsure as number,
    }));
  }

  /** The articles of the files with annotations whose placements were not confirmed in `generation`. */
  unsureArticles(generation: string | null): string[] {
    return this.statements.unsureArticles.all({ generation }) as string[];
  }

  /** Annotations per article with any, in files read: one JSON text, not a row per article. */
  articleTotals(): Map<string, number> {
    const text = this.statements.articleTotals.get() as string;
    const [articles, totals] = JSON.parse(text) as [string[], number[]];
    const found = new Map<string, number>();
    for (let at = 0; at < articles.length; at++) found.set(articles[at]!, totals[at]!);
    return found;
  }

  /**
   * Per file with annotations of each of `articles`, by annotator: what `kind` last rendered of it, or
   * null where that is not of the file's current document and of placements confirmed in
   * `generation` (the corpus's current one).
   */
  renderedOf(
    articles: readonly string[],
    kind: string,
    generation: string,
  ): Map<string, RenderedRow[]> {
    const found = new Map<string, RenderedRow[]>();
    // One statement for a chunk of articles: one each cost more than the reading of the text.
    const rows = this.statements.renderedOf.all({
      articles: JSON.stringify(articles),
      kind,
      generation,
    }) as unknown[][];
    for (const [article, annotator, text, fingerprint, placedOn] of rows) {
      const row = new KeptRendering(
        annotator as string,
        text as Buffer | null,
        kind,
        fingerprint as string | null,
        placedOn as string,
      );
      const own = found.get(article as string);
      if (own) own.push(row);
      else found.set(article as string, [row]);
    }
    return found;
  }

  /**
   * Every file with annotations, by article then annotator: what a rendering of `kind` of it
   * would be made from now (`madeFrom`), or null where its placements were not confirmed in
   * `generation`. From the index `files_rendered` alone, in one scan: no rendering is read.
   */
  *madeOf(
    kind: string,
    generation: string,
  ): Iterable<{ article: string; annotator: string; madeFrom: string | null }> {
    const rows = this.statements.madeOf.iterate({ generation }) as Iterable<
      [string, string, string | null, string | null, number]
    >;
    for (const [article, annotator, fingerprint, placedOn, confirmed] of rows) {
      yield {
        article,
        annotator,
        madeFrom:
          confirmed === 1 && placedOn !== null ? madeFrom(kind, fingerprint, placedOn) : null,
      };
    }
  }

  /**
   * One digest of what `madeOf` gives of every file (its article, annotator, document and
   * placements, and whether these were confirmed in `generation`), for `kind`: equal digests,
   * the same files made from the same. SQLite makes each row a line (each field behind its
   * length, so no two lists of rows give the same lines) and SHA-256 hashes them, 4,096 a time:
   * 0.26 s of CPU at 211,000 files, where reading the rows and hashing each file's `madeFrom`
   * took 1.4 s with what the export did per article. (One line of them all from SQLite took
   * 0.17 s, and 37 MB more at the export's peak.)
   */
  madeOfDigest(kind: string, generation: string): string {
    const hash = createHash('sha256').update(
      `${kind.length}:${kind}${generation.length}:${generation}\n`,
    );
    let lines = '';
    let count = 0;
    for (const line of this.statements.madeOfLines.iterate({ generation }) as Iterable<string>) {
      lines += `${line}\n`;
      if (++count % 4096 === 0) {
        hash.update(lines);
        lines = '';
      }
    }
    return hash.update(lines).digest('hex');
  }

  /**
   * Keeps what `kind` rendered of the annotator's file of the article, from the document
   * `fingerprint` placed on `placedOn`.
   */
  keepRendered(
    file: { article: string; annotator: string; fingerprint: string | null; placedOn: string },
    kind: string,
    text: string,
  ): void {
    const { article, annotator, fingerprint, placedOn } = file;
    // A kind's first two words name its format and the format's version (`csv 2 guarded …`):
    // what an older version kept of this file goes, or every upgrade left a copy of the store's
    // exports behind (400 MB at 300,000 annotations for csv and w3c). The same version's other
    // kinds (csv raw beside guarded) stay: an export may alternate them.
    const [format = kind, version = ''] = kind.split(' ', 2);
    const own = `${format} ${version}`;
    this.statements.dropOlderKinds.run(
      article,
      annotator,
      `${format} `,
      `${format}!`,
      own,
      `${own}!`,
    );
    this.statements.keepRendered.run(article, annotator, kind, fingerprint, placedOn, text);
  }

  /** Every document of an article, one per annotator (refused files left out). */
  docsOf(article: string): StoreDoc[] {
    return (this.statements.docsOf.all(article) as Row[]).map(
      (row) => JSON.parse(row.doc as string) as StoreDoc,
    );
  }

  doc(article: string, annotator: string): StoreDoc | null {
    const row = this.statements.doc.get(article, annotator) as Row | undefined;
    return row ? (JSON.parse(row.doc as string) as StoreDoc) : null;
  }

  status(article: string, annotator: string): ReviewStatus | null {
    const row = this.statements.status.get(article, annotator) as Row | undefined;
    return row ? (row.status as ReviewStatus) : null;
  }

  /** Why the file of (article, annotator) was refused, with its path; null when it was not. */
  refusal(article: string, annotator: string): RefusalRow | null {
    const row = this.statements.refusal.get(article, annotator) as Row | undefined;
    return row ? toRefusal(row) : null;
  }

  refusals(): RefusalRow[] {
    return (this.statements.refusals.all() as Row[]).map(toRefusal);
  }

  /** Annotators with at least one file read. */
  annotators(): string[] {
    return (this.statements.annotators.all() as Row[]).map((row) => row.annotator as string);
  }

  /** Articles with at least one annotation in a file read. */
  annotatedArticles(): string[] {
    // The names alone, not an object each: an export asks for 100,000.
    return this.statements.annotated.all() as string[];
  }

  /**
   * Every note and attribute value of the accepted files, by article and annotator, with the id of
   * the annotation it is on: from the rows alone, no document is read or placed.
   */
  *notes(): Iterable<AnnotationNote> {
    for (const [article, annotator, notes] of this.statements.notes.iterate() as Iterable<
      [string, string, string | null]
    >) {
      if (notes === null) continue;
      for (const [id, text] of JSON.parse(notes) as Array<[string, string]>) {
        yield { article, annotator, id, text };
      }
    }
  }

  /**
   * Each accepted file with annotations (`label`: one with that label; `annotators`: of one of
   * them; `article`: of that article alone), with each annotation's label in the document's order and the placements last kept for
   * them: from the rows alone, no document is read.
   */
  *tagRows(
    where: { label?: string; annotators?: readonly string[] } = {},
    article?: string,
  ): Iterable<TagRow> {
    const parameters = {
      label: where.label === undefined ? null : JSON.stringify(where.label),
      annotators: where.annotators === undefined ? null : JSON.stringify(where.annotators),
    };
    // One article's few rows at once: an iterator each cost more than the rows.
    const rows = (
      article === undefined
        ? this.statements.tagRows.iterate(parameters)
        : this.statements.tagRowsOf.all({ ...parameters, article })
    ) as Iterable<[string, string, string, string | null, string | null, string | null]>;
    for (const [article, annotator, tags, placed, placedOn, placedIn] of rows) {
      yield {
        article,
        annotator,
        labels: JSON.parse(tags) as string[],
        placed: placed === null ? null : (JSON.parse(placed) as Placements),
        placedOn,
        placedIn,
      };
    }
  }

  /** Every file, refused ones too: article, annotator, status, counts; by article and annotator. */
  tallies(): ArticleTally[] {
    return (this.statements.tallies.all() as Row[]).map(toTally);
  }

  talliesOf(article: string): ArticleTally[] {
    return (this.statements.talliesOf.all(article) as Row[]).map(toTally);
  }

  /** One annotator's files by article (`article`: of that one alone), without their documents. */
  ownTallies(annotator: string, article?: string): OwnTally[] {
    // The whole annotator as one JSON text: 70,000 rows handed over one by one cost twice as much.
    const rows =
      article === undefined
        ? (JSON.parse(this.statements.ownTallies.get(annotator) as string) as unknown[][])
        : (this.statements.ownTalliesOf.all(annotator, article) as unknown[][]).map(
            ([id, status, counts, orphans, refused]) => [
              id,
              status,
              counts === null ? {} : JSON.parse(counts as string),
              orphans,
              refused,
            ],
          );
    return rows.map(([id, status, counts, orphans, refused]) => ({
      article: id as string,
      status: refused ? 'unreviewed' : (status as ReviewStatus),
      labels: refused ? {} : (counts as Record<string, number>),
      orphans: orphans as number,
      refused: Boolean(refused),
    }));
  }

  /** No file was ever indexed (a count of 211,000 rows read 20-30 ms of pages to say as much). */
  isEmpty(): boolean {
    return this.statements.empty.get() === 1;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function toPlacedRow(row: Row): PlacedRow {
  return {
    path: row.path as string,
    fingerprint: row.fingerprint as string | null,
    doc: JSON.parse(row.doc as string) as StoreDoc,
    placedOn: row.placed_on as string | null,
    placedIn: row.placed_in as string | null,
    placed: row.placed === null ? null : (JSON.parse(row.placed as string) as Placements),
    status: row.status as ReviewStatus,
  };
}

/**
 * A document's notes and attribute values, each annotation's joined by a space as search reads
 * them, with its id; null when it has none.
 */
function notesOf(doc: StoreDoc): string | null {
  const notes: Array<[string, string]> = [];
  for (const annotation of doc.annotations) {
    const values = Object.values(annotation.attributes ?? {});
    if (!annotation.note && values.length === 0) continue;
    notes.push([annotation.id, [annotation.note ?? '', ...values].join(' ')]);
  }
  return notes.length > 0 ? JSON.stringify(notes) : null;
}

function toRefusal(row: Row): RefusalRow {
  return {
    path: row.path as string,
    annotator: row.annotator as string | null,
    article: row.article as string | null,
    reason: row.reason as string,
  };
}

const NO_LABELS = Object.fromEntries(LABELS.map((label) => [label, 0])) as Record<Label, number>;

function toTally(row: Row): ArticleTally {
  const refused = row.reason !== null;
  return {
    article: row.article as string,
    annotator: row.annotator as string,
    status: refused ? 'unreviewed' : (row.status as ReviewStatus),
    annotations: row.annotations as number,
    labels: refused
      ? { ...NO_LABELS }
      : (JSON.parse(row.labels as string) as Record<Label, number>),
    readOnly: refused,
  };
}
