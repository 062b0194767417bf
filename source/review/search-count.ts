/**
 * How the review says how many sentences a search matched. It shows at most a page of hits
 * (50); `total` is how many match in all, null when there were more than it shows and they
 * could not be counted in the time a key may take, undefined when the hits are all of them.
 * qa52: the box said `50 results` and `n` `result 4 of 50` where 635 matched.
 */

/** Whether more sentences match than the `shown` results (PgDn past them reads the next). */
export function moreMatch(shown: number, total: number | null | undefined): boolean {
  return total === null || (total !== undefined && total > shown);
}

/** `18 results`, `first 50 of 635 results`, `first 50 results: more match`. */
export function resultsSummary(shown: number, total: number | null | undefined): string {
  if (total === null) return `first ${shown} results: more match, too many to count`;
  if (total === undefined || total <= shown) return `${shown} result${shown === 1 ? '' : 's'}`;
  return `first ${shown} of ${total.toLocaleString('en-US')} results`;
}

/** `result 4 of 18`, `result 4 of the first 50 of 635`, `result 4 of the first 50 (more match)`. */
export function resultOf(index: number, shown: number, total: number | null | undefined): string {
  if (total === null) return `result ${index + 1} of the first ${shown} (more match)`;
  if (total === undefined || total <= shown) return `result ${index + 1} of ${shown}`;
  return `result ${index + 1} of the first ${shown} of ${total.toLocaleString('en-US')}`;
}

/** The status line's place among the results: `4/18`, `4/50 of 635`, `4/50+`. */
export function resultAt(index: number, shown: number, total: number | null | undefined): string {
  if (total === null) return `${index + 1}/${shown}+`;
  if (total === undefined || total <= shown) return `${index + 1}/${shown}`;
  return `${index + 1}/${shown} of ${total.toLocaleString('en-US')}`;
}
