import { afterEach, expect, it } from 'vitest';
import { tallSentenceArticle } from '../review/fixtures.js';
import { type Rendered, renderApp } from './harness.js';

let app: Rendered | null = null;

afterEach(() => {
  app?.unmount();
  app = null;
});

/** The reader's rows: under the header, above the status bar. */
const readerRows = (frame: string) => frame.split('\n').slice(1, -1);
const statusBar = (frame: string) => frame.split('\n').at(-1) ?? '';
const words = (frame: string) => new Set(frame.match(/\bw\d+\b/g) ?? []);

it('pages through a sentence taller than the reader at 60×15, saying there is more and where', async () => {
  app = await renderApp({ articles: [tallSentenceArticle(300)], columns: 60, rows: 15 });
  await app.waitFor((f) => f.includes('Enter open'), 'the list');
  await app.press('\r', 'j', 'j');
  const first = await app.waitFor((f) => f.includes('w0 w1'), 'the tall sentence');
  // Its first line carries the cursor; the window's last says it goes on; the bar names the key.
  expect(readerRows(first).find((row) => row.includes('w0 w1'))).toMatch(/^▶/);
  expect(readerRows(first).at(-1)).toMatch(/^↓ +w\d+/);
  expect(statusBar(first)).toMatch(/^Space more · /);

  const seen = words(first);
  let frame = first;
  for (let page = 0; page < 10 && statusBar(frame).includes('Space more'); page += 1) {
    const before = frame;
    await app.press(' ');
    frame = await app.waitFor((f) => f !== before, 'the next page');
    for (const word of words(frame)) seen.add(word);
    if (frame.includes('w0 w1')) continue;
    // Scrolled into it: the cursor moves to its first line in view, with the sentence's place.
    expect(readerRows(frame)[0], frame).toMatch(/^▶ +w\d+/);
    expect(frame.split('\n')[0]).toContain('sent. 3/6');
  }
  expect(statusBar(frame)).not.toContain('Space more');
  expect(readerRows(frame).some((row) => row.startsWith('↓'))).toBe(false);
  const unseen = Array.from({ length: 300 }, (_, i) => `w${i}`).filter((w) => !seen.has(w));
  expect(unseen).toEqual([]);
  // Then Space moves on, as on any other sentence.
  await app.press(' ');
  await app.waitFor((f) => f.split('\n')[0]!.includes('sent. 4/6'), 'the next sentence');
});
