import type { StoreDoc, StoredAnnotation } from './schema.js';
import type { ReviewStatus } from './types.js';

export interface FieldChange {
  id: string;
  note: string | undefined;
  attributes: Record<string, string> | undefined;
  updated: string;
}

/**
 * A change expressed as what it does, not as the resulting state, so that applying it to a file
 * re-read under the lock keeps whatever another process added meanwhile. Applying twice is harmless.
 */
export type Operation =
  | { type: 'add'; annotations: StoredAnnotation[] }
  /**
   * `labels`: id → the label the annotation must still carry to be removed. An undo of a tag
   * leaves alone an annotation `margin relabel` gave another label since (qa53).
   */
  | { type: 'remove'; ids: string[]; labels?: Record<string, string> }
  | { type: 'fields'; changes: FieldChange[] }
  | { type: 'status'; status: ReviewStatus }
  /** Several operations as one undoable step (copying labels and attributes to a sentence). */
  | { type: 'batch'; operations: Operation[] };

/** Applies `operation` to `doc` in place; returns whether anything changed. */
export function applyOperation(doc: StoreDoc, operation: Operation): boolean {
  switch (operation.type) {
    case 'add': {
      const present = new Set(doc.annotations.map((annotation) => annotation.id));
      const fresh = operation.annotations.filter((annotation) => !present.has(annotation.id));
      doc.annotations.push(...fresh.map((annotation) => structuredClone(annotation)));
      return fresh.length > 0;
    }
    case 'remove': {
      const ids = new Set(operation.ids);
      const { labels } = operation;
      const kept = doc.annotations.filter(
        (annotation) =>
          !ids.has(annotation.id) ||
          (labels !== undefined &&
            Object.hasOwn(labels, annotation.id) &&
            labels[annotation.id] !== annotation.label),
      );
      const changed = kept.length !== doc.annotations.length;
      doc.annotations = kept;
      return changed;
    }
    case 'fields': {
      let changed = false;
      for (const change of operation.changes) {
        const annotation = doc.annotations.find((candidate) => candidate.id === change.id);
        if (!annotation) continue;
        setOptional(annotation, 'note', change.note);
        setOptional(annotation, 'attributes', change.attributes);
        annotation.updated = change.updated;
        changed = true;
      }
      return changed;
    }
    case 'status': {
      const changed = doc.status !== operation.status;
      doc.status = operation.status;
      return changed;
    }
    case 'batch':
      return operation.operations
        .map((each) => applyOperation(doc, each))
        .some((changed) => changed);
  }
}

function setOptional<K extends 'note' | 'attributes'>(
  annotation: StoredAnnotation,
  key: K,
  value: StoredAnnotation[K],
): void {
  if (value === undefined) delete annotation[key];
  else annotation[key] = structuredClone(value);
}
