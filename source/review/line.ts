import type { KeyState } from './keys.js';

/** A one-line text being typed: its value and where the cursor stands (in code points). */
export interface Line {
  value: string;
  cursor: number;
}

export function lineAt(value: string): Line {
  return { value, cursor: [...value].length };
}

// Control characters never enter a note or a query (Enter, Tab and Esc are keys, not text).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * One key press applied to a line, or null when the key is not an editing key. The reducer owns
 * the text (not the input component) so that a key is applied in the order it was typed: Enter
 * right after the last letters, or letters in the same chunk as the key that opened the input.
 */
export function editLine(line: Line, input: string, key: KeyState): Line | null {
  const chars = [...line.value];
  if (key.leftArrow) return { ...line, cursor: Math.max(0, line.cursor - 1) };
  if (key.rightArrow) return { ...line, cursor: Math.min(chars.length, line.cursor + 1) };
  if (key.home || (key.ctrl && input === 'a')) return { ...line, cursor: 0 };
  if (key.end || (key.ctrl && input === 'e')) return { ...line, cursor: chars.length };
  if (key.ctrl && input === 'u') return { value: chars.slice(line.cursor).join(''), cursor: 0 };
  if (key.backspace || key.delete) {
    if (line.cursor === 0) return line;
    chars.splice(line.cursor - 1, 1);
    return { value: chars.join(''), cursor: line.cursor - 1 };
  }
  if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.pageUp || key.pageDown) {
    return null;
  }
  if (key.return || key.escape || key.tab) return null;
  const text = [...input.replace(CONTROL, '')];
  if (text.length === 0) return null;
  chars.splice(line.cursor, 0, ...text);
  return { value: chars.join(''), cursor: line.cursor + text.length };
}
