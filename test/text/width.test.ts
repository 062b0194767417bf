import { describe, expect, it } from 'vitest';
import { padEnd, truncate, truncateStart } from '../../source/text/width.js';

describe('truncate', () => {
  it.each([
    ['Kremlin says', 20, 'Kremlin says'],
    ['Kremlin says', 12, 'Kremlin says'],
    ['Kremlin says', 8, 'Kremlin…'],
    ['Переговоры в Москве', 11, 'Переговоры…'],
    ['東京で会議', 5, '東京…'],
    ['東京で会議', 6, '東京…'],
    ['Kremlin', 1, '…'],
    ['Kremlin', 0, ''],
    ['', 0, ''],
  ])('%j to %i columns is %j', (text, width, expected) => {
    expect(truncate(text, width)).toBe(expected);
  });
});

describe('padEnd', () => {
  it('pads by terminal columns, not code units', () => {
    expect(padEnd('東京', 6)).toBe('東京  ');
    expect(padEnd('too long', 3)).toBe('too long');
  });
});

describe('truncateStart', () => {
  it('keeps the end of a text in its columns, after …', () => {
    expect(truncateStart('/home/ana/archive/corpus', 12)).toBe('…hive/corpus');
    expect(truncateStart('corpus', 12)).toBe('corpus');
    // Wide characters count two columns.
    expect(truncateStart('档案/新闻', 6)).toBe('…/新闻');
    expect(truncateStart('corpus', 1)).toBe('…');
  });
});
