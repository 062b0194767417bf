/**
 * Runs margin's article pipeline over the Zyte article-extraction benchmark (181 real news
 * pages, `../shared/benchmarks/article-extraction/`) and scores it as the benchmark does. Used
 * by the bench's quality section (with timings) and by a regression test (without).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { buildArticle } from '../../source/corpus/article.js';
import { bytesToSource } from '../../source/corpus/read.js';
import {
  aggregate,
  exactMatch,
  type PageCounts,
  pageF1,
  type Scores,
  scorePage,
} from './extraction-score.js';

/** `../shared/benchmarks/` from the repository root, found from this file in source or dist. */
export function benchmarksFolder(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  // bench/quality/ in the source, dist-bench/bench/quality/ once compiled: up to package.json.
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) {
    dir = path.dirname(dir);
  }
  return path.resolve(dir, '..', 'shared', 'benchmarks');
}

export interface Page {
  id: string;
  url: string;
  truth: string;
  /** The saved page, decompressed. */
  bytes: Uint8Array;
}

/** The benchmark's pages with their ground truth, or null when the folder is not there. */
export function loadPages(folder: string): Page[] | null {
  const truthFile = path.join(folder, 'ground-truth.json');
  if (!existsSync(truthFile)) return null;
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<
    string,
    { articleBody?: string; url?: string }
  >;
  const files = new Set(readdirSync(path.join(folder, 'html')));
  return Object.entries(truth)
    .filter(([id]) => files.has(`${id}.html.gz`))
    .map(([id, entry]) => ({
      id,
      url: entry.url ?? '',
      truth: entry.articleBody ?? '',
      bytes: gunzipSync(readFileSync(path.join(folder, 'html', `${id}.html.gz`))),
    }));
}

export interface PageResult {
  id: string;
  url: string;
  /** The clean body, '' when the page was refused. */
  text: string;
  /** Why the page was refused ("no article text found"), or null. */
  refused: string | null;
  counts: PageCounts;
  f1: number;
  exact: boolean;
  title: string | null;
  date: string | null;
}

/** What a page is cleaned to, as `margin show` would print it. */
export function extract(page: Page): {
  text: string;
  refused: string | null;
  title: string | null;
  date: string | null;
} {
  const name = `${page.id}.html`;
  try {
    const article = buildArticle(page.id, name, bytesToSource(name, page.bytes));
    return { text: article.text, refused: null, title: article.title, date: article.date };
  } catch (error) {
    return {
      text: '',
      refused: error instanceof Error ? error.message : String(error),
      title: null,
      date: null,
    };
  }
}

export function scoreResult(page: Page, extracted: ReturnType<typeof extract>): PageResult {
  const counts = scorePage(page.truth, extracted.text);
  return {
    id: page.id,
    url: page.url,
    ...extracted,
    counts,
    f1: pageF1(counts),
    exact: exactMatch(page.truth, extracted.text),
  };
}

export interface ExtractionReport extends Scores {
  pages: PageResult[];
  /** Share of pages whose token sequence equals the truth exactly. */
  accuracy: number;
}

export function summarizePages(pages: PageResult[]): ExtractionReport {
  const scores = aggregate(pages.map((page) => page.counts));
  const exact = pages.filter((page) => page.exact).length;
  return { ...scores, accuracy: exact / pages.length, pages };
}

/** Cleans and scores every page once. */
export function runExtractionBenchmark(pages: Page[]): ExtractionReport {
  return summarizePages(pages.map((page) => scoreResult(page, extract(page))));
}

/** A row of the README's table of published results: `| name | F1 | P | R |`. */
export interface PublishedResult {
  name: string;
  f1: number;
  precision: number;
  recall: number;
  /** The row's figures as the README writes them ("0.990", not 0.99). */
  written: { f1: string; precision: string; recall: string };
}

/** The published results the benchmarks README lists for article extraction. */
export function publishedResults(readme: string): PublishedResult[] {
  const rows: PublishedResult[] = [];
  for (const line of readme.split('\n')) {
    const match = /^\|\s*([^|]+?)\s*\|\s*(0\.\d+)\s*\|\s*(0\.\d+)\s*\|\s*(0\.\d+)\s*\|\s*$/.exec(
      line,
    );
    if (match) {
      rows.push({
        name: match[1]!,
        f1: Number(match[2]),
        precision: Number(match[3]),
        recall: Number(match[4]),
        written: { f1: match[2]!, precision: match[3]!, recall: match[4]! },
      });
    }
  }
  return rows;
}
