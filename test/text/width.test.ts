import { describe, expect, it } from 'vitest';
import { padEnd, truncate } from '../../source/text/width.js';

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
