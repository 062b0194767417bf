import { describe, expect, it } from 'vitest';
import { bar, progressBar, progressLine } from '../../source/export/bars.js';

describe('bar', () => {
  it('draws whole cells and the remainder in eighths', () => {
    expect(bar(1, 10)).toBe('██████████');
    expect(bar(0.5, 10)).toBe('█████');
    // 0.33 × 10 cells = 26.4 eighths → 3 cells and 2/8.
    expect(bar(0.33, 10)).toBe('███▎');
    expect(bar(0.05, 10)).toBe('▌');
  });

  it('shows a sliver for any non-zero value and nothing for zero or less', () => {
    expect(bar(0.001, 10)).toBe('▏');
    expect(bar(0, 10)).toBe('');
    expect(bar(-0.4, 10)).toBe('');
  });
});

describe('progressBar', () => {
  it('splits the width into done, in progress and unreviewed', () => {
    expect(progressBar(2, 1, 4, 8)).toBe('████▒▒··');
    expect(progressBar(0, 0, 0, 3)).toBe('···');
  });
});

describe('progressLine', () => {
  it('draws the share done in eighths and the percentage, within the width', () => {
    expect(progressLine('exporting', 0.37, 80)).toBe(
      `exporting ${'██████████████▊'.padEnd(40)}  37%`,
    );
    const narrow = progressLine('exporting', 1, 30);
    expect(narrow).toBe(`exporting ${'█'.repeat(13)} 100%`);
    expect(narrow.length).toBeLessThanOrEqual(30);
  });
});
