import { bratWriter } from './brat.js';
import { csvWriter } from './csv.js';
import { doccanoWriter } from './doccano.js';
import { jsonlWriter } from './jsonl.js';
import { labelStudioWriter } from './label-studio.js';
import { prodigyWriter } from './prodigy.js';
import { w3cWriter } from './w3c.js';
import type { ExportSummary, FormatWriter, WriterOptions } from './writer.js';

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

export function isFormat(name: string): name is Format {
  return (FORMATS as readonly string[]).includes(name);
}

/** Formats that write a folder of files rather than one text. */
export function writesFiles(format: Format): boolean {
  return format === 'brat';
}

export function createWriter(
  format: Format,
  options: WriterOptions,
  summary: ExportSummary,
): FormatWriter {
  switch (format) {
    case 'jsonl':
      return jsonlWriter(options.storyOf);
    case 'csv':
      return csvWriter(options);
    case 'prodigy':
      return prodigyWriter(summary, options);
    case 'doccano':
      return doccanoWriter(summary);
    case 'label-studio':
      return labelStudioWriter(options, summary);
    case 'brat':
      return bratWriter(options.labels, summary);
    case 'w3c':
      return w3cWriter(options.storyOf);
  }
}
