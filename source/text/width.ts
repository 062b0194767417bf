import stringWidth from '../text/string-width.js';
import { drawable } from './drawable.js';

/**
 * Cuts `text` to `width` terminal columns (wide characters count two), ending with `…` when
 * anything was cut. Shared by the CLI tables, the export renderers and the UI. Like `padEnd`,
 * it gives the text as drawn (`drawable`: an emoji sequence terminals draw at different widths
 * as its parts), so that a table's columns line up in every terminal, piped or not.
 */
export function truncate(given: string, width: number): string {
  if (width <= 0) return '';
  const text = drawable(given);
  if (stringWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = stringWidth(char);
    if (used + w > width - 1) break;
    out += char;
    used += w;
  }
  return `${out}…`;
}

/**
 * The end of `text` in `width` columns after `…` when anything was cut: where a name's end is
 * what tells it apart (a folder's path).
 */
export function truncateStart(given: string, width: number): string {
  const text = drawable(given);
  if (stringWidth(text) <= width) return text;
  if (width < 2) return width === 1 ? '…' : '';
  const characters = [...text];
  let kept = '';
  let used = 1;
  for (let at = characters.length - 1; at >= 0; at--) {
    const w = stringWidth(characters[at]!);
    if (used + w > width) break;
    kept = characters[at] + kept;
    used += w;
  }
  return `…${kept}`;
}

/** Pads `text`, as drawn, with spaces to `width` terminal columns (never cuts). */
export function padEnd(given: string, width: number): string {
  const text = drawable(given);
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** Truncates and pads to exactly `width` columns. */
export function fitWidth(text: string, width: number): string {
  return padEnd(truncate(text, width), width);
}
