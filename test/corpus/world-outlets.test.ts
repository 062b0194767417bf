import { describe, expect, it } from 'vitest';
import { readArticle } from '../../source/corpus/index.js';
import {
  ALJAZEERA_AR,
  ANSA,
  AP_SHELL,
  DOM_AND_SHORT_LD,
  FOLHA,
  MENU_ONLY,
  NEXT_SHELL,
  READER_VIEW,
  UKRAINSKA_PRAVDA,
  XINHUA,
} from './fixtures/world-outlets.js';
import { tempCorpus } from './temp-corpus.js';

/** What qa59 found wrong on pages of outlets nobody here wrote, as a reviewer sees it. */
const corpus = tempCorpus();

const read = async (name: string, html: string) => readArticle(await corpus.write(name, html));
const paragraphs = (text: string) => text.split('\n\n');
const sentences = (article: { sentences: Array<{ text: string }> }) =>
  article.sentences.map((sentence) => sentence.text);

describe('a page whose story is only in its data (qa59 #2, #3)', () => {
  it("reads an app shell's story from its JSON-LD articleBody, not its spinner", async () => {
    const article = await read('ap.html', AP_SHELL);
    expect(paragraphs(article.text)).toEqual([
      'ATHENS, Greece (AP) — A 48-hour ferry strike left thousands of travelers stranded on Greek islands on Monday, the coast guard said.',
      'Unions are demanding higher pay for crews who work through the summer season without a day off.',
      'Ruiz reported from Piraeus.',
    ]);
    expect(article.byline).toBe('Ana Ruiz');
    expect(article.date).toBe('2026-11-30');
    expect(article.warnings).toEqual([]);
  });

  it("keeps a page's own body over a shorter JSON-LD summary", async () => {
    const article = await read('bridge.html', DOM_AND_SHORT_LD);
    expect(paragraphs(article.text)).toHaveLength(2);
    expect(article.text).toMatch(/^The old river bridge reopened/);
  });

  it("reads a Next.js page's paragraphs, date and writer from its __NEXT_DATA__", async () => {
    const article = await read('next.html', NEXT_SHELL);
    expect(paragraphs(article.text)).toEqual([
      'The county library board voted on Tuesday to stop charging fines for overdue books at all 14 branches.',
      'Board members said the fines brought in less than it cost to collect them, and kept poorer families away.',
      'Books more than six weeks late will still be billed as lost until they come back.',
    ]);
    expect(article.title).toBe('Library fines abolished across the county');
    expect(article.date).toBe('2026-11-28');
    expect(article.byline).toBe('Priya Nair');
    expect(article.source).toBe('The Valley Courier');
  });

  it('warns when neither the page nor its data holds any article text', async () => {
    const article = await read('menu.html', MENU_ONLY);
    expect(article.warnings.some((w) => w.startsWith('no article text in the page'))).toBe(true);
  });
});

describe("other languages' boilerplate is no sentence to review (qa59 #10)", () => {
  it("drops ANSA's sign-off and its copyright line", async () => {
    const article = await read('ansa.html', ANSA);
    expect(sentences(article).at(-1)).toBe(
      'I sindacati chiedono il rinnovo del contratto scaduto da due anni e più personale sui treni regionali.',
    );
    expect(article.text).not.toMatch(/\(ANSA\)|RIPRODUZIONE/);
  });

  it("drops Folha's ad slot label PUBLICIDADE", async () => {
    const article = await read('folha.html', FOLHA);
    expect(article.text).not.toContain('PUBLICIDADE');
    expect(paragraphs(article.text)).toHaveLength(2);
  });

  it("drops Ukrainska Pravda's Ctrl + Enter notice", async () => {
    const article = await read('up.html', UKRAINSKA_PRAVDA);
    expect(article.text).not.toContain('Ctrl');
    expect(paragraphs(article.text)).toHaveLength(2);
  });

  it("drops Xinhua's photo credit line and its editor box", async () => {
    const article = await read('xinhua.html', XINHUA);
    expect(article.text).not.toMatch(/摄|【|责任编辑/);
    expect(paragraphs(article.text)).toHaveLength(2);
  });

  it("drops Al Jazeera's read-also heading and its source trailer", async () => {
    const article = await read('aj.html', ALJAZEERA_AR);
    expect(article.text).not.toMatch(/اقرأ أيضا|المصدر/);
    expect(paragraphs(article.text)).toHaveLength(2);
  });

  it('keeps a sentence that begins with "Source:"', async () => {
    const html = `<html><body><article><h1>Talks stall</h1><p>Negotiators left Geneva on Friday without a date for the next round of talks on the ceasefire.</p><p>Source: a senior official said the talks had failed.</p></article></body></html>`;
    const article = await read('source.html', html);
    expect(article.text).toContain('Source: a senior official said the talks had failed.');
  });
});

describe("metadata of outlets' own markup (qa59 #11)", () => {
  it("names Xinhua's reporters, not its editor, with the publishdate and a bare title", async () => {
    const article = await read('xinhua.html', XINHUA);
    expect(article.byline).toBe('王磊, 陈静');
    expect(article.date).toBe('2026-11-27');
    expect(article.title).toBe('我国冬小麦播种基本结束');
    expect(article.source).toBe('新华网');
  });

  it("reads a reader view's source and writer from its header", async () => {
    const article = await read('reader.html', READER_VIEW);
    expect(article.source).toBe('The Guardian');
    expect(article.byline).toBe('Damian Carrington');
    expect(paragraphs(article.text)).toHaveLength(2);
  });

  it("reads Ukrainska Pravda's writer from div.post_author", async () => {
    const article = await read('up.html', UKRAINSKA_PRAVDA);
    expect(article.byline).toBe('Олена Коваль');
  });
});
