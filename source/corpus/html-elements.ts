/** What HTML elements are to a reader: which end a paragraph, which are never read, their text. */
import type { Element } from './dom.js';
import { tidy } from './units.js';

/** Elements that end one paragraph and start the next. */
export const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/** Elements whose text is never read as the element's: code, styles, a menu. */
export const SILENT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav']);

/**
 * An element's text as one line, as a reader sees it: its text nodes in document order (none
 * of a script, a style or a menu inside it), a block or a line break inside it a space
 * (`Pope<br>dies`), white space collapsed and tidied. The one reader of a whole element's text:
 * the page's metadata (`<title>`, an `<h1>`, a writer's link) and a gallery's captions.
 */
export function elementText(element: Element): string {
  const parts: string[] = [];
  // Depth-first, children pushed in reverse so text comes out in document order.
  const pending: Array<Element | string> = [element];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (typeof node === 'string') {
      parts.push(node);
      continue;
    }
    if (node !== element && SILENT.has(node.name)) continue;
    const apart = BLOCKS.has(node.name);
    if (apart) pending.push(' ');
    for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]!);
    if (apart) parts.push(' ');
  }
  return tidy(parts.join('').replace(/\s+/g, ' '));
}
