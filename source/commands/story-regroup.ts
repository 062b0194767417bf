/**
 * The review's placing of an unlink on kept groups (`SavedGroups.place`): the group it parts,
 * formed again by the engine from its members' articles.
 */
import {
  addSentences,
  type ClusterMember,
  placedId,
  type StoryArticle,
  type StoryCluster,
  type StoryConstraint,
  StoryIndex,
} from '../story/index.js';

/**
 * Articles of a kept group the review forms again after an unlink (`regroup`); a larger group
 * loses only the unlinked sentence. Groups of 3–13 articles took 154 ms (median) to 922 ms here
 * (60 groups of 2,000 generated articles, at a load of 10 on 2 cores); 200 is not measured.
 */
const REGROUP_ARTICLES = 200;

/**
 * The members of a kept group an unlink parts, formed again by the engine from their articles
 * with every link and unlink, as `margin story` forms the corpus: a member joined to the
 * unlinked sentence's counterpart only through it leaves with it, where taking the one sentence
 * out kept it (verify51: the review showed 000 with 002, `margin story` 000 alone). Not the
 * corpus's answer in every case: the candidate pairs depend on the words' ids and on the
 * buckets' crowding, and the component may hold sentences of other articles (the commands take
 * the groups as placed, `keptFor`). Null past `REGROUP_ARTICLES`.
 */
export function regroup(
  members: readonly ClusterMember[],
  articleOf: (id: string) => StoryArticle | undefined,
  links: readonly StoryConstraint[],
): StoryCluster[] | null {
  const positions = new Map<string, number[]>();
  for (const each of members) {
    const list = positions.get(each.article);
    if (list) list.push(each.sentence);
    else positions.set(each.article, [each.sentence]);
  }
  if (positions.size > REGROUP_ARTICLES) return null;
  const story = new StoryIndex({ constraints: links });
  for (const [id, sentences] of positions) {
    const article = articleOf(id);
    if (!article) return null;
    // The members' sentences only: the others would be compared for nothing.
    addSentences(story, article, sentences);
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
