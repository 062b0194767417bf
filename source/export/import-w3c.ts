import type { Label } from '../store/types.js';
import * as z from '../text/schema.js';
import { clampContext, reanchor } from './import-anchor.js';
import { type DocumentFormat, type ItemReader, parseDocumentImport } from './import-document.js';
import { describeIssue, quotedValue } from './import-errors.js';
import type { ImportContext, ParsedImport } from './import-jsonl.js';
import { importedAnnotator, isoOrUndefined, labelList, labelMatcher } from './import-values.js';
import { articleCodePoints } from './offsets.js';
import { ANNOTATION_IRI, ARTICLE_IRI } from './w3c.js';

const bodySchema = z.union([
  z.string(),
  z.object({ purpose: z.optional(z.string()), value: z.optional(z.string()) }),
]);
const selectorSchema = z.object({
  type: z.string(),
  exact: z.optional(z.string()),
  prefix: z.optional(z.string()),
  suffix: z.optional(z.string()),
  start: z.optional(z.number().check(z.int(), z.nonnegative())),
  end: z.optional(z.number().check(z.int(), z.nonnegative())),
});
const targetSchema = z.object({
  source: z.string(),
  selector: z.optional(z.union([selectorSchema, z.array(selectorSchema)])),
});
const creatorSchema = z.union([z.string(), z.object({ name: z.optional(z.string()) })]);

const annotationSchema = z.object({
  id: z.optional(z.string()),
  creator: z.optional(z.union([creatorSchema, z.array(creatorSchema)])),
  created: z.optional(z.string()),
  modified: z.optional(z.string()),
  body: z.optional(z.union([bodySchema, z.array(bodySchema)])),
  target: z.union([targetSchema, z.array(targetSchema).check(z.minLength(1))]),
});

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * W3C Web Annotations (`margin export --format w3c`): an `AnnotationCollection` with its
 * annotations on its first page, a JSON array of annotations, or one annotation. The article is
 * the target's source (`urn:margin:article:ID`, or the id itself); the place is the
 * `TextQuoteSelector` (quote and context, to re-anchor on the current text) and the
 * `TextPositionSelector` (code points); the label is the `tagging` body, the note the
 * `commenting` ones, attributes the `describing` ones (`name: value`); the annotator is the
 * creator's name, else `fallbackAnnotator`.
 */
export function parseW3cImport(content: string, context: ImportContext): ParsedImport {
  return parseDocumentImport(content, W3C_DOCUMENT, context);
}

/** W3C annotations: a collection's first page or an array, each read on its own, or one. */
export const W3C_DOCUMENT: DocumentFormat = {
  paths: [[], ['first', 'items']],
  noun: 'annotation',
  items: (document) => {
    if (Array.isArray(document)) return { list: document };
    const first = (document as { first?: { items?: unknown } } | null)?.first;
    if (first && Array.isArray(first.items)) return { list: first.items };
    if ((document as { type?: unknown } | null)?.type === 'Annotation') return { single: document };
    return {
      error: 'expected an AnnotationCollection with its items on the first page, or annotations',
    };
  },
  reader: annotationReader,
};

function annotationReader(context: ImportContext): ItemReader {
  const matchLabel = labelMatcher(context.labels);
  return (item, line, out) => {
    const parsed = annotationSchema.safeParse(item);
    if (!parsed.success) {
      out.errors.push({ line, message: describeIssue(parsed.error) });
      return;
    }
    const value = parsed.data;
    const target = list(value.target)[0]!;
    const id = target.source.startsWith(ARTICLE_IRI)
      ? safeDecode(target.source.slice(ARTICLE_IRI.length))
      : target.source;
    const article = id === null ? undefined : context.articles.get(id);
    if (!article) {
      out.errors.push({
        line,
        message: `target.source: unknown article ${quotedValue(target.source)}`,
      });
      return;
    }
    const bodies = list(value.body).map((body) =>
      typeof body === 'string' ? { purpose: 'commenting', value: body } : body,
    );
    const labels: string[] = [];
    const notes: string[] = [];
    const attributes: Array<[string, string]> = [];
    let problem: string | null = null;
    for (const body of bodies) {
      if (body.value === undefined) continue;
      if (body.purpose === 'tagging') {
        const label = matchLabel(body.value);
        if (label === null) {
          problem = `body: ${quotedValue(body.value)} is not one of ${labelList(context.labels)}`;
        } else labels.push(label);
      } else if (body.purpose === 'describing') {
        const colon = body.value.indexOf(': ');
        if (colon > 0) attributes.push([body.value.slice(0, colon), body.value.slice(colon + 2)]);
        else notes.push(body.value);
      } else notes.push(body.value);
    }
    if (!problem && labels.length === 0) problem = 'body: no tagging body to give the label';
    const selectors = list(target.selector);
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector' && s.exact !== undefined);
    const position = selectors.find(
      (s) => s.type === 'TextPositionSelector' && s.start !== undefined && s.end !== undefined,
    );
    if (!problem && !quote) problem = 'target.selector: no TextQuoteSelector';
    if (problem) {
      out.errors.push({ line, message: problem });
      return;
    }
    const creator = list(value.creator)[0];
    const given = typeof creator === 'string' ? creator : creator?.name;
    const credited = given === undefined ? null : importedAnnotator(given);
    if (credited !== null && credited.problem !== null) {
      out.errors.push({ line, message: `creator: ${credited.problem}` });
      return;
    }
    const annotator = credited?.annotator ?? context.fallbackAnnotator;
    const points = articleCodePoints(article);
    const exact = quote!.exact!;
    const start = position ? points.toUtf16(position.start!) : 0;
    const end = position ? points.toUtf16(position.end!) : exact.length;
    const annotationId =
      value.id === undefined
        ? null
        : value.id.startsWith(ANNOTATION_IRI)
          ? safeDecode(value.id.slice(ANNOTATION_IRI.length))
          : value.id;
    const created = isoOrUndefined(value.created) ?? context.now;
    // With no stored hash the store's placement decides: the quote where the offsets say,
    // else where the quote and its context are found (every sentence it covers); else an
    // orphan, kept as exported.
    const placed = reanchor(
      {
        sentence: 'unknown',
        start,
        end,
        quote: exact,
        ...clampContext(quote!.prefix ?? '', quote!.suffix ?? ''),
        textHash: '',
      },
      article,
    );
    let first = true;
    for (const label of labels) {
      for (const { anchor, placement } of placed) {
        out.annotations.push({
          line,
          placement,
          annotation: {
            id: first && annotationId ? annotationId : context.newId(),
            article: article.id,
            annotator,
            label: label as Label,
            anchor,
            ...(notes.length > 0 ? { note: notes.join('\n') } : {}),
            ...(attributes.length > 0 ? { attributes: Object.fromEntries(attributes) } : {}),
            created,
            updated: isoOrUndefined(value.modified) ?? created,
          },
        });
        first = false;
      }
    }
  };
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
