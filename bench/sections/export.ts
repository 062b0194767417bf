/**
 * Export throughput: each format over the bench's annotations (300,000 on the full corpus:
 * 10,000 articles × 30), from placed annotations in memory to the finished text, which is what
 * `margin export` does after opening the store (timed by the store section).
 */
import { FORMATS, runFormat } from '../../source/export/formats.js';
import type { ExportInput } from '../../source/export/model.js';
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
    const input: ExportInput = {
      articles,
      annotations,
      // Deterministic spread of statuses, so the `--status` code path has work to do.
      statuses: (article, annotator) => STATUSES[(article.length + annotator.length) % 3]!,
    };
    const count = annotations.length.toLocaleString('en-US');
    context.log(`export: ${count} annotations on ${articles.length} articles`);
    // One untimed pass over every format first: the heap left by loading 10,000 articles and
    // generating 300,000 annotations settles, and whichever format comes first does not pay for it.
    for (const format of FORMATS) runFormat(format, input);
    for (const format of FORMATS) {
      let size = 0;
      const figures = await sample(
        () => {
          const output = runFormat(format, input);
          size =
            output.kind === 'text'
              ? output.parts.reduce((sum, part) => sum + Buffer.byteLength(part), 0)
              : output.files.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0);
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
