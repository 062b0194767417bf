import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLike } from '../../source/export/import-shape.js';

const golden = (name: string) => readFile(join(import.meta.dirname, 'golden', name), 'utf8');

describe('the format a file given as jsonl looks like', () => {
  it("names each of margin's exports but jsonl by its own shape", async () => {
    expect(looksLike(await golden('before.jsonl'))).toBe(null);
    for (const format of ['label-studio', 'w3c', 'prodigy', 'doccano'] as const) {
      expect([format, looksLike(await golden(`before.${format}`))]).toEqual([format, format]);
    }
  });

  it('says nothing of text that is no JSON at all', () => {
    expect(looksLike('hello\n')).toBe(null);
    expect(looksLike('[1, 2')).toBe(null);
    expect(looksLike('')).toBe(null);
  });
});
