import { dirname } from 'node:path';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import { ioReason } from '../corpus/io-reason.js';
import type { Article } from '../corpus/types.js';
import { readStoryLinks, type StoryLinksRead } from '../store/index.js';
import { ArticleHashes } from '../story/article-hashes.js';
import type {
  ArticlesToRead,
  Basis,
  IndexedArticles,
  LabelsOf,
  ReadArticle,
  SavedGroups,
  SavingThread,
  StoryArticle,
  StoryCluster,
  StoryConstraint,
  StoryGroup,
  StoryIndex,
} from '../story/index.js';
import { ownCopy } from '../text/own.js';
import { oneName } from '../text/untrusted.js';
import type { ArticlesPlaced } from './story-adding.js';
import {
  type Describers,
  describeInParallel,
  type MembersOf,
  type Rendering,
} from './story-describe.js';
import { type MemberFacts, mayBeShown } from './story-filter.js';

type Articles = ArticlesToRead;
type Lookup = (id: string) => Article | undefined;
interface GroupOptions {
  display?: string;
  labelsOf?: LabelsOf;
  /** The codebook's labels, which a group's kind is one of (`kindOf`); margin's own when absent. */
  kinds?: readonly string[];
  /** An article's place in corpus order, for reading a batch's articles in that order. */
  ordOf?: (id: string) => number | undefined;
  /**
   * The sentences a batch's members name, without their articles whole (`CorpusIndex`'s
   * `sentencesOf`, where the index has it): else each article is looked up whole.
   */
  sentencesOf?: CorpusIndex['sentencesOf'];
  /** Threads that read the sentences (0, the default: this one); see `buildStoryIndex`. */
  workers?: number;
  /** Where the groups are kept between runs, from `savedGroupsOf`; none: formed every time. */
  saved?: SavedPlace | null;
  /** What `renderedInParallel` filters the groups by before reading them; none: after. */
  facts?: MemberFacts;
  /** Told where forming the groups has got to (nothing when they are read back kept). */
  onStage?: (stage: StoryStage) => void;
  /** Every annotator's links as the caller read them just before; else they are read here. */
  links?: StoryLinksRead;
}

/**
 * Where forming the groups has got to, for a progress line: the articles read, then the
 * comparing and grouping (no count to give: candidate pairs are found as bands are walked),
 * then the keeping.
 */
export type StoryStage =
  | { stage: 'reading'; done: number; total: number | null }
  | { stage: 'comparing' }
  | { stage: 'keeping' };

/**
 * A corpus index's kept groups: the file, the index's generation when it was opened, and what
 * tells whether its texts are still those the groups were formed from (`SavedGroups.renew`).
 */
export interface SavedPlace {
  file: string;
  generation: string;
  size: number;
  hashOf: (article: string) => string | undefined;
  /** The index's highest article number with that generation (`Basis.numbers`). */
  numbers?: number;
  /**
   * What placing articles written since on kept groups reads (`story-adding.ts`): those
   * written since a number, every id, and the word index's postings for candidates.
   */
  corpus?: PlacingCorpus;
}

/** The corpus index as `placeWritten` reads it. */
export interface PlacingCorpus {
  writtenSince: NonNullable<CorpusIndex['writtenSince']>;
  ids: () => string[];
  words: CorpusIndex['words'];
}

/**
 * A corpus index's articles as the story build reads them: by number, on the reading threads'
 * own connections, where the index is a file on disk; else as the index walks them.
 */
export function storyArticlesOf(
  corpus: Pick<CorpusIndex, 'articles' | 'articlesByNumber' | 'readElsewhere' | 'root'>,
): Articles {
  const elsewhere = corpus.readElsewhere?.call(corpus) ?? null;
  const { articlesByNumber } = corpus;
  if (!elsewhere || !articlesByNumber) return corpus.articles();
  const indexed: IndexedArticles = {
    ...elsewhere,
    root: corpus.root,
    read: (numbers) => articlesByNumber.call(corpus, numbers),
  };
  return indexed;
}

