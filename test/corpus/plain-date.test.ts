import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { parseDateline, plainDate } from '../../source/corpus/metadata.js';

const REFERENCE = new Date(Date.UTC(2000, 0, 1));

/** What chrono answers for a line, as `chronoDate` reads it in English: its first full date. */
function chronoFirst(text: string) {
  const result = chrono
    .parse(text, REFERENCE)
    .find((found) => found.start.isCertain('year') && found.start.isCertain('day'));
  if (!result) return null;
  return {
    index: result.index,
    length: result.text.length,
    year: result.start.get('year'),
    month: result.start.get('month'),
    day: result.start.get('day'),
  };
}

// Writers' names, among them names chrono reads as dates or times (`June`, `Sun`, `Noon`).
const NAMES = [
  'Lena Fischer',
  'Oleh Pavliuk, Yevhen Kizilov',
  'Daniel O’Connor',
  'Jean-Pierre Martin and Anna Kovalenko',
  'June Smith',
  'Tom Sun',
  'May Lee, Tom Ellison',
  'Ana Noon',
  'Joe Last',
  'Sat Singh',
  'Bob Tonight',
  'Mark Fall',
  'Jan Novak',
  'Mo Day',
  'Dec Hughes',
  'Will Christmas',
];
const DATES = [
  'Wednesday, 27 November 2024, 16:26',
  'Friday, 27 November 2024, 16:26', // a weekday that is not the date's
  '27 November 2024, 9:05',
  '27 November 2024',
  'Saturday, 23 March 2024',
  'June 25, 2025',
  'June 25, 2025, 10:10',
  'Saturday, June 25, 2025',
  '31 April 2024', // no such day
  'February 29, 2023',
  'February 29, 2024',
  'Saturday, 23 March 2024, 24:10', // no such time
  'Saturday, 23 March 2024, 23:60',
  '23 March 1899',
];
const JOINS = (names: string) => [`${names} `, `By ${names} · `, `${names} · `, ''];

describe('datelines read without chrono', () => {
  it('finds where, and which day, chrono finds in every such line, or leaves the line to it', () => {
    let answered = 0;
    let lines = 0;
    for (const names of NAMES) {
      for (const date of DATES) {
        for (const line of new Set(JOINS(names).map((join) => join + date))) {
          lines++;
          const plain = plainDate(line);
          if (plain === undefined) continue;
          answered++;
          expect(plain, line).toEqual(chronoFirst(line));
        }
      }
    }
    // A quarter of these lines are read without chrono: those of the first four names (and the
    // dates alone) with a real day; those of the names chrono reads (`June`, `Sun`, …) are not.
    expect(answered).toBeGreaterThan(lines / 5);
    expect(plainDate('By June Smith · March 5, 2025')).toBeUndefined();
    expect(plainDate('Tom Sun Saturday, 23 March 2024')).toBeUndefined();
    expect(plainDate('Lena Fischer 31 April 2024')).toBeUndefined();
  });

  it('gives the dateline chrono gave: its date, writers and outlet', () => {
    expect(
      parseDateline('Lena Fischer, Anna Kovalenko Wednesday, 27 November 2024, 16:26'),
    ).toEqual({ date: '2024-11-27', byline: 'Lena Fischer, Anna Kovalenko', source: null });
    expect(parseDateline('By Oleh Pavliuk, Lena Fischer · June 25, 2025')).toEqual({
      date: '2025-06-25',
      byline: 'Oleh Pavliuk, Lena Fischer',
      source: null,
    });
    // A name chrono reads as a month is left to it, which finds the date after it.
    expect(parseDateline('By June Smith · March 5, 2025')).toEqual({
      date: '2025-03-05',
      byline: 'June Smith',
      source: null,
    });
  });
});
