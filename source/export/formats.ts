import { type BratFile, toBrat } from './brat.js';
import { csvParts } from './csv.js';
import { doccanoParts } from './doccano.js';
import { jsonlParts } from './jsonl.js';
import { labelStudioParts } from './label-studio.js';
import type { ExportFilter, ExportInput } from './model.js';
import { prodigyParts } from './prodigy.js';
import { w3cParts } from './w3c.js';

export const FORMATS = [
  'jsonl',
  'csv',
  'prodigy',
  'doccano',
  'label-studio',
  'brat',
  'w3c',
] as const;
export type Format = (typeof FORMATS)[number];

export interface FormatOptions {
  bom?: boolean;
  raw?: boolean;
}

/**
 * A format's output: a text (stdout or `--out FILE`) given as parts to write one after the
 * other, so a large export is never one giant string, or a folder of files (brat).
 */
export type FormatOutput =
  | { kind: 'text'; parts: string[] }
  | { kind: 'files'; files: BratFile[]; skippedOrphans: number };

export function isFormat(name: string): name is Format {
  return (FORMATS as readonly string[]).includes(name);
}

export function runFormat(
  format: Format,
  input: ExportInput,
  filter: ExportFilter = {},
  options: FormatOptions = {},
): FormatOutput {
  switch (format) {
    case 'jsonl':
      return { kind: 'text', parts: jsonlParts(input, filter) };
    case 'csv':
      return {
        kind: 'text',
        parts: csvParts(input, filter, { bom: options.bom ?? false, raw: options.raw ?? false }),
      };
    case 'prodigy':
      return { kind: 'text', parts: prodigyParts(input, filter) };
    case 'doccano':
      return { kind: 'text', parts: doccanoParts(input, filter) };
    case 'label-studio':
      return { kind: 'text', parts: labelStudioParts(input, filter) };
    case 'w3c':
      return { kind: 'text', parts: w3cParts(input, filter) };
    case 'brat':
      return { kind: 'files', ...toBrat(input, filter) };
  }
}
