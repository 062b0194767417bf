import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from 'node:worker_threads';
import { workerScript } from '../corpus/worker-script.js';
import { KeptRendering, type RenderedRow } from './store-index.js';

/** Articles an export reads per transaction of each index. */
const READ_CHUNK = 64;
/** When an export reads ahead on a thread. Tests lower it, so that a few articles do. */
export const readAheadSettings = {
  /**
   * Below this many articles the export reads on its own thread: starting one (50-100 ms of
   * CPU, the first chunk waiting for it) costs more than the reads it would take over.
   */
  from: 2_048,
};
/** Chunks the thread reads before the export takes the first of them: a few hundred KB held. */
export const AHEAD = 2;
/**
 * How long the export waits for a chunk before it reads it itself: the thread is gone or stuck
 * (a chunk takes milliseconds, seconds under load), and the export only goes slower without it.
 */
const GIVE_UP_MS = 30_000;

/**
 * Where each chunk of `total` articles read at once starts, and its size: the first chunks are
 * small, so that the first article is out after one read.
 */
export function* chunks(total: number): Generator<[from: number, size: number]> {
  for (let from = 0, size = 1; from < total; from += size, size = Math.min(2 * size, READ_CHUNK)) {
    yield [from, size];
  }
}

/** What the thread is given: the two index files, what to read of which articles. */
export interface ReadAheadJob {
  store: string;
  /** The corpus index's file when texts are read (`quotedTexts`), else null. */
  corpus: string | null;
  kind: string;
  generation: string;
  ids: readonly string[];
}

/**
 * One chunk as the thread sends it: each rendered row's five fields in turn (the text's length
 * in place of the text, -1 for none), each text's id and length, and every text's bytes in one
 * buffer, handed over rather than copied.
 */
export interface ChunkMessage {
  rows: Array<string | number | null>;
  textIds: string[];
  textLengths: number[];
  /** Whether texts were read: else the export has none from `quotedTexts` either. */
  withTexts: boolean;
  bytes: ArrayBuffer;
}

/** `state`'s slots: chunks the export took, chunks the thread sent, 1 once the thread failed. */
export const TAKEN = 0;
export const SENT = 1;
export const FAILED = 2;

/** A chunk's reads, as `renderedOf` and `quotedTexts` give them. */
export interface ChunkReads {
  found: Map<string, RenderedRow[]>;
  texts: Map<string, Uint8Array> | undefined;
}

/**
 * An export's reads of the store's kept renderings and the corpus's texts, chunk by chunk in
 * `chunks` order, made on a thread of their own a chunk or two ahead of the export: on the main
 * thread they were half of its CPU (SQLite's reads of 211,258 renderings and 100,000 texts),
 * which it now spends writing while the thread reads. Taken synchronously (the store's `rendered`
 * is a generator). `next` gives null once the thread failed: the export reads the rest itself.
 */
export class ReadAhead {
  private readonly state = new Int32Array(new SharedArrayBuffer(3 * 4));
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private taken = 0;
  private failed = false;

  private constructor(job: ReadAheadJob) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(workerScript('./read-ahead-worker.js', import.meta.url), {
      workerData: { ...job, state: this.state, port: port2 },
      transferList: [port2],
    });
    // Never what keeps the process alive; an error is seen as `FAILED` or a chunk not sent.
    this.worker.unref();
    this.worker.on('error', () => undefined);
  }

  /** Null where no thread could be started. */
  static start(job: ReadAheadJob): ReadAhead | null {
    try {
      return new ReadAhead(job);
    } catch {
      return null;
    }
  }

  /** The next chunk's reads; null when the thread failed (then for every chunk after). */
  next(kind: string): ChunkReads | null {
    if (this.failed) return null;
    const { state } = this;
    let waited = 0;
    for (;;) {
      const got = receiveMessageOnPort(this.port);
      if (got) {
        this.taken++;
        Atomics.store(state, TAKEN, this.taken);
        Atomics.notify(state, TAKEN);
        return decode(got.message as ChunkMessage, kind);
      }
      if (Atomics.load(state, FAILED) === 1 || waited >= GIVE_UP_MS) return this.fail();
      // Sent counts a chunk after its message is posted: more sent than taken, it is there.
      if (Atomics.load(state, SENT) > this.taken) continue;
      const started = performance.now();
      Atomics.wait(state, SENT, this.taken, 100);
      waited += performance.now() - started;
    }
  }

  close(): void {
    this.port.close();
    void this.worker.terminate();
  }

  private fail(): null {
    this.failed = true;
    this.close();
    return null;
  }
}

/** The chunk's rows and texts, their bytes views into the buffer the thread handed over. */
function decode(message: ChunkMessage, kind: string): ChunkReads {
  const { rows, textIds, textLengths, bytes } = message;
  let at = 0;
  const view = (length: number) => {
    const part = Buffer.from(bytes, at, length);
    at += length;
    return part;
  };
  const found = new Map<string, RenderedRow[]>();
  for (let i = 0; i < rows.length; i += 5) {
    const length = rows[i + 2] as number;
    const row = new KeptRendering(
      rows[i + 1] as string,
      length < 0 ? null : view(length),
      kind,
      rows[i + 3] as string | null,
      rows[i + 4] as string,
    );
    const article = rows[i] as string;
    const own = found.get(article);
    if (own) own.push(row);
    else found.set(article, [row]);
  }
  if (!message.withTexts) return { found, texts: undefined };
  const texts = new Map<string, Uint8Array>();
  for (const [n, id] of textIds.entries()) texts.set(id, view(textLengths[n]!));
  return { found, texts };
}
