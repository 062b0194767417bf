import { type BratFile, toBrat } from './brat.js';
import { toCsv } from './csv.js';
import { toDoccano } from './doccano.js';
import { toJsonl } from './jsonl.js';
import { toLabelStudio } from './label-studio.js';
import type { ExportFilter, ExportInput } from './model.js';
import { toProdigy } from './prodigy.js';
import { toW3c } from './w3c.js';

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
}

/** A format's output: one text (stdout or `--out FILE`) or a folder of files (brat). */
export type FormatOutput =
  | { kind: 'text'; text: string }
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
      return { kind: 'text', text: toJsonl(input, filter) };
    case 'csv':
      return { kind: 'text', text: toCsv(input, filter, { bom: options.bom ?? false }) };
    case 'prodigy':
      return { kind: 'text', text: toProdigy(input, filter) };
    case 'doccano':
      return { kind: 'text', text: toDoccano(input, filter) };
    case 'label-studio':
      return { kind: 'text', text: toLabelStudio(input, filter) };
    case 'w3c':
      return { kind: 'text', text: toW3c(input, filter) };
    case 'brat':
      return { kind: 'files', ...toBrat(input, filter) };
  }
}
