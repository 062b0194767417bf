/**
 * Export throughput: each format over the bench's annotations (300,000 on the full corpus:
 * 10,000 articles × 30), streamed article by article from placed annotations in memory into a
 * sink that only counts bytes, which is what `margin export` does after opening the store (timed
 * by the store section). Output is never held: the section's peak RSS is the input's.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { articleEntries } from '../../source/export/article-entries.js';
import { FORMATS } from '../../source/export/formats.js';
import { type ExportSink, runExport } from '../../source/export/stream.js';
import { DEFAULT_LABELS } from '../../source/store/labels.js';
import type { PlacedAnnotation, ReviewStatus } from '../../source/store/types.js';
import { benchAnnotations, loadArticles, writeStore } from '../fixtures.js';
import { CLI, type ProcessRun, runProcessTimes } from '../harness/cli-process.js';
import { measurements, sample, summarize } from '../measure.js';
import type { BenchSection } from '../types.js';

const STATUSES: ReviewStatus[] = ['done', 'in progress', 'unreviewed'];

export const section: BenchSection = {
  name: 'export',
  async run(context) {
    const m = measurements('export');
    const articles = await loadArticles(context);
    const annotations: PlacedAnnotation[] = benchAnnotations(articles).map((annotation) => ({
      ...annotation,
      placement: {
        sentence: annotation.anchor.sentence,
        start: annotation.anchor.start,
        end: annotation.anchor.end,
      },
    }));
    // Deterministic spread of statuses, so the `--status` code path has work to do.
    const status = (article: string, annotator: string) =>
      STATUSES[(article.length + annotator.length) % 3]!;
    let bytes = 0;
    const sink: ExportSink = {
      write: async (text) => {
        bytes += Buffer.byteLength(text);
      },
      writeFile: async (_path, content) => {
        bytes += Buffer.byteLength(content);
      },
    };
    const once = (format: (typeof FORMATS)[number]) =>
      runExport(format, articleEntries(articles, annotations, status), sink, {
        labels: DEFAULT_LABELS,
        annotators: ['alice', 'bob', 'carol'],
      });
    const count = annotations.length.toLocaleString('en-US');
    context.log(`export: ${count} annotations on ${articles.length} articles`);
    // One untimed pass over every format first: the heap left by loading 10,000 articles and
    // generating 300,000 annotations settles, and whichever format comes first does not pay for it.
    for (const format of FORMATS) await once(format);
    for (const format of FORMATS) {
      let size = 0;
      const figures = await sample(
        async () => {
          bytes = 0;
          await once(format);
          size = bytes;
        },
        { warmup: 0, runs: format === 'jsonl' ? 5 : 3, minTimeMs: 0 },
      );
      m.timing(`${format}, ${count} annotations, in process (reference)`, figures, {
        note: `writers only, from annotations in memory: ${(size / 1024 / 1024).toFixed(0)} MB, ${Math.round(annotations.length / (figures.median / 1000)).toLocaleString('en-US')} annotations/s`,
      });
    }

    // `margin export` as a process over the same annotations in a store on disk, its index warm.
    const store = path.join(context.workDir, 'export-store');
    const out = path.join(context.workDir, 'export-out');
    await rm(store, { recursive: true, force: true });
    await writeStore(store, benchAnnotations(articles));
    const env = { XDG_CACHE_HOME: path.join(context.workDir, 'process-cache') };
    const base = ['export', '--corpus', context.corpusDir, '--store', store];
    // Fills the corpus cache and the store's index (twice: rows of files just written are racy).
    await runProcessTimes(2, CLI, ['stats', '--corpus', context.corpusDir, '--store', store], env);
    for (const format of FORMATS) {
      const args = [...base, '--format', format, ...(format === 'brat' ? ['--out', out] : [])];
      const runs: ProcessRun[] = [];
      for (let i = 0; i < (context.quick ? 1 : 3); i++) {
        await rm(out, { recursive: true, force: true });
        runs.push(...(await runProcessTimes(1, CLI, args, env)));
      }
      const figures = summarize(runs.map((run) => run.ms));
      const first = runs.map((run) => run.firstByteMs).filter((ms): ms is number => ms !== null);
      const firstNote =
        first.length > 0
          ? `first byte after ${Math.round(summarize(first).median)} ms`
          : 'writes files, not stdout';
      m.timing(`margin export --format ${format}, ${count} (process)`, figures, {
        target: '< 5000 ms, streaming',
        note: `end to end; ${firstNote}; ${((runs[0]?.bytes ?? 0) / 1024 / 1024).toFixed(0)} MB`,
      });
      m.value(
        `peak RSS of margin export --format ${format}`,
        Math.max(...runs.map((run) => run.peakRssMB)),
        'MB',
        { target: '< 400 MB' },
      );
    }
    await rm(out, { recursive: true, force: true });
    await rm(store, { recursive: true, force: true });
    return m.list;
  },
};
