import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { patience } from '../helpers/patience.js';

/** The built module (`npm test` builds first): the flags are the process's, so a process of its own. */
const LEAN_HEAPS = pathToFileURL(join(import.meta.dirname, '../../dist/story/lean-heaps.js')).href;

/** Young objects that survive a scavenge or two, as the reading's features do. */
const SURVIVORS = `
  let kept = [];
  for (let i = 0; i < 3e6; i++) {
    kept.push({ i, list: [i] });
    if (kept.length > 200000) kept = kept.slice(100000);
  }`;

const NEW_SPACE = `(v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size / 1048576)`;

/**
 * In a process of its own: the young generations (MB) of a reading-like worker thread started
 * after `holdYoungGeneration` and of the main thread, each after allocating survivors.
 */
function youngGenerations(): Promise<{ main: number; worker: number }> {
  const script = `
    import v8 from 'node:v8';
    import { Worker } from 'node:worker_threads';
    const { holdYoungGeneration } = await import(${JSON.stringify(LEAN_HEAPS)});
    holdYoungGeneration();
    const thread = new Worker(
      "const v8 = require('node:v8');" + ${JSON.stringify(SURVIVORS)} +
        "require('node:worker_threads').parentPort.postMessage(" + ${JSON.stringify(NEW_SPACE)} + ');',
      { eval: true, execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: 16 } },
    );
    const worker = await new Promise((resolve) => thread.once('message', resolve));
    await new Promise((resolve) => thread.once('exit', resolve));
    ${SURVIVORS}
    console.log(JSON.stringify({ main: ${NEW_SPACE}, worker }));`;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', script],
      { timeout: patience(12_000) },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout))),
    );
  });
}

describe('the young generations of margin index --story', () => {
  it(
    "holds the main thread's at its size after a worker thread starts, and lets the worker's be whole",
    async () => {
      const { main, worker } = await youngGenerations();
      // V8 sets the growth factor back when a thread's heap is made: left so, the main thread's
      // new space grew to 32 MB here (V8's default limit).
      expect(main).toBeLessThanOrEqual(4);
      // A reading thread's is its resourceLimits' 16 MB, not held at V8's first 1 MB.
      expect(worker).toBe(16);
    },
    patience(15_000),
  );
});
