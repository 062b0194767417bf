import { consentOverlays } from './consent.js';
import type { Element } from './dom.js';
import { BLOCKS, elementText } from './html-elements.js';
import { inlineCards } from './inline-cards.js';
import { tidy, type Unit } from './units.js';

/**
 * The body of a page as paragraph units, each knowing the element it came from, and the
 * elements as a table (document order) that scoring can add up from the leaves to the root.
 */

/** Elements whose content is never article text, wherever they stand. */
const NEVER_TEXT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'button',
  'select',
  'option',
  'input',
  'textarea',
  'label',
  'iframe',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'picture',
  'object',
  'embed',
  'map',
  // Captions are not the story (the benchmark's annotators and reviewers agree).
  'figure',
  'figcaption',
]);

const HAS_WORD = /[\p{L}\p{N}]/u;

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** A unit of an HTML page: which element holds it (an index into `elements`). */
export interface HtmlUnit extends Unit {
  owner: number;
  /**
   * The unit is all the text of a `<time datetime>` element (`16:45`): a live blog's entry time,
   * kept where a bare time is otherwise boilerplate (`html.ts`, `liveBlogLines`).
   */
  time?: true;
  /**
   * The unit begins right after an image, nothing worded between them, and reads as its caption:
   * it lies in an element whose class or id names a caption or credit, or most of its words are
   * the image's alternative text or file name (AppleInsider's `<span>` under each photo repeating
   * its `alt`). Captions are not the story, in a `<figcaption>` or not.
   */
  caption?: true;
}

export interface ElementEntry {
  element: Element;
  /** Index of the parent entry; -1 for the root. */
  parent: number;
  /** Nesting depth from the root. */
  depth: number;
}

export interface HtmlBlocks {
  units: HtmlUnit[];
  /** In document (pre-)order: a parent always comes before its children. */
  elements: ElementEntry[];
}

/**
 * Hidden from every reader. `aria-hidden` is not: it hides decoration from screen readers, and a
 * page saved with a dialog open carries it on the wrapper of the whole story.
 */
function isHidden(attribs: Record<string, string>): boolean {
  if ('hidden' in attribs) return true;
  const style = attribs.style;
  return style !== undefined && HIDDEN_STYLE.test(style);
}

/** Cells of a data table are words of their row; a cell holding paragraphs is a layout block. */
const CELLS = new Set(['td', 'th']);

/** More text than a data cell holds: a column of an old page laid out with a table. */
const LAYOUT_CELL_TEXT = 200;

/**
 * The cells of layout tables, found in one walk: a cell is one when an element inside it is a
 * block (a line break included) or its text runs long. Only the innermost open cell is marked:
 * an outer layout cell is marked by its own inner table.
 */
