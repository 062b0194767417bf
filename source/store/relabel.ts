import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readStoreFile } from './adapter.js';
import { writeFileAtomic } from './atomic.js';
import { storeFilesIn } from './disk-storage.js';
import { serialise } from './format.js';
import { withFileLock } from './lock.js';
import { LIMITS, type StoreDoc, type StoredAnnotation } from './schema.js';

/** What renaming a label in the store did. */
export interface RelabelResult {
  /** Store files rewritten (or that would be, on a dry run). */
  files: number;
  /** Annotations that now carry the new name. */
  renamed: number;
  /** Annotations folded into one the same annotator had already made with the new name. */
  merged: number;
  /** Files left as they are because margin cannot vouch for them: `path: why`. */
  refused: string[];
  /**
   * Attribute name → how many of the annotations this relabelling gave the new name (renamed,
   * or folded into) carry it although the codebook does not give the new label that attribute
   * (only when told what it gives). Kept, not dropped: the team decides whether the codebook or
   * the annotations are wrong.
   */
  undeclared: Record<string, number>;
}

/**
 * Renames label `from` to `to` in every annotator's store files (gold included), each file
 * rewritten atomically under the lock margin's own writes take, so a review running meanwhile
 * loses nothing and sees the change as it sees a `git pull`. The store is shared through git: the
 * change is a diff of `"label"` lines a team reviews and commits. `updated` is left as it was:
 * the annotation's content did not change, only the codebook's word for it.
 *
 * A sentence the annotator had already given `to` (two labels merged into one) keeps that one
 * annotation: the attributes it lacks and, when it has none, the note come from the old one; its
 * `updated` is then `now`, since its content changed.
 */
export async function relabelStore(
  root: string,
  from: string,
  to: string,
  {
    dryRun = false,
    declared,
    now = new Date().toISOString(),
  }: { dryRun?: boolean; declared?: readonly string[]; now?: string } = {},
): Promise<RelabelResult> {
  const result: RelabelResult = { files: 0, renamed: 0, merged: 0, refused: [], undeclared: {} };
  const entries = await readdir(root, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => join(root, entry.name))
    .sort();
  for (const folder of folders) {
    for (const path of await storeFilesIn(folder)) {
      // A file that cannot be read, locked or written is named and the others go on: stopping
      // at the first left the store half renamed with no word of which files were done.
      try {
        await withFileLock(path, async () => {
          const read = await readStoreFile(path);
          if (read.refusal !== null) {
            result.refused.push(`${path}: ${read.refusal}`);
            return;
          }
          if (!read.doc) return;
          const change = relabelDoc(read.doc, from, to, now);
          if (!change) return;
          if (!dryRun) await writeFileAtomic(path, serialise(change.doc));
          if (declared) countUndeclared(result.undeclared, change.relabelled, declared);
          result.files += 1;
          result.renamed += change.renamed;
          result.merged += change.merged;
        });
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        result.refused.push(`${path}: ${why}`);
      }
    }
  }
  return result;
}

/** The document with `from` renamed `to`, or null when it holds no `from`. */
export function relabelDoc(
  doc: StoreDoc,
  from: string,
  to: string,
  now: string,
): { doc: StoreDoc; renamed: number; merged: number; relabelled: StoredAnnotation[] } | null {
  if (!doc.annotations.some((annotation) => annotation.label === from)) return null;
  const sameSpan = (a: StoredAnnotation, b: StoredAnnotation) =>
    a.anchor.sentence === b.anchor.sentence &&
    a.anchor.start === b.anchor.start &&
    a.anchor.end === b.anchor.end;
  const kept = doc.annotations.filter((annotation) => annotation.label !== from);
  let renamed = 0;
  let merged = 0;
  const annotations = kept.map((annotation) => ({ ...annotation }));
  // Where the annotations that now carry `to` because of this change are.
  const relabelled = new Set<number>();
  for (const old of doc.annotations) {
    if (old.label !== from) continue;
    const at = annotations.findIndex((other) => other.label === to && sameSpan(other, old));
    if (at === -1) {
      relabelled.add(annotations.push({ ...old, label: to }) - 1);
      renamed += 1;
      continue;
    }
    const target = annotations[at]!;
    const joined = { ...old.attributes, ...target.attributes };
    const attributes =
      Object.keys(joined).length <= LIMITS.attributes ? joined : (target.attributes ?? {});
    const notes = [target.note, old.note].filter((note) => note !== undefined && note !== '');
    const note = [...new Set(notes)].join('\n');
    const joinedUp = {
      ...target,
      ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
      // Both notes when both fit; the new label's own otherwise.
      ...(note !== '' ? { note: note.length <= LIMITS.noteCharacters ? note : target.note } : {}),
    };
    const changed =
      JSON.stringify(joinedUp.attributes) !== JSON.stringify(target.attributes) ||
      joinedUp.note !== target.note;
    annotations[at] = changed ? { ...joinedUp, updated: now } : joinedUp;
    relabelled.add(at);
    merged += 1;
  }
  return {
    doc: { ...doc, annotations },
    renamed,
    merged,
    relabelled: [...relabelled].map((at) => annotations[at]!),
  };
}

/**
 * Counts, per attribute name, the annotations relabelled that carry one the new label does not
 * declare: each annotation once. Those that had the new name already and were not folded into
 * are not this change's: counted, they were counted only in the files that also held the old
 * name.
 */
function countUndeclared(
  counts: Record<string, number>,
  relabelled: readonly StoredAnnotation[],
  declared: readonly string[],
): void {
  for (const annotation of relabelled) {
    for (const name of Object.keys(annotation.attributes ?? {})) {
      if (!declared.includes(name)) counts[name] = (counts[name] ?? 0) + 1;
    }
  }
}
