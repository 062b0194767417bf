import type { Article } from '../../corpus/types.js';
import { headerLines, type Line, sentenceLines } from './wrap.js';

/**
 * A line of the reader named by what it belongs to, not by its number in the whole article:
 * `item` -1 is the title and metadata, 0 … n-1 a sentence (with the blank line before it when it
 * opens a paragraph), n the orphan list under the text; `line` counts within the item. A key
 * then costs the lines it walks over, never the sentences before it (a 67,075-sentence article
 * took seconds to wrap whole, for a line number).
 */
export interface ReaderSpot {
  readonly item: number;
  readonly line: number;
}

/** The reader's first line, whatever the article. */
export const READER_START: ReaderSpot = Object.freeze({ item: -1, line: 0 });

/** Order of two spots of one geometry, both canonical (each inside an item with lines). */
export function compareSpots(a: ReaderSpot, b: ReaderSpot): number {
  return a.item - b.item || a.line - b.line;
}

/** An article's lines at one width: the title and metadata at once, each sentence when asked. */
class WrappedText {
  readonly header: Line[];
  readonly #sentences = new Map<number, Line[]>();

  constructor(
    readonly article: Article,
    readonly width: number,
  ) {
    this.header = headerLines(article, width);
  }

  sentence(index: number): Line[] {
    const known = this.#sentences.get(index);
    if (known) return known;
    const sentences = this.article.sentences;
    const sentence = sentences[index]!;
    const lines: Line[] = [];
    // Every paragraph starts after a blank line, the first one too (under the metadata).
    const previous = index === 0 ? -1 : sentences[index - 1]!.paragraph;
    if (sentence.paragraph !== previous)
      lines.push({ kind: 'blank', text: '', sentence: -1, first: false });
    sentenceLines(sentence.text, this.width).forEach((text, part) => {
      lines.push({ kind: 'text', text, sentence: index, first: part === 0 });
    });
    this.#sentences.set(index, lines);
    return lines;
  }
}

const texts = new WeakMap<Article, Map<number, WrappedText>>();

function wrappedText(article: Article, width: number): WrappedText {
  let byWidth = texts.get(article);
  if (!byWidth) {
    byWidth = new Map();
    texts.set(article, byWidth);
  }
  let text = byWidth.get(width);
  if (!text) {
    text = new WrappedText(article, width);
    byWidth.set(width, text);
  }
  return text;
}

/**
 * The reader's lines of one article at one width, with the orphan list under them (the same
 * lines `wrapArticle` and `orphanLines` give, in the same order), wrapped a sentence at a time as
 * the window reaches them. Sentences wrapped once stay wrapped for the article and width.
 */
export class ReaderGeometry {
  readonly #text: WrappedText;
  readonly #orphans: readonly Line[];
  /** Sentences in the article. */
  readonly sentences: number;

  constructor(article: Article, width: number, orphans: readonly Line[] = []) {
    this.#text = wrappedText(article, width);
    this.#orphans = orphans;
    this.sentences = article.sentences.length;
  }

  /** The lines of one item (see `ReaderSpot`). */
  lines(item: number): readonly Line[] {
    if (item < 0) return this.#text.header;
    if (item >= this.sentences) return this.#orphans;
    return this.#text.sentence(item);
  }

  /** The first line, or `READER_START` when there is none. */
  start(): ReaderSpot {
    for (let item = -1; item <= this.sentences; item += 1) {
      if (this.lines(item).length > 0) return item === -1 ? READER_START : { item, line: 0 };
    }
    return READER_START;
  }

  /** The last line, or `READER_START` when there is none. */
  end(): ReaderSpot {
    for (let item = this.sentences; item >= -1; item -= 1) {
      const count = this.lines(item).length;
      if (count > 0) return { item, line: count - 1 };
    }
    return READER_START;
  }

  /** The sentence's first line of text (after the paragraph's blank line). */
  firstOf(sentence: number): ReaderSpot {
    const lines = this.lines(sentence);
    return { item: sentence, line: lines[0]?.kind === 'blank' ? 1 : 0 };
  }

  lastOf(sentence: number): ReaderSpot {
    return { item: sentence, line: this.lines(sentence).length - 1 };
  }

  /**
   * The same line inside this geometry: a line past its item's end carries on into the next
   * items (a spot kept from another width, or from before the orphans changed); past the end it
   * is the last line.
   */
  canonical(spot: ReaderSpot): ReaderSpot {
    if (spot.item < -1 || spot.line < 0) return this.start();
    if (spot.item > this.sentences) return this.end();
    let { item, line } = spot;
    while (line >= this.lines(item).length) {
      line -= this.lines(item).length;
      item += 1;
      if (item > this.sentences) return this.end();
    }
    return item === spot.item && line === spot.line ? spot : { item, line };
  }

