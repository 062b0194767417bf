/**
 * The first visible line after a move: unchanged while the target lines stay inside the window
 * with `context` lines around them (less when the target leaves no room for them), otherwise the
 * smallest scroll that brings them back. A target taller than the window keeps a window that
 * shows only its lines and their context (past its last page, that page), and otherwise shows
 * its beginning.
 */
export function followTop(
  top: number,
  first: number,
  last: number,
  height: number,
  total: number,
  context: number,
): number {
  const maxTop = Math.max(0, total - height);
  const lines = last - first + 1;
  const tall = lines > height;
  const margin = Math.min(context, Math.floor((tall ? height - 1 : height - lines) / 2));
  const above = Math.max(0, first - margin);
  const below = Math.max(0, last + margin - height + 1);
  let next = top;
  if (tall) {
    // Past its last page but still on its lines: that page (see `ReaderGeometry.follow`).
    if (next < above) next = above;
    else if (next > below) next = next <= last ? below : above;
  } else {
    if (next < below) next = below;
    if (next > above) next = above;
  }
  return Math.min(Math.max(0, next), maxTop);
}
