import type { Article } from '../corpus/types.js';
import { DEFAULT_LABELS, type LabelSet, labelNamesWith } from '../store/labels.js';
import type { Label, PlacedAnnotation, ReviewStatus, StoreTotals } from '../store/types.js';
import { emptyRecord } from '../text/own.js';
import { compare } from './model.js';
import { type ProgressStatus, storedStatus } from './review-statuses.js';

export interface Progress {
  done: number;
  /** In progress with something in it (a tag, a note, attributes). */
  inProgress: number;
  /**
   * In progress with nothing in it: opened from the list and left (qa55 #4). Neither reviewed
   * with nothing found (that is done) nor work under way.
   */
  opened: number;
  unreviewed: number;
}

/** No article counted yet. */
export const noProgress = (): Progress => ({ done: 0, inProgress: 0, opened: 0, unreviewed: 0 });

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
  /**
   * Per article: done when any annotator marked it done, else in progress when any has work in
   * it, else opened when any only opened it.
   */
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
 * the articles come in any order (else they are taken to come in corpus order). Without a
 * `title` (undefined), the report asks `titleOf` for those of the articles it lists.
 */
export type StatsArticle = Pick<Article, 'id' | 'source'> & {
  title?: string | null;
  ord?: number;
};

/** What the report lists of the articles: every one (`--json`), or the `top` most annotated. */
export interface StatsOptions {
  top?: number;
  titleOf?: (article: StatsArticle) => string | null;
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
  const totals: StoreTotals = { labels: new Map(), orphans: 0, perArticle: new Map() };
  const worked = new Set<string>();
  for (const annotation of annotations) {
    worked.add(`${annotation.article}\u0000${annotation.annotator}`);
    let own = totals.labels.get(annotation.annotator);
    if (!own) {
      // No prototype: a label named `constructor` or `toString` started at a function (qa54).
      own = emptyRecord<number>();
      totals.labels.set(annotation.annotator, own);
    }
    own[annotation.label] = (own[annotation.label] ?? 0) + 1;
    if (!annotation.placement) totals.orphans++;
    totals.perArticle.set(annotation.article, (totals.perArticle.get(annotation.article) ?? 0) + 1);
  }
  // In progress with nothing in the file: only opened, as the store's index tells a command.
  const progress = (article: string, annotator: string): ProgressStatus => {
    const status = statuses(article, annotator);
    return status === 'in progress' && !worked.has(`${article}\u0000${annotator}`)
      ? 'only opened'
      : status;
  };
  return statsOver(articles, totals, progress, annotators, labelSet);
}

/** One row of the article list as it is being chosen, with its place in corpus order. */
interface Listed {
  row: StatsReport['perArticle'][number];
  ord: number;
  article: StatsArticle;
}

/** Most annotated first, then in corpus order. */
function inOrder(a: Listed, b: Listed): number {
  return b.row.annotations - a.row.annotations || a.ord - b.ord;
}

/**
 * The same from the corpus, read once in any order (it may be an index on disk), and the store's
 * totals, so that what is held is a count per annotated article, not the store; the list of
 * articles holds only the `top` ones when that is all the report shows.
 */
export function statsOver(
  articles: Iterable<StatsArticle>,
  totals: StoreTotals,
  statuses: (article: string, annotator: string) => ProgressStatus,
  annotators: string[],
  labelSet: LabelSet = DEFAULT_LABELS,
  { top = Number.POSITIVE_INFINITY, titleOf }: StatsOptions = {},
): StatsReport {
  const { labels, perAnnotator, names, counted } = labelTotals(totals, annotators, labelSet);
  const sources = new Map<string | null, { articles: number; annotations: number }>();
  const sortedNames = [...names].sort(compare);
  const overall = noProgress();
  const progressOf = sortedNames.map(noProgress);
  const own: ProgressStatus[] = new Array(sortedNames.length);
  const listed: Listed[] = [];
  let last: Listed | null = null;
  let annotatedInCorpus = 0;
  let articleCount = 0;
  for (const article of articles) {
    articleCount++;
    const annotations = totals.perArticle.get(article.id) ?? 0;
    if (annotations > 0) annotatedInCorpus++;
    const entry = sources.get(article.source) ?? { articles: 0, annotations: 0 };
    entry.articles++;
    entry.annotations += annotations;
    sources.set(article.source, entry);
    tallyStatuses(article.id, sortedNames, statuses, progressOf, overall, own);
    const ord = article.ord ?? articleCount;
    // Only a row the report may keep is made: at 100,000 articles, making each cost more than
    // the rest. Once `top` are chosen, one that comes after the last of them never will be.
    if (
      last &&
      (annotations < last.row.annotations ||
        (annotations === last.row.annotations && ord > last.ord))
    ) {
      continue;
    }
    const statusOf = Object.fromEntries(
      sortedNames.map((name, at) => [name, storedStatus(own[at]!)]),
    );
    const row = {
      article: article.id,
      title: article.title ?? null,
      annotations,
      statuses: statusOf,
    };
    listed.push({ row, ord, article });
    if (listed.length >= 2 * top) last = trim(listed, top);
  }
  trim(listed, top);
  // Most annotated first, in corpus order among equals.
  const perArticle = listed.map(({ row, article }) =>
    article.title === undefined && titleOf ? { ...row, title: titleOf(article) } : row,
  );
  return reportOf(
    { articles: articleCount, annotatedInCorpus, sources, overall, progressOf },
    totals,
    { labels, perAnnotator, counted },
    sortedNames,
    perArticle,
  );
}

