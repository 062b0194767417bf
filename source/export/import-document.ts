import { DocumentReader, MAX_ELEMENT_CHARS } from './document-reader.js';
import type { ImportContext, ParsedImport } from './import-jsonl.js';

/** One element of a document's list (a task, an annotation) checked and read into `out`. */
export type ItemReader = (value: unknown, line: number, out: ParsedImport) => void;

/** What a whole-document import format (Label Studio, W3C) reads, and where its list is. */
export interface DocumentFormat {
  /** Where the list whose elements are read one at a time can be: object keys from the root. */
  paths: ReadonlyArray<readonly string[]>;
  /** What one element is: "task". */
  noun: string;
  /**
   * The list in the document (its elements, as read one at a time, stand in it as
   * placeholders), the one item the document is, or what is wrong with it.
   */
  items(document: unknown): { list: unknown[] } | { single: unknown } | { error: string };
  reader(context: ImportContext): ItemReader;
}

const empty = (): ParsedImport => ({ annotations: [], errors: [], ignored: 0, statuses: [] });

/**
 * Reads a whole-document import given a piece of text at a time: each element of its list is
 * checked as it is read and dropped, so memory grows with what is imported, not with the file
 * (a 300 MB Label Studio export peaked at 2.5 GB read whole, and one over 512 MB could not be
 * read). What it gives is what one parse of the whole text gave: a document that is not JSON
 * gives only the error where it stops being JSON, with nothing of what was read before it.
 */
export class DocumentImport {
  private readonly reader: DocumentReader;
  /** Every element's results together, each entry with the element it came from. */
  private readonly out = empty();
  private readonly owners = { annotations: [] as number[], errors: [] as number[] };
  private readonly ignoredBy = new Map<number, number>();
  private readonly item: ItemReader;

  constructor(
    private readonly format: DocumentFormat,
    context: ImportContext,
  ) {
    this.item = format.reader(context);
    this.reader = new DocumentReader(
      format.paths,
      (event) => {
        const { out, owners } = this;
        const before = out.ignored;
        if ('overlong' in event) {
          out.errors.push({
            line: event.line,
            message: `longer than ${MAX_ELEMENT_CHARS >> 20} M characters, more than any ${format.noun} margin writes; skipped`,
          });
        } else this.item(event.value, event.line, out);
        while (owners.annotations.length < out.annotations.length) {
          owners.annotations.push(event.index);
        }
        while (owners.errors.length < out.errors.length) owners.errors.push(event.index);
        if (out.ignored > before) this.ignoredBy.set(event.index, out.ignored - before);
      },
      format.noun,
    );
  }

  push(piece: string): void {
    this.reader.push(piece);
  }

  end(): ParsedImport {
    const skeleton = this.reader.end();
    const out = empty();
    if (!skeleton.ok) {
      out.errors.push(skeleton.error);
      return out;
    }
    const items = this.format.items(skeleton.document);
    if ('error' in items) {
      out.errors.push({ line: 1, message: items.error });
      return out;
    }
    if ('single' in items) {
      this.item(items.single, 1, out);
      return out;
    }
    // The list JSON.parse kept (of a key given twice, the last): its elements' results in order.
    const known = items.list.map(DocumentReader.placeholderIndex).find((index) => index !== null);
    const { ranges } = skeleton;
    const range =
      ranges.find((r) => known != null && known >= r.from && known < r.to) ??
      ranges[ranges.length - 1];
    if (!range) return out;
    if (ranges.length === 1) return this.out;
    const inRange = (index: number) => index >= range.from && index < range.to;
    out.annotations = this.out.annotations.filter((_, at) => inRange(this.owners.annotations[at]!));
    out.errors = this.out.errors.filter((_, at) => inRange(this.owners.errors[at]!));
    for (const [index, count] of this.ignoredBy) if (inRange(index)) out.ignored += count;
    out.statuses = this.out.statuses;
    return out;
  }
}

/**
 * Parses a whole-document import (Label Studio, W3C) as its text is read, a piece at a time
 * (`DocumentImport`): the same result as one parse of the whole text.
 */
export async function parseDocumentPieces(
  pieces: AsyncIterable<string>,
  format: DocumentFormat,
  context: ImportContext,
): Promise<ParsedImport> {
  const parse = new DocumentImport(format, context);
  for await (const piece of pieces) parse.push(piece);
  return parse.end();
}

/** A whole-document import of a text already in memory. */
export function parseDocumentImport(
  content: string,
  format: DocumentFormat,
  context: ImportContext,
): ParsedImport {
  const parse = new DocumentImport(format, context);
  parse.push(content);
  return parse.end();
}
