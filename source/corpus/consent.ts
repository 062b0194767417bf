import type { Element } from './dom.js';

/**
 * Cookie and consent overlays ("We value your privacy. We and our 914 partners store and/or
 * access information on a device…"): long prose with commas, which outscores a short story and
 * became its body or first paragraph. An element is one when its tag, role or class says it may
 * be (a dialog, a consent manager's class or id) and its text says it is (about cookies or
 * consent, in that vocabulary throughout); a story that mentions cookies is neither, and a page
 * wrapper with a `has-cookie-banner` class holds the story's headline, so it is not either.
 */

/** Class or id of a consent manager or a cookie banner: vendors' names are written in one word. */
const CONSENT_CLASS =
  /cookie|consent|gdpr|onetrust|didomi|usercentrics|quantcast|qc-cmp|sp_message|truste|cmplz|iubenda|(?:^|[-_\s])cmp(?:$|[-_\s])|(?:^|[-_\s])cc-(?:window|banner)/i;

const DIALOG_ROLES = new Set(['dialog', 'alertdialog']);

/** Elements that hold a story, not an overlay over it. */
const STORY = new Set(['article', 'main', 'h1']);

/**
 * The words of consent text, each a bit. `cookie` or `consent` must be among them, and four of
 * them in all: a story about cookie rules says "cookies", "consent" and "privacy" too, but it
 * is not in a dialog.
 */
const TERMS: Array<[RegExp, number]> = [
  [/^cookies?$/, 1],
  [/^consent/, 2],
  [/^partners?$/, 4],
  [/^personal (?:data|information)$/, 8],
  [/^privacy$/, 16],
  [/^(?:preferences|settings|choices)$/, 32],
  [/^vendors?$/, 64],
  [/^legitimate interests?$/, 128],
  [/^(?:accept|agree|allow)/, 256],
  [/^(?:reject|refuse|decline)/, 512],
  [/^(?:advertising|personali[sz]ed)$/, 1024],
  [/^devices?$/, 2048],
  [/^(?:processing|opt[- ]out|tracking)$/, 4096],
];
const TERM =
  /\b(?:cookies?|consent\w*|partners?|personal (?:data|information)|privacy|preferences|settings|choices|vendors?|legitimate interests?|accept\w*|agree\w*|allow\w*|reject\w*|refus\w*|declin\w*|advertising|personali[sz]ed|devices?|processing|opt[- ]out|tracking)\b/gi;
const KEY_TERMS = 1 | 2;
const MIN_TERMS = 4;
/** An overlay says its piece in a few paragraphs; more text than this is a page. */
const MAX_CHARS = 12_000;

function termsOf(text: string): number {
  let mask = 0;
  for (const match of text.matchAll(TERM)) {
    const word = match[0].toLowerCase();
    for (const [pattern, bit] of TERMS) {
      if (pattern.test(word)) {
        mask |= bit;
        break;
      }
    }
  }
  return mask;
}

function bitCount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}

function mayBeOverlay(element: Element): boolean {
  const { attribs } = element;
  if (element.name === 'dialog') return true;
  if (attribs.role && DIALOG_ROLES.has(attribs.role)) return true;
  if (attribs['aria-modal'] === 'true') return true;
  const words = `${attribs.class ?? ''} ${attribs.id ?? ''}`;
  return words.length > 1 && CONSENT_CLASS.test(words);
}

interface Tally {
  chars: number;
  terms: number;
  story: boolean;
}

/**
 * The consent overlays of a page, found in one walk from the leaves up (each text is matched
 * once, whatever the nesting). `skip`: elements never holding text (scripts, styles).
 */
export function consentOverlays(root: Element, skip: (element: Element) => boolean): Set<Element> {
  const found = new Set<Element>();
  const stack: Array<{ element: Element; next: number; tally: Tally }> = [
    { element: root, next: 0, tally: { chars: 0, terms: 0, story: false } },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const { element, tally } = frame;
    if (frame.next >= element.children.length) {
      stack.pop();
      if (
        !tally.story &&
        tally.chars <= MAX_CHARS &&
        (tally.terms & KEY_TERMS) !== 0 &&
        bitCount(tally.terms) >= MIN_TERMS &&
        mayBeOverlay(element)
      ) {
        found.add(element);
      }
      const parent = stack[stack.length - 1]?.tally;
      if (parent) {
        parent.chars += tally.chars;
        parent.terms |= tally.terms;
        parent.story ||= tally.story || STORY.has(element.name);
      }
      continue;
    }
    const child = element.children[frame.next++]!;
    if (typeof child === 'string') {
      tally.chars += child.length;
      // Text beyond what an overlay holds is never matched: the element is a page by then.
      if (tally.chars <= MAX_CHARS) tally.terms |= termsOf(child);
      continue;
    }
    if (skip(child)) continue;
    stack.push({ element: child, next: 0, tally: { chars: 0, terms: 0, story: false } });
  }
  return found;
}
