import { boundaryAfter, boundaryBefore } from '../text/graphemes.js';
import type { KeyState } from './keys.js';

/**
 * A one-line text being typed: its value and where the cursor stands, in code units. The cursor
 * moves and deletes by graphemes, what a reader sees as characters: by code points, ← stopped
 * inside a ZWJ family and Backspace broke it.
 */
export interface Line {
  value: string;
  cursor: number;
}

export function lineAt(value: string): Line {
  return { value, cursor: value.length };
}

// Control characters never enter a note or a query (Enter, Tab and Esc are keys, not text).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * One key press applied to a line, or null when the key is not an editing key. The reducer owns
 * the text (not the input component) so that a key is applied in the order it was typed: Enter
 * right after the last letters, or letters in the same chunk as the key that opened the input.
 */
export function editLine(line: Line, input: string, key: KeyState): Line | null {
  const { value, cursor } = line;
  if (key.leftArrow) return { ...line, cursor: boundaryBefore(value, cursor) };
  if (key.rightArrow) return { ...line, cursor: boundaryAfter(value, cursor) };
  if (key.home || (key.ctrl && input === 'a')) return { ...line, cursor: 0 };
  if (key.end || (key.ctrl && input === 'e')) return { ...line, cursor: value.length };
  if (key.ctrl && input === 'u') return { value: value.slice(cursor), cursor: 0 };
  if (key.meta && !key.escape) {
    const word = wordEdit(line, input, key);
    if (word) return word;
  }
  if (key.backspace || key.delete) {
    if (cursor === 0) return line;
    const from = boundaryBefore(value, cursor);
    return { value: value.slice(0, from) + value.slice(cursor), cursor: from };
  }
  if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.pageUp || key.pageDown) {
    return null;
  }
  if (key.return || key.escape || key.tab) return null;
  const text = input.replace(CONTROL, '');
  if (text === '') return null;
  return {
    value: value.slice(0, cursor) + text + value.slice(cursor),
    cursor: cursor + text.length,
  };
}

/** A word: letters, digits and their marks; what Alt+b and Alt+f step over, as in readline. */
const WORD_BEFORE = /[\p{L}\p{N}\p{M}_]+[^\p{L}\p{N}\p{M}_]*$/u;
const WORD_AFTER = /^[^\p{L}\p{N}\p{M}_]*[\p{L}\p{N}\p{M}_]+/u;

function wordStart(value: string, cursor: number): number {
  const found = WORD_BEFORE.exec(value.slice(0, cursor));
  return found ? found.index : 0;
}

function wordEnd(value: string, cursor: number): number {
  const found = WORD_AFTER.exec(value.slice(cursor));
  return found ? cursor + found[0].length : value.length;
}

/**
 * Whether a key with Alt edits a line: readline's word keys, which hands that type notes elsewhere
 * press by habit. Any other Alt+key in a line is an Escape the terminal sent with the next key
 * (see `escapeJoined`).
 */
export function isWordKey(input: string, key: KeyState): boolean {
  return key.meta && !key.escape && (key.backspace || key.delete || WORD_KEYS.has(input));
}

const WORD_KEYS = new Set(['b', 'f', 'd']);

/** Alt+b and Alt+f move a word back and on; Alt+d deletes the word after, Alt+Backspace the one before. */
function wordEdit(line: Line, input: string, key: KeyState): Line | null {
  const { value, cursor } = line;
  if (key.backspace || key.delete) {
    const from = wordStart(value, cursor);
    return { value: value.slice(0, from) + value.slice(cursor), cursor: from };
  }
  if (input === 'b') return { ...line, cursor: wordStart(value, cursor) };
  if (input === 'f') return { ...line, cursor: wordEnd(value, cursor) };
  if (input === 'd')
    return { value: value.slice(0, cursor) + value.slice(wordEnd(value, cursor)), cursor };
  return null;
}
