import { sanitizeLine, sanitizeText } from '../corpus/sanitize.js';
import * as z from '../text/schema.js';
import { REVIEW_STATUSES } from './types.js';

export const SCHEMA_NAME = 'margin.annotations';
export const SCHEMA_VERSION = 1;

/**
 * Notes and attributes are free text, and a store file may be imported or edited by hand: read
 * and written alike, they lose control and escape sequences, so no consumer (the UI, an export
 * piped to a terminal) ever receives one. A note keeps its line breaks; attributes are one line.
 */
export const cleanNote = (note: string): string => sanitizeText(note).text;
/**
 * Built with `Object.fromEntries`, which defines own properties: assigning `clean[key]` would
 * turn an attribute named `__proto__` into the object's prototype instead of an attribute.
 */
export function cleanAttributes(attributes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(attributes).map(([key, value]) => [sanitizeLine(key), sanitizeLine(value)]),
  );
}

/**
 * Limits that keep one store file small enough to read, diff and merge: a note is a remark, not a
 * document; an attribute is a name or a date. Larger values are refused with a message, on
 * writing and on reading a file edited by hand (README, "What margin promises").
 */
export const LIMITS = {
  noteCharacters: 10_000,
  attributeValueCharacters: 1_000,
  attributeNameCharacters: 64,
  attributes: 32,
  labelNameCharacters: 64,
} as const;

/** Why a note or attributes cannot be stored, or null when they fit the limits. */
export function beyondLimits(
  note: string | null | undefined,
  attributes: Record<string, string> | null | undefined,
): string | null {
  const count = (n: number) => n.toLocaleString('en-US');
  if (note && note.length > LIMITS.noteCharacters) {
    return `a note holds at most ${count(LIMITS.noteCharacters)} characters; this one has ${count(note.length)}`;
  }
  const entries = attributes ? Object.entries(attributes) : [];
  if (entries.length > LIMITS.attributes) {
    return `an annotation holds at most ${LIMITS.attributes} attributes; these are ${entries.length}`;
  }
  for (const [name, value] of entries) {
    if (name.length > LIMITS.attributeNameCharacters) {
      return `an attribute name holds at most ${LIMITS.attributeNameCharacters} characters`;
    }
    if (value.length > LIMITS.attributeValueCharacters) {
      return `an attribute value holds at most ${count(LIMITS.attributeValueCharacters)} characters; ${name} has ${count(value.length)}`;
    }
  }
  return null;
}

/**
 * The store's schemas, made when a store file is first checked: making zod schemas takes some
 * milliseconds at import, which a review's first frame need not wait for (a warm start reads its
 * counts from the store index and parses no file until one is opened).
 */
