import { rmSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite.js';

/**
 * The layout of the index. Bump it when a table changes, or the words it keeps (5: Han and kana
 * as characters and pairs, Thai, Lao, Khmer and Myanmar by the word segmenter, `text/fold.ts`;
 * 6: each article's `content` key; 7: an abbreviation written with dots is one word, `U.S.` the
 * word `us`; 8: a number with a decimal point or thousands commas is one word, `22.5`, `1,772`
 * the word `1772`; 9: each sentence's signed figures kept as marks, `$5` and `%20`, beside its words,
and a decimal comma joins a number, `22,5` the word `22.5`):
 * an index of another layout is dropped and built again (it only ever saves time; the corpus
 * files are the truth).
 */
export const SCHEMA_VERSION = 10;

/**
 * Articles keep their columns small first and the text last: SQLite reads a row's columns in
 * order, so listing summaries never touches the pages of long texts.
 */
const TABLES = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
-- Every folder under the root with its modification time when it was last listed: a folder whose
-- time changed has gained, lost or renamed files.
CREATE TABLE folders (path TEXT PRIMARY KEY, mtime REAL NOT NULL) WITHOUT ROWID;
-- Every file seen, relative to the root with '/', as an article or the reason it is none.
CREATE TABLE files (
  path TEXT PRIMARY KEY,
  folder TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime REAL NOT NULL,
  article INTEGER,
  problem TEXT,
  -- 1 when the problem is another file having its id: read again when its folder changes.
  duplicate INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX files_folder ON files (folder);
-- Problems are few: listing them must not read every file's row.
CREATE INDEX files_problems ON files (path) WHERE problem IS NOT NULL;
-- Numbers grow with every article written; an article's sentences have the keys first to
-- first + count - 1, also growing, so posting lists of later segments follow earlier ones.
CREATE TABLE articles (
  number INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL UNIQUE,
  first INTEGER NOT NULL,
  count INTEGER NOT NULL,
  title TEXT,
  date TEXT,
  byline TEXT,
  source TEXT,
  -- The source folded to letters and digits, as \`source:\` filters compare it.
  source_key TEXT NOT NULL,
  opening TEXT NOT NULL,
  hash TEXT NOT NULL,
  -- What the store's kept placements and renderings depend on (content-key.ts).
  content TEXT NOT NULL,
  warnings TEXT NOT NULL,
  sentence_ids TEXT NOT NULL,
  spans BLOB NOT NULL,
  text TEXT NOT NULL
);
-- The article table in corpus order, read from the index alone (snapshot.ts).
CREATE INDEX articles_order ON articles (path, number, first, count, source_key);
-- What the list shows, read from the index alone: a row of the table holds its long columns in
-- the same page, so a scan of the table reads as many pages as there are articles (2.4 s for
-- 100,000; 0.6 s through this index).
CREATE INDEX articles_summary ON articles (number, id, path, title, date, byline, source, count, opening, warnings);
-- Folded words, how many sentences and titles have each, and the keys search finds them by.
CREATE TABLE vocabulary (
  word TEXT PRIMARY KEY,
  sentences INTEGER NOT NULL,
  titles INTEGER NOT NULL,
  bucket INTEGER NOT NULL,
  variant TEXT
) WITHOUT ROWID;
CREATE INDEX vocabulary_bucket ON vocabulary (bucket);
CREATE INDEX vocabulary_variant ON vocabulary (variant) WHERE variant IS NOT NULL;
-- Posting lists in segments, each segment covering the articles written after the previous one.
-- A title word is stored under a tab and the word, listing article numbers.
-- A merged segment takes the place (position) of the first it replaces.
CREATE TABLE segments (
  segment INTEGER PRIMARY KEY,
  position INTEGER NOT NULL,
  postings INTEGER NOT NULL
);
CREATE TABLE postings (
  segment INTEGER NOT NULL,
  word TEXT NOT NULL,
  list BLOB NOT NULL,
  PRIMARY KEY (segment, word)
) WITHOUT ROWID;
-- The article table search reads in one go, written at the end of each refresh.
CREATE TABLE snapshot (name TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;
`;

export type Db = Database.Database;

/**
 * Opens (or creates) the index file. The index is a cache: whatever its state, `key` names the
 * cleaner and layout that made it, and a file of another key, or one SQLite cannot read, is
 * replaced by an empty one.
 */
export function openDatabase(file: string, key: string): { db: Db; created: boolean } {
  const tryOpen = (): { db: Db; created: boolean } => {
    const db = openSqlite(file);
    try {
      configure(db);
      const found = readKey(db);
      if (found === key) return { db, created: false };
      if (found !== null || hasTables(db)) {
        db.close();
        throw new StaleIndex();
      }
      db.exec('BEGIN IMMEDIATE');
      try {
        // Another process may have created it between our look and the lock.
        if (readKey(db) === key) {
          db.exec('COMMIT');
          return { db, created: false };
        }
        db.exec(TABLES);
        db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('key', key);
        db.exec('COMMIT');
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
      return { db, created: true };
    } catch (error) {
      if (db.open) db.close();
      throw error;
    }
  };
  try {
    return tryOpen();
  } catch (error) {
    if (file === ':memory:' || (!(error instanceof StaleIndex) && !isCorrupt(error))) throw error;
    removeIndexFiles(file);
    return tryOpen();
  }
}

class StaleIndex extends Error {}

function configure(db: Db): void {
  db.pragma('busy_timeout = 10000');
  db.pragma('journal_mode = WAL');
  // A cache: a power cut may lose the last transactions, never corrupt the file.
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -16000');
}

function readKey(db: Db): string | null {
  try {
    const row = db.prepare("SELECT value FROM meta WHERE key = 'key'").get() as
      | { value: string }
      | undefined;
    return row?.value ?? null;
  } catch {
    return null;
  }
}

function hasTables(db: Db): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as {
    n: number;
  };
  return row.n > 0;
}

function isCorrupt(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB';
}

/**
 * Records which corpus folder the index is of, so that an index whose folder is gone can be
 * told (prune.ts). Written once: every later opening reads it and finds it there.
 */
export function recordFolder(db: Db, root: string): void {
  if (folderOf(db) === root) return;
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('folder', ?)").run(root);
}

/** The corpus folder the index records, null for an index made before it did. */
export function folderOf(db: Db): string | null {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'folder'").get() as
    | { value: string }
    | undefined;
  return row?.value ?? null;
}

/** Removes the index with its write-ahead log. */
export function removeIndexFiles(file: string): void {
  // `.story`: the story groups formed from it (story/saved-groups.ts).
  for (const suffix of ['', '-wal', '-shm', '.articles', '.story'])
    rmSync(`${file}${suffix}`, { force: true });
}
