import stringWidth from 'string-width';
import { sanitizeText } from '../corpus/index.js';

/** Text from files on one terminal line: no escape sequence or line break gets through. */
export function oneLine(text: string): string {
  return sanitizeText(text).text.replace(/\s+/g, ' ');
}

/** Cuts to `max` terminal columns, ending with `…` when anything was cut. */
export function clip(text: string, max: number): string {
  if (stringWidth(text) <= max) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const width = stringWidth(char);
    if (used + width > max - 1) break;
    out += char;
    used += width;
  }
  return `${out}…`;
}
