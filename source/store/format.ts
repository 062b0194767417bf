import { createHash } from 'node:crypto';
import type { StoreDoc, StoredAnnotation } from './schema.js';

/**
 * The file text: keys in a fixed order, annotations in reading order, two-space indent and a
 * final newline, so that one new tag is a small, readable hunk in `git diff`.
 */
export function serialise(doc: StoreDoc): string {
  const ordered = {
    schema: doc.schema,
    version: doc.version,
    article: doc.article,
    annotator: doc.annotator,
    status: doc.status,
    annotations: [...doc.annotations].sort(compareStored).map(orderAnnotation),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

export function compareStored(a: StoredAnnotation, b: StoredAnnotation): number {
  return (
    a.anchor.start - b.anchor.start ||
    a.anchor.end - b.anchor.end ||
    compareText(a.label, b.label) ||
    compareText(a.id, b.id)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function orderAnnotation(annotation: StoredAnnotation): StoredAnnotation {
  const { anchor } = annotation;
  return {
    id: annotation.id,
    label: annotation.label,
    anchor: {
      sentence: anchor.sentence,
      start: anchor.start,
      end: anchor.end,
      quote: anchor.quote,
      prefix: anchor.prefix,
      suffix: anchor.suffix,
      textHash: anchor.textHash,
    },
    ...(annotation.note === undefined ? {} : { note: annotation.note }),
    ...(annotation.attributes === undefined ? {} : { attributes: sortKeys(annotation.attributes) }),
    created: annotation.created,
    updated: annotation.updated,
  };
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}

/** A cheap fingerprint of file text, to tell our own writes from someone else's. */
export function fingerprint(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
