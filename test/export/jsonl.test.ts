import { describe, expect, it } from 'vitest';
import { jsonlLine } from '../../source/export/jsonl.js';
import type { ExportFilter } from '../../source/export/model.js';
import { type ExportRecord, toRecord } from '../../source/export/record.js';
import { byCodePoints, sampleInput, unicodeArticle } from './fixture.js';
import { exportText, type StoreContents } from './helpers.js';

const toJsonl = (input: StoreContents, filter?: ExportFilter) =>
  exportText('jsonl', input, filter ? { filter } : {});

function records(text: string): ExportRecord[] {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as ExportRecord);
}

describe('jsonl export', () => {
  it('writes offsets in code points that select the sentence text', async () => {
    const rows = records(await toJsonl(sampleInput()));
    const placed = rows.filter((row) => !row.orphan);
    expect(placed).toHaveLength(6);
    for (const row of placed) {
      const article = sampleInput().articles.find((a) => a.id === row.article)!;
      expect(byCodePoints(article.text, row.start, row.end)).toBe(row.text);
      expect(article.sentences.find((s) => s.id === row.sentence)?.text).toBe(row.text);
    }
    const third = rows.find((row) => row.text.startsWith('Prices'))!;
    // 😀 and the flag's two regional indicators count once each, not twice.
    expect(third.start).toBe(unicodeArticle.sentences[2]!.start - 3);
  });

  it('writes every field of the first annotation', async () => {
    const first = records(await toJsonl(sampleInput()))[0];
    expect(first).toEqual({
      id: expect.any(String),
      article: 'uni',
      title: 'Переговоры “soon”',
      source: 'The National',
      date: '2025-03-14',
      annotator: 'alice',
      label: 'quote',
      sentence: 'uni-s0',
      text: '“Мы готовы к переговорам 😀”, said the minister.',
      start: 0,
      end: 47,
      prefix: '',
      suffix: ' Talks begin on Friday 🇺🇦 in R',
      textHash: unicodeArticle.hash,
      note: 'check the “translation”\nwith the desk',
      attributes: { speaker: 'minister', verdict: 'needs context' },
      status: 'done',
      created: '2026-01-02T03:04:05.000Z',
      updated: '2026-01-02T03:04:06.000Z',
      orphan: false,
    });
  });

  it('writes the stored quote only when the sentence changed since', async () => {
    const input = sampleInput();
    const moved = input.annotations[1]!;
    moved.anchor = { ...moved.anchor, quote: 'Talks begin on Friday in Riyadh.' };
    const rows = records(await toJsonl(input));
    expect(rows.find((row) => row.id === moved.id)).toMatchObject({
      text: 'Talks begin on Friday 🇺🇦 in Riyadh.',
      quote: 'Talks begin on Friday in Riyadh.',
    });
    expect(rows.filter((row) => 'quote' in row)).toHaveLength(1);
  });

  it('keeps an orphan with its stored quote and offsets', async () => {
    const orphan = records(await toJsonl(sampleInput())).find((row) => row.orphan)!;
    expect(orphan).toMatchObject({
      text: 'A sentence since cut.',
      sentence: 'gone',
      label: 'event',
      orphan: true,
    });
    // Past the current text the offsets are kept as stored, shifted by the astral characters.
    expect(orphan.end - orphan.start).toBe(20);
  });

  it('narrows by annotator, label, article and status', async () => {
    const input = sampleInput();
    const texts = async (filter: ExportFilter) =>
      records(await toJsonl(input, filter)).map(
        (row) => `${row.annotator}:${row.label}:${row.article}`,
      );
    expect(await texts({ annotators: ['bob'], labels: ['claim'] })).toEqual([
      'bob:claim:uni',
      'bob:claim:plain',
    ]);
    expect(await texts({ articles: ['plain'] })).toEqual(['bob:claim:plain']);
    expect(await texts({ statuses: ['in progress'] })).toEqual(['bob:claim:uni', 'bob:quote:uni']);
  });

  it('writes nothing when nothing matches', async () => {
    expect(await toJsonl(sampleInput(), { labels: ['event'], annotators: ['bob'] })).toBe('');
  });
});

describe('jsonlLine', () => {
  it('is exactly the record as JSON, for placed, changed and orphaned annotations', async () => {
    const input = sampleInput();
    input.annotations[1]!.anchor.quote = 'Talks begin on Friday in Riyadh.';
    for (const annotation of input.annotations) {
      const article = input.articles.find((a) => a.id === annotation.article)!;
      const entry = { article, annotation };
      const status = input.statuses(article.id, annotation.annotator);
      expect(jsonlLine(entry, status)).toBe(JSON.stringify(toRecord(entry, status)));
    }
  });
});

describe('progress', () => {
  it('reports now and then and once at the end, for a progress bar', async () => {
    const calls: Array<[number, number]> = [];
    await exportText('jsonl', sampleInput(), {
      total: 7,
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls).toEqual([[7, 7]]);
  });
});
