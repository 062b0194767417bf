/**
 * How good margin's clean text is, on yardsticks nobody here wrote: the Zyte article-extraction
 * benchmark (`../shared/benchmarks/article-extraction/`, scored as its evaluate.py does, beside
 * the published results its README lists), what the pages cost to clean, how often their title
 * and date are found, and how long hostile inputs take.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildArticle } from '../../source/corpus/article.js';
import { bytesToSource } from '../../source/corpus/read.js';
import { measurements, percentile, reference } from '../measure.js';
import {
  benchmarksFolder,
  type ExtractionReport,
  extract,
  loadPages,
  type Page,
  publishedResults,
  runExtractionBenchmark,
} from '../quality/extraction-benchmark.js';
import { scoreGoldenRules } from '../quality/golden-rules.js';
import { hostileInputs } from '../quality/pathological.js';
import {
  pageTitles,
  scorePageDumps,
  scoreTextShape,
  TEXT_SHAPES,
  type TextShape,
} from '../quality/text-articles.js';
import type { BenchContext, BenchSection } from '../types.js';

const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

type Builder = ReturnType<typeof measurements>;

/** The median of `runs` cleanings of one page (clean + metadata + split, from bytes in memory). */
function pageMs(page: Page, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = nowMs();
    extract(page);
    times.push(nowMs() - start);
  }
  return percentile(times, 50);
}

function scores(m: Builder, report: ExtractionReport, readme: string): void {
  const published = publishedResults(readme);
  const best = published.reduce<(typeof published)[number] | null>(
    (top, row) => (top === null || row.f1 > top.f1 ? row : top),
    null,
  );
  const vsBest = (ours: number, theirs: number | undefined) =>
    best && theirs !== undefined ? { reference: reference(best.name, ours, theirs) } : {};
  m.value('F1', report.f1, 'score', { target: '≥ 0.975', ...vsBest(report.f1, best?.f1) });
  m.value('precision', report.precision, 'score', {
    target: '≥ 0.96',
    ...vsBest(report.precision, best?.precision),
  });
  m.value('recall', report.recall, 'score', {
    target: '≥ 0.97',
    ...vsBest(report.recall, best?.recall),
  });
  m.value('exact match (accuracy)', report.accuracy, 'score', {
    note: 'pages whose tokens equal the truth exactly; best published 0.47',
  });
  for (const row of published) {
    m.value(`published: ${row.name}`, row.f1, 'score', {
      note: `F1 as published on the same pages (P ${row.written.precision}, R ${row.written.recall}); not run here`,
    });
  }
  const refused = report.pages.filter((page) => page.refused !== null);
  m.value('pages refused', refused.length, 'pages', {
    target: '0',
    ...(refused.length > 0
      ? { note: refused.map((page) => `${page.id} (${page.refused})`).join(', ') }
      : {}),
  });
  const poor = report.pages.filter((page) => page.f1 < 0.5);
  m.value('pages under F1 0.5', poor.length, 'pages', {
    ...(poor.length > 0
      ? { note: poor.map((page) => `${page.id} (F1 ${page.f1.toFixed(3)})`).join(', ') }
      : {}),
  });
  const count = report.pages.length;
  m.value('title found', (100 * report.pages.filter((p) => p.title).length) / count, '%');
  m.value('date found', (100 * report.pages.filter((p) => p.date).length) / count, '%', {
    note: 'dates before 1900 or after tomorrow are refused as placeholders',
  });
}

const SHAPE_NAMES: Record<TextShape, string> = {
  text: '.txt, title line',
  markdown: '.md, # heading',
  reader: '.md, Title: header',
  untitled: '.txt, no title',
};

/**
 * The benchmark's true bodies written as a scraper writes articles (text and Markdown files):
 * everything in them is article, so what the cleaner drops is lost. And each page's whole text
 * dumped to a file, scored as the pages are, so that keeping more never lets furniture through.
 */
