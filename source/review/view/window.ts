/**
 * The first visible line after a move: unchanged while the target lines stay inside the window
 * with `context` lines around them, otherwise the smallest scroll that brings them back.
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
  const margin = Math.min(context, Math.floor((height - 1) / 2));
  let next = top;
  if (last + margin >= next + height) next = last + margin - height + 1;
  // A target taller than the window shows its beginning.
  if (first - margin < next) next = first - margin;
  return Math.min(Math.max(0, next), maxTop);
}
