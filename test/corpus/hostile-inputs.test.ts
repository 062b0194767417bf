import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostileInputs } from '../../bench/quality/pathological.js';

/**
 * Inputs that made a cleaning step quadratic (100,000 nested `<div>`s took a minute, 200,000
 * one-word lines never finished) must come out whole. Each is cleaned in a worker on the built
 * pipeline (`dist/`) that is stopped after a minute, so a regression fails instead of hanging
 * the suite; how fast they really are is the bench's business (`npm run bench -- --only quality`).
 */
const GUARD_MS = 60_000;

const dist = (file: string) => new URL(`../../dist/corpus/${file}`, import.meta.url).href;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { buildArticle } = await import(workerData.article);
  const { bytesToSource } = await import(workerData.read);
  for (const { file, text } of workerData.inputs) {
    try {
      const article = buildArticle(file, file, bytesToSource(file, Buffer.from(text)));
      parentPort.postMessage({ file, text: article.text, sentences: article.sentences.length });
    } catch (error) {
      parentPort.postMessage({ file, error: String((error && error.message) || error) });
    }
  }
})();
`;

interface Outcome {
  file: string;
  text?: string;
  sentences?: number;
  error?: string;
}

/** Cleans every input in one worker, which is stopped when one input takes over a minute. */
function cleanInWorker(inputs: Array<{ file: string; text: string }>): Promise<Outcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { inputs, article: dist('article.js'), read: dist('read.js') },
    });
    const outcomes: Outcome[] = [];
    let timer: NodeJS.Timeout;
    const guard = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void worker.terminate();
        const stuck = inputs[outcomes.length]?.file;
        reject(new Error(`${stuck} was still being cleaned after ${GUARD_MS / 1000} s`));
      }, GUARD_MS);
    };
    guard();
    worker.on('message', (outcome: Outcome) => {
      outcomes.push(outcome);
      if (outcomes.length < inputs.length) return guard();
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcomes);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

describe('hostile inputs', () => {
  const inputs = hostileInputs();
  let outcomes: Outcome[] = [];
  beforeAll(async () => {
    outcomes = await cleanInWorker(inputs.map(({ file, text }) => ({ file, text })));
  }, GUARD_MS * inputs.length);

  it.each(inputs.map((input, i) => [input.name, input, i] as const))(
    '%s come out whole',
    (_, input, i) => {
      const outcome = outcomes[i]!;
      expect(outcome.file).toBe(input.file);
      expect(outcome.error).toBeUndefined();
      expect(outcome.text).toContain(input.expect);
      expect(outcome.sentences).toBeGreaterThan(0);
    },
  );
});
