import { describe, expect, it } from 'vitest';
import { toCsv } from '../../source/export/csv.js';
import { byCodePoints, sampleInput, unicodeArticle } from './fixture.js';

/** A small RFC 4180 reader, independent of csv-stringify, to read the output back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  return rows;
}

describe('csv export', () => {
  it('has a header and offsets that select the sentence in code points', () => {
    const [header, ...rows] = parseCsv(toCsv(sampleInput()));
    expect(header).toEqual([
      'id',
      'article',
      'title',
      'source',
      'date',
      'annotator',
      'label',
      'sentence',
      'text',
      'start',
      'end',
      'quote',
      'prefix',
      'suffix',
      'textHash',
      'note',
      'status',
      'created',
      'updated',
      'orphan',
      'attribute:speaker',
      'attribute:verdict',
    ]);
    expect(rows).toHaveLength(7);
    const column = (name: string) => header!.indexOf(name);
    for (const row of rows.filter((r) => r[column('orphan')] === 'false')) {
      const article = sampleInput().articles.find((a) => a.id === row[column('article')])!;
      const start = Number(row[column('start')]);
      const end = Number(row[column('end')]);
      expect(byCodePoints(article.text, start, end)).toBe(row[column('text')]);
    }
  });

  it('quotes commas, quotes and line breaks per RFC 4180', () => {
    const text = toCsv(sampleInput(), { annotators: ['alice'], labels: ['quote'] });
    const line = text.split('\r\n')[1]!;
    expect(line).toContain('"“Мы готовы к переговорам 😀”, said the minister."');
    expect(text).toContain('"check the “translation”\nwith the desk"');
    expect(text).toContain(',minister,needs context\r\n');
    const row = parseCsv(text)[1]!;
    expect(row[8]).toBe(unicodeArticle.sentences[0]!.text);
  });

  it('starts with a byte order mark only when asked', () => {
    expect(toCsv(sampleInput(), {}, { bom: true }).startsWith('\uFEFFid,article,')).toBe(true);
    expect(toCsv(sampleInput()).startsWith('id,article,')).toBe(true);
  });
});
