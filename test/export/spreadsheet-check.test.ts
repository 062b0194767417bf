import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import {
  CELL_LIMIT,
  changedBySpreadsheets,
  SpreadsheetCheck,
} from '../../source/export/spreadsheet-check.js';

const HEADER = ['id', 'article', 'title', 'start', 'date', 'text', 'note', 'attribute:when'];
const csv = (rows: string[][]) =>
  `\uFEFF${stringify([HEADER, ...rows], { record_delimiter: 'windows', quoted_match: /[\r\n]/ })}`;

/**
 * The notices for `text` read in pieces of `size`: as text, and as UTF-8 bytes (a piece may then
 * end inside a character, as a sink's buffers may), which must say the same.
 */
function notices(text: string, size = text.length): string[] {
  const asText = new SpreadsheetCheck();
  for (let at = 0; at < text.length; at += size) asText.see(text.slice(at, at + size));
  const asBytes = new SpreadsheetCheck();
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += size) asBytes.see(bytes.subarray(at, at + size));
  expect(asBytes.notices()).toEqual(asText.notices());
  return asText.notices();
}

describe('what a spreadsheet does to a csv export, said', () => {
  it('names the rows with a cell over Excel’s limit, however the export is cut', () => {
    const long = 'word '.repeat(CELL_LIMIT / 5 + 1).trim(); // 32,769 characters
    const quoted = `He said "${'x'.repeat(CELL_LIMIT)}"`;
    const rows = [
      ['u1', 'short', 'Title', '0', '2025-03-14', 'A sentence.', '', ''],
      ['u2', 'hugeline', 'Huge', '0', '', long, '', ''],
      ['u3', 'fine', 'T', '0', '', 'x'.repeat(CELL_LIMIT), 'note, with "quotes"', ''],
      ['u4', 'quoted', 'T', '0', '', 'y', quoted, ''],
    ];
    const expected = [
      `2 rows hold a cell longer than 32,767 characters, which Excel cuts without a word: row 3 (article "hugeline"), row 5 (article "quoted"); jsonl keeps every cell whole`,
    ];
    for (const size of [csv(rows).length, 1000, 7, 1]) {
      expect([size, notices(csv(rows), size)]).toEqual([size, expected]);
    }
  });

  it('names values a spreadsheet turns into numbers or dates, not margin’s own columns', () => {
    const rows = [
      ['u1', '007', 'Title', '0', '2025-03-14', 'A sentence.', '', 'March 21'],
      ['u2', '1e5', '2025-03-14', '10', '2025-03-14', 'B.', '1/2', ''],
      ['u3', '12345678901234567890', 'T', '0', '', 'C.', '', ''],
      ['u4', '001_d7fb493d5d978b6e', 'T', '0', '', 'D.', 'fine', 'on Monday'],
    ];
    for (const size of [csv(rows).length, 5]) {
      expect(notices(csv(rows), size)).toEqual([
        '6 values a spreadsheet reads as a number or a date and saves back changed (007, 1e5, 12345678901234567890 in article; March 21 in attribute:when; 2025-03-14 in title; 1/2 in note): open the file as text, see "In a spreadsheet" in docs/readme/export.md',
      ]);
    }
    expect(notices(csv([['u1', 'a', 'Título ✓', '0', '', 'x', '', '']]))).toEqual([]);
  });

  it('tells the values spreadsheets change from those they keep', () => {
    for (const value of [
      '007',
      '1e5',
      '1.5E+3',
      '12345678901234567890',
      '1.50',
      '2025-03-14',
      '3/14',
      '14-Mar',
      'March 21',
      'Mar 21, 2025',
      '10:15',
      '9:30 pm',
    ]) {
      expect([value, changedBySpreadsheets(value)]).toEqual([value, true]);
    }
    for (const value of [
      '7',
      '12',
      '3.5',
      'claim',
      's1a2b3c4',
      '001_d7fb',
      'March',
      'on Monday',
      'fc',
    ]) {
      expect([value, changedBySpreadsheets(value)]).toEqual([value, false]);
    }
  });
});
