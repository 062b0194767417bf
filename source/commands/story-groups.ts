import type { Article } from '../corpus/types.js';
import { readStoryLinks } from '../store/index.js';
import type { LabelsOf, StoryGroup } from '../story/index.js';

/**
 * The story groups of a corpus with every annotator's links and unlinks applied, largest
 * first. The articles are read once, in order, and dropped: describing a group reads its
 * members again through `lookup`, so an archive's texts are never all in memory at once.
 * `display` is the store folder as the user named it, for messages about refused files.
 */
export async function corpusStoryGroups(
  articles: Iterable<Article> | AsyncIterable<Article>,
  lookup: (id: string) => Article | undefined,
  storeRoot: string,
  options: { display?: string; labelsOf?: LabelsOf } = {},
): Promise<{ groups: StoryGroup[]; problems: string[] }> {
  const { buildStoryIndex, describeCluster } = await import('../story/index.js');
  const { links, problems } = await readStoryLinks(storeRoot, options.display ?? storeRoot);
  const index = await buildStoryIndex(articles, { constraints: links });
  const groups = index
    .groups()
    .map((cluster) => describeCluster(cluster, lookup, options.labelsOf));
  // Largest first; among equals, the earliest (the engine's order) first.
  const order = new Map(groups.map((group, position) => [group, position]));
  groups.sort((a, b) => b.members.length - a.members.length || order.get(a)! - order.get(b)!);
  return { groups, problems };
}
