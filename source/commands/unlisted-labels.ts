import { unknownLabel } from '../search/unknown-label.js';
import type { Repository } from '../store/index.js';

/**
 * Labels a filter names that the codebook (margin.json) does not list: a label renamed or
 * removed there still names the store's annotations made with it, which `stats`, `agree` and
 * every export go on counting and writing. Each one the store holds is let through with a note
 * (`notes`); one it does not hold either is a typo, refused with both lists (`refusal`).
 */
export async function unlistedLabels(
  names: readonly string[],
  codebook: readonly string[],
  workspace: { repository: Pick<Repository, 'totals'>; checked: Promise<unknown> },
  shown: (name: string) => string = (name) => `label "${name}"`,
): Promise<{ notes: string[]; refusal: string | null }> {
  const unlisted = names.filter((name) => !codebook.includes(name));
  if (unlisted.length === 0) return { notes: [], refusal: null };
  // The index may answer before the store's files are compared with it: a `relabel` or a
  // `git pull` just now is in the files only. A failed check is the command's to report.
  await workspace.checked.catch(() => undefined);
  const { repository } = workspace;
  const held = new Map<string, number>();
  for (const counts of repository.totals().labels.values()) {
    for (const [label, n] of Object.entries(counts)) {
      if (n > 0) held.set(label, (held.get(label) ?? 0) + n);
    }
  }
  const missing = unlisted.find((name) => !held.has(name));
  if (missing !== undefined) {
    const others = [...held.keys()].filter((label) => !codebook.includes(label)).sort();
    return { notes: [], refusal: unknownLabel(shown(missing), codebook, others) };
  }
  return {
    notes: unlisted.map((name) => {
      const n = held.get(name)!;
      return `${shown(name)} is not in margin.json's labels; the store holds ${n} annotation${n === 1 ? '' : 's'} with it (to rename it there: margin relabel)`;
    }),
    refusal: null,
  };
}
