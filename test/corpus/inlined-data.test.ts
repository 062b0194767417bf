import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCorpusIndex } from '../../source/corpus/db/open.js';
import { loadCorpus, readArticle } from '../../source/corpus/index.js';
import { dropInlinedData } from '../../source/corpus/inlined-data.js';
import { tempCorpus } from './temp-corpus.js';

const corpus = tempCorpus();

/** A photo inlined as a browser's "save as single file" or an editor's paste leaves it. */
function inlined(megabytes: number): string {
  return `data:image/jpeg;base64,${randomBytes(Math.round(megabytes * 1024 * 1024 * 0.75)).toString('base64')}`;
}

/** A page of 150 words holding `images` photos of 1.5 MB each, in an img, a srcset and CSS. */
function savedPage(images: number): string {
  const photos = Array.from({ length: images }, () => inlined(1.5));
  return `<!doctype html><html><head><meta charset="utf-8"><title>Ferry service resumes after the storm</title>
<style>.hero{background-image:url("${photos[0]}")}</style></head><body>
<article><h1>Ferry service resumes after the storm</h1>
<p>The ferry between the island and the mainland resumed on Wednesday after three days in which the storm kept every boat in harbour, the operator said.</p>
${photos
  .slice(1)
  .map((photo, i) => `<img src="${photo}" srcset="${photo} 2x" alt="Photo ${i}">`)
  .join('\n')}
<p>Passengers who had waited since Sunday were given priority on the first crossings, and the operator added two extra sailings for the evening.</p>
<p>“We have never had to stop for so long in winter,” the harbour master told reporters, adding that the quay itself had not been damaged.</p>
</article></body></html>`;
}

describe('pages with inlined images', () => {
  it('reads a 9 MB page whose text is a few kilobytes, in the index too', async () => {
    const path = await corpus.write('ferry.html', savedPage(4));
    const read = await readArticle(path);
    expect(read.title).toBe('Ferry service resumes after the storm');
    expect(read.sentences.map((sentence) => sentence.text)).toEqual([
      'The ferry between the island and the mainland resumed on Wednesday after three days in which the storm kept every boat in harbour, the operator said.',
      'Passengers who had waited since Sunday were given priority on the first crossings, and the operator added two extra sailings for the evening.',
      '“We have never had to stop for so long in winter,” the harbour master told reporters, adding that the quay itself had not been damaged.',
    ]);
    const cacheDir = await mkdtemp(join(tmpdir(), 'margin-inlined-'));
    try {
      const { index } = await openCorpusIndex(corpus.root(), { cacheDir, refresh: 'full' });
      expect(index.problems()).toEqual([]);
      expect(index.article('ferry')?.text).toBe(read.text);
      index.close();
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it('still refuses a text file over 5 MB unread, and says what a page is measured by', async () => {
    const path = await corpus.write('huge.txt', 'x');
    await truncate(path, 6 * 1024 * 1024);
    const page = await corpus.write('huge.html', `<p>${'word '.repeat(1_200_000)}</p>`);
    const load = await loadCorpus(corpus.root(), { cacheDir: null });
    expect(load.problems.map((problem) => problem.message)).toEqual([
      `${page}: file too large (5.7 MB; the limit is 5 MB)`,
      `${path}: file too large (6.0 MB; the limit is 5 MB)`,
    ]);
  });
});

describe('dropInlinedData', () => {
  const text = (value: string) => Buffer.from(dropInlinedData(Buffer.from(value))).toString();

  it('drops long payloads and keeps the markup around them', () => {
    const photo = 'A'.repeat(4000);
    expect(
      text(
        `<img src="data:image/png;base64,${photo}"><p style='background:url(data:image/svg+xml;utf8,%3Csvg${photo})'>Hi &amp; bye</p>`,
      ),
    ).toBe(
      `<img src="data:image/png;base64,"><p style='background:url(data:image/svg+xml;utf8,)'>Hi &amp; bye</p>`,
    );
  });

  it('leaves short payloads and prose that says "data:" alone', () => {
    const prose = `<p>The metadata: ${'x'.repeat(400)}, and data:,Hello, and <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></p>`;
    expect(text(prose)).toBe(prose);
  });
});
