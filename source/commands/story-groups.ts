import type { Article } from '../corpus/types.js';
import type { StorySource } from '../review/controller.js';
import { type Repository, readStoryLinks, saveStoryLink } from '../store/index.js';
import type { LabelsOf, StoryGroup } from '../story/index.js';

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

/** Every label any annotator gave each sentence, as the story groups show them. */
export function labelsFrom(repository: Repository): LabelsOf {
  const labels = new Map<string, Set<string>>();
  for (const annotation of repository.list()) {
    const sentence = annotation.placement?.sentence;
    if (!sentence) continue;
    const key = `${annotation.article}\u0000${sentence}`;
    const set = labels.get(key) ?? new Set<string>();
    set.add(annotation.label);
    labels.set(key, set);
  }
  return (article, sentence) => [...(labels.get(`${article}\u0000${sentence}`) ?? [])].sort();
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
    groups: (articles) => corpusStoryGroups(articles, storeRoot, display ? { display } : {}),
    link: (link) => saveStoryLink(storeRoot, annotator, link, new Date(), display ?? storeRoot),
  };
}
