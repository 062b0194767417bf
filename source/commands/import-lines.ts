import type { StreamedImport } from '../export/import-document.js';
import { byPlace, type ImportError } from '../export/import-errors.js';
import type { ImportFormat } from '../export/import-formats.js';
import { type ImportContext, noteStatus, type ParsedImport } from '../export/import-jsonl.js';
import type { RefusedLines } from '../export/refused-lines.js';

/**
 * The longest line an import reads, in characters: above any line margin writes (a Prodigy or
 * doccano task holds an article's clean text, which is at most 5 MB). A longer one is named and
 * skipped without being held, so memory does not grow with a line, nor with the file.
 */
export const MAX_LINE_CHARS = 16 * 1024 * 1024;
/** Lines are handed to the parser in batches of about this many characters. */
const BATCH_CHARS = 4 * 1024 * 1024;

/** The formats of one record a line, which are read a batch of lines at a time. */
export const LINE_FORMATS: readonly ImportFormat[] = ['jsonl', 'prodigy', 'doccano'];

/** Consecutive whole lines of the input, the first of them line `offset + 1`. */
export type LineBatch = { offset: number; text: string } | { overlong: number };

/**
 * Splits decoded text, as it comes, into batches of whole lines (`\n`, or `\r\n` with the
 * `\r` dropped, as the parsers split a whole text); a line over `MAX_LINE_CHARS` is given as
 * `overlong` with its number, its text dropped as it is read.
 */
export async function* lineBatches(
  pieces: AsyncIterable<string>,
  batchChars = BATCH_CHARS,
): AsyncGenerator<LineBatch> {
  let lines: string[] = [];
  let chars = 0;
  let offset = 0;
  let number = 0;
  let partial = '';
  let skipping = false;
  const flush = (): LineBatch | null => {
    if (lines.length === 0) return null;
    const batch = { offset, text: lines.join('\n') };
    offset += lines.length;
    lines = [];
    chars = 0;
    return batch;
  };
  for await (const piece of pieces) {
    let from = 0;
    for (let at = piece.indexOf('\n'); at !== -1; at = piece.indexOf('\n', from)) {
      number++;
      if (skipping) {
        skipping = false;
        offset = number;
      } else {
        const line = partial + piece.slice(from, at);
        if (line.length > MAX_LINE_CHARS) {
          const before = flush();
          if (before) yield before;
          yield { overlong: number };
          offset = number;
        } else {
          lines.push(line.endsWith('\r') ? line.slice(0, -1) : line);
          chars += line.length;
          if (chars >= batchChars) yield flush()!;
        }
      }
      partial = '';
      from = at + 1;
    }
    if (skipping) continue;
    partial += piece.slice(from);
    if (partial.length > MAX_LINE_CHARS) {
      const before = flush();
      if (before) yield before;
      yield { overlong: number + 1 };
      partial = '';
      skipping = true;
    }
  }
  if (!skipping) lines.push(partial);
  const last = flush();
  if (last) yield last;
}

/** The error line for a line longer than any margin reads. */
export function overlongError(line: number): ImportError {
  return {
    line,
    message: `longer than ${MAX_LINE_CHARS >> 20} M characters, more than any line margin writes; skipped`,
  };
}

/**
 * Parses the input a batch of lines at a time with `parse` (one of the line formats' parsers)
 * and puts the results together as one parse of the whole text gives them: lines numbered in
 * the file, each article's and annotator's status the first the file gives. Refused lines go
 * to `refused` in the order of the file, a batch at a time.
 */
export async function parseLineBatches(
  batches: AsyncIterable<LineBatch>,
  parse: (text: string, context: ImportContext) => ParsedImport,
  context: ImportContext,
  refused: RefusedLines,
): Promise<StreamedImport> {
  const out: StreamedImport = { annotations: [], refused, ignored: 0, statuses: [] };
  for await (const batch of batches) {
    if ('overlong' in batch) {
      refused.push(overlongError(batch.overlong));
      continue;
    }
    const parsed = parse(batch.text, context);
    for (const candidate of parsed.annotations) {
      out.annotations.push({ ...candidate, line: candidate.line + batch.offset });
    }
    // A batch's lines are in order, a parser's errors of them not always.
    for (const error of parsed.errors.sort(byPlace)) {
      refused.push({ ...error, line: error.line + batch.offset });
    }
    out.ignored += parsed.ignored;
    if (parsed.suggestions) out.suggestions = (out.suggestions ?? 0) + parsed.suggestions;
    for (const status of parsed.statuses) noteStatus(out, status);
  }
  return out;
}
