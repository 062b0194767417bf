/**
 * The thread of a `ReadAhead`: reads each chunk of an export's articles from the store's index
 * (their kept renderings) and the corpus index (their texts), on connections of its own opened
 * read-only, at most `AHEAD` chunks before the export has taken them.
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import { QUOTED_TEXTS } from '../corpus/db/disk-index.js';
import { openSqlite } from '../corpus/db/sqlite.js';
import {
  AHEAD,
  type ChunkMessage,
  chunks,
  FAILED,
  type ReadAheadJob,
  SENT,
  TAKEN,
} from './read-ahead.js';
import { RENDERED_OF } from './store-index-sql.js';

/**
 * SQLite's page cache per connection, in KB: each page is read once, in order, so a small one
 * does (the export's own connections keep 16 MB each, counted in its peak memory).
 */
const CACHE_KB = 2_048;

const job = workerData as ReadAheadJob & { state: Int32Array; port: MessagePort };
const { state, port } = job;

try {
  const store = openSqlite(job.store, { readonly: true, fileMustExist: true, timeout: 5000 });
  store.pragma(`cache_size = -${CACHE_KB}`);
  const renderedOf = store.prepare(RENDERED_OF).raw();
  const corpus =
    job.corpus === null
      ? null
      : openSqlite(job.corpus, { readonly: true, fileMustExist: true, timeout: 5000 });
  corpus?.pragma(`cache_size = -${CACHE_KB}`);
  const quotedTexts = corpus?.prepare(QUOTED_TEXTS).raw() ?? null;
  const { kind, generation, ids } = job;
  let sent = 0;
  for (const [from, size] of chunks(ids.length)) {
    for (let taken = Atomics.load(state, TAKEN); sent - taken >= AHEAD; ) {
      Atomics.wait(state, TAKEN, taken);
      taken = Atomics.load(state, TAKEN);
    }
    const articles = JSON.stringify(ids.slice(from, from + size));
    const rows = renderedOf.all({ articles, kind, generation }) as unknown[][];
    const texts = (quotedTexts?.all(articles) ?? []) as Array<[string, Buffer]>;
    let total = 0;
    for (const row of rows) total += (row[2] as Buffer | null)?.length ?? 0;
    for (const [, text] of texts) total += text.length;
    // A buffer of its own (never the pool's), so that it is handed over, not copied.
    const bytes = Buffer.allocUnsafeSlow(total);
    let at = 0;
    const message: ChunkMessage = {
      rows: [],
      textIds: [],
      textLengths: [],
      withTexts: quotedTexts !== null,
      bytes: bytes.buffer as ArrayBuffer,
    };
    for (const [article, annotator, text, fingerprint, placedOn] of rows) {
      const length = text === null ? -1 : (text as Buffer).length;
      if (text !== null) at += (text as Buffer).copy(bytes, at);
      message.rows.push(
        article as string,
        annotator as string,
        length,
        fingerprint as string | null,
        placedOn as string,
      );
    }
    for (const [id, text] of texts) {
      at += text.copy(bytes, at);
      message.textIds.push(id);
      message.textLengths.push(text.length);
    }
    port.postMessage(message, [message.bytes]);
    sent++;
    Atomics.store(state, SENT, sent);
    Atomics.notify(state, SENT);
  }
  store.close();
  corpus?.close();
} catch {
  // The export reads what is left itself.
  Atomics.store(state, FAILED, 1);
  Atomics.notify(state, SENT);
}
