import { afterAll, describe, expect, it } from 'vitest';
import { closePlaces, isPlaceName } from '../../source/corpus/places.js';

afterAll(() => closePlaces());

describe('places and people by WordNet', () => {
  it.each([
    ['New Delhi', true],
    ['UKRAINE', true],
    ['Washington', true],
    ['Lucknow', true],
    // An organisation, a name first of a person, unknown words.
    ['NATO', false],
    ['Jackson', false],
    ['Jane Doe', false],
    ['Nordpost', false],
    ['', false],
    ['a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k', false],
  ])('%s is a place: %s', (name, place) => {
    expect(isPlaceName(name)).toBe(place);
  });

  it('finds names at both ends of the index', () => {
    // The binary search over the file reaches its first and its last letters.
    expect(isPlaceName('zurich')).toBe(true);
    expect(isPlaceName('aachen')).toBe(true);
  });
});
