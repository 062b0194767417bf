// Digests of a corpus index's content (XDG_CACHE_HOME/margin/corpus-*.sqlite), one per table,
// for comparing the index two builds make of the same corpus: every article's metadata, text,
// sentence ids and spans, every file's row, the vocabulary, and each word's posting list with its
// segments joined (where a segment ends depends on timing, not on the content). The snapshot and
// meta tables are left out: they hold times and sizes of the run.
//   node scripts/index-digest.mjs INDEX.sqlite [DIST]   (DIST: a build's dist/, for its decoder)
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [file, dist = new URL('../dist', import.meta.url).pathname] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/index-digest.mjs INDEX.sqlite [DIST]');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');
const { decodePostings } = await import(pathToFileURL(resolve(dist, 'corpus/db/postings.js')).href);
const db = new Database(file, { readonly: true });

/** One digest of rows, each column's value with its type, in the order given. */
function digest(rows) {
  const hash = createHash('sha256');
  let count = 0;
  for (const row of rows) {
    for (const value of Object.values(row)) {
      if (Buffer.isBuffer(value)) hash.update(`b${value.length}:`).update(value);
      else if (value === null) hash.update('n;');
      else hash.update(`${typeof value}${String(value).length}:${value}`);
    }
    count++;
  }
  return { rows: count, sha256: hash.digest('hex') };
}

function asBytes(numbers) {
  return Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength);
}

const out = {
  articles: digest(
    db
      .prepare(
        `SELECT number, id, path, first, count, title, date, byline, source, source_key, opening,
           hash, content, warnings, sentence_ids, spans, text FROM articles ORDER BY number`,
      )
      .iterate(),
  ),
  files: digest(
    db
      .prepare(
        'SELECT path, folder, size, mtime, article, problem, duplicate FROM files ORDER BY path',
      )
      .iterate(),
  ),
  vocabulary: digest(db.prepare('SELECT * FROM vocabulary ORDER BY word').iterate()),
  postings: digest(
    (function* () {
      const rows = db
        .prepare(
          `SELECT p.word, p.list FROM postings p JOIN segments s ON s.segment = p.segment
           ORDER BY p.word, s.position`,
        )
        .iterate();
      let word = null;
      let lists = [];
      for (const row of rows) {
        if (row.word !== word && word !== null) {
          yield { word, list: asBytes(decodePostings(lists)) };
          lists = [];
        }
        word = row.word;
        lists.push(row.list);
      }
      if (word !== null) yield { word, list: asBytes(decodePostings(lists)) };
    })(),
  ),
};
console.log(JSON.stringify(out, null, 2));
