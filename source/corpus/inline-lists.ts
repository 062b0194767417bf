import { abbreviations } from './abbreviations.js';
import { closers, isSpace, terminals } from './characters.js';

/**
 * Numbered and lettered lists run inline in scraped paragraphs once their line breaks are lost:
 * `1.) The first item 2.) The second item`, `a. One b. Two`, `• 9. Nine • 10. Ten`. A marker
 * alone proves nothing ("No. 1.", "rose by 2. Then"): what makes a list is a run of markers of one
 * kind counting up (1, 2, 3 or a, b, c) with words between them, the first where a unit can
 * begin. Each marker then starts a sentence, and its period ends none.
 */
export interface ListMarker {
  /** Where the item begins: its bullet, opening bracket or number. */
  start: number;
  /** Just past the marker's punctuation: the `)` of `1.)`. */
  end: number;
  /**
   * The item is a unit of its own. Not in an enumeration inside a sentence ("matter: 1. Troops,
   * 2. Money"), where the markers' periods still end nothing.
   */
  opens: boolean;
}

interface Candidate extends ListMarker {
  /** Where the item's text begins. */
  item: number;
  /** The kind of count and of punctuation: markers of one list share it. */
  key: number;
  value: number;
  chain: number;
  /** Only a line break, a colon or the end of a sentence comes before it. */
  opensUnit: boolean;
  /** `, 2)` or `and 2)`: an enumeration inside one sentence. */
  joined: boolean;
}

const codes = (chars: string) => new Set(Array.from(chars, (char) => char.charCodeAt(0)));
const bullets = codes('•◦▪▫‣⁃∙●○■□►▸▹➢➤✓✔');
/** Dashes and stars are bullets only with a space after them: "- 2." (but "-2." is minus two). */
const spacedBullets = codes('-–—*');
/** The last character of a marker, with the space that must follow it. */
const markerEnds = /[.)](?=\s)/g;
const roman = /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/;
const romanValues: Record<string, number> = { i: 1, v: 5, x: 10 };
const longestToken = 4;
const lookBack = 32;

