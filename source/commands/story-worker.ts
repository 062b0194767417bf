/**
 * A worker thread for the review's story view. Up to `inReview` articles it forms the groups
 * itself (tens of seconds of work at 10,000 articles; on the review's own thread each key pressed
 * meanwhile would wait for it) and hands them all over, unless groups kept for the corpus and
 * links as they are stand beside the index. Beyond that it reads the groups
 * `margin index --story` (or `margin story`) kept beside the corpus index, one article's at a
 * time as the reviewer reaches it, so that neither the forming nor every group of an archive is
 * ever in the review's memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DiskCorpusIndex } from '../corpus/db/disk-index.js';
import { readOwnedCorpusIndex } from '../corpus/db/open.js';
import { loadCorpus } from '../corpus/index.js';
import type { Article } from '../corpus/types.js';
import type { ArticleGroups } from '../review/story.js';
import { readStoryDecisions, type StoryLinksRead } from '../store/index.js';
import { clusterMembers, describeMembers, readLexicons, type SavedGroups } from '../story/index.js';
import { corpusStoryGroups, savedGroupsOf } from './story-groups.js';
import { keptUpToLinks } from './story-placing.js';
import type { StoryJob, StoryReply, StoryWorkerSetup } from './story-thread.js';

const setup = workerData as StoryWorkerSetup;
const display = setup.display === undefined ? {} : { display: setup.display };
/**
 * The members of a kept group the review reads and describes: the earliest ones. A reviewer reads
 * a few counterparts, not hundreds; each one costs reading its article.
 */
const MEMBERS_SHOWN = 30;

type Lookup = (id: string) => Article | undefined;
interface Opened {
  lookup: Lookup;
  /** The corpus index on disk, when the review has one. */
  index: DiskCorpusIndex | null;
}
let opened: Promise<Opened> | null = null;
/** The groups kept beside the corpus index, while the review reads them article by article. */
let kept: { saved: SavedGroups; index: DiskCorpusIndex } | null = null;

/**
 * Articles by id. Through the corpus index the review has just brought up to date, read as it
 * stands (the review's thread owns refreshing it); without an index, the folder read afresh.
 */
function openCorpus(): Promise<Opened> {
  opened ??= (async (): Promise<Opened> => {
    if (setup.cacheDir !== null) {
      try {
        const index = readOwnedCorpusIndex(setup.corpusRoot, setup.cacheDir);
        return { lookup: (id) => index.article(id), index };
      } catch {
        // No index file: the review's lives in memory (a cache folder it may not write).
      }
    }
    const { articles } = await loadCorpus(setup.corpusRoot, { cacheDir: null });
    const byId = new Map(articles.map((article) => [article.id, article]));
    return { lookup: (id) => byId.get(id), index: null };
  })();
  return opened;
}

function* inOrder(ids: readonly string[], lookup: Lookup): Generator<Article> {
  for (const id of ids) {
    const article = lookup(id);
    if (article) yield article;
  }
}

async function groups(job: Extract<StoryJob, { kind: 'groups' }>): Promise<StoryReply> {
  const { lookup, index } = await openCorpus();
  kept?.saved.close();
  kept = null;
  // Formed only from a whole corpus: `total` is its size where `ids` is its first part. Groups
  // kept for this very corpus and links are read rather than formed again, at any size: forming
  // 1,000 articles of agency copy takes seconds, finding the kept ones a moment.
  const formsHere = job.total <= setup.inReview;
  // Every annotator's links, read once for the kept groups, the forming and what a teammate
  // overruled of the reviewer's (the review read them again for that after each change).
  const links = await readStoryDecisions(
    setup.storeRoot,
    setup.display ?? setup.storeRoot,
    setup.annotator,
  );
  const { overruled } = links;
  let read: Kept | null = null;
  try {
    read = index ? readKept(index, links) : null;
  } catch (error) {
    // Below the limit the groups can still be formed here.
    if (!formsHere) throw error;
  }
  // Below the limit, kept groups stand for the articles asked only when those are the corpus.
  const whole = index !== null && job.ids.length === index.size();
  if (read && index && (!formsHere || (read.holds && whole))) {
    kept = { saved: read.saved, index };
    const { problems, note, edition } = read;
    return { seq: job.seq, kept: true, problems, note, edition, overruled };
  }
  read?.saved.close();
  if (formsHere) {
    const formed = await corpusStoryGroups(inOrder(job.ids, lookup), lookup, setup.storeRoot, {
      ...display,
      ...(setup.kinds ? { kinds: setup.kinds } : {}),
      links,
    });
    return { seq: job.seq, groups: formed.groups, problems: formed.problems, overruled };
  }
  const count = job.total.toLocaleString('en-US');
  return {
    seq: job.seq,
    // The remedy first, and short: it is a status line (verify52: cut at 120 columns).
    error: `run margin index --story once (${count} articles; the review groups up to ${setup.inReview.toLocaleString('en-US')} itself)`,
  };
}

