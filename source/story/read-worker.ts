/**
 * A worker thread that reduces sentences to their features (`sentenceFeatures`), for
 * `readInParallel`: the reading is most of a build's time and each sentence's features depend on
 * it alone. Words are numbered in a vocabulary of the worker's own; each reply names the words
 * first met in its batch, in the order they were numbered, so that the index numbers them as it
 * would have reading the batches itself. Given a corpus index's file, it reads the articles of a
 * batch itself, by number, on a connection of its own.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DiskCorpusIndex } from '../corpus/db/disk-index.js';
import { BatchReader, type NumberedJob, type ReadJob } from './batch-reader.js';
import { collectNow } from './lean-heaps.js';
import { adoptLexicons, type SharedLexicons } from './shared-lexicons.js';

const setup = workerData as {
  lexicons?: SharedLexicons;
  corpus?: { file: string; root: string };
} | null;
adoptLexicons(setup?.lexicons);

let corpus: DiskCorpusIndex | null = null;
if (setup?.corpus) {
  const { readIndexFile } = await import('../corpus/db/open.js');
  // Each article is read once: `articlesByNumber` reads with a walk's small cache.
  corpus = readIndexFile(setup.corpus.file, setup.corpus.root);
}

const reader = new BatchReader();
/**
 * Batches between full collections of this thread's heap. Left to V8, its old generation kept
 * some 31 MB of pages for 12–23 MB alive to the reading's end, the build's peak at 100,000
 * articles; a collection of it costs some tens of milliseconds, 32 batches some seconds.
 */
const COLLECT_EVERY = 32;
let batches = 0;

parentPort!.on('message', (job: ReadJob | NumberedJob) => {
  const reply =
    'numbers' in job
      ? reader.readArticles(job.seq, corpus!.articlesByNumber(job.numbers), job.sentenceIds)
      : reader.read(job);
  parentPort!.postMessage(reply, [reply.packed.buffer as ArrayBuffer]);
  if (++batches % COLLECT_EVERY === 0) collectNow();
});
