import type { Article } from '../corpus/types.js';
import { DEFAULT_LABELS, type LabelSet, labelNamesWith } from '../store/labels.js';
import type { Label, PlacedAnnotation, ReviewStatus } from '../store/types.js';
import { compare } from './model.js';

export interface Progress {
  done: number;
  inProgress: number;
  unreviewed: number;
}

export interface StatsReport {
  articles: number;
  /** Articles the store has annotations on that are gone from the corpus (not in `articles`). */
  missingArticles: number;
  annotations: number;
  /** Annotations whose sentence is gone from the current text, or whose article is. */
  orphans: number;
  labels: Array<{ label: Label; count: number }>;
  /** `source` null: articles that do not name one. */
  sources: Array<{ source: string | null; articles: number; annotations: number }>;
  annotators: Array<{
    annotator: string;
    annotations: number;
    labels: Record<Label, number>;
    progress: Progress;
  }>;
  /** Per article: done when any annotator marked it done, in progress when any has it open. */
  progress: Progress;
  /** Most annotated first, then in corpus order. */
  perArticle: Array<{
    article: string;
    title: string | null;
    annotations: number;
    statuses: Record<string, ReviewStatus>;
  }>;
}

/**
 * Counts for `margin stats`. Annotations on articles gone from the corpus count (as orphans, and
 * for their label and annotator), as `export` still writes them; they have no source or article row.
 */
export function computeStats(
  articles: Article[],
  annotations: PlacedAnnotation[],
  statuses: (article: string, annotator: string) => ReviewStatus,
  annotators: string[],
  labelSet: LabelSet = DEFAULT_LABELS,
): StatsReport {
  const byArticle = new Map(articles.map((article) => [article.id, 0]));
  // Every label of the project counts, even at 0; one it no longer declares counts too.
  const names = labelNamesWith(
    labelSet,
    annotations.map((annotation) => annotation.label),
  );
  const zero = () => Object.fromEntries(names.map((name) => [name, 0])) as Record<Label, number>;
  const labels = new Map<Label, number>(names.map((label) => [label, 0]));
  const perAnnotator = new Map<string, Record<Label, number>>();
  const annotatorNames = new Set(annotators);
  const missing = new Set<string>();
  let counted = 0;
  let orphans = 0;
  for (const annotation of annotations) {
    const count = byArticle.get(annotation.article);
    if (count === undefined) missing.add(annotation.article);
    else byArticle.set(annotation.article, count + 1);
    counted++;
    if (!annotation.placement) orphans++;
    labels.set(annotation.label, labels.get(annotation.label)! + 1);
    annotatorNames.add(annotation.annotator);
    const own = perAnnotator.get(annotation.annotator) ?? zero();
    own[annotation.label] = (own[annotation.label] ?? 0) + 1;
    perAnnotator.set(annotation.annotator, own);
  }
  const sources = new Map<string | null, { articles: number; annotations: number }>();
  for (const article of articles) {
    const key = article.source;
    const entry = sources.get(key) ?? { articles: 0, annotations: 0 };
    entry.articles++;
    entry.annotations += byArticle.get(article.id)!;
    sources.set(key, entry);
  }
  const sortedNames = [...annotatorNames].sort(compare);
  const overall: Progress = { done: 0, inProgress: 0, unreviewed: 0 };
  const progressOf = new Map(
    sortedNames.map((name) => [name, { done: 0, inProgress: 0, unreviewed: 0 }]),
  );
  const perArticle: StatsReport['perArticle'] = [];
  for (const article of articles) {
    const own: Record<string, ReviewStatus> = {};
    for (const name of sortedNames) {
      const status = statuses(article.id, name);
      own[name] = status;
      tally(progressOf.get(name)!, status);
    }
    const values = Object.values(own);
    tally(
      overall,
      values.includes('done')
        ? 'done'
        : values.includes('in progress')
          ? 'in progress'
          : 'unreviewed',
    );
    perArticle.push({
      article: article.id,
      title: article.title,
      annotations: byArticle.get(article.id)!,
      statuses: own,
    });
  }
  return {
    articles: articles.length,
    missingArticles: missing.size,
    annotations: counted,
    orphans,
    labels: names.map((label) => ({ label, count: labels.get(label)! })),
    sources: [...sources.entries()]
      .map(([source, entry]) => ({ source, ...entry }))
      .sort(
        (a, b) =>
          b.annotations - a.annotations ||
          b.articles - a.articles ||
          compare(a.source ?? '', b.source ?? ''),
      ),
    annotators: sortedNames.map((annotator) => {
      const own = perAnnotator.get(annotator) ?? zero();
      return {
        annotator,
        annotations: Object.values(own).reduce((sum, count) => sum + count, 0),
        labels: own,
        progress: progressOf.get(annotator)!,
      };
    }),
    progress: overall,
    // A stable sort keeps corpus order among equals.
    perArticle: perArticle.sort((a, b) => b.annotations - a.annotations),
  };
}

function tally(progress: Progress, status: ReviewStatus): void {
  if (status === 'done') progress.done++;
  else if (status === 'in progress') progress.inProgress++;
  else progress.unreviewed++;
}
