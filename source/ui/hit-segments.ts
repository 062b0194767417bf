import stringWidth from '../text/string-width.js';
import { oneLine } from '../text/untrusted.js';

export interface Segment {
  text: string;
  hit: boolean;
}

/**
 * A sentence cut to `width` columns around its first match, as plain and matched pieces, each
 * cut at a word: the one before it at a word's start, the one after at a word's end.
 * Ranges are UTF-16 offsets into `text`; cleaning can only remove characters, so the text is
 * cleaned piece by piece to keep the ranges lined up.
 */
export function highlightSegments(
  text: string,
  matches: ReadonlyArray<readonly [number, number]>,
  width: number,
): Segment[] {
  const sorted = [...matches].sort((a, b) => a[0] - b[0]);
  const first = sorted[0]?.[0] ?? 0;
  let start = first > width / 3 ? Math.max(0, first - Math.floor(width / 4)) : 0;
  // Begin at a word: "…al on social media" read as a word of its own ("…viral on" cut).
  const space = start > 0 ? text.slice(start - 1, first).search(/\s/) : -1;
  if (space > 0) start += space;
  const pieces: Segment[] = [];
  if (start > 0) pieces.push({ text: '…', hit: false });
  let at = start;
  for (const [from, to] of sorted) {
    const s = Math.max(from, at);
    if (to <= s) continue;
    if (s > at) pieces.push({ text: oneLine(text.slice(at, s)), hit: false });
    pieces.push({ text: oneLine(text.slice(s, to)), hit: true });
    at = to;
  }
  if (at < text.length) pieces.push({ text: oneLine(text.slice(at)), hit: false });
  const out: Segment[] = [];
  let used = 0;
  for (const piece of pieces) {
    let kept = '';
    for (const char of piece.text) {
      const w = stringWidth(char);
      if (used + w > width - 1) {
        // End at a word too, unless that would take back a match or most of the line.
        const space = piece.hit || /\s/.test(char) ? -1 : kept.search(/\s\S*$/);
        if (space >= 0 && kept.length - space < width / 3) kept = kept.slice(0, space);
        if (kept) out.push({ text: kept, hit: piece.hit });
        out.push({ text: '…', hit: false });
        return out;
      }
      kept += char;
      used += w;
    }
    if (kept) out.push({ text: kept, hit: piece.hit });
  }
  return out;
}
