/**
 * The review's placing of an unlink on kept groups (`SavedGroups.place`): the group it parts,
 * formed again by the engine from its members' articles.
 */
import {
  type ClusterMember,
  placedId,
  type StoryArticle,
  type StoryCluster,
  type StoryConstraint,
  StoryIndex,
} from '../story/index.js';

/**
 * Articles of a kept group the review forms again after an unlink (`regroup`); a larger group
 * loses only the unlinked sentence. Forming 200 articles' groups takes about a second here.
 */
const REGROUP_ARTICLES = 200;

/**
 * The members of a kept group an unlink parts, formed again by the engine from their articles
 * with every link and unlink, as `margin story` forms the corpus: a member joined to the
 * unlinked sentence's counterpart only through it leaves with it, where taking the one sentence
 * out kept it (verify51: the review showed 000 with 002, `margin story` 000 alone). The word
 * weights are fixed, so the pairs of these sentences are the corpus's but where a crowded
 * bucket of the corpus left one uncompared. Null past `REGROUP_ARTICLES`.
 */
export function regroup(
  members: readonly ClusterMember[],
  articleOf: (id: string) => StoryArticle | undefined,
  links: readonly StoryConstraint[],
): StoryCluster[] | null {
  const ids = [...new Set(members.map((each) => each.article))];
  if (ids.length > REGROUP_ARTICLES) return null;
  const story = new StoryIndex({ constraints: links });
  for (const id of ids) {
    const article = articleOf(id);
    if (!article) return null;
    story.add(article);
  }
  story.build();
  const key = (each: ClusterMember) => `${each.article}\u0000${each.sentence}`;
  const inGroup = new Set(members.map(key));
  const parts: StoryCluster[] = [];
  for (const cluster of story.groupsInOrder()) {
    const kept = cluster.members.filter((each) => inGroup.has(key(each)));
    if (kept.length < 2) continue;
    const anchor = kept[0]!;
    // The engine's id where the group kept its anchor; else one of the anchor, as a link's.
    const id = key(anchor) === key(cluster.anchor) ? cluster.id : placedId(anchor);
    parts.push({ id, anchor, members: kept });
  }
  return parts;
}
