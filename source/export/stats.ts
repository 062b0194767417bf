import type { Article } from '../corpus/types.js';
import { countByAnnotator } from '../store/counts.js';
import { DEFAULT_LABELS, type LabelSet, labelNamesWith } from '../store/labels.js';
import type { CountedArticle, Label, PlacedAnnotation, ReviewStatus } from '../store/types.js';
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
 * One article of the corpus as stats read it: no text. `ord`, its place in corpus order, lets
 * the articles come in any order (else they are taken to come in corpus order).
 */
export type StatsArticle = Pick<Article, 'id' | 'title' | 'source'> & { ord?: number };

/** One article's annotations counted per annotator (`CountedArticle`); `inCorpus` false: gone. */
export type StatsEntry = CountedArticle;

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
  const known = new Set(articles.map((article) => article.id));
  const byArticle = new Map<string, PlacedAnnotation[]>();
  for (const annotation of annotations) {
    const list = byArticle.get(annotation.article);
    if (list) list.push(annotation);
    else byArticle.set(annotation.article, [annotation]);
  }
  const entries = [...byArticle].map(([id, list]) => ({
    id,
    inCorpus: known.has(id),
    files: countByAnnotator(list),
  }));
  return statsOver(articles, entries, statuses, annotators, labelSet);
}

/**
 * The same from streams: the corpus in order (read twice: it may be an index on disk) and the
 * store's annotations article by article, so that what is held is one article's annotations and
 * a count per annotated article, not the store.
 */
export function statsOver(
  articles: Iterable<StatsArticle>,
  entries: Iterable<StatsEntry>,
  statuses: (article: string, annotator: string) => ReviewStatus,
  annotators: string[],
  labelSet: LabelSet = DEFAULT_LABELS,
): StatsReport {
  const byArticle = new Map<string, number>();
  // Every label of the project counts, even at 0; one it no longer declares counts too.
  const labels = new Map<Label, number>(labelSet.map((label) => [label.name, 0]));
  const perAnnotator = new Map<string, Record<Label, number>>();
  const names = new Set(annotators);
  let missing = 0;
  let counted = 0;
  let orphans = 0;
  for (const entry of entries) {
    let count = 0;
    for (const file of entry.files) {
      orphans += file.orphans;
      let own = perAnnotator.get(file.annotator);
      for (const [label, n] of Object.entries(file.labels)) {
        if (n === 0) continue;
        count += n;
        labels.set(label, (labels.get(label) ?? 0) + n);
        own ??= {};
        own[label] = (own[label] ?? 0) + n;
      }
      if (own) {
        names.add(file.annotator);
        perAnnotator.set(file.annotator, own);
      }
    }
    counted += count;
    if (!entry.inCorpus) {
      if (count > 0) missing++;
    } else if (count > 0) byArticle.set(entry.id, (byArticle.get(entry.id) ?? 0) + count);
  }
  const labelNames = labelNamesWith(labelSet, labels.keys());
  const zero = () =>
    Object.fromEntries(labelNames.map((name) => [name, 0])) as Record<Label, number>;
  const sources = new Map<string | null, { articles: number; annotations: number }>();
  const sortedNames = [...names].sort(compare);
  const overall: Progress = { done: 0, inProgress: 0, unreviewed: 0 };
  const progressOf = new Map(
    sortedNames.map((name) => [name, { done: 0, inProgress: 0, unreviewed: 0 }]),
  );
  const perArticle: StatsReport['perArticle'] = [];
  const ords: number[] = [];
  let articleCount = 0;
  for (const article of articles) {
    articleCount++;
    const annotations = byArticle.get(article.id) ?? 0;
    const entry = sources.get(article.source) ?? { articles: 0, annotations: 0 };
    entry.articles++;
    entry.annotations += annotations;
    sources.set(article.source, entry);
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
    ords.push(article.ord ?? articleCount);
    perArticle.push({ article: article.id, title: article.title, annotations, statuses: own });
  }
  const order = Array.from(perArticle.keys()).sort(
    (a, b) => perArticle[b]!.annotations - perArticle[a]!.annotations || ords[a]! - ords[b]!,
  );
  return {
    articles: articleCount,
    missingArticles: missing,
    annotations: counted,
    orphans,
    labels: labelNames.map((label) => ({ label, count: labels.get(label) ?? 0 })),
    sources: [...sources.entries()]
      .map(([source, entry]) => ({ source, ...entry }))
      .sort(
        (a, b) =>
          b.annotations - a.annotations ||
          b.articles - a.articles ||
          compare(a.source ?? '', b.source ?? ''),
      ),
    annotators: sortedNames.map((annotator) => {
      const own = { ...zero(), ...perAnnotator.get(annotator) };
      return {
        annotator,
        annotations: Object.values(own).reduce((sum, count) => sum + count, 0),
        labels: own,
        progress: progressOf.get(annotator)!,
      };
    }),
    progress: overall,
    // Most annotated first, in corpus order among equals.
    perArticle: order.map((at) => perArticle[at]!),
  };
}

function tally(progress: Progress, status: ReviewStatus): void {
  if (status === 'done') progress.done++;
  else if (status === 'in progress') progress.inProgress++;
  else progress.unreviewed++;
}
