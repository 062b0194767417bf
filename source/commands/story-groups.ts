import type { Article } from '../corpus/types.js';
import { readStoryLinks } from '../store/index.js';
import type { LabelsOf, StoryCluster, StoryGroup } from '../story/index.js';

type Articles = Iterable<Article> | AsyncIterable<Article>;
type Lookup = (id: string) => Article | undefined;
interface GroupOptions {
  display?: string;
  labelsOf?: LabelsOf;
}

/**
 * The story groups of a corpus, compact (positions only), with every annotator's links and
 * unlinks applied, largest first (among equals the engine's order, the earliest first), and
 * `describe`, which reads a group's members again through `lookup` and makes what is shown.
 * The articles are read once, in order, and dropped, so an archive's texts are never all in
 * memory at once; a caller that describes a group, writes it and drops it keeps memory flat
 * (described groups held together took 3.8 GB at 10,000 articles). `display` is the store
 * folder as the user named it, for messages about refused files.
 */
export async function orderedStoryClusters(
  articles: Articles,
  lookup: Lookup,
  storeRoot: string,
  options: GroupOptions = {},
): Promise<{
  clusters: StoryCluster[];
  describe: (cluster: StoryCluster) => StoryGroup;
  problems: string[];
}> {
  const { buildStoryIndex, describeCluster } = await import('../story/index.js');
  const { links, problems } = await readStoryLinks(storeRoot, options.display ?? storeRoot);
  const index = await buildStoryIndex(articles, { constraints: links });
  const clusters = index.groups();
  const order = new Map(clusters.map((cluster, position) => [cluster, position]));
  clusters.sort((a, b) => b.members.length - a.members.length || order.get(a)! - order.get(b)!);
  return {
    clusters,
    describe: (cluster) => describeCluster(cluster, lookup, options.labelsOf),
    problems,
  };
}

/** All the groups described at once, largest first: for callers that need every one together. */
export async function corpusStoryGroups(
  articles: Articles,
  lookup: Lookup,
  storeRoot: string,
  options: GroupOptions = {},
): Promise<{ groups: StoryGroup[]; problems: string[] }> {
  const { clusters, describe, problems } = await orderedStoryClusters(
    articles,
    lookup,
    storeRoot,
    options,
  );
  const groups = clusters.map(describe);
  // A member whose sentence could not be read again is left out: keep the order by what is shown.
  const order = new Map(groups.map((group, position) => [group, position]));
  groups.sort((a, b) => b.members.length - a.members.length || order.get(a)! - order.get(b)!);
  return { groups, problems };
}
