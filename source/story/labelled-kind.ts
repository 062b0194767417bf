/**
 * A group's kind from its members' labels, shared by `margin story` and the review's panel. A
 * module of its own, light: the review imports it before its first frame.
 */

/**
 * margin's own codebook's labels, in the order a tie between them is settled: the kinds a group
 * is given when the caller names no codebook.
 */
export const DEFAULT_KINDS: readonly string[] = ['quote', 'claim', 'event'];

/**
 * The label of `kinds` most members carry (each member's labels counted once), or null when none
 * carries one. Ties go to margin's own order first (a quotation tagged claim and quote is a
 * quote, in any codebook that has both), then to the codebook's (review57-b: the default
 * codebook lists claim first, and its claim+quote groups had turned into claims).
 */
export function labelledKind(
  labelSets: Iterable<Iterable<string>>,
  kinds: readonly string[],
): string | null {
  const counts = new Map<string, number>();
  for (const labels of labelSets) {
    for (const label of new Set(labels)) {
      if (kinds.includes(label)) counts.set(label, (counts.get(label) ?? 0) + 1);
    }
  }
  const order = (label: string) => {
    const own = DEFAULT_KINDS.indexOf(label);
    return own >= 0 ? own : DEFAULT_KINDS.length + kinds.indexOf(label);
  };
  const best = [...counts].sort((a, b) => b[1] - a[1] || order(a[0]) - order(b[0]))[0];
  return best ? best[0] : null;
}
