import { DocumentReader, MAX_ELEMENT_CHARS } from './document-reader.js';
import type { ImportContext, ParsedImport } from './import-jsonl.js';
import { RefusedLines } from './refused-lines.js';

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

/** A streamed import's result: its refused lines held as `RefusedLines` holds them. */
export type StreamedImport = Omit<ParsedImport, 'errors'> & { refused: RefusedLines };

/** What one list of the document gave, apart from the other lists a key given twice makes. */
interface ListPart {
  annotations: ParsedImport['annotations'];
  refused: RefusedLines;
  ignored: number;
  suggestions: number;
}

/**
 * Reads a whole-document import given a piece of text at a time: each element of its list is
 * checked as it is read and dropped, so memory grows with what is imported, not with the file
 * (a 300 MB Label Studio export peaked at 2.5 GB read whole, and one over 512 MB could not be
 * read). What it gives is what one parse of the whole text gave: a document that is not JSON
 * gives only the error where it stops being JSON, with nothing of what was read before it.
 * Refused elements go to a `RefusedLines` of each list (`refusedLines` makes them), which holds
 * as many as the command lists.
 */
export class DocumentImport {
  private readonly reader: DocumentReader;
  /** Each list's results, by its place among the lists (none for a list without elements). */
  private readonly parts: Array<ListPart | undefined> = [];
  private readonly statuses: ParsedImport['statuses'] = [];
  private readonly item: ItemReader;

  constructor(
    private readonly format: DocumentFormat,
    context: ImportContext,
    private readonly refusedLines: () => RefusedLines = () => new RefusedLines(Infinity),
  ) {
    this.item = format.reader(context);
    this.reader = new DocumentReader(
      format.paths,
      (event) => {
        // Elements are read only inside a list: the last one the reader met.
        const list = this.reader.lists - 1;
        let part = this.parts[list];
        if (!part) {
          part = { annotations: [], refused: this.refusedLines(), ignored: 0, suggestions: 0 };
          this.parts[list] = part;
        }
        const out: ParsedImport = {
          annotations: part.annotations,
          errors: [],
          ignored: 0,
          statuses: this.statuses,
        };
        if ('overlong' in event) {
          out.errors.push({
            line: event.line,
            message: `longer than ${MAX_ELEMENT_CHARS >> 20} M characters, more than any ${format.noun} margin writes; skipped`,
          });
        } else this.item(event.value, event.line, out);
        part.refused.pushAll(out.errors);
        part.ignored += out.ignored;
        part.suggestions += out.suggestions ?? 0;
      },
      format.noun,
    );
  }

  push(piece: string): void {
    this.reader.push(piece);
  }

  end(): StreamedImport {
    const skeleton = this.reader.end();
    const out: StreamedImport = {
      annotations: [],
      ignored: 0,
      statuses: [],
      refused: this.refusedLines(),
    };
    if (!skeleton.ok) {
      out.refused.push(skeleton.error);
      return out;
    }
    const items = this.format.items(skeleton.document);
    if ('error' in items) {
      out.refused.push({ line: 1, message: items.error });
      return out;
    }
    if ('single' in items) {
      const single = empty();
      this.item(items.single, 1, single);
      out.refused.pushAll(single.errors);
      return { ...single, refused: out.refused };
    }
    // The list JSON.parse kept (of a key given twice, the last): its elements' results.
    const known = items.list.map(DocumentReader.placeholderIndex).find((index) => index !== null);
    const { ranges } = skeleton;
    const at = ranges.findIndex((r) => known != null && known >= r.from && known < r.to);
    const part = this.parts[at === -1 ? ranges.length - 1 : at];
    if (!part) return { ...out, statuses: ranges.length > 0 ? this.statuses : [] };
    return { ...part, statuses: this.statuses };
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
  refusedLines?: () => RefusedLines,
): Promise<StreamedImport> {
  const parse = new DocumentImport(format, context, refusedLines);
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
  const { refused, ...parsed } = parse.end();
  return { ...parsed, errors: [...refused.listed()] };
}
