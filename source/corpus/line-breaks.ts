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

/** Lines of prose broken at a fixed width, recognised by a line that plainly runs on into the next. */
export function isHardWrapped(text: string): boolean {
  let lineStart = 0;
  for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1)) {
    const line = lineInfo(text, newline, lineStart);
    lineStart = newline + 1;
    if (line.empty || line.blank || line.isList || line.nextIsList || line.punctuated) continue;
    if (line.nextLower || line.unfinished) return true;
  }
  return false;
}

/** Whether a single line break ends a unit: a list item, a headline, a dateline. */
export function newlineEnds(
  text: string,
  newline: number,
  lineStart: number,
  wrapped: boolean,
): boolean {
  const line = lineInfo(text, newline, lineStart);
  if (line.empty) return false;
  if (line.blank) return true;
  if (line.atEnd) return false;
  if (line.nextIsList) return true;
  if (line.isList) return !line.nextLower && !line.unfinished;
  if (wrapped || line.punctuated || line.unfinished) return false;
  return !line.nextLower;
}
