/**
 * qa52 #3 and #7 on screen: a suggested label's own key gives it the suggested speaker, and a
 * suggested label removed by hand stays removed (no dim letter back, no `suggested:` line).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../source/corpus/types.js';
import { KEYS, type Rendered, renderApp, seedArticles } from './harness.js';

let seeds: Article[] = [];
let app: Rendered | null = null;

beforeAll(async () => {
  seeds = await seedArticles();
});

afterEach(() => {
  app?.unmount();
  app = null;
});

const ROWS = 30;
const statusBar = (frame: string) => frame.split('\n').at(-1) ?? '';
/** The reader's line with the cursor on it (the gutter, then the text). */
const cursorLine = (frame: string) => frame.split('\n').find((line) => line.startsWith('▶')) ?? '';

/** The first seed article open, sentence 3 suggested as claim + quote, 4 as a quote, by Peskov. */
async function opened(): Promise<{ app: Rendered; article: Article }> {
  const article = seeds[0]!;
  const [, , third, fourth] = article.sentences;
  const shown = await renderApp({ articles: seeds, columns: 100, rows: ROWS });
  await shown.press(KEYS.enter);
  shown.controller.dispatch({
    type: 'suggestions/arrived',
    article: article.id,
    suggestions: {
      sentences: {
        [third!.id]: {
          labels: [
            { label: 'claim', score: 0.62 },
            { label: 'quote', score: 0.97 },
          ],
          attributes: { claimant: 'Dmitry Peskov', speaker: 'Dmitry Peskov' },
        },
        [fourth!.id]: {
          labels: [{ label: 'quote', score: 0.97 }],
          attributes: { speaker: 'Dmitry Peskov' },
        },
      },
      uncertain: [],
      revision: 1,
    },
  });
  return { app: shown, article };
}

const stored = (shown: Rendered, sentence: string) =>
  shown.repository
    .list()
    .filter((annotation) => annotation.anchor.sentence === sentence)
    .map(({ label, attributes }) => ({ label, attributes }));

describe('a suggested label tagged or removed by hand, on screen', () => {
  it('2 on a suggested quote stores its speaker and says so; a shows it', async () => {
    const shown = await opened();
    app = shown.app;
    await app.press('j', 'j', 'j');
    await app.waitFor(
      (f) => statusBar(f).startsWith('suggested: quote (speaker: Dmitry Peskov) · y accept'),
      'the suggested quote',
    );
    expect(cursorLine(app.frame())).toMatch(/^▶ q/);
    await app.press('2');
    await app.waitFor(
      (f) =>
        statusBar(f).startsWith('tagged quote as suggested (speaker: Dmitry Peskov) · a edits') &&
        statusBar(f).endsWith('saved'),
      'the quote tagged with its speaker',
    );
    expect(cursorLine(app.frame())).toMatch(/^▶ Q/);
    expect(stored(app, shown.article.sentences[3]!.id)).toEqual([
      { label: 'quote', attributes: { speaker: 'Dmitry Peskov' } },
    ]);
    await app.press('a');
    await app.waitFor((f) => /speaker: +Dmitry Peskov/.test(f), 'the speaker in the editor');
  });

  it('1 after y takes the claim away for good: no c, no suggested claim', async () => {
    const shown = await opened();
    app = shown.app;
    await app.press('j', 'j');
    await app.waitFor(
      (f) => statusBar(f).startsWith('suggested: claim, quote · Dmitry Peskov · y accept'),
      'the suggested claim and quote',
    );
    await app.press('y');
    await app.waitFor((f) => statusBar(f).startsWith('accepted: '), 'accepted');
    await app.press('1');
    await app.waitFor(
      (f) =>
        statusBar(f).startsWith('removed claim: its suggestion rejected here · u undoes') &&
        statusBar(f).endsWith('saved'),
      'the claim removed',
    );
    await app.press('j', 'k');
    const frame = await app.waitFor((f) => /sentence 3 of/.test(f), 'back on sentence 3');
    expect(cursorLine(frame)).toMatch(/^▶ Q/);
    expect(statusBar(frame)).not.toContain('suggested');
    expect(stored(app, shown.article.sentences[2]!.id)).toEqual([
      { label: 'quote', attributes: { speaker: 'Dmitry Peskov' } },
    ]);
  });
});
