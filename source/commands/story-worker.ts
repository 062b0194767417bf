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
import { readStoryLinks } from '../store/index.js';
import {
  clusterMembers,
  describeMembers,
  type PlacedLink,
  readLexicons,
  SavedGroups,
  type StoryConstraint,
  storyKey,
} from '../story/index.js';
import { corpusStoryGroups, savedGroupsOf } from './story-groups.js';
import { regroup } from './story-regroup.js';
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
  let read: Kept | null = null;
  try {
    read = index ? await readKept(index) : null;
  } catch (error) {
    // Below the limit the groups can still be formed here.
    if (!formsHere) throw error;
  }
  // Below the limit, kept groups stand for the articles asked only when those are the corpus.
  const whole = index !== null && job.ids.length === index.size();
  if (read && index && (!formsHere || (read.holds && whole))) {
    kept = { saved: read.saved, index };
    const { problems, note, edition } = read;
    return { seq: job.seq, kept: true, problems, note, edition };
  }
  read?.saved.close();
  if (formsHere) {
    const formed = await corpusStoryGroups(inOrder(job.ids, lookup), lookup, setup.storeRoot, {
      ...display,
    });
    return { seq: job.seq, groups: formed.groups, problems: formed.problems };
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
 * where the corpus is as it was; `holds` when they are then the corpus's and the links' as they
 * are, else `note` says why not. Null when none are kept.
 */
async function readKept(index: DiskCorpusIndex): Promise<Kept | null> {
  const place = savedGroupsOf(index);
  let saved = place ? SavedGroups.read(place.file) : null;
  if (!place || !saved) return null;
  try {
    const { links, problems } = await readStoryLinks(setup.storeRoot, setup.display);
    const key = storyKey(place.generation, links);
    let holds = saved.holdsFor(key);
    const thisEngine = saved.formedByThisEngine();
    const basis = saved.basis();
    if (!holds && basis && basis.generation !== place.generation) {
      // The index read files again without changing them: the same texts, a new generation.
      const renewed = { generation: place.generation, links: basis.links };
      if (SavedGroups.renew(place.file, renewed, place)) {
        saved.close();
        saved = SavedGroups.read(place.file);
        if (!saved) throw new Error('the kept story groups could not be read again');
        holds = saved.holdsFor(key);
      }
    }
    const since = holds ? null : linksSince(saved, place.generation, links);
    if (since) {
      // Links made since the groups were kept (here, or a teammate's through git): placed on them.
      const found = saved;
      const placed = since.flatMap((link) => placedLink(link, found, index));
      saved.close();
      saved = null;
      try {
        SavedGroups.place(
          place.file,
          placed,
          key,
          (members) => regroup(members, (id) => index.article(id), links),
          links,
        );
        holds = true;
      } catch {
        // A cache folder that cannot be written: the groups as kept, with the note.
      }
      saved = SavedGroups.read(place.file);
      if (!saved) throw new Error('the kept story groups could not be read again');
    }
    const note = holds
      ? null
      : thisEngine
        ? 'the corpus or the links changed since the groups were kept: margin index --story forms them again'
        : 'the kept groups were formed by another version of margin: margin index --story forms them again';
    // The corpus's generation too: an article changed under the same groups is read again.
    return { saved, holds, note, problems, edition: `${saved.edition()}\u0000${place.generation}` };
  } catch (error) {
    saved?.close();
    throw error;
  }
}

/**
 * The links made since the kept groups were formed, when the corpus is as it was then and no
 * link was taken back but by a later decision on the same pair; null otherwise.
 */
function linksSince(
  saved: SavedGroups,
  generation: string,
  links: readonly StoryConstraint[],
): StoryConstraint[] | null {
  const basis = saved.basis();
  if (!basis || basis.generation !== generation) return null;
  // Formed by this engine (the key names its version), from what the basis says.
  if (saved.key() !== storyKey(basis.generation, basis.links)) return null;
  // Groups placed on already stand for the links placed: one of those taken back (an undo, a
  // teammate's withdrawn unlink) cannot be taken off them, so they are formed again (verify52).
  const baseline = saved.placedFor() ?? basis.links;
  const before = new Map<string, number>();
  for (const link of baseline) {
    const text = JSON.stringify(link);
    before.set(text, (before.get(text) ?? 0) + 1);
  }
  const added: StoryConstraint[] = [];
  for (const link of links) {
    const text = JSON.stringify(link);
    const left = before.get(text) ?? 0;
    if (left > 0) before.set(text, left - 1);
    else added.push(link);
  }
  // A decision the links no longer hold is one a later decision on the same pair overruled
  // (`readStoryLinks`): placing the later one on the groups stands for both.
  const pair = (link: StoryConstraint) =>
    [JSON.stringify(link.a), JSON.stringify(link.b)].sort().join('');
  const decided = new Set(added.map(pair));
  for (const [text, left] of before) {
    if (left > 0 && !decided.has(pair(JSON.parse(text) as StoryConstraint))) return null;
  }
  return added;
}

/** A link by sentence ids, placed by position; none when either article changed or is gone. */
function placedLink(
  link: StoryConstraint,
  saved: SavedGroups,
  index: DiskCorpusIndex,
): PlacedLink[] {
  const position = ({ article, sentence }: { article: string; sentence: string }) => {
    if (saved.hashOf(article) !== index.hashOf(article)) return -1;
    return index.article(article)?.sentences.findIndex((each) => each.id === sentence) ?? -1;
  };
  const a = position(link.a);
  const b = position(link.b);
  if (a < 0 || b < 0) return [];
  return [
    {
      kind: link.kind,
      a: { article: link.a.article, sentence: a },
      b: { article: link.b.article, sentence: b },
    },
  ];
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
    out.groups.push(describeMembers(cluster.id, members));
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
