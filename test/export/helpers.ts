import type { Article } from '../../source/corpus/types.js';
import { articleEntries } from '../../source/export/article-entries.js';
import type { Format } from '../../source/export/formats.js';
import type { BratDocument } from '../../source/export/import-brat.js';
import { type ImportFormat, parseImport } from '../../source/export/import-formats.js';
import type { ImportContext } from '../../source/export/import-jsonl.js';
import { type ExportOptions, exportToMemory } from '../../source/export/stream.js';
import { DEFAULT_LABELS, type LabelSet } from '../../source/store/labels.js';
import type { PlacedAnnotation, ReviewStatus } from '../../source/store/types.js';

export interface StoreContents {
  articles: Article[];
  annotations: PlacedAnnotation[];
  statuses: (article: string, annotator: string) => ReviewStatus;
}

/** An export of `store` as the command streams it, collected in memory. */
export function exportOf(
  format: Format,
  store: StoreContents,
  options: Partial<ExportOptions> = {},
): Promise<{
  text: string;
  files: Map<string, string>;
  summary: Awaited<ReturnType<typeof exportToMemory>>['summary'];
}> {
  return exportToMemory(format, articleEntries(store.articles, store.annotations, store.statuses), {
    labels: DEFAULT_LABELS,
    ...options,
  });
}

/** The output's text (for the formats that write one). */
export async function exportText(
  format: Format,
  store: StoreContents,
  options: Partial<ExportOptions> = {},
): Promise<string> {
  return (await exportOf(format, store, options)).text;
}

export function importContext(
  store: StoreContents,
  labels: LabelSet = DEFAULT_LABELS,
): ImportContext {
  let id = 0;
  return {
    articles: new Map(store.articles.map((article) => [article.id, article])),
    labels,
    newId: () => `new-${++id}`,
    now: '2026-03-01T00:00:00.000Z',
    fallbackAnnotator: 'importer',
  };
}

/** Exports `store` as `format` and imports the result back, as a user would with the files. */
export async function roundTrip(
  format: ImportFormat,
  store: StoreContents,
  labels: LabelSet = DEFAULT_LABELS,
): Promise<ReturnType<typeof parseImport>> {
  const out = await exportOf(format, store, { labels });
  if (format !== 'brat') {
    return parseImport(format, { kind: 'text', text: out.text }, importContext(store, labels));
  }
  const documents: BratDocument[] = [];
  for (const [path, ann] of out.files) {
    if (!path.endsWith('.ann')) continue;
    const name = path.slice(0, -'.ann'.length);
    documents.push({ path: name, ann, text: out.files.get(`${name}.txt`)! });
  }
  return parseImport('brat', { kind: 'brat', documents, errors: [] }, importContext(store, labels));
}

/** RFC 4180 CSV, as a spreadsheet reads it: rows of cells, quotes undone. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

export function jsonLines(text: string): Array<Record<string, unknown>> {
  return text
    .trimEnd()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
