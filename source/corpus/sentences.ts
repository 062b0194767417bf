import {
  type AbbreviationKind,
  abbreviations,
  acronymContinuations,
  closingContinuations,
  continuingWords,
  labelledNouns,
  monsieurLeaders,
  ordinalLeaders,
  ordinalMonths,
  personNouns,
  regionAbbreviations,
  sentenceStarters,
  speechVerbs,
  timePrepositions,
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
import { inlineListMarkers, type ListMarker } from './inline-lists.js';
import { type LineLayout, lineLayout, newlineEnds } from './line-breaks.js';
import { isListMarker } from './list-items.js';

/** Where a unit can end: a line break or a sentence-ending mark (kept in step with `terminals`). */
const candidates = /[\n.?!…‼⁇⁈⁉\u037e؟፧۔।॥։።。！？｡]/g;
/**
 * How far to look for the word around a mark. Longer runs without a space (URLs, data) are no
 * abbreviation or plain word, and the cap keeps a megabyte without spaces from costing n² steps.
 */
const longestWord = 64;
const plainWordBreakers = /[./@:=&?#_\\]/;
/** A number, an amount or a share: `1,000`, `$2.5`, `3.2%`. */
const amount = /^[(\p{Sc}]*\p{Nd}[\p{Nd},.]*%?$/u;
const allCapitals = /^\p{Lu}{2,}$/u;
const romanNumeral = /^[IVXLCDM]+$/;
const dottedUppercase = /^(?:\p{Lu}\.)+\p{Lu}$/u;
const dotted = /^(?:\p{L}\.)+\p{L}$/u;
/** A quoted question followed by its speaker: `“Why?” President Putin asked.` */
const attribution = /^(?:\p{Lu}[\p{L}\p{M}’'.-]*\s+){1,4}(\p{Ll}+)/u;
const timeZoneWord = /^\p{Lu}\p{L}*\s+time\b/u;
const quotes = new Set(Array.from('"\'”’»›＂“‘', (char) => char.charCodeAt(0)));
/**
 * `“` and `‘` close a quotation in German, Czech and the other languages that open one low
 * (`„Nein.“ Dann…`), and `«` and `‹` in German's other style (`»Ja.« Dann…`): right after a
 * sentence's mark they are closers, never openers. Not after `。！？`: Chinese opens a
 * quotation with them there (`中方欢迎努力。“我们希望…”`; 2026-12-07, qa55 #3).
 */
const lowOpenedClosers = new Set([0x201c, 0x2018, 0xab, 0x2039]);
/** A word short enough to be an abbreviation before a number: `S. 225`, `Str. 5`, `Кв. 234`. */
const shortWord = /^\p{L}{1,3}$/u;
/** A day written as an ordinal: `3.`, `01.`, `31.`. */
const dayOfMonth = /^(?:0?[1-9]|[12]\d|3[01])$/;
/** A dash between clauses: `—`, `–`, `-`, `--`. */
const dashes = /^[-–—]+$/;
/** What follows a citation's closing bracket when it ends, or sits inside, the sentence. */
const citationEnds = new Set(Array.from('.,;!?', (char) => char.charCodeAt(0)));

/** The sentence being scanned: where it starts, and whether its paragraph is hard-wrapped prose. */
interface Unit {
  start: number;
  /** Line breaks are spaces here: "the U.S.\nArmy" goes on across one. */
  wrapped: boolean;
}

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

/**
 * The word a period is attached to, without opening marks or a hyphenated prefix: `U.S` in
 * `(anti-U.S.`. It starts no earlier than the sentence does: `Mr` in `Tuesday.Mr.`, glued to the
 * sentence before.
 */
function wordBefore(
  text: string,
  period: number,
  unitStart: number,
): { word: string; start: number } {
  let start = period;
  const limit = Math.max(unitStart, period - longestWord);
  while (start > limit && !isSpace(text.charCodeAt(start - 1))) start--;
  while (start < period && openers.has(text.charCodeAt(start))) start++;
  const whole = text.slice(start, period);
  // An elided article is no part of the word: "l'Avv." is "Avv.", "dell’Ing." is "Ing.".
  const cut = Math.max(
    whole.lastIndexOf('-'),
    whole.lastIndexOf('/'),
    whole.lastIndexOf('—'),
    whole.lastIndexOf("'"),
    whole.lastIndexOf('’'),
  );
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

const sentenceEnd = /\p{L}[.!?…]["”’»)]*$/u;
const cyrillic = /^\p{Script=Cyrillic}$/u;

/**
 * Whether a lone capital before a period is a name's initial: after a capitalised word or at the
 * start ("George W. Bush", "J. K. Rowling", "Albert I. Jones"), or after a word that leads to a
 * name ("by J. Smith", "the journalist C. Jones"). After a noun that takes a label it is the label
 * ("World War I.", "Group D."), after another lower-case word too ("vitamin C. Doctors"); `I`
 * after a lower-case word is the pronoun ("you and I."), and opening a sentence a numeral.
 */
function isInitial(text: string, start: number, word: string): boolean {
  let end = start;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  let from = end;
  while (from > 0 && end - from < longestWord && !isSpace(text.charCodeAt(from - 1))) from--;
  const raw = text.slice(from, end);
  const before = raw.replace(/[^\p{L}]+$/u, '');
  // After a sentence's end the capital opens the next one, as at the start: "…est parti. M. Dupont".
  if (before === '' || sentenceEnd.test(raw)) return word !== 'I';
  if (!lowercase.test(before[0]!)) return !labelledNouns.has(before);
  // Russian and Ukrainian news name people by their initials after any word ("По словам Д.
  // Пескова"), and a lone Cyrillic capital is hardly ever a label.
  if (cyrillic.test(word)) return true;
  if (word === 'I') return false;
  const leader = before.toLowerCase();
  return continuingWords.has(leader) || personNouns.has(leader);
}

/** A number of up to three digits after a German article or preposition: "der 2. Weltkrieg". */
function germanOrdinal(text: string, start: number, word: string): boolean {
  return /^\d{1,3}$/.test(word) && ordinalLeaders.has(shortWordBefore(text, start));
}

/**
 * The whole word before `start` and its spaces, lower-cased, when it is a short one (articles,
 * prepositions: up to six letters), else ''.
 */
function shortWordBefore(text: string, start: number): string {
  let end = start;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  if (end === start) return '';
  let from = end;
  while (from > 0 && /\p{L}/u.test(text[from - 1]!)) if (end - --from > 6) return '';
  if (from > 0 && !isSpace(text.charCodeAt(from - 1)) && text[from - 1] !== '(') return '';
  return text.slice(from, end).toLowerCase();
}

/**
 * A letter in a spaced chain of one-letter abbreviations, as German writes them: `z. B.`,
 * `u. Ä.`, `d. h.`. The chain opens with a lower-case letter; no name's initials do.
 */
function inLetterChain(text: string, start: number, word: string): boolean {
  if (word.length !== 1) return false;
  const period = start + 1;
  // The letter before: "z." in "z. B."
  let at = start;
  while (at > 0 && isSpace(text.charCodeAt(at - 1))) at--;
  if (
    at < start &&
    at >= 2 &&
    text.charCodeAt(at - 1) === 46 &&
    lowercase.test(text[at - 2]!) &&
    (at === 2 || !isWordChar(text[at - 3]!))
  ) {
    return true;
  }
  // The letter after: "B." after "z."
  if (!lowercase.test(word)) return false;
  let after = period + 1;
  if (!isSpace(text.charCodeAt(after))) return false;
  while (after < text.length && isSpace(text.charCodeAt(after))) after++;
  return (
    /\p{L}/u.test(text[after] ?? '') &&
    text.charCodeAt(after + 1) === 46 &&
    !isWordChar(text[after + 2] ?? ' ')
  );
}

const wordChar = /[\p{L}\p{N}]/u;
const isWordChar = (char: string): boolean => wordChar.test(char);

/**
 * A number that goes with the short abbreviation before it (`S. 225`, `Rs. 3520`, `Str. 5`,
 * `Tel. (030) 123456`), one the table lists as going before numbers; any short word would join
 * "at the bar. 10 people came". A list number (`the first item. 2. The second`) opens a sentence.
 */
function numberAfterShortWord(text: string, word: string, next: NextWord): boolean {
  if (!shortWord.test(word) || !digit.test(next.first)) return false;
  // "Tel. (57-1) 3239300"; not "S. «12»"
  const opener = text.charCodeAt(next.index - 1);
  if (!isSpace(opener) && !(opener === 40 && isSpace(text.charCodeAt(next.index - 2)))) {
    return false;
  }
  let end = next.index;
  while (end < text.length && digit.test(text[end]!)) end++;
  const mark = text.charCodeAt(end);
  if (mark === 41 && end - next.index <= 2) return false; // "2)", "(1)"; not "(030) 123456"
  return !(mark === 46 && (isSpace(text.charCodeAt(end + 1)) || text.charCodeAt(end + 1) === 41));
}

/** An opening bracket after the spaces from `from`: `Inc. (“Company A”)`. */
function bracketFollows(text: string, from: number): boolean {
  let at = from;
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  if (at === from || text.charCodeAt(at) !== 40) return false;
  // A ticker, a time or a short name in brackets, not a sentence of its own: "…signed by Acme
  // Inc. (The company declined to comment.) Shares rose." is three sentences.
  const close = text.indexOf(')', at);
  if (close < 0 || close - at > 40) return false;
  return !/[.!?…]["”’»]*$/u.test(text.slice(at + 1, close).trim());
}

/** Articles and contractions before a title in Spanish and Portuguese: "el Sr. García", "a Sr.ª". */
const romanceArticles = new Set([
  'el',
  'la',
  'los',
  'las',
  'del',
  'al',
  'o',
  'a',
  'os',
  'as',
  'do',
  'da',
  'ao',
  'no',
  'na',
]);

/** The whole word before `start` and its spaces, without its marks, or ''. */
function previousWord(text: string, start: number): string {
  let end = start;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  let from = end;
  while (from > 0 && end - from < longestWord && !isSpace(text.charCodeAt(from - 1))) from--;
  return text.slice(from, end).replace(/^\P{L}+|\P{L}+$/gu, '');
}

/** A plural abbreviation of Spanish and Catalan, its capital written twice: `EE`, `FF`, `CC`. */
const doubledCapital = /^(\p{Lu})\1$/u;

/**
 * The first of a pair (or more) of doubled-capital abbreviations set apart by a space, as the RAE
 * and Spanish newsrooms write a plural's initials: `EE. UU.` (Estados Unidos), `FF. AA.`
 * (Fuerzas Armadas), `CC. OO.`, `RR. HH.`, `SS. MM.`. Its period ends nothing: the pair is one
 * name. The last of the pair weighs the word after it as any word does (`…de EE. UU. El
 * presidente…` is two sentences). `EE.UU.`, written without the space, is one word already.
 */
function opensDoubledPair(text: string, period: number, word: string): boolean {
  if (!doubledCapital.test(word)) return false;
  let at = period + 1;
  if (!isSpace(text.charCodeAt(at))) return false;
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return (
    text.charCodeAt(at + 2) === 46 &&
    doubledCapital.test(text.slice(at, at + 2)) &&
    !isWordChar(text[at + 3] ?? ' ')
  );
}

const AFTER_FIGURE_CLOSES = new Set(['р', 'рр', 'м', 'sen']);

/** Whether a figure stands right before the word at `start`: `2022` of `2022 р.`. */
function figureBefore(text: string, start: number): boolean {
  let at = start;
  while (at > 0 && isSpace(text.charCodeAt(at - 1))) at--;
  const code = text.charCodeAt(at - 1);
  return at < start && code >= 0x30 && code <= 0x39;
}

const pluralItalianArticles = new Set(['gli', 'degli', 'agli', 'dagli', 'sugli', 'cogli']);

/** `on` of `l'on.` (an elided article glued to it) or of `gli on.`. */
function italianHonourable(text: string, start: number, period: number): boolean {
  const before = text.charCodeAt(period - 3);
  if (period - 3 > start && (before === 39 || before === 0x2019)) return true;
  return pluralItalianArticles.has(previousWord(text, start).toLowerCase());
}

function kindOf(
  word: string,
  text: string,
  start: number,
  period: number,
): AbbreviationKind | undefined {
  // English "John Smith Sr." closes a name; Spanish and Portuguese "el Sr. García" opens one.
  if (word === 'Sr' && romanceArticles.has(shortWordBefore(text, start))) return 'prefix';
  // French "a dit M. Erdoğan": Monsieur before a name, after a French word.
  if (word === 'M' && monsieurLeaders.has(previousWord(text, start).toLowerCase())) return 'prefix';
  // Italian "l'on. Bianchi", "dell'on. Rossi", "gli on. Rossi e Bianchi" (onorevole): only after
  // an elided or plural article, as English "moved on. Police said" ends a sentence.
  if (word === 'on' && italianHonourable(text, start, period)) return 'prefix';
  // After a figure these close it: Ukrainian `у 2022 р.` (year), `5 м.` (metres), and the
  // currency of Malaysian English `rose 12 sen.`; before a name they open one (`м. Київ`,
  // `il sen. Rossi`), as the table says (review59-a).
  if (AFTER_FIGURE_CLOSES.has(word) && figureBefore(text, start)) return 'closing';
  const listed = abbreviations.get(word);
  if (listed) return listed;
  if (inLetterChain(text, start, word)) return 'inner'; // "z. B.", "u. Ä."
  if (opensDoubledPair(text, period, word)) return 'inner'; // "EE. UU."
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

/**
 * A time that opens the sentence: "At 5 a.m.", "Shortly after 9 p.m.". A preposition and a number
 * make no sentence, so the abbreviation after them ends none.
 */
function opensWithTime(text: string, unitStart: number, start: number): boolean {
  const words = text.slice(unitStart, start).trim().split(/\s+/);
  if (words.length > 3 || !digit.test(words.at(-1) ?? '')) return false;
  return timePrepositions.has(words[0]!.replace(/^\P{L}+/u, '').toLowerCase());
}

/** A wire service's mark after a dateline: `(AP)`, `(Reuters)`, `(CBS News)`, then a dash. */
const agencyMark =
  /^\s*(?:\((?:\p{Lu}[\p{L}\p{N}&.'’-]*)(?: \p{Lu}[\p{L}\p{N}&.'’-]*){0,2}\)\s*)?(?:[-–—]+|\p{Pd})\s/u;

/**
 * A dateline: a town in up to four words and a comma open the paragraph, then a state's or
 * province's abbreviation, then an agency's mark and a dash, or the dash alone (`PALM BEACH,
 * Fla. (AP) —`, `SPRINGFIELD, Ill. (Reuters) -`, `Dekalb, Ill. —`). Its period ends nothing.
 */
function opensDateline(text: string, unitStart: number, start: number, period: number): boolean {
  const town = text.slice(unitStart, start).trimEnd();
  if (!town.endsWith(',') || town.length > 60) return false;
  const words = town.slice(0, -1).trim().split(/\s+/);
  if (words.length > 4 || !words.every((w) => uppercase.test(w[0] ?? ''))) return false;
  return agencyMark.test(text.slice(period + 1, period + 40));
}

/** An agency between slashes, as Russian agencies sign a dateline: `/ТАСС/`, `/РИА Новости/`. */
const agencyInSlashes = /^\/\p{Lu}[\p{L}\s-]{1,30}\/\.?(?:\s|$)/u;
/** A place in capitals and a day with its month: `СТАМБУЛ, 14 марта`, `MOSCOW, March 14`. */
const placeAndDay =
  /^\p{Lu}{2,}(?:[\s-]+\p{Lu}{2,}){0,2},\s*(?:\d{1,2}\s+\p{L}+|\p{Lu}\p{Ll}+\s+\d{1,2})$/u;

/** Whether a period (`text[period]`, with nothing but closers up to `end`) ends a sentence. */
function periodEnds(
  text: string,
  period: number,
  next: NextWord,
  closed: boolean,
  unit: Unit,
): boolean {
  if (closed) return true;
  const { word, start } = wordBefore(text, period, unit.start);
  if (word === '') return true;
  if (isListMarker(word) && startsLine(text, start)) return false; // "1. First item"
  if (dayOfMonth.test(word) && ordinalMonths.has(next.word)) return false; // "am 3. März"
  if (germanOrdinal(text, start, word)) return false; // "der 2. Weltkrieg"
  if (abbreviations.get(word) === 'number' && numberAfterShortWord(text, word, next)) return false;
  // German "auf S. 4 des Berichts" (Seite): a page after a lower-case word, never a name's
  // initial, which a name follows ("Dr. Silvia S. Martins").
  if (
    word === 'S' &&
    /^\p{Ll}+$/u.test(previousWord(text, start)) &&
    numberAfterShortWord(text, word, next)
  ) {
    return false;
  }
  if (regionAbbreviations.has(word) && opensDateline(text, unit.start, start, period)) return false;
  switch (kindOf(word, text, start, period)) {
    case 'inner':
      return false;
    case 'prefix':
      return isStarter(next);
    case 'acronym':
      // A name does not continue on the next line of a headline: "Talks Resume in the U.S.\nRussia Says…"
      if (!unit.wrapped && linesApart(text, period, next.index)) return true;
      return isStarter(next) || (uppercase.test(next.first) && !continuesName(text, next));
    case 'date':
      return !digit.test(next.first) && abbreviations.get(next.word) !== 'date';
    case 'number':
      return !digit.test(next.first) && !romanNumeral.test(next.word);
    case 'closing':
      if (!unit.wrapped && linesApart(text, period, next.index)) return true;
      if (start - unit.start <= longestWord && opensWithTime(text, unit.start, start)) return false;
      // A bracket after a name or a time adds to it: "Apple Inc. (AAPL) rose", "9 a.m. (1300 GMT)".
      if (bracketFollows(text, period + 1)) return false;
      return (
        !closingContinuations.has(next.word) &&
        !timeZoneWord.test(text.slice(next.index, next.index + 40))
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
  /** A closing quotation mark is among the closers. */
  quoted: boolean;
  /** An ellipsis in brackets, `[...]` or `(…)`: words left out, not an end. */
  bracketed: boolean;
}

/** The marks from `start` on that end a sentence together: `?!`, `...`, `.”)`. */
function runAt(text: string, start: number): Run {
  const run: Run = {
    end: start,
    question: false,
    ideographic: false,
    ellipsis: false,
    closed: false,
    quoted: false,
    bracketed: false,
  };
  let dots = 0;
  let firstCloser = -1;
  for (; run.end < text.length; run.end++) {
    const code = text.charCodeAt(run.end);
    // Chinese opens a quotation with `“` and `‘` right after a full stop (`努力。“我们…`).
    if (closers.has(code) || (lowOpenedClosers.has(code) && !run.ideographic)) {
      run.closed = true;
      if (firstCloser < 0) firstCloser = code;
      if (quotes.has(code)) run.quoted = true;
    } else if (!terminals.has(code)) break;
    else if (code === 46) dots++;
    else if (code === ellipsis) run.ellipsis = true;
    else if (questions.has(code)) run.question = true;
    else if (ideographic.has(code)) run.ideographic = true;
  }
  if (dots > 1) run.ellipsis = true;
  if (run.end > start) closeSpacedQuote(text, run);
  if (run.ellipsis && !run.question && start > 0) {
    const opener = text.charCodeAt(start - 1);
    run.bracketed = (opener === 91 && firstCloser === 93) || (opener === 40 && firstCloser === 41);
  }
  return run;
}

/**
 * A closing quotation mark set apart by a space after the marks closes the quotation, and goes
 * with the sentence it ends:
 * - French sets its closing guillemet so (often with a no-break space): `« Nous sommes prêts. »
 *   Puis…`; closing when no letter follows it (German's `»` opens one against its word:
 *   `Satz. »Nächster`).
 * - A `”` with a space on either side closes (`…culture.’ ” Instead`): an opening one would sit
 *   against its word.
 * - A straight `"` with a space on either side could open or close; before a lower-case word it
 *   closes, the word an attribution (`…ourselves? " she wrote`), since a quotation opens with a
 *   capital.
 */
function closeSpacedQuote(text: string, run: Run): void {
  const space = text.charCodeAt(run.end);
  if (space === 10 || !isSpace(space)) return;
  const mark = text.charCodeAt(run.end + 1);
  const after = text[run.end + 2] ?? ' ';
  let closes = false;
  if (mark === 0xbb || mark === 0x203a) closes = !isWordChar(after);
  else if (mark === 0x201d) closes = isSpace(after.charCodeAt(0));
  else if (mark === 34 && isSpace(after.charCodeAt(0)) && after !== '\n') {
    const next = nextWordAt(text, run.end + 2);
    closes = next !== null && next.index === run.end + 3 && lowercase.test(next.first);
  }
  if (closes) {
    run.end += 2;
    run.closed = true;
    run.quoted = true;
  }
}

/**
 * Dots set apart by spaces, `. . .`, from `start` on: how many and where the last ends; fewer
 * than three is no spaced ellipsis.
 */
function spacedDots(text: string, start: number): { dots: number; end: number } {
  let dots = 1;
  let end = start + 1;
  while (
    end + 1 < text.length &&
    text.charCodeAt(end + 1) === 46 &&
    (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 0xa0)
  ) {
    dots++;
    end += 2;
  }
  return { dots, end };
}

/**
 * Where a spaced ellipsis ends a sentence, or -1. Three dots with a space before them stand for
 * words left out and end nothing ("the thing is . . . I didn’t mean it"). A fourth dot is a
 * period: "a period . . . . Next" ends after the dots; "compounds. . . . The practice" ends at
 * the period after the word, the ellipsis opening the next sentence (left out before it).
 */
function spacedEllipsisEnd(text: string, start: number, dots: number, end: number): number {
  let after = end;
  while (after < text.length && closers.has(text.charCodeAt(after))) after++;
  const next = nextWordAt(text, after);
  if (next === null || lowercase.test(next.first)) return -1;
  const attached = start > 0 && !isSpace(text.charCodeAt(start - 1));
  if (attached) return dots >= 4 && after === end ? start + 1 : after;
  return dots >= 4 ? after : -1;
}

/**
 * A source cited after a quotation, before the sentence's own period: `“…stairways” (Smith 55).`
 * A capitalised name and a number in brackets, then the period.
 */
function citationFollows(text: string, from: number): boolean {
  let open = from;
  while (open < text.length && open - from < 3 && text.charCodeAt(open) === 32) open++;
  if (text.charCodeAt(open) !== 40 || !uppercase.test(text[open + 1] ?? '')) return false;
  let close = open + 1;
  let digits = false;
  for (; close < text.length && close - open < 60; close++) {
    const code = text.charCodeAt(close);
    if (code === 41) break;
    if (code === 40 || code === 10) return false;
    if (code >= 48 && code <= 57) digits = true;
  }
  return digits && text.charCodeAt(close) === 41 && citationEnds.has(text.charCodeAt(close + 1));
}

/**
 * Scraped text often loses the space between sentences ("said so.The U.S. disagreed", "bought
 * 1,000.That is"): a lone mark between a lower-case word or a number and a capitalised word ends a
 * sentence when the word before is plain and so is the word after (no dots, slashes or @ that
 * would make a URL, an address or an abbreviation of them: "www.Example.com"). A short number
 * before it is a list marker ("1.Introduction").
 */
function isGlued(text: string, start: number, run: Run): boolean {
  if (run.end - start !== 1 || run.end + 1 >= text.length) return false;
  if (!uppercase.test(text[run.end]!) || !lowercase.test(text[run.end + 1]!)) return false;
  if (start === 0) return false;
  const last = text[start - 1]!;
  const number = digit.test(last) || last === '%';
  if (!number && !lowercase.test(last)) return false;
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
  const before = text.slice(from, start);
  if (number && isListMarker(before)) return false;
  const plainBefore = number ? amount.test(before) : !plainWordBreakers.test(before);
  return plainBefore && !plainWordBreakers.test(text.slice(run.end, to));
}

/**
 * A Chinese speaker and speech verb right after a quotation's closing mark (`“是的！”她说。`,
 * `「真的吗？」他问道，`, `“…。”外交部发言人表示，`): up to 12 characters of speaker, the verb,
 * then a mark or the end. `道` alone is a verb only so placed (`他知道这件事` is a sentence).
 */
const chineseAttribution =
  /^[^\s。！？，、；：“”「」『』]{1,12}?(?:说|說|问|問|称|稱|表示|指出|回答|答|喊|叫|补充|補充|强调|強調|透露|坦言|回应|回應|告诉记者|告訴記者|宣布|解释|解釋|追问|追問|写|寫|笑)(?:道|着|著|了|说|說)?(?:[。，,：:；！？]|$)/u;
/** Japanese quotes with `と` and a verb of saying: `「はい！」と述べた。`, `」と彼は語った`. */
const japaneseAttribution =
  /^と[^\s。！？「」]{0,12}?(?:述べ|語っ|語る|話し|話す|言っ|言う|いっ|いう|強調|説明|指摘|訴え|答え|発表|明らかに|明かし|書い|問い|尋ね|付け加え)/u;

function runEnds(text: string, start: number, run: Run, unit: Unit): boolean {
  if (run.ideographic) {
    // A quotation ended by `！`, `？` or `。` and its speaker are one sentence, as `?” she asked`.
    if (!run.closed) return true;
    const after = text.slice(run.end, run.end + 40);
    return !chineseAttribution.test(after) && !japaneseAttribution.test(after);
  }
  if (run.bracketed) return false;
  if (run.end < text.length && !isSpace(text.charCodeAt(run.end)) && !isGlued(text, start, run)) {
    return false; // "U.S.", "3.5", "a.b@c", "example.com/a.b?c=d"
  }
  const next = nextWordAt(text, run.end);
  if (next === null) return true;
  if (lowercase.test(next.first)) return false; // `,” he said`, "a.m. and", `?” she asked`
  // A spaced slash pairs what is on either side: "9.30 A.M. / 7.00 P.M." (not "said. /TASS/").
  if (next.first === '/' && isSpace(text.charCodeAt(next.index + 1))) return false;
  // TASS's dateline: `СТАМБУЛ, 14 марта. /ТАСС/. Президент…`: the place, the day and the agency
  // are one line of it, then the sentence (qa56 #3).
  if (
    next.first === '/' &&
    agencyInSlashes.test(text.slice(next.index, next.index + 40)) &&
    placeAndDay.test(text.slice(unit.start, start))
  ) {
    return false;
  }
  if (dashes.test(next.first)) {
    // A dash and a lower-case word go on: "formerly Twitter Inc. — said", «Нет!» — сказал он,
    // "and -- voila! -- you have".
    let dash = next.index;
    while (dash < text.length && dashes.test(text[dash]!)) dash++;
    const after = nextWordAt(text, dash);
    if (after !== null && lowercase.test(after.first)) return false;
  }
  if (run.quoted && citationFollows(text, run.end)) return false;
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
  return periodEnds(text, start, next, run.closed, unit);
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
  return withLoneEllipsesJoined(text, spans);
}

const loneEllipsis = /^(?:\.\s*){3,}$|^…$/;

/**
 * An ellipsis that stands alone between two sentences ("…millions of dollars. ... They
 * shouldn't…", words left out of a quotation) is no sentence: it goes with the words it leads
 * into, or with the sentence before it at the end of a paragraph (qa52: a sentence `...`).
 */
function withLoneEllipsesJoined(text: string, spans: SentenceSpan[]): SentenceSpan[] {
  if (spans.length < 2) return spans;
  const joined: SentenceSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    if (!loneEllipsis.test(text.slice(span.start, span.end))) joined.push(span);
    else if (i + 1 < spans.length) spans[i + 1] = { start: span.start, end: spans[i + 1]!.end };
    else if (joined.length === 0) joined.push(span);
    else joined[joined.length - 1] = { start: joined.at(-1)!.start, end: span.end };
  }
  return joined;
}

const noMarkers: readonly ListMarker[] = [];
const innerLineBreak = /[^\S\n]*\n\s*/g;

/**
 * A sentence on one line, as `margin split` prints it: each line break inside it, with the
 * spaces around it, becomes one space ("It was a cold \nnight" reads "It was a cold night").
 */
export function singleLine(sentence: string): string {
  return sentence.includes('\n') ? sentence.replace(innerLineBreak, ' ') : sentence;
}

/**
 * Splits one paragraph into sentences. Every non-whitespace character belongs to exactly one
 * span; spans are in order, trimmed, and never overlap. Single line breaks end a unit after a
 * list item or a headline-like line; elsewhere they count as spaces. Each item of a numbered or
 * lettered list run inline is a unit of its own.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const cuts: number[] = [];
  const layout: LineLayout = text.includes('\n') ? lineLayout(text) : 'lines';
  const markers = text.length > 3 ? inlineListMarkers(text) : noMarkers;
  let marker = 0;
  let lineStart = 0;
  const unit: Unit = { start: 0, wrapped: layout === 'wrapped' };
  const cut = (at: number) => {
    if (at > unit.start) {
      cuts.push(at);
      unit.start = at;
    }
  };
  let current: ListMarker | undefined;
  candidates.lastIndex = 0;
  // `test` rather than `exec`: no match array for each of the thousands of candidates.
  while (candidates.test(text)) {
    const index = candidates.lastIndex - 1;
    while (marker < markers.length && markers[marker]!.start <= index) {
      current = markers[marker++]!;
      if (current.opens) cut(current.start);
    }
    if (current !== undefined && index < current.end) {
      candidates.lastIndex = current.end; // the period of "1." or "1.)"
      continue;
    }
    if (text.charCodeAt(index) === 10) {
      if (index > unit.start && newlineEnds(text, index, lineStart, layout)) cut(index);
      lineStart = index + 1;
      continue;
    }
    if (text.charCodeAt(index) === 46 && text.charCodeAt(index + 2) === 46) {
      const spaced = spacedDots(text, index);
      if (spaced.dots >= 3) {
        const end = spacedEllipsisEnd(text, index, spaced.dots, spaced.end);
        if (end >= 0) cut(end);
        candidates.lastIndex = spaced.end;
        continue;
      }
    }
    const run = runAt(text, index);
    if (runEnds(text, index, run, unit)) cut(run.end);
    candidates.lastIndex = run.end;
  }
  for (; marker < markers.length; marker++) if (markers[marker]!.opens) cut(markers[marker]!.start);
  return spansBetween(text, cuts);
}
