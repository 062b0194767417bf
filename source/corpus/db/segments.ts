import { byCodePoint } from '../files.js';
import { countPostings, joinPostings } from './postings.js';
import type { Db } from './schema.js';

/** Segments of one size level merge this many at a time. */
const FANOUT = 8;
/** Segments under this many postings are all of the lowest level. */
const SMALLEST = 4096;

interface Segment {
  segment: number;
  position: number;
  postings: number;
}

function level(segment: Segment): number {
  return Math.max(0, Math.floor(Math.log(segment.postings / SMALLEST) / Math.log(FANOUT)));
}

/**
 * Keeps the number of segments a word is read from small: whenever the newest segments include
 * eight of one size level, they become one. Each posting is rewritten about once per level
 * (three for a million articles), and a search reads a few dozen lists per word at most.
 */
export function mergeSegments(db: Db): void {
  for (;;) {
    const segments = db
      .prepare('SELECT segment, position, postings FROM segments ORDER BY position')
      .all() as Segment[];
    if (segments.length < FANOUT) return;
    const newest = level(segments[segments.length - 1]!);
    let from = segments.length - 1;
    while (from > 0 && level(segments[from - 1]!) <= newest) from--;
    if (segments.length - from < FANOUT) return;
    mergeRun(db, segments.slice(from));
  }
}

const PAGE = 4096;

/** Joins consecutive segments into one that takes the first one's place. */
function mergeRun(db: Db, run: Segment[]): void {
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
        cursor.rows = page.all(cursor.own.segment, cursor.after, PAGE) as Row[];
        cursor.at = 0;
        if (cursor.rows.length < PAGE) cursor.done = true;
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
