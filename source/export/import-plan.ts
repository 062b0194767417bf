import { storedForm } from '../store/index.js';
import type { Annotation, PlacedAnnotation, StoreProblem } from '../store/types.js';
import type { ImportError } from './import-errors.js';
import type { ImportCandidate } from './import-jsonl.js';

export interface ImportPlan {
  /** New annotations, to be written together with `addMany`. */
  add: Annotation[];
  duplicates: number;
  /**
   * Lines refused because the store cannot keep them (a note over its limit, too many
   * attributes: the store's schema says) or their store file is refused (never written to).
   */
  errors: ImportError[];
}

/**
 * Leaves out what the store cannot keep (refused as the line's error), what it already has, and
 * repeats within the file: the same article, annotator and label on the same place (sentence
 * offsets, or the quote of an orphan), or the same id.
 */
export function planImport(
  candidates: ImportCandidate[],
  existing: PlacedAnnotation[],
  problems: StoreProblem[],
): ImportPlan {
  const seen = new Set<string>();
  const ids = new Set<string>();
  for (const annotation of existing) {
    seen.add(keyOf(annotation, annotation.placement));
    ids.add(`${annotation.article}\u0000${annotation.annotator}\u0000${annotation.id}`);
  }
  const refused = new Map<string, string>();
  for (const problem of problems) {
    if (problem.article !== null && problem.annotator !== null) {
      refused.set(`${problem.article}\u0000${problem.annotator}`, problem.path);
    }
  }
  const plan: ImportPlan = { add: [], duplicates: 0, errors: [] };
  for (const { line, file, annotation, placement } of candidates) {
    const where = { line, ...(file !== undefined ? { file } : {}) };
    const stored = refused.get(`${annotation.article}\u0000${annotation.annotator}`);
    if (stored !== undefined) {
      plan.errors.push({
        ...where,
        message: `the store file ${stored} is refused, so nothing is added to it`,
      });
      continue;
    }
    const key = keyOf(annotation, placement);
    const id = `${annotation.article}\u0000${annotation.annotator}\u0000${annotation.id}`;
    if (seen.has(key) || ids.has(id)) {
      plan.duplicates++;
      continue;
    }
    // Refused here, line by line, not by the write: it stopped the import halfway, no summary.
    // After the duplicates, which are not written: a file the store has costs no second check.
    const form = storedForm({ ...annotation });
    if (!form.ok) {
      plan.errors.push({ ...where, message: form.problem });
      continue;
    }
    seen.add(key);
    ids.add(id);
    plan.add.push(annotation);
  }
  return plan;
}

/** Where an annotation is: its place in the current text, or for an orphan its stored anchor. */
function keyOf(annotation: Annotation, place: { start: number; end: number } | null): string {
  const { anchor } = annotation;
  const where = place
    ? `${place.start}:${place.end}`
    : `orphan:${anchor.start}:${anchor.end}:${anchor.quote}`;
  return [annotation.article, annotation.annotator, annotation.label, where].join('\u0000');
}
