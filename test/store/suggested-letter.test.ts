import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, suggestedLetter } from '../../source/store/labels.js';

describe('the gutter letter of a suggested label', () => {
  it('is the label letter in lower case, which reads apart from the stored label without colour', () => {
    expect(DEFAULT_LABELS.map((label) => suggestedLetter(label.letter))).toEqual(['c', 'q', 'e']);
    expect(suggestedLetter('Ж')).toBe('ж');
  });

  it('is raised, or a dot, for a letter with no lower case of its own, which would read as the label itself', () => {
    // qa49: a codebook whose letter was "c" showed a suggestion and a stored label alike under
    // NO_COLOR, where dim does not show; qa57: two such labels suggested read `··`.
    expect(['c', '1', '0', 'z', 'q', 'ß'].map(suggestedLetter)).toEqual([
      'ᶜ',
      '¹',
      '⁰',
      'ᶻ',
      '·',
      '·',
    ]);
  });
});
