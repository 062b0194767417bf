import { afterEach, describe, expect, it } from 'vitest';
import { KEYMAP } from '../../source/review/keymap.js';
import { buildKeymap } from '../../source/review/project.js';
import type { LabelSet } from '../../source/store/labels.js';
import { KEYS, type Rendered, renderApp, seedArticles } from './harness.js';

let app: Rendered | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

/** qa53's codebook: claim and figure share `verdict`, each with its own list. */
const CODEBOOK: LabelSet = [
  {
    name: 'claim',
    key: '1',
    colour: 'yellow',
    letter: 'C',
    description: 'a checkable statement',
    attributes: [{ name: 'verdict', values: ['true', 'false', 'misleading'] }],
  },
  {
    name: 'figure',
    key: '4',
    colour: 'green',
    letter: 'N',
    description: 'a number',
    attributes: [{ name: 'verdict', values: ['true', 'false'] }],
  },
];

const verdicts = (app: Rendered) =>
  app.repository
    .list({})
    .map((annotation) => [annotation.label, annotation.attributes?.verdict ?? null]);

describe('an attribute two labels share with different lists', () => {
  // qa53: `misleading` offered on a sentence tagged claim and figure was stored on the figure
  // too, whose list is true, false; `margin relabel` then called it a violation.
  it('stores a value only on the labels whose list has it, and says so', async () => {
    const articles = await seedArticles();
    const { keymap } = buildKeymap(CODEBOOK, {}, KEYMAP);
    app = await renderApp({
      articles,
      columns: 100,
      rows: 30,
      state: { project: { labels: CODEBOOK, keymap, guidelines: null } },
    });
    await app.press(KEYS.enter, '1', '4');
    await app.waitFor((f) => f.split('\n').at(-1)!.endsWith('saved'), 'both tags saved');
    await app.press('a', 't', KEYS.enter);
    await app.waitFor(() => verdicts(app!).every(([, v]) => v === 'true'), 'true on both');
    await app.press('a', 'm');
    await app.waitFor(
      (f) => f.includes('verdict: misleading (claim only)'),
      'the editor saying so',
    );
    await app.press(KEYS.enter);
    await app.waitFor(
      (f) => f.includes("verdict misleading: claim only, not in figure's list"),
      'the save saying so',
    );
    await app.waitFor(() => verdicts(app!)[0]?.[1] === 'misleading', 'the claim saved');
    expect(verdicts(app)).toEqual([
      ['claim', 'misleading'],
      ['figure', 'true'],
    ]);
    // A value both lists hold goes to both again.
    await app.press('a', 'f', KEYS.enter);
    await app.waitFor(() => verdicts(app!).every(([, v]) => v === 'false'), 'false on both');
  });
});
