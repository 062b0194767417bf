import { continuingWords } from './abbreviations.js';
import { closers, isSpace, isWordChar, lowercase, nextWordAt, terminals } from './characters.js';
import { isListItemAt } from './list-items.js';

/**
 * When a single line break inside a paragraph ends a unit. Scraped text keeps headlines,
 * datelines and list items on lines of their own with no final punctuation; prose hard-wrapped
 * at a fixed width must instead read as if the breaks were spaces.
 */

function lastWordOf(text: string, from: number, to: number): string {
  let start = to;
  while (start > from && isWordChar(text.charCodeAt(start - 1))) start--;
  return text.slice(start, to);
}

function lineInfo(text: string, newline: number, lineStart: number) {
  let first = lineStart;
  while (first < newline && isSpace(text.charCodeAt(first))) first++;
  let last = newline;
  while (last > first && isSpace(text.charCodeAt(last - 1))) last--;
  let bare = last;
  while (bare > first && closers.has(text.charCodeAt(bare - 1))) bare--;
  let next = newline + 1;
  let blank = false;
  // Stop at a second line break: only whether the line is blank matters then, and scanning on
  // through a run of empty lines from each of them would cost n² steps.
  while (next < text.length && isSpace(text.charCodeAt(next))) {
    if (text.charCodeAt(next) === 10) {
      blank = true;
      break;
    }
    next++;
  }
  const following = next < text.length && !blank ? nextWordAt(text, next) : null;
  return {
    empty: last === first,
    blank,
    isList: isListItemAt(text, first),
    nextIsList: next < text.length && isListItemAt(text, next),
    /** The line ends in `.`, `?`, `…` (maybe inside quotes): the punctuation rules decide. */
    punctuated: bare > first && terminals.has(text.charCodeAt(bare - 1)),
    /** The line ends mid-phrase: a comma, a dash, "the", "between" (a colon can end a heading: "Advertisement:"). */
    unfinished:
      last > first &&
      (',;-–—/&('.includes(text[last - 1]!) || continuingWords.has(lastWordOf(text, first, last))),
    nextLower: following !== null && lowercase.test(following.first),
    atEnd: following === null,
  };
}

/** Most words on a line of a column: "contact manager", "events, activities". */
const columnWords = 4;

/**
 * A column of short lines, none punctuated or running on: a menu, a tag list, a list without
 * bullets ("features\ncontact manager\nevents, activities"). Each line is a unit even when the
 * next starts in lower case; three lines at least, since two could be a wrapped phrase.
 */
function isColumn(text: string): boolean {
  let lines = 0;
  let lineStart = 0;
  let words = 0;
  let inWord = false;
  for (let at = 0; at <= text.length; at++) {
    const code = at < text.length ? text.charCodeAt(at) : 10;
    if (code === 10) {
      if (words > 0) {
        const line = lineInfo(text, at, lineStart);
        if (line.punctuated || line.unfinished) return false;
        lines++;
      }
      lineStart = at + 1;
      words = 0;
      inWord = false;
    } else if (isSpace(code)) {
      inWord = false;
    } else if (!inWord) {
      inWord = true;
      if (++words > columnWords) return false;
    }
  }
  return lines >= 3;
}

/**
 * How the lines of a paragraph read: `wrapped` is prose broken at a fixed width, recognised by a
 * line that plainly runs on into the next (its breaks are spaces); `column` is a column of short
 * lines (each is a unit); `lines` is anything else (headlines, datelines, list items, prose).
 */
export type LineLayout = 'wrapped' | 'column' | 'lines';

export function lineLayout(text: string): LineLayout {
  if (isColumn(text)) return 'column';
  let lineStart = 0;
  for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1)) {
    const line = lineInfo(text, newline, lineStart);
    lineStart = newline + 1;
    if (line.empty || line.blank || line.isList || line.nextIsList || line.punctuated) continue;
    if (line.nextLower || line.unfinished) return 'wrapped';
  }
  return 'lines';
}

/** Whether a single line break ends a unit: a list item, a headline, a dateline. */
export function newlineEnds(
  text: string,
  newline: number,
  lineStart: number,
  layout: LineLayout,
): boolean {
  const line = lineInfo(text, newline, lineStart);
  if (line.empty) return false;
  if (line.blank) return true;
  if (line.atEnd) return false;
  if (layout === 'column' || line.nextIsList) return true;
  if (line.isList) return !line.nextLower && !line.unfinished;
  if (layout === 'wrapped' || line.punctuated || line.unfinished) return false;
  return !line.nextLower;
}
