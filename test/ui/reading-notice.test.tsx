import { afterEach, describe, expect, it } from 'vitest';
import { fixtureArticle } from '../review/fixtures.js';
import { KEYS, type Rendered, renderApp } from './harness.js';

let app: Rendered | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

describe('an article whose file was read with changes', () => {
  // qa54 #1, #3: a byte of mojibake removed, or an encoding guessed, was said by `margin show`
  // and nowhere in the review, where the reviewer quotes the text.
  it('says so in the reader under its metadata, in words and with a mark', async () => {
    const mended = {
      ...fixtureArticle('moji', 3),
      warnings: [
        'moji.html: removed 1 control character (U+009D) of mojibake: text read in the wrong encoding and saved again, such as â€ for ”; the text around it is kept',
      ],
    };
    app = await renderApp({
      articles: [mended, fixtureArticle('plain', 3)],
      columns: 100,
      rows: 30,
    });
    await app.press(KEYS.enter);
    const frame = await app.waitFor((f) => f.includes('Sentence 1 of moji.'), 'the article open');
    const lines = frame.split('\n');
    const meta = lines.findIndex((line) => line.includes('Fixture News · 2025-03-14'));
    expect(lines[meta + 1]).toMatch(
      /^ +! moji\.html: removed 1 control character \(U\+009D\) of mojibake/,
    );
    expect(lines.slice(meta + 1, meta + 4).join(' ')).toContain('the text around it is kept');
    // An article read as written has none.
    await app.press('J');
    const plain = await app.waitFor((f) => f.includes('Sentence 1 of plain.'), 'the next article');
    expect(plain).not.toMatch(/^ +! /m);
  });
});
