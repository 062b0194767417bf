import type { Label } from '../store/types.js';
import * as z from '../text/schema.js';
import { clampContext, reanchor } from './import-anchor.js';
import { parseDocument, validItems } from './import-document.js';
import type { ImportContext, ParsedImport } from './import-jsonl.js';
import { importedAnnotator, isoOrUndefined, labelList, labelMatcher } from './import-values.js';
import { elementLines } from './json-items.js';
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
  const out: ParsedImport = { annotations: [], errors: [], ignored: 0, statuses: [] };
  const document = parseDocument(content, out.errors);
  if (document === undefined) return out;
  const text = content.replace(/^\uFEFF/, '');
  let items: unknown[];
  let lines: number[];
  const first = (document as { first?: { items?: unknown } } | null)?.first;
  if (Array.isArray(document)) {
    items = document;
    lines = elementLines(text, []);
  } else if (first && Array.isArray(first.items)) {
    items = first.items;
    lines = elementLines(text, ['first', 'items']);
  } else if ((document as { type?: unknown } | null)?.type === 'Annotation') {
    items = [document];
    lines = [1];
  } else {
    out.errors.push({
      line: 1,
      message: 'expected an AnnotationCollection with its items on the first page, or annotations',
    });
    return out;
  }
  const matchLabel = labelMatcher(context.labels);
  for (const { line, value } of validItems(items, lines, annotationSchema, out.errors)) {
    const target = list(value.target)[0]!;
    const id = target.source.startsWith(ARTICLE_IRI)
      ? safeDecode(target.source.slice(ARTICLE_IRI.length))
      : target.source;
    const article = id === null ? undefined : context.articles.get(id);
    if (!article) {
      out.errors.push({
        line,
        message: `target.source: unknown article ${JSON.stringify(target.source)}`,
      });
      continue;
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
          problem = `body: ${JSON.stringify(body.value)} is not one of ${labelList(context.labels)}`;
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
      continue;
    }
    const creator = list(value.creator)[0];
    const given = typeof creator === 'string' ? creator : creator?.name;
    const credited = given === undefined ? null : importedAnnotator(given);
    if (credited !== null && credited.problem !== null) {
      out.errors.push({ line, message: `creator: ${credited.problem}` });
      continue;
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
    for (const [index, label] of labels.entries()) {
      // With no stored hash the store's placement decides: the quote where the offsets say,
      // else where the quote and its context are found; else an orphan, kept as exported.
      const { anchor, placement } = reanchor(
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
      out.annotations.push({
        line,
        placement,
        annotation: {
          id: index === 0 && annotationId ? annotationId : context.newId(),
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
    }
  }
  return out;
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
