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
  /**
   * Per annotator (only those with any), the articles left out because the annotator only opened
   * them: in progress with nothing in their file, while another compared annotator has the
   * article in progress or done. Opening an article from the list makes it in progress; counted,
   * each of its sentences read as "none" against a colleague who tagged (qa55 #4).
   */
  onlyOpened: Record<string, number>;
  /**
   * The store's annotators left out of the comparison for having decided nothing (no annotation,
   * no article marked done: they only opened articles); present only when there are any.
   */
  undecided?: string[];
  /**
   * The store's annotators left out because the store refused their files (conflict markers,
   * bad JSON; each named on stderr) and nothing of theirs that was read decided anything.
   */
  unread?: string[];
}

/**
 * Whether the annotator's status could make the article theirs to compare: opened for review, or
 * finished. Whether they worked on it is `hasWorked`'s question.
 */
export function isReviewed(status: ReviewStatus): boolean {
  return status === 'in progress' || status === 'done';
}

/**
 * Whether an annotator's file of an article counts as reviewed for agreement: marked done (with
 * nothing in it, that says "nothing here"), or in progress with at least one annotation (orphans
 * too: a note or a tag was made). In progress with nothing in it is an article only opened.
 */
export function hasWorked(status: ReviewStatus, annotations: number): boolean {
  return status === 'done' || (status === 'in progress' && annotations > 0);
}

/**
 * Agreement on the sentences the annotators reviewed. A unit is a sentence of an article that
 * at least two of the compared annotators reviewed (for two annotators: both; alpha allows gaps):
 * marked it done, or have it in progress with something in it (`hasWorked`); an annotator who
 * reviewed the article and left a sentence untagged said "none" for it. Orphans are left out:
 * they sit on no current sentence.
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
  const onlyOpened = new Map<string, number>();
  let reviewedArticles = 0;
  for (const { article, annotations } of entries) {
    const compared = annotations.filter((a) => chosen.has(a.annotator) && a.article === article.id);
    const reviewers: string[] = [];
    const opened: string[] = [];
    for (const name of annotators) {
      const status = statuses(article.id, name);
      const own = compared.reduce((n, a) => (a.annotator === name ? n + 1 : n), 0);
      if (hasWorked(status, own)) reviewers.push(name);
      else if (isReviewed(status)) opened.push(name);
    }
    // Only opened, where someone else reviewed or opened it too: counted, it was compared.
    if (opened.length > 0 && reviewers.length + opened.length >= 2) {
      for (const name of opened) onlyOpened.set(name, (onlyOpened.get(name) ?? 0) + 1);
    }
    if (reviewers.length < 2) continue;
    reviewedArticles++;
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
    // Defined as own properties, whatever the names (`__proto__` included).
    onlyOpened: Object.fromEntries(
      annotators.flatMap((name) => {
        const count = onlyOpened.get(name);
        return count ? [[name, count] as const] : [];
      }),
    ),
  };
}