function romanValue(token: string): number {
  let total = 0;
  for (let at = 0; at < token.length; at++) {
    const value = romanValues[token[at]!]!;
    const next = romanValues[token[at + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

const isAsciiAlnum = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);

const isHorizontalSpace = (code: number): boolean => code !== 10 && isSpace(code);

/** The kinds a token can count in: `i` is both the ninth letter and the first Roman numeral. */
function readings(token: string, bracketed: boolean): Array<[kind: number, value: number]> {
  if (/^\d{1,3}$/.test(token)) return [[0, Number(token)]];
  const found: Array<[number, number]> = [];
  if (/^[a-z]$/.test(token)) found.push([1, token.charCodeAt(0)]);
  // A capital with a period is an initial ("J. P. Morales"); only a bracket makes it a marker.
  if (bracketed && /^[A-Z]$/.test(token)) found.push([2, token.charCodeAt(0)]);
  if (/^[ivx]+$/.test(token) && roman.test(token)) found.push([3, romanValue(token)]);
  // "I. Background II. The talks": a capital numeral needs the run, as "I." alone is a pronoun.
  if (/^[IVX]+$/.test(token) && roman.test(token.toLowerCase())) {
    found.push([4, romanValue(token.toLowerCase())]);
  }
  return found;
}

/**
 * What comes before a marker at `index`: the mark just before it (a line break at the start of
 * the text, a terminal for `item.” 2.`) and the word it ends.
 */
function before(text: string, index: number): { word: string; mark: number } {
  // Each walk is capped: a megabyte of spaces or dots before a marker costs no more than a few.
  const limit = Math.max(0, index - lookBack);
  let end = index;
  while (end > limit && isHorizontalSpace(text.charCodeAt(end - 1))) end--;
  let wordEnd = end;
  while (wordEnd > limit && closers.has(text.charCodeAt(wordEnd - 1))) wordEnd--;
  let mark = wordEnd > 0 ? text.charCodeAt(wordEnd - 1) : 10;
  if (wordEnd < end && !terminals.has(mark)) mark = text.charCodeAt(end - 1);
  while (wordEnd > limit && terminals.has(text.charCodeAt(wordEnd - 1))) wordEnd--;
  let from = wordEnd;
  while (from > limit && !isSpace(text.charCodeAt(from - 1))) from--;
  return { word: text.slice(from, wordEnd), mark };
}

/** Most `.` and `)` end no marker: one empty answer for all of them, not a new array each. */
const none: readonly Candidate[] = [];
const noMarkers: readonly ListMarker[] = [];

function candidateAt(text: string, last: number): readonly Candidate[] {
  const code = text.charCodeAt(last);
  const dotted = code === 41 && text.charCodeAt(last - 1) === 46; // "1.)"
  const tokenEnd = dotted ? last - 1 : last;
  let tokenStart = tokenEnd;
  while (tokenStart > 0 && isAsciiAlnum(text.charCodeAt(tokenStart - 1))) {
    if (tokenEnd - --tokenStart > longestToken) return none;
  }
  if (tokenStart === tokenEnd) return none;
  let start = tokenStart;
  const opened = code === 41 && !dotted && text.charCodeAt(start - 1) === 40; // "(2)"
  if (opened) start--;
  const kinds = readings(text.slice(tokenStart, tokenEnd), code === 41);
  if (kinds.length === 0) return none;
  if (start > 0 && bullets.has(text.charCodeAt(start - 1))) {
    start--; // "⁃9."
  } else if (start > 0) {
    if (!isSpace(text.charCodeAt(start - 1))) return none;
    let before = start;
    const limit = Math.max(0, start - lookBack);
    while (before > limit && isHorizontalSpace(text.charCodeAt(before - 1))) before--;
    const bullet = before > 0 ? text.charCodeAt(before - 1) : 0;
    if (bullets.has(bullet) || spacedBullets.has(bullet)) start = before - 1; // "• 9.", "- 9."
  }
  if (start > 0 && !isSpace(text.charCodeAt(start - 1))) return none;
  let item = last + 1;
  const limit = Math.min(text.length, item + lookBack);
  while (item < limit && isHorizontalSpace(text.charCodeAt(item))) item++;
  if (item >= text.length || isSpace(text.charCodeAt(item))) return none;
  const { word, mark } = before(text, start);
  if (mark === 46 && abbreviations.get(word) === 'number') return none; // "No. 2."
  const opensUnit = mark === 10 || mark === 58 || terminals.has(mark);
  const joined = mark === 44 || mark === 59 || word === 'and' || word === 'or';
  return kinds.map(([kind, value]) => ({
    start,
    end: last + 1,
    item,
    // "1.", "1)", "1.)" and "(1)" each make lists of their own.
    key: kind * 4 + (opened ? 3 : dotted ? 2 : code === 41 ? 1 : 0),
    value,
    opensUnit,
    joined,
    chain: -1,
    opens: false,
  }));
}

interface Chain {
  length: number;
  opensUnit: boolean;
  joined: boolean;
}

/** The list markers of `text` that start an item, in order. */
export function inlineListMarkers(text: string): readonly ListMarker[] {
  const candidates: Candidate[] = [];
  const chains: Chain[] = [];
  /** The last candidate of each key and value, under `key * 1024 + value`. */
  let latest: Map<number, Candidate> | undefined;
  markerEnds.lastIndex = 0;
  while (markerEnds.test(text)) {
    for (const candidate of candidateAt(text, markerEnds.lastIndex - 1)) {
      latest ??= new Map();
      const previous = latest.get(candidate.key * 1024 + candidate.value - 1);
      if (previous !== undefined && previous.item < candidate.start) {
        candidate.chain = previous.chain;
        const known = chains[candidate.chain]!;
        known.length++;
        known.joined ||= candidate.joined;
      } else {
        candidate.chain = chains.length;
        chains.push({
          length: 1,
          opensUnit: candidate.opensUnit,
          joined: candidate.joined,
        });
      }
      latest.set(candidate.key * 1024 + candidate.value, candidate);
      candidates.push(candidate);
    }
  }
  if (candidates.length < 2) return noMarkers;
  const markers: ListMarker[] = [];
  for (const candidate of candidates) {
    const chain = chains[candidate.chain]!;
    if (chain.length < 2 || !chain.opensUnit) continue;
    const previous = markers.at(-1);
    if (previous !== undefined && previous.start >= candidate.start) continue;
    markers.push({ start: candidate.start, end: candidate.end, opens: !chain.joined });
  }
  return markers;
}
