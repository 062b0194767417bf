import { byCodePoint } from '../files.js';
import { countPostings, joinPostings } from './postings.js';
import type { Db } from './schema.js';
import { SEGMENT_POSTINGS } from './writer.js';

interface Segment {
  segment: number;
  position: number;
  postings: number;
}

/**
 * Keeps the number of segments a word is read from small, as Lucene's and SQLite FTS5's optimize
 * step does after a build: the newest segments merge into one from the oldest that holds no more
 * postings than all those after it together. Each segment left then holds more than all those
 * after it, so there are at most about log2(all / smallest) of them (after refreshes of 100 files
 * each, one per bit of their count), and a posting is rewritten about as many times at most.
 * The first segment, though, joins the others only while they all hold at most `firstMost`
 * postings, what a refresh writes at once: common words read each segment's list from the oldest
 * until their first common keys, most often in the head of the first, and a list on disk is read
 * whole. So a build (many segments of one size) ends in two: merged into one, the 100,000
 * articles' lists of `officials time said rachel` were 2.3 MB, 26 ms of CPU to read in a new
 * process against 0.6-1.1 ms for the first segment's (load 9), and common words took 7 ms of
 * CPU more. With merges by size level (eight of a level made one of the next) the bench's index
 * of 100,000 articles kept 29 segments: its segments of 2,000,000 postings straddled a level's
 * bound, and a typo query read `31` and the ten words it begins from each of them, 319 rows.
 */
export function mergeSegments(db: Db, firstMost = SEGMENT_POSTINGS): void {
  const segments = db
    .prepare('SELECT segment, position, postings FROM segments ORDER BY position')
    .all() as Segment[];
  let after = 0;
  let from = -1;
  for (let i = segments.length - 1; i >= 0; i--) {
    const own = segments[i]!.postings;
    if (i < segments.length - 1 && own <= after && (i > 0 || own + after <= firstMost)) from = i;
    after += own;
  }
  if (from >= 0) mergeRun(db, segments.slice(from));
}

/** Rows read ahead from all the merged segments together, at least `PAGE_LEAST` from each. */
const PAGE = 4096;
const PAGE_LEAST = 64;

/** Joins consecutive segments into one that takes the first one's place. */
function mergeRun(db: Db, run: Segment[]): void {
  // A build's merge joins every segment it wrote (290 for a million articles): rows read ahead
  // from each, a page of a few thousand, would hold most of the index in memory at once.
  const rows = Math.max(PAGE_LEAST, Math.floor(PAGE / run.length));
  const page = db.prepare(
    'SELECT word, list FROM postings WHERE segment = ? AND word > ? ORDER BY word LIMIT ?',
  );
  const put = db.prepare('INSERT INTO postings (segment, word, list) VALUES (?, ?, ?)');
  const next = (db.prepare("SELECT value FROM meta WHERE key = 'next_segment'").pluck().get() ??
    0) as number | string;
  const segment = Number(next) + 1;
  db.transaction(() => {
    const cursors = run.map((own) => ({ own, rows: [] as Row[], at: 0, after: '', done: false }));
    const head = (cursor: (typeof cursors)[number]): Row | null => {
      if (cursor.at >= cursor.rows.length && !cursor.done) {
        cursor.rows = page.all(cursor.own.segment, cursor.after, rows) as Row[];
        cursor.at = 0;
        if (cursor.rows.length < rows) cursor.done = true;
        if (cursor.rows.length > 0) cursor.after = cursor.rows[cursor.rows.length - 1]!.word;
      }
      return cursor.rows[cursor.at] ?? null;
    };
    let total = 0;
    for (;;) {
      // Rows come in SQLite's order of UTF-8 bytes, which is code-point order.
      let word: string | null = null;
      for (const cursor of cursors) {
        const row = head(cursor);
        if (row && (word === null || byCodePoint(row.word, word) < 0)) word = row.word;
      }
      if (word === null) break;
      const lists: Uint8Array[] = [];
      for (const cursor of cursors) {
        const row = head(cursor);
        if (row?.word === word) {
          lists.push(row.list);
          cursor.at++;
        }
      }
      const joined = lists.length === 1 ? lists[0]! : joinPostings(lists);
      total += countPostings(joined);
      put.run(segment, word, joined);
    }
    const ids = run.map((own) => own.segment);
    const holes = ids.map(() => '?').join(', ');
    db.prepare(`DELETE FROM postings WHERE segment IN (${holes})`).run(...ids);
    db.prepare(`DELETE FROM segments WHERE segment IN (${holes})`).run(...ids);
    db.prepare('INSERT INTO segments (segment, position, postings) VALUES (?, ?, ?)').run(
      segment,
      run[0]!.position,
      total,
    );
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('next_segment', ?)").run(
      String(segment),
    );
  })();
}

interface Row {
  word: string;
  list: Buffer;
}
