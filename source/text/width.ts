import stringWidth from '../text/string-width.js';

/**
 * Cuts `text` to `width` terminal columns (wide characters count two), ending with `…` when
 * anything was cut. Shared by the CLI tables, the export renderers and the UI.
 */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (stringWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = stringWidth(char);
    if (used + w > width - 1) break;
    out += char;
    used += w;
  }
  return `${out}…`;
}

/** Pads `text` with spaces to `width` terminal columns (never cuts). */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** Truncates and pads to exactly `width` columns. */
export function fitWidth(text: string, width: number): string {
  return padEnd(truncate(text, width), width);
}
