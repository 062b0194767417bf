import {
  type AbbreviationKind,
  abbreviations,
  acronymContinuations,
  closingContinuations,
  continuingWords,
  sentenceStarters,
  speechVerbs,
} from './abbreviations.js';
import {
  closers,
  digit,
  ellipsis,
  ideographic,
  isSpace,
  lowercase,
  type NextWord,
  nextWordAt,
  openers,
  questions,
  terminals,
  uppercase,
} from './characters.js';
import { isHardWrapped, newlineEnds } from './line-breaks.js';
import { isListMarker } from './list-items.js';

/** Where a unit can end: a line break or a sentence-ending mark (kept in step with `terminals`). */
const candidates = /[\n.?!…‼⁇⁈⁉\u037e؟፧۔।॥։።。！？｡]/g;
/**
 * How far to look for the word around a mark. Longer runs without a space (URLs, data) are no
 * abbreviation or plain word, and the cap keeps a megabyte without spaces from costing n² steps.
 */
const longestWord = 64;
const plainWordBreakers = /[./@:=&?#_\\]/;
const allCapitals = /^\p{Lu}{2,}$/u;
const romanNumeral = /^[IVXLCDM]+$/;
const dottedUppercase = /^(?:\p{Lu}\.)+\p{Lu}$/u;
const dotted = /^(?:\p{L}\.)+\p{L}$/u;
/** A quoted question followed by its speaker: `“Why?” President Putin asked.` */
const attribution = /^(?:\p{Lu}[\p{L}\p{M}’'.-]*\s+){1,4}(\p{Ll}+)/u;
const timeZoneWord = /^\p{Lu}\p{L}*\s+time\b/u;

/** A sentence as UTF-16 offsets into the paragraph it came from: `text.slice(start, end)`. */
export interface SentenceSpan {
  start: number;
  end: number;
}

function isStarter(next: NextWord): boolean {
  return (
    uppercase.test(next.first) &&
    !next.followedByPeriod &&
    sentenceStarters.has(next.word.toLowerCase())
  );
}

/** The word a period is attached to, without opening marks or a hyphenated prefix: `U.S` in `(anti-U.S.`. */
function wordBefore(text: string, period: number): { word: string; start: number } {
  let start = period;
  const limit = Math.max(0, period - longestWord);
  while (start > limit && !isSpace(text.charCodeAt(start - 1))) start--;
  while (start < period && openers.has(text.charCodeAt(start))) start++;
  const whole = text.slice(start, period);
  const cut = Math.max(whole.lastIndexOf('-'), whole.lastIndexOf('/'), whole.lastIndexOf('—'));
  return { word: cut >= 0 ? whole.slice(cut + 1) : whole, start };
}

/** `Putin asked` after `“Why?”`; not `Nobody answered`, which starts a sentence of its own. */
function isAttribution(text: string, next: NextWord): boolean {
  if (sentenceStarters.has(next.word.toLowerCase())) return false;
  const verb = attribution.exec(text.slice(next.index, next.index + 80))?.[1];
  return verb !== undefined && speechVerbs.has(verb);
}

/**
 * After "U.S.": a known part of a name ("Army"), an acronym ("CENTCOM"), a model ("F-16"), or the first of several
 * capitalised words ("U.S. Geological Survey", a title-case headline's "U.S. Warns Russia").
 */
function continuesName(text: string, next: NextWord): boolean {
  if (acronymContinuations.has(next.word) || allCapitals.test(next.word)) return true;
  if (text.charCodeAt(next.index + next.word.length) === 45) return true; // "F-16", "MiG-29
  const after = nextWordAt(text, next.index + next.word.length);
  return (
    after !== null &&
    after.index === next.index + next.word.length + 1 &&
    uppercase.test(after.first)
  );
}

/**
 * Whether a lone capital before a period is a name's initial: after a capitalised word or at the
 * start ("George W. Bush", "J. K. Rowling"), or after a word that leads to a name ("by J. Smith");
 * not after another lower-case word ("vitamin C. Doctors"), and never `I` ("World War I.").
 */
function isInitial(text: string, start: number, word: string): boolean {
  if (word === 'I') return false;
  let end = start;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  let from = end;
  while (from > 0 && end - from < longestWord && !isSpace(text.charCodeAt(from - 1))) from--;
  const before = text.slice(from, end).replace(/[^\p{L}]+$/u, '');
  if (before === '' || !lowercase.test(before[0]!)) return true;
  return continuingWords.has(before.toLowerCase());
}

function kindOf(word: string, text: string, start: number): AbbreviationKind | undefined {
  const listed = abbreviations.get(word);
  if (listed) return listed;
  if (word.length === 1 && uppercase.test(word)) {
    return isInitial(text, start, word) ? 'prefix' : 'closing'; // "George W. Bush", "vitamin C."
  }
  if (dottedUppercase.test(word)) return 'prefix'; // initials more often than not: "J.D. Vance"
  if (dotted.test(word)) return 'closing'; // "т.д." (etc.), "Ph.d."
  return undefined;
}

function startsLine(text: string, index: number): boolean {
  for (let at = index - 1; at >= 0; at--) {
    const code = text.charCodeAt(at);
    if (code === 10) return true;
    if (!isSpace(code)) return false;
  }
  return true;
}

function linesApart(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (text.charCodeAt(at) === 10) return true;
  return false;
}

/** Whether a period (`text[period]`, with nothing but closers up to `end`) ends a sentence. */
function periodEnds(text: string, period: number, next: NextWord, closed: boolean): boolean {
  if (closed) return true;
  const { word, start } = wordBefore(text, period);
  if (word === '') return true;
  if (isListMarker(word) && startsLine(text, start)) return false; // "1. First item"
  switch (kindOf(word, text, start)) {
    case 'inner':
      return false;
    case 'prefix':
      return isStarter(next);
    case 'acronym':
      // A name does not continue on the next line of a headline: "Talks Resume in the U.S.\nRussia Says…"
      if (linesApart(text, period, next.index)) return true;
      return isStarter(next) || (uppercase.test(next.first) && !continuesName(text, next));
    case 'date':
      return !digit.test(next.first) && abbreviations.get(next.word) !== 'date';
    case 'number':
      return !digit.test(next.first) && !romanNumeral.test(next.word);
    case 'closing':
      return (
        linesApart(text, period, next.index) ||
        (!closingContinuations.has(next.word) &&
          !timeZoneWord.test(text.slice(next.index, next.index + 40)))
      );
    default:
      return true;
  }
}

interface Run {
  end: number;
  question: boolean;
  ideographic: boolean;
  ellipsis: boolean;
  /** A closing quote or bracket follows the marks: `.”`, `?)`. */
  closed: boolean;
}

/** The marks from `start` on that end a sentence together: `?!`, `...`, `.”)`. */
function runAt(text: string, start: number): Run {
  const run: Run = {
    end: start,
    question: false,
    ideographic: false,
    ellipsis: false,
    closed: false,
  };
  let dots = 0;
  for (; run.end < text.length; run.end++) {
    const code = text.charCodeAt(run.end);
    if (closers.has(code)) run.closed = true;
    else if (!terminals.has(code)) break;
    else if (code === 46) dots++;
    else if (code === ellipsis) run.ellipsis = true;
    else if (questions.has(code)) run.question = true;
    else if (ideographic.has(code)) run.ideographic = true;
  }
  if (dots > 1) run.ellipsis = true;
  return run;
}

/**
 * Scraped text often loses the space between sentences ("said so.The U.S. disagreed"): a lone
 * mark between a lower-case word and a capitalised one ends a sentence when the word before is
 * plain and so is the word after (no dots, slashes or @ that would make a URL, an address or an
 * abbreviation of them: "www.Example.com").
 */
function isGlued(text: string, start: number, run: Run): boolean {
  if (run.end - start !== 1 || run.end + 1 >= text.length) return false;
  if (!uppercase.test(text[run.end]!) || !lowercase.test(text[run.end + 1]!)) return false;
  if (start === 0 || !lowercase.test(text[start - 1]!)) return false;
  let from = start - 1;
  while (from > 0 && !isSpace(text.charCodeAt(from - 1)))
    if (start - --from > longestWord) return false;
  let to = run.end;
  while (to < text.length && !isSpace(text.charCodeAt(to)))
    if (++to - run.end > longestWord) return false;
  while (
    to > run.end &&
    (terminals.has(text.charCodeAt(to - 1)) || closers.has(text.charCodeAt(to - 1)))
  )
    to--;
  return (
    !plainWordBreakers.test(text.slice(from, start)) &&
    !plainWordBreakers.test(text.slice(run.end, to))
  );
}

function runEnds(text: string, start: number, run: Run): boolean {
  if (run.ideographic) return true;
  if (run.end < text.length && !isSpace(text.charCodeAt(run.end)) && !isGlued(text, start, run)) {
    return false; // "U.S.", "3.5", "a.b@c", "example.com/a.b?c=d"
  }
  const next = nextWordAt(text, run.end);
  if (next === null) return true;
  if (lowercase.test(next.first)) return false; // `,” he said`, "a.m. and", `?” she asked`
  if (next.first === '—' || next.first === '–') {
    // A dash and a lower-case word go on: "formerly Twitter Inc. — said", «Нет!» — сказал он.
    const after = nextWordAt(text, next.index + 1);
    if (after !== null && lowercase.test(after.first)) return false;
  }
  if (run.question) {
    return !(run.closed && isAttribution(text, next));
  }
  if (run.ellipsis) {
    if (run.closed) return true;
    // " … " stands for words left out of a quotation; "front… And" trails off a sentence.
    if (start > 0 && isSpace(text.charCodeAt(start - 1))) return isStarter(next);
    return !digit.test(next.first);
  }
  if (text.charCodeAt(start) !== 46) return true; // "।", "۔": no abbreviations to weigh
  return periodEnds(text, start, next, run.closed);
}

function spansBetween(text: string, cuts: number[]): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const cut of [...cuts, text.length]) {
    let from = start;
    let to = cut;
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    if (to > from) spans.push({ start: from, end: to });
    start = cut;
  }
  return spans;
}

/**
 * Splits one paragraph into sentences. Every non-whitespace character belongs to exactly one
 * span; spans are in order, trimmed, and never overlap. Single line breaks end a unit after a
 * list item or a headline-like line; elsewhere they count as spaces.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const cuts: number[] = [];
  const wrapped = text.includes('\n') && isHardWrapped(text);
  let lineStart = 0;
  let lastCut = 0;
  candidates.lastIndex = 0;
  for (let found = candidates.exec(text); found; found = candidates.exec(text)) {
    const index = found.index;
    if (text.charCodeAt(index) === 10) {
      if (index > lastCut && newlineEnds(text, index, lineStart, wrapped)) {
        cuts.push(index);
        lastCut = index;
      }
      lineStart = index + 1;
      continue;
    }
    const run = runAt(text, index);
    if (runEnds(text, index, run)) {
      cuts.push(run.end);
      lastCut = run.end;
    }
    candidates.lastIndex = run.end;
  }
  return spansBetween(text, cuts);
}
