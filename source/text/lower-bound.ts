/**
 * The first position in `[low, high)` where `reached` holds, given it holds from there on: the
 * one binary search behind the sorted arrays of search, the corpus and the story engine.
 */
export function lowerBound(low: number, high: number, reached: (at: number) => boolean): number {
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (reached(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}
