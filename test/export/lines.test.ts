import { describe, expect, it } from 'vitest';
import { jsonArray, jsonLines, LineBuffer } from '../../source/export/lines.js';

describe('LineBuffer', () => {
  const numbers = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ i }));

  it('joins across batch boundaries exactly like one join', () => {
    const lines = new LineBuffer();
    for (const line of numbers) lines.push(line);
    expect(jsonLines(lines)).toBe(`${numbers.join('\n')}\n`);
  });

  it('makes a JSON array that parses back to every item', () => {
    const items = new LineBuffer(',\n');
    for (const line of numbers) items.push(line);
    const parsed = JSON.parse(jsonArray(items)) as Array<{ i: number }>;
    expect(parsed).toHaveLength(5000);
    expect(parsed[4999]).toEqual({ i: 4999 });
  });

  it('writes an empty array and no lines when empty', () => {
    expect(jsonArray(new LineBuffer(',\n'))).toBe('[]\n');
    expect(jsonLines(new LineBuffer())).toBe('');
  });
});
