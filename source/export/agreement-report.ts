import type { Article } from '../corpus/types.js';
import { DEFAULT_LABELS, type LabelSet, labelNamesWith } from '../store/labels.js';
import type { Label, PlacedAnnotation, ReviewStatus } from '../store/types.js';
import { type Agreement, cohenKappa, krippendorffAlpha } from './agreement.js';
import { labelSetCategory, labelsBySentence } from './labels-by-sentence.js';

export interface Disagreement {
  article: string;
  sentence: string;
  text: string;
  /** Each reviewing annotator's labels on the sentence (empty: none). */
  labels: Record<string, Label[]>;
}

export interface AgreementReport {
  annotators: string[];
  /** Cohen's kappa for two annotators, Krippendorff's alpha (nominal) for more. */
  method: 'cohen-kappa' | 'krippendorff-alpha';
  /** Articles in which at least two of the annotators reviewed (the units' source). */
  articles: number;
  /** Sentence label sets as categories (`claim+quote`, `none`). */
  overall: Agreement;
  /** Per label, a yes/no decision per sentence. */
  labels: Record<Label, Agreement>;
  disagreements: Disagreement[];
}

/** "Reviewed" means the annotator has opened the article for review, or finished it. */
export function isReviewed(status: ReviewStatus): boolean {
  return status === 'in progress' || status === 'done';
}

/**
 * Agreement on the sentences the annotators reviewed. A unit is a sentence of an article that
 * at least two of the compared annotators have (for two annotators: both; alpha allows gaps)
 * `in progress` or `done`; an annotator who reviewed the article and left a sentence untagged
 * said "none" for it. Orphans are left out: they sit on no current sentence.
 */
export function agreementReport(
  articles: Article[],
  annotations: PlacedAnnotation[],
  statuses: (article: string, annotator: string) => ReviewStatus,
  annotators: string[],
  labelSet: LabelSet = DEFAULT_LABELS,
): AgreementReport {
  const byArticle = new Map<string, PlacedAnnotation[]>();
  for (const annotation of annotations) {
    const list = byArticle.get(annotation.article);
    if (list) list.push(annotation);
    else byArticle.set(annotation.article, [annotation]);
  }
  const entries = articles.map((article) => ({
    article,
    annotations: byArticle.get(article.id) ?? [],
  }));
  return agreementOver(entries, statuses, annotators, labelSet);
}

/** One article of the corpus with every annotator's annotations on it. */
export interface AgreementEntry {
  article: Article;
  annotations: readonly PlacedAnnotation[];
}

/**
 * The same over articles in corpus order, one at a time (a caller may leave out articles fewer
 * than two of the annotators reviewed: they add nothing).
 */
export function agreementOver(
  entries: Iterable<AgreementEntry>,
  statuses: (article: string, annotator: string) => ReviewStatus,
  annotators: string[],
  labelSet: LabelSet = DEFAULT_LABELS,
): AgreementReport {
  const chosen = new Set(annotators);
  const overallUnits: Array<Array<string | null>> = [];
  // Every label of the project, and one it no longer declares once it is met: the units before
  // it then say "no" wherever the annotator reviewed.
  const labelUnits = new Map<Label, Array<Array<string | null>>>(
    labelSet.map((label) => [label.name, []]),
  );
  const meet = (label: Label) => {
    if (labelUnits.has(label)) return;
    labelUnits.set(
      label,
      overallUnits.map((unit) => unit.map((value) => (value === null ? null : 'no'))),
    );
  };
  const disagreements: Disagreement[] = [];
  let reviewedArticles = 0;
  for (const { article, annotations } of entries) {
    const reviewers = annotators.filter((name) => isReviewed(statuses(article.id, name)));
    if (reviewers.length < 2) continue;
    reviewedArticles++;
    const compared = annotations.filter((a) => chosen.has(a.annotator) && a.article === article.id);
    for (const annotation of compared) meet(annotation.label);
    const given = labelsBySentence(compared, labelSet).get(article.id);
    for (const sentence of article.sentences) {
      const labels = given?.get(sentence.id);
      const values = annotators.map((name) =>
        reviewers.includes(name) ? (labels?.get(name) ?? []) : null,
      );
      overallUnits.push(values.map((value) => (value ? labelSetCategory(value) : null)));
      for (const [label, units] of labelUnits) {
        units.push(values.map((value) => (value ? (value.includes(label) ? 'yes' : 'no') : null)));
      }
      const categories = new Set(
        values.flatMap((value) => (value ? [labelSetCategory(value)] : [])),
      );
      if (categories.size > 1) {
        disagreements.push({
          article: article.id,
          sentence: sentence.id,
          text: sentence.text,
          labels: Object.fromEntries(reviewers.map((name) => [name, labels?.get(name) ?? []])),
        });
      }
    }
  }
  const two = annotators.length === 2;
  const measure = (units: Array<Array<string | null>>): Agreement =>
    two ? cohenKappa(units.map(([a, b]) => [a!, b!] as const)) : krippendorffAlpha(units);
  return {
    annotators,
    method: two ? 'cohen-kappa' : 'krippendorff-alpha',
    articles: reviewedArticles,
    overall: measure(overallUnits),
    labels: Object.fromEntries(
      labelNamesWith(labelSet, labelUnits.keys()).map((label) => [
        label,
        measure(labelUnits.get(label)!),
      ]),
    ) as Record<Label, Agreement>,
    disagreements,
  };
}
