import { type LabelSet, labelOf } from '../store/labels.js';
import type { ReviewStatus } from '../store/types.js';

/** Colours by role; every one is undefined under NO_COLOR, where glyphs and letters carry meaning. */
export interface Theme {
  color: boolean;
  cursor: string | undefined;
  accent: string | undefined;
  dim: boolean;
  warning: string | undefined;
  error: string | undefined;
  ok: string | undefined;
}

export function makeTheme(color: boolean): Theme {
  const c = (name: string) => (color ? name : undefined);
  return {
    color,
    cursor: c('green'),
    accent: c('blue'),
    dim: color,
    warning: c('yellow'),
    error: c('red'),
    ok: c('green'),
  };
}

/**
 * How a label's letter is drawn: in the project's colour, bold; a label the project no longer
 * declares as `?`, dim, so it reads as unknown without colour too.
 */
export function labelMark(
  theme: Theme,
  labels: LabelSet,
  name: string,
): { letter: string; color: string | undefined; known: boolean } {
  const label = labelOf(labels, name);
  if (!label) return { letter: '?', color: undefined, known: false };
  return { letter: label.letter, color: theme.color ? label.colour : undefined, known: true };
}

export const STATUS_GLYPH: Record<ReviewStatus, string> = {
  unreviewed: '·',
  'in progress': '◐',
  done: '✓',
};

export const CURSOR_GLYPH = '▶';
/** The cursor of the pane that does not have the keyboard (side by side): hollow, not only dim. */
export const IDLE_CURSOR_GLYPH = '▷';
export const NOTE_GLYPH = '✎';
/** In the cursor's column, on the window's last line: the current sentence goes on below it. */
export const MORE_GLYPH = '↓';
