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
