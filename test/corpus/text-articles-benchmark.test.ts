import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { benchmarksFolder, loadPages } from '../../bench/quality/extraction-benchmark.js';
import {
  pageTitles,
  scorePageDumps,
  scoreTextShape,
  type TextReport,
} from '../../bench/quality/text-articles.js';
import { patience } from '../helpers/patience.js';

/**
 * The benchmark's true bodies written as a scraper writes articles, under a title line: every
 * paragraph is article, so the cleaner must keep nearly all of those that are prose (98.0% before
 * 2026-12-06, when a short last paragraph, or one of names and figures, went with all after it).
 * The pages dumped whole as text guard the other side: keeping more must not keep furniture.
 * Skipped where the shared folder is absent.
 */
const pages = loadPages(path.join(benchmarksFolder(), 'article-extraction'));

describe.skipIf(pages === null)('the benchmark bodies as text articles', () => {
  let text: TextReport;
  let markdown: TextReport;
  beforeAll(() => {
    const titles = pageTitles(pages!);
    text = scoreTextShape(pages!, titles, 'text');
    markdown = scoreTextShape(pages!, titles, 'markdown');
  }, patience(12_000));

  it('keeps nearly every paragraph of prose under a title line or a # heading', () => {
    for (const report of [text, markdown]) {
      expect(report.proseKept / report.prose).toBeGreaterThanOrEqual(0.985);
    }
  });

  it(
    'keeps the pages dumped whole as text as precise as before',
    () => {
      const dumps = scorePageDumps(pages!);
      expect(dumps.precision).toBeGreaterThanOrEqual(0.77);
      expect(dumps.recall).toBeGreaterThanOrEqual(0.965);
    },
    patience(12_000),
  );
});
