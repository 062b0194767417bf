import type { StoreDoc } from '../../source/store/schema.js';
import type { IndexedFile } from '../../source/store/store-index.js';

/**
 * An annotator's file for one article holding one annotation per label, as the store index's
 * tests put it: only the labels and where they sit matter to what they check.
 */
export function labelledDoc(
  annotator: string,
  article: string,
  labels: readonly string[],
  sentenceOf: (at: number) => string = () => 's0',
): StoreDoc {
  return {
    schema: 'margin.annotations',
    version: 1,
    article,
    annotator,
    status: 'in progress',
    annotations: labels.map((label, at) => ({
      id: `a${at}`,
      label,
      anchor: { sentence: sentenceOf(at), start: 0, end: 4, quote: 'text' },
      created: '2026-01-01T00:00:00.000Z',
      updated: '2026-01-01T00:00:00.000Z',
    })),
  } as unknown as StoreDoc;
}

/**
 * The row the store index keeps of `path` (`annotator/article.json`) as read: `doc`, or refused
 * as not JSON when `doc` is null; its fingerprint `fp-PATH` unless given.
 */
export function indexedFile(
  path: string,
  doc: StoreDoc | null,
  fingerprint = `fp-${path}`,
): IndexedFile {
  const [annotator = '', name = ''] = path.split('/');
  return {
    path,
    folder: annotator,
    annotator: doc?.annotator ?? annotator,
    article: doc?.article ?? name.replace(/\.json$/, ''),
    signature: `1:1:${doc?.annotations.length ?? 0}:1`,
    mtimeMs: 1,
    readAt: 2,
    fingerprint,
    doc,
    reason: doc ? null : 'not valid JSON',
  };
}
