import { type Class, weightOf } from './boilerplate.js';
import type { HtmlBlocks, HtmlUnit } from './html-blocks.js';
import { isArticleHint, isFurniture, isStrongFurniture } from './html-hints.js';

/**
 * Elements that are one paragraph: their text scores their parent, as in Readability. A table
 * cell that holds text of its own is a layout column (a data table's cells are words of their
 * row), so it is scored itself.
 */
const PARAGRAPHS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'dd',
  'dt',
  'pre',
  'tr',
  'caption',
  'address',
  'summary',
]);

/** What a paragraph is worth to the elements above it: Readability's 1 + commas + length. */
function paragraphScore(cls: Class, text: string): number {
  if (cls === 'bad') return 0;
  const weight = weightOf(text);
  if (cls === 'short' && weight < 25) return 0;
  const commas = text.match(/[,，、]/g)?.length ?? 0;
  const base = 1 + commas + Math.min(Math.floor(weight / 100), 3);
  return cls === 'short' ? base / 2 : base;
}

export interface Choice {
  /** Per unit: inside the chosen content and not in furniture pruned from it. */
  keep: boolean[];
  /** The chosen element's index in `blocks.elements`. */
  element: number;
}

/** Levels above a paragraph that its score reaches: parent, grandparent, then a third per level. */
const LEVELS = 5;
/** What an element inside trusted furniture is worth, per furniture ancestor. */
const FURNITURE_DISCOUNT = 0.3;
/** `<article>`, `<main>`, `itemprop="articleBody"`, `article-body` classes. */
const ARTICLE_BONUS = 1.25;
/** Below this a sibling or a chunk is not part of the story (Readability's floor for siblings). */
const MIN_SCORE = 10;
/** How far up chunks of one story are looked for. */
const COUSIN_LEVELS = 6;

/**
 * Chosen elements whose text repeats an earlier chosen one word for word: a page that prints its
 * story twice (for print, for another layout) under class names that say nothing.
 */
function repeatedTops(units: HtmlUnit[], topOf: Int32Array): Set<number> {
  const texts = new Map<number, string[]>();
  for (const unit of units) {
    const top = topOf[unit.owner]!;
    if (top < 0) continue;
    const parts = texts.get(top);
    if (parts) parts.push(unit.text);
    else texts.set(top, [unit.text]);
  }
  const seen = new Set<string>();
  const repeated = new Set<number>();
  for (const [top, parts] of texts) {
    const text = parts.join('\n');
    if (seen.has(text)) repeated.add(top);
    else seen.add(text);
  }
  return repeated;
}

/** What every element of a page adds up to, indexed like `blocks.elements`. */
interface Tally {
  /** The element's final score: paragraph scores × share outside links × hints. */
  final: Float64Array;
  /** Whether any paragraph's score reached the element (only those are candidates). */
  scored: Uint8Array;
  /** Characters of prose (paragraphs of the `good` class) in the subtree. */
  prose: Float64Array;
  /** Paragraph units in the subtree: a wrapper of one paragraph is read as that paragraph. */
  units: Int32Array;
  furniture: Uint8Array;
  /** One past the last element of each subtree (pre-order): a subtree is a range of indices. */
  end: Int32Array;
}

/**
 * Readability's scoring: each paragraph's score goes to its parent in full, its grandparent by
 * half, a third per level above; an element's total is multiplied by the share of its text
 * outside links, by the article bonus, and by the discount of each trusted furniture ancestor.
 */
function tally(blocks: HtmlBlocks, classes: Class[]): Tally {
  const { units, elements } = blocks;
  const n = elements.length;
  const score = new Float64Array(n);
  const chars = new Float64Array(n);
  const links = new Float64Array(n);
  const prose = new Float64Array(n);
  const scored = new Uint8Array(n);
  const count = new Int32Array(n);
  units.forEach((unit, i) => {
    const owner = unit.owner;
    count[owner]!++;
    chars[owner]! += unit.text.length;
    links[owner]! += unit.linkChars;
    // Lists are mostly menus and teasers; list items count half (Readability does not count them).
    const value = paragraphScore(classes[i]!, unit.text) * (unit.listItem ? 0.5 : 1);
    if (value <= 0) return;
    if (classes[i] === 'good') prose[owner]! += weightOf(unit.text);
    const name = elements[owner]!.element.name;
    let at = PARAGRAPHS.has(name) ? elements[owner]!.parent : owner;
    for (let level = 0; level < LEVELS && at >= 0; level++) {
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      score[at]! += value / divider;
      scored[at] = 1;
      at = elements[at]!.parent;
    }
  });
  const end = new Int32Array(n);
  for (let i = 0; i < n; i++) end[i] = i + 1;
  for (let i = n - 1; i > 0; i--) {
    const parent = elements[i]!.parent;
    if (end[i]! > end[parent]!) end[parent] = end[i]!;
    chars[parent]! += chars[i]!;
    links[parent]! += links[i]!;
    prose[parent]! += prose[i]!;
    count[parent]! += count[i]!;
  }
  const furniture = new Uint8Array(n);
  const factor = new Float64Array(n);
  const final = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const { element, parent } = elements[i]!;
    const { name, attribs } = element;
    furniture[i] = isFurniture(name, attribs) ? 1 : 0;
    // A furniture hint is trusted on an element holding less than half the page's prose; on
    // one holding more it describes the layout. Comments are furniture however long they run.
    const trusted =
      furniture[i] && (isStrongFurniture(name, attribs) || prose[i]! < prose[0]! * 0.5);
    factor[i] = (parent < 0 ? 1 : factor[parent]!) * (trusted ? FURNITURE_DISCOUNT : 1);
    if (!scored[i]) continue;
    const linkDensity = chars[i]! > 0 ? links[i]! / chars[i]! : 0;
    const bonus = isArticleHint(name, attribs) ? ARTICLE_BONUS : 1;
    final[i] = score[i]! * (1 - linkDensity) * factor[i]! * bonus;
  }
  return { final, scored, prose, units: count, furniture, end };
}

