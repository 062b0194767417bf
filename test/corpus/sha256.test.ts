import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { indexFile } from '../../source/corpus/db/open.js';
import { sha256Hex } from '../../source/corpus/db/sha256.js';

const nodes = (text: string) => createHash('sha256').update(text).digest('hex');

describe('sha256Hex, the corpus index’s name without node:crypto', () => {
  it('is node:crypto’s SHA-256 for every length around the 64-byte blocks and their padding', () => {
    for (let length = 0; length <= 200; length++) {
      const text = Array.from({ length }, (_, i) => String.fromCharCode(32 + ((i * 7) % 95))).join(
        '',
      );
      expect(sha256Hex(text), `length ${length}`).toBe(nodes(text));
    }
  });

  it('hashes a path’s UTF-8 bytes, as node:crypto does a string', () => {
    for (const path of ['/home/ana/Корпус/новости', '/tmp/記事/コーパス', '/data/😀 emoji', '']) {
      expect(sha256Hex(path)).toBe(nodes(path));
    }
  });

  it('names a corpus index as before', () => {
    const root = '/work/main/.bench/corpus-100000-20250314/corpus';
    expect(indexFile('/cache', root)).toBe(`/cache/corpus-${nodes(root).slice(0, 16)}.sqlite`);
  });
});
