/** The smallest terminal the review screen is drawn in; below it a message says so. */
export const MIN_COLUMNS = 60;
export const MIN_ROWS = 15;
/** From this width on, the list and the reader stand side by side. */
export const SPLIT_COLUMNS = 110;
/** Cursor glyph, three label badges, a note marker, other outlets' count and a space. */
export const GUTTER_WIDTH = 7;
/** Badge columns of margin's own labels; a project's codebook has its own count (`project.ts`). */
export const DEFAULT_BADGES = 3;
/** Lines kept visible above and below the current sentence when the view scrolls. */
export const CONTEXT_LINES = 2;
export const MAX_TEXT_WIDTH = 100;
/** Lines each article takes in the list: the title, then source, date and tag counts. */
export const LIST_ENTRY_LINES = 2;

export interface Size {
  columns: number;
  rows: number;
}

export interface PaneLayout {
  tooSmall: boolean;
  split: boolean;
  /** Lines between the header and the status bar. */
  bodyHeight: number;
  listWidth: number;
  readerWidth: number;
  /** Width of the article text, after the gutter. */
  textWidth: number;
}

export function paneLayout({ columns, rows }: Size, badges = DEFAULT_BADGES): PaneLayout {
  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  const split = columns >= SPLIT_COLUMNS;
  // The root box gets rows - 1 lines (the last row stays free so the terminal never scrolls);
  // the header and the status bar take one each.
  const bodyHeight = Math.max(1, rows - 3);
  const listWidth = split ? Math.min(72, Math.max(40, Math.floor(columns * 0.36))) : columns;
  // One column for the separator between the panes.
  const readerWidth = split ? columns - listWidth - 1 : columns;
  // Lines much longer than this are hard to follow from one to the next.
  const gutter = GUTTER_WIDTH - DEFAULT_BADGES + badges;
  const textWidth = Math.min(MAX_TEXT_WIDTH, Math.max(10, readerWidth - gutter - 1));
  return { tooSmall, split, bodyHeight, listWidth, readerWidth, textWidth };
}
