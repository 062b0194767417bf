/**
 * A worker thread that groups the corpus for the review's story view. Grouping reads every
 * sentence of the corpus (tens of seconds of work at 10,000 articles); on the review's own thread
 * each key pressed meanwhile would wait for it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readOwnedCorpusIndex } from '../corpus/db/open.js';
import { loadCorpus } from '../corpus/index.js';
import type { Article } from '../corpus/types.js';
import { corpusStoryGroups } from './story-groups.js';
import type { StoryJob, StoryReply, StoryWorkerSetup } from './story-thread.js';

const setup = workerData as StoryWorkerSetup;
const display = setup.display === undefined ? {} : { display: setup.display };

type Lookup = (id: string) => Article | undefined;
let opened: Promise<Lookup> | null = null;

/**
 * Articles by id. Through the corpus index the review has just brought up to date, read as it
 * stands (the review's thread owns refreshing it); without an index, the folder read afresh.
 */
function articlesById(): Promise<Lookup> {
  opened ??= (async (): Promise<Lookup> => {
    if (setup.cacheDir !== null) {
      try {
        const index = readOwnedCorpusIndex(setup.corpusRoot, setup.cacheDir);
        return (id) => index.article(id);
      } catch {
        // No index file: the review's lives in memory (a cache folder it may not write).
      }
    }
    const { articles } = await loadCorpus(setup.corpusRoot, { cacheDir: null });
    const byId = new Map(articles.map((article) => [article.id, article]));
    return (id) => byId.get(id);
  })();
  return opened;
}

function* inOrder(ids: readonly string[], lookup: Lookup): Generator<Article> {
  for (const id of ids) {
    const article = lookup(id);
    if (article) yield article;
  }
}

parentPort!.on('message', async (job: StoryJob) => {
  let reply: StoryReply;
  try {
    const lookup = await articlesById();
    const { groups, problems } = await corpusStoryGroups(
      inOrder(job.ids, lookup),
      lookup,
      setup.storeRoot,
      display,
    );
    reply = { seq: job.seq, groups, problems };
  } catch (error) {
    reply = { seq: job.seq, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
