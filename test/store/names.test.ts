import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { decodeName, encodeName, resolveAnnotator } from '../../source/store/index.js';

describe('resolveAnnotator', () => {
  it('prefers the flag, then MARGIN_ANNOTATOR, then the login name', () => {
    expect(resolveAnnotator('alice', { MARGIN_ANNOTATOR: 'bob' })).toBe('alice');
    expect(resolveAnnotator(undefined, { MARGIN_ANNOTATOR: 'bob' })).toBe('bob');
    expect(resolveAnnotator(undefined, {})).toBe(os.userInfo().username);
    expect(resolveAnnotator('   ', { MARGIN_ANNOTATOR: 'bob' })).toBe('bob');
  });

  it('drops control characters and surrounding space', () => {
    expect(resolveAnnotator('  Ana\u001b[31m  María\t\n', {})).toBe('Ana[31m María');
  });
});

describe('encodeName', () => {
  it('keeps plain names readable and encodes everything else', () => {
    expect(encodeName('000_4b207f45d15cbf96')).toBe('000_4b207f45d15cbf96');
    expect(encodeName('a/b')).toBe('a%2Fb');
    expect(encodeName('../../x')).toBe('%2E.%2F..%2Fx');
    expect(encodeName('.git')).toBe('%2Egit');
    expect(encodeName('José Ñ')).toBe('Jos%C3%A9%20%C3%91');
    expect(encodeName('C:\\x')).toBe('C%3A%5Cx');
  });

  it('round-trips through decodeName, and rejects names it did not make', () => {
    for (const name of ['a/b', '../../x', 'José Ñ', 'news/2025/kyiv', '100%']) {
      expect(decodeName(encodeName(name))).toBe(name);
    }
    expect(decodeName('.hidden')).toBeNull();
    expect(decodeName('a b')).toBeNull();
    expect(decodeName('%2e')).toBeNull();
  });

  it('shortens very long names with a hash that keeps them apart', () => {
    const long = 'x'.repeat(300);
    const encoded = encodeName(long);
    expect(encoded).toHaveLength(180);
    expect(encoded).toMatch(/^x{163}~[0-9a-f]{16}$/);
    expect(encodeName(`${long}y`)).not.toBe(encoded);
  });

  it('refuses an empty name', () => {
    expect(() => encodeName('')).toThrow('a name in the store cannot be empty');
  });
});
