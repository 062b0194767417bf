import type { Label, ReviewStatus } from '../store/types.js';

/** Colours by role; every one is undefined under NO_COLOR, where glyphs and letters carry meaning. */
export interface Theme {
  color: boolean;
  label: Record<Label, string | undefined>;
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
    label: { claim: c('yellow'), quote: c('cyan'), event: c('magenta') },
    cursor: c('green'),
    accent: c('blue'),
    dim: color,
    warning: c('yellow'),
    error: c('red'),
    ok: c('green'),
  };
}

export const LABEL_LETTER: Record<Label, string> = { claim: 'C', quote: 'Q', event: 'E' };

export const STATUS_GLYPH: Record<ReviewStatus, string> = {
  unreviewed: '·',
  'in progress': '◐',
  done: '✓',
};

export const CURSOR_GLYPH = '▶';
/** The cursor of the pane that does not have the keyboard (side by side): hollow, not only dim. */
export const IDLE_CURSOR_GLYPH = '▷';
export const NOTE_GLYPH = '✎';