/** Where the groups of a corpus are kept: beside its index on disk (none for one in memory). */
export function savedGroupsOf(
  corpus: Pick<
    CorpusIndex,
    'file' | 'generation' | 'hashOf' | 'size' | 'writtenSince' | 'lastNumber' | 'ids' | 'words'
  >,
): SavedPlace | null {
  const generation = corpus.generation?.();
  const { file, hashOf, writtenSince, lastNumber, ids } = corpus;
  if (!file || !generation || !hashOf) return null;
  const numbers = lastNumber?.call(corpus);
  return {
    file: `${file}.story`,
    generation,
    size: corpus.size(),
    hashOf: (id) => hashOf.call(corpus, id),
    ...(numbers !== undefined ? { numbers } : {}),
    ...(writtenSince && ids
      ? {
          corpus: {
            writtenSince: (number: number) => writtenSince.call(corpus, number),
            ids: () => ids.call(corpus),
            words: corpus.words,
          },
        }
      : {}),
  };
}

/** What groups kept at `place` are formed from: the index's generation and number, the links. */
function basisOf(place: SavedPlace, links: readonly StoryConstraint[]): Basis {
  return {
    generation: place.generation,
    links,
    ...(place.numbers !== undefined ? { numbers: place.numbers } : {}),
  };
}

/**
 * The groups kept at `place` when they hold for `links`: as formed, with the links placed on
 * them since (by a review, or here: `keptUpToLinks`), or formed from the same
 * texts under an older generation (then renewed). Null otherwise; the caller closes them.
 *
 * Placed links are taken as they are, not formed again: the running review shows them, and the
 * engine forming the whole corpus again after an unlink may regroup the component around it
 * (on 2,000 generated articles, 34 of 60 unlinked groups came out otherwise than the review's
 * placing), so that `margin story`, the exports and a restarted review gave another grouping
 * than the screen (verify51). One link made since (a teammate's, through git) is placed here as
 * the review places it, where it had the whole corpus formed again (qa53: 36 s at 10,000
 * articles for `margin story` after one link).
 */
async function keptFor(
  place: SavedPlace,
  links: readonly StoryConstraint[],
  articleOf: Lookup,
): Promise<{ kept: SavedGroups | null; articles?: ArticlesPlaced }> {
  const { keptUpToLinks } = await import('./story-placing.js');
  const found = keptUpToLinks(place, links, articleOf);
  const articles = found?.articles ? { articles: found.articles } : {};
  if (!found || found.holds) return { kept: found?.saved ?? null, ...articles };
  found.saved.close();
  return { kept: null, ...articles };
}

/**
 * Articles whose sentences' group ids `keptStoryIds` holds at once. An export asks for each
 * article's annotations together, one article after another: keeping every article's ids held
 * a map per exported article to the end (100,000 of them with the bench's 300,000 annotations).
 */
const KEPT_ARTICLE_IDS = 64;

/**
 * Each sentence's story group id, read an article at a time from the groups kept at `place`
 * (links made since placed on them) when they hold for the corpus and the links: what an export
 * of some annotations needs, without reading every group's members. Null when none hold (the
 * caller forms them); `close` lets go of the kept groups' file.
 */
export async function keptStoryIds(
  place: SavedPlace | null,
  lookup: Lookup,
  storeRoot: string,
  display: string,
  /** An article's sentence ids without its text (`CorpusIndex.sentenceIds`); else read whole. */
  sentenceIds?: (article: string) => readonly string[] | undefined,
  keptArticles = KEPT_ARTICLE_IDS,
): Promise<{
  storyOf: (article: string, sentence: string) => string | null;
  problems: string[];
  close: () => void;
} | null> {
  if (!place) return null;
  const { links, problems } = await readStoryLinks(storeRoot, display);
  const { kept } = await keptFor(place, links, lookup);
  if (!kept) return null;
  const byArticle = new Map<string, Map<string, string>>();
  const idsOf = (article: string): Map<string, string> => {
    const ids = new Map<string, string>();
    const sentences = sentenceIds
      ? sentenceIds(article)
      : lookup(article)?.sentences.map((sentence) => sentence.id);
    if (!sentences) return ids;
    // Only the article's own members (no others read): sentence ids by position.
    for (const group of kept.ofArticle(article, 0)) {
      for (const member of group.members) {
        const sentence = member.article === article ? sentences[member.sentence] : undefined;
        if (sentence) ids.set(sentence, group.id);
      }
    }
    return ids;
  };
  return {
    problems,
    close: () => kept.close(),
    storyOf: (article, sentence) => {
      let ids = byArticle.get(article);
      if (!ids) {
        ids = idsOf(article);
        byArticle.set(article, ids);
        // The oldest goes: an export asks article by article, and one asked again is read again.
        if (byArticle.size > keptArticles) byArticle.delete(byArticle.keys().next().value!);
      }
      return ids.get(sentence) ?? null;
    },
  };
}

