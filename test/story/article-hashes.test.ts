import { describe, expect, it } from 'vitest';
import { ArticleHashes } from '../../source/story/article-hashes.js';

describe('the articles’ hashes kept while the groups are formed', () => {
  it('gives back every id and hash as they were added, whatever the hash’s form', () => {
    const given: Array<[string, string]> = [];
    for (let i = 0; i < 2_500; i++) {
      const hex = Array.from({ length: 32 }, (_, at) =>
        ((i * 31 + at * 7) % 256).toString(16).padStart(2, '0'),
      ).join('');
      given.push([`article-${i}`, hex]);
    }
    // Not 64 lower-case hex digits: kept as they are.
    given.push(
      ['empty', ''],
      ['upper', 'AB'.repeat(32)],
      ['short', 'abc'],
      ['text', 'hash of 000'],
    );
    const hashes = new ArticleHashes();
    for (const [id, hash] of given) hashes.set(id, hash);
    expect(hashes.size).toBe(given.length);
    expect([...hashes]).toEqual(given);
    expect(hashes.hashAt(0)).toBe(given[0]![1]);
    expect(hashes.hashAt(given.length - 1)).toBe('hash of 000');
    // As another thread receives them (`SavingThread.hashes`): the same ids and hashes.
    expect([...ArticleHashes.from(structuredClone(hashes.packed))]).toEqual(given);
  });
});
