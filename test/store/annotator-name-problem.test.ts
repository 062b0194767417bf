import { describe, expect, it } from 'vitest';
import { annotatorNameProblem } from '../../source/store/names.js';

describe('an annotator name a person gives', () => {
  it('is taken when only the store would tidy it (NFC, one space for several)', () => {
    expect(annotatorNameProblem('Jose\u0301')).toBeNull();
    expect(annotatorNameProblem('ana  b')).toBeNull();
    expect(annotatorNameProblem('ana')).toBeNull();
  });

  it('is refused with controls, invisible characters, edge spaces, separators or __proto__', () => {
    for (const name of ['a\tb', 'a\u200bna', ' ana', 'ana ', '\u001b]52;c;Zm9v\u0007']) {
      expect(annotatorNameProblem(name), JSON.stringify(name)).toBe(
        'control or invisible characters, or space at either end',
      );
    }
    expect(annotatorNameProblem('a/b')).toMatch(/\//);
    expect(annotatorNameProblem('..')).toMatch(/\.\./);
    expect(annotatorNameProblem('__proto__')).toMatch(/__proto__/);
  });
});
