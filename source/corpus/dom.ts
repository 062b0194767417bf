import { Tokenizer } from 'htmlparser2';

/**
 * A page as a tree, built from htmlparser2's tokenizer. htmlparser2's own `Parser` keeps its
 * open elements with `unshift`/`shift`, which cost the depth of the page at every tag: 100,000
 * nested `<div>`s took ten seconds. Here the stack is pushed and popped, and, as browsers do, it
 * stops growing at `MAX_DEPTH`: deeper start tags become siblings, so every search of the stack
 * and every walk of the tree is bounded.
 */
export interface Element {
  /** Lower-case tag name; `#document` for the root. */
  name: string;
  attribs: Record<string, string>;
  children: Node[];
  parent: Element | null;
}

/** A text node is its decoded text. */
export type Node = Element | string;

export interface HtmlHandler {
  open(name: string, attribs: Record<string, string>): void;
  text(text: string): void;
  /** Every `open` gets exactly one `close`, innermost first. */
  close(name: string): void;
}

/** Chromium and WebKit stop nesting here too (`kMaximumHTMLParserDOMTreeDepth`). */
export const MAX_DEPTH = 512;

const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

const P = new Set(['p']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
const FORM_CONTROLS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist']);
const DESCRIPTIONS = new Set(['dd', 'dt']);
const TABLE_SECTIONS = new Set(['thead', 'tbody']);
const RUBY = new Set(['rt', 'rp']);

/**
 * Which open elements a start tag ends when they are the innermost: `<li>` ends the `<li>`
 * before it, a block ends an open `<p>` (the HTML spec's implied end tags, as htmlparser2 has them).
 */
const CLOSED_BY = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['a', new Set(['a'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DESCRIPTIONS],
  ['dt', DESCRIPTIONS],
  ['tbody', TABLE_SECTIONS],
  ['tfoot', TABLE_SECTIONS],
  ['rt', RUBY],
  ['rp', RUBY],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map(
    (name) => [name, FORM_CONTROLS] as [string, Set<string>],
  ),
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((name) => [name, HEADINGS] as [string, Set<string>]),
  ...[
    'p',
    'address',
    'article',
    'aside',
    'blockquote',
    'details',
    'div',
    'dl',
    'fieldset',
    'figcaption',
    'figure',
    'footer',
    'form',
    'header',
    'hr',
    'main',
    'nav',
    'ol',
    'pre',
    'section',
    'table',
    'ul',
  ].map((name) => [name, P] as [string, Set<string>]),
]);

const FOREIGN = new Set(['svg', 'math']);

/** Streams a page's elements and text to `handler`, in document order, in linear time. */
export function streamHtml(html: string, handler: HtmlHandler): void {
  const stack: string[] = [];
  let foreign = 0;
  let name = '';
  let attribs: Record<string, string> = {};
  let attribName = '';
  let attribValue = '';

  const pop = () => {
    const top = stack.pop()!;
    if (FOREIGN.has(top)) foreign--;
    handler.close(top);
  };
  const openTag = () => {
    const closes = CLOSED_BY.get(name);
    if (closes) while (stack.length > 0 && closes.has(stack[stack.length - 1]!)) pop();
    handler.open(name, attribs);
    // Past the depth limit an element is left at once: its content becomes its sibling.
    if (VOID.has(name) || stack.length >= MAX_DEPTH) handler.close(name);
    else {
      stack.push(name);
      if (FOREIGN.has(name)) foreign++;
    }
    attribs = {};
  };

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      ontext(start, end) {
        handler.text(html.slice(start, end));
      },
      ontextentity(codepoint) {
        handler.text(String.fromCodePoint(codepoint));
      },
      onopentagname(start, end) {
        const raw = html.slice(start, end).toLowerCase();
        name = raw === 'image' ? 'img' : raw;
        attribs = {};
      },
      onattribname(start, end) {
        attribName = html.slice(start, end).toLowerCase();
        attribValue = '';
      },
      onattribdata(start, end) {
        attribValue += html.slice(start, end);
      },
      onattribentity(codepoint) {
        attribValue += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (!Object.hasOwn(attribs, attribName)) attribs[attribName] = attribValue;
        attribValue = '';
      },
      onopentagend() {
        openTag();
      },
      onselfclosingtag() {
        // HTML ignores the slash of `<div/>`; inside SVG or MathML it closes the element.
        if (foreign > 0 && !VOID.has(name)) {
          handler.open(name, attribs);
          handler.close(name);
          attribs = {};
        } else openTag();
      },
      onclosetag(start, end) {
        const closing = html.slice(start, end).toLowerCase();
        if (VOID.has(closing)) {
          // `</br>` is a line break in every browser.
          if (closing === 'br') {
            handler.open('br', {});
            handler.close('br');
          }
          return;
        }
        const at = stack.lastIndexOf(closing);
        if (at >= 0) {
          while (stack.length > at) pop();
        } else if (closing === 'p') {
          handler.open('p', {});
          handler.close('p');
        }
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
      isInForeignContext: () => foreign > 0,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  while (stack.length > 0) pop();
}

/** The page as a tree under a `#document` element. */
export function parseDom(html: string): Element {
  const root: Element = { name: '#document', attribs: {}, children: [], parent: null };
  let current = root;
  streamHtml(html, {
    open(name, attribs) {
      const element: Element = { name, attribs, children: [], parent: current };
      current.children.push(element);
      current = element;
    },
    text(text) {
      const children = current.children;
      const last = children.length - 1;
      if (last >= 0 && typeof children[last] === 'string') children[last] += text;
      else children.push(text);
    },
    close() {
      current = current.parent ?? root;
    },
  });
  return root;
}
