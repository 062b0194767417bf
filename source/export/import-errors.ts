import type { z } from 'zod';

/** A line that was not imported: `FILE:LINE: reason`. */
export interface ImportError {
  line: number;
  message: string;
}

export function formatError(file: string, error: ImportError): string {
  return `${file}:${error.line}: ${error.message}`;
}

/** The first problem zod found, as `field: what is wrong` (`label: expected one of ...`). */
export function describeIssue(error: z.ZodError): string {
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
    // A BOM left by a spreadsheet or an editor would make the first line not JSON.
    yield { line: index + 1, text: index === 0 ? text.replace(/^\uFEFF/, '') : text };
  }
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * The lines of a JSON Lines file that parse and match `schema`, numbered from 1; every other
 * line goes to `errors` as `not valid JSON` or the first thing the schema found wrong.
 */
export function* validLines<S extends z.ZodType>(
  content: string,
  schema: S,
  errors: ImportError[],
): Generator<{ line: number; value: z.infer<S> }, void, undefined> {
  for (const { line, text } of numberedLines(content)) {
    const json = parseJson(text);
    if (!json.ok) {
      errors.push({ line, message: 'not valid JSON' });
      continue;
    }
    const parsed = schema.safeParse(json.value);
    if (!parsed.success) {
      errors.push({ line, message: describeIssue(parsed.error) });
      continue;
    }
    yield { line, value: parsed.data };
  }
}
