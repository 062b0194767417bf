import { createHash } from 'node:crypto';
import { safeJson } from '../text/untrusted.js';
import { jsonArray, LineBuffer } from './lines.js';
import type { Entry, ExportFilter, ExportInput } from './model.js';
import { progressReporter, selectEntries } from './model.js';
import { articleCodePoints, headCodePoints, tailCodePoints } from './offsets.js';

/** Context kept around a quote, in code points, as the store keeps it. */
const CONTEXT = 32;

/**
 * A W3C Web Annotation `AnnotationCollection` (JSON-LD) with every annotation on one page.
 * The model requires an IRI for the collection, the page and each target's `source`: the
 * collection's is derived from what it holds (the same export gives the same bytes), the source is
 * `urn:margin:article:` and the article id (its path in the corpus without extension); selectors
 * are a `TextQuoteSelector` (prefix/suffix taken from the current text) and a
 * `TextPositionSelector` in code points, as the model counts characters. An orphan keeps its
 * stored quote, context and offsets and is marked `"orphan": true`.
 */
export function w3cParts(input: ExportInput, filter?: ExportFilter): string[] {
  const entries = selectEntries(input, filter);
  const report = progressReporter(entries.length, input.onProgress);
  const items = new LineBuffer(',\n');
  entries.forEach(({ article, annotation }, index) => {
    report(index + 1);
    const { anchor, placement } = annotation;
    const points = articleCodePoints(article);
    const start = placement?.start ?? anchor.start;
    const end = placement?.end ?? anchor.end;
    const quote = placement
      ? {
          exact: article.text.slice(start, end),
          prefix: tailCodePoints(
            article.text.slice(Math.max(0, start - 2 * CONTEXT), start),
            CONTEXT,
          ),
          suffix: headCodePoints(article.text.slice(end, end + 2 * CONTEXT), CONTEXT),
        }
      : { exact: anchor.quote, prefix: anchor.prefix, suffix: anchor.suffix };
    const body: Array<Record<string, string>> = [
      { type: 'TextualBody', purpose: 'tagging', value: annotation.label },
    ];
    if (annotation.note) {
      body.push({ type: 'TextualBody', purpose: 'commenting', value: annotation.note });
    }
    for (const [name, value] of Object.entries(annotation.attributes ?? {}).sort(byKey)) {
      body.push({ type: 'TextualBody', purpose: 'describing', value: `${name}: ${value}` });
    }
    items.push(
      safeJson({
        id: `urn:margin:annotation:${encodeURIComponent(annotation.id)}`,
        type: 'Annotation',
        motivation: 'tagging',
        creator: { type: 'Person', name: annotation.annotator },
        created: annotation.created,
        modified: annotation.updated,
        body,
        target: {
          source: articleIri(article.id),
          selector: [
            { type: 'TextQuoteSelector', ...quote },
            {
              type: 'TextPositionSelector',
              start: points.toCodePoint(start),
              end: points.toCodePoint(end),
            },
          ],
        },
        ...(placement ? {} : { orphan: true }),
      }),
    );
  });
  const id = collectionIri(entries);
  const head = safeJson({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id,
    type: 'AnnotationCollection',
    label: 'margin annotations',
    total: entries.length,
  });
  // One annotation per line inside the page: valid JSON, readable, and fast at 300,000.
  const page = jsonArray(items);
  // The array's closing line becomes the end of the page and of the collection.
  page[page.length - 1] = page[page.length - 1]!.trimEnd();
  return [
    `${head.slice(0, -1)},"first":{"id":${safeJson(`${id}:page:0`)},"type":"AnnotationPage","partOf":${safeJson(id)},"startIndex":0,"items":`,
    ...page,
    '}}\n',
  ];
}

/** The whole output as one string (tests, small exports). */
export function toW3c(input: ExportInput, filter?: ExportFilter): string {
  return w3cParts(input, filter).join('');
}

/** The article as an IRI; `/` (subfolders of the corpus) stays readable. */
export function articleIri(id: string): string {
  return `urn:margin:article:${encodeURIComponent(id).replaceAll('%2F', '/')}`;
}

/** Names the collection by its content: annotation ids, articles and last changes. */
function collectionIri(entries: Entry[]): string {
  const hash = createHash('sha256');
  for (const { annotation } of entries) {
    hash.update(
      `${annotation.id}\u0000${annotation.article}\u0000${annotation.annotator}\u0000${annotation.updated}\n`,
    );
  }
  return `urn:margin:collection:${hash.digest('hex').slice(0, 32)}`;
}

function byKey([a]: [string, string], [b]: [string, string]): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