function textArticles(m: Builder, context: BenchContext, pages: Page[]): void {
  const titles = pageTitles(pages);
  for (const shape of TEXT_SHAPES) {
    const report = scoreTextShape(pages, titles, shape);
    const share = (100 * report.proseKept) / Math.max(1, report.prose);
    context.log(
      `text articles, ${SHAPE_NAMES[shape]}: prose ${report.proseKept} of ${report.prose} kept, ` +
        `${report.prose - report.proseKept} lost in ${report.articlesLosingProse} articles`,
    );
    for (const lost of report.lost.slice(0, 40)) {
      context.log(`  lost ${lost.id.slice(0, 12)}: ${lost.text.slice(0, 100)}`);
    }
    m.value(`text (${SHAPE_NAMES[shape]}): prose kept`, share, '%', {
      target: '≥ 99.5',
      note:
        `${report.proseKept} of ${report.prose} paragraphs of six words or more ending a sentence; ` +
        `${report.prose - report.proseKept} lost in ${report.articlesLosingProse} of ${report.articles} articles; ` +
        `all paragraphs ${report.kept} of ${report.paragraphs}; ${report.extra} paragraphs not in the truth`,
    });
  }
  const dumps = scorePageDumps(pages);
  m.value('pages dumped as text: F1', dumps.f1, 'score', {
    note: `P ${dumps.precision.toFixed(3)}, R ${dumps.recall.toFixed(3)}, exact ${dumps.accuracy.toFixed(3)}; every paragraph of the page, menus and footers too, cleaned as a .txt`,
  });
}

function speed(m: Builder, pages: Page[], quick: boolean): void {
  const runs = quick ? 3 : 7;
  const times = pages.map((page) => ({ page, ms: pageMs(page, runs) }));
  const ms = times.map((t) => t.ms);
  const sizes = pages.map((page) => page.bytes.length / 1024);
  m.timing(
    'clean + metadata + split per page',
    { median: percentile(ms, 50), p95: percentile(ms, 95), runs: pages.length },
    {
      target: '≤ 15 ms',
      note: `median of ${runs} runs per page, in process; median page ${percentile(sizes, 50).toFixed(0)} KB of HTML`,
    },
  );
  const slowest = [...times].sort((a, b) => b.ms - a.ms).slice(0, 5);
  for (const [rank, { page, ms: pageTime }] of slowest.entries()) {
    m.value(`slowest page ${rank + 1}`, pageTime, 'ms', {
      note: `${page.id} (${(page.bytes.length / 1024).toFixed(0)} KB) ${page.url}`,
    });
  }
}

function hostile(m: Builder, context: BenchContext): void {
  for (const input of hostileInputs()) {
    const bytes = Buffer.from(input.text);
    const start = nowMs();
    let outcome: string;
    try {
      const article = buildArticle(input.file, input.file, bytesToSource(input.file, bytes));
      outcome = article.text.includes(input.expect) ? 'read' : 'read, text missing';
    } catch (error) {
      outcome = error instanceof Error ? error.message : String(error);
    }
    const ms = nowMs() - start;
    context.log(`${input.name}: ${ms.toFixed(0)} ms (${outcome})`);
    m.value(input.name, ms, 'ms', {
      target: '< 1,000 ms',
      note: `${(bytes.length / 1024 / 1024).toFixed(2)} MB; ${outcome}`,
    });
  }
}

export const section: BenchSection = {
  name: 'quality',
  async run(context) {
    const m = measurements('quality');
    const folder = benchmarksFolder();
    const extraction = path.join(folder, 'article-extraction');
    const pages = loadPages(extraction);
    if (pages === null) {
      context.log(`${extraction} not found: the article-extraction benchmark is skipped`);
    } else {
      context.log(`${pages.length} pages of ${extraction}`);
      const readmeFile = path.join(folder, 'README.md');
      const readme = existsSync(readmeFile) ? readFileSync(readmeFile, 'utf8') : '';
      // The scoring pass is also the warm-up of the timed passes that follow.
      scores(m, runExtractionBenchmark(pages), readme);
      textArticles(m, context, pages);
      speed(m, pages, context.quick);
    }
    const rules = path.join(folder, 'golden-rules', 'en.jsonl');
    if (existsSync(rules)) {
      const score = scoreGoldenRules(rules);
      const failed = score.failures.map((failure) => failure.n).join(', ');
      context.log(`Golden Rules: ${score.passed} of ${score.total}`);
      m.value('Golden Rules of sentence boundaries passed', score.passed, `of ${score.total}`, {
        target: '≥ 51',
        note: `pragmatic_segmenter 98.08%, pySBD 97.92%${failed ? `; failing: ${failed}` : ''}`,
      });
    } else context.log(`${rules} not found: the Golden Rules are skipped`);
    hostile(m, context);
    return m.list;
  },
};
