import { visible } from '../text/visible.js';

/**
 * Text from files on one terminal line: no escape sequence or line break gets through. Control
 * characters are shown as `\u001b`-style escapes, as list and search show them, so an id reads
 * the same in every command (and two ids never collapse into one).
 */
export function oneLine(text: string): string {
  return visible(text.replace(/\s+/g, ' '));
}

/** Cuts to `max` terminal columns, ending with `…` when anything was cut. */
export { truncate as clip } from '../text/width.js';
