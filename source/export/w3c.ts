import { createHash } from 'node:crypto';
import { graphemeHead, graphemeTail } from '../text/graphemes.js';
import { safeJson } from '../text/untrusted.js';
import { keptItem, keptItems, keptItemsText, partOf } from './kept-items.js';
import { compare, type Entry, type SelectedArticle } from './model.js';
import { articleCodePoints } from './offsets.js';
import type { FormatWriter, KeptFormat, StoryOf } from './writer.js';

/** Context kept around a quote, in code points, as the store keeps it. */
const CONTEXT = 32;

export const ANNOTATION_IRI = 'urn:margin:annotation:';
export const ARTICLE_IRI = 'urn:margin:article:';
export const STORY_IRI = 'urn:margin:story:';

/**
 * A W3C Web Annotation `AnnotationCollection` (JSON-LD) with every annotation on one page, one
 * annotation per line. The model requires an IRI for the collection, the page and each target's
 * `source`: the collection's is derived from what it holds (the same export gives the same
 * bytes), so it comes after the items, with `total`, and the collection streams; the source is
 * `urn:margin:article:` and the article id (its path in the corpus without extension); selectors
 * are a `TextQuoteSelector` (prefix/suffix taken from the current text) and a
 * `TextPositionSelector` in code points, as the model counts characters. An orphan keeps its
 * stored quote and context, has no position (it is not in the current text) and is marked
 * `"orphan": true`.
 */
export function w3cWriter(storyOf?: StoryOf): FormatWriter {
  const collection = w3cCollection();
  return {
    start: collection.start,
    article: (selected) => collection.items(selected.entries, itemsOf(selected, storyOf)),
    end: collection.end,
  };
}

/** The article's annotations as W3C items, in its entries' order. */
function itemsOf(selected: SelectedArticle, storyOf?: StoryOf): string[] {
  const points = articleCodePoints(selected.article);
  return selected.entries.map(({ annotation }) =>
    itemOf(selected.article, annotation, points, storyOf),
  );
}

/**
 * The collection around its items: what comes before the first, the separator of each, and
 * after the last the collection's id, a hash of every item's identity in the order written.
 */
function w3cCollection() {
  const hash = createHash('sha256');
  let total = 0;
  const item = (identity: string, json: string): string => {
    hash.update(identity);
    return `${total++ === 0 ? '\n' : ',\n'}${json}`;
  };
  return {
    start: () =>
      `${safeJson({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'AnnotationCollection',
        label: 'margin annotations',
      }).slice(0, -1)},"first":{"type":"AnnotationPage","startIndex":0,"items":[`,
    /** One item, as it goes out (kept ones come with their identity). */
    item,
    /** What goes out before a kept item (its identity, as UTF-8, hashed). */
    itemBefore(identity: Uint8Array): Buffer {
      hash.update(identity);
      return total++ === 0 ? FIRST : NEXT;
    },
    /** The entries' items, rendered already, as they go out. */
    items(entries: readonly Entry[], items: readonly string[]): string {
      let out = '';
      for (const [at, { annotation }] of entries.entries()) {
        out += item(hashLine(annotation), items[at]!);
      }
      return out;
    },
    end() {
      const id = `urn:margin:collection:${hash.digest('hex').slice(0, 32)}`;
      return `${total === 0 ? '' : '\n'}],"id":${safeJson(`${id}:page:0`)},"partOf":${safeJson(id)}},"id":${safeJson(id)},"total":${total}}\n`;
    },
  };
}

const FIRST = Buffer.from('\n');
const NEXT = Buffer.from(',\n');

/** What the collection's id hashes of one annotation. */
function hashLine(annotation: Entry['annotation']): string {
  return `${annotation.id}\u0000${annotation.article}\u0000${annotation.annotator}\u0000${annotation.updated}\n`;
}

