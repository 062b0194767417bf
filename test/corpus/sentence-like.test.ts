import { describe, expect, it } from 'vitest';
import { isSentenceLike } from '../../source/corpus/characters.js';

describe('a line that ends as a sentence', () => {
  it.each([
    'The port reopened on Monday.',
    'Is the pier safe?',
    '“We will rebuild,” she said.”',
    'The report was published (in full).',
    'प्रधानमंत्री ने रेल परियोजना का उद्घाटन किया।',
    'هل الميناء مفتوح؟',
    '「東京で会議が開かれた。」',
    'It went on and on…',
  ])('%s', (line) => {
    expect(isSentenceLike(line)).toBe(true);
  });

  it.each([
    'Harbour Tribune',
    'June 9 – Varnholm, Harbour Arena',
    'The tour dates:',
    'Read more',
    '',
  ])('not: %s', (line) => {
    expect(isSentenceLike(line)).toBe(false);
  });
});
