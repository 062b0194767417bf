import { stringify } from 'csv-stringify/sync';
import { declaredAttributes } from '../store/labels.js';
import { safeJson, visible } from '../text/untrusted.js';
import { type ExportRecord, toRecord } from './record.js';
import type { FormatWriter, WriterOptions } from './writer.js';

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

const OPTIONS = {
  record_delimiter: 'windows',
  // A bare LF in a note is not the record delimiter, so csv-stringify would leave it unquoted.
  quoted_match: /[\r\n]/,
} as const;

/**
 * The native columns, then one `attribute:NAME` column per attribute the labels declare (the
 * same columns whatever the store holds, so the header is known before the first row), then
 * `attributes`: any other attribute, as a JSON object. CRLF line ends and quoting per RFC 4180
 * (csv-stringify). A CSV cell has no escapes, so control characters and bidi overrides (from a
 * file name, a note) are written as `\u001b`-style text: a spreadsheet or a terminal never
 * receives them; jsonl keeps the exact values.
 */
export function csvWriter(options: WriterOptions): FormatWriter {
  const names = [...declaredAttributes(options.labels).keys()];
  const declared = new Set(names);
  const storyOf = options.storyOf;
  const header = [
    ...COLUMNS,
    ...(storyOf ? ['story'] : []),
    ...names.map((name) => `attribute:${name}`),
    'attributes',
  ];
  const guard = options.raw
    ? (value: string) => visible(value)
    : (value: string) => formulaSafe(visible(value));
  return {
    start: () => (options.bom ? '\uFEFF' : '') + stringify([header], OPTIONS),
    article(selected) {
      // One article's rows at a time: kept longer, they outlive the young generation and cost
      // the collector twice the time of the rest of the export.
      const rows: string[][] = [];
      for (const entry of selected.entries) {
        const record = toRecord(entry, selected.status(entry.annotation.annotator), storyOf);
        // Attribute names come from files: looked up as own keys only, never `constructor`'s.
        const attributes = new Map(Object.entries(record.attributes));
        const others = [...attributes].filter(([name]) => !declared.has(name));
        rows.push([
          ...COLUMNS.map((column) => guard(cell(record[column]))),
          ...(storyOf ? [guard(record.story ?? '')] : []),
          ...names.map((name) => guard(attributes.get(name) ?? '')),
          others.length > 0 ? guard(safeJson(Object.fromEntries(others))) : '',
        ]);
      }
      return stringify(rows, OPTIONS);
    },
    end: () => '',
  };
}

function cell(value: ExportRecord[(typeof COLUMNS)[number]]): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}