/** The best element, or its parent when that scores higher still (a story split in parts). */
function winner(blocks: HtmlBlocks, { final, scored }: Tally): number {
  let best = 0;
  for (let i = 1; i < final.length; i++) if (final[i]! > final[best]!) best = i;
  const threshold = final[best]! / 3;
  let last = final[best]!;
  for (let at = blocks.elements[best]!.parent; at > 0; at = blocks.elements[at]!.parent) {
    if (!scored[at]) continue;
    if (final[at]! < threshold) break;
    if (final[at]! > last) return at;
    last = final[at]!;
  }
  return best;
}

/** The parts of the story besides the winner: elements taken whole, and loose paragraphs. */
interface Parts {
  chosen: Uint8Array;
  /** Siblings that are a paragraph each: kept when they read as prose. */
  loose: Uint8Array;
}

/**
 * The element owning the one paragraph a sibling holds (itself for a `<p>`, the `<p>` inside a
 * `<div><p>…</p></div>`, a `<div>` of bare text), or -1 when it holds more than one or furniture
 * lies on the way down (a caption's wrapper). Content systems wrap each paragraph of a story's
 * opening in a block of its own (a lede in `div.summary`, paragraphs before a "read more" gate):
 * each scores far under the winner, and Readability reads such a wrapper as a paragraph.
 */
function singleParagraph({ units, furniture, end }: Tally, at: number): number {
  if (units[at] !== 1) return -1;
  let owner = at;
  for (;;) {
    if (furniture[owner]) return -1;
    let inner = -1;
    for (let i = owner + 1; i < end[owner]!; i = end[i]!) {
      if (units[i] === 1) inner = i;
    }
    if (inner < 0) return owner;
    owner = inner;
  }
}

/**
 * A wrapper above the winner that may hold an opening paragraph of the story: not one whose
 * microdata names another property of the page than its body (`itemprop="description"`, the
 * summary the page's metadata also gives).
 */
function isOpening(attribs: Record<string, string>): boolean {
  return attribs.itemprop === undefined || attribs.itemprop === 'articleBody';
}

/**
 * The text of the paragraph each element owns, and how often each text stands on the page: a
 * standfirst repeated from the headline's block is the page's summary, not the story's opening.
 */
function pageTexts({ units }: HtmlBlocks): {
  textOf: Map<number, string>;
  times: Map<string, number>;
} {
  const textOf = new Map<number, string>();
  const times = new Map<string, number>();
  for (const unit of units) {
    times.set(unit.text, (times.get(unit.text) ?? 0) + 1);
    textOf.set(unit.owner, unit.text);
  }
  return { textOf, times };
}

/** Longer than a dek's one line: a paragraph (the length of `isProse`'s long branch). */
const OPENING_LENGTH = 80;

/**
 * The wrapped paragraphs above the winner that open the story: none unless one of them runs
 * longer than a line (a lone short line there is an article's dek), and none printed twice.
 */
function openingParagraphs(blocks: HtmlBlocks, owners: number[]): number[] {
  if (owners.length === 0) return owners;
  const { textOf, times } = pageTexts(blocks);
  const kept = owners.filter((owner) => (times.get(textOf.get(owner) ?? '') ?? 0) === 1);
  return kept.some((owner) => (textOf.get(owner)?.length ?? 0) > OPENING_LENGTH) ? kept : [];
}

/**
 * Whether an element's class is the winner's, or the winner's with modifiers added (BEM's
 * `block-text block-text_initial-letter` for a story's first chunk with a drop cap).
 */
function sameKind(className: string | undefined, bestWords: string[]): boolean {
  if (bestWords.length === 0 || className === undefined) return false;
  const words = className.split(/\s+/);
  return bestWords.every((word) => words.includes(word));
}

