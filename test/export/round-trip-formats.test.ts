import { describe, expect, it } from 'vitest';
import type { ImportFormat } from '../../source/export/import-formats.js';
import type { ImportCandidate } from '../../source/export/import-jsonl.js';
import type { PlacedAnnotation } from '../../source/store/types.js';
import { asciiArticle, place, unicodeArticle } from './fixture.js';
import { goldenStore } from './golden-fixture.js';
import { roundTrip } from './helpers.js';

/** What a user sees of an annotation: who tagged which sentence with what, and what they noted. */
function seen(
  annotation: Pick<PlacedAnnotation, 'article' | 'annotator' | 'label' | 'note' | 'attributes'>,
  place: { start: number; end: number } | null,
  keep: { note: boolean },
): string {
  return JSON.stringify([
    annotation.article,
    annotation.annotator,
    annotation.label,
    place ? [place.start, place.end] : 'orphan',
    keep.note ? (annotation.note ?? null) : '-',
    Object.entries(annotation.attributes ?? {}).sort(),
  ]);
}

const placedOf = (candidates: ImportCandidate[]) =>
  candidates.map(({ annotation, placement }) => ({ annotation, placement }));

describe('margin → format → margin keeps every annotator’s annotations', () => {
  const store = goldenStore();
  const inCorpus = new Set(store.articles.map((article) => article.id));
  const original = (keep: { orphans: boolean; note: boolean }) =>
    store.annotations
      .filter((a) => inCorpus.has(a.article) && (keep.orphans || a.placement !== null))
      .map((a) => seen(a, a.placement, keep))
      .sort();

  it.each<[ImportFormat, { orphans: boolean; note: boolean }]>([
    ['jsonl', { orphans: true, note: true }],
    ['w3c', { orphans: true, note: true }],
    ['prodigy', { orphans: false, note: true }],
    ['doccano', { orphans: false, note: true }],
    ['label-studio', { orphans: false, note: true }],
    ['brat', { orphans: false, note: true }],
  ])('%s: labels, sentences, annotators, notes and attributes', async (format, keep) => {
    const parsed = await roundTrip(format, store);
    const back = placedOf(parsed.annotations)
      .map(({ annotation, placement }) => seen(annotation, placement, keep))
      .sort();
    expect(back).toEqual(original(keep));
    // The formats that keep orphans also keep those of articles gone from the corpus: the
    // import names them, as it names any line whose article the corpus does not have.
    const unknown = parsed.errors.filter((error) => error.message.includes('removed'));
    expect(unknown).toHaveLength(keep.orphans ? 2 : 0);
    expect(parsed.errors).toHaveLength(unknown.length);
  });

  it('jsonl, w3c and label-studio keep the annotation ids; jsonl the dates and statuses too', async () => {
    const ids = (annotations: Array<{ id: string; article: string }>) =>
      annotations
        .filter((a) => inCorpus.has(a.article))
        .map((a) => a.id)
        .sort();
    const jsonl = await roundTrip('jsonl', store);
    expect(ids(jsonl.annotations.map((c) => c.annotation))).toEqual(ids(store.annotations));
    expect(jsonl.annotations.map((c) => c.annotation.created).sort()).toEqual(
      store.annotations
        .filter((a) => inCorpus.has(a.article))
        .map((a) => a.created)
        .sort(),
    );
    expect(jsonl.statuses).toContainEqual({
      article: '000_4b207f45d15cbf96',
      annotator: 'bob',
      status: 'in progress',
    });
    const w3c = await roundTrip('w3c', store);
    expect(ids(w3c.annotations.map((c) => c.annotation))).toEqual(ids(store.annotations));
    const placed = store.annotations.filter((a) => a.placement !== null);
    const studio = await roundTrip('label-studio', store);
    expect(ids(studio.annotations.map((c) => c.annotation))).toEqual(ids(placed));
  });
});

describe('every format takes annotator names by the store’s rule, as jsonl does', () => {
  // A name the store would change other than by tidying (trimmed, a control character dropped)
  // is refused and said, line by line: taken quietly, " ana" became "ana", another's work.
  // Label Studio refuses the annotation of a name, and keeps the task's others (since
  // 2026-12-06; before, the task whole, naming its first refusal only).
  const store = {
    articles: [unicodeArticle, asciiArticle],
    annotations: [
      ...[' ana', 'a\u0007na'].map((name) => place(unicodeArticle, 0, 'claim', name)),
      ...['Jose\u0301', 'ana  b', 'dana'].map((name) => place(asciiArticle, 0, 'claim', name)),
    ],
    statuses: () => 'unreviewed' as const,
  };

  it.each<ImportFormat>(['jsonl', 'w3c', 'prodigy', 'doccano', 'label-studio', 'brat'])(
    '%s',
    async (format) => {
      const parsed = await roundTrip(format, store);
      expect(parsed.annotations.map((c) => c.annotation.annotator).sort()).toEqual([
        'Jos\u00e9',
        'ana b',
        'dana',
      ]);
      expect(parsed.errors).toHaveLength(2);
      for (const error of parsed.errors) {
        expect(error.message).toMatch(
          /not a usable name \(control characters, or space at either end\)$/,
        );
      }
    },
  );
});
