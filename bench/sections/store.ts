/**
 * The annotation store: how long persisting one tag takes with 300,000 annotations already stored
 * (10,000 articles × 3 annotators, one file each), against the same on a store a hundred times
 * smaller, which shows whether the cost depends on the store's size; and how long opening it takes.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { loadCorpus } from '../../source/corpus/index.js';
import type { Article } from '../../source/corpus/types.js';
import { writeFileAtomic } from '../../source/store/atomic.js';
import { openRepository } from '../../source/store/index.js';
import type { Repository } from '../../source/store/repository.js';
import { LABELS, type Label } from '../../source/store/types.js';
import { writeStore } from '../fixtures.js';
import { generateAnnotations } from '../generate.js';
import { CLI, OPEN_STORE, type ProcessRun, runProcessTimes } from '../harness/cli-process.js';
import { measurements, sample, summarize, time } from '../measure.js';
import type { BenchSection } from '../types.js';

const ANNOTATORS = ['ana', 'ben', 'chloe'] as const;
const PER_ARTICLE = 30;
const TARGET = '< 5 ms median, < 15 ms p95';

/** Sentences `annotator` has not tagged with a label yet, taking articles in turn. */
function freeSlots(repository: Repository, articles: Article[], count: number) {
  const slots: Array<{ article: Article; sentence: string; label: Label }> = [];
  const perArticle = articles.map((article) => {
    const taken = new Set(
      repository
        .list({ article: article.id, annotator: repository.annotator })
        .map((annotation) => `${annotation.placement?.sentence}\u0000${annotation.label}`),
    );
    return article.sentences
      .flatMap((sentence) => LABELS.map((label) => ({ article, sentence: sentence.id, label })))
      .filter((slot) => !taken.has(`${slot.sentence}\u0000${slot.label}`));
  });
  for (let round = 0; slots.length < count; round += 1) {
    let added = false;
    for (const free of perArticle) {
      const slot = free[round];
      if (slot && slots.length < count) {
        slots.push(slot);
        added = true;
      }
    }
    if (!added) break;
  }
  return slots;
}

async function persistTiming(repository: Repository, articles: Article[], quick: boolean) {
  const slots = freeSlots(repository, articles, quick ? 600 : 3000);
  let next = 0;
  return sample(
    async () => {
      const slot = slots[next++];
      if (!slot) throw new Error('ran out of untagged sentences to tag');
      await repository.tag(slot.article, slot.sentence, slot.label);
    },
    { warmup: 20, runs: 100, minTimeMs: quick ? 500 : 3000, maxRuns: slots.length - 20 },
  );
}

interface ProcessFigures {
  statsCold: ProcessRun;
  statsWarm: ProcessRun[];
  openCold: ProcessRun;
  openWarm: ProcessRun[];
}

/**
 * The store opened by processes, as a user meets it: `margin stats` end to end (corpus from its
 * warm cache, store, report) and the smallest script that only opens the store, each with the
 * store's index absent (cold) and then present with nothing changed (warm).
 */
async function processFigures(
  root: string,
  context: { corpusDir: string; workDir: string; quick: boolean },
  log: (message: string) => void,
): Promise<ProcessFigures> {
  const cache = path.join(context.workDir, 'process-cache');
  const env = { XDG_CACHE_HOME: cache, MARGIN_ANNOTATOR: 'bench' };
  const stats = ['stats', '--corpus', context.corpusDir, '--store', root];
  const dropIndex = () =>
    rm(path.join(cache, 'margin', 'stores'), { recursive: true, force: true });
  // The corpus cache first, untimed: these figures are the store's.
  await runProcessTimes(1, CLI, ['list', '--corpus', context.corpusDir], env);
  await dropIndex();
  const [statsCold] = await runProcessTimes(1, CLI, stats, env);
  // A first warm run re-reads the files written within the last seconds (their rows are racy).
  await runProcessTimes(1, CLI, stats, env);
  const statsWarm = await runProcessTimes(context.quick ? 3 : 5, CLI, stats, env);
  const storeCache = path.join(cache, 'margin');
  await dropIndex();
  const [openCold] = await runProcessTimes(1, OPEN_STORE, [root, storeCache]);
  await runProcessTimes(1, OPEN_STORE, [root, storeCache]);
  const openWarm = await runProcessTimes(context.quick ? 5 : 9, OPEN_STORE, [root, storeCache]);
  log(`store: stats warm ${Math.round(summarize(statsWarm.map((r) => r.ms)).median)} ms`);
  return { statsCold: statsCold!, statsWarm, openCold: openCold!, openWarm };
}

