import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { firstAtLeast, type IndexedArticles } from '../word-index.js';
import { readFully } from './read-fully.js';
import type { Db } from './schema.js';

/** The article table with what only the corpus index needs besides: numbers in corpus order. */
export interface Snapshot extends IndexedArticles {
  /** Article numbers in corpus order. */
  order: Uint32Array;
}

const FIELDS = ['numbers', 'firsts', 'counts', 'ords', 'sourceOf', 'order'] as const;

/** How many article tables were written by appending to the kept one, and whole (for tests). */
export const tableWrites = { appended: 0, whole: 0 };

/**
 * Writes the article table of the indexed articles: search reads it whole (a few megabytes for
 * a million articles) instead of asking SQLite about each article it meets. It goes into the
 * database and, for speed, into a file beside it (`sidecar`): SQLite hands a blob of megabytes
 * over at a tenth of the speed of reading a file. A generation number ties the two together.
 */
export function writeSnapshot(db: Db, sidecar: string | null): void {
  const indexed = Number(
    db.prepare("SELECT value FROM meta WHERE key = 'indexed'").pluck().get() ?? 0,
  );
  const keyLimit = Number(
    db.prepare("SELECT value FROM meta WHERE key = 'next_key'").pluck().get() ?? 0,
  );
  const appended = appendedTable(db, sidecar, indexed);
  const table = appended ?? wholeTable(db, indexed);
  tableWrites[appended ? 'appended' : 'whole']++;
  const { length, ordered, sources } = table;
  const data = Buffer.concat(
    FIELDS.map((field) => Buffer.from(table[field].buffer, 0, table[field].byteLength)),
  );
  // A new token each time: a file left from a deleted index can never pass for this one's.
  const generation = randomUUID();
  const info = JSON.stringify({ length, keyLimit, ordered, sources, generation });
  db.transaction(() => {
    const put = db.prepare('INSERT OR REPLACE INTO snapshot (name, data) VALUES (?, ?)');
    put.run('arrays', data);
    put.run('info', Buffer.from(info));
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('snapshot', ?)").run(generation);
  })();
  if (sidecar) writeSidecar(sidecar, info, data);
}

/** The columns of the article table, with what its header says of them. */
interface Columns extends Record<(typeof FIELDS)[number], Uint32Array> {
  length: number;
  ordered: boolean;
  sources: string[];
}

/** The article table of every article numbered up to `indexed`, read from the index. */
function wholeTable(db: Db, indexed: number): Columns {
  // In corpus order, over an index that holds every column needed: a column a pass, since
  // plain values cost a tenth of a row array each (100,000 rows: 90 ms against 160-290 ms).
  const column = <T>(name: string) =>
    db
      .prepare(
        `SELECT ${name} FROM articles INDEXED BY articles_order WHERE number <= ? ORDER BY path`,
      )
      .pluck()
      .all(indexed) as T[];
  const { inOrder, firstsInOrder, countsInOrder, sourcesInOrder } = db.transaction(() => ({
    inOrder: column<number>('number'),
    firstsInOrder: column<number>('first'),
    countsInOrder: column<number>('count'),
    sourcesInOrder: column<string>('source_key'),
  }))();
  const length = inOrder.length;
  const order = Uint32Array.from(inOrder);
  // Positions follow article numbers (and so keys): the corpus order sorted by number, by
  // counting, since numbers are distinct and below the next one to give.
  const ordOf = new Int32Array(maxOf(order) + 1).fill(-1);
  order.forEach((number, ord) => {
    ordOf[number] = ord;
  });
  const byNumber: number[] = [];
  for (let number = 0; number < ordOf.length; number++) {
    if (ordOf[number]! >= 0) byNumber.push(ordOf[number]!);
  }
  const numbers = new Uint32Array(length);
  const firsts = new Uint32Array(length);
  const counts = new Uint32Array(length);
  const sourceOf = new Uint32Array(length);
  const ords = new Uint32Array(length);
  const sources = [''];
  const sourceNumbers = new Map<string, number>([['', 0]]);
  let ordered = true;
  byNumber.forEach((ord, a) => {
    const source = sourcesInOrder[ord]!;
    numbers[a] = order[ord]!;
    firsts[a] = firstsInOrder[ord]!;
    counts[a] = countsInOrder[ord]!;
    ords[a] = ord;
    if (a !== ord) ordered = false;
    let known = sourceNumbers.get(source);
    if (known === undefined) {
      known = sources.length;
      sources.push(source);
      sourceNumbers.set(source, known);
    }
    sourceOf[a] = known;
  });
  return { numbers, firsts, counts, ords, sourceOf, order, length, ordered, sources };
}

/** Articles appended to the table kept rather than the table read again (`appendedTable`). */
const APPENDED_MOST = 256;

/**
 * The article table kept, with the articles written since appended, when they are all that
 * changed (none removed nor written again, at most `APPENDED_MOST`); else null. Every article
 * written gets a number above every other, so they go at the end of the columns by number, and
 * into the corpus order where their paths fall. Reading four columns of 100,000 rows again took
 * 0.3-0.4 s of CPU of every article added to a corpus of that size (place57).
 */
