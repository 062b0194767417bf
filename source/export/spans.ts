import type { Entry } from './model.js';
import { articleCodePoints } from './offsets.js';

/** A placed annotation's offsets in code points, or null for an orphan (nothing to point at). */
export function spanOf(entry: Entry): { start: number; end: number; text: string } | null {
  const { placement } = entry.annotation;
  if (!placement) return null;
  if (placement.span) return placement.span;
  const points = articleCodePoints(entry.article);
  return {
    start: points.toCodePoint(placement.start),
    end: points.toCodePoint(placement.end),
    text: entry.article.text.slice(placement.start, placement.end),
  };
}
