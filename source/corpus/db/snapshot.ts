import { randomUUID } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { IndexedArticles } from '../word-index.js';
import type { Db } from './schema.js';

/** The article table with what only the corpus index needs besides: numbers in corpus order. */
export interface Snapshot extends IndexedArticles {
  /** Article numbers in corpus order. */
  order: Uint32Array;
}

const FIELDS = ['numbers', 'firsts', 'counts', 'ords', 'sourceOf', 'order'] as const;

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
  // One pass in corpus order over an index that holds every column needed.
  const rows = db
    .prepare(
      'SELECT number, first, count, source_key FROM articles INDEXED BY articles_order WHERE number <= ? ORDER BY path',
    )
    .raw()
    .all(indexed) as Array<[number, number, number, string]>;
  const length = rows.length;
  const order = new Uint32Array(length);
  rows.forEach(([number], ord) => {
    order[ord] = number;
  });
  // Positions follow article numbers (and so keys): sort the corpus order by number.
  const byNumber = Array.from({ length }, (_, ord) => ord).sort((x, y) => order[x]! - order[y]!);
  const numbers = new Uint32Array(length);
  const firsts = new Uint32Array(length);
  const counts = new Uint32Array(length);
  const sourceOf = new Uint32Array(length);
  const ords = new Uint32Array(length);
  const sources = [''];
  const sourceNumbers = new Map<string, number>([['', 0]]);
  let ordered = true;
  byNumber.forEach((ord, a) => {
    const [number, first, count, source] = rows[ord]!;
    numbers[a] = number;
    firsts[a] = first;
    counts[a] = count;
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
  const arrays = { numbers, firsts, counts, ords, sourceOf, order };
  const data = Buffer.concat(
    FIELDS.map((field) => Buffer.from(arrays[field].buffer, 0, arrays[field].byteLength)),
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

/** The sidecar's info and arrays, when it is of the generation the database names. */
function readSidecar(
  file: string,
  generation: string,
): { info: string; arrays: Uint8Array } | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  const start = MAGIC.length;
  if (bytes.subarray(0, start).toString() !== MAGIC) return null;
  const end = bytes.indexOf(10, start);
  if (end < 0) return null;
  const info = bytes.subarray(start, end).toString();
  try {
    if ((JSON.parse(info) as { generation?: string }).generation !== generation) return null;
  } catch {
    return null;
  }
  return { info, arrays: bytes.subarray(end + 1) };
}

export function readSnapshot(db: Db, sidecar: string | null): Snapshot | null {
  const generation = db.prepare("SELECT value FROM meta WHERE key = 'snapshot'").pluck().get() as
    | string
    | undefined;
  let found = sidecar && generation ? readSidecar(sidecar, generation) : null;
  if (!found) {
    const rows = db.prepare('SELECT name, data FROM snapshot').all() as Array<{
      name: string;
      data: Buffer;
    }>;
    const arrays = rows.find((row) => row.name === 'arrays')?.data;
    const info = rows.find((row) => row.name === 'info')?.data;
    if (!arrays || !info) return null;
    found = { info: info.toString(), arrays };
  }
  const { info, arrays } = found;
  const { length, keyLimit, ordered, sources } = JSON.parse(info) as {
    length: number;
    keyLimit: number;
    ordered: boolean;
    sources: string[];
  };
  // One aligned copy; each field is a view into it.
  const all = new Uint32Array(arrays.byteLength / 4);
  new Uint8Array(all.buffer).set(arrays);
  const field = (i: number) => all.subarray(i * length, (i + 1) * length);
  return {
    length,
    numbers: field(0),
    firsts: field(1),
    counts: field(2),
    ords: field(3),
    sourceOf: field(4),
    order: field(5),
    sources,
    ordered,
    keyLimit,
  };
}

/** The position of an article number in the ascending `numbers`, or -1. */
export function positionOf(numbers: Uint32Array, number: number): number {
  let low = 0;
  let high = numbers.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (numbers[middle]! < number) low = middle + 1;
    else high = middle;
  }
  return numbers[low] === number ? low : -1;
}