/** One annotation as a W3C `Annotation`, as JSON. */
function itemOf(
  article: Entry['article'],
  annotation: Entry['annotation'],
  points: ReturnType<typeof articleCodePoints>,
  storyOf?: StoryOf,
): string {
  const { anchor, placement } = annotation;
  const start = placement?.start ?? anchor.start;
  const end = placement?.end ?? anchor.end;
  const quote = placement
    ? {
        exact: article.text.slice(start, end),
        // Cut between graphemes: a ZWJ emoji cut in two matches nothing in another tool.
        prefix: graphemeTail(
          article.text.slice(Math.max(0, start - 2 * CONTEXT), start),
          CONTEXT,
          'points',
        ),
        suffix: graphemeHead(article.text.slice(end, end + 2 * CONTEXT), CONTEXT, 'points'),
      }
    : { exact: anchor.quote, prefix: anchor.prefix, suffix: anchor.suffix };
  const body: Array<Record<string, string>> = [
    { type: 'TextualBody', purpose: 'tagging', value: annotation.label },
  ];
  if (annotation.note) {
    body.push({ type: 'TextualBody', purpose: 'commenting', value: annotation.note });
  }
  // Annotations of one story group (the same statement in other outlets) link to one
  // resource, so a consumer finds every outlet's version of what was tagged.
  const story = storyOf?.(article.id, placement?.sentence ?? anchor.sentence);
  if (story) {
    body.push({ type: 'SpecificResource', purpose: 'linking', source: `${STORY_IRI}${story}` });
  }
  const attributes = Object.entries(annotation.attributes ?? {});
  for (const [name, value] of attributes.sort(([a], [b]) => compare(a, b))) {
    body.push({ type: 'TextualBody', purpose: 'describing', value: `${name}: ${value}` });
  }
  return safeJson({
    id: `${ANNOTATION_IRI}${encodeURIComponent(annotation.id)}`,
    type: 'Annotation',
    motivation: 'tagging',
    creator: { type: 'Person', name: annotation.annotator },
    created: annotation.created,
    modified: annotation.updated,
    body,
    target: {
      source: articleIri(article.id),
      // An orphan's stored offsets counted what the text was when it was tagged: in the text
      // the source names now they select other words, which a tool would highlight.
      selector: placement
        ? [
            { type: 'TextQuoteSelector', ...quote },
            {
              type: 'TextPositionSelector',
              start: points.toCodePoint(start),
              end: points.toCodePoint(end),
            },
          ]
        : [{ type: 'TextQuoteSelector', ...quote }],
    },
    ...(placement ? {} : { orphan: true }),
  });
}

/**
 * W3C's export of every annotation (no filter, no story) as kept between exports, like jsonl's
 * (see `keptLines`): per file its items (`keptItemsText`) of two parts, its identity and the item
 * as written (its quote and context come from the text its placements were confirmed on, which
 * the kept items are only used with). Separators and the collection's hash are made as written.
 */
export function keptW3c(): KeptFormat {
  const collection = w3cCollection();
  // The items of the article last rendered, for its kept items: rendered once, not twice.
  let rendered = new Map<Entry['annotation'], string>();
  return {
    kind: 'w3c 2',
    // An item's target names the article by its id alone.
    idOnly: true,
    start: collection.start,
    article(selected) {
      const items = itemsOf(selected);
      rendered = new Map(selected.entries.map(({ annotation }, at) => [annotation, items[at]!]));
      return collection.items(selected.entries, items);
    },
    keep(entries) {
      // Rendered by `article` just before; an entry it did not render is rendered here.
      const items = entries.map(({ article, annotation }) =>
        keptItem(
          annotation,
          hashLine(annotation),
          rendered.get(annotation) ?? itemOf(article, annotation, articleCodePoints(article)),
        ),
      );
      return keptItemsText(items);
    },
    fromKept(_article, kept) {
      const items = keptItems(kept);
      const before = items.map((item) => {
        const [from, length] = partOf(item, 0);
        return collection.itemBefore(item.bytes.subarray(from, from + length));
      });
      let size = 0;
      for (const [at, item] of items.entries()) size += before[at]!.length + partOf(item, 1)[1];
      const out = Buffer.allocUnsafe(size);
      let at = 0;
      for (const [n, item] of items.entries()) {
        at += before[n]!.copy(out, at);
        const [from, length] = partOf(item, 1);
        at += item.bytes.copy(out, at, from, from + length);
      }
      return { bytes: out, lines: items.length };
    },
    end: collection.end,
  };
}

/** The article as an IRI; `/` (subfolders of the corpus) stays readable. */
export function articleIri(id: string): string {
  return `${ARTICLE_IRI}${encodeURIComponent(id).replaceAll('%2F', '/')}`;
}
