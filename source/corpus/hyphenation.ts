/**
 * Words broken at a line end, as the text of a PDF or a typeset page gives them (`civilian casual-`
 * / `ties had risen`): when the lines are joined, such a word is one word again, while a word
 * that holds a hyphen of its own (`well-` / `known`, `Russia-` / `Ukraine`) keeps it. Only a
 * hyphen at a line's end is weighed; one inside a line is the writer's.
 *
 * Whether the hyphen is a break or the word's own is told first by the document itself (the word
 * written elsewhere in it, on one line, with its hyphen or without), then by WordNet: the joined
 * word is an English word (`casualties`, `commissioner`) and the hyphenated one is not (`well-known`
 * is, `wellknown` is not), or a function word WordNet leaves out (`because`, `themselves`).
 * What neither tells keeps its hyphen.
 */
import { STOPWORDS } from './stopwords.js';
import { sensesOf, type WordNetPart } from './wordnet.js';

/** How two lines of a paragraph meet when they are joined. */
export type Joint =
  /** With a space: the line ended between words. */
  | 'space'
  /** Without a space, the hyphen kept: `well-known`, `Russia-Ukraine`, `COVID-19`. */
  | 'hyphen'
  /** The hyphen at the line's end dropped and the halves joined: `casualties`. */
  | 'join';

/** A word's last letters, a hyphen just after them and nothing after it: `casual-`. */
const brokenEnd = /(?:^|[^\p{L}\p{M}\p{N}-])(\p{L}[\p{L}\p{M}]*)-$/u;
/** A hyphen after a letter or a digit that ends the line: `well-`, `COVID-`, `2020-`. */
const attachedHyphen = /[\p{L}\p{M}\p{N}]-$/u;
/** The first word of the next line, in lower case: `ties` of `ties had risen`. */
const lowerStart = /^\p{Ll}[\p{L}\p{M}]*/u;
const letterStart = /^\p{L}/u;
/**
 * The next line begins with a conjunction: the hyphen is suspended, its word completed by the one
 * after (`short-` / `and long-term`, `10-` / `to 15-year-old`, `Wirtschafts-` / `und
 * Finanzminister`, `pré-` / `et post-électoral`), and the lines meet with a space.
 */
const suspendedBefore = /^(?:and|or|nor|to|through|und|oder|bis|sowie|et|ou|y|o|e|en)\s/u;
const letterEnd = /\p{L}$/u;

/**
 * WordNet questions one document may ask (a cached answer is free): a made-up word costs some
 * 85 µs of look-ups (its lemmas in four indexes), so 20,000 distinct ones took 1.7 s; past these,
 * only the document's own words decide, and a word they do not settle keeps its hyphen.
 */
const QUESTIONS_PER_DOCUMENT = 2_000;

/** How two lines of a document meet, `jointOf` with the document's vocabulary read once. */
export type LineJoiner = (before: string, next: string, softBreak: boolean) => Joint;

export function lineJoiner(text: string): LineJoiner {
  let words: Set<string> | null = null;
  const budget = { left: QUESTIONS_PER_DOCUMENT };
  return (before, next, softBreak) =>
    jointOf(before, next, softBreak, () => (words ??= wordsOf(text)), budget);
}

/**
 * How the line `before` (as cleaned) and the line `next` join inside a paragraph. `softBreak`: the
 * line ended in a soft hyphen (U+00AD), the mark typesetting leaves where it broke a word
 * (`Peace\u00ad` / `building`), which the cleaner drops: the halves are one word.
 */
export function jointOf(
  before: string,
  next: string,
  softBreak: boolean,
  vocabulary: () => ReadonlySet<string>,
  budget: { left: number } = { left: QUESTIONS_PER_DOCUMENT },
): Joint {
  if (softBreak) return letterEnd.test(before) && letterStart.test(next) ? 'join' : 'space';
  if (!before.endsWith('-') || !attachedHyphen.test(before)) return 'space';
  const head = brokenEnd.exec(before)?.[1];
  const tail = lowerStart.exec(next)?.[0];
  // A capital after the hyphen names something (`Russia-Ukraine`), a digit is a figure
  // (`COVID-19`), a word already hyphenated goes on (`Russia-Ukraine-`): the hyphen is theirs.
  const suspended = suspendedBefore.test(next);
  if (head === undefined || tail === undefined) return suspended ? 'space' : 'hyphen';
  // A word broken before a tail that is also a conjunction (`tak-` / `en`) is still one word.
  if (brokenWord(head.toLowerCase(), tail, vocabulary, budget)) return 'join';
  return suspended ? 'space' : 'hyphen';
}

/** Whether `head-` + `tail` is one word broken in two rather than a hyphenated word. */
function brokenWord(
  head: string,
  tail: string,
  vocabulary: () => ReadonlySet<string>,
  budget: { left: number },
): boolean {
  const joined = head + tail;
  const hyphenated = `${head}-${tail}`;
  const words = vocabulary();
  if (words.has(hyphenated)) return false;
  if (words.has(joined)) return true;
  if (STOPWORDS.has(joined)) return true;
  const ask = (word: string): boolean | null => {
    const known = answers.get(word);
    if (known !== undefined) return known;
    if (budget.left <= 0) return null;
    budget.left--;
    return isWord(word);
  };
  const hyphenatedIsWord = ask(hyphenated);
  if (hyphenatedIsWord !== false) return false;
  return ask(joined) === true;
}

/**
 * The words of a text written whole on a line, in lower case, hyphenated ones as they stand.
 * Split rather than matched: a match object a word cost twice the time and its garbage.
 */
export function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{M}-]+/u)) {
    if (word.length > 1) words.add(word);
  }
  return words;
}

const PARTS: readonly WordNetPart[] = ['noun', 'verb', 'adj', 'adv'];
/** Answers kept per thread; a document that breaks many words asks WordNet each only once. */
const answers = new Map<string, boolean>();
const MAX_ANSWERS = 20_000;

/** Whether WordNet holds `lower`, or the lemma an English ending was added to. */
function isWord(lower: string): boolean {
  const known = answers.get(lower);
  if (known !== undefined) return known;
  const found = lemmasOf(lower).some((lemma) =>
    PARTS.some((part) => sensesOf(part, lemma).length > 0),
  );
  if (answers.size >= MAX_ANSWERS) answers.clear();
  answers.set(lower, found);
  return found;
}

/**
 * The word and the lemmas it may be an inflection of, by rule: `casualties` → casualty,
 * `civilians` → civilian, `reelected` → reelect, `stopping` → stop, `largest` → large.
 */
function lemmasOf(word: string): string[] {
  const lemmas = [word];
  const add = (stem: string) => {
    if (stem.length >= 2) lemmas.push(stem);
  };
  const undoubled = (stem: string) => {
    if (stem.length > 2 && stem.at(-1) === stem.at(-2)) add(stem.slice(0, -1));
  };
  if (word.endsWith('ies')) add(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) add(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) add(word.slice(0, -1));
  for (const ending of ['ed', 'er', 'est']) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    add(stem);
    add(`${stem}e`);
    if (stem.endsWith('i')) add(`${stem.slice(0, -1)}y`);
    undoubled(stem);
  }
  if (word.endsWith('ing')) {
    const stem = word.slice(0, -3);
    add(stem);
    add(`${stem}e`);
    undoubled(stem);
  }
  if (word.endsWith('ly')) add(word.slice(0, -2));
  return lemmas;
}
