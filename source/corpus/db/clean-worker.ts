/**
 * A worker thread that cleans files, one at a time, for the corpus index: the pool can stop it
 * when a file takes longer than its budget, which a loop inside the cleaner could not.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type CleanedFile, cleanFile } from './clean-file.js';
import { currentThreadId } from './thread-cpu.js';

interface Job {
  seq: number;
  path: string;
}

const { root, cleaner } = workerData as { root: string; cleaner: string | null };
// Tests swap in a cleaner that is slow on purpose; margin itself uses its own.
const clean: (root: string, path: string) => CleanedFile = cleaner
  ? ((await import(cleaner)) as { cleanFile: typeof cleanFile }).cleanFile
  : cleanFile;

// The budget of the first file starts now, not while the cleaner's modules were loading.
// The thread id lets the pool read this thread's CPU time, which the budget counts.
parentPort!.postMessage({ ready: true, thread: currentThreadId() });
parentPort!.on('message', (job: Job) => {
  const result = clean(root, job.path);
  // Copied rather than transferred: for arrays of a few hundred bytes a copy costs less.
  parentPort!.postMessage({ seq: job.seq, result });
});
