import { createHash } from 'node:crypto';
import { safeJson } from '../text/untrusted.js';
import { compare } from './model.js';
import { articleCodePoints, headCodePoints, tailCodePoints } from './offsets.js';
import type { FormatWriter, StoryOf } from './writer.js';

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
 * stored quote, context and offsets and is marked `"orphan": true`.
 */
export function w3cWriter(storyOf?: StoryOf): FormatWriter {
  const hash = createHash('sha256');
  let total = 0;
  return {
    start: () =>
      `${safeJson({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'AnnotationCollection',
        label: 'margin annotations',
      }).slice(0, -1)},"first":{"type":"AnnotationPage","startIndex":0,"items":[`,
    article({ article, entries }) {
      let out = '';
      const points = articleCodePoints(article);
      for (const { annotation } of entries) {
        hash.update(
          `${annotation.id}\u0000${annotation.article}\u0000${annotation.annotator}\u0000${annotation.updated}\n`,
        );
        const { anchor, placement } = annotation;
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
        // Annotations of one story group (the same statement in other outlets) link to one
        // resource, so a consumer finds every outlet's version of what was tagged.
        const story = storyOf?.(article.id, placement?.sentence ?? anchor.sentence);
        if (story) {
          body.push({
            type: 'SpecificResource',
            purpose: 'linking',
            source: `${STORY_IRI}${story}`,
          });
        }
        const attributes = Object.entries(annotation.attributes ?? {});
        for (const [name, value] of attributes.sort(([a], [b]) => compare(a, b))) {
          body.push({ type: 'TextualBody', purpose: 'describing', value: `${name}: ${value}` });
        }
        out += `${total === 0 ? '\n' : ',\n'}${safeJson({
          id: `${ANNOTATION_IRI}${encodeURIComponent(annotation.id)}`,
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
        })}`;
        total++;
      }
      return out;
    },
    end() {
      const id = `urn:margin:collection:${hash.digest('hex').slice(0, 32)}`;
      return `${total === 0 ? '' : '\n'}],"id":${safeJson(`${id}:page:0`)},"partOf":${safeJson(id)}},"id":${safeJson(id)},"total":${total}}\n`;
    },
  };
}

/** The article as an IRI; `/` (subfolders of the corpus) stays readable. */
export function articleIri(id: string): string {
  return `${ARTICLE_IRI}${encodeURIComponent(id).replaceAll('%2F', '/')}`;
}
