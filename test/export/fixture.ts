import type { Article } from '../../source/corpus/types.js';
import type { Label, PlacedAnnotation, ReviewStatus } from '../../source/store/types.js';
import { articleOfSentences } from '../helpers/articles.js';

/** Curly quotes, Cyrillic and astral emoji before later sentences: UTF-16 ≠ code points. */
export const unicodeArticle = articleOfSentences(
  'uni',
  [
    ['“Мы готовы к переговорам 😀”, said the minister.', 'Talks begin on Friday 🇺🇦 in Riyadh.'],
    ['Prices rose 5% — a record 😀😀.', 'Nobody said “no”.'],
  ],
  { title: 'Переговоры “soon”', source: 'The National', date: '2025-03-14' },
);

export const asciiArticle = articleOfSentences(
  'plain',
  [['The mayor said taxes fell.', 'It rained.']],
  {
    title: 'Plain',
    source: 'Daily',
  },
);

let counter = 0;

export function place(
  article: Article,
  sentence: number,
  label: Label,
  annotator: string,
  extra: Partial<PlacedAnnotation> = {},
): PlacedAnnotation {
  const s = article.sentences[sentence]!;
  const prefix = article.text.slice(Math.max(0, s.start - 32), s.start);
  const suffix = article.text.slice(s.end, s.end + 32);
  counter++;
  return {
    id: `a${String(counter).padStart(3, '0')}`,
    article: article.id,
    annotator,
    label,
    anchor: {
      sentence: s.id,
      start: s.start,
      end: s.end,
      quote: s.text,
      prefix,
      suffix,
      textHash: article.hash,
    },
    created: '2026-01-02T03:04:05.000Z',
    updated: '2026-01-02T03:04:06.000Z',
    placement: { sentence: s.id, start: s.start, end: s.end },
    ...extra,
  };
}

/** An annotation whose sentence is gone from the current text. */
export function orphan(article: Article, annotator: string): PlacedAnnotation {
  return {
    id: 'orphan1',
    article: article.id,
    annotator,
    label: 'event',
    anchor: {
      sentence: 'gone',
      start: 300,
      end: 320,
      quote: 'A sentence since cut.',
      prefix: 'before ',
      suffix: ' after',
      textHash: 'f'.repeat(64),
    },
    created: '2026-01-01T00:00:00.000Z',
    updated: '2026-01-01T00:00:00.000Z',
    placement: null,
  };
}

/** The exported span, counted in code points, as Python would slice it. */
export function byCodePoints(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join('');
}

export function statusTable(
  entries: Record<string, ReviewStatus>,
): (article: string, annotator: string) => ReviewStatus {
  return (article, annotator) => entries[`${article}/${annotator}`] ?? 'unreviewed';
}

/** Two annotators on the Unicode article (one with a note and attributes), one orphan. */
export function sampleInput() {
  const annotations = [
    place(unicodeArticle, 0, 'quote', 'alice', {
      note: 'check the “translation”\nwith the desk',
      attributes: { speaker: 'minister', verdict: 'needs context' },
    }),
    place(unicodeArticle, 1, 'event', 'alice'),
    place(unicodeArticle, 2, 'claim', 'alice'),
    place(unicodeArticle, 3, 'quote', 'bob'),
    place(unicodeArticle, 2, 'claim', 'bob'),
    place(asciiArticle, 0, 'claim', 'bob'),
    orphan(unicodeArticle, 'alice'),
  ];
  return {
    articles: [unicodeArticle, asciiArticle],
    annotations,
    statuses: statusTable({ 'uni/alice': 'done', 'uni/bob': 'in progress' }),
  };
}
