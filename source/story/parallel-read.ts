import { Worker } from 'node:worker_threads';
import { Replies } from '../corpus/replies.js';
import { workerScript } from '../corpus/worker-script.js';
import { BatchReader, type ReadReply } from './batch-reader.js';
import { FeatureReader } from './feature-batch.js';
import { leanHeaps } from './lean-heaps.js';
import { sharedLexicons } from './shared-lexicons.js';
import type { StoryIndex } from './story-index.js';
import type { StoryArticle } from './types.js';

/**
 * A worker's young generation: 16 MB. The default, smaller still, had a worker spend a quarter
 * of its time collecting the short-lived arrays of each sentence; 64 MB held some 50 MB more
 * per worker for no time measured (30,000 articles on 2 workers: the reading's peak RSS
 * 645–690 → 525–565 MB, its CPU time within the runs' spread).
 */
const YOUNG = { maxYoungGenerationSizeMb: 16 };
/** Sentences per batch: enough that a message's cost is small beside the reading of it. */
const BATCH_SENTENCES = 4096;
/** Batches in flight per worker: the next waits in the worker while one is read. */
const DEPTH = 3;

interface Batch {
  seq: number;
  /** The thread reading it, or -1: this one. */
  worker: number;
  articles: StoryArticle[];
  reply: Promise<ReadReply>;
  ready: boolean;
}

/**
 * Adds every article to `index` (before its build), its sentences read on `workers` threads: one
 * fewer worker thread than that, and this one reading a batch itself whenever every worker has
 * `DEPTH` batches waiting. A worker thread is a V8 heap of its own (some 40 MB at its peak, its
 * young generation and the garbage it promoted): at 100,000 articles the reading set the build's
 * peak, and on two cores the index's thread, between replies, stood idle beside two busy workers.
 */
export function readInParallel(
  articles: Iterable<StoryArticle> | AsyncIterable<StoryArticle>,
  index: StoryIndex,
  workers: number,
  batchSentences = BATCH_SENTENCES,
): Promise<void> {
  return leanHeaps(() => readAll(articles, index, workers, batchSentences));
}

async function readAll(
  articles: Iterable<StoryArticle> | AsyncIterable<StoryArticle>,
  index: StoryIndex,
  workers: number,
  batchSentences: number,
): Promise<void> {
  const lexicons = sharedLexicons();
  const threads = Array.from(
    { length: Math.max(1, workers) - 1 },
    () =>
      new Worker(workerScript('./read-worker.js', import.meta.url), {
        workerData: { lexicons },
        resourceLimits: YOUNG,
      }),
  );
  const local = new BatchReader();
  // Per reader (the threads', then this one's), its word ids → the index's, grown in the order
  // the reader numbered them.
  const ids = [...threads, local].map(() => [] as number[]);
  const waiting = threads.map(() => 0);
  const replies = new Replies<ReadReply>();
  for (const thread of threads) replies.watch(thread, 'a story reading thread');
  const queue: Batch[] = [];
  let seq = 0;
  const send = (articles: StoryArticle[]) => {
    const job = { seq, texts: [] as string[] };
    for (const article of articles)
      for (const sentence of article.sentences) job.texts.push(sentence.text);
    const worker = waiting.findIndex((count) => count < DEPTH);
    let reply: Promise<ReadReply>;
    if (worker >= 0) {
      reply = replies.expect(job.seq);
      threads[worker]!.postMessage(job);
      waiting[worker]!++;
    } else reply = Promise.resolve(local.read(job));
    const batch: Batch = { seq: seq++, worker, articles, reply, ready: worker < 0 };
    if (worker >= 0) reply.then(() => (batch.ready = true)).catch(() => {});
    queue.push(batch);
  };
  const apply = async () => {
    const batch = queue.shift()!;
    const reply = await batch.reply;
    if (batch.worker >= 0) waiting[batch.worker]!--;
    const map = ids.at(batch.worker)!;
    for (const word of reply.words) map.push(index.vocabulary.id(word));
    const features = new FeatureReader(reply.packed, map);
    for (const article of batch.articles)
      index.addFeatures(article, features.next(article.sentences.length));
  };
  try {
    let batch: StoryArticle[] = [];
    let count = 0;
    for await (const article of articles) {
      batch.push(article);
      count += article.sentences.length;
      if (count < batchSentences) continue;
      // What is read goes into the index first, freeing a worker for the next batch.
      while (queue[0]?.ready) await apply();
      send(batch);
      batch = [];
      count = 0;
      while (queue.length >= DEPTH * (threads.length + 1)) await apply();
    }
    if (batch.length > 0) send(batch);
    while (queue.length > 0) await apply();
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}
