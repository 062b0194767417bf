import type { ImportFormat } from './import-formats.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What one parsed record looks like: the format whose export writes records so. */
function shapeOf(value: unknown): ImportFormat | null {
  if (!isObject(value)) return null;
  if (value.type === 'AnnotationCollection' || value.type === 'Annotation' || '@context' in value) {
    return 'w3c';
  }
  if (
    isObject(value.data) &&
    (Array.isArray(value.annotations) || Array.isArray(value.predictions))
  ) {
    return 'label-studio';
  }
  if (typeof value.text === 'string' && Array.isArray(value.spans)) return 'prodigy';
  if (typeof value.text === 'string' && Array.isArray(value.label)) return 'doccano';
  return null;
}

/**
 * The format a file given as jsonl (the default) looks like instead, or null: an import of a
 * Label Studio or W3C file without `--format` reported `not valid JSON` on every line, and one of
 * Prodigy or doccano a schema error on each, never what was wrong. Looks at the whole document
 * when it is one (an array, or an object over several lines), else at the first line only.
 */
export function looksLike(text: string): ImportFormat | null {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  const firstLine = body.slice(0, (body.indexOf('\n') + 1 || body.length + 1) - 1);
  let first: unknown;
  try {
    first = JSON.parse(firstLine);
  } catch {
    first = undefined;
  }
  if (first === undefined && (body.startsWith('[') || body.startsWith('{'))) {
    let whole: unknown;
    try {
      whole = JSON.parse(body);
    } catch {
      return null;
    }
    return shapeOf(Array.isArray(whole) ? whole[0] : whole);
  }
  return shapeOf(Array.isArray(first) ? first[0] : first);
}

/**
 * What a file given in a format of lines (jsonl, Prodigy, doccano) holds when it opens a JSON
 * array instead (`[]`, a tool's export of tasks as one document), or null when it does not:
 * whether it is empty, and the format its first element looks like. Every line was refused
 * with the schema library's `expected object, received array`. `head` is the text up to the
 * end of the first line that is not blank, or the whole text.
 */
export function arrayInsteadOfLines(
  head: string,
): { empty: boolean; shape: ImportFormat | null } | null {
  const body = head.replace(/^\uFEFF/, '').trimStart();
  if (!body.startsWith('[')) return null;
  let whole: unknown;
  try {
    whole = JSON.parse(body);
  } catch {
    // An array over several lines, of which the head is the first.
    return { empty: false, shape: null };
  }
  if (!Array.isArray(whole)) return null;
  return { empty: whole.length === 0, shape: shapeOf(whole[0]) };
}

/**
 * Whether a file given in a format of lines is a CSV file, which margin exports for spreadsheets
 * but cannot import: its first line is not JSON and the file is named `.csv`, or that line is
 * margin's CSV header (`id,article,…`). Each of its lines was "not valid JSON", then "0 imported".
 */
export function looksLikeCsv(head: string, name: string): boolean {
  const line = head.replace(/^\uFEFF/, '').trim();
  if (line === '') return false;
  try {
    JSON.parse(line);
    return false;
  } catch {
    // Not JSON: a CSV file when it is named so or starts as margin writes one.
  }
  return /\.csv$/i.test(name) || /^"?id"?,"?article"?,/.test(line);
}

/**
 * What an import's text was when it held nothing: blank (white space and byte order marks
 * only), or an empty JSON array (`[]`, what a Label Studio export of nothing writes), in
 * whichever format it was given; null when it held something. Fed the decoded text a piece at a
 * time as it is read; it keeps no more than the first three characters that are not blank.
 */
export class NothingInText {
  #seen = '';

  feed(piece: string): void {
    for (let at = 0; at < piece.length && this.#seen.length < 3; at++) {
      const char = piece[at]!;
      if (!BLANK.test(char)) this.#seen += char;
    }
  }

  /** Every piece of the text fed through, as it is taken. */
  async *watch(pieces: AsyncIterable<string>): AsyncGenerator<string> {
    for await (const piece of pieces) {
      this.feed(piece);
      yield piece;
    }
  }

  get kind(): 'blank' | 'empty array' | null {
    if (this.#seen === '') return 'blank';
    return this.#seen === '[]' ? 'empty array' : null;
  }
}

const BLANK = /[\s\uFEFF]/;
