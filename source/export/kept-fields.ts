/**
 * A file's kept rendering as the formats that keep their output between exports write it (see
 * `keptTextLines`, `keptBrat`): its number of annotations, of orphans, one field of the
 * format's own, then the rest, tab-separated (JSON text never holds a raw tab).
 */
import { compare } from './model.js';

export interface KeptFields {
  annotations: number;
  orphans: number;
  /** The format's own field (doccano's overlap flag, brat's labels and values). */
  own: Buffer;
  /** What the file writes; empty when it has no output (only orphans). */
  rest: Buffer;
}

const TAB = 0x09;

/** A file's kept rendering from its fields (`rest` empty for a file with no output). */
export function keptText(annotations: number, orphans: number, own: string, rest: string): string {
  return wellFormed(`${annotations}\t${orphans}\t${own}\t${rest}`);
}

/**
 * Text with each lone surrogate (half an emoji cut by hand in a store file's note) as U+FFFD, as
 * the export encodes it when it writes what it renders: SQLite keeps a lone surrogate as three
 * bytes that are no UTF-8, which a kept rendering then wrote (`String.prototype.toWellFormed`:
 * Node 20 has it, this TypeScript's lib does not name it).
 */
export const wellFormed = (text: string): string =>
  (text as unknown as { toWellFormed(): string }).toWellFormed();

/** The fields of a kept rendering `keptText` wrote. */
export function keptFields(text: Uint8Array): KeptFields {
  const bytes = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  const t1 = bytes.indexOf(TAB);
  const t2 = bytes.indexOf(TAB, t1 + 1);
  const t3 = bytes.indexOf(TAB, t2 + 1);
  return {
    annotations: Number(bytes.toString('latin1', 0, t1)),
    orphans: Number(bytes.toString('latin1', t1 + 1, t2)),
    own: bytes.subarray(t2 + 1, t3),
    rest: bytes.subarray(t3 + 1),
  };
}

/** Kept files in annotator order, as `groupByAnnotator` gives the rendered ones. */
export function inAnnotatorOrder<T extends { annotator: string }>(
  kept: readonly T[],
): readonly T[] {
  return kept.length > 1 ? [...kept].sort((a, b) => compare(a.annotator, b.annotator)) : kept;
}
