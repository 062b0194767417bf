import { sanitizeText } from '../corpus/index.js';

/** Text from files on one terminal line: no escape sequence or line break gets through. */
export function oneLine(text: string): string {
  return sanitizeText(text).text.replace(/\s+/g, ' ');
}

/** Cuts to `max` terminal columns, ending with `…` when anything was cut. */
export { truncate as clip } from '../text/width.js';
