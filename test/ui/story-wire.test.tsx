import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../source/corpus/index.js';
import { NO_STORY, storyView } from '../../source/review/story.js';
import { storyGroups } from '../../source/story/index.js';
import { writeWireCorpus } from '../story/wire-corpus.js';
import { KEYS, renderApp } from './harness.js';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The review at 60 columns, open on the article of `source`, at its sentence on the strike. */
async function atTheStrike(source: string) {
  // qa55's story of one drone strike in eight outlets.
  const dir = await mkdtemp(join(tmpdir(), 'margin-wire-'));
  made.push(dir);
  await writeWireCorpus(dir);
  const { articles } = await loadCorpus(dir, { cacheDir: null });
  const app = await renderApp({
    articles,
    columns: 60,
    rows: 20,
    state: { story: { ...NO_STORY, view: storyView(storyGroups(articles)) } },
  });
  const order = articles.map((article) => article.source);
  const at = order.indexOf(source);
  expect(at).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < at; i++) await app.press('j');
  await app.press(KEYS.enter);
  await app.waitFor((f) => f.includes(source), source);
  await app.press('j');
  await app.waitFor((f) => /^▶.*The (?:strike|attack) hit/m.test(f), 'the sentence on the strike');
  return app;
}

describe('the story view of a wire story at 60 columns (qa55)', () => {
  it('gives a difference of times with its mark and its kind in the panel', async () => {
    const app = await atTheStrike('Associated Press');
    await app.press('o');
    const panel = await app.waitFor((f) => f.includes('this:'), 'the panel');
    // It read "differ: 3 ≠ 4".
    expect(panel).toContain('differ: 3 a.m. ≠ 4 a.m. (number)');
    app.unmount();
  });

  it('says which sentence L marked, and what the second L linked it to', async () => {
    const app = await atTheStrike('Daily Aggregator');
    await app.press('L');
    const marked = await app.waitFor((f) => f.includes('marked:'), 'the mark');
    const status = marked.split('\n').find((line) => line.includes('marked:')) ?? '';
    // It said "marked: press L on the sentence that reports the same thing", whichever
    // sentence the cursor was on.
    expect(status).toMatch(/^marked: “The strike hit the.*” \(Daily Aggregator\)/);
    await app.press('J');
    await app.waitFor(
      (f) => /^▶/m.test(f) && !f.includes('Daily Aggregator ·'),
      'the next article',
    );
    await app.press('L');
    const linked = await app.waitFor((f) => f.includes('linked to'), 'the link');
    const line = linked.split('\n').find((text) => text.includes('linked to')) ?? '';
    expect(line).toMatch(/^linked to “The strike hit the.*” \(Daily Aggregator\)/);
    app.unmount();
  });
});

describe('a marked sentence named in the status line', () => {
  it('keeps the sentence and its outlet whole within 60 columns', async () => {
    const app = await atTheStrike('Kyiv Independent');
    await app.press('L');
    const marked = await app.waitFor((f) => f.includes('marked:'), 'the mark');
    const status = marked.split('\n').find((line) => line.includes('marked:')) ?? '';
    expect(status).toMatch(/^marked: “The attack hit the…” \(Kyiv Independent\)/);
    app.unmount();
  });
});