interface Kept {
  saved: SavedGroups;
  holds: boolean;
  note: string | null;
  problems: string[];
  /** Which groups, of which corpus: the review reads an article again only when it changed. */
  edition: string;
}

/**
 * The groups kept beside the corpus index, brought up to the links made since they were kept
 * where the corpus is as it was (`keptUpToLinks`); `holds` when they are then the corpus's and
 * the links' as they are, else `note` says why not. Null when none are kept.
 */
function readKept(index: DiskCorpusIndex, { links, problems }: StoryLinksRead): Kept | null {
  // The index as the review's refresh left it: its size is of the table read when this thread
  // opened it, which kept groups of fewer articles would be renewed for.
  index.catchUp();
  const place = savedGroupsOf(index);
  if (!place) return null;
  const found = keptUpToLinks(place, links, (id) => index.article(id));
  if (!found) return null;
  const { saved, holds } = found;
  const note = holds
    ? null
    : saved.formedByThisEngine()
      ? 'the corpus or the links changed since the groups were kept: margin index --story forms them again'
      : 'the kept groups were formed by another version of margin: margin index --story forms them again';
  // The corpus's generation too: an article changed under the same groups is read again.
  return { saved, holds, note, problems, edition: `${saved.edition()}\u0000${place.generation}` };
}

/** The kept groups with a member in `id`, described; members whose article changed left out. */
function articleGroups(id: string): ArticleGroups {
  if (!kept) return { groups: [], sizes: {} };
  const { saved, index } = kept;
  const unchanged = (article: string) => {
    const hash = saved.hashOf(article);
    return hash !== undefined && hash === index.hashOf(article);
  };
  if (!unchanged(id)) return { groups: [], sizes: {} };
  const read = new Map<string, Article | undefined>();
  const find = (article: string) => {
    if (!read.has(article))
      read.set(article, unchanged(article) ? index.article(article) : undefined);
    return read.get(article);
  };
  const out: ArticleGroups = { groups: [], sizes: {} };
  for (const cluster of saved.ofArticle(id, MEMBERS_SHOWN)) {
    const members = clusterMembers(cluster, find);
    if (members.length < 2) continue;
    out.groups.push(describeMembers(cluster.id, members, { kinds: setup.kinds }));
    out.sizes[cluster.id] = cluster.size;
  }
  return out;
}

/**
 * Describing the first group loads the engine's lexicons (WordNet's synonyms, word frequencies)
 * and compiles the date parser: 0.9 s, which the reviewer's first article would wait for. Done
 * as the thread starts, while the review is still bringing its corpus in.
 */
function warmUp(): void {
  readLexicons(setup.cacheDir);
  const member = (article: string, text: string) => ({
    article,
    sentence: `${article}-s0`,
    index: 0,
    source: null,
    date: null,
    text,
    labels: [],
  });
  describeMembers('warm', [
    member('a', 'The minister said on Friday that 28 drones were intercepted.'),
    member('b', 'Officials said four drones were shot down on Thursday night.'),
  ]);
}

setImmediate(warmUp);

parentPort!.on('message', async (job: StoryJob) => {
  let reply: StoryReply;
  try {
    reply =
      job.kind === 'groups'
        ? await groups(job)
        : { seq: job.seq, article: job.id, ...articleGroups(job.id) };
  } catch (error) {
    reply = { seq: job.seq, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
