import { closest } from '../search/closest.js';
import { unknownLabel } from '../search/unknown-label.js';
import type { Repository } from '../store/index.js';
import type { LabelSet } from '../store/labels.js';

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
      return `${shown(name)} is not in margin.json's labels; the store holds ${n} annotation${n === 1 ? '' : 's'} with it (to rename it there: ${renameTo(
        name,
        codebook.map((label) => ({ name: label })),
      )})`;
    }),
    refusal: null,
  };
}

/**
 * One line for each label the store's annotations carry that the codebook does not list. A
 * label renamed on one clone (margin.json and `margin relabel`) comes back under its old name
 * with a teammate's work made before they pulled; `stats`, `agree` and every export count it as
 * a label of its own, which lowers the agreement a team lead reports without a word (qa58 #10).
 * The line names who holds it and the rename to run: the codebook label whose rules are the old
 * name's, when there is exactly one.
 */
export async function strayLabelNotes(
  codebook: LabelSet,
  workspace: { repository: Pick<Repository, 'totals'>; checked: Promise<unknown> },
): Promise<string[]> {
  await workspace.checked.catch(() => undefined);
  const listed = new Set(codebook.map((label) => label.name));
  const stray = new Map<string, { count: number; annotators: string[] }>();
  for (const [annotator, counts] of workspace.repository.totals().labels) {
    for (const [label, n] of Object.entries(counts)) {
      if (n <= 0 || listed.has(label)) continue;
      const found = stray.get(label) ?? { count: 0, annotators: [] };
      found.count += n;
      found.annotators.push(annotator);
      stray.set(label, found);
    }
  }
  return [...stray]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([label, { count, annotators }]) => {
      const who = annotators.sort().join(', ');
      const plural = count === 1 ? '' : 's';
      return `label "${label}" is not in margin.json's labels; the store holds ${count} annotation${plural} with it (${who}), counted as a label of its own: ${renameTo(label, codebook)} renames it`;
    });
}

/**
 * The `margin relabel` that renames a label the codebook does not list, with a real name where
 * the command said `NEW` (stop 58): the codebook label whose rules are the old name's when
 * there is exactly one (`claim` renamed `assertion`), else the one nearest in spelling, else
 * the first, and the others named after it.
 */
export function renameTo(
  label: string,
  codebook: ReadonlyArray<{ name: string; rules?: string | undefined }>,
): string {
  const heirs = codebook.filter((entry) => entry.rules === label);
  const command = (target: string) => `margin relabel ${shellWord(label)} ${shellWord(target)}`;
  if (heirs.length === 1) return command(heirs[0]!.name);
  const names = codebook.map((entry) => entry.name).filter((name) => name !== label);
  const target = closest(label, names) ?? names[0];
  if (target === undefined) return 'margin relabel OLD NEW';
  const others = names.filter((name) => name !== target);
  return others.length === 0 ? command(target) : `${command(target)} (or ${others.join(', ')})`;
}

/** A word as a shell reads it back: quoted when it holds anything but letters, digits and `.-_`. */
function shellWord(word: string): string {
  return /^[\p{L}\p{N}._-]+$/u.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
