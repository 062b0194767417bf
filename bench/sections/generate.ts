/**
 * The harness's own section: how fast the corpus generator is, and what the corpus it made for
 * this run looks like. It proves the frame end to end and tells whether generation time matters.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_SEED, generateArticle } from '../generate.js';
import { measurements, sample, throughput } from '../measure.js';
import type { BenchSection } from '../types.js';

export const section: BenchSection = {
  name: 'generate',
  async run(context) {
    const m = measurements('generate');
    const batch = context.quick ? 100 : 500;
    let bytes = 0;
    let offset = 0;
    // A new range of articles on every call, so no run measures a cached answer.
    const timing = await sample(
      () => {
        bytes = 0;
        for (let i = 0; i < batch; i++)
          bytes += Buffer.byteLength(generateArticle(DEFAULT_SEED, offset + i).content);
        offset += batch;
      },
      { warmup: 2, runs: 5, minTimeMs: context.quick ? 300 : 1500 },
    );
    m.timing(
      'generate one article',
      { ...timing, median: timing.median / batch, p95: timing.p95 / batch },
      { note: `batches of ${batch}` },
    );
    m.value('generator throughput', throughput(bytes, timing.median), 'MB/s', {
      note: 'in memory, median batch',
    });

    const files = await readdir(context.corpusDir);
    let total = 0;
    for (const file of files) total += (await stat(path.join(context.corpusDir, file))).size;
    m.value('corpus articles', files.length, 'files');
    m.value('corpus size', total / (1024 * 1024), 'MB', {
      note: `${(total / files.length / 1024).toFixed(1)} KB per article on average`,
    });
    context.log(`${files.length} files, ${(total / 1024 / 1024).toFixed(1)} MB`);
    return m.list;
  },
};
