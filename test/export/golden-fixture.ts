import type { Article } from '../../source/corpus/types.js';
import type { PlacedAnnotation, ReviewStatus } from '../../source/store/types.js';
import { seedArticle } from '../helpers/articles.js';
import { asciiArticle, orphan, place, unicodeArticle } from './fixture.js';

const SEEDS = [
  '000_4b207f45d15cbf96.txt',
  '001_d7fb493d5d978b6e.txt',
  '002_95852239c1d84bad.txt',
  '003_0a02ae9bd8ded74f.txt',
  '004_acb5286eff63b7e7.txt',
];

/**
 * The seeds and the Unicode article, with a store's worth of annotations on them: three
 * annotators, notes, attributes (one-token, free text, one undeclared by the labels), overlapping
 * labels on one sentence, an orphan, and two articles gone from the corpus. Given out of order,
 * as a store lists them, so the exports' ordering is exercised.
 */
export function goldenStore(): {
  articles: Article[];
  annotations: PlacedAnnotation[];
  statuses: (article: string, annotator: string) => ReviewStatus;
} {
  const articles = [...SEEDS.map(seedArticle), unicodeArticle, asciiArticle];
  const [a0, a1, a2, , a4] = articles as [Article, Article, Article, Article, Article];
  const stamp = (n: number) => ({
    created: `2026-01-0${1 + (n % 9)}T10:00:0${n % 10}.000Z`,
    updated: `2026-02-0${1 + (n % 9)}T10:00:0${n % 10}.000Z`,
  });
  const annotations: PlacedAnnotation[] = [
    place(a2, 3, 'event', 'carol', {
      ...stamp(1),
      attributes: { when: 'Friday', where: 'Riyadh' },
    }),
    place(a0, 5, 'quote', 'bob', {
      ...stamp(2),
      note: 'said twice;\tonce "on record"\nonce not',
      attributes: { speaker: 'Dmitry Peskov' },
    }),
    place(a0, 5, 'claim', 'bob', { ...stamp(3), attributes: { claimant: 'Kremlin' } }),
    place(a0, 1, 'claim', 'alice', { ...stamp(4), note: '=cmd|calc' }),
    place(a0, 5, 'quote', 'alice', {
      ...stamp(5),
      attributes: { speaker: 'Peskov', verdict: 'needs context' },
    }),
    place(a1, 0, 'event', 'alice', stamp(6)),
    place(a1, 2, 'claim', 'carol', { ...stamp(7), note: '-1 point' }),
    place(a4, 0, 'quote', 'alice', stamp(8)),
    place(unicodeArticle, 0, 'quote', 'alice', {
      ...stamp(9),
      note: 'check the “translation”',
      attributes: { speaker: 'министр' },
    }),
    place(unicodeArticle, 3, 'claim', 'bob', stamp(10)),
    place(unicodeArticle, 2, 'event', 'alice', stamp(11)),
    orphan(unicodeArticle, 'alice'),
    { ...orphan(unicodeArticle, 'bob'), id: 'gone-b', article: 'zz_removed', label: 'claim' },
    { ...orphan(unicodeArticle, 'alice'), id: 'gone-a', article: 'aa_removed', label: 'quote' },
  ];
  const table: Record<string, ReviewStatus> = {
    [`${a0.id}/alice`]: 'done',
    [`${a0.id}/bob`]: 'in progress',
    [`${a1.id}/carol`]: 'done',
    'uni/alice': 'done',
  };
  return {
    articles,
    // Fixed ids: `place` numbers annotations from a counter shared by every test of the file.
    annotations: annotations.map((annotation, index) =>
      /^a\d+$/.test(annotation.id)
        ? { ...annotation, id: `g${String(index).padStart(2, '0')}` }
        : annotation,
    ),
    statuses: (article, annotator) => table[`${article}/${annotator}`] ?? 'unreviewed',
  };
}
