import { sanitizeText } from '../corpus/sanitize.js';

/**
 * Article and store text is cleaned when read, but a store file edited by hand or a future
 * reader could still carry escapes: everything shown passes through here once more.
 */
export function clean(text: string): string {
  return sanitizeText(text).text.replace(/[\r\n\t]+/g, ' ');
}
