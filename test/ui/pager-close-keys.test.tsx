import { afterEach, beforeAll, expect, it } from 'vitest';
import type { Article } from '../../source/corpus/types.js';
import { withGuidelines } from '../../source/review/guidelines.js';
import { KEYMAP } from '../../source/review/keymap.js';
import { buildKeymap } from '../../source/review/project.js';
import { DEFAULT_LABELS } from '../../source/store/labels.js';
import { KEYS, type Rendered, renderApp, seedArticles } from './harness.js';

let seeds: Article[];
let app: Rendered | null = null;

beforeAll(async () => {
  seeds = await seedArticles();
});

afterEach(() => {
  app?.unmount();
  app = null;
});

// qa51 #11: after `"keys": {"guidelines/toggle": "I"}` (and `i` given to a label) the
// guidelines' title still said "Esc or i closes", though `i` tagged and did not close them.
it("names in each pager's title the key the project gave to close it", async () => {
  const labels = [
    ...DEFAULT_LABELS,
    { ...DEFAULT_LABELS[0]!, name: 'figure', key: 'i', letter: 'F' },
  ];
  const built = buildKeymap(
    labels,
    { 'guidelines/toggle': ['I'], 'help/toggle': ['H'], 'problems/toggle': ['P'] },
    withGuidelines(KEYMAP),
  );
  expect(built.problems).toEqual([]);
  const project = {
    labels,
    keymap: built.keymap,
    guidelines: { name: 'GUIDE.md', text: 'Tag what can be checked.' },
  };
  app = await renderApp({
    articles: seeds,
    columns: 100,
    rows: 30,
    state: { project, warnings: ['x.txt: not UTF-8'] },
  });
  await app.waitFor((f) => f.includes('article 1 of 5'), 'the list');
  await app.press('I');
  await app.waitFor((f) => f.includes('Guidelines · GUIDE.md (Esc or I closes)'), 'the guidelines');
  await app.press('I');
  await app.waitFor((f) => !f.includes('Guidelines · GUIDE.md'), 'the guidelines closed by I');
  await app.press('H');
  await app.waitFor((f) => f.includes('Esc or H closes)'), 'the help');
  await app.press(KEYS.escape, 'P');
  await app.waitFor((f) => f.includes('1 problem (Esc or P closes)'), 'the problems');
});
