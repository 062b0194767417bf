import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../source/corpus/types.js';
import { KEYS, type Rendered, renderApp, seedArticles, storeOpened } from './harness.js';

let seeds: Article[];
let app: Rendered | null = null;

beforeAll(async () => {
  seeds = await seedArticles();
});

afterEach(() => {
  app?.unmount();
  app = null;
});

const SIZES = [
  { columns: 60, rows: 15 },
  { columns: 100, rows: 30 },
  { columns: 130, rows: 36 },
  { columns: 200, rows: 50 },
];

/** The frame files are the exact screens; a change to any of them is a visible change. */
const file = (name: string, size: { columns: number; rows: number }) =>
  `__frames__/${name}-${size.columns}x${size.rows}.txt`;

describe.each(SIZES)('the seed corpus at $columns×$rows', (size) => {
  it('at start: the list, with the first article under the cursor', async () => {
    app = await renderApp({ articles: seeds, ...size });
    const frame = await app.waitFor(storeOpened, 'the first frame');
    // verify52: nothing was written yet, so nothing says `saved`.
    expect(frame.split('\n').at(-1)).not.toMatch(/saved$/);
    expect(frame.split('\n')).toHaveLength(size.rows - 1);
    await expect(`${frame}\n`).toMatchFileSnapshot(file('start', size));
  });

  it('after opening the first article', async () => {
    app = await renderApp({ articles: seeds, ...size });
    await app.press(KEYS.enter);
    const frame = await app.waitFor(
      (f) => (f.includes('sentence 1 of 23') || f.includes('sent. 1/23')) && f.endsWith('saved'),
      'the reader',
    );
    await expect(`${frame}\n`).toMatchFileSnapshot(file('opened', size));
  });

  it('after tagging: claim and quote on sentence 2, event on sentence 3', async () => {
    app = await renderApp({ articles: seeds, ...size });
    await app.press(KEYS.enter, 'j', '1', '2', 'j', '3');
    const frame = await app.waitFor(
      (f) => /C 1 {2}Q 1 {2}E 1|C1 Q1 E1/.test(f) && f.includes('saved'),
      'the badges',
    );
    await expect(`${frame}\n`).toMatchFileSnapshot(file('tagged', size));
  });

  it('with help open', async () => {
    app = await renderApp({ articles: seeds, ...size });
    await app.press('?');
    const frame = await app.waitFor((f) => f.includes('Keys ('), 'the help');
    await expect(`${frame}\n`).toMatchFileSnapshot(file('help', size));
  });
});
