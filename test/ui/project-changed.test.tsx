import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, type Rendered, renderApp, seedArticles } from './harness.js';

let app: Rendered | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

const statusBar = (frame: string) => frame.split('\n').at(-1) ?? '';

describe('margin.json changed while the review runs', () => {
  // qa53: at 60 columns the warning was cut before what to do ("…are still the o…"), and the
  // next key put the hints back while the old keys went on tagging with the old codebook.
  it('says so whole at 60×15, and goes on saying so after the keys that follow', async () => {
    const articles = await seedArticles();
    let changed: ((how: 'changed' | 'gone') => void) | null = null;
    app = await renderApp({
      articles,
      columns: 60,
      rows: 15,
      projectFile: {
        shown: 'margin.json',
        watch: (listener) => {
          changed = listener;
          return () => {};
        },
      },
    });
    await app.press(KEYS.enter);
    changed!('changed');
    const warning = 'margin.json changed: restart margin (q quits)';
    await app.waitFor((f) => statusBar(f).startsWith(warning), 'the warning');
    await app.press('j', '1', 'j');
    await app.waitFor((f) => statusBar(f).endsWith('saved'), 'the tag saved');
    expect(statusBar(app.frame())).toMatch(/^margin\.json changed: restart margin \(q quits\)/);
    // The list's warning has the whole sentence, as before.
    await app.press(KEYS.tab);
    await app.waitFor(
      (f) => f.includes('⚠ margin.json changed: labels and keys are still'),
      'the list',
    );
  });
});
