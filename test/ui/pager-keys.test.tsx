import { afterEach, beforeAll, expect, it } from 'vitest';
import type { Article } from '../../source/corpus/types.js';
import { type Rendered, renderApp, seedArticles } from './harness.js';

let seeds: Article[];
let app: Rendered | null = null;

beforeAll(async () => {
  seeds = await seedArticles();
});

afterEach(() => {
  app?.unmount();
  app = null;
});

/** The help's lines on screen: under its title, above the status bar. */
const helpLines = (frame: string) => frame.split('\n').slice(2, -1);

it('pages through the help with Space and b, and goes to its ends with G and g', async () => {
  app = await renderApp({ articles: seeds, columns: 100, rows: 30 });
  await app.waitFor((f) => f.includes('article 1 of 5'), 'the list');
  await app.press('?');
  const title = 'Keys (j/k line · Space/b page · g/G start/end · Esc or ? closes)';
  const first = await app.waitFor((f) => f.includes(title), 'the help');
  expect(first).toContain('next sentence (list: next article)');
  const lastOfFirst = helpLines(first).at(-1)!;

  // A page on, the last line of the page before is the first one now, as in a pager.
  await app.press(' ');
  const second = await app.waitFor((f) => helpLines(f)[0] === lastOfFirst, 'the next page');
  expect(second).not.toContain('next sentence (list: next article)');

  await app.press('G');
  const end = await app.waitFor(
    (f) => f.includes('quit from an input; twice: without waiting'),
    "the help's end",
  );
  expect(end).not.toContain('next sentence (list: next article)');
  // At its end it still pages back, and says how.
  expect(end).toContain(title);

  await app.press('b');
  await app.waitFor((f) => !f.includes('quit from an input; twice'), 'a page back');

  await app.press('g');
  await app.waitFor((f) => helpLines(f)[0] === helpLines(first)[0], "the help's start");
});
