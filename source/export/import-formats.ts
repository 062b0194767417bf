import { type BratDocument, parseBratImport } from './import-brat.js';
import { parseDoccanoImport } from './import-doccano.js';
import type { DocumentFormat } from './import-document.js';
import type { ImportError } from './import-errors.js';
import { type ImportContext, type ParsedImport, parseJsonlImport } from './import-jsonl.js';
import { LABEL_STUDIO_DOCUMENT, parseLabelStudioImport } from './import-label-studio.js';
import { parseProdigyImport } from './import-prodigy.js';
import { parseW3cImport, W3C_DOCUMENT } from './import-w3c.js';

export const IMPORT_FORMATS = [
  'jsonl',
  'prodigy',
  'doccano',
  'label-studio',
  'brat',
  'w3c',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export function isImportFormat(name: string): name is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(name);
}

/** What an import reads: one file's text, or a brat folder's documents. */
export type ImportInput =
  | { kind: 'text'; text: string }
  /** `errors`: documents that could not be read (an `.ann` without its `.txt`). */
  | { kind: 'brat'; documents: BratDocument[]; errors: ImportError[] };

/** Validates and re-anchors everything the input holds; nothing is written here. */
export function parseImport(
  format: ImportFormat,
  input: ImportInput,
  context: ImportContext,
): ParsedImport {
  if (input.kind === 'brat') {
    const parsed = parseBratImport(input.documents, context);
    return { ...parsed, errors: [...input.errors, ...parsed.errors] };
  }
  switch (format) {
    case 'jsonl':
      return parseJsonlImport(input.text, context);
    case 'prodigy':
      return parseProdigyImport(input.text, context);
    case 'doccano':
      return parseDoccanoImport(input.text, context);
    case 'label-studio':
      return parseLabelStudioImport(input.text, context);
    case 'w3c':
      return parseW3cImport(input.text, context);
    case 'brat':
      return parseBratImport([], context);
  }
}

/** A whole-document format's reading, for the formats that are one JSON document. */
export function documentFormat(format: ImportFormat): DocumentFormat {
  if (format === 'label-studio') return LABEL_STUDIO_DOCUMENT;
  if (format === 'w3c') return W3C_DOCUMENT;
  throw new Error(`${format} is not a whole-document format`);
}
