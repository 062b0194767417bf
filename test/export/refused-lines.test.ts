import { describe, expect, it } from 'vitest';
import type { ImportError } from '../../source/export/import-errors.js';
import { RefusedLines } from '../../source/export/refused-lines.js';

const at = (line: number, message = 'bad', file?: string): ImportError =>
  file === undefined ? { line, message } : { line, message, file };

describe('RefusedLines', () => {
  it('holds the first lines of the input however they arrive, and counts the rest', () => {
    const refused = new RefusedLines(3);
    for (const line of [9, 4, 7, 1, 8, 2, 6]) refused.push(at(line));
    expect(refused.listed().map((error) => error.line)).toEqual([1, 2, 4]);
    expect(refused.count).toBe(7);
  });

  it('keeps the order of arrival of lines of one place, files before lines', () => {
    const refused = new RefusedLines(4);
    refused.pushAll([at(2, 'first'), at(1, 'x', 'b.ann'), at(2, 'second'), at(5, 'y', 'a.ann')]);
    refused.push(at(2, 'third'));
    expect(refused.listed()).toEqual([
      at(2, 'first'),
      at(2, 'second'),
      at(2, 'third'),
      at(5, 'y', 'a.ann'),
    ]);
    expect(refused.count).toBe(5);
  });

  it('hands each on as found and holds none when told where', () => {
    const found: number[] = [];
    const refused = new RefusedLines(2, (error) => found.push(error.line));
    refused.pushAll([at(1), at(2), at(3)]);
    expect(found).toEqual([1, 2, 3]);
    expect(refused.listed()).toEqual([]);
    expect(refused.count).toBe(3);
  });
});
