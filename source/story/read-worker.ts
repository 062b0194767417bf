/**
 * A worker thread that reduces sentences to their features (`sentenceFeatures`), for
 * `readInParallel`: the reading is most of a build's time and each sentence's features depend on
 * it alone. Words are numbered in a vocabulary of the worker's own; each reply names the words
 * first met in its batch, in the order they were numbered, so that the index numbers them as it
 * would have reading the batches itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { packFeatures } from './feature-batch.js';
import type { ReadJob, ReadReply } from './parallel-read.js';
import { adoptLexicons, type SharedLexicons } from './shared-lexicons.js';
import { sentenceFeatures, Vocabulary } from './tokens.js';

adoptLexicons((workerData as { lexicons?: SharedLexicons } | null)?.lexicons);

const vocabulary = new Vocabulary();
let known = 0;

parentPort!.on('message', (job: ReadJob) => {
  const features = job.texts.map((text) => sentenceFeatures(text, vocabulary));
  const packed = packFeatures(features);
  const reply: ReadReply = {
    seq: job.seq,
    packed,
    words: vocabulary.words.slice(known),
  };
  known = vocabulary.words.length;
  parentPort!.postMessage(reply, [packed.buffer as ArrayBuffer]);
});
