/**
 * The one line for a label a filter names that the codebook does not list and the store does
 * not hold: `margin search`, the search box, `stats`, `agree` and `export` say it alike, so a
 * reviewer meets one wording for one mistake. `shown` is the label as the reviewer wrote it
 * (`label:evnt` in a query, `label "evnt"` for a flag); `held` are labels outside the codebook
 * that the store still holds, which are offered too.
 */
export function unknownLabel(
  shown: string,
  codebook: readonly string[],
  held: readonly string[] = [],
): string {
  const also = held.length > 0 ? `, or one the store still holds: ${held.join(', ')}` : '';
  return `unknown ${shown}: use ${codebook.join(', ')}${also}`;
}
