import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

/**
 * Article texts read ahead on a helper thread with its own connection to the corpus index, a
 * window of ids at a time. An export that writes whole texts (Label Studio, Prodigy, doccano as
 * JSON strings, brat as plain text) spent about 2 of its 5 s at 100,000 articles in SQLite,
 * reading (and quoting) 440 MB of text on the main thread: the other core does it now while the
 * main thread writes the window before.
 */
export type TextForm = 'quoted' | 'plain';

export interface TextsAhead {
  /** Asks for the texts of `ids`, read in the order asked for: no wait. */
  ask(ids: readonly string[]): void;
  /**
   * The text of `id`, taken out (each is read once): waits for its window when it was asked
   * for and is not in yet. Undefined when it was not asked for, the article has none, or the
   * thread failed: the caller then reads it itself.
   */
  take(id: string): Uint8Array | undefined;
  /**
   * True once the thread is known to give nothing (it could not open the index, a window never
   * came, or it was closed): every text is then read by the caller.
   */
  readonly failed: boolean;
  /** Stops the thread. */
  close(): Promise<void>;
}

const SQL: Record<TextForm, string> = {
  // As DiskCorpusIndex's quotedText and plainText: the same bytes, read the same way.
  quoted: 'SELECT CAST(json_quote(text) AS BLOB) FROM articles WHERE id = ?',
  plain: 'SELECT CAST(text AS BLOB) FROM articles WHERE id = ?',
};

// Plain JavaScript run with `eval`: no script file to find next to the bundle. A window's texts
// go back on the port as one buffer (moved, not copied) and where each ends (-1: none), then
// the count of windows sent (state[0]) is raised, for a main thread waiting on it. A window that
// could not be read goes back empty, and its texts are read by the main thread; an index that
// cannot be opened sets state[1], and the main thread reads every text itself.
const WORKER = `
const { workerData } = require('node:worker_threads');
const { port, state } = workerData;
let read = null;
try {
  const Database = require(workerData.sqlite);
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  read = db.prepare(workerData.sql).pluck();
} catch {
  Atomics.store(state, 1, 1);
  Atomics.notify(state, 0);
}
port.on('message', (ids) => {
  if (!read) return;
  const ends = new Float64Array(ids.length).fill(-1);
  let all = new Uint8Array(0);
  try {
    const parts = [];
    let size = 0;
    for (let i = 0; i < ids.length; i++) {
      const bytes = read.get(ids[i]);
      if (!bytes) continue;
      parts.push(bytes);
      size += bytes.length;
      ends[i] = size;
    }
    all = new Uint8Array(size);
    let at = 0;
    for (const bytes of parts) {
      all.set(bytes, at);
      at += bytes.length;
    }
  } catch {
    ends.fill(-1);
  }
  port.postMessage({ ids, ends, all }, [all.buffer, ends.buffer]);
  Atomics.add(state, 0, 1);
  Atomics.notify(state, 0);
});
`;

/**
 * How long the main thread waits for one window before it reads the texts itself: a thread that
 * died without a word (it never should: it answers every window, and says when it cannot open).
 */
const PATIENCE_MS = 10_000;
/** Texts of windows this many behind the newest that were never taken are dropped. */
const WINDOWS_KEPT = 3;
/** Windows asked for and not yet taken in, at most: about 4 MB of text on the way. */
const WINDOWS_AHEAD = 4;

interface Window {
  ids: string[];
  ends: Float64Array;
  all: Uint8Array;
}

/**
 * A reader of `form` texts from the corpus index in `file`, or null where no thread can start.
 * The main thread waits for a window only when it needs a text of it (`Atomics.wait`, with the
 * window taken off the port at once, not on the event loop): an export goes on writing while
 * the next windows are read.
 */
export function textsAhead(
  file: string,
  form: TextForm,
  patienceMs = PATIENCE_MS,
): TextsAhead | null {
  const { port1, port2 } = new MessageChannel();
  const state = new Int32Array(new SharedArrayBuffer(8));
  let worker: Worker;
  try {
    const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(WORKER, {
      eval: true,
      workerData: { file, sql: SQL[form], sqlite, port: port2, state },
      transferList: [port2],
    });
  } catch {
    return null;
  }
  worker.unref();
  // The window each text asked for and not yet in belongs to; texts in, with their window.
  const asked = new Map<string, number>();
  const held = new Map<string, { bytes: Uint8Array; window: number }>();
  let windowsAsked = 0;
  let windowsIn = 0;
  let failed = false;
  worker.on('error', () => {
    failed = true;
  });

  /** Takes in one window: the next one on the port, waiting for it when `wait`. */
  const receive = (wait: boolean): boolean => {
    let seen = Atomics.load(state, 0);
    let message = receiveMessageOnPort(port1);
    const until = Date.now() + patienceMs;
    while (!message) {
      const left = until - Date.now();
      if (!wait || left <= 0 || Atomics.load(state, 1) === 1) return false;
      Atomics.wait(state, 0, seen, left);
      seen = Atomics.load(state, 0);
      message = receiveMessageOnPort(port1);
    }
    const { ids, ends, all } = message.message as Window;
    const window = windowsIn++;
    let start = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (asked.get(id) === window) asked.delete(id);
      const end = ends[i]!;
      if (end < 0) continue;
      held.set(id, { bytes: all.subarray(start, end), window });
      start = end;
    }
    for (const [id, text] of held) if (text.window < window - WINDOWS_KEPT) held.delete(id);
    return true;
  };

  return {
    ask(ids) {
      if (failed || ids.length === 0) return;
      // Windows read and never needed (an article whose annotations are all orphans writes no
      // text) are taken in here and dropped in turn, not left on the port; and no more than a
      // few are asked ahead of those taken in: what is not asked is read where it is needed.
      while (receive(false));
      if (windowsAsked - windowsIn >= WINDOWS_AHEAD) return;
      const window = windowsAsked++;
      for (const id of ids) asked.set(id, window);
      port1.postMessage(ids);
    },
    take(id) {
      while (!failed && !held.has(id) && asked.has(id)) {
        if (!receive(true)) failed = true;
      }
      const text = held.get(id);
      if (!text) return undefined;
      held.delete(id);
      return text.bytes;
    },
    get failed() {
      return failed || Atomics.load(state, 1) === 1;
    },
    async close() {
      failed = true;
      held.clear();
      asked.clear();
      port1.close();
      await worker.terminate();
    },
  };
}
