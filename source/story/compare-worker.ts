/**
 * A worker thread that compares candidate pairs of a story index's build (`ComparePool`): the
 * index's pools in shared memory, and its words, numbered again here in the same order so that
 * every id, weight and synonym is the index's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { collectNow } from './lean-heaps.js';
import { type NodeTables, PairJudge, TABLE_NAMES } from './pair-judge.js';
import { type CompareJob, type CompareSetup, compareChunk } from './parallel-compare.js';
import { adoptLexicons } from './shared-lexicons.js';
import { Vocabulary } from './tokens.js';
import { type AheadJob, answerAhead } from './verdicts-ahead.js';

const setup = workerData as CompareSetup;
adoptLexicons(setup.lexicons);
const vocabulary = new Vocabulary();
for (const word of setup.words) vocabulary.id(word);
const tables = Object.fromEntries(
  TABLE_NAMES.map((name, at) => {
    const { buffer, length, signed } = setup.tables[at]!;
    // Fixed-length views: over a growable buffer (a reserved pool, see `withRoom`), a view that
    // follows the buffer's length is slower to read.
    const entries = buffer.byteLength >>> 2;
    const data = signed ? new Int32Array(buffer, 0, entries) : new Uint32Array(buffer, 0, entries);
    return [name, { data, length }];
  }),
) as unknown as NodeTables;
const judge = new PairJudge(tables, vocabulary);
/**
 * Chunks between full collections of this thread's heap: with its young generation at 8 MB,
 * more of each chunk's short-lived arrays is promoted, and left to V8 its old generation held
 * them to the comparing's end, among the build's peaks at 100,000 articles.
 */
const COLLECT_EVERY = 64;
let chunks = 0;

parentPort!.on('message', (job: CompareJob | AheadJob) => {
  // Once the pairs are compared: the joins' verdicts, answered ahead until the joins end.
  if ('sorted' in job) {
    // What the comparing left is garbage: given back before the joins' peak.
    collectNow();
    answerAhead(
      job,
      (a, b) => judge.same(a, b),
      (nodes, from, to) => judge.warm(nodes, from, to),
    );
    return;
  }
  const reply = compareChunk(
    job,
    (a, b) => judge.same(a, b),
    (pairs, from, to) => judge.warm(pairs, from, to),
  );
  parentPort!.postMessage(reply, [
    reply.found.buffer as ArrayBuffer,
    reply.scores.buffer as ArrayBuffer,
  ]);
  if (++chunks % COLLECT_EVERY === 0) collectNow();
});
