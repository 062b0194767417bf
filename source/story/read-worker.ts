/**
 * A worker thread that reduces sentences to their features (`sentenceFeatures`), for
 * `readInParallel`: the reading is most of a build's time and each sentence's features depend on
 * it alone. Words are numbered in a vocabulary of the worker's own; each reply names the words
 * first met in its batch, in the order they were numbered, so that the index numbers them as it
 * would have reading the batches itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BatchReader, type ReadJob } from './batch-reader.js';
import { adoptLexicons, type SharedLexicons } from './shared-lexicons.js';

adoptLexicons((workerData as { lexicons?: SharedLexicons } | null)?.lexicons);

const reader = new BatchReader();

parentPort!.on('message', (job: ReadJob) => {
  const reply = reader.read(job);
  parentPort!.postMessage(reply, [reply.packed.buffer as ArrayBuffer]);
});
