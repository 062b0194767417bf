/**
 * The hand-labelled real news of suggest-real-gold.ts, placed on the benchmark's pages: each
 * page's ground-truth body is split as margin splits any article, and each gold row finds its
 * sentence by index and text check. The texts stay in ../shared/benchmarks/, read at run time.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildArticle } from '../../source/corpus/article.js';
import { bytesToSource } from '../../source/corpus/read.js';
import type { Article } from '../../source/corpus/types.js';
import { analyseArticle } from '../../source/suggest/index.js';
import type { GoldLabels, Matched } from '../evaluate/gold.js';
import type { Prepared } from '../evaluate/suggestions.js';
import { benchmarksFolder } from './extraction-benchmark.js';
import { REAL_GOLD, type RealGoldPage } from './suggest-real-gold.js';

const LABEL_OF: Record<string, string> = { c: 'claim', e: 'event', q: 'quote' };

/** The check a gold row names its sentence by: 8 hex digits of the SHA-1 of the squashed text. */
export function textCheck(text: string): string {
  const squashed = text.replace(/\s+/g, ' ').trim();
  return createHash('sha1').update(squashed).digest('hex').slice(0, 8);
}

/** A page's ground-truth body as margin reads a plain-text article; the id is the page's first 8. */
export function pageArticle(page: string, body: string): Article {
  const id = page.slice(0, 8);
  const name = `${id}.txt`;
  return buildArticle(id, name, bytesToSource(name, Buffer.from(body)));
}

/**
 * Places a page's gold on the article's sentences: at its index when the check agrees, else at
 * the first sentence with that check (the split moved it); rows whose check no sentence has are
 * counted as missing.
 */
export function placeRealGold(
  article: Article,
  page: RealGoldPage,
): { matched: Matched[]; missing: number } {
  const checks = article.sentences.map((sentence) => textCheck(sentence.text));
  const found: Array<GoldLabels | null> = checks.map(() => null);
  let missing = 0;
  for (const [at, check, letters, speaker] of page.sentences) {
    const index = checks[at] === check ? at : checks.indexOf(check);
    if (index < 0 || found[index] !== null) {
      missing++;
      continue;
    }
    const labels = [...letters].map((letter) => LABEL_OF[letter]!);
    found[index] = speaker === undefined ? { labels } : { labels, speaker };
  }
  return {
    matched: article.sentences.map((_, index) => ({ article, index, gold: found[index] ?? null })),
    missing,
  };
}

export interface RealSet {
  prepared: Prepared[];
  /** Gold rows that found no sentence, and all rows. */
  missing: number;
  total: number;
}

/** The labelled real pages (`pages`), analysed; null when the benchmark folder is not there. */
export function loadRealSet(
  folder: string = path.join(benchmarksFolder(), 'article-extraction'),
  pages: readonly RealGoldPage[] = REAL_GOLD,
): RealSet | null {
  const truthFile = path.join(folder, 'ground-truth.json');
  if (!existsSync(truthFile)) return null;
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<
    string,
    { articleBody?: string }
  >;
  const prepared: Prepared[] = [];
  let missing = 0;
  let total = 0;
  for (const page of pages) {
    total += page.sentences.length;
    const body = truth[page.page]?.articleBody;
    if (body === undefined) {
      missing += page.sentences.length;
      continue;
    }
    const article = pageArticle(page.page, body);
    const placed = placeRealGold(article, page);
    missing += placed.missing;
    prepared.push({ analysis: analyseArticle(article), matched: placed.matched });
  }
  return { prepared, missing, total };
}
