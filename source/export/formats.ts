import type { QuotedText } from './article-text.js';
import { bratWriter } from './brat.js';
import { csvWriter, keptCsv } from './csv.js';
import { doccanoWriter, keptDoccano } from './doccano.js';
import { jsonlWriter, keptJsonl } from './jsonl.js';
import { labelStudioWriter } from './label-studio.js';
import { keptLabelStudio } from './label-studio-kept.js';
import { keptProdigy, prodigyWriter } from './prodigy.js';
import { keptW3c, w3cWriter } from './w3c.js';
import type { ExportSummary, FormatWriter, KeptFormat, WriterOptions } from './writer.js';

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

/**
 * The format's export of every annotation from what the store keeps of each file (see
 * `KeptFormat`), null for one that has none (brat). Made for each export: a format counts and
 * hashes what it writes (w3c's id, Label Studio's first task). `quoted`: the corpus's texts as
 * JSON, for the formats that write whole texts.
 */
export function createKeptFormat(
  format: Format,
  options: WriterOptions,
  summary: ExportSummary,
  quoted?: QuotedText,
): KeptFormat | null {
  switch (format) {
    case 'jsonl':
      return keptJsonl();
    case 'csv':
      return keptCsv(options);
    case 'prodigy':
      return keptProdigy(summary, quoted);
    case 'doccano':
      return keptDoccano(summary, quoted);
    case 'label-studio':
      return keptLabelStudio(options, summary, quoted);
    case 'brat':
      return null;
    case 'w3c':
      return keptW3c();
  }
}