/**
 * The story is often split among siblings (a lead, an inline ad, the rest): siblings that score
 * a fifth of the winner or share its class come along (with its tag and some prose, whatever
 * their score: a live blog's short entries), as do loose paragraphs of prose beside it, bare or
 * each in a wrapper of its own. Content systems that cut it into chunks give every chunk the
 * same tag and class (the first one a modifier more), and the chunks need not be siblings (each
 * sits in its own grid row): they are looked for among the cousins, under the winner's ancestor
 * a few levels up.
 */
function parts(blocks: HtmlBlocks, tally: Tally, best: number): Parts {
  const { final, scored, prose, end } = tally;
  const { elements } = blocks;
  const chosen = new Uint8Array(elements.length);
  const loose = new Uint8Array(elements.length);
  chosen[best] = 1;
  const parent = elements[best]!.parent;
  const bestElement = elements[best]!.element;
  const bestWords = bestElement.attribs.class?.trim().split(/\s+/).filter(Boolean) ?? [];
  const wrapped: number[] = [];
  if (parent >= 0) {
    const threshold = Math.max(MIN_SCORE, final[best]! * 0.2);
    for (let i = parent + 1; i < end[parent]!; i = end[i]!) {
      if (i === best) continue;
      const { name, attribs } = elements[i]!.element;
      const sameClass = sameKind(attribs.class, bestWords);
      const bonus = sameClass ? final[best]! * 0.2 : 0;
      // A sibling of the winner's tag and class holding prose is another post of the same
      // stream however short (a live blog's entries, a Q&A's answers): the floor is for others.
      const samePart = sameClass && name === bestElement.name && prose[i]! > 0;
      if (scored[i] && (final[i]! + bonus >= threshold || samePart)) chosen[i] = 1;
      else if (PARAGRAPHS.has(name)) loose[i] = 1;
      // A wrapped paragraph counts above the winner only: the story's opening stands there, a
      // page's calls to join its forums and follow it below.
      else if (i < best && isOpening(attribs)) {
        const owner = singleParagraph(tally, i);
        if (owner >= 0) wrapped.push(owner);
      }
    }
  }
  for (const owner of openingParagraphs(blocks, wrapped)) loose[owner] = 1;
  if (bestWords.length === 0) return { chosen, loose };
  let top = best;
  for (let k = 0; k < COUSIN_LEVELS && elements[top]!.parent > 0; k++) top = elements[top]!.parent;
  for (let i = top + 1; i < end[top]!; i++) {
    if (i === best) {
      i = end[best]! - 1;
      continue;
    }
    const { name, attribs } = elements[i]!.element;
    if (name !== bestElement.name || !sameKind(attribs.class, bestWords)) continue;
    if (final[i]! >= MIN_SCORE) chosen[i] = 1;
  }
  return { chosen, loose };
}

/** A loose paragraph worth keeping: long with few links, or a short sentence without any. */
function isProse(text: string, linkChars: number): boolean {
  const density = linkChars / text.length;
  if (text.length > 80) return density < 0.25;
  return density === 0 && /\.(?: |$)/.test(text);
}

/**
 * Which part of a page is the article. Every element is a candidate; its score adds up what its
 * paragraphs look like, less the further they are nested below it, times the share of its text
 * that is not link text; class, id, tag and role hints weigh in. A hint never removes an element
 * by itself: furniture words on an element holding most of the page's prose
 * (`<body class="one-sidebar">`, a `div.l-sidebar-fixed` around the story) describe the layout.
 */
export function chooseContent(blocks: HtmlBlocks, classes: Class[]): Choice {
  const { units, elements } = blocks;
  const n = elements.length;
  const counts = tally(blocks, classes);
  const { prose, furniture, end } = counts;
  const best = winner(blocks, counts);
  const { chosen, loose } = parts(blocks, counts, best);
  // Inside what is chosen, furniture goes unless it holds most of the chosen prose (then it is
  // the article under a misleading name).
  const pruned = new Uint8Array(n);
  /** The chosen element each element lies in (itself for a chosen one), or -1. */
  const topOf = new Int32Array(n).fill(-1);
  for (let top = 0; top < n; top++) {
    // A chunk inside a chosen sibling is walked with it, not again (each element once).
    if (!chosen[top] || topOf[top]! >= 0) continue;
    topOf[top] = top;
    for (let i = top + 1; i < end[top]!; i++) {
      topOf[i] = top;
      if (pruned[elements[i]!.parent] || (furniture[i] && prose[i]! < prose[top]! * 0.5)) {
        pruned[i] = 1;
      }
    }
  }
  const repeated = repeatedTops(units, topOf);
  const parent = elements[best]!.parent;
  const keep = units.map((unit) => {
    const owner = unit.owner;
    const top = topOf[owner]!;
    if (top >= 0) return !pruned[owner] && !repeated.has(top);
    // Loose prose: a `<p>` beside the winner, or text right in their parent.
    if (loose[owner] || owner === parent) return isProse(unit.text, unit.linkChars);
    return false;
  });
  return { keep, element: best };
}
