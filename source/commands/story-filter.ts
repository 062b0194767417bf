/**
 * `margin story`'s filter applied to compact groups, before anything is read or described: the
 * outlets from the corpus's summaries (no text), the labels from the annotated articles only.
 * Describing every group and dropping most of them after took a minute at 10,000 articles
 * whatever the filter.
 */
import type { ArticleSummary, CorpusIndex } from '../corpus/corpus-index.js';
import type { StoryCluster } from '../story/index.js';
import type { StoryFilter } from './story-render.js';
import { summariesOf } from './workspace.js';

/** Above any article's sentence count (an article of more counts as this many). */
const SENTENCES = 2 ** 24;
/**
 * Articles looked up one at a time before every summary is read at once: the first groups are
 * filtered (and printed) without waiting for the corpus's summaries (about 0.3 s at 10,000
 * articles, ten times that at 100,000), which are read while they are described.
 */
const ONE_BY_ONE = 5_000;

/** What decides whether a group may be shown, without its texts. */
export interface MemberFacts {
  /**
   * The article's outlet as the report counts it (its source, else its id) and how many
   * sentences it has; undefined for an article not in the corpus (its members are not shown).
   */
  articleOf(id: string): { outlet: string; sentences: number } | undefined;
  /** The labels of the sentence at `position` of article `id` (any annotator). */
  labelsAt(id: string, position: number): readonly string[];
}

/**
 * False only for a group `isShown` would leave out once described: told by fewer than
 * `minimum` outlets among the members that can be read, or with none of `labels`.
 */
export function mayBeShown(
  cluster: StoryCluster,
  { minimum, labels }: StoryFilter,
  facts: MemberFacts,
): boolean {
  const outlets = new Set<string>();
  let labelled = labels.length === 0;
  for (const { article, sentence } of cluster.members) {
    const known = facts.articleOf(article);
    if (!known || sentence >= known.sentences) continue;
    outlets.add(known.outlet);
    if (!labelled) labelled = facts.labelsAt(article, sentence).some((l) => labels.includes(l));
    if (labelled && outlets.size >= minimum) return true;
  }
  return false;
}

/**
 * The facts of a corpus's articles from its summaries (read once, when first needed past the
 * first `ONE_BY_ONE` articles: a few bytes an article, the outlets numbered), the labels through
 * `labelsOf` for the articles `annotated` names, their sentence ids read from the article.
 */
export function corpusMemberFacts(
  corpus: CorpusIndex,
  labels: {
    annotated: (article: string) => boolean;
    labelsOf: (article: string, sentence: string) => readonly string[];
  },
  oneByOne = ONE_BY_ONE,
): MemberFacts {
  const outletNumbers = new Map<string, number>();
  const outlets: string[] = [];
  // Per article, one number (no array an article: a million of them): its outlet's number
  // times SENTENCES, plus its sentence count.
  const known = new Map<string, number>();
  const note = (summary: ArticleSummary) => {
    const outlet = summary.source ?? summary.id;
    let number = outletNumbers.get(outlet);
    if (number === undefined) {
      number = outlets.push(outlet) - 1;
      outletNumbers.set(outlet, number);
    }
    known.set(summary.id, number * SENTENCES + Math.min(summary.sentences, SENTENCES - 1));
  };
  let whole = false;
  let looked = 0;
  const readAll = () => {
    whole = true;
    const steps = corpus.summarySteps?.();
    if (steps) for (const step of steps) for (const summary of step) note(summary);
    else for (const summary of summariesOf(corpus)) note(summary);
  };
  // One article's summary, as the whole reading notes it.
  const lookUp = (id: string) => {
    looked++;
    const ord = corpus.ordOf(id);
    const summary = ord === undefined ? undefined : corpus.summaries(ord, ord + 1)[0];
    if (summary?.id === id) note(summary);
  };
  return {
    articleOf(id) {
      if (!whole && !known.has(id)) {
        if (looked < oneByOne) lookUp(id);
        else readAll();
      }
      const facts = known.get(id);
      if (facts === undefined) return undefined;
      const sentences = facts % SENTENCES;
      return { outlet: outlets[(facts - sentences) / SENTENCES]!, sentences };
    },
    labelsAt(id, position) {
      if (!labels.annotated(id)) return [];
      const sentence = corpus.article(id)?.sentences[position];
      return sentence ? labels.labelsOf(id, sentence.id) : [];
    },
  };
}
