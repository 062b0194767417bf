import { LABELS } from '../store/types.js';
import type { Entry, ExportFilter, ExportInput } from './model.js';
import {
  groupByAnnotator,
  groupByArticle,
  labelName,
  progressReporter,
  selectEntries,
} from './model.js';
import { spanOf } from './spans.js';

export interface BratFile {
  /** Relative to the output folder, `/`-separated. */
  path: string;
  content: string;
}

export interface BratExport {
  files: BratFile[];
  /** Orphans have no place in the `.txt`, so brat cannot show them: how many were left out. */
  skippedOrphans: number;
}

/**
 * brat attributes are typed: every value must be declared in annotation.conf and be one token.
 * Attributes that fit become `A` lines; the rest (free text, spaces) are appended to the note.
 */
const TOKEN = /^[A-Za-z0-9_-]+$/;

/**
 * A brat collection: `ID.txt` (the clean text, so brat's code point offsets are the exported
 * ones) and `ID.ann` per article, and `annotation.conf`. With one annotator the files sit in the
 * folder itself; with several, brat having no notion of annotators, each gets a subfolder
 * (`NAME/ID.txt`), which brat shows as a collection under the shared annotation.conf.
 */
export function toBrat(input: ExportInput, filter?: ExportFilter): BratExport {
  const entries = selectEntries(input, filter);
  const report = progressReporter(entries.length, input.onProgress);
  const byAnnotator = groupByAnnotator(entries);
  const nested = byAnnotator.length > 1;
  const folders = new Set<string>();
  const attributeValues = new Map<string, Set<string>>();
  const files: BratFile[] = [];
  let skippedOrphans = 0;
  let done = 0;
  for (const { annotator, entries: own } of byAnnotator) {
    const folder = nested ? `${uniqueFolder(annotator, folders)}/` : '';
    for (const { article, entries: inArticle } of groupByArticle(own)) {
      const lines: string[] = [];
      let t = 0;
      let a = 0;
      let n = 0;
      for (const entry of inArticle) {
        report(++done);
        const span = spanOf(entry);
        if (!span) {
          skippedOrphans++;
          continue;
        }
        const id = `T${++t}`;
        const { fragments, text } = bratSpan(span.start, span.text);
        lines.push(`${id}\t${labelName(entry.annotation.label)} ${fragments}\t${text}`);
        const notes = entry.annotation.note ? [entry.annotation.note] : [];
        for (const [name, value] of sortedAttributes(entry)) {
          if (TOKEN.test(name) && TOKEN.test(value)) {
            lines.push(`A${++a}\t${name} ${id} ${value}`);
            const values = attributeValues.get(name) ?? new Set<string>();
            attributeValues.set(name, values.add(value));
          } else notes.push(`${name}: ${value}`);
        }
        if (notes.length > 0) {
          lines.push(`#${++n}\tAnnotatorNotes ${id}\t${oneLine(notes.join('; '))}`);
        }
      }
      if (t === 0) continue;
      files.push({ path: `${folder}${article.id}.txt`, content: article.text });
      files.push({ path: `${folder}${article.id}.ann`, content: `${lines.join('\n')}\n` });
    }
  }
  files.push({ path: 'annotation.conf', content: annotationConf(attributeValues) });
  return { files, skippedOrphans };
}

/**
 * brat's text-bound span: a sentence that crosses a line break becomes several fragments
 * (`0 5;6 10`), since brat requires the text field to be one line.
 */
function bratSpan(start: number, text: string): { fragments: string; text: string } {
  const parts: string[] = [];
  const pieces: string[] = [];
  let offset = start;
  for (const line of text.split('\n')) {
    const length = [...line].length;
    if (length > 0) {
      parts.push(`${offset} ${offset + length}`);
      pieces.push(line);
    }
    offset += length + 1;
  }
  return { fragments: parts.join(';'), text: oneLine(pieces.join(' ')) };
}

function sortedAttributes(entry: Entry): Array<[string, string]> {
  return Object.entries(entry.annotation.attributes ?? {}).sort(([x], [y]) =>
    x < y ? -1 : x > y ? 1 : 0,
  );
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ');
}

/** An annotator name as a folder name, safe on every file system and distinct from the others. */
function uniqueFolder(annotator: string, taken: Set<string>): string {
  const base = annotator.replace(/[^\p{L}\p{N}_.-]/gu, '_').replace(/^\.+/, '_') || '_';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}_${i}`;
  taken.add(name.toLowerCase());
  return name;
}

function annotationConf(attributes: Map<string, Set<string>>): string {
  const declared = [...attributes.entries()]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([name, values]) => `${name}\tArg:<ENTITY>, Value:${[...values].sort().join('|')}`);
  return [
    '[entities]',
    ...LABELS.map(labelName),
    '',
    '[relations]',
    // One sentence may carry several labels: allow spans that coincide exactly.
    '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:equal',
    '',
    '[events]',
    '',
    '[attributes]',
    ...declared,
    '',
  ].join('\n');
}
