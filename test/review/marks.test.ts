import { describe, expect, it } from 'vitest';
import { marksFromAnnotations } from '../../source/review/marks.js';
import type { PlacedAnnotation } from '../../source/store/types.js';

function placed(label: string, attributes: Record<string, string>): PlacedAnnotation {
  return {
    id: `a-${label}`,
    article: 'a',
    annotator: 'alice',
    label,
    anchor: {
      sentence: 's1',
      start: 0,
      end: 4,
      quote: 'Text',
      prefix: '',
      suffix: '',
      textHash: 'h',
    },
    attributes,
    created: '2026-01-01T00:00:00.000Z',
    updated: '2026-01-01T00:00:00.000Z',
    placement: { sentence: 's1', start: 0, end: 4 },
  };
}

describe("a sentence's marks", () => {
  it('keep stored attributes named as every object’s members as plain attributes', () => {
    // An import can store them (qa51): `a` said "__proto__, constructor, toString differ between
    // claim" on a sentence with one label.
    const attributes = JSON.parse(
      '{"__proto__":"p","constructor":"c","toString":"t","claimant":"k"}',
    );
    const marks = marksFromAnnotations([placed('claim', attributes)], 'in progress', null);
    const sentence = marks.sentences.s1!;
    expect(sentence.differ).toBeUndefined();
    expect(Object.entries(sentence.attributes)).toEqual([
      ['__proto__', 'p'],
      ['constructor', 'c'],
      ['toString', 't'],
      ['claimant', 'k'],
    ]);
  });

  it('name an attribute two labels give different values, and only that one', () => {
    const marks = marksFromAnnotations(
      [
        placed('claim', { speaker: 'A', when: 'today' }),
        placed('quote', { speaker: 'B', when: 'today' }),
      ],
      'in progress',
      null,
    );
    expect(marks.sentences.s1?.differ).toEqual({ attributes: ['speaker'] });
  });
});
