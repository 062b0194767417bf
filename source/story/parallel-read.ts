import { Worker } from 'node:worker_threads';
import { Replies } from '../corpus/replies.js';
import { workerScript } from '../corpus/worker-script.js';
import { unpackFeatures } from './feature-batch.js';
import { leanHeaps } from './lean-heaps.js';
import { sharedLexicons } from './shared-lexicons.js';
import type { StoryIndex } from './story-index.js';
import type { StoryArticle } from './types.js';

export interface ReadJob {
  seq: number;
  /** Every sentence of the batch's articles, in order. */
  texts: string[];
}

export interface ReadReply {
  seq: number;
  /** The sentences' features (`packFeatures`), ids of the worker's vocabulary. */
  packed: Uint32Array;
  /** Words the worker numbered while reading this batch, in the order it numbered them. */
  words: string[];
}

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
  worker: number;
  articles: StoryArticle[];
  count: number;
  reply: Promise<ReadReply>;
}

/** Adds every article to `index` (before its build), its sentences read on `workers` threads. */
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
    { length: Math.max(1, workers) },
    () =>
      new Worker(workerScript('./read-worker.js', import.meta.url), {
        workerData: { lexicons },
        resourceLimits: YOUNG,
      }),
  );
  // Per worker, its word ids → the index's, grown in the order the worker numbered them.
  const ids = threads.map(() => [] as number[]);
  const replies = new Replies<ReadReply>();
  for (const thread of threads) replies.watch(thread, 'a story reading thread');
  const queue: Batch[] = [];
  let seq = 0;
  const send = (batch: StoryArticle[], count: number) => {
    const worker = seq % threads.length;
    const job: ReadJob = { seq, texts: [] };
    for (const article of batch)
      for (const sentence of article.sentences) job.texts.push(sentence.text);
    const reply = replies.expect(job.seq);
    threads[worker]!.postMessage(job);
    queue.push({ seq: seq++, worker, articles: batch, count, reply });
  };
  const apply = async () => {
    const batch = queue.shift()!;
    const reply = await batch.reply;
    const map = ids[batch.worker]!;
    for (const word of reply.words) map.push(index.vocabulary.id(word));
    const features = unpackFeatures(reply.packed, batch.count, map);
    let at = 0;
    for (const article of batch.articles) {
      index.addFeatures(article, features.slice(at, at + article.sentences.length));
      at += article.sentences.length;
    }
  };
  try {
    let batch: StoryArticle[] = [];
    let count = 0;
    for await (const article of articles) {
      batch.push(article);
      count += article.sentences.length;
      if (count < batchSentences) continue;
      send(batch, count);
      batch = [];
      count = 0;
      if (queue.length >= DEPTH * threads.length) await apply();
    }
    if (batch.length > 0) send(batch, count);
    while (queue.length > 0) await apply();
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}