/**
 * The report from what was counted over the corpus (`statsOver` reading every article,
 * `statsOverCounts` from counts): the fields both make alike.
 */
export function reportOf(
  corpus: {
    articles: number;
    annotatedInCorpus: number;
    sources: ReadonlyMap<string | null, { articles: number; annotations: number }>;
    overall: Progress;
    progressOf: Progress[];
  },
  totals: StoreTotals,
  { labels, perAnnotator, counted }: Omit<ReturnType<typeof labelTotals>, 'names'>,
  sortedNames: string[],
  perArticle: StatsReport['perArticle'],
): StatsReport {
  return {
    articles: corpus.articles,
    missingArticles:
      [...totals.perArticle.values()].filter((n) => n > 0).length - corpus.annotatedInCorpus,
    annotations: counted,
    orphans: totals.orphans,
    labels: [...labels].map(([label, count]) => ({ label, count })),
    sources: sortedSources(corpus.sources),
    annotators: sortedNames.map((annotator, at) => {
      const mine = perAnnotator(annotator);
      return {
        annotator,
        annotations: Object.values(mine).reduce((sum, count) => sum + count, 0),
        labels: mine,
        progress: corpus.progressOf[at]!,
      };
    }),
    progress: corpus.overall,
    perArticle,
  };
}

/**
 * The store's counts per label, and per annotator as a function giving every label (0 where
 * none), the annotators named by the store or by `totals`, and the annotations counted. Every
 * label of the project counts, even at 0; one it no longer declares counts too.
 */
export function labelTotals(totals: StoreTotals, annotators: string[], labelSet: LabelSet) {
  const labels = new Map<Label, number>(labelSet.map((label) => [label.name, 0]));
  const own = new Map<string, Record<Label, number>>();
  const names = new Set(annotators);
  let counted = 0;
  for (const [annotator, theirs] of totals.labels) {
    for (const [label, n] of Object.entries(theirs)) {
      if (n === 0) continue;
      counted += n;
      labels.set(label, (labels.get(label) ?? 0) + n);
      const mine = own.get(annotator) ?? emptyRecord<number>();
      mine[label] = (mine[label] ?? 0) + n;
      own.set(annotator, mine);
      names.add(annotator);
    }
  }
  const labelNames = labelNamesWith(labelSet, labels.keys());
  const ordered = new Map<Label, number>(labelNames.map((name) => [name, labels.get(name) ?? 0]));
  const perAnnotator = (annotator: string): Record<Label, number> => ({
    ...(Object.fromEntries(labelNames.map((name) => [name, 0])) as Record<Label, number>),
    ...own.get(annotator),
  });
  return { labels: ordered, perAnnotator, names, counted };
}

/** Sources with most annotations first, then most articles, then by name. */
function sortedSources(
  sources: ReadonlyMap<string | null, { articles: number; annotations: number }>,
): StatsReport['sources'] {
  return [...sources.entries()]
    .map(([source, entry]) => ({ source, ...entry }))
    .sort(
      (a, b) =>
        b.annotations - a.annotations ||
        b.articles - a.articles ||
        compare(a.source ?? '', b.source ?? ''),
    );
}

/** Sorts the rows chosen so far and keeps the first `top`; returns the last kept once there are `top`. */
function trim(listed: Listed[], top: number): Listed | null {
  listed.sort(inOrder);
  if (listed.length > top) listed.length = top;
  return listed.length === top ? listed[top - 1]! : null;
}

/**
 * Tallies one article's review status by each annotator (`names`, in `progressOf`'s order) and
 * overall: done by anyone, else in progress by anyone, else only opened by anyone, else
 * unreviewed. `own` receives each annotator's status, when given.
 */
export function tallyStatuses(
  article: string,
  names: readonly string[],
  statusOf: (article: string, annotator: string) => ProgressStatus,
  progressOf: Progress[],
  overall: Progress,
  own?: ProgressStatus[],
): void {
  let done = false;
  let open = false;
  let opened = false;
  for (const [at, name] of names.entries()) {
    const status = statusOf(article, name);
    if (own) own[at] = status;
    tally(progressOf[at]!, status);
    done ||= status === 'done';
    open ||= status === 'in progress';
    opened ||= status === 'only opened';
  }
  tally(overall, done ? 'done' : open ? 'in progress' : opened ? 'only opened' : 'unreviewed');
}

function tally(progress: Progress, status: ProgressStatus): void {
  if (status === 'done') progress.done++;
  else if (status === 'in progress') progress.inProgress++;
  else if (status === 'only opened') progress.opened++;
  else progress.unreviewed++;
}
