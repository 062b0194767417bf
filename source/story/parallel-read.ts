import { Worker } from 'node:worker_threads';
import { Replies } from '../corpus/replies.js';
import { workerScript } from '../corpus/worker-script.js';
import { type ArticleHeads, BatchReader, type ReadReply } from './batch-reader.js';
import { FeatureReader } from './feature-batch.js';
import { leanHeaps } from './lean-heaps.js';
import { sharedLexicons } from './shared-lexicons.js';
import type { StoryIndex } from './story-index.js';
import type { StoryArticle } from './types.js';

/**
 * A worker's young generation: 8 MB. V8's first 1 MB had a worker spend a quarter of its time
 * collecting the short-lived arrays of each sentence; 64 MB held some 50 MB more per worker for
 * no time measured (30,000 articles on 2 workers: the reading's peak RSS 645–690 → 525–565 MB,
 * its CPU time within the runs' spread). At 100,000 articles the reading's end is the build's
 * peak, the thread's heap some 52 MB of it: with 8 MB, not 16, and its heap collected every 32
 * batches (`read-worker.ts`), some 33 MB, for under a second more of its CPU (some 18 s).
 */
const YOUNG = { maxYoungGenerationSizeMb: 8 };
/** Sentences per batch: enough that a message's cost is small beside the reading of it. */
const BATCH_SENTENCES = 4096;
/**
 * Articles per batch of a corpus index read by number (`IndexedArticles`), whose sentences are
 * not counted before they are read: some 4,096 sentences at the scale corpus's 32 an article.
 */
const BATCH_ARTICLES = 128;
/** Batches in flight per worker: the next waits in the worker while one is read. */
const DEPTH = 3;

/** An article as read, with its text's hash where the corpus index keeps one. */
export type ReadArticle = StoryArticle & { hash?: string };

/**
 * The articles of a corpus index on disk, which a reading thread reads itself by number on a
 * connection of its own (`DiskCorpusIndex.articlesByNumber`): handed over by the index's thread,
 * every text was read from SQLite, made into sentences and copied to the reading thread there,
 * on the thread that also takes every batch's words in, which then held the reading back (at
 * 100,000 articles the reading thread stood idle a quarter of its time).
 */
export interface IndexedArticles {
  /** The corpus index's file and its corpus folder as given (`readIndexFile`). */
  file: string;
  root: string;
  /** The articles' numbers, in the order they are read. */
  numbers: Uint32Array;
  /** Reads articles by number on this thread, in that order. */
  read(numbers: Uint32Array): ReadArticle[];
}

export type ArticlesToRead = Iterable<ReadArticle> | AsyncIterable<ReadArticle> | IndexedArticles;

export interface ReadOptions {
  /** Sentences per batch (`BATCH_SENTENCES`; articles per batch of `IndexedArticles`, a 32nd). */
  batchSentences?: number;
  /** Told of each article as it goes into the index, in reading order. */
  seen?: (article: ReadArticle) => void;
  /**
   * Articles (of a corpus index read by number) from which this thread reads the rest alone,
   * the reading threads let go of once they have answered: see `RETIRED_SHARE`.
   */
  aloneFrom?: number;
}

/**
 * The share of a large index's reading (one built once, `StoryIndexOptions.once`) that the
 * index's thread reads alone at its end, the reading threads let go of. At 100,000 articles the
 * reading's end was the build's peak (form59, 2026-12-08: 406.8 MiB with the reading thread
 * alive, 368.1 once it ended, the grouping's highest 373): the index's tables all but whole,
 * and beside them the reading thread's heap (some 39 MB: its word cache and its batches'
 * garbage). Let go of with a fifth left, its heap is given back while the tables still grow
 * by that fifth (some 40 MB); that fifth is read on one core, not two.
 */
export const RETIRED_SHARE = 0.2;

interface Batch {
  seq: number;
  /** The thread reading it, or -1: this one. */
  worker: number;
  /** Its articles, or null when the thread reads them (they come with its reply). */
  articles: ReadArticle[] | null;
  reply: Promise<ReadReply>;
  ready: boolean;
}

/** Whether `articles` are a corpus index's, read by number. */
export function isIndexed(articles: ArticlesToRead): articles is IndexedArticles {
  return 'numbers' in articles && 'read' in articles;
}

/** The articles of `indexed`, read on this thread a batch at a time. */
export function* readHere(indexed: IndexedArticles): Generator<ReadArticle> {
  for (let from = 0; from < indexed.numbers.length; from += BATCH_ARTICLES) {
    yield* indexed.read(indexed.numbers.subarray(from, from + BATCH_ARTICLES));
  }
}

/**
 * Adds every article to `index` (before its build), its sentences read on `workers` threads: one
 * fewer worker thread than that, and this one reading a batch itself whenever every worker has
 * `DEPTH` batches waiting. A worker thread is a V8 heap of its own (some 40 MB at its peak, its
 * young generation and the garbage it promoted): at 100,000 articles the reading set the build's
 * peak, and on two cores the index's thread, between replies, stood idle beside two busy workers.
 */
export function readInParallel(
  articles: ArticlesToRead,
  index: StoryIndex,
  workers: number,
  options: ReadOptions = {},
): Promise<void> {
  return leanHeaps(() => readAll(articles, index, workers, options));
}