function appendedTable(db: Db, sidecar: string | null, indexed: number): Columns | null {
  const before = readSnapshot(db, sidecar);
  if (!before) return null;
  try {
    const length = before.length;
    if (length === 0) return null;
    const numbers = before.numbers;
    const last = numbers[length - 1]!;
    const added = db
      .prepare(
        'SELECT path, number, first, count, source_key FROM articles WHERE number > ? AND number <= ? ORDER BY path',
      )
      .raw()
      .all(last, indexed) as Array<[string, number, number, number, string]>;
    if (added.length === 0 || added.length > APPENDED_MOST) return null;
    const total = db
      .prepare('SELECT count(*) FROM articles WHERE number <= ?')
      .pluck()
      .get(indexed) as number;
    // One kept before is gone (removed, or written again under a new number).
    if (total !== length + added.length) return null;
    // Where each goes in the corpus order: after the kept articles whose paths sort before it,
    // found by a binary search over the kept order (SQLite comparing the paths, as its `ORDER BY
    // path` does). A count over the index per article scanned it up to that path: 200 added at
    // the end of 100,000 took 5 s against 0.4 s for the whole table read (review58-a).
    const kept = before.order;
    const sortsBefore = db.prepare('SELECT path < ? FROM articles WHERE number = ?').pluck();
    let low = 0;
    const at = added.map(([path]) => {
      // The added paths come in order: each goes at or after the one before.
      let high = length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (sortsBefore.get(path, kept[mid]!) === 1) low = mid + 1;
        else high = mid;
      }
      return low;
    });
    const size = length + added.length;
    const order = new Uint32Array(size);
    let from = 0;
    added.forEach(([, number], i) => {
      const to = at[i]!;
      order.set(kept.subarray(from, to), from + i);
      order[to + i] = number;
      from = to;
    });
    order.set(kept.subarray(from), from + added.length);
    // The kept articles' positions, moved by the articles put before them.
    const ords = new Uint32Array(size);
    const keptOrds = before.ords;
    const movedBy = new Uint32Array(length + 1);
    for (const to of at) movedBy[to]!++;
    for (let o = 1; o <= length; o++) movedBy[o]! += movedBy[o - 1]!;
    for (let a = 0; a < length; a++) ords[a] = keptOrds[a]! + movedBy[keptOrds[a]!]!;
    const sources = [...before.sources];
    const sourceNumbers = new Map(sources.map((source, n) => [source, n]));
    const byNumber = added.map((_, i) => i).sort((x, y) => added[x]![1] - added[y]![1]);
    const grown = (column: Uint32Array) => {
      const out = new Uint32Array(size);
      out.set(column);
      return out;
    };
    const columns = {
      numbers: grown(numbers),
      firsts: grown(before.firsts),
      counts: grown(before.counts),
      sourceOf: grown(before.sourceOf),
    };
    byNumber.forEach((i, k) => {
      const [, number, first, count, source] = added[i]!;
      const a = length + k;
      columns.numbers[a] = number;
      columns.firsts[a] = first;
      columns.counts[a] = count;
      ords[a] = at[i]! + i;
      let known = sourceNumbers.get(source);
      if (known === undefined) {
        known = sources.length;
        sources.push(source);
        sourceNumbers.set(source, known);
      }
      columns.sourceOf[a] = known;
    });
    let ordered = true;
    for (let a = 0; a < size && ordered; a++) if (ords[a] !== a) ordered = false;
    return { ...columns, ords, order, length: size, ordered, sources };
  } finally {
    before.close();
  }
}

function maxOf(values: Uint32Array): number {
  let max = 0;
  for (const value of values) if (value > max) max = value;
  return max;
}

const MAGIC = 'margin-snapshot\n';

function writeSidecar(file: string, info: string, data: Buffer): void {
  const header = Buffer.from(`${MAGIC}${info}\n`);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([header, data]));
    renameSync(temporary, file);
  } catch {
    // Only a shortcut: without it the table is read from the database.
    rmSync(temporary, { force: true });
  }
}

/** The sidecar's header, when it is of the generation the database names. */
function openSidecar(
  file: string,
  generation: string,
): { fd: number; info: Info; at: number } | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    // The header is the magic line and one line of JSON: read until its end.
    let bytes = Buffer.alloc(0);
    let end = -1;
    while (end < 0) {
      const chunk = Buffer.alloc(Math.max(4096, bytes.length));
      const read = readSync(fd, chunk, 0, chunk.length, bytes.length);
      if (read === 0) break;
      bytes = Buffer.concat([bytes, chunk.subarray(0, read)]);
      end = bytes.indexOf(10, MAGIC.length);
    }
    if (end < 0 || bytes.subarray(0, MAGIC.length).toString() !== MAGIC) throw new Error();
    const info = JSON.parse(bytes.subarray(MAGIC.length, end).toString()) as Info;
    if (info.generation !== generation) throw new Error();
    return { fd, info, at: end + 1 };
  } catch {
    closeSync(fd);
    return null;
  }
}

interface Info {
  length: number;
  keyLimit: number;
  ordered: boolean;
  sources: string[];
  generation?: string;
}

