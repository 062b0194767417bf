import { stringify } from 'csv-stringify/sync';
import { declaredAttributes } from '../store/labels.js';
import type { ReviewStatus } from '../store/types.js';
import { safeJson, visible } from '../text/untrusted.js';
import { keptItem, keptItems, keptItemsText } from './kept-items.js';
import type { Entry, SelectedArticle } from './model.js';
import { type ExportRecord, toRecord } from './record.js';
import type { FormatWriter, KeptFormat, WriterOptions } from './writer.js';

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
  const rows = csvRows(options);
  return {
    start: rows.start,
    // One article's rows at a time: kept longer, they outlive the young generation and cost
    // the collector twice the time of the rest of the export.
    article: (selected) => stringify(rows.cellsOfArticle(selected), OPTIONS),
    end: () => '',
  };
}

/** The header and each row's cells, guarded and made visible, in the columns of `options`. */
function csvRows(options: WriterOptions) {
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
    names,
    articleCells: (article: Entry['article']): string[] =>
      [article.id, article.title, article.source, article.date].map((value) => guard(cell(value))),
    start: () => (options.bom ? '\uFEFF' : '') + stringify([header], OPTIONS),
    /** Each row's cells of one article, in its entries' order. */
    cellsOfArticle(selected: SelectedArticle): string[][] {
      return selected.entries.map((entry) =>
        this.cellsOf(entry, selected.status(entry.annotation.annotator)),
      );
    },
    cellsOf(entry: Entry, status: ReviewStatus): string[] {
      const record = toRecord(entry, status, storyOf);
      // Attribute names come from files: looked up as own keys only, never `constructor`'s.
      const attributes = new Map(Object.entries(record.attributes));
      const others = [...attributes].filter(([name]) => !declared.has(name));
      return [
        ...COLUMNS.map((column) => guard(cell(record[column]))),
        ...(storyOf ? [guard(record.story ?? '')] : []),
        ...names.map((name) => guard(attributes.get(name) ?? '')),
        others.length > 0 ? guard(safeJson(Object.fromEntries(others))) : '',
      ];
    },
  };
}

/** Where the article's columns (`article` to `date`) are in a row: the same for each of its rows. */
const ARTICLE_CELLS = [1, 5] as const;

/** Cells as csv text without the record's end: quoting is per cell, so parts join with commas. */
function csvText(cells: string[]): string {
  return stringify([cells], OPTIONS).slice(0, -2);
}

/**
 * The csv export of every annotation (no filter, no story) as kept between exports, like jsonl's
 * (see `keptLines`): per file its rows as items (`keptItemsText`) of two parts, the cells before
 * and after the article's, which come from the corpus at each export. Its `kind` names the
 * columns and the guard, so a change to either renders again.
 */
export function keptCsv(options: WriterOptions): KeptFormat {
  const rows = csvRows({ ...options, storyOf: undefined });
  const guard = options.raw ? 'raw' : 'guarded';
  // The cells of the article last rendered, for its kept items: rendered once, not twice.
  let rendered = new Map<Entry['annotation'], string[]>();
  return {
    kind: `csv 2 ${guard} ${JSON.stringify(rows.names)}`,
    start: rows.start,
    end: () => '',
    article(selected) {
      const cells = rows.cellsOfArticle(selected);
      rendered = new Map(selected.entries.map(({ annotation }, at) => [annotation, cells[at]!]));
      return stringify(cells, OPTIONS);
    },
    keep(entries, status) {
      // Rendered by `article` just before; an entry it did not render is rendered here.
      const items = entries.map((entry) => {
        const cells = rendered.get(entry.annotation) ?? rows.cellsOf(entry, status);
        return keptItem(
          entry.annotation,
          csvText(cells.slice(0, ARTICLE_CELLS[0])),
          csvText(cells.slice(ARTICLE_CELLS[1])),
        );
      });
      return keptItemsText(items);
    },
    fromKept(article, kept) {
      const articleCells = Buffer.from(`,${csvText(rows.articleCells(article))},`);
      const items = keptItems(kept);
      // Two parts each: the cells before the article's and those after.
      let size = 0;
      for (const { head } of items) {
        size += (head[4] as number) + articleCells.length + (head[5] as number) + CRLF.length;
      }
      const out = Buffer.allocUnsafe(size);
      let at = 0;
      for (const { head, bytes, from } of items) {
        const middle = from + (head[4] as number);
        at += bytes.copy(out, at, from, middle);
        at += articleCells.copy(out, at);
        at += bytes.copy(out, at, middle, middle + (head[5] as number));
        at += CRLF.copy(out, at);
      }
      return { bytes: out, lines: items.length };
    },
  };
}

const CRLF = Buffer.from('\r\n');

function cell(value: ExportRecord[(typeof COLUMNS)[number]]): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}
