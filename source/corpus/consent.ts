import type { Element } from './dom.js';

/**
 * Cookie and consent overlays ("We value your privacy. We and our 914 partners store and/or
 * access information on a device…"): long prose with commas, which outscores a short story and
 * became its body or first paragraph. An element is one when its tag, role or class says it may
 * be (a dialog, a consent manager's class or id) and its text says it is (about cookies or
 * consent, in that vocabulary throughout); a story that mentions cookies is neither, and a page
 * wrapper with a `has-cookie-banner` class around the story says little of consent in most of
 * its text, so it is not either.
 */

/** Class or id of a consent manager or a cookie banner: vendors' names are written in one word. */
const CONSENT_CLASS =
  /cookie|consent|gdpr|onetrust|didomi|usercentrics|quantcast|qc-cmp|sp_message|truste|cmplz|iubenda|(?:^|[-_\s])cmp(?:$|[-_\s])|(?:^|[-_\s])cc-(?:window|banner)/i;

const DIALOG_ROLES = new Set(['dialog', 'alertdialog']);

/**
 * Elements that hold a story, not an overlay over it. Not a heading: a consent dialog has its
 * own ("We value your privacy"), and a wrapper around a story is told by how little of its text
 * speaks of consent (`MIN_SHARE`).
 */
const STORY = new Set(['article', 'main']);

/**
 * The words of consent text, each its own bit, in one pattern: the group that matched is the
 * bit. `cookie` or `consent` must be among them, and four of them in all: a story about cookie
 * rules says "cookies", "consent" and "privacy" too, but it is not in a dialog.
 */
const TERM_GROUPS = [
  'cookies?',
  'consent\\w*',
  'partners?',
  'personal (?:data|information)',
  'privacy',
  'preferences|settings|choices',
  'vendors?',
  'legitimate interests?',
  '(?:accept|agree|allow)\\w*',
  '(?:reject|refus|declin)\\w*',
  'advertising|personali[sz]ed',
  'devices?',
  'processing|opt[- ]out|tracking',
];
const TERM = new RegExp(`\\b(?:${TERM_GROUPS.map((group) => `(${group})`).join('|')})\\b`, 'gi');
const KEY_TERMS = 1 | 2;
const MIN_TERMS = 4;
/** An overlay says its piece in a few paragraphs; more text than this is a page. */
const MAX_CHARS = 12_000;
/**
 * The least share of an overlay's text in passages (text between tags) that use its words: a
 * consent notice uses them throughout, a page around a story that mentions cookies in passing
 * does not.
 */
const MIN_SHARE = 0.5;

/** The bits of the consent words in `text`. */
function termsOf(text: string): number {
  let mask = 0;
  for (const match of text.matchAll(TERM)) {
    for (let group = 1; group <= TERM_GROUPS.length; group++) {
      if (match[group] !== undefined) {
        mask |= 1 << (group - 1);
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
  /** Characters of the passages that use a consent word. */
  consentChars: number;
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
    { element: root, next: 0, tally: { chars: 0, consentChars: 0, terms: 0, story: false } },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const { element, tally } = frame;
    if (frame.next >= element.children.length) {
      stack.pop();
      if (
        !tally.story &&
        tally.chars <= MAX_CHARS &&
        tally.consentChars >= tally.chars * MIN_SHARE &&
        (tally.terms & KEY_TERMS) !== 0 &&
        bitCount(tally.terms) >= MIN_TERMS &&
        mayBeOverlay(element)
      ) {
        found.add(element);
      }
      const parent = stack[stack.length - 1]?.tally;
      if (parent) {
        parent.chars += tally.chars;
        parent.consentChars += tally.consentChars;
        parent.terms |= tally.terms;
        parent.story ||= tally.story || STORY.has(element.name);
      }
      continue;
    }
    const child = element.children[frame.next++]!;
    if (typeof child === 'string') {
      tally.chars += child.length;
      // Text beyond what an overlay holds is never matched: the element is a page by then.
      if (tally.chars <= MAX_CHARS) {
        const terms = termsOf(child);
        tally.terms |= terms;
        if (terms !== 0) tally.consentChars += child.length;
      }
      continue;
    }
    if (skip(child)) continue;
    stack.push({
      element: child,
      next: 0,
      tally: { chars: 0, consentChars: 0, terms: 0, story: false },
    });
  }
  return found;
}
