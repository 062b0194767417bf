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
 * a million articles) instead of asking SQLite about each article it meets.
 */
export function writeSnapshot(db: Db): void {
  const indexed = Number(
    db.prepare("SELECT value FROM meta WHERE key = 'indexed'").pluck().get() ?? 0,
  );
  const keyLimit = Number(
    db.prepare("SELECT value FROM meta WHERE key = 'next_key'").pluck().get() ?? 0,
  );
  const rows = db
    .prepare(
      'SELECT number, first, count, source_key FROM articles WHERE number <= ? ORDER BY number',
    )
    .raw()
    .all(indexed) as Array<[number, number, number, string]>;
  const length = rows.length;
  const numbers = new Uint32Array(length);
  const firsts = new Uint32Array(length);
  const counts = new Uint32Array(length);
  const sourceOf = new Uint32Array(length);
  const sources = [''];
  const sourceNumbers = new Map<string, number>([['', 0]]);
  rows.forEach(([number, first, count, source], a) => {
    numbers[a] = number;
    firsts[a] = first;
    counts[a] = count;
    let known = sourceNumbers.get(source);
    if (known === undefined) {
      known = sources.length;
      sources.push(source);
      sourceNumbers.set(source, known);
    }
    sourceOf[a] = known;
  });
  const order = Uint32Array.from(
    db
      .prepare('SELECT number FROM articles WHERE number <= ? ORDER BY path')
      .pluck()
      .all(indexed) as number[],
  );
  const ords = new Uint32Array(length);
  let ordered = true;
  order.forEach((number, ord) => {
    const a = positionOf(numbers, number);
    ords[a] = ord;
    if (a !== ord) ordered = false;
  });
  const arrays = { numbers, firsts, counts, ords, sourceOf, order };
  const data = Buffer.concat(
    FIELDS.map((field) => Buffer.from(arrays[field].buffer, 0, arrays[field].byteLength)),
  );
  const info = JSON.stringify({ length, keyLimit, ordered, sources });
  db.transaction(() => {
    const put = db.prepare('INSERT OR REPLACE INTO snapshot (name, data) VALUES (?, ?)');
    put.run('arrays', data);
    put.run('info', Buffer.from(info));
  })();
}

export function readSnapshot(db: Db): Snapshot | null {
  const rows = db.prepare('SELECT name, data FROM snapshot').all() as Array<{
    name: string;
    data: Buffer;
  }>;
  const arrays = rows.find((row) => row.name === 'arrays')?.data;
  const info = rows.find((row) => row.name === 'info')?.data;
  if (!arrays || !info) return null;
  const { length, keyLimit, ordered, sources } = JSON.parse(info.toString()) as {
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