/**
 * Members described per batch: their articles are read once a batch, not once a member (a
 * group's members are spread over the corpus, and an article holds members of many groups),
 * and only their sentences are kept until the batch is written.
 */
const BATCH_MEMBERS = 2_000;
/**
 * The second batch's members (the first is the largest group alone); each batch after holds
 * twice the one before, up to `BATCH_MEMBERS`.
 */
const FIRST_MEMBERS = 64;

/**
 * The story groups of a corpus, compact (positions only), with every annotator's links and
 * unlinks applied, largest first (among equals the engine's order, the earliest first), and
 * `describe`, which reads a group's members again through `lookup` and makes what is shown.
 * The articles are read once, in order, and dropped, so an archive's texts are never all in
 * memory at once; a caller that describes a group, writes it and drops it keeps memory flat
 * (described groups held together took 3.8 GB at 10,000 articles). `described` does the same
 * for every group in turn, a batch of groups at a time. `display` is the store folder as the
 * user named it, for messages about refused files.
 */
export async function orderedStoryClusters(
  articles: Articles,
  lookup: Lookup,
  storeRoot: string,
  options: GroupOptions = {},
): Promise<{
  /** The groups in that order, one at a time (read from the kept file as they are taken). */
  clusters: () => Iterable<StoryCluster>;
  describe: (cluster: StoryCluster) => StoryGroup;
  described: () => Generator<StoryGroup>;
  /** Each group's members as `describe` reads them, without the describing (ids, texts). */
  members: () => Generator<MembersOf>;
  /**
   * `described` on `describers` (else on `workers` threads of its own), filtered and rendered
   * as `margin story` writes them: the text of a batch of groups at a time, the first group
   * alone.
   */
  renderedInParallel: (rendering: Rendering, describers?: Describers) => AsyncGenerator<string>;
  problems: string[];
  /** False when the groups were read back from where they were kept. */
  formed: boolean;
  /** Why groups formed could not be kept for the next run (a full or read-only disk). */
  notKept?: string;
  /** Lets go of the kept groups' file (the groups are not read after). */
  close: () => void;
}> {
  const { clusterMembers, describeCluster, describeMembers, readLexicons } = await import(
    '../story/index.js'
  );
  if (options.saved) readLexicons(dirname(options.saved.file));
  const { links, problems } =
    options.links ?? (await readStoryLinks(storeRoot, options.display ?? storeRoot));
  const { clusters, formed, close, notKept } = await formedOrKept(articles, links, {
    ...options,
    articleOf: lookup,
  });
  // Each batch's members read together, their articles once (see BATCH_MEMBERS); the first
  // batches smaller, so that the first groups are printed while the rest are read.
  const batches = function* (clusters: Iterable<StoryCluster>): Generator<MembersOf[]> {
    let budget = 0;
    let batch: StoryCluster[] = [];
    let members = 0;
    const read = () => {
      const found = readMembers(batch, lookup, options);
      const find = (id: string) => found.get(id);
      const made = batch.map((cluster) => ({
        id: cluster.id,
        members: clusterMembers(cluster, find, options.labelsOf),
      }));
      budget = Math.min(BATCH_MEMBERS, Math.max(FIRST_MEMBERS, budget * 2));
      batch = [];
      members = 0;
      return made;
    };
    for (const cluster of clusters) {
      batch.push(cluster);
      members += cluster.members.length;
      if (members >= budget) yield read();
    }
    if (batch.length > 0) yield read();
  };
  return {
    clusters,
    close,
    describe: (cluster) =>
      describeCluster(cluster, lookup, options.labelsOf, { kinds: options.kinds }),
    described: function* () {
      for (const batch of batches(clusters())) {
        for (const { id, members } of batch) {
          yield describeMembers(id, members, { kinds: options.kinds });
        }
      }
    },
    members: function* () {
      for (const batch of batches(clusters())) yield* batch;
    },
    renderedInParallel: (rendering, describers) => {
      // Only the groups the filter may keep are read and described (the filter is applied
      // again to what is described: the same output). Lazily: the first group is read and
      // sent before the filter has seen the last.
      const { facts } = options;
      const shown = facts
        ? (function* () {
            for (const cluster of clusters()) {
              if (mayBeShown(cluster, rendering.filter, facts)) yield cluster;
            }
          })()
        : clusters();
      return describers
        ? describers.describe(batches(shown), rendering)
        : describeInParallel(batches(shown), options.workers ?? 1, rendering);
    },
    problems,
    formed,
    ...(notKept ? { notKept } : {}),
  };
}

