/**
 * The article pipeline on the generated corpus: cleaning and sentence splitting per article
 * (from bytes in memory, so the disk does not count), throughput, and loading the whole corpus
 * folder cold (empty cache) and warm (cache written by the cold load).
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { buildArticle } from '../../source/corpus/article.js';
import { loadCorpus } from '../../source/corpus/index.js';
import { bytesToSource } from '../../source/corpus/read.js';
import { splitSentences } from '../../source/corpus/sentences.js';
import { measurements, summarize, throughput, time } from '../measure.js';
import type { BenchSection } from '../types.js';

const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

interface File {
  name: string;
  bytes: Uint8Array;
}

async function readAll(dir: string): Promise<File[]> {
  const names = (await readdir(dir)).filter((name) => !name.startsWith('.')).sort();
  return Promise.all(
    names.map(async (name) => ({ name, bytes: await readFile(path.join(dir, name)) })),
  );
}

function cleanAndSplit(file: File) {
  return buildArticle(file.name, file.name, bytesToSource(file.name, file.bytes));
}

export const section: BenchSection = {
  name: 'pipeline',
  async run(context) {
    const m = measurements('pipeline');
    const files = await readAll(context.corpusDir);
    const bytes = files.reduce((sum, file) => sum + file.bytes.length, 0);
    context.log(`read ${files.length} files (${(bytes / 1024 / 1024).toFixed(1)} MB) into memory`);

    // Warm-up: let the JIT compile the cleaner before anything is timed.
    for (const file of files.slice(0, 300)) cleanAndSplit(file);

    const perArticle: number[] = [];
    const per5k: number[] = [];
    let sentences = 0;
    const paragraphs: string[] = [];
    const start = nowMs();
    for (const file of files) {
      const begin = nowMs();
      const article = cleanAndSplit(file);
      const ms = nowMs() - begin;
      perArticle.push(ms);
      per5k.push((ms * 5120) / file.bytes.length);
      sentences += article.sentences.length;
      if (paragraphs.length < 20_000) paragraphs.push(...article.text.split('\n\n'));
    }
    const total = nowMs() - start;
    const averageKb = bytes / files.length / 1024;
    m.timing('clean+split per article', summarize(perArticle), {
      target: '< 1 ms',
      note: `average article ${averageKb.toFixed(1)} KB`,
    });
    m.timing('clean+split per 5 KB of article', summarize(per5k), { target: '< 1 ms' });
    m.value('clean+split throughput', throughput(bytes, total), 'MB/s');
    m.value('clean+split articles per second', files.length / (total / 1000), 'articles/s', {
      note: `${sentences.toLocaleString('en-US')} sentences`,
    });

    const paragraphBytes = paragraphs.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    const split = await time(() => {
      for (const paragraph of paragraphs) splitSentences(paragraph);
    });
    m.value('sentence splitting alone', throughput(paragraphBytes, split.ms), 'MB/s', {
      note: `${paragraphs.length.toLocaleString('en-US')} paragraphs`,
    });

    const cacheDir = path.join(context.workDir, 'pipeline-cache');
    await rm(cacheDir, { recursive: true, force: true });
    const cold = await time(() => loadCorpus(context.corpusDir, { cacheDir }));
    m.value(
      `load ${files.length.toLocaleString('en-US')} articles, cold (no cache)`,
      cold.ms,
      'ms',
      {
        note: `${cold.result.problems.length} problems`,
      },
    );
    const warm = await time(() => loadCorpus(context.corpusDir, { cacheDir }));
    m.value(`load ${files.length.toLocaleString('en-US')} articles, warm (cache)`, warm.ms, 'ms', {
      note: 'reads and hashes every file, then one cache file',
    });
    let first = 0;
    const began = nowMs();
    await loadCorpus(context.corpusDir, {
      cacheDir,
      onProgress: (event) => {
        if (first === 0 && event.article) first = nowMs() - began;
      },
    });
    m.value('first article ready, warm', first, 'ms');
    await rm(cacheDir, { recursive: true, force: true });
    return m.list;
  },
};
