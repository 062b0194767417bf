import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

// The store index's SQL: its tables and triggers, and every statement the index prepares.
// What each file's row holds and why is told where `StoreIndex` reads it (store-index.ts).

/** A row that stats counts: an accepted file with annotations (it holds a document). */
const TALLIED = (row: string): string =>
  `${row}.reason IS NULL AND ${row}.annotations > 0 AND ${row}.annotator IS NOT NULL AND ${row}.article IS NOT NULL AND ${row}.counts IS NOT NULL`;

/** A row's part in the kept sums, added; `when` limits it inside a trigger that fires for every update. */
const TALLY_ADD = (row: string, when = 'true'): string => `
  INSERT INTO count_sums
    SELECT ${row}.annotator, ${row}.counts, ${row}.placed_on IS NOT NULL, ifnull(${row}.placed_in, ''), 1, ${row}.orphans
    WHERE ${when}
    ON CONFLICT DO UPDATE SET files = files + 1, orphans = orphans + excluded.orphans;
  INSERT INTO article_totals SELECT ${row}.article, ${row}.annotations WHERE ${when}
    ON CONFLICT DO UPDATE SET total = total + excluded.total;`;

/** A row's part in the kept sums, taken away; a sum of no file goes. */
const TALLY_REMOVE = (row: string, when = 'true'): string => {
  const tally = `annotator = ${row}.annotator AND counts = ${row}.counts
    AND placed = (${row}.placed_on IS NOT NULL) AND placed_in = ifnull(${row}.placed_in, '')`;
  return `
  UPDATE count_sums SET files = files - 1, orphans = orphans - ${row}.orphans WHERE ${when} AND ${tally};
  DELETE FROM count_sums WHERE ${when} AND ${tally} AND files = 0;
  UPDATE article_totals SET total = total - ${row}.annotations WHERE ${when} AND article = ${row}.article;
  DELETE FROM article_totals WHERE ${when} AND article = ${row}.article AND total = 0;`;
};

/**
 * One more change to the files' rows (`row_changes`, whose row `open` makes). An update: a
 * trigger's own conflict clause gives way to its statement's, so an upsert here failed.
 */