/**
 * The groups the engine forms of `articles` with `links`, largest first (among equals the
 * engine's order): read back from where they were kept when nothing they were formed from has
 * changed, one at a time and the largest at once (the kept file stays open until `close`),
 * else formed and kept for next time.
 */
async function formedOrKept(
  articles: Articles,
  links: readonly StoryConstraint[],
  options: GroupOptions & { articleOf: Lookup },
): Promise<{
  clusters: () => Iterable<StoryCluster>;
  formed: boolean;
  close: () => void;
  notKept?: string;
}> {
  const place = options.saved ?? null;
  const kept = place ? (await keptFor(place, links, options.articleOf)).kept : null;
  if (kept) return { clusters: () => kept.bySize(), formed: false, close: () => kept.close() };
  const { clusters, notKept } = await formAndKeep(
    articles,
    links,
    place,
    options.workers ?? 0,
    options.onStage,
  );
  const order = new Map(clusters.map((cluster, position) => [cluster, position]));
  clusters.sort((a, b) => b.members.length - a.members.length || order.get(a)! - order.get(b)!);
  return {
    clusters: () => clusters,
    formed: true,
    close: () => {},
    ...(notKept ? { notKept } : {}),
  };
}

/**
 * The groups formed of `articles` with `links`, kept at `place` (when given) for next time:
 * read back from there once kept, the index let go before any group is made.
 */
async function formAndKeep(
  articles: Articles,
  links: readonly StoryConstraint[],
  place: SavedPlace | null,
  workers: number,
  onStage?: (stage: StoryStage) => void,
): Promise<{ clusters: StoryCluster[]; notKept?: string }> {
  const { SavedGroups, storyKey } = await import('../story/index.js');
  // Let go (null) once the groups are found kept: nothing else holds the index.
  const formed: { index: StoryIndex | null; hashes: ArticleHashes } = await formIndex(
    articles,
    links,
    place,
    workers,
    onStage,
  );
  if (place) onStage?.({ stage: 'keeping' });
  const saved = place
    ? await keepFrom(formed.index!.groupsInOrder(), place, links, formed.hashes)
    : null;
  if (saved && 'notKept' in saved) {
    return { clusters: formed.index!.groups(), notKept: saved.notKept };
  }
  if (place && saved) {
    const kept = SavedGroups.read(place.file);
    try {
      // As formed, with no link a review placed since: those are not the engine's groups.
      const key = storyKey(place.generation, links);
      if (kept && kept.edition() === `${key}\u0000`) {
        formed.index = null;
        return { clusters: [...kept.clusters()] };
      }
    } finally {
      kept?.close();
    }
  }
  // Nowhere to keep them, or replaced since by another run's: from the index.
  return { clusters: formed.index!.groups() };
}

