import { describe, expect, it } from 'vitest';
import { bratPath, fromBratPath } from '../../source/export/brat-names.js';
import { fromIdentifier, toIdentifier } from '../../source/export/identifiers.js';
import { escapeLine, unescapeLine } from '../../source/export/line-escapes.js';

const HOSTILE = [
  '',
  'claim',
  '__proto__',
  'Dmitry Peskov',
  '2025-03-14',
  'Песков',
  'नमस्ते',
  'a-20b',
  '-',
  'x\u001b[31my',
  'line\nbreak\ttab\r',
  'bidi\u202eflip',
  'back\\slash \\n',
  '😀|,:=<>',
];

describe('identifiers for brat and Label Studio', () => {
  it.each(HOSTILE)('%j is one token of letters, digits, _ and - and comes back', (name) => {
    const identifier = toIdentifier(name);
    expect(identifier).toMatch(/^[\p{L}\p{N}\p{M}_-]+$/u);
    expect(fromIdentifier(identifier)).toBe(name);
  });

  it('spells plain names as they are and escapes the rest by their UTF-8 bytes', () => {
    expect(toIdentifier('speaker')).toBe('speaker');
    expect(toIdentifier('needs context')).toBe('needs-20context');
    expect(toIdentifier('😀')).toBe('-F0-9F-98-80');
  });

  it('takes what it did not write for what it is not', () => {
    expect(fromIdentifier('needs context')).toBeNull();
    expect(fromIdentifier('a-2')).toBeNull();
    // `-C3-A9` is é, which an identifier writes as itself.
    expect(fromIdentifier('caf-C3-A9')).toBeNull();
  });
});

describe('notes on one line', () => {
  it.each(HOSTILE)('%j has no line break, tab or control character and comes back', (text) => {
    const line = escapeLine(text);
    expect(line).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    expect(unescapeLine(line)).toBe(text);
  });
});

describe('brat file names', () => {
  it.each([
    ['alice', 'uni'],
    ['__proto__', 'feeds/bbc/2025-03-14 story'],
    ['ali\u202ece', 'x\u001b[31mred'],
    ['bob', '../../etc/passwd'],
    ['.hidden', 'a//b'],
  ])('%j and %j make a safe path that decodes back', (annotator, article) => {
    const path = bratPath(annotator, article);
    expect(path).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    expect(path.split('/').every((part) => part !== '..' && !part.startsWith('.'))).toBe(true);
    expect(fromBratPath(path)).toEqual({ annotator, article });
  });

  it('reads a flat folder as no annotator', () => {
    expect(fromBratPath('uni')).toEqual({ annotator: null, article: 'uni' });
  });
});