async function readAll(
  articles: ArticlesToRead,
  index: StoryIndex,
  workers: number,
  options: ReadOptions,
): Promise<void> {
  const batchSentences = options.batchSentences ?? BATCH_SENTENCES;
  const indexed = isIndexed(articles) ? articles : null;
  const lexicons = sharedLexicons();
  const corpus = indexed ? { file: indexed.file, root: indexed.root } : undefined;
  const threads = Array.from(
    { length: Math.max(1, workers) - 1 },
    () =>
      new Worker(workerScript('./read-worker.js', import.meta.url), {
        workerData: { lexicons, corpus },
        resourceLimits: YOUNG,
      }),
  );
  const local = new BatchReader();
  // Per reader (the threads', then this one's), its word ids → the index's, grown in the order
  // the reader numbered them.
  const ids = [...threads, local].map(() => [] as number[]);
  // Per thread, the batches sent that it has not answered yet. Counted until they were taken
  // in, a thread whose answers waited for this one (busy reading a batch itself) had none left
  // to read, and stood idle while this one, the slower, read the next batch too.
  const waiting = threads.map(() => 0);
  const replies = new Replies<ReadReply>();
  for (const thread of threads) replies.watch(thread, 'a story reading thread');
  const queue: Batch[] = [];
  let seq = 0;
  // Sentence ids cross from a reading thread only where a reviewer's link may name one.
  const sentenceIds = index.pinsSentences();
  const texts = (read: readonly StoryArticle[]) => {
    const out: string[] = [];
    for (const article of read) for (const sentence of article.sentences) out.push(sentence.text);
    return out;
  };
  // Whether the reading threads get no more batches (`aloneFrom`), and are let go of.
  let alone = false;
  let retired = threads.length === 0;
  const retire = async () => {
    if (retired || waiting.some((count) => count > 0) || queue.some((b) => b.worker >= 0)) return;
    retired = true;
    await Promise.all(threads.map((thread) => thread.terminate()));
  };
  const send = (batch: { articles: ReadArticle[] } | { numbers: Uint32Array }) => {
    const worker = alone ? -1 : waiting.findIndex((count) => count < DEPTH);
    let reply: Promise<ReadReply>;
    let held: ReadArticle[] | null = null;
    if (worker >= 0) {
      reply = replies.expect(seq);
      if ('articles' in batch) {
        held = batch.articles;
        threads[worker]!.postMessage({ seq, texts: texts(batch.articles) });
      } else threads[worker]!.postMessage({ seq, numbers: batch.numbers, sentenceIds });
      waiting[worker]!++;
    } else {
      held = 'articles' in batch ? batch.articles : indexed!.read(batch.numbers);
      reply = Promise.resolve(local.read({ seq, texts: texts(held) }));
    }
    const queued: Batch = { seq: seq++, worker, articles: held, reply, ready: worker < 0 };
    if (worker >= 0) {
      reply
        .then(() => {
          queued.ready = true;
          waiting[worker]!--;
        })
        .catch(() => {});
    }
    queue.push(queued);
  };
  const apply = async () => {
    const batch = queue.shift()!;
    const reply = await batch.reply;
    const map = ids.at(batch.worker)!;
    for (const word of reply.words) map.push(index.vocabulary.id(word));
    const features = new FeatureReader(reply.packed, map);
    for (const article of batch.articles ?? fromHeads(reply.heads!)) {
      options.seen?.(article);
      index.addFeatures(article, features.next(article.sentences.length));
    }
  };
  // What is read goes into the index first, freeing a worker for the next batch; no more than
  // `DEPTH` batches a reader wait to be taken in.
  const sent = async () => {
    // The threads' answers are messages: taken (and `waiting` counted down) only when this
    // thread turns to its events, which awaiting a promise already settled never does. Without
    // the turn, this one read batch after batch itself while a thread's answers stood unread.
    await new Promise((resolve) => setImmediate(resolve));
    while (queue[0]?.ready) await apply();
  };
  const full = async () => {
    while (queue.length >= DEPTH * (threads.length + 1)) await apply();
  };
  try {
    if (indexed) {
      const step =
        options.batchSentences === undefined
          ? BATCH_ARTICLES
          : Math.max(1, Math.round(options.batchSentences / 32));
      for (let from = 0; from < indexed.numbers.length; from += step) {
        alone ||= options.aloneFrom !== undefined && from >= options.aloneFrom;
        await sent();
        if (alone) await retire();
        send({ numbers: indexed.numbers.subarray(from, from + step) });
        await full();
      }
    } else {
      let batch: ReadArticle[] = [];
      let count = 0;
      for await (const article of articles as Iterable<ReadArticle>) {
        batch.push(article);
        count += article.sentences.length;
        if (count < batchSentences) continue;
        await sent();
        send({ articles: batch });
        batch = [];
        count = 0;
        await full();
      }
      if (batch.length > 0) send({ articles: batch });
    }
    while (queue.length > 0) await apply();
  } finally {
    if (!retired) await Promise.all(threads.map((thread) => thread.terminate()));
  }
}

/**
 * The articles a reading thread read, as the index takes them in: no texts (their words came
 * with them), and sentence ids only where a link may pin one.
 */
function fromHeads(heads: ArticleHeads): ReadArticle[] {
  return heads.ids.map((id, i) => {
    const count = heads.counts[i]!;
    const named = heads.sentenceIds?.[i];
    return {
      id,
      date: heads.dates[i]!,
      source: heads.sources[i]!,
      hash: heads.hashes[i]!,
      sentences:
        named !== undefined && count > 0
          ? named.split(' ').map((sentence) => ({ id: sentence, text: '' }))
          : new Array<{ id: string; text: string }>(count),
    };
  });
}