const COUNT_CHANGE = 'UPDATE row_changes SET n = n + 1 WHERE id = 0;';

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS files (
  path TEXT PRIMARY KEY,
  folder TEXT NOT NULL,
  annotator TEXT,
  article TEXT,
  signature TEXT NOT NULL,
  mtime REAL NOT NULL,
  read_at REAL NOT NULL,
  fingerprint TEXT,
  status TEXT,
  annotations INTEGER NOT NULL DEFAULT 0,
  labels TEXT,
  counts TEXT,
  texts INTEGER NOT NULL DEFAULT 0,
  notes TEXT,
  tags TEXT,
  placed_on TEXT,
  placed_in TEXT,
  placed TEXT,
  orphans INTEGER NOT NULL DEFAULT 0,
  reason TEXT
);
-- The documents apart: a scan of the rows above (an open's marks, stats' counts) stays small.
CREATE TABLE IF NOT EXISTS docs (path TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS files_article ON files (article, annotator);
-- An open compares every file with its row: this index alone answers it, without the rows.
CREATE INDEX IF NOT EXISTS files_marks ON files (folder, path, signature, mtime, read_at);
CREATE INDEX IF NOT EXISTS files_annotator ON files (annotator, reason);
-- What the review's list shows of each of its annotator's files (\`ownTallies\`), without a
-- lookup of the rows: 70,000 of them cost 76-200 ms of CPU and 185-556 ms at load 10-16, this
-- 37-41 and 52-89 ms. Made by the first open that lacks it (0.9 s at 211,000 files).
CREATE INDEX IF NOT EXISTS files_own ON files (annotator, article, status, counts, orphans, reason);
-- The few refused files and reviewed articles, which every report asks for: without these, a
-- scan of every row.
CREATE INDEX IF NOT EXISTS files_refused ON files (path) WHERE reason IS NOT NULL;
CREATE INDEX IF NOT EXISTS files_reviewed ON files (article, annotator, status)
  WHERE reason IS NULL AND status != 'unreviewed';
-- What stats reads of every file with annotations, without a lookup of its row: 211,000 row
-- lookups cost more than the counts themselves.
CREATE INDEX IF NOT EXISTS files_counts
  ON files (article, annotator, counts, orphans, placed_in, placed_on, path)
  WHERE reason IS NULL AND annotations > 0;
-- What search matches its words against (every note and attribute value), without a
-- lookup of the rows: reading and placing the 29,000 documents with one cost search 1.2 s.
CREATE INDEX IF NOT EXISTS files_notes ON files (article, annotator, notes)
  WHERE reason IS NULL AND texts > 0;
-- What search's label: and annotator: filters read of every file, or of one article's (its
-- annotations' labels and their kept placements), without the rows: a scan of the rows took
-- 320 ms, of this 30, and a hit's article read 21,879 rows for one word.
CREATE INDEX IF NOT EXISTS files_tags
  ON files (article, annotator, tags, placed_on, placed_in, placed)
  WHERE reason IS NULL AND annotations > 0 AND tags IS NOT NULL;
-- Each annotator folder's listing and signatures (file-signatures.ts) when all its rows last matched
-- their files; any change to a row of the folder, by any process, forgets it.
CREATE TABLE IF NOT EXISTS digests (folder TEXT PRIMARY KEY, digest TEXT NOT NULL) WITHOUT ROWID;
-- Each annotator folder's names as last listed, and how the folder was seen then (inode,
-- modification and change times): an added, removed or renamed file changes them, so while
-- they hold the names are these. Listing three folders of 70,000 files took 150–500 ms of every
-- command.
CREATE TABLE IF NOT EXISTS folder_listings (folder TEXT PRIMARY KEY, seen TEXT NOT NULL, names TEXT NOT NULL);
-- How each annotator folder was seen (as in folder_listings) when a check last found every row of
-- it matching its file, from a listing old enough to trust; any change to a row of the folder, by
-- any process, forgets it. While the folder is still seen so and the row is here, no file was
-- added, removed or renamed in it since: search answers at once from the rows, comparing only
-- its hits' files before the check of every file is over.
CREATE TABLE IF NOT EXISTS folder_checks (folder TEXT PRIMARY KEY, seen TEXT NOT NULL) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS checks_added AFTER INSERT ON files
  BEGIN DELETE FROM folder_checks WHERE folder = NEW.folder; END;
CREATE TRIGGER IF NOT EXISTS checks_removed AFTER DELETE ON files
  BEGIN DELETE FROM folder_checks WHERE folder = OLD.folder; END;
CREATE TRIGGER IF NOT EXISTS checks_changed
  AFTER UPDATE OF path, folder, signature, mtime, read_at, reason ON files
  BEGIN DELETE FROM folder_checks WHERE folder IN (OLD.folder, NEW.folder); END;
-- What a format wrote of each file last time (an export's lines), for the document and the
-- placements it was written from: valid while the file's row still holds both. By article, as
-- an export reads them: one article's files together, and neighbours near.
CREATE TABLE IF NOT EXISTS renderings (
  article TEXT NOT NULL,
  annotator TEXT NOT NULL,
  kind TEXT NOT NULL,
  fingerprint TEXT,
  placed_on TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (article, annotator, kind)
);
CREATE TRIGGER IF NOT EXISTS renderings_gone AFTER DELETE ON files
  BEGIN DELETE FROM renderings WHERE article = OLD.article AND annotator = OLD.annotator; END;
-- What the export compares with each kept rendering, without a lookup of the file's row.
CREATE INDEX IF NOT EXISTS files_rendered
  ON files (article, annotator, fingerprint, placed_on, placed_in)
  WHERE reason IS NULL AND annotations > 0;
CREATE TRIGGER IF NOT EXISTS files_added AFTER INSERT ON files
  BEGIN DELETE FROM digests WHERE folder = NEW.folder; END;
CREATE TRIGGER IF NOT EXISTS files_removed AFTER DELETE ON files
  BEGIN DELETE FROM digests WHERE folder = OLD.folder; END;
CREATE TRIGGER IF NOT EXISTS files_changed
  AFTER UPDATE OF path, folder, signature, mtime, read_at, reason ON files
  BEGIN DELETE FROM digests WHERE folder IN (OLD.folder, NEW.folder); END;
-- What stats sums, kept up to date by the triggers below as rows come and go: summing 211,000
-- rows at each report took 150-200 ms of CPU, reading these takes under 5 (at 99 tally rows).
-- Tallied rows are the accepted files with annotations: they always hold a document, hence an
-- annotator, an article and counts. A placement's generation is '' where there is none.
CREATE TABLE IF NOT EXISTS count_sums (
  annotator TEXT NOT NULL,
  counts TEXT NOT NULL,
  placed INTEGER NOT NULL,
  placed_in TEXT NOT NULL,
  files INTEGER NOT NULL,
  orphans INTEGER NOT NULL,
  PRIMARY KEY (annotator, counts, placed, placed_in)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS article_totals (
  article TEXT PRIMARY KEY,
  total INTEGER NOT NULL
) WITHOUT ROWID;
-- Every change to a file's row, by any process (one of an older margin too: the triggers are
-- the index's own), counted: a value derived from the rows (stats' report) is kept under the
-- count it was made at and is stale once the count moves.
CREATE TABLE IF NOT EXISTS row_changes (id INTEGER PRIMARY KEY CHECK (id = 0), n INTEGER NOT NULL);
CREATE TRIGGER IF NOT EXISTS row_added AFTER INSERT ON files BEGIN ${COUNT_CHANGE} END;
CREATE TRIGGER IF NOT EXISTS row_removed AFTER DELETE ON files BEGIN ${COUNT_CHANGE} END;
CREATE TRIGGER IF NOT EXISTS row_changed AFTER UPDATE ON files BEGIN ${COUNT_CHANGE} END;
-- A rowid table, not WITHOUT ROWID: there a value is stored whole in the name's b-tree, and
-- looking up one name read the whole of each value it was compared with, overflow pages and all
-- (the export's order, 11.6 and 3.1 MB: 100-250 ms of every stats and agree, 2026-12-06).
CREATE TABLE IF NOT EXISTS derived (name TEXT PRIMARY KEY, made_at TEXT NOT NULL, value TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS sums_added AFTER INSERT ON files
  WHEN ${TALLIED('NEW')}
  BEGIN ${TALLY_ADD('NEW')} END;
CREATE TRIGGER IF NOT EXISTS sums_removed AFTER DELETE ON files
  WHEN ${TALLIED('OLD')}
  BEGIN ${TALLY_REMOVE('OLD')} END;
CREATE TRIGGER IF NOT EXISTS sums_changed
  AFTER UPDATE OF annotator, article, counts, annotations, placed_on, placed_in, orphans, reason
  ON files
  BEGIN ${TALLY_REMOVE('OLD', TALLIED('OLD'))} ${TALLY_ADD('NEW', TALLIED('NEW'))} END;
`;

/**
 * The schema this margin makes, as a key kept beside the format: a margin that added an index
 * or a trigger within the format makes it at its first open, and until then finds the key
 * another's.
 */
export const SCHEMA_KEY = createHash('sha256').update(SCHEMA).digest('hex').slice(0, 16);

/**
 * The reviewed files' statuses, through their own index: left to itself SQLite took
 * `annotator IS NOT NULL` for a range of `files_own` and read all of it (211,000 entries, 100 ms
 * of CPU at each `agree`, twice, when no file was reviewed). Exported for the test of its plan.
 */
export const REVIEWED = `SELECT article, annotator, status FROM files INDEXED BY files_reviewed
  WHERE reason IS NULL AND status != 'unreviewed' AND article IS NOT NULL AND annotator IS NOT NULL`;

/**
 * The files in progress with nothing in them: articles their annotator only opened (opening one
 * from the list makes it in progress). Through the reviewed files' index, whose condition the
 * query repeats so that SQLite may use it; the few rows it finds are then looked up.
 */
export const ONLY_OPENED = `SELECT article, annotator FROM files INDEXED BY files_reviewed
  WHERE reason IS NULL AND status != 'unreviewed' AND status = 'in progress' AND annotations = 0
  AND article IS NOT NULL AND annotator IS NOT NULL`;

/** `CONFIRMED` (below) for a row of `count_sums`, whose `placed_in` is '' where the file's is null. */
const TALLY_CONFIRMED = '(@generation IS NOT NULL AND placed = 1 AND placed_in = @generation)';

/** A file's kept placements were found on the corpus's text in its generation now. */
const CONFIRMED =
  '(@generation IS NOT NULL AND placed_on IS NOT NULL AND placed_in IS @generation)';
/** A file's orphans, and its path and text key only when its placements are not confirmed. */
const COUNT_COLUMNS = `annotator, orphans, ${CONFIRMED} AS confirmed,
  CASE WHEN ${CONFIRMED} THEN NULL ELSE path END,
  CASE WHEN ${CONFIRMED} THEN NULL ELSE placed_on END`;

/**
 * The files `madeOf` and `madeOfDigest` read, in their order: one query, read as fields or as
 * lines, so the digest cannot cover other files than the list it stands for.
 */
const MADE_OF_FILES = `FROM files INDEXED BY files_rendered
  WHERE reason IS NULL AND annotations > 0
  ORDER BY article, annotator`;
const MADE_OF_FIELDS = ['article', 'annotator', 'fingerprint', 'placed_on'] as const;
const MADE_OF_CONFIRMED = 'placed_in IS @generation';

export function prepare(db: Database.Database) {
  return {
    // An update, not a replacement: a replaced row leaves without its delete triggers, and the
    // kept sums would still count it. The placements go as a new row's would.
    put: db.prepare(
      `INSERT INTO files (path, folder, annotator, article, signature, mtime, read_at,
        fingerprint, status, annotations, labels, counts, texts, notes, tags, reason)
       VALUES (@path, @folder, @annotator, @article, @signature, @mtime, @read_at, @fingerprint,
        @status, @annotations, @labels, @counts, @texts, @notes, @tags, @reason)
       ON CONFLICT (path) DO UPDATE SET folder = excluded.folder, annotator = excluded.annotator,
        article = excluded.article, signature = excluded.signature, mtime = excluded.mtime,
        read_at = excluded.read_at, fingerprint = excluded.fingerprint, status = excluded.status,
        annotations = excluded.annotations, labels = excluded.labels, counts = excluded.counts,
        texts = excluded.texts, notes = excluded.notes, tags = excluded.tags, reason = excluded.reason, placed_on = NULL, placed_in = NULL,
        placed = NULL, orphans = 0`,
    ),
    putDoc: db.prepare('INSERT OR REPLACE INTO docs (path, doc) VALUES (?, ?)'),
    removeDoc: db.prepare('DELETE FROM docs WHERE path = ?'),
    removeFolderDocs: db.prepare(
      'DELETE FROM docs WHERE path IN (SELECT path FROM files WHERE folder = ?)',
    ),
    placedRowsOf: db.prepare(
      `SELECT path, fingerprint, status, doc, placed_on, placed_in, placed FROM files JOIN docs USING (path)
       WHERE article = ? AND reason IS NULL ORDER BY annotator`,
    ),
    placedRowsBy: db.prepare(
      `SELECT path, fingerprint, status, doc, placed_on, placed_in, placed FROM files JOIN docs USING (path)
       WHERE annotator = ? AND article > ? AND reason IS NULL ORDER BY article LIMIT ?`,
    ),
    savePlacements: db.prepare(
      `UPDATE files SET placed_on = ?, placed_in = ?, placed = ?, orphans = ?
       WHERE path = ? AND fingerprint IS ?`,
    ),
    confirmPlacements: db.prepare(
      'UPDATE files SET placed_in = ? WHERE path = ? AND placed_on = ?',
    ),
    // From the kept sums alone (a hundred rows), not the files'.
    anyUnconfirmed: db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM count_sums WHERE placed = 1 AND placed_in IS NOT @generation)`,
      )
      .pluck(),
    // A page of what `confirmKept` compares, from the index alone, after the last page's file.
    unconfirmed: db
      .prepare(
        `SELECT path, article, annotator, placed_on FROM files INDEXED BY files_counts
         WHERE reason IS NULL AND annotations > 0 AND placed_on IS NOT NULL
           AND placed_in IS NOT @generation AND (article, annotator) > (@article, @annotator)
         ORDER BY article, annotator LIMIT @limit`,
      )
      .raw(),
    // The check of kept placements against the generation is made here: a confirmed row's path
    // and text key are never handed to JavaScript.
    countRowsOf: db
      .prepare(
        `SELECT ${COUNT_COLUMNS} FROM files
         WHERE article = @article AND reason IS NULL AND annotations > 0 ORDER BY annotator`,
      )
      .raw(),
    tallyRows: db
      .prepare(
        `SELECT annotator, counts, sum(files),
          sum(CASE WHEN ${TALLY_CONFIRMED} THEN orphans ELSE 0 END),
          sum(CASE WHEN ${TALLY_CONFIRMED} THEN 0 ELSE files END)
         FROM count_sums GROUP BY annotator, counts`,
      )
      .raw(),
    unsureArticles: db
      .prepare(
        `SELECT DISTINCT article FROM files INDEXED BY files_counts
         WHERE reason IS NULL AND annotations > 0 AND NOT ${CONFIRMED}`,
      )
      .pluck(),
    // One JSON text of two lists: 100,000 rows handed over one by one, or as an object's keys,
    // cost two to three times as much.
    articleTotals: db
      .prepare(
        'SELECT json_array(json_group_array(article), json_group_array(total)) FROM article_totals',
      )
      .pluck(),
    touch: db.prepare('UPDATE files SET signature = ?, mtime = ?, read_at = ? WHERE path = ?'),
    remove: db.prepare('DELETE FROM files WHERE path = ?'),
    paths: db.prepare('SELECT path FROM files ORDER BY path'),
    removeFolder: db.prepare('DELETE FROM files WHERE folder = ?'),
    articlesIn: db
      .prepare('SELECT DISTINCT article FROM files WHERE folder = ? AND article IS NOT NULL')
      .pluck(),
    signaturesIn: db.prepare(
      `SELECT path, CASE WHEN read_at - mtime >= ? THEN signature ELSE '' END FROM files
       WHERE folder = ?`,
    ),
    reviewed: db.prepare(REVIEWED),
    onlyOpened: db.prepare(ONLY_OPENED),
    annotationCount: db.prepare('SELECT coalesce(sum(total), 0) AS n FROM article_totals'),
    filesAtMost: db.prepare('SELECT coalesce(max(rowid), 0) AS n FROM files'),
    mark: db.prepare(
      'SELECT signature, mtime, read_at, fingerprint, article, annotator FROM files WHERE path = ?',
    ),
    // One seek per folder in files_marks: a DISTINCT walks every row (half a second at 211,000).
    folders: db.prepare(
      `WITH RECURSIVE each (folder) AS (
         SELECT min(folder) FROM files
         UNION ALL SELECT (SELECT min(folder) FROM files WHERE folder > each.folder) FROM each
         WHERE each.folder IS NOT NULL)
       SELECT folder FROM each WHERE folder IS NOT NULL`,
    ),
    renderedOf: db.prepare(RENDERED_OF).raw(),
    // What renderedOf compares a rendering with, of every file: the index's scan, no lookup.
    madeOf: db
      .prepare(`SELECT ${MADE_OF_FIELDS.join(', ')}, ${MADE_OF_CONFIRMED} ${MADE_OF_FILES}`)
      .raw(),
    // The same rows as madeOf, each a line: each field behind its length (so no two lists of
    // rows give the same lines), `-` for none, then 1 or 0 for confirmed.
    madeOfLines: db
      .prepare(
        `SELECT ${MADE_OF_FIELDS.map((field) => `ifnull(length(${field}) || ':' || ${field}, '-')`).join(' || ')}
           || (${MADE_OF_CONFIRMED}) ${MADE_OF_FILES}`,
      )
      .pluck(),
    // Ranges of the primary key: the file's kinds of one format ('csv ' up to 'csv!': a space is
    // one less than '!') but not those of one version ('csv 2' up to 'csv 2!', not 'csv 20').
    dropOlderKinds: db.prepare(
      `DELETE FROM renderings WHERE article = ? AND annotator = ? AND kind >= ? AND kind < ?
         AND NOT (kind >= ? AND kind < ?)`,
    ),
    keepRendered: db.prepare(
      `INSERT OR REPLACE INTO renderings (article, annotator, kind, fingerprint, placed_on, text)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    docsOf: db.prepare(
      'SELECT doc FROM files JOIN docs USING (path) WHERE article = ? AND reason IS NULL ORDER BY annotator',
    ),
    doc: db.prepare(
      'SELECT doc FROM files JOIN docs USING (path) WHERE article = ? AND annotator = ? AND reason IS NULL',
    ),
    status: db.prepare(
      'SELECT status FROM files WHERE article = ? AND annotator = ? AND reason IS NULL',
    ),
    refusal: db.prepare(
      'SELECT path, annotator, article, reason FROM files WHERE article = ? AND annotator = ? AND reason IS NOT NULL',
    ),
    refusals: db.prepare(
      'SELECT path, annotator, article, reason FROM files WHERE reason IS NOT NULL ORDER BY path',
    ),
    // One seek per annotator in files_annotator, as for the folders.
    annotators: db.prepare(
      `WITH RECURSIVE each (annotator) AS (
         SELECT (SELECT annotator FROM files WHERE annotator IS NOT NULL AND reason IS NULL
                 ORDER BY annotator LIMIT 1)
         UNION ALL SELECT (SELECT annotator FROM files WHERE annotator > each.annotator
                 AND reason IS NULL ORDER BY annotator LIMIT 1) FROM each
         WHERE each.annotator IS NOT NULL)
       SELECT annotator FROM each WHERE annotator IS NOT NULL`,
    ),
    annotated: db.prepare('SELECT article FROM article_totals ORDER BY article').pluck(),
    tallies: db.prepare(
      `SELECT article, annotator, status, annotations, labels, reason FROM files
       WHERE article IS NOT NULL AND annotator IS NOT NULL ORDER BY article, annotator`,
    ),
    talliesOf: db.prepare(
      `SELECT article, annotator, status, annotations, labels, reason FROM files
       WHERE article = ? AND annotator IS NOT NULL ORDER BY annotator`,
    ),
    // Every file with annotations, or those with a label or of some annotators: a scan of the
    // rows without their documents (reading and placing every document cost search 7-28 s).
    tagRows: db
      .prepare(
        `SELECT article, annotator, tags, placed, placed_on, placed_in FROM files INDEXED BY files_tags
         WHERE reason IS NULL AND annotations > 0 AND tags IS NOT NULL
           AND (@label IS NULL OR instr(tags, @label) > 0)
           AND (@annotators IS NULL OR annotator IN (SELECT value FROM json_each(@annotators)))`,
      )
      .raw(),
    // The same of one article: a search's hits ask for their articles alone.
    tagRowsOf: db
      .prepare(
        `SELECT article, annotator, tags, placed, placed_on, placed_in FROM files INDEXED BY files_tags
         WHERE article = @article AND reason IS NULL AND annotations > 0 AND tags IS NOT NULL
           AND (@label IS NULL OR instr(tags, @label) > 0)
           AND (@annotators IS NULL OR annotator IN (SELECT value FROM json_each(@annotators)))`,
      )
      .raw(),
    notes: db
      .prepare(
        'SELECT article, annotator, notes FROM files WHERE reason IS NULL AND texts > 0 ORDER BY article, annotator',
      )
      .raw(),
    ownTallies: db
      .prepare(
        `SELECT json_group_array(json_array(article, status, json(coalesce(counts, '{}')), orphans,
          reason IS NOT NULL)) FROM files WHERE annotator = ? AND article IS NOT NULL`,
      )
      .pluck(),
    ownTalliesOf: db
      .prepare(
        `SELECT article, status, counts, orphans, reason IS NOT NULL FROM files
         WHERE annotator = ? AND article = ?`,
      )
      .raw(),
    empty: db.prepare('SELECT NOT EXISTS (SELECT 1 FROM files)').pluck(),
    digestOf: db.prepare('SELECT digest FROM digests WHERE folder = ?').pluck(),
    setDigest: db.prepare('INSERT OR REPLACE INTO digests (folder, digest) VALUES (?, ?)'),
    // As bytes: the check's threads decode them a share at a time.
    listingOf: db.prepare(
      'SELECT seen, CAST(names AS BLOB) AS names FROM folder_listings WHERE folder = ?',
    ),
    rowChanges: db.prepare('SELECT n FROM row_changes WHERE id = 0').pluck(),
    derivedValue: db.prepare('SELECT made_at, value FROM derived WHERE name = ?'),
    keepDerived: db.prepare(
      'INSERT OR REPLACE INTO derived (name, made_at, value) VALUES (?, ?, ?)',
    ),
    keepListing: db.prepare(
      'INSERT OR REPLACE INTO folder_listings (folder, seen, names) VALUES (?, ?, ?)',
    ),
    forgetListing: db.prepare('DELETE FROM folder_listings WHERE folder = ?'),
    checkedFolders: db.prepare('SELECT folder, seen FROM folder_checks'),
    setChecked: db.prepare('INSERT OR REPLACE INTO folder_checks (folder, seen) VALUES (?, ?)'),
    forgetChecked: db.prepare('DELETE FROM folder_checks WHERE folder = ?'),
  };
}

/**
 * Per file with annotations of a JSON list of articles, by article then annotator: what `kind`
 * last rendered of it, null where that is not of the file's current document and of placements
 * confirmed in `generation` (`renderedOf`; a thread reading ahead for an export runs it too). A
 * rendering counts only for the file's document and placements as the row holds them now.
 */
export const RENDERED_OF = `SELECT files.article, files.annotator, CAST(renderings.text AS BLOB),
    files.fingerprint, files.placed_on
  FROM files INDEXED BY files_rendered LEFT JOIN renderings
    ON renderings.article = files.article AND renderings.annotator = files.annotator
    AND renderings.kind = @kind AND renderings.fingerprint IS files.fingerprint
    AND renderings.placed_on IS files.placed_on AND files.placed_in IS @generation
  WHERE files.article IN (SELECT value FROM json_each(@articles))
    AND files.reason IS NULL AND files.annotations > 0
  ORDER BY files.article, files.annotator`;
