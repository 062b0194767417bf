import type * as z from '../text/schema.js';
import { findJsonSyntaxError } from './json-syntax.js';

/** A line that was not imported: `FILE:LINE: reason`. */
export interface ImportError {
  line: number;
  message: string;
  /** The file within the input, for an input of several (a brat folder): `/`-separated. */
  file?: string;
}

export function formatError(input: string, error: ImportError): string {
  return `${placeOf(input, error)}: ${error.message}`;
}

/** The most of a value from the file a message quotes, in characters. */
const QUOTED_CHARS = 100;

/**
 * A value from the file (an article id, a label) quoted as JSON for a message (a control
 * character shows escaped), cut after its first 100 characters with how long it is: a hostile
 * id of a million characters was printed whole, a line of 1 MB.
 */
export function quotedValue(value: string): string {
  if (value.length <= QUOTED_CHARS) return JSON.stringify(value);
  // Whole code points: a cut between the two halves of a pair would show a lone one.
  const shown = Array.from(value.slice(0, QUOTED_CHARS + 1))
    .slice(0, QUOTED_CHARS)
    .join('');
  return `${JSON.stringify(shown)}… (${[...value].length} characters)`;
}

/** Where a refused line is: `FILE:LINE`. */
export function placeOf(input: string, error: ImportError): string {
  const file = error.file === undefined ? input : `${input.replace(/\/+$/, '')}/${error.file}`;
  return `${file}:${error.line}`;
}

/** Errors in the order of the input: file, then line. */
export function byPlace(a: ImportError, b: ImportError): number {
  const x = a.file ?? '';
  const y = b.file ?? '';
  return x < y ? -1 : x > y ? 1 : a.line - b.line;
}

/** The first problem zod found, as `field: what is wrong` (`label: expected one of ...`). */
export function describeIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'not valid';
  const path = issue.path.map(String).join('.');
  // zod leaves the input out of issues unless asked; its message names what it received.
  const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
  const message = missing ? 'missing' : issue.message;
  return path ? `${path}: ${message}` : message;
}

/** Splits into lines, numbering from 1 and skipping blank ones (a trailing newline is normal). */
export function* numberedLines(content: string): Generator<{ line: number; text: string }> {
  const lines = content.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index]!;
    if (text.trim() === '') continue;
    // A BOM left by a spreadsheet or an editor, or by files joined with `cat`, is not JSON.
    yield { line: index + 1, text: text.replace(/^\uFEFF/, '') };
  }
}

export function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: `not valid JSON: ${describeJsonError(text)}` };
  }
}

/**
 * The lines of a JSON Lines file that parse and match `schema`, numbered from 1; every other
 * line goes to `errors` as `not valid JSON` or the first thing the schema found wrong.
 */
export function* validLines<S extends z.ZodMiniType>(
  content: string,
  schema: S,
  errors: ImportError[],
): Generator<{ line: number; value: z.infer<S> }, void, undefined> {
  for (const { line, text } of numberedLines(content)) {
    const json = parseJson(text);
    if (!json.ok) {
      errors.push({ line, message: json.message });
      continue;
    }
    const { value } = json;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      // Not the schema library's `Invalid input: expected object, received array`.
      errors.push({ line, message: `${jsonKind(value)}, where each line is one JSON object` });
      continue;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      errors.push({ line, message: describeIssue(parsed.error) });
      continue;
    }
    yield { line, value: parsed.data };
  }
}

/** What a JSON value other than an object is, for a message: `a number`, `an array`, `null`. */
function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'a JSON array';
  if (value === null || typeof value === 'boolean') return `${String(value)}`;
  return `a JSON ${typeof value === 'number' ? 'number' : 'string'}`;
}

/**
 * Why a text is not JSON, where: `column 7: expected ',' or '}', found "x"` (with the line too
 * when the text has several). The found character is quoted as JSON, so a control character in
 * the file is shown escaped.
 */
export function describeJsonError(text: string): string {
  const found = findJsonSyntaxError(text);
  if (!found) return 'not valid';
  const { line, column } = lineAndColumn(text, found.offset);
  const where = text.includes('\n') ? `line ${line}, column ${column}` : `column ${column}`;
  if (found.offset >= text.length) return `${where}: the text ends; expected ${found.expected}`;
  const char = String.fromCodePoint(text.codePointAt(found.offset)!);
  return `${where}: expected ${found.expected}, found ${shownChar(char)}`;
}

/**
 * The character where JSON broke, quoted as JSON (a control character shows escaped); one a
 * person cannot see, by its code point: a byte-order mark in the middle of a line (files joined
 * without a newline between them) or a no-break space showed as `" "`.
 */
function shownChar(char: string): string {
  if (char === '\uFEFF') return 'a byte-order mark (U+FEFF), taken only at the start of a line';
  if (char !== ' ' && /^[\p{Z}\p{Cf}]$/u.test(char)) {
    return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return JSON.stringify(char);
}

/** 1-based line and column (in characters) of a UTF-16 offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: [...text.slice(start, offset)].length + 1 };
}
