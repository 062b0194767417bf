import type * as z from '../text/schema.js';
import {
  describeIssue,
  describeJsonError,
  type ImportError,
  lineAndColumn,
} from './import-errors.js';
import { findJsonSyntaxError } from './json-syntax.js';

/**
 * A whole-file JSON import (Label Studio's task list, a W3C collection): the document, or
 * undefined after an error naming the line where it stops being JSON.
 */
export function parseDocument(content: string, errors: ImportError[]): unknown {
  const text = content.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const found = findJsonSyntaxError(text);
    const line = found ? lineAndColumn(text, found.offset).line : 1;
    errors.push({ line, message: `not valid JSON: ${describeJsonError(text)}` });
    return undefined;
  }
}

/** The items that match `schema`, each with its line; the others go to `errors` by line. */
export function* validItems<S extends z.ZodMiniType>(
  items: readonly unknown[],
  lines: readonly number[],
  schema: S,
  errors: ImportError[],
): Generator<{ line: number; index: number; value: z.infer<S> }, void, undefined> {
  for (const [index, item] of items.entries()) {
    const line = lines[index] ?? 1;
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      errors.push({ line, message: describeIssue(parsed.error) });
      continue;
    }
    yield { line, index, value: parsed.data };
  }
}