/**
 * The story index of `articles` with `links`, and each article's hash as read (for `place`).
 * `once`: the index is only listed for its groups and let go of (`StoryIndexOptions.once`).
 */
async function formIndex(
  articles: Articles,
  links: readonly StoryConstraint[],
  place: SavedPlace | null,
  workers: number,
  onStage?: (stage: StoryStage) => void,
  once = false,
): Promise<{ index: StoryIndex; hashes: ArticleHashes }> {
  const { buildStoryIndex } = await import('../story/index.js');
  const hashes = new ArticleHashes();
  // Without a place the count is not known (and no hash is kept): articles read so far.
  const total = place?.size ?? null;
  let done = 0;
  const seen = (article: ReadArticle) => {
    if (place) hashes.set(article.id, article.hash ?? '');
    onStage?.({ stage: 'reading', done: ++done, total });
  };
  onStage?.({ stage: 'reading', done: 0, total });
  const index = await buildStoryIndex(articles, {
    constraints: links,
    workers,
    once,
    ...(place || onStage ? { seen } : {}),
    ...(onStage ? { allRead: () => onStage({ stage: 'comparing' }) } : {}),
    // The bands' orders of a large corpus go to a file beside the kept groups (on disk, where
    // the system's temporary folder may be memory).
    ...(place ? { orders: { folder: dirname(place.file) } } : {}),
  });
  return { index, hashes };
}

/**
 * Keeps `clusters` (an index's groups in its order) at `place`, each made as it is written
 * (`groupsInOrder`: the 276,661 groups of 100,000 articles made at once held some 120 MB beside
 * the index): how many, or why they could not be kept, in one line naming the file.
 */
async function keepFrom(
  clusters: Iterable<StoryCluster>,
  place: SavedPlace,
  links: readonly StoryConstraint[],
  hashes: ArticleHashes,
): Promise<{ count: number } | { notKept: string }> {
  const { SavedGroups } = await import('../story/index.js');
  let count = 0;
  const counted = function* () {
    for (const cluster of clusters) {
      count++;
      yield cluster;
    }
  };
  try {
    SavedGroups.save(place.file, basisOf(place, links), counted(), hashes);
    return { count };
  } catch (error) {
    return { notKept: notKeptLine(place, error) };
  }
}

/**
 * Makes sure groups are kept at `place` for this state of the corpus and the links: counted
 * when those kept hold (without reading them), else formed and kept (nothing described). With
 * one line per links file refused, and `notKept`, why groups formed could not be kept.
 */
export async function keepGroups(
  articles: Articles,
  place: SavedPlace,
  options: {
    storeRoot: string;
    display?: string;
    workers: number;
    onStage?: (stage: StoryStage) => void;
    /** The corpus's articles by id, to place the links made since on the kept groups. */
    articleOf: Lookup;
  },
): Promise<{
  groups: number;
  formed: boolean;
  problems: string[];
  notKept?: string;
  /** Articles written since placed on the kept groups, or why they were formed again. */
  articles?: ArticlesPlaced;
}> {
  const { storeRoot, display = storeRoot, workers, onStage, articleOf } = options;
  const { links, problems } = await readStoryLinks(storeRoot, display);
  const { kept, articles: placed } = await keptFor(place, links, articleOf);
  if (!kept) (await import('../story/index.js')).readLexicons(dirname(place.file));
  const placing = placed ? { articles: placed } : {};
  if (kept) {
    try {
      return { groups: kept.size(), formed: false, problems, ...placing };
    } finally {
      kept.close();
    }
  }
  const { count, saving } = await formAndHand(articles, links, place, workers, onStage);
  // The index's memory (its pools shared with the comparing threads among it) is given back
  // when it is collected: now, not at the next full collection, which the writing's
  // short-lived rows would not bring before its end.
  (await import('../story/index.js')).collectNow();
  try {
    await saving.finish();
    return { groups: count, formed: true, problems, ...placing };
  } catch (error) {
    return {
      groups: count,
      formed: true,
      problems,
      notKept: notKeptLine(place, error),
      ...placing,
    };
  }
}

