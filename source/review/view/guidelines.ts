import wrapAnsi from 'wrap-ansi';
import { visible } from '../../text/untrusted.js';

const cache = new Map<string, string[]>();

/**
 * The guidelines file as screen lines: each of its lines made safe (control characters shown as
 * escapes) and wrapped to the width. Markdown is shown as written, which reads well as it is.
 */
export function guidelinesLines(text: string, width: number): string[] {
  const key = `${width}\u0000${text}`;
  const known = cache.get(key);
  if (known) return known;
  const lines = text.split(/\r?\n/).flatMap((line) =>
    line.trim() === ''
      ? ['']
      : wrapAnsi(visible(line.replace(/\t/g, '    ')), Math.max(1, width), {
          hard: true,
          trim: false,
        }).split('\n'),
  );
  // One text per project: keep only the widths of the last few resizes.
  if (cache.size > 8) cache.clear();
  cache.set(key, lines);
  return lines;
}
