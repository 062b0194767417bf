import { LABEL_COLOURS } from '../store/labels.js';

/** SGR foreground codes for the colour names the theme and a project's labels use. */
const FOREGROUND: Readonly<Record<string, number>> = LABEL_COLOURS;

export interface Paint {
  color?: string | undefined;
  bold?: boolean | undefined;
  dim?: boolean | undefined;
}

/**
 * Styles a piece of a line in place. A reader line is one string rather than a tree of <Text>
 * elements: a tenth of the nodes for Ink to lay out on every keypress. The theme has already
 * turned colour off under NO_COLOR; `enabled` turns off bold and dim as well.
 */
export function paint(text: string, style: Paint, enabled: boolean): string {
  if (!enabled || text === '') return text;
  const codes: number[] = [];
  if (style.bold) codes.push(1);
  if (style.dim) codes.push(2);
  const color = style.color ? FOREGROUND[style.color] : undefined;
  if (color) codes.push(color);
  if (codes.length === 0) return text;
  return `\x1b[${codes.join(';')}m${text}\x1b[0m`;
}