/**
 * Why groups formed could not be kept, in one line naming the file. A cache folder that cannot
 * be written costs the next run the forming, nothing else; but `margin index --story` said
 * "kept" of groups that were not (a full or read-only disk).
 */
function notKeptLine(place: SavedPlace, error: unknown): string {
  return `the story groups could not be kept in ${oneName(place.file)}: ${ioReason(error, 'file')}`;
}

/** Members of the groups a thread that keeps them is handed at a time (some 130 KB). */
const HANDED = 16_384;

/**
 * `formIndex`'s groups, packed and handed as they are made to a thread that writes them (see
 * `SavingThread`: some 2.5 s of packing and 2.2 s of inserting, one after the other on this
 * thread before), and the index let go of: it is collected before that thread sorts the rows by
 * sentence, which stood beside the whole index once (see `GroupList`).
 */
async function formAndHand(
  articles: Articles,
  links: readonly StoryConstraint[],
  place: SavedPlace,
  workers: number,
  onStage?: (stage: StoryStage) => void,
): Promise<{ count: number; saving: SavingThread }> {
  const { index, hashes } = await formIndex(articles, links, place, workers, onStage, true);
  onStage?.({ stage: 'keeping' });
  const { SavingThread } = await import('../story/index.js');
  const saving = new SavingThread(place.file, basisOf(place, links), index.articleIdList);
  saving.hashes(hashes);
  let count = 0;
  for (const groups of index.groupLists(HANDED)) {
    count += groups.size;
    await saving.write(groups);
  }
  return { count, saving };
}

/**
 * The articles of a batch of groups, each read once (in corpus order when `ordOf` is given),
 * holding only the sentences the groups name: read alone where the index can (`sentencesOf`).
 */
function readMembers(
  clusters: readonly StoryCluster[],
  lookup: Lookup,
  { ordOf, sentencesOf }: Pick<GroupOptions, 'ordOf' | 'sentencesOf'> = {},
): Map<string, StoryArticle> {
  const wanted = new Map<string, number[]>();
  for (const cluster of clusters) {
    for (const { article, sentence } of cluster.members) {
      const positions = wanted.get(article);
      if (positions) positions.push(sentence);
      else wanted.set(article, [sentence]);
    }
  }
  if (sentencesOf) return sentencesOf(wanted);
  let ids = [...wanted.keys()];
  if (ordOf) {
    const ords = new Map(ids.map((id) => [id, ordOf(id) ?? Number.MAX_SAFE_INTEGER]));
    ids = ids.sort((a, b) => ords.get(a)! - ords.get(b)!);
  }
  const out = new Map<string, StoryArticle>();
  for (const id of ids) {
    const article = lookup(id);
    if (!article) continue;
    // Sparse: a member's sentence stands at its position, the others are not kept.
    const sentences: Array<{ id: string; text: string }> = [];
    for (const position of wanted.get(id)!) {
      const sentence = article.sentences[position];
      if (sentence) sentences[position] = { id: sentence.id, text: ownCopy(sentence.text) };
    }
    out.set(id, { id: article.id, date: article.date, source: article.source, sentences });
  }
  return out;
}

/** All the groups described at once, largest first: for callers that need every one together. */
export async function corpusStoryGroups(
  articles: Articles,
  lookup: Lookup,
  storeRoot: string,
  options: GroupOptions = {},
): Promise<{ groups: StoryGroup[]; problems: string[] }> {
  const { described, problems, close } = await orderedStoryClusters(
    articles,
    lookup,
    storeRoot,
    options,
  );
  let groups: StoryGroup[];
  try {
    groups = [...described()];
  } finally {
    close();
  }
  // A member whose sentence could not be read again is left out: keep the order by what is shown.
  const order = new Map(groups.map((group, position) => [group, position]));
  groups.sort((a, b) => b.members.length - a.members.length || order.get(a)! - order.get(b)!);
  return { groups, problems };
}
