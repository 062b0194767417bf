/**
 * The story engine: finds, across a corpus, sentences of different articles that report the
 * same statement or event — copies, edits, rewordings and translations — and what they state
 * differently (figures, names, dates), for the story view.
 *
 *   const index = await buildStoryIndex(articles, { constraints, workers });  // (async) iterable
 *   index.groups();                       // StoryCluster[]: positions only, compact
 *   index.groupOf(articleId, position);   // the group of one sentence, or null
 *   index.add(article); index.remove(id); // incremental: only touched components regroup
 *   describeCluster(cluster, lookup, labelsOf)  // → StoryGroup: texts, kind, differences, diffs
 *   storyGroups(articles, options)        // all of it at once, for a corpus in memory
 *   SavedGroups.save(file, basis, clusters, hashes)  // kept beside the corpus index, read back by key
 *
 * Pure but for `SavedGroups`' one file: no store, no UI (the reading may go to worker threads:
 * `workers`). Reviewers' links and unlinks come in as `StoryConstraint`s.
 */
import { describeCluster, type LabelsOf } from './describe.js';
import { ComparePool } from './parallel-compare.js';
import {
  type ArticlesToRead,
  isIndexed,
  RETIRED_SHARE,
  type ReadArticle,
  readHere,
  readInParallel,
} from './parallel-read.js';
import { StoryIndex, type StoryIndexOptions } from './story-index.js';
import type { StoryArticle, StoryGroup } from './types.js';

export {
  clusterMembers,
  type DescribeOptions,
  describeCluster,
  describeMembers,
  type LabelsOf,
  shownMembers,
} from './describe.js';
export { GroupList } from './group-list.js';
export { collectNow } from './lean-heaps.js';
export { findNumbers, type NumberMention } from './numbers.js';
export type { ArticlesToRead, IndexedArticles, ReadArticle } from './parallel-read.js';
export {
  type ArticleChange,
  type Basis,
  type PlacedLink,
  placedId,
  SavedGroups,
  storyKey,
} from './saved-groups.js';
export { SavingThread } from './saving-thread.js';
export { addSentences } from './sentences-of.js';
export {
  adoptLexicons,
  readLexicons,
  type SharedLexicons,
  sharedLexicons,
} from './shared-lexicons.js';
export { THRESHOLDS } from './similarity.js';
export { StoryIndex, type StoryIndexOptions } from './story-index.js';
export type * from './types.js';

/** Reads every article (from an array, a generator or a database cursor) and forms the groups. */
export async function buildStoryIndex(
  articles: ArticlesToRead,
  options: StoryIndexOptions & {
    /**
     * Threads that read the sentences and compare the candidate pairs (0: this one); the groups
     * are the same for any number.
     */
    workers?: number;
    /** Told of each article as it is read (`ReadOptions`). */
    seen?: (article: ReadArticle) => void;
    /** Told once every article is read, before the comparing. */
    allRead?: () => void;
  } = {},
): Promise<StoryIndex> {
  const { workers = 0, seen, allRead, ...rest } = options;
  const index = new StoryIndex(rest);
  if (workers > 0) {
    // An index built once is read on one thread at its end (`RETIRED_SHARE`).
    const aloneFrom =
      rest.once && isIndexed(articles)
        ? Math.floor(articles.numbers.length * (1 - RETIRED_SHARE))
        : undefined;
    await readInParallel(articles, index, workers, {
      ...(seen ? { seen } : {}),
      ...(aloneFrom !== undefined ? { aloneFrom } : {}),
    });
    allRead?.();
    await index.buildWith(new ComparePool(workers));
  } else {
    for await (const article of isIndexed(articles) ? readHere(articles) : articles) {
      seen?.(article);
      index.add(article);
    }
    allRead?.();
    index.build();
  }
  return index;
}

/** The groups of a corpus held in memory, described (the UI's and `margin story`'s entry). */
export function storyGroups(
  articles: readonly StoryArticle[],
  options: StoryIndexOptions & { labelsOf?: LabelsOf; kinds?: readonly string[] } = {},
): StoryGroup[] {
  const index = new StoryIndex(options);
  for (const article of articles) index.add(article);
  index.build();
  const byId = new Map(articles.map((article) => [article.id, article]));
  return index
    .groups()
    .map((cluster) =>
      describeCluster(cluster, (id) => byId.get(id), options.labelsOf, { kinds: options.kinds }),
    );
}
