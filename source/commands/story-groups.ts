import type { Article } from '../corpus/types.js';
import type { StorySource } from '../review/controller.js';
import { readStoryLinks, saveStoryLink } from '../store/index.js';
import type { LabelsOf, StoryGroup } from '../story/index.js';

/**
 * The most articles the review groups behind the screen: the last step of grouping runs in one
 * go on the review's thread (seconds at 10,000 articles), so a larger corpus would stop the keys.
 */
const STORY_IN_REVIEW = 3_000;

/** Articles read between two turns of the event loop while the index fills. */
const ARTICLES_PER_TURN = 50;

async function* yielding(articles: readonly Article[]): AsyncGenerator<Article> {
  for (let index = 0; index < articles.length; index++) {
    if (index > 0 && index % ARTICLES_PER_TURN === 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    yield articles[index]!;
  }
}

/**
 * The story groups of a corpus with every annotator's links and unlinks applied, largest
 * first. `display` is the store folder as the user named it, for messages about refused files.
 */
export async function corpusStoryGroups(
  articles: readonly Article[],
  storeRoot: string,
  options: { display?: string; labelsOf?: LabelsOf } = {},
): Promise<{ groups: StoryGroup[]; problems: string[] }> {
  const { buildStoryIndex, describeCluster } = await import('../story/index.js');
  const { links, problems } = await readStoryLinks(storeRoot, options.display ?? storeRoot);
  const index = await buildStoryIndex(yielding(articles), { constraints: links });
  const byId = new Map(articles.map((article) => [article.id, article]));
  const groups = index
    .groups()
    .map((cluster) => describeCluster(cluster, (id) => byId.get(id), options.labelsOf));
  // Largest first; among equals, the earliest (the engine's order) first.
  const order = new Map(groups.map((group, position) => [group, position]));
  groups.sort((a, b) => b.members.length - a.members.length || order.get(a)! - order.get(b)!);
  return { groups, problems };
}

/** The review's story: groups over the whole corpus, links saved in the annotator's file. */
export function reviewStorySource(
  storeRoot: string,
  annotator: string,
  display?: string,
): StorySource {
  return {
    groups: async (articles) => {
      if (articles.length > STORY_IN_REVIEW) {
        throw new Error(
          `${articles.length.toLocaleString('en-US')} articles are more than the review groups while you work (${STORY_IN_REVIEW.toLocaleString('en-US')}); margin story lists them`,
        );
      }
      return corpusStoryGroups(articles, storeRoot, display ? { display } : {});
    },
    link: (link) => saveStoryLink(storeRoot, annotator, link, new Date(), display ?? storeRoot),
  };
}
