import { describe, expect, it } from 'vitest';
import { jsonArray, jsonLines, LineBuffer } from '../../source/export/lines.js';

describe('LineBuffer', () => {
  const numbers = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ i }));

  it('joins across batch boundaries exactly like one join', () => {
    const lines = new LineBuffer();
    for (const line of numbers) lines.push(line);
    const parts = jsonLines(lines);
    // 5000 lines in batches of 2048: three chunks, two separators between them, a final newline.
    expect(parts).toHaveLength(6);
    expect(parts.join('')).toBe(`${numbers.join('\n')}\n`);
  });

  it('makes a JSON array that parses back to every item', () => {
    const items = new LineBuffer(',\n');
    for (const line of numbers) items.push(line);
    const parsed = JSON.parse(jsonArray(items).join('')) as Array<{ i: number }>;
    expect(parsed).toHaveLength(5000);
    expect(parsed[4999]).toEqual({ i: 4999 });
  });

  it('writes an empty array and no lines when empty', () => {
    expect(jsonArray(new LineBuffer(',\n'))).toEqual(['[]\n']);
    expect(jsonLines(new LineBuffer())).toEqual([]);
  });
});