async function measureStore(
  root: string,
  articles: Article[],
  quick: boolean,
  log: (message: string) => void,
  withProcesses: { corpusDir: string; workDir: string; quick: boolean } | null = null,
) {
  await rm(root, { recursive: true, force: true });
  const annotations = generateAnnotations(articles, {
    perArticle: PER_ARTICLE,
    annotators: ANNOTATORS,
  });
  const files = await writeStore(root, annotations);
  // Flush the setup's writes now, or the first measured fsyncs pay for committing all of them.
  spawnSync('sync');
  log(`store: ${annotations.length.toLocaleString('en-US')} annotations in ${files} files`);
  const processes = withProcesses ? await processFigures(root, withProcesses, log) : null;
  const opened = await time(() => openRepository({ root, annotator: 'ana', articles }));
  const repository = opened.result;
  if (repository.list().length !== annotations.length || repository.problems().length > 0) {
    throw new Error('the generated store did not load back whole');
  }
  const persist = await persistTiming(repository, articles, quick);
  await repository.close();
  await rm(root, { recursive: true, force: true });
  return { annotations: annotations.length, files, openMs: opened.ms, persist, processes };
}

export const section: BenchSection = {
  name: 'store',
  async run(context) {
    const m = measurements('store');
    const load = await loadCorpus(context.corpusDir, {
      cacheDir: path.join(context.workDir, 'corpus-cache'),
    });
    const articles = load.articles.filter((article) => article.sentences.length > 0);
    const root = path.join(context.workDir, 'store-bench');

    // The small store first: deleting the large one's 30,000 files keeps the disk busy a while.
    const small = await measureStore(root, articles.slice(0, 100), context.quick, context.log);
    const large = await measureStore(root, articles, context.quick, context.log, context);
    const count = large.annotations.toLocaleString('en-US');
    const p = large.processes!;
    const files = large.files.toLocaleString('en-US');
    const median = (runs: ProcessRun[]) => summarize(runs.map((run) => run.ms));
    const peak = (runs: ProcessRun[]) => Math.max(...runs.map((run) => run.peakRssMB));
    m.timing(`open the store, warm: script that only opens (${count})`, median(p.openWarm), {
      target: '< 1000 ms',
      note: `a process: node start, index checked against ${files} files' signatures, nothing read`,
    });
    m.value(`open the store, cold: script that only opens (${count})`, p.openCold.ms, 'ms', {
      note: 'no index: every file read, validated and put into a new one',
    });
    m.timing(`margin stats, warm index (${count})`, median(p.statsWarm), {
      target: '< 1000 ms (open)',
      note: 'end to end: corpus from its warm cache, store opened, report written',
    });
    m.value(`margin stats, cold index (${count})`, p.statsCold.ms, 'ms');
    m.value('peak RSS of margin stats, warm', peak(p.statsWarm), 'MB', { target: '< 400 MB' });
    m.value('peak RSS of the open-only script, cold', p.openCold.peakRssMB, 'MB');
    m.timing(`persist one tag (${count} in store)`, large.persist, {
      target: TARGET,
      note: 'lock, re-read, validate, fsync, rename, fsync folder',
    });
    m.value(`open the store in process, no index (${count}; reference)`, large.openMs, 'ms', {
      note: `${files} files, read and validated in parallel into an index in memory`,
    });
    m.timing(
      `persist one tag (${small.annotations.toLocaleString('en-US')} in store)`,
      small.persist,
      { note: 'the same on a store 100 times smaller: the cost does not grow with the store' },
    );
    // The floor set by the disk: what the same durable write costs without margin around it.
    await mkdir(root, { recursive: true });
    const text = 'x'.repeat(8 * 1024);
    const floor = await sample(() => writeFileAtomic(path.join(root, 'floor.json'), text), {
      warmup: 5,
      runs: 100,
      minTimeMs: context.quick ? 300 : 1500,
    });
    await rm(root, { recursive: true, force: true });
    m.timing('disk floor: durable write of 8 KB', floor, {
      note: 'temp file, fsync, rename, fsync folder: no lock, no JSON; the tag figures include this',
    });
    return m.list;
  },
};
