import { describe, expect, it } from 'vitest';
import { wrap } from '../../source/review/view/wrap.js';
import stringWidth from '../../source/text/string-width.js';

const xinhua =
  '国家统计局9日发布数据显示，11月份全国居民消费价格总体平稳，CPI同比涨幅有所扩大。“我们将继续努力，”他说。';
const nhk =
  '日本銀行は5日まで開いた金融政策決定会合で、政策金利を0.5%から0.75%に引き上げる追加の利上げを決めました。';

describe('the reader wraps Chinese and Japanese between words (qa59 #16)', () => {
  for (const width of [12, 16, 20, 24, 30, 36, 41]) {
    it(`at ${width} columns: no line wider, nothing lost, no Latin word or figure cut, no line opening with a stop`, () => {
      for (const text of [xinhua, nhk]) {
        const lines = wrap(text, width);
        expect(lines.join('')).toBe(text);
        for (const line of lines) {
          expect(stringWidth(line)).toBeLessThanOrEqual(width);
          expect(line).not.toMatch(/^[，。、”）%]/u);
          expect(line).not.toMatch(/[“（]$/u);
        }
        const joints = lines.slice(1).map((line, i) => `${lines[i]!.slice(-1)}|${line[0]}`);
        for (const cut of ['C|P', 'P|I', '1|1', '0|.', '.|5', '.|7', '7|5', '5|%', '1|月'])
          expect(joints).not.toContain(cut);
      }
    });
  }

  it('breaks a mixed line at its spaces and keeps a hyphenated word whole', () => {
    const lines = wrap(
      'The Bank of Japan (日本銀行) raised its rate to 0.75% on Friday, a 30-year high.',
      24,
    );
    expect(lines).toEqual([
      'The Bank of Japan (日本',
      '銀行) raised its rate to',
      '0.75% on Friday, a',
      '30-year high.',
    ]);
  });

  it('cuts a run wider than the line between its characters', () => {
    const lines = wrap('「国家统计局国家统计局国家统计局国家统计局」', 10);
    expect(lines.join('')).toBe('「国家统计局国家统计局国家统计局国家统计局」');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(10);
  });
});
