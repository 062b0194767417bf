import { z } from 'zod';
import { sanitizeLine, sanitizeText } from '../corpus/sanitize.js';
import { LABELS, REVIEW_STATUSES } from './types.js';

export const SCHEMA_NAME = 'margin.annotations';
export const SCHEMA_VERSION = 1;

const anchorSchema = z.strictObject({
  sentence: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string(),
  prefix: z.string().max(32),
  suffix: z.string().max(32),
  textHash: z.string(),
});

const isoTime = z.iso.datetime({ offset: true });

/**
 * Notes and attributes are free text, and a store file may be imported or edited by hand: read
 * and written alike, they lose control and escape sequences, so no consumer (the UI, an export
 * piped to a terminal) ever receives one. A note keeps its line breaks; attributes are one line.
 */
export const cleanNote = (note: string): string => sanitizeText(note).text;
export function cleanAttributes(attributes: Record<string, string>): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) {
    clean[sanitizeLine(key)] = sanitizeLine(value);
  }
  return clean;
}
const noteSchema = z.string().transform(cleanNote);
const attributesSchema = z.record(z.string(), z.string()).transform(cleanAttributes);

/** One annotation as stored: the article and annotator are the file's, not repeated per entry. */
export const storedAnnotationSchema = z.strictObject({
  id: z.string().min(1),
  label: z.enum(LABELS),
  anchor: anchorSchema,
  note: noteSchema.optional(),
  attributes: attributesSchema.optional(),
  created: isoTime,
  updated: isoTime,
});

export const fileSchemaV1 = z.strictObject({
  schema: z.literal(SCHEMA_NAME),
  version: z.literal(1),
  article: z.string().min(1),
  annotator: z.string().min(1),
  status: z.enum(REVIEW_STATUSES),
  annotations: z.array(storedAnnotationSchema),
});

export type StoredAnnotation = z.infer<typeof storedAnnotationSchema>;
/** The content of one store file: one annotator's work on one article. */
export type StoreDoc = z.infer<typeof fileSchemaV1>;

/**
 * Version 0, the pre-release format: a `done` flag instead of a status, and flat tags that kept
 * the sentence text but no context around it.
 */
export const fileSchemaV0 = z.strictObject({
  schema: z.literal(SCHEMA_NAME),
  version: z.literal(0),
  article: z.string().min(1),
  annotator: z.string().min(1),
  done: z.boolean(),
  tags: z.array(
    z.strictObject({
      id: z.string().min(1),
      label: z.enum(LABELS),
      sentence: z.string().min(1),
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      text: z.string(),
      textHash: z.string(),
      note: noteSchema.optional(),
      created: isoTime,
    }),
  ),
});

export function migrateV0(old: z.infer<typeof fileSchemaV0>): StoreDoc {
  return {
    schema: SCHEMA_NAME,
    version: 1,
    article: old.article,
    annotator: old.annotator,
    status: old.done ? 'done' : 'unreviewed',
    annotations: old.tags.map((tag) => ({
      id: tag.id,
      label: tag.label,
      anchor: {
        sentence: tag.sentence,
        start: tag.start,
        end: tag.end,
        quote: tag.text,
        prefix: '',
        suffix: '',
        textHash: tag.textHash,
      },
      ...(tag.note === undefined ? {} : { note: tag.note }),
      created: tag.created,
      updated: tag.created,
    })),
  };
}

export function emptyDoc(article: string, annotator: string): StoreDoc {
  return {
    schema: SCHEMA_NAME,
    version: SCHEMA_VERSION,
    article,
    annotator,
    status: 'unreviewed',
    annotations: [],
  };
}
