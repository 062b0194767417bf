/** qa52 #10: a problem that wraps into the list's three lines is shown whole, not cut. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../source/corpus/types.js';
import { type Rendered, renderApp, seedArticles } from './harness.js';

let seeds: Article[] = [];
let app: Rendered | null = null;

beforeAll(async () => {
  seeds = await seedArticles();
});

afterEach(() => {
  app?.unmount();
  app = null;
});

const STORY =
  'story groups unavailable: run margin index --story once (10,000 articles; the review groups up to 5,000 itself)';

describe('the problems under the list', () => {
  it('wraps one long problem whole rather than cutting it and sending to !', async () => {
    app = await renderApp({
      articles: seeds,
      columns: 100,
      rows: 30,
      state: { warnings: [STORY] },
    });
    const frame = await app.waitFor((f) => f.includes('⚠'), 'the problem');
    const lines = frame.split('\n');
    const at = lines.findIndex((line) => line.startsWith('⚠'));
    const shown = lines
      .slice(at, -1)
      .map((line) => line.replace(/^⚠ /, '').trim())
      .join(' ');
    expect(shown).toBe(STORY);
    expect(frame).not.toContain('in all');
    // Every article is still listed above it.
    for (const article of seeds.filter(({ title }) => title))
      expect(frame).toContain(article.title!.slice(0, 20));
  });

  it('still sends to ! when the problems take more than three lines', async () => {
    const many = [
      'a.txt: empty file',
      'b.txt: empty file',
      'c.txt: empty file',
      'd.txt: empty file',
    ];
    app = await renderApp({ articles: seeds, columns: 100, rows: 30, state: { warnings: many } });
    const frame = await app.waitFor((f) => f.includes('in all'), 'the problems');
    expect(frame).toContain('⚠ 4 problems in all: ! shows them in full');
  });
});