function makeSchemas() {
  const anchorSchema = z.strictObject({
    sentence: z.string().check(z.minLength(1)),
    start: z.number().check(z.int(), z.nonnegative()),
    end: z.number().check(z.int(), z.nonnegative()),
    quote: z.string(),
    prefix: z.string().check(z.maxLength(32)),
    suffix: z.string().check(z.maxLength(32)),
    textHash: z.string(),
  });

  const isoTime = z.iso.datetime({ offset: true });

  /** Any label a project may have named, within limits: one line, no control characters. */
  const labelSchema = z
    .string()
    .check(
      z.minLength(1),
      z.maxLength(LIMITS.labelNameCharacters),
      z.regex(
        /^[^\u0000-\u001f\u007f-\u009f]+$/,
        'a label name is one line without control characters',
      ),
    );

  const noteSchema = z.pipe(
    z.string().check(z.maxLength(LIMITS.noteCharacters)),
    z.transform(cleanNote),
  );
  /**
   * A record of text values, checked by hand: zod's `record` builds its output by assignment and
   * drops an attribute named `__proto__`, which must round-trip like any other name.
   */
  const attributesSchema = z.pipe(
    z.unknown(),
    z.transform((value, context): Record<string, string> => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        context.issues.push({
          code: 'custom',
          message: 'expected an object of text values',
          input: value,
        });
        return z.NEVER;
      }
      const entries = Object.entries(value);
      const wrong = entries.find(([, each]) => typeof each !== 'string');
      const problem = wrong
        ? `the value of ${JSON.stringify(wrong[0])} is not text`
        : entries.some(([name]) => name === '')
          ? 'an attribute name is empty'
          : beyondLimits(undefined, Object.fromEntries(entries) as Record<string, string>);
      if (problem) {
        context.issues.push({ code: 'custom', message: problem, input: value });
        return z.NEVER;
      }
      return cleanAttributes(Object.fromEntries(entries) as Record<string, string>);
    }),
  );

  /** One annotation as stored: the article and annotator are the file's, not repeated per entry. */
  const storedAnnotationSchema = z.strictObject({
    id: z.string().check(z.minLength(1)),
    label: labelSchema,
    anchor: anchorSchema,
    note: z.optional(noteSchema),
    attributes: z.optional(attributesSchema),
    created: isoTime,
    updated: isoTime,
  });

  const fileSchemaV1 = z.strictObject({
    schema: z.literal(SCHEMA_NAME),
    version: z.literal(1),
    article: z.string().check(z.minLength(1)),
    annotator: z.string().check(z.minLength(1)),
    status: z.enum(REVIEW_STATUSES),
    annotations: z.array(storedAnnotationSchema),
  });

  /**
   * Version 0, the pre-release format: a `done` flag instead of a status, and flat tags that kept
   * the sentence text but no context around it.
   */
  const fileSchemaV0 = z.strictObject({
    schema: z.literal(SCHEMA_NAME),
    version: z.literal(0),
    article: z.string().check(z.minLength(1)),
    annotator: z.string().check(z.minLength(1)),
    done: z.boolean(),
    tags: z.array(
      z.strictObject({
        id: z.string().check(z.minLength(1)),
        label: labelSchema,
        sentence: z.string().check(z.minLength(1)),
        start: z.number().check(z.int(), z.nonnegative()),
        end: z.number().check(z.int(), z.nonnegative()),
        text: z.string(),
        textHash: z.string(),
        note: z.optional(noteSchema),
        created: isoTime,
      }),
    ),
  });
  return { storedAnnotation: storedAnnotationSchema, fileV1: fileSchemaV1, fileV0: fileSchemaV0 };
}

/**
 * The annotation as a store file keeps it, or why it cannot be kept (`path: what is wrong`): the
 * store's schema and limits, asked before anything is written (an import checks every line
 * first, so one over-limit note is a refused line, not a write that stops halfway).
 */
export function storedForm(
  annotation: Record<string, unknown>,
): { ok: true; stored: StoredAnnotation } | { ok: false; problem: string } {
  const { article: _article, annotator: _annotator, placement: _placement, ...rest } = annotation;
  // The limits' own words ("a note holds at most 10,000 characters; this one has 10,001").
  const note = typeof rest.note === 'string' ? rest.note : undefined;
  if (note !== undefined) {
    const tooLarge = beyondLimits(note, undefined);
    if (tooLarge) return { ok: false, problem: `note: ${tooLarge}` };
  }
  const checked = storeSchemas().storedAnnotation.safeParse(rest);
  if (checked.success) return { ok: true, stored: checked.data };
  const issue = checked.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  const message = issue?.message ?? 'not valid';
  return { ok: false, problem: path ? `${path}: ${message}` : message };
}

type Schemas = ReturnType<typeof makeSchemas>;
let made: Schemas | null = null;
export const storeSchemas = (): Schemas => {
  made ??= makeSchemas();
  return made;
};

export type StoredAnnotation = z.infer<Schemas['storedAnnotation']>;
/** The content of one store file: one annotator's work on one article. */
export type StoreDoc = z.infer<Schemas['fileV1']>;

export function migrateV0(old: z.infer<Schemas['fileV0']>): StoreDoc {
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
