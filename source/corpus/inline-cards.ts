import type { Element } from './dom.js';

/**
 * Pop-up cards inside a paragraph: a person's name in a sentence carrying a hover card (a photo,
 * the name again, links to stories about them), hidden by the site's style sheet, not by the
 * markup. Read as text, the card splices its links into the sentence ("Rep. Ilhan OmarIlhan
 * OmarHillicon Valley: …") and can make a lede mostly link text, so that it goes as a list of
 * links. A card is an inline element of a paragraph (a `<span>`, never the link itself) holding
 * an image or a block (things no sentence holds) and nothing but links for text, two of them at
 * least, while the
 * paragraph has words outside it; of such elements nested in one another, the innermost is the
 * card, so the name the sentence needs, a link beside the card, stays. A tooltip (`role="tooltip"`)
 * inside a paragraph is one too.
 */

/** Things a sentence does not hold: images and media, and blocks (a line break aside). */
const MEDIA = new Set(['img', 'picture', 'svg', 'video', 'audio', 'canvas', 'iframe']);

interface Frame {
  element: Element;
  next: number;
  /** Characters of text (trimmed pieces), of it in links, and whether media, a block or a card is inside. */
  text: number;
  linkText: number;
  /** Links inside it. */
  links: number;
  media: boolean;
  card: boolean;
}

/**
 * The cards of the page's paragraphs. `skipped` are elements whose content is never text (and
 * is not walked); `isBlock` tells the elements that end a paragraph.
 */
export function inlineCards(
  root: Element,
  skipped: (element: Element) => boolean,
  isBlock: (element: Element) => boolean,
): Set<Element> {
  const cards = new Set<Element>();
  /** Cards found inside the open paragraph, with their text, judged when it closes. */
  let pending: Array<{ element: Element; text: number }> = [];
  let paragraphs = 0;
  let anchors = 0;
  const stack: Frame[] = [
    { element: root, next: 0, text: 0, linkText: 0, links: 0, media: false, card: false },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const children = frame.element.children;
    if (frame.next < children.length) {
      const child = children[frame.next++]!;
      if (typeof child === 'string') {
        if (paragraphs === 0) continue;
        const length = child.trim().length;
        frame.text += length;
        if (anchors > 0) frame.linkText += length;
        continue;
      }
      if (MEDIA.has(child.name)) frame.media = true;
      if (skipped(child)) continue;
      if (child.name === 'p') paragraphs++;
      else if (child.name === 'a') anchors++;
      stack.push({
        element: child,
        next: 0,
        text: 0,
        linkText: 0,
        links: 0,
        media: false,
        card: false,
      });
      continue;
    }
    stack.pop();
    const parent = stack[stack.length - 1];
    const element = frame.element;
    if (element.name === 'p') {
      paragraphs--;
      for (const card of pending) if (card.text < frame.text) cards.add(card.element);
      pending = [];
    } else if (element.name === 'a') anchors--;
    const block = isBlock(element);
    if (paragraphs > 0 && !block && element.name !== 'a' && !frame.card) {
      const tooltip = element.attribs.role === 'tooltip';
      // Two links at least: a name linked with its avatar beside it is still the sentence's name.
      const linksOnly = frame.links > 1 && frame.text > 0 && frame.linkText >= frame.text;
      if (tooltip || (frame.media && linksOnly)) {
        pending.push({ element, text: frame.text });
        frame.card = true;
      }
    }
    if (!parent) break;
    parent.text += frame.text;
    parent.linkText += frame.linkText;
    parent.links += frame.links + (element.name === 'a' ? 1 : 0);
    // A block inside an inline element is as foreign to a sentence as an image is.
    parent.media ||= frame.media || (block && element.name !== 'br');
    parent.card ||= frame.card;
  }
  return cards;
}
