import wrapAnsi from 'wrap-ansi';
import { drawable } from './drawable.js';
import stringWidth from './string-width.js';

/**
 * Each line of `text` longer than `columns` wrapped at words, its continuation indented as the
 * line is: a terminal wraps a long line at its edge, mid-word and back at column 0, which breaks
 * a report's indented layout. Colour codes are kept whole (wrap-ansi); a word longer than the
 * room is broken.
 */
export function wrapLines(text: string, columns: number): string {
  // Measured as drawn (`drawable`): printed as in the file, `🕊️` took 2 columns where it was
  // measured 1, and a line that fitted wrapped in the terminal.
  return drawable(text)
    .split('\n')
    .map((line) => {
      if (stringWidth(line) <= columns) return line;
      const indent = /^ */.exec(line)![0];
      // The indent stays while at least a third of the line is left for words.
      const kept = indent.length <= (columns * 2) / 3 ? indent : '';
      return wrapAnsi(line.slice(indent.length), columns - kept.length, { hard: true, trim: true })
        .split('\n')
        .map((part) => kept + part)
        .join('\n');
    })
    .join('\n');
}
