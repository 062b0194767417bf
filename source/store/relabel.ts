import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { emptyRecord, ownValue } from '../text/own.js';
import { readStoreFile } from './adapter.js';
import { writeFileAtomic } from './atomic.js';
import { storeFilesIn } from './disk-storage.js';
import { serialise } from './format.js';
import { withFileLock } from './lock.js';
import { beyondLimits, type StoreDoc, type StoredAnnotation } from './schema.js';

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
  /**
   * Attribute name → the values outside the fixed list the codebook gives the new label for it,
   * each with how many annotations this relabelling gave the new name carry it (only when told
   * the lists). Kept, as undeclared attributes are: the review shows them, its editor offers the
   * list.
   */
  offList: Record<string, Record<string, number>>;
  /**
   * Attribute values the old label gave a sentence where the annotation folded into has another:
   * the new label keeps its own, the old one's is written into the note (`figure's verdict:
   * false`), never dropped unsaid.
   */
  noted: FoldedValue[];
  /** Annotations left under the old name: folded, they would not fit the store's limits. */
  unfolded: UnfoldedAnnotation[];
}

/** Where in the store a folded annotation is: whose, which article, which sentence. */
export interface FoldPlace {
  annotator: string;
  article: string;
  /** The sentence's text as the annotation keeps it. */
  quote: string;
}

/** One attribute whose value the annotation folded into keeps, the other's going to the note. */
export interface FoldedValue extends FoldPlace {
  attribute: string;
  kept: string;
  noted: string;
}

/** An annotation of the old name that was not folded, and why. */
export interface UnfoldedAnnotation extends FoldPlace {
  why: string;
}

/**
 * Renames label `from` to `to` in every annotator's store files (gold included), each file
 * rewritten atomically under the lock margin's own writes take, so a review running meanwhile
 * loses nothing and sees the change as it sees a `git pull`. The store is shared through git: the
 * change is a diff of `"label"` lines a team reviews and commits. `updated` is left as it was:
 * the annotation's content did not change, only the codebook's word for it.
 *
 * A sentence the annotator had already given `to` (two labels merged into one) keeps that one
 * annotation: the attributes it lacks come from the old one, the notes are joined, and a value
 * of the old one's that differs from its own is written into the note as `OLD's NAME: VALUE`
 * (listed in `noted`); its `updated` is then `now`, since its content changed. One whose fold
 * would not fit the store's limits keeps the old name (listed in `unfolded`), so that nothing
 * is dropped without a word.
 */
export async function relabelStore(
  root: string,
  from: string,
  to: string,
  {
    dryRun = false,
    declared,
    fixed,
    now = new Date().toISOString(),
  }: {
    dryRun?: boolean;
    declared?: readonly string[];
    /** Attribute name → the fixed list of values the codebook gives the new label. */
    fixed?: Readonly<Record<string, readonly string[]>>;
    now?: string;
  } = {},
): Promise<RelabelResult> {
  const result: RelabelResult = {
    files: 0,
    renamed: 0,
    merged: 0,
    refused: [],
    undeclared: emptyRecord(),
    offList: emptyRecord(),
    noted: [],
    unfolded: [],
  };
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
          result.noted.push(...change.noted);
          result.unfolded.push(...change.unfolded);
          if (change.renamed + change.merged === 0) return;
          if (!dryRun) await writeFileAtomic(path, serialise(change.doc));
          if (declared) countUndeclared(result.undeclared, change.relabelled, declared);
          if (fixed) countOffList(result.offList, change.relabelled, fixed);
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
): {
  doc: StoreDoc;
  renamed: number;
  merged: number;
  relabelled: StoredAnnotation[];
  noted: FoldedValue[];
  unfolded: UnfoldedAnnotation[];
} | null {
  if (!doc.annotations.some((annotation) => annotation.label === from)) return null;
  const sameSpan = (a: StoredAnnotation, b: StoredAnnotation) =>
    a.anchor.sentence === b.anchor.sentence &&
    a.anchor.start === b.anchor.start &&
    a.anchor.end === b.anchor.end;
  const kept = doc.annotations.filter((annotation) => annotation.label !== from);
  let renamed = 0;
  let merged = 0;
  const noted: FoldedValue[] = [];
  const unfolded: UnfoldedAnnotation[] = [];
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
    const place = { annotator: doc.annotator, article: doc.article, quote: old.anchor.quote };
    const fold = foldInto(target, old, from);
    const why = beyondLimits(fold.note, fold.attributes);
    if (why !== null) {
      // Left as it was, under the old name: the team shortens a note or drops an attribute and
      // runs relabel again, rather than losing either side's words.
      annotations.push({ ...old });
      unfolded.push({ ...place, why });
      continue;
    }
    noted.push(...fold.noted.map((value) => ({ ...place, ...value })));
    const joinedUp: StoredAnnotation = { ...target };
    delete joinedUp.attributes;
    delete joinedUp.note;
    if (Object.keys(fold.attributes).length > 0) joinedUp.attributes = fold.attributes;
    if (fold.note !== '') joinedUp.note = fold.note;
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
    noted,
    unfolded,
  };
}

/**
 * `old` (of label `from`) folded into `target`: the attributes `target` lacks (or holds empty)
 * come from `old`; a value both hold differently stays `target`'s, and `old`'s is a line of the
 * note (`from's name: value`) after both notes. Own entries only: an attribute may be named
 * `__proto__`.
 */
function foldInto(
  target: StoredAnnotation,
  old: StoredAnnotation,
  from: string,
): {
  attributes: Record<string, string>;
  note: string;
  noted: { attribute: string; kept: string; noted: string }[];
} {
  const attributes = new Map(Object.entries(target.attributes ?? {}));
  const noted: { attribute: string; kept: string; noted: string }[] = [];
  for (const [name, value] of Object.entries(old.attributes ?? {})) {
    const own = attributes.get(name);
    if (value === '' || own === value) continue;
    if (own === undefined || own === '') attributes.set(name, value);
    else noted.push({ attribute: name, kept: own, noted: value });
  }
  const lines = [target.note, old.note].filter((note) => note !== undefined && note !== '');
  lines.push(...noted.map(({ attribute, noted: value }) => `${from}'s ${attribute}: ${value}`));
  return {
    attributes: Object.fromEntries(attributes),
    note: [...new Set(lines)].join('\n'),
    noted,
  };
}

/**
 * Counts, per attribute name, the annotations relabelled that carry one the new label does not
 * declare: each annotation once. Those that had the new name already and were not folded into
 * are not this change's: counted, they were counted only in the files that also held the old
 * name.
 */
function countOffList(
  counts: Record<string, Record<string, number>>,
  relabelled: readonly StoredAnnotation[],
  fixed: Readonly<Record<string, readonly string[]>>,
): void {
  for (const annotation of relabelled) {
    for (const [name, value] of Object.entries(annotation.attributes ?? {})) {
      const list = ownValue(fixed, name);
      if (!list || value === '' || list.includes(value)) continue;
      const values = counts[name] ?? emptyRecord<number>();
      values[value] = (values[value] ?? 0) + 1;
      counts[name] = values;
    }
  }
}

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
