/**
 * Export throughput: each format over the bench's annotations (300,000 on the full corpus:
 * 10,000 articles × 30), streamed article by article from placed annotations in memory into a
 * sink that only counts bytes, which is what `margin export` does after opening the store (timed
 * by the store section). Output is never held: the section's peak RSS is the input's.
 */
import { articleEntries } from '../../source/export/article-entries.js';
import { FORMATS } from '../../source/export/formats.js';
import { type ExportSink, runExport } from '../../source/export/stream.js';
import { DEFAULT_LABELS } from '../../source/store/labels.js';
import type { PlacedAnnotation, ReviewStatus } from '../../source/store/types.js';
import { benchAnnotations, loadArticles } from '../fixtures.js';
import { measurements, sample } from '../measure.js';
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
      m.timing(`${format}, ${count} annotations`, figures, {
        ...(format === 'jsonl' ? { target: '< 3000 ms' } : {}),
        note: `${(size / 1024 / 1024).toFixed(0)} MB, ${Math.round(annotations.length / (figures.median / 1000)).toLocaleString('en-US')} annotations/s`,
      });
    }
    return m.list;
  },
};
