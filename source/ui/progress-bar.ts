import { padEnd, truncate } from '../text/width.js';

/** Truncates and pads to exactly `width` columns. */
export function fitWidth(text: string, width: number): string {
  return padEnd(truncate(text, width), width);
}

/** A progress bar of `width` columns. */
export function bar(done: number, total: number, width: number): string {
  const filled = total > 0 ? Math.round((Math.min(done, total) / total) * width) : 0;
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}