/** How many article numbers `numberAt` reads one by one before it reads their column whole. */
const SINGLE_NUMBERS = 64;

/**
 * The article table of the index. From the sidecar, each column is read when first asked for,
 * and a page of the corpus order alone when only that is asked for: a command pays for what it
 * uses (the list's first page reads a few kilobytes of a table of 24 MB at a million articles).
 * The file stays open until `close`, so a refresh that replaces it meanwhile changes nothing
 * read here. Without the sidecar, the table is read whole from the database.
 */
export class ArticleTable implements Snapshot {
  readonly length: number;
  readonly keyLimit: number;
  readonly ordered: boolean;
  readonly sources: readonly string[];
  private readonly columns: (Uint32Array | undefined)[];
  private fd: number | null;
  /** Where the columns start in the sidecar. */
  private readonly at: number;
  private closed = false;
  /** Numbers read one by one so far (`numberAt`). */
  private singles = 0;

  constructor(info: Info, from: { columns: Uint32Array[] } | { fd: number; at: number }) {
    this.length = info.length;
    this.keyLimit = info.keyLimit;
    this.ordered = info.ordered;
    this.sources = info.sources;
    this.columns = 'columns' in from ? from.columns : [];
    this.fd = 'fd' in from ? from.fd : null;
    this.at = 'at' in from ? from.at : 0;
  }

  get numbers(): Uint32Array {
    return this.column(0);
  }
  get firsts(): Uint32Array {
    return this.column(1);
  }
  get counts(): Uint32Array {
    return this.column(2);
  }
  get ords(): Uint32Array {
    return this.column(3);
  }
  get sourceOf(): Uint32Array {
    return this.column(4);
  }
  get order(): Uint32Array {
    return this.column(5);
  }

  /**
   * The number of the article at position `a`. Until the column is read whole, the first few
   * are read one by one: a search that reads a few articles (a typo query probes 8 sentences and
   * shows one hit) read all of it, 400 KB at 100,000 articles; one that reads many reads it once.
   */
  numberAt(a: number): number | undefined {
    const whole = this.columns[0];
    if (whole) return whole[a];
    if (this.fd === null || a < 0 || a >= this.length || ++this.singles > SINGLE_NUMBERS)
      return this.column(0)[a];
    return this.read(0, a, a + 1)[0];
  }

  /** The article numbers at corpus positions `from` to `to` (excluded). */
  orderRange(from: number, to: number): Uint32Array {
    const lo = Math.max(0, Math.min(from, this.length));
    const hi = Math.max(lo, Math.min(to, this.length));
    const whole = this.columns[5];
    if (whole || this.fd === null) return this.column(5).subarray(lo, hi);
    return this.read(5, lo, hi);
  }

  /** Lets go of the sidecar: the columns read so far stay. */
  close(): void {
    this.closed = true;
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private column(field: number): Uint32Array {
    let found = this.columns[field];
    if (!found) {
      found = this.fd === null ? new Uint32Array(this.length) : this.read(field, 0, this.length);
      this.columns[field] = found;
    }
    return found;
  }

  private read(field: number, from: number, to: number): Uint32Array {
    if (this.closed || this.fd === null) throw new Error('the corpus index is closed');
    const out = new Uint32Array(to - from);
    const start = this.at + (field * this.length + from) * 4;
    readFully(
      this.fd,
      new Uint8Array(out.buffer),
      start,
      'the article table beside the corpus index is cut short',
    );
    return out;
  }
}

/** The article table as the last refresh wrote it, or null when none is written. */
export function readSnapshot(db: Db, sidecar: string | null): ArticleTable | null {
  const generation = db.prepare("SELECT value FROM meta WHERE key = 'snapshot'").pluck().get() as
    | string
    | undefined;
  const opened = sidecar && generation ? openSidecar(sidecar, generation) : null;
  if (opened) return new ArticleTable(opened.info, { fd: opened.fd, at: opened.at });
  const rows = db.prepare('SELECT name, data FROM snapshot').all() as Array<{
    name: string;
    data: Buffer;
  }>;
  const arrays = rows.find((row) => row.name === 'arrays')?.data;
  const info = rows.find((row) => row.name === 'info')?.data;
  if (!arrays || !info) return null;
  const parsed = JSON.parse(info.toString()) as Info;
  // One aligned copy; each column is a view into it.
  const all = new Uint32Array(arrays.byteLength / 4);
  new Uint8Array(all.buffer).set(arrays);
  const { length } = parsed;
  const columns = FIELDS.map((_, i) => all.subarray(i * length, (i + 1) * length));
  return new ArticleTable(parsed, { columns });
}

/** The table of an index with no article yet. */
export function emptyTable(): ArticleTable {
  return new ArticleTable(
    { length: 0, keyLimit: 0, ordered: true, sources: [''] },
    { columns: FIELDS.map(() => new Uint32Array(0)) },
  );
}

/** The position of an article number in the ascending `numbers`, or -1. */
export function positionOf(numbers: Uint32Array, number: number): number {
  const at = firstAtLeast(numbers, number);
  return numbers[at] === number ? at : -1;
}
