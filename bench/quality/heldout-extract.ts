/**
 * Extraction pages nobody here tuned on: Mozilla Readability's test pages
 * (`test/test-pages/<name>/source.html` and `expected.html`). The truth is the text of
 * Readability's article HTML, so it keeps what Readability keeps (captions, headings, bylines
 * in the body): read a page's misses before calling them margin's errors. Scored with the Zyte
 * benchmark's rules (extraction-score.ts), the page as a whole given to margin as `.html`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Element, parseDom } from '../../source/corpus/dom.js';
import { extract } from './extraction-benchmark.js';
import { type PageCounts, pageF1, precisionOf, recallOf, scorePage } from './extraction-score.js';

export interface ReadabilityPage {
  name: string;
  source: Uint8Array;
  truth: string;
}

export interface ReadabilityResult {
  name: string;
  counts: PageCounts;
  f1: number;
  precision: number;
  recall: number;
  refused: string | null;
  text: string;
  truth: string;
}

const SKIP = new Set(['script', 'style', 'template', 'noscript']);

/** The text of an HTML fragment: its text nodes in order, elements apart by a space. */
export function htmlText(html: string): string {
  const parts: string[] = [];
  const walk = (element: Element) => {
    for (const child of element.children) {
      if (typeof child === 'string') parts.push(child);
      else if (!SKIP.has(child.name)) {
        parts.push(' ');
        walk(child);
        parts.push(' ');
      }
    }
  };
  walk(parseDom(html));
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Every page folder holding both files, in name order. */
export function loadReadabilityPages(folder: string): ReadabilityPage[] {
  return readdirSync(folder)
    .sort()
    .filter(
      (name) =>
        existsSync(path.join(folder, name, 'source.html')) &&
        existsSync(path.join(folder, name, 'expected.html')),
    )
    .map((name) => ({
      name,
      source: readFileSync(path.join(folder, name, 'source.html')),
      truth: htmlText(readFileSync(path.join(folder, name, 'expected.html'), 'utf8')),
    }));
}

export function scoreReadability(pages: ReadabilityPage[]): ReadabilityResult[] {
  return pages.map((page) => {
    const got = extract({ id: page.name, url: '', truth: page.truth, bytes: page.source });
    const counts = scorePage(page.truth, got.text);
    return {
      name: page.name,
      counts,
      f1: pageF1(counts),
      precision: precisionOf(counts),
      recall: recallOf(counts),
      refused: got.refused,
      text: got.text,
      truth: page.truth,
    };
  });
}
