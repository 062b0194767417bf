import type { Placement } from '../store/index.js';
import type { LabelSet } from '../store/labels.js';
import type { Annotation, Label, ReviewStatus } from '../store/types.js';
import { REVIEW_STATUSES } from '../store/types.js';
import * as z from '../text/schema.js';
import { clampContext, reanchor } from './import-anchor.js';
import { type ImportError, quotedValue, validLines } from './import-errors.js';
import type { ArticleLookup } from './import-span.js';
import { importedAnnotator, labelList, stringRecord } from './import-values.js';
import { articleCodePoints } from './offsets.js';

export const isoTime = z.iso.datetime({
  offset: true,
  error: 'expected an ISO 8601 date and time',
});

/**
 * A line of `margin export --format jsonl`. Only what identifies the annotation is required, so
 * hand-made files import too; the descriptive fields (title, status, orphan...) are ignored.
 */
const recordSchema = z
  .object({
    id: z.optional(z.string().check(z.minLength(1))),
    article: z.string().check(z.minLength(1)),
    annotator: z.string().check(z.minLength(1)),
    label: z.string().check(z.minLength(1)),
    sentence: z.optional(z.string().check(z.minLength(1))),
    text: z.optional(z.string()),
    quote: z.optional(z.string()),
    start: z.number().check(z.int(), z.nonnegative()),
    end: z.number().check(z.int(), z.nonnegative()),
    prefix: z.optional(z.string()),
    suffix: z.optional(z.string()),
    textHash: z.optional(z.string()),
    note: z.optional(z.nullable(z.string())),
    attributes: z.optional(stringRecord),
    status: z.optional(
      z.enum(REVIEW_STATUSES, { error: `expected one of ${REVIEW_STATUSES.join(', ')}` }),
    ),
    created: z.optional(isoTime),
    updated: z.optional(isoTime),
  })
  .check(
    z.refine((record) => record.end >= record.start, {
      path: ['end'],
      error: 'is before start',
    }),
    z.refine((record) => record.quote !== undefined || record.text !== undefined, {
      path: ['quote'],
      error: 'missing (and no text)',
    }),
  );

/** A valid line's annotation, re-anchored; `placement`: the sentence it sits on now (null: orphan). */
export interface ImportCandidate {
  line: number;
  /** The file within the input, for an input of several (a brat folder). */
  file?: string;
  annotation: Annotation;
  placement: Placement | null;
}

export interface ParsedImport {
  annotations: ImportCandidate[];
  errors: ImportError[];
  /** Lines that were valid but deliberately not imported (Prodigy's rejected answers). */
  ignored: number;
  /**
   * A model's suggestions left out (Label Studio predictions of margin's model, Prodigy tasks
   * proposed and not answered): proposals, never annotations, and not counted in `ignored`.
   */
  suggestions?: number;
  /** Review status per article and annotator as the file gives it (the first line wins). */
  statuses: ImportedStatus[];
}

export interface ImportedStatus {
  article: string;
  annotator: string;
  status: ReviewStatus;
}

/** Collects one status per article and annotator, keeping the first seen. */
export function noteStatus(out: Pick<ParsedImport, 'statuses'>, entry: ImportedStatus): void {
  const known = out.statuses.some(
    (s) => s.article === entry.article && s.annotator === entry.annotator,
  );
  if (!known) out.statuses.push(entry);
}

export interface ImportContext {
  articles: ArticleLookup;
  /** The project's labels: a label outside them is an error. */
  labels: LabelSet;
  newId: () => string;
  now: string;
  /** Who made what the file credits to no one (`--annotator`, default: you). */
  fallbackAnnotator: string;
  /** Label Studio user ids of annotators (`--annotator-ids`), for `completed_by`. */
  annotatorIds?: ReadonlyMap<string, number>;
}

/** Validates every line of a native export and re-anchors it on the current corpus. */
export function parseJsonlImport(content: string, context: ImportContext): ParsedImport {
  const out: ParsedImport = { annotations: [], errors: [], ignored: 0, statuses: [] };
  const labels = new Set(context.labels.map((label) => label.name));
  for (const { line, value: record } of validLines(content, recordSchema, out.errors)) {
    // A name `--annotator` would take comes back as it is, as from every other format; one the
    // store merely tidies (NFC) is taken tidied.
    const { annotator, problem } = importedAnnotator(record.annotator);
    if (problem !== null) {
      out.errors.push({ line, message: `annotator: ${problem}` });
      continue;
    }
    if (!labels.has(record.label)) {
      out.errors.push({ line, message: `label: expected one of ${labelList(context.labels)}` });
      continue;
    }
    const article = context.articles.get(record.article);
    if (!article) {
      // JSON quoting: a value from the file never puts a control character on the terminal.
      out.errors.push({ line, message: `unknown article ${quotedValue(record.article)}` });
      continue;
    }
    const points = articleCodePoints(article);
    const placed = reanchor(
      {
        sentence: record.sentence ?? 'unknown',
        start: points.toUtf16(record.start),
        end: points.toUtf16(record.end),
        quote: record.quote ?? record.text!,
        ...clampContext(record.prefix ?? '', record.suffix ?? ''),
        textHash: record.textHash ?? '',
      },
      article,
    );
    if (record.status) {
      noteStatus(out, { article: article.id, annotator, status: record.status });
    }
    const created = record.created ?? context.now;
    // A hand-made line over several sentences tags each; the first keeps the line's id.
    for (const [index, { anchor, placement }] of placed.entries()) {
      out.annotations.push({
        line,
        placement,
        annotation: {
          id: index === 0 && record.id !== undefined ? record.id : context.newId(),
          article: article.id,
          annotator,
          label: record.label as Label,
          anchor,
          ...(record.note != null ? { note: record.note } : {}),
          ...(record.attributes && Object.keys(record.attributes).length > 0
            ? { attributes: { ...record.attributes } }
            : {}),
          created,
          updated: record.updated ?? created,
        },
      });
    }
  }
  return out;
}