function layoutCells(root: Element): Set<Element> {
  const cells = new Set<Element>();
  const open: Array<{ cell: Element; text: number }> = [];
  const stack: Array<{ element: Element; next: number }> = [{ element: root, next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const children = frame.element.children;
    if (frame.next >= children.length) {
      stack.pop();
      if (CELLS.has(frame.element.name)) open.pop();
      continue;
    }
    const child = children[frame.next++]!;
    const inner = open[open.length - 1];
    if (typeof child === 'string') {
      if (!inner) continue;
      inner.text += child.length;
      if (inner.text > LAYOUT_CELL_TEXT) cells.add(inner.cell);
      continue;
    }
    if (NEVER_TEXT.has(child.name)) continue;
    if (inner && BLOCKS.has(child.name) && !CELLS.has(child.name) && child.name !== 'tr') {
      cells.add(inner.cell);
    }
    if (CELLS.has(child.name)) open.push({ cell: child, text: 0 });
    stack.push({ element: child, next: 0 });
  }
  return cells;
}

/** Class or id words of a caption or a photo credit, inline as well as block. */
const CAPTION_CLASS = /(?:^|[-_\s])(?:captions?|credits?|wp-caption-text)(?:$|[-_\s])/i;

/** Longer than a caption runs: a paragraph of the story after its photo. */
const CAPTION_LENGTH = 250;
/** The share of a caption's words that repeat its image's alternative text or file name. */
const CAPTION_SHARE = 0.6;
const WORD = /[\p{L}\p{N}]+/gu;

/** The words an image says itself: its `alt` and the names of its files (`jewels-after-jewels-05.jpg`). */
function imageWords(attribs: Record<string, string>): Set<string> {
  const files = [attribs.src, attribs['data-src'], attribs['data-original']]
    .map(
      (src) =>
        src
          ?.split(/[?#]/)[0]
          ?.split('/')
          .pop()
          ?.replace(/\.\w+$/, '') ?? '',
    )
    .join(' ');
  return new Set(`${attribs.alt ?? ''} ${files}`.toLowerCase().match(WORD) ?? []);
}

/** Whether a unit right after an image is its caption (see `HtmlUnit.caption`). */
function isCaption(text: string, captionChars: number, image: Set<string>): boolean {
  if (text.length > CAPTION_LENGTH) return false;
  if (captionChars >= text.replace(/\s/g, '').length * 0.9) return true;
  const words = text.toLowerCase().match(WORD) ?? [];
  if (words.length < 3) return false;
  return words.filter((word) => image.has(word)).length >= words.length * CAPTION_SHARE;
}

interface Frame {
  element: Element;
  next: number;
  id: number;
}

/** Walks the tree (without recursion: the depth is bounded, but a stack frame per level is not free). */
export function blocksOf(root: Element, withHidden = false, withCaptions = false): HtmlBlocks {
  const never = (element: Element) =>
    NEVER_TEXT.has(element.name) &&
    !(withCaptions && (element.name === 'figure' || element.name === 'figcaption'));
  /** Depth inside `<figcaption>`s read as text (`withCaptions`): their units are captions. */
  let figcaptionDepth = 0;
  const units: HtmlUnit[] = [];
  const elements: ElementEntry[] = [{ element: root, parent: -1, depth: 0 }];
  /** Innermost open block element: the owner of the text being gathered. */
  const owners: number[] = [0];
  let buffer = '';
  let linkChars = 0;
  let anchorDepth = 0;
  let heading = 0;
  let listDepth = 0;
  let preDepth = 0;
  /** Where the open `<time datetime>` began in `buffer`; the text of those closed since the flush. */
  let timeStart = -1;
  let timeText = '';
  let block = 0;
  /** The words of an image that stands before any worded text of the unit being gathered. */
  let image: Set<string> | null = null;
  /** Depth inside elements whose class names a caption, and the characters gathered there. */
  let captionDepth = 0;
  let captionChars = 0;

  const flush = () => {
    // Most block boundaries have nothing gathered since the last (`<div><div><p>`).
    if (buffer === '') return;
    const owner = owners[owners.length - 1]!;
    const pieces = preDepth > 0 ? buffer.split('\n') : [buffer];
    const time = timeText !== '' && pieces.length === 1 && tidy(timeText) === tidy(buffer);
    const after = image;
    for (const piece of pieces) {
      const text = tidy(piece);
      if (text === '') continue;
      // A heading under a photo opens a section of the story.
      const caption =
        after !== null &&
        heading === 0 &&
        pieces.length === 1 &&
        isCaption(text, captionChars, after);
      image = null;
      units.push({
        text,
        block,
        linkChars: Math.min(linkChars, text.length),
        heading,
        listItem: listDepth > 0,
        owner,
        ...(time ? { time: true as const } : {}),
        ...(caption || figcaptionDepth > 0 ? { caption: true as const } : {}),
      });
      if (listDepth === 0) block++;
    }
    buffer = '';
    linkChars = 0;
    captionChars = 0;
    timeText = '';
    if (timeStart >= 0) timeStart = 0;
  };

  const layout = layoutCells(root);
  const overlays = consentOverlays(root, never);
  const isBlock = (element: Element) =>
    BLOCKS.has(element.name) && (!CELLS.has(element.name) || layout.has(element));
  const cards = inlineCards(
    root,
    (element) => never(element) || (!withHidden && isHidden(element.attribs)),
    isBlock,
  );

  const enter = (element: Element, id: number) => {
    const name = element.name;
    if (
      captionDepth > 0 ||
      CAPTION_CLASS.test(`${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`)
    ) {
      captionDepth++;
    }
    if (CELLS.has(name) && !layout.has(element)) buffer += ' ';
    if (isBlock(element) || name === 'figcaption') {
      flush();
      owners.push(id);
    }
    if (name === 'figcaption') figcaptionDepth++;
    if (name.length === 2 && name[0] === 'h' && name[1]! >= '1' && name[1]! <= '6') {
      heading = Number(name[1]);
    }
    if (name === 'ul' || name === 'ol') listDepth++;
    else if (name === 'pre') preDepth++;
    else if (name === 'a') anchorDepth++;
    else if (name === 'img' && !HAS_WORD.test(buffer)) image = imageWords(element.attribs);
    else if (name === 'time' && element.attribs.datetime && timeStart < 0)
      timeStart = buffer.length;
  };
  const leave = (element: Element) => {
    const name = element.name;
    if (captionDepth > 0) captionDepth--;
    if (isBlock(element) || name === 'figcaption') {
      flush();
      owners.pop();
    }
    if (name === 'figcaption') figcaptionDepth--;
    if (name.length === 2 && name[0] === 'h' && name[1]! >= '1' && name[1]! <= '6') heading = 0;
    if (name === 'ul' || name === 'ol') {
      listDepth--;
      if (listDepth === 0) block++;
    } else if (name === 'pre') preDepth--;
    else if (name === 'a') anchorDepth--;
    else if (name === 'time' && timeStart >= 0 && element.attribs.datetime) {
      timeText += buffer.slice(timeStart);
      timeStart = -1;
    }
  };

  const stack: Frame[] = [{ element: root, next: 0, id: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const children = frame.element.children;
    if (frame.next >= children.length) {
      stack.pop();
      if (stack.length > 0) leave(frame.element);
      continue;
    }
    const child = children[frame.next++]!;
    if (typeof child === 'string') {
      const piece = preDepth > 0 ? child : child.replace(/\s+/g, ' ');
      buffer += piece;
      if (anchorDepth > 0) linkChars += piece.trim().length;
      if (captionDepth > 0) captionChars += piece.replace(/\s/g, '').length;
      continue;
    }
    if (never(child) || (!withHidden && isHidden(child.attribs))) continue;
    if (overlays.has(child) || cards.has(child)) continue;
    const id = elements.length;
    elements.push({ element: child, parent: frame.id, depth: stack.length });
    enter(child, id);
    stack.push({ element: child, next: 0, id });
  }
  flush();
  return { units, elements };
}

/** Words of a `<figcaption>` that says something (not a credit alone). */
const CAPTION_WORDS = 4;

/**
 * How many `<figcaption>`s of the page say something, and their words together: a gallery's
 * captions are its story.
 */
export function figcaptionWords(root: Element): { captions: number; words: number } {
  let captions = 0;
  let words = 0;
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    for (const child of element.children) {
      if (typeof child === 'string') continue;
      if (child.name === 'figcaption') {
        const count = (elementText(child).match(/[\p{L}\p{N}]+/gu) ?? []).length;
        if (count >= CAPTION_WORDS) {
          captions++;
          words += count;
        }
      } else if (!NEVER_TEXT.has(child.name) || child.name === 'figure') stack.push(child);
    }
  }
  return { captions, words };
}
