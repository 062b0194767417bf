import { stringify } from 'csv-stringify/sync';
import type { ExportFilter, ExportInput } from './model.js';
import { progressReporter, selectEntries } from './model.js';
import { type ExportRecord, toRecord } from './record.js';

const COLUMNS = [
  'id',
  'article',
  'title',
  'source',
  'date',
  'annotator',
  'label',
  'sentence',
  'text',
  'start',
  'end',
  'quote',
  'prefix',
  'suffix',
  'textHash',
  'note',
  'status',
  'created',
  'updated',
  'orphan',
] as const satisfies ReadonlyArray<keyof ExportRecord>;

export interface CsvOptions {
  /** Starts the file with U+FEFF so Excel reads it as UTF-8 instead of the local code page. */
  bom?: boolean;
  /** Leaves cells as they are, without the guard against formulas (`formulaSafe`). */
  raw?: boolean;
}

/** What Excel, LibreOffice and Google Sheets read as the start of a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A scraped sentence, a note or an attribute starting with `=`, `+`, `-`, `@`, a tab or a CR would
 * run as a formula when the file is opened in a spreadsheet (`=HYPERLINK(...)` leaking data, or
 * worse): such a cell gets a leading `'`, which spreadsheets take as "this is text" and hide.
 */
export function formulaSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Rows handed to csv-stringify at a time: its output stays in a few large parts. */
const BATCH = 2048;

const OPTIONS = {
  record_delimiter: 'windows',
  // A bare LF in a note is not the record delimiter, so csv-stringify would leave it unquoted.
  quoted_match: /[\r\n]/,
} as const;

/**
 * The native columns, then one `attribute:NAME` column per attribute name in use, so a
 * spreadsheet can filter on them. CRLF line ends and quoting per RFC 4180 (csv-stringify).
 */
export function csvParts(
  input: ExportInput,
  filter?: ExportFilter,
  options: CsvOptions = {},
): string[] {
  const entries = selectEntries(input, filter);
  const report = progressReporter(entries.length, input.onProgress);
  const records = entries.map((entry) => toRecord(entry, input.statuses));
  const names = [...new Set(records.flatMap((record) => Object.keys(record.attributes)))].sort();
  const header = [...COLUMNS, ...names.map((name) => `attribute:${name}`)];
  // Every text cell: besides sentences and notes, names and ids may come from an imported file.
  const guard = options.raw ? (value: string) => value : formulaSafe;
  const parts = [(options.bom ? '\uFEFF' : '') + stringify([header], OPTIONS)];
  for (let from = 0; from < records.length; from += BATCH) {
    const rows = records
      .slice(from, from + BATCH)
      .map((record) => [
        ...COLUMNS.map((column) => guard(cell(record[column]))),
        ...names.map((name) => guard(record.attributes[name] ?? '')),
      ]);
    parts.push(stringify(rows, OPTIONS));
    report(Math.min(records.length, from + BATCH));
  }
  return parts;
}

/** The whole file as one string (tests, small exports). */
export function toCsv(input: ExportInput, filter?: ExportFilter, options: CsvOptions = {}): string {
  return csvParts(input, filter, options).join('');
}

function cell(value: ExportRecord[(typeof COLUMNS)[number]]): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}