  /** The spot `delta` lines on (back when negative), stopping at either end; `moved` ≤ |delta|. */
  advance(from: ReaderSpot, delta: number): { spot: ReaderSpot; moved: number } {
    let { item, line } = this.canonical(from);
    if (this.lines(item).length === 0) return { spot: READER_START, moved: 0 };
    const wanted = Math.abs(delta);
    let moved = 0;
    if (delta > 0) {
      while (moved < wanted) {
        const room = this.lines(item).length - 1 - line;
        if (wanted - moved <= room) {
          line += wanted - moved;
          moved = wanted;
          break;
        }
        moved += room;
        line += room;
        let next = item + 1;
        while (next <= this.sentences && this.lines(next).length === 0) next += 1;
        if (next > this.sentences) break;
        item = next;
        line = 0;
        moved += 1;
      }
    } else {
      while (moved < wanted) {
        if (wanted - moved <= line) {
          line -= wanted - moved;
          moved = wanted;
          break;
        }
        moved += line;
        line = 0;
        let previous = item - 1;
        while (previous >= -1 && this.lines(previous).length === 0) previous -= 1;
        if (previous < -1) break;
        item = previous;
        line = this.lines(previous).length - 1;
        moved += 1;
      }
    }
    return { spot: item === -1 && line === 0 ? READER_START : { item, line }, moved };
  }

  /** Up to `height` lines from `top` on. */
  window(top: ReaderSpot, height: number): Array<{ spot: ReaderSpot; line: Line }> {
    const shown: Array<{ spot: ReaderSpot; line: Line }> = [];
    let { item, line } = this.canonical(top);
    while (shown.length < height && item <= this.sentences) {
      const lines = this.lines(item);
      if (line < lines.length) {
        shown.push({ spot: { item, line }, line: lines[line]! });
        line += 1;
      } else {
        item += 1;
        line = 0;
      }
    }
    return shown;
  }

  /**
   * What the reader keeps in view for the sentence under the cursor: its lines, with the title
   * and metadata above the first sentence and what follows the text (the orphan list) below the
   * last, so that they come into view there too.
   */
  targetOf(sentence: number): { first: ReaderSpot; last: ReaderSpot } {
    return {
      first: sentence === 0 ? this.start() : this.firstOf(sentence),
      last: sentence === this.sentences - 1 ? this.end() : this.lastOf(sentence),
    };
  }

  /** Lines from `from` on to `to` (both canonical, `to` not before `from`), counted up to `limit`. */
  #distance(from: ReaderSpot, to: ReaderSpot, limit: number): number {
    if (from.item === to.item) return to.line - from.line;
    let count = this.lines(from.item).length - from.line;
    for (let item = from.item + 1; item < to.item && count <= limit; item += 1)
      count += this.lines(item).length;
    return count + to.line;
  }

  /**
   * The first lines a window of `height` may have over the lines `first` … `last`: `above` shows
   * `context` lines over `first`, `below` as many under `last`. A target that fits the window
   * is seen whole from any first line from `below` to `above`, with less context when there is
   * no room for it; a `tall` one (more lines than the window) is read a window at a time, from
   * `above` (its beginning) down to `below` (its end).
   */
  bounds(
    first: ReaderSpot,
    last: ReaderSpot,
    height: number,
    context: number,
  ): { tall: boolean; above: ReaderSpot; below: ReaderSpot } {
    const from = this.canonical(first);
    const to = this.canonical(last);
    const lines = this.#distance(from, to, height) + 1;
    const tall = lines > height;
    const room = tall ? height - 1 : height - lines;
    const margin = Math.min(context, Math.floor(room / 2));
    return {
      tall,
      above: this.advance(from, -margin).spot,
      below: this.advance(to, margin - height + 1).spot,
    };
  }

  /**
   * `followTop` on spots: the first visible line after a move, unchanged (the same object) while
   * the lines `first` … `last` stay inside the window with `context` lines around them, otherwise
   * the smallest scroll that brings them back. A target taller than the window keeps a window
   * that shows part of it (one scrolled into it a page at a time; past its last page, that page)
   * and otherwise shows its beginning. It walks about a window's lines, whatever the distance
   * between the old window and the new.
   */
  follow(
    top: ReaderSpot,
    first: ReaderSpot,
    last: ReaderSpot,
    height: number,
    context: number,
  ): ReaderSpot {
    const { tall, above, below } = this.bounds(first, last, height, context);
    let next = this.canonical(top);
    if (tall) {
      // A window still on its lines but past its last page (its end page after a resize made
      // the sentence shorter) shows that last page; one off it altogether, its beginning.
      if (compareSpots(next, above) < 0) next = above;
      else if (compareSpots(next, below) > 0)
        next = compareSpots(next, this.canonical(last)) <= 0 ? below : above;
    } else {
      // The target's end is below the window, or its beginning above it.
      if (compareSpots(next, below) < 0) next = below;
      if (compareSpots(next, above) > 0) next = above;
    }
    // No window past the last line: the last window ends on it.
    if (this.advance(next, height - 1).moved < height - 1)
      next = this.advance(this.end(), 1 - height).spot;
    return compareSpots(next, top) === 0 ? top : next;
  }

  /** The spot's number among all lines: walks every item before it (for tests, short texts). */
  lineOf(spot: ReaderSpot): number {
    const { item, line } = this.canonical(spot);
    let number = line;
    for (let before = -1; before < item; before += 1) number += this.lines(before).length;
    return number;
  }
}
