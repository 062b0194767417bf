/**
 * The index behind the story view: every sentence of the corpus reduced to a node (a sentence,
 * or all exact copies of a long one), its content words in one typed pool, MinHash-LSH buckets
 * for candidates, verified pairs as edges, and groups formed per connected component. Articles
 * can be added and removed at any time; only the components they touch are regrouped, so one
 * article costs milliseconds at any corpus size.
 *
 * Memory per sentence: 8 bytes; per node: its words (4 bytes each), ~32 bytes of bookkeeping (a
 * header more, and the entries, for one with speakers, sources, units or quoted words) and
 * 4 bytes per LSH band. No string or object is kept per sentence.
 */
import { anchorOrder, compareAnchor } from './anchor-order.js';
import { eachGroup } from './clusters.js';
import { EdgeTable, type PairReplay } from './edges.js';
import { GroupList, groupId } from './group-list.js';
import {
  FingerprintMap,
  grownCapacity,
  Int32List,
  residentBytes,
  trimmedCapacity,
  Uint32List,
} from './growable.js';
import { collectNow, leanHeaps } from './lean-heaps.js';
import { LshIndex, type LshShape, type OrderPlace } from './lsh.js';
import { mix } from './minhash.js';
import { type Extras, pushExtras, readExtras } from './node-extras.js';
import { NO_DAY, type NodeTables, PairJudge, slice } from './pair-judge.js';
import { releasable, release, scratch } from './released.js';
import { EdgeLog, SetAside } from './set-aside.js';
import { THRESHOLDS, totalWeight } from './similarity.js';
import {
  AMOUNT,
  DESCRIBING,
  ID_MASK,
  NAME_BIT,
  type SentenceFeatures,
  sentenceFeatures,
  speakersInArticle,
  Vocabulary,
} from './tokens.js';
import type { ClusterMember, StoryArticle, StoryCluster, StoryConstraint } from './types.js';
import type { AheadJob } from './verdicts-ahead.js';

/**
 * Compares a build's candidate pairs elsewhere (`ComparePool`: worker threads) and hands back,
 * in the order the pairs were given, those that report the same thing.
 */
export interface PairComparer {
  /**
   * Before the first pair: the pools to read (not written while comparing), the words, where
   * the pairs found go, and the index's own comparison, for pairs compared on its thread.
   */
  start(
    tables: NodeTables,
    words: readonly string[],
    edge: (a: number, b: number, score: number) => void,
    same?: (a: number, b: number) => number,
    /** Reads the tables of pairs' nodes ahead of comparing them here (`PairJudge.warm`). */
    warm?: (pairs: Int32Array, from: number, to: number) => void,
  ): Promise<void>;
  compare(a: number, b: number): void;
  /** Waits until few pairs (`all`: none) are still being compared, their edges handed back. */
  settled(all: boolean): Promise<void>;
  /**
   * Whether so many pairs wait to be compared that the index should wait (`settled`) before
   * finding more: a band's pairs queued at once (3 million at 100,000 articles) held tens of
   * megabytes in messages.
   */
  backlog?(): boolean;
  /**
   * Has a thread answer the anchors' verdicts of a large component's joins ahead of them
   * (`verdicts-ahead.ts`), after `settled(true)`; false where none can.
   */
  ahead?(job: AheadJob): boolean;
  /** Lets go of the threads once the build's groups are formed (or it failed). */
  done?(): Promise<void>;
}

export interface StoryIndexOptions {
  /** Reviewers' links and unlinks; applied whenever the sentences they name are present. */
  constraints?: readonly StoryConstraint[];
  /** LSH bands and rows (default 8 × 3), and keyed bands (default 4, see `pairKeys`). */
  shape?: LshShape;
  /**
   * How many members of one LSH bucket a sentence is compared with (default 3): those dated
   * nearest to it. Buckets bigger than that hold families of boilerplate-like sentences.
   */
  window?: number;
  /**
   * Buckets holding more sentences than this are skipped (default 1,024 for MinHash bands, 64
   * for keyed ones); see `CROWDED`.
   */
  crowded?: { minhash: number; keyed: number };
  /**
   * Where the LSH bands' orders go once built (see `band-orders.ts`): a large index's to a
   * file, by default in the system's temporary folder (`margin` gives its cache folder).
   */
  orders?: OrderPlace;
  /**
   * Built to list its groups once (`groupLists`, `groups`) and then let go of, as `margin index
   * --story` does: a build lets go of what only comparing and grouping read (the edges, the
   * pools of words and extras) as soon as nothing reads them, and a component large enough to
   * be the grouping's peak is formed last: found from the build's log of pairs, its edges are
   * never laid, and it reads its pairs from the log once the others are formed and every edge
   * is let go of. It cannot be updated or asked for one sentence's group after. At 100,000
   * articles these stood through the template sentences' joins (some 40 MB of edges, the
   * process's peak) and the packing after them (some 150 MB). `last`: the nodes from which a
   * component is formed last (default `LAST_FROM`; for tests).
   */
  once?: boolean | { last: number };
  /**
   * The groups asked for are only those holding a sentence of these articles: the build
   * compares only the pairs of the connected components that hold them (`compareAround`), so
   * those groups are the whole build's, and the other groups are left unformed. After the build,
   * a sentence added is compared only with theirs. What placing an added article on kept groups
   * asks of the engine (story-adding.ts): at 100,000 articles its candidates' sentences with each
   * other were 40-90 % of its pairs, and their kept groups already say what they are.
   */
  around?: ReadonlySet<string>;
}

const DEFAULT_SHAPE: LshShape = { bands: 8, rows: 3, keys: 6 };
/** Keyed bands of a sentence's speakers (see `pairKeys`); the others hold its rare words. */
const SPEAKER_KEYS = 2;
/** Long sentences are collapsed with their exact copies; short ones stay apart (see `sameStatement`). */
const COLLAPSE_WEIGHT = 3;
/** Words this rare or rarer key candidates by themselves (see `pairKeys`). */
const RARE_KEY_WEIGHT = 1.5;
/**
 * An update regroups a component of up to this many sentences and pairs whole (see
 * `neighbourhood`).
 */
const LOCAL_LIMIT = 2000;
const LOCAL_PAIRS = 32_000;
/** Up to this many sentences, every pair is compared and LSH is not needed. */
const EXHAUSTIVE = 2000;
/**
 * A bucket this crowded carries no evidence of a shared statement, as a stop word carries none
 * of a shared subject: thousands of template sentences on one MinHash band, or one speaker's
 * every statement on a speaker band. The 3 members dated nearest to a sentence there are any of
 * that day's crowd, so comparing with them costs (at 10,000 articles, a third of the
 * comparisons) and finds nothing the smaller buckets miss, except pairs of template sentences
 * that chain into one giant component. Keyed bands (rare-word pairs, speakers) hold fewer
 * sentences per bucket when they mean something, hence their lower bound. A speaker band counts
 * them only within the same days (`THRESHOLDS.days` either side): a speaker's statements of two
 * years are a crowd only on the days they come in dozens, while a pair of rare words that
 * thousands of sentences share is the corpus's boilerplate whenever they come. Counted over the
 * whole bucket, at 100,000 articles every speaker of the bench's 60 surnames was a crowd, and
 * 14 % of the reworded pairs and 13 % of the translated were never compared; counted within the
 * days in rare-word bands too, template sentences gave 4.4 million more pairs to compare
 * (+26 %) for 350 planted pairs.
 */
const CROWDED = { minhash: 1024, keyed: 64 };

/**
 * Nodes from which a component is formed after the others in an index built `once`, from the
 * build's log, so that no edge stands through its joins, nor its own edges (1.4 million of
 * the 1.75 million pairs) through the others': the component of template sentences (830,000
 * nodes at 100,000 articles) and few others.
 */
const LAST_FROM = 1 << 16;

/**
 * Nodes from which a build sets aside what it does not read (`SetAside`): as the bands' orders
 * go to a file (`OrderPlace`), from a few thousand articles.
 */
const ASIDE_FROM = 1 << 16;
/**
 * Sentences whose chains a large index's reading writes aside at a time (`spillOccurrences`):
 * four per node from which a build sets aside (262,144, 1 MB), at least `SPILL_MIN`.
 */
const SPILL_MIN = 1024;

const key = (article: string, sentence: string) => `${article}\u0000${sentence}`;

export class StoryIndex {
  readonly vocabulary = new Vocabulary();
  private readonly lsh: LshIndex;
  private readonly window: number;
  private readonly crowded: { minhash: number; keyed: number };
  private built = false;
  /** Whether the corpus was small enough at `build` to compare every pair. */
  private small = false;
  /** See `StoryIndexOptions.once`; `spent` once the build let go of what it compared with. */
  private readonly once: boolean;
  private readonly lastFrom: number;
  private spent = false;
  /** Pairs compared and pairs found to report the same thing, since the index was made. */
  readonly stats = { candidates: 0, edges: 0 };

  // Articles, by dense index.
  private readonly articleIds: string[] = [];
  private readonly articleIndex = new Map<string, number>();
  private readonly articleDay = new Int32List();
  private readonly articleStart = new Int32List();
  private readonly articleLength = new Int32List();

  // Sentences (occurrences), by dense global index. Lists marked `true` are set aside while a
  // large index builds (`prepare`), which reads none of them. Each occurrence's node is only
  // placed when first read (`nodesOfOccurrences`): the nodes' chains of occurrences say it, and
  // the reading of 100,000 articles held it (12 MB) at its peak for no reader.
  private readonly occurrenceNode = new Int32List(1024, true);
  private readonly occurrenceNext = new Int32List(1024, true);
  /** Whether `occurrenceNode` holds every occurrence's node, and is kept as they come. */
  private placed = false;

  // Nodes.
  private readonly wordStart = new Int32List();
  private readonly words = new Uint32List(1 << 16);
  /** Speakers, sources, units and quoted words, in one pool (`node-extras.ts`). */
  private readonly extraStart = new Int32List();
  private readonly extras = new Uint32List();
  private readonly nodeFirst = new Int32List(1024, true);
  /** The article of the node's first sentence, whose day is the node's (`dayOf`). */
  private readonly nodeArticle = new Int32List();
  private readonly nodeCount = new Int32List();
  private readonly nodeHash = new Uint32List(1024, true);
  private readonly nodeHash2 = new Uint32List(1024, true);
  private readonly nodeFigures = new Uint32List();
  private readonly copies = new FingerprintMap(
    (node) => this.nodeHash.data[node]!,
    (node) => this.nodeHash2.data[node]!,
  );

  /** Compares nodes, reading the pools above. */
  private readonly tables: NodeTables = {
    wordStart: this.wordStart,
    words: this.words,
    extraStart: this.extraStart,
    extras: this.extras,
    nodeArticle: this.nodeArticle,
    articleDay: this.articleDay,
    nodeFigures: this.nodeFigures,
  };
  private readonly judge = new PairJudge(this.tables, this.vocabulary);

  // Edges. While a build runs, the pairs found alike are only logged (`edgeLog`), and laid out
  // as edges at its end.
  private readonly edges = new EdgeTable();

  // Groups: node → its group's id (the group's first node), and each member → the next (-1
  // after the last), in the group's order. Typed, not a map of arrays: at 100,000 articles
  // 300,000 groups held some 60 MB of heap, and as much again to collect as they were formed.
  // These are sized for every node only when the groups are first formed (`sizeNodeArrays`):
  // before, no node has a group.
  private clusterOf = new Int32Array(1024).fill(-1);
  private clusterNext = new Int32Array(1024).fill(-1);

  /** While a large index builds: what it set aside (see `prepare`), and the pairs found alike. */
  private aside: SetAside | null = null;
  /**
   * While a large index reads: the sentences' chains written aside as they come
   * (`spillOccurrences`), which the build then sets aside with the rest; or whether the file
   * refused them (they then stay in memory).
   */
  private spill: SetAside | null = null;
  private spillRefused = false;
  private edgeLog: EdgeLog | null = null;
  private readonly asideFrom: number;
  private readonly asideFolder: string | undefined;

  /**
   * Nodes met in pass `pass` of `regroup`, a byte a node (an Int32Array was 12 MB at 100,000
   * articles, standing through the grouping's peak): when the stamps run out, all are cleared.
   */
  private seen = new Uint8Array(1024);
  /** Nodes met in a walk of a component too big to regroup whole, in pass `pass`. */
  private inBig = new Uint8Array(1024);
  private pass = 0;
  /** Nodes met in one walk of `neighbourhood`, stamped with walk `walks`. */
  private walked = new Int32Array(1024);
  private walks = 0;

  /** See `StoryIndexOptions.around`; `aroundNodes` marks the nodes of those articles. */
  private readonly around: ReadonlySet<string> | null;
  private aroundNodes = new Uint8Array(1024);

  // Reviewers' constraints, by the sentences they name.
  private readonly pinned = new Map<string, number>();
  private readonly constraints: readonly StoryConstraint[];

  constructor(options: StoryIndexOptions = {}) {
    this.lsh = new LshIndex(
      options.shape ?? DEFAULT_SHAPE,
      {
        indexable: (node) => this.indexable(node),
        owner: (node) => this.nodeArticle.data[node]!,
        value: (node, band) => this.bandValue(node, band),
        day: (node) => {
          const day = this.dayOf(node);
          return day === NO_DAY ? 0xffff : day;
        },
        limit: (band) => (band < this.lsh.shape.bands ? this.crowded.minhash : this.crowded.keyed),
        // A speaker's bucket is crowded where the speaker's statements crowd the same days: the
        // only pairs it can join are of the same days (see `apart`).
        span: (band) => (this.speakerBand(band) ? THRESHOLDS.days : Number.POSITIVE_INFINITY),
      },
      options.orders,
    );
    this.asideFrom = options.orders?.from ?? ASIDE_FROM;
    this.asideFolder = options.orders?.folder;
    this.window = options.window ?? 3;
    this.crowded = options.crowded ?? CROWDED;
    this.constraints = options.constraints ?? [];
    this.around = options.around ?? null;
    this.once = options.once !== undefined && options.once !== false;
    this.lastFrom = typeof options.once === 'object' ? options.once.last : LAST_FROM;
    for (const constraint of this.constraints) {
      this.pinned.set(key(constraint.a.article, constraint.a.sentence), -1);
      this.pinned.set(key(constraint.b.article, constraint.b.sentence), -1);
    }
  }

  get articleCount(): number {
    return this.articleIndex.size;
  }

  /** The articles' ids, by the numbers a `GroupList` names them with (the index's own list). */
  get articleIdList(): readonly string[] {
    return this.articleIds;
  }

  get sentenceCount(): number {
    return this.occurrenceNext.length;
  }

  get nodeCountTotal(): number {
    return this.nodeFirst.length;
  }

  /**
   * Adds an article, or replaces the one with the same id. Before `build`, it is only stored;
   * after, its sentences are compared at once and the groups they touch are formed again.
   */
  add(article: StoryArticle): void {
    this.addFeatures(
      article,
      article.sentences.map((sentence) => sentenceFeatures(sentence.text, this.vocabulary)),
    );
  }

  /** Whether a reviewer's link names sentences to find as they are added (their ids are read). */
  pinsSentences(): boolean {
    return this.pinned.size > 0;
  }

  /**
   * `add`, with the features of the article's sentences already read (on a worker thread, see
   * `readInParallel`), in this index's word ids.
   */
  addFeatures(article: StoryArticle, features: readonly SentenceFeatures[]): void {
    this.usable();
    // Before the build, what is written aside is read back only to replace an article.
    if (this.built || this.articleIndex.has(article.id)) this.readBack();
    const touched: number[] = [];
    if (this.articleIndex.has(article.id))
      for (const node of this.detach(article.id)) touched.push(node);
    const index = this.articleIds.length;
    this.articleIds.push(article.id);
    this.articleIndex.set(article.id, index);
    this.articleDay.push(dayOf(article.date));
    this.articleStart.push(this.occurrenceNext.length);
    this.articleLength.push(article.sentences.length);
    const added: number[] = [];
    const focus = this.around?.has(article.id) ?? false;
    const speakersOf = speakersInArticle(features);
    features.forEach((feature, position) => {
      const speakers = speakersOf[position]!;
      // Without links (most runs) no sentence is pinned: no key made for each of 3 million.
      const sentenceKey =
        this.pinned.size === 0 ? '' : key(article.id, article.sentences[position]!.id);
      const pinned = sentenceKey !== '' && this.pinned.has(sentenceKey);
      const collapse = !pinned && totalWeight(feature.words, this.vocabulary) >= COLLAPSE_WEIGHT;
      const occurrence = this.occurrenceNext.length;
      let node = collapse ? this.copies.get(feature.fingerprint[0], feature.fingerprint[1]) : -1;
      if (node >= 0 && this.nodeCount.data[node]! > 0) {
        if (this.placed) this.occurrenceNode.push(node);
        this.occurrenceNext.push(this.nodeFirst.data[node]!);
        this.nodeFirst.data[node] = occurrence;
        this.nodeCount.data[node]!++;
      } else {
        node = this.newNode(feature, speakers, occurrence, feature.borrowsSpeaker);
        this.nodeFigures.push(feature.figures);
        if (this.placed) this.occurrenceNode.push(node);
        this.occurrenceNext.push(-1);
        if (collapse) this.copies.set(feature.fingerprint[0], feature.fingerprint[1], node);
        added.push(node);
      }
      if (pinned) this.pinned.set(sentenceKey, node);
      if (focus) this.markAround(node);
      touched.push(node);
    });
    if (!this.built) {
      this.spillOccurrences();
      return;
    }
    for (const node of added) {
      if (!this.indexable(node)) continue;
      const values = this.bandValues(node);
      this.lsh.add(node, values);
      if (this.small) {
        for (let other = 0; other < this.nodeFirst.length; other++) {
          if (other !== node && this.indexable(other) && this.comparable(other, node))
            this.consider(other, node);
        }
        continue;
      }
      // As at the build: a crowded bucket gives no candidates, nor does it count as the band
      // where a pair was compared.
      const buckets = Array.from(values, (value, band) => this.lsh.bucket(band, value, node));
      let crowded = 0;
      buckets.forEach((bucket, band) => {
        if (bucket === null) crowded |= 1 << band;
      });
      buckets.forEach((members, band) => {
        if (members === null) return;
        const span = this.lsh.span(band);
        for (const other of this.nearest(node, members)) {
          if (this.apart(other, node, span) || !this.comparable(other, node)) continue;
          if (this.lsh.firstSharedBand(other, node, crowded) === band) this.consider(other, node);
        }
      });
    }
    this.regroup(touched, true);
  }

  /** Removes an article and regroups what it touched. */
  remove(articleId: string): void {
    this.usable();
    if (!this.articleIndex.has(articleId)) return;
    this.readBack();
    const touched = this.detach(articleId);
    if (this.built) this.regroup(touched, true);
  }

  /** Compares every indexed sentence with its LSH candidates and forms all groups. */
  build(): void {
    this.usable();
    if (this.prepare()) this.lsh.build(this.nodeFirst.length);
    else if (this.around) {
      // The candidate pairs noted, then compared outward from those articles' nodes only.
      const from = new Int32List();
      const to = new Int32List();
      const counted = this.stats.candidates;
      this.lsh.build(
        this.nodeFirst.length,
        (band, run) =>
          this.candidates(band, run, (a, b) => {
            from.push(a);
            to.push(b);
          }),
        !this.once,
      );
      // Counted as compared, below.
      this.stats.candidates = counted;
      const pairs = pairsByNode(this.nodeFirst.length, from, to);
      this.compareAround((node, visit) => {
        for (let at = pairs.start[node]!; at < pairs.start[node + 1]!; at++) {
          const pair = pairs.pair[at]!;
          visit(from.data[pair]!, to.data[pair]!);
        }
      }, false);
    } else
      this.lsh.build(
        this.nodeFirst.length,
        (band, run) => this.candidates(band, run, this.compareNow),
        !this.once,
      );
    this.finish();
    this.letGo();
  }

  /**
   * `build`, with the candidate pairs compared on worker threads (`comparer`) while this one
   * finds the next: the same edges, added in the same order, so the same groups.
   */
  buildWith(comparer: PairComparer): Promise<void> {
    this.usable();
    return leanHeaps(() => this.buildOn(comparer));
  }

  private async buildOn(comparer: PairComparer): Promise<void> {
    if (this.prepare(true)) {
      this.lsh.build(this.nodeFirst.length);
      this.finish();
      return;
    }
    if (this.aside) collectNow();
    try {
      await comparer.start(
        this.tables,
        this.vocabulary.words,
        (a, b, score) => this.addEdge(a, b, score),
        (a, b) => this.same(a, b),
        (pairs, from, to) => this.judge.warm(pairs, from, to),
      );
      const take = (a: number, b: number) => comparer.compare(a, b);
      // An index built once looks no bucket up after its build: its bands are not kept.
      const keep = !this.once;
      for (const _ of this.lsh.building(
        this.nodeFirst.length,
        (band, run) => {
          this.candidates(band, run, take);
          return comparer.backlog?.();
        },
        keep,
      )) {
        await comparer.settled(false);
      }
      await comparer.settled(true);
      if (this.aside) collectNow();
    } catch (error) {
      // The index stays as it was before the build, its lists read back.
      this.edgeLog = null;
      this.readBack();
      await comparer.done?.();
      throw error;
    }
    try {
      // The comparing threads idle by now: one answers the joins' verdicts ahead.
      this.finish(comparer.ahead ? (job) => comparer.ahead!(job) : undefined);
    } finally {
      await comparer.done?.();
    }
    // Once the threads that shared the pools are gone.
    this.letGo();
  }

  /**
   * In an index built `once`, lets go of what only comparing and grouping read, its groups
   * formed: the pools of words and extras and the per-node arrays the comparison reads (some
   * 125 MB at 100,000 articles), given back by the collection that follows (shared memory is
   * freed once no thread holds it). The groups' own tables (members, occurrences, anchors'
   * fingerprints) stay for `groupLists` and `groups`.
   */
  private letGo(): void {
    if (!this.once || this.small) return;
    this.spent = true;
    this.edges.forget();
    this.lsh.forget();
    for (const list of [this.wordStart, this.extraStart, this.nodeArticle]) {
      list.data = new Int32Array(0);
      list.length = 0;
    }
    for (const list of [this.words, this.extras, this.nodeFigures]) {
      list.data = new Uint32Array(0);
      list.length = 0;
    }
    this.judge.forget();
    // A speaker read last stands in a view of the pool let go of, which kept it all (37 MB at
    // 100,000 articles) through the keeping of the groups.
    const scratch = this.extrasScratch;
    scratch.speakers = scratch.sources = scratch.units = scratch.quoted = [];
    collectNow();
  }

  /** Refuses what an index built `once` can no longer do, once it let go (`letGo`). */
  private usable(): void {
    if (this.spent) throw new Error('a story index built once cannot be changed or searched');
  }

  /**
   * Trims the pools and sizes the per-node arrays for the build; compares every pair of a
   * small corpus. Whether the corpus was small. `shared`: the pools a comparison reads go to
   * shared memory, for `PairComparer`s on worker threads.
   */
  private prepare(shared = false): boolean {
    // The sentences' chains written aside while reading stay there for a large build.
    const spill = this.spill;
    this.spill = null;
    this.readBack();
    const tables = new Set<unknown>(Object.values(this.tables));
    for (const list of this.lists()) list.trim(shared && tables.has(list));
    // Views made before the trim would keep the untrimmed arrays alive.
    this.judge.forget();
    let count = 0;
    for (let node = 0; node < this.nodeFirst.length; node++) if (this.indexable(node)) count++;
    // A small corpus is compared pair by pair: exact, and cheaper than its buckets.
    this.small = count <= EXHAUSTIVE;
    const large = !this.small && this.nodeFirst.length >= this.asideFrom;
    if (spill && !large) spill.restore();
    this.edgeLog = new EdgeLog(null);
    if (this.small) {
      const indexed: number[] = [];
      for (let node = 0; node < this.nodeFirst.length; node++) {
        if (this.indexable(node)) indexed.push(node);
      }
      if (this.around) {
        // Each pair in the order the loop below asks it: the lower node first.
        this.compareAround((node, visit) => {
          for (const other of indexed) {
            if (other !== node) visit(Math.min(node, other), Math.max(node, other));
          }
        }, true);
      } else {
        for (let i = 0; i < indexed.length; i++) {
          for (let j = 0; j < i; j++) this.consider(indexed[j]!, indexed[i]!);
        }
      }
    } else if (large) this.setAside(spill);
    return this.small;
  }

  /**
   * Writes to a file what the build does not read (which sentence is which node, the nodes'
   * fingerprints and the copies' map), its memory given back until `finish`, and logs the pairs
   * found alike there too, in the file the reading began (`spill`) if it did. Where no file can
   * be written, all stays in memory.
   */
  private setAside(spill: SetAside | null): void {
    let aside: SetAside;
    try {
      aside = spill ?? new SetAside(this.asideFolder);
    } catch {
      return;
    }
    this.aside = aside;
    this.edgeLog = new EdgeLog(aside);
    // First: what the reading wrote of the chains stands last in the file, and the rest follows.
    aside.put(this.occurrenceNext, Int32Array);
    if (this.placed) aside.put(this.occurrenceNode, Int32Array);
    aside.put(this.nodeFirst, Int32Array);
    aside.put(this.nodeHash, Uint32Array);
    aside.put(this.nodeHash2, Uint32Array);
    // A map's slots are a power of two: read back as many, no room to spare.
    aside.put(this.copies, Int32Array, true);
  }

  /**
   * Reads back what the build set aside (`setAside`): the occurrences' nodes, the nodes'
   * fingerprints and the copies' map, which an update and a group's description read.
   */
  private readBack(): void {
    this.spill?.restore();
    this.spill = null;
    this.aside?.restore();
    this.aside = null;
  }

  /**
   * While a large index reads, writes the sentences' chains aside a block at a time (four
   * sentences per node from which a build sets aside): nothing reads them before the groups,
   * and at 100,000 articles they were 12 MB at the reading's peak, its end. Where the file
   * refuses them, they stay in memory.
   */
  private spillOccurrences(): void {
    const list = this.occurrenceNext;
    const block = Math.max(SPILL_MIN, this.asideFrom * 4);
    if (list.length - list.base < block || this.nodeFirst.length < this.asideFrom) return;
    if (this.spillRefused) return;
    try {
      this.spill ??= new SetAside(this.asideFolder);
    } catch {
      this.spillRefused = true;
      return;
    }
    if (this.spill.spill(list)) return;
    this.spill.restore();
    this.spill = null;
    this.spillRefused = true;
  }

  /**
   * Sizes the per-node arrays that only groups use (`clusterOf`, `clusterNext`) for every node,
   * with `capacity` entries when they grow. At 100,000 articles they (and the edges' heads)
   * were 27 MB resident through the reading and the build, copied as they grew, for no group.
   */
  private sizeNodeArrays(capacity: number): void {
    if (this.nodeFirst.length <= this.clusterOf.length) return;
    const grown = (old: Int32Array) => {
      const array = new Int32Array(capacity).fill(-1);
      array.set(old.subarray(0, Math.min(old.length, capacity)));
      return array;
    };
    this.clusterOf = grown(this.clusterOf);
    this.clusterNext = grown(this.clusterNext);
  }

  /**
   * The pairs of one bucket's run to compare at the build, counted: each node with the
   * `window` before it, and in a speaker band only those of the same days (see `apart`), not
   * those of one article (as `candidate`; a run's nodes are alive, as nothing changes an index
   * while it builds). Two articles are told apart by the bits the LSH keeps of them where it can
   * (`otherOwners`), which it reads for the pair's earlier bands anyway: a table of each node's
   * article is one more read from main memory a node. The run is of the LSH's rows, which
   * name their nodes (`LshIndex.node`), read only for the pairs its own checks let through.
   */
  private candidates(band: number, run: Int32Array, take: (a: number, b: number) => void): void {
    const span = this.lsh.span(band);
    const article = this.nodeArticle.data;
    const lsh = this.lsh;
    this.warmth |= lsh.warm(run);
    for (let i = 1; i < run.length; i++) {
      const rowB = run[i]!;
      let b = -1;
      for (let j = Math.max(0, i - this.window); j < i; j++) {
        const rowA = run[j]!;
        if (lsh.sharedBefore(rowA, rowB, band)) continue;
        if (b < 0) b = lsh.node(rowB);
        const a = lsh.node(rowA);
        if (this.apart(a, b, span)) continue;
        if (!lsh.otherOwners(rowA, rowB) && article[a] === article[b]) continue;
        this.stats.candidates++;
        take(a, b);
      }
    }
  }

  /** Whether a pair is compared at all: with `around`, only one with a node of those articles. */
  private comparable(a: number, b: number): boolean {
    return this.around === null || this.aroundNodes[a] === 1 || this.aroundNodes[b] === 1;
  }

  /**
   * With `around`: the pairs of the components that hold those articles' nodes, and no other,
   * compared outward from those nodes. Each node reached (alike to one reached before, or
   * linked by a reviewer) has every pair `neighbours` gives it compared, once; a pair of two
   * nodes reached is compared from the first of them. So every pair inside those components is
   * compared as the whole build compares it, in the same order of its two nodes, and their
   * groups are the whole build's (`clusters.ts`: a component's groups depend on it alone). The
   * small corpus's pairs are checked as `consider` does (`check`); the LSH's were as noted.
   */
  private compareAround(
    neighbours: (node: number, visit: (a: number, b: number) => void) => void,
    check: boolean,
  ): void {
    const nodes = this.nodeFirst.length;
    // 1: reached, 2: its pairs compared.
    const state = new Uint8Array(nodes);
    const queue: number[] = [];
    const links = this.resolvedConstraints().adjacency;
    const reach = (node: number) => {
      if (state[node] !== 0) return;
      state[node] = 1;
      queue.push(node);
    };
    for (let node = 0; node < Math.min(nodes, this.aroundNodes.length); node++) {
      if (this.aroundNodes[node] === 1 && this.nodeCount.data[node]! > 0) reach(node);
    }
    for (let at = 0; at < queue.length; at++) {
      const node = queue[at]!;
      state[node] = 2;
      for (const other of links.get(node) ?? []) reach(other);
      if (!this.indexable(node)) continue;
      neighbours(node, (a, b) => {
        const other = a === node ? b : a;
        if (state[other] === 2) return;
        if (check) {
          if (!this.candidate(a, b)) return;
        } else this.stats.candidates++;
        const score = this.same(a, b);
        if (score <= 0) return;
        this.addEdge(a, b, score);
        reach(other);
      });
    }
  }

  /** Marks a node of one of the `around` articles. */
  private markAround(node: number): void {
    if (node >= this.aroundNodes.length) {
      const grown = new Uint8Array(Math.max(node + 1, this.aroundNodes.length * 2));
      grown.set(this.aroundNodes);
      this.aroundNodes = grown;
    }
    this.aroundNodes[node] = 1;
  }

  /** Kept only so that `LshIndex.warm`'s reads are not dropped as unused. */
  private warmth = 0;

  /** Compares a build's candidate on this thread, recording it as an edge when alike. */
  private readonly compareNow = (a: number, b: number): void => {
    const score = this.same(a, b);
    if (score > 0) this.addEdge(a, b, score);
  };

  /**
   * Whether two nodes are dated more than `span` days apart. A speaker band (the one kind with
   * a span) joins only sentences of the same days: further apart, only near-copies are one
   * statement (`sameStatement`), and those share MinHash bands.
   */
  private apart(a: number, b: number, span: number): boolean {
    if (span === Number.POSITIVE_INFINITY) return false;
    const dayA = this.dayOf(a);
    const dayB = this.dayOf(b);
    return dayA !== NO_DAY && dayB !== NO_DAY && Math.abs(dayA - dayB) > span;
  }

  private finish(ahead?: (job: AheadJob) => boolean): void {
    // The build's edges, from the log, once its own arrays are given back; then what was set
    // aside, read back (the log reads the same file).
    // An index built once looks no bucket up after its build: its bands go before the grouping.
    if (this.once && !this.small) this.lsh.forget();
    this.sizeNodeArrays(trimmedCapacity(this.nodeFirst.length));
    const log = this.edgeLog;
    this.edgeLog = null;
    // In an index built once, the components formed last are found from the log first: their
    // edges are never laid, and they read their pairs from the log once the others are formed.
    const last = log && this.once && !this.small ? this.lastComponents(log) : null;
    if (log && last) {
      const formedLast = last.marks;
      this.edges.lay(this.nodeFirst.length, (pair) =>
        log.replay((a, b, score) => {
          if (formedLast[a] === 0 && formedLast[b] === 0) pair(a, b, score);
        }),
      );
      release(formedLast);
    } else if (log) this.edges.lay(this.nodeFirst.length, (pair) => log.replay(pair));
    // The groups walk each node's occurrences; the rest is read back when first read
    // (`readBack`): a command that only keeps the groups forms them without it.
    this.aside?.takeBack(this.nodeFirst);
    this.aside?.takeBack(this.occurrenceNext);
    this.built = true;
    this.regroup(
      this.liveNodes(),
      false,
      ahead,
      log && last ? { components: last.components, pairs: (pair) => log.replay(pair) } : undefined,
    );
  }

  /**
   * The connected components (by the build's pairs in `log` and the reviewers' links) of
   * `lastFrom` live nodes or more, each its nodes in no order, and a mark per node of theirs
   * (releasable). Found with a union-find over the groups' per-node arrays, which nothing
   * reads before the grouping (every entry -1 again after).
   */
  private lastComponents(log: EdgeLog): { components: Int32Array[]; marks: Uint8Array } {
    const nodes = this.nodeFirst.length;
    const parent = this.clusterOf;
    const size = this.clusterNext;
    const alive = this.nodeCount.data;
    for (let node = 0; node < nodes; node++) {
      parent[node] = node;
      size[node] = alive[node]! > 0 ? 1 : 0;
    }
    const find = (node: number): number => {
      while (parent[node] !== node) {
        parent[node] = parent[parent[node]!]!;
        node = parent[node]!;
      }
      return node;
    };
    // As the grouping's walk: along live nodes only.
    const join = (a: number, b: number) => {
      if (alive[a]! <= 0 || alive[b]! <= 0) return;
      let rootA = find(a);
      let rootB = find(b);
      if (rootA === rootB) return;
      if (size[rootA]! < size[rootB]!) [rootA, rootB] = [rootB, rootA];
      parent[rootB] = rootA;
      size[rootA]! += size[rootB]!;
    };
    log.replay(join);
    for (const [a, b] of this.resolvedConstraints().links) join(a, b);
    const marks = releasable(Uint8Array, nodes);
    // Per large component's root, its index in `components`, then its nodes put in place.
    const slot = new Map<number, number>();
    const components: Int32Array[] = [];
    const filled: number[] = [];
    for (let node = 0; node < nodes; node++) {
      if (alive[node]! <= 0) continue;
      const root = find(node);
      if (size[root]! < this.lastFrom) continue;
      let at = slot.get(root);
      if (at === undefined) {
        at = components.length;
        slot.set(root, at);
        components.push(new Int32Array(size[root]!));
        filled.push(0);
      }
      components[at]![filled[at]!++] = node;
      marks[node] = 1;
    }
    parent.fill(-1);
    size.fill(-1);
    return { components, marks };
  }

  /**
   * Every live node, in order, as the grouping asks for them: not a list of them (9 MB at
   * 100,000 articles, standing through the grouping's peak).
   */
  private *liveNodes(): Generator<number> {
    for (let node = 0; node < this.nodeFirst.length; node++) {
      if (this.nodeCount.data[node]! > 0) yield node;
    }
  }

  /** Every group of sentences from two or more articles, in anchor order. */
  groups(): StoryCluster[] {
    return [...this.groupsInOrder()];
  }

  /**
   * `groups`, one at a time: only the groups' anchors are held, in typed arrays, and each group
   * is made when it is asked for. At 100,000 articles the 276,661 groups made at once held some
   * 120 MB beside the index while `margin index --story` kept them.
   */
  *groupsInOrder(): Generator<StoryCluster> {
    for (const id of this.groupsByAnchor()) {
      const cluster = this.describe(this.members(id));
      if (cluster) yield cluster;
    }
  }

  /**
   * Each group's id (its first node) in the order of the groups' anchors: only the anchors
   * are held, in typed arrays.
   */
  private groupsByAnchor(): Int32Array {
    let count = 0;
    for (let node = 0; node < this.nodeFirst.length; node++) {
      if (this.clusterOf[node] === node) count++;
    }
    const ids = new Int32Array(count);
    // Each group's anchor: its earliest sentence (`compareMember`), as `describe` finds it.
    const day = new Int32Array(count);
    const article = new Int32Array(count);
    const sentence = new Int32Array(count);
    count = 0;
    for (let node = 0; node < this.nodeFirst.length; node++) {
      if (this.clusterOf[node] !== node) continue;
      ids[count] = node;
      let found = false;
      for (let member = node; member !== -1; member = this.clusterNext[member]!) {
        for (let at = this.nodeFirst.data[member]!; at !== -1; at = this.occurrenceNext.data[at]!) {
          const a = this.articleOf(at);
          const d = this.articleDay.data[a]!;
          const position = at - this.articleStart.data[a]!;
          const earlier =
            !found ||
            compareAnchor(
              d,
              a,
              position,
              day[count]!,
              article[count]!,
              sentence[count]!,
              this.articleIds,
            ) < 0;
          if (!earlier) continue;
          found = true;
          day[count] = d;
          article[count] = a;
          sentence[count] = position;
        }
      }
      count++;
    }
    // Two groups never share an anchor (a sentence is in one group): the order is total. By
    // radix, as a large component's nodes: by comparison (an article id compared as a string at
    // each step), the 279,296 groups of 100,000 articles took some 0.7 s, while the thread that
    // keeps them waited for the first.
    return anchorOrder(ids, day, article, sentence, this.articleIds);
  }

  /**
   * `groupsInOrder`, every one made and packed (`GroupList`): what a caller that only keeps
   * the groups holds of them, to let go of the index before it writes them.
   */
  groupList(): GroupList {
    return this.groupLists(Number.POSITIVE_INFINITY).next().value!;
  }

  /**
   * `groupList` in pieces of about `members` members each (a group whole in one), in order:
   * each can be written while the next is made (`SavingThread`).
   */
  *groupLists(members: number): Generator<GroupList, void, void> {
    this.aside?.takeBack(this.nodeHash);
    this.aside?.takeBack(this.nodeHash2);
    const groups = this.groupsByAnchor();
    const first = this.nodeFirst.data;
    const next = this.occurrenceNext.data;
    const sizeOf = (id: number) => {
      let size = 0;
      for (let node = id; node !== -1; node = this.clusterNext[node]!) {
        for (let at = first[node]!; at !== -1; at = next[at]!) size++;
      }
      return size;
    };
    // One group's members (article, position, day, node) before they are put in order.
    let held = new Int32Array(64);
    let from = 0;
    do {
      let to = from;
      let total = 0;
      while (to < groups.length && (to === from || total < members)) total += sizeOf(groups[to++]!);
      const starts = new Int32Array(to - from + 1);
      const articles = new Int32Array(total);
      const sentences = new Int32Array(total);
      const fingerprints = new Uint32Array(2 * (to - from));
      let made = 0;
      let end = 0;
      for (let g = from; g < to; g++) {
        const id = groups[g]!;
        let count = 0;
        let single = true;
        for (let node = id; node !== -1; node = this.clusterNext[node]!) {
          for (let at = first[node]!; at !== -1; at = next[at]!) {
            if (4 * count === held.length) {
              const grown = new Int32Array(2 * held.length);
              grown.set(held);
              held = grown;
            }
            const article = this.articleOf(at);
            held[4 * count] = article;
            held[4 * count + 1] = at - this.articleStart.data[article]!;
            held[4 * count + 2] = this.articleDay.data[article]!;
            held[4 * count + 3] = node;
            if (article !== held[0]) single = false;
            count++;
          }
        }
        // As `describe`: a group of one article is none.
        if (single) continue;
        const order = Array.from({ length: count }, (_, i) => 4 * i);
        order.sort((x, y) =>
          compareAnchor(
            held[x + 2]!,
            held[x]!,
            held[x + 1]!,
            held[y + 2]!,
            held[y]!,
            held[y + 1]!,
            this.articleIds,
          ),
        );
        starts[made] = end;
        const anchorNode = held[order[0]! + 3]!;
        fingerprints[2 * made] = this.nodeHash.data[anchorNode]!;
        fingerprints[2 * made + 1] = this.nodeHash2.data[anchorNode]!;
        for (const at of order) {
          articles[end] = held[at]!;
          sentences[end] = held[at + 1]!;
          end++;
        }
        made++;
      }
      starts[made] = end;
      yield new GroupList(
        this.articleIds,
        starts.slice(0, made + 1),
        articles.subarray(0, end),
        sentences.subarray(0, end),
        fingerprints.subarray(0, 2 * made),
      );
      from = to;
    } while (from < groups.length);
  }

  /**
   * The engine's verdict on two sentences (article id, index in the article), both in the index:
   * whether they report the same thing, as two groups' anchors must for the groups to join
   * (`clusters.ts`). False when either is not in the index or cannot be grouped.
   */
  agrees(a: ClusterMember, b: ClusterMember): boolean {
    this.usable();
    this.readBack();
    const node = ({ article, sentence }: ClusterMember) => {
      const at = this.articleIndex.get(article);
      if (at === undefined || sentence >= this.articleLength.data[at]!) return -1;
      return this.nodesOfOccurrences()[this.articleStart.data[at]! + sentence]!;
    };
    const first = node(a);
    const second = node(b);
    if (first < 0 || second < 0) return false;
    if (first === second) return true;
    if (!this.indexable(first) || !this.indexable(second)) return false;
    return this.same(first, second) > 0;
  }

  /** The group of a sentence (article id, index in the article), or null. */
  groupOf(articleId: string, sentence: number): StoryCluster | null {
    this.usable();
    this.readBack();
    const article = this.articleIndex.get(articleId);
    if (article === undefined || sentence >= this.articleLength.data[article]!) return null;
    const node = this.nodesOfOccurrences()[this.articleStart.data[article]! + sentence]!;
    const id = this.clusterOf[node] ?? -1;
    return id < 0 ? null : this.describe(this.members(id));
  }

  /** Bytes held by the typed arrays (not the vocabulary or the maps of groups). */
  get bytes(): number {
    const lists = this.lists();
    return (
      lists.reduce((sum, list) => sum + residentBytes(list), 0) +
      this.lsh.bytes +
      this.edges.bytes +
      this.clusterOf.byteLength +
      this.clusterNext.byteLength
    );
  }

  private lists() {
    return [
      this.occurrenceNode,
      this.occurrenceNext,
      this.wordStart,
      this.words,
      this.extraStart,
      this.extras,
      this.nodeFirst,
      this.nodeArticle,
      this.articleDay,
      this.nodeCount,
      this.nodeHash,
      this.nodeHash2,
      this.nodeFigures,
      ...this.edges.lists,
    ];
  }

  // ---- nodes ----

  private newNode(
    feature: SentenceFeatures,
    speakers: readonly number[],
    occurrence: number,
    borrowed: boolean,
  ) {
    const { words, fingerprint } = feature;
    const node = this.nodeFirst.push(occurrence);
    const article = this.articleIds.length - 1;
    this.nodeArticle.push(article);
    this.nodeCount.push(1);
    this.wordStart.push(this.words.length);
    for (const word of words) this.words.push(word);
    this.extraStart.push(this.extras.length);
    pushExtras(
      this.extras,
      speakers,
      feature.sources,
      feature.units,
      feature.quotedWords,
      borrowed,
    );
    this.nodeHash.push(fingerprint[0]);
    this.nodeHash2.push(fingerprint[1]);
    if (this.built && node >= this.clusterOf.length) {
      this.sizeNodeArrays(grownCapacity(this.clusterOf.length, node + 1));
    }
    return node;
  }

  /** A node's words: they stand in the pool in node order, so the next node's start ends them. */
  private nodeWords(node: number): Uint32Array {
    return slice(this.wordStart, this.words, node);
  }

  private readonly extrasScratch: Extras = { speakers: [], sources: [], units: [], quoted: [] };

  private nodeSpeakers(node: number): ArrayLike<number> {
    return readExtras(this.extraStart, this.extras, node, this.extrasScratch).speakers;
  }

  /** A node's day: its article's (`NO_DAY` when undated). */
  private dayOf(node: number): number {
    return this.articleDay.data[this.nodeArticle.data[node]!]!;
  }

  private indexable(node: number): boolean {
    return (
      this.nodeCount.data[node]! > 0 &&
      totalWeight(this.nodeWords(node), this.vocabulary) >= THRESHOLDS.minWeight
    );
  }

  /** A node's keyed band values: rare pairs (of `pairNode`), then speakers (of `speakerNode`). */
  private keyScratch = new Uint32Array(0);
  private speakerScratch = new Uint32Array(0);
  private pairNode = -1;
  private speakerNode = -1;
  private readonly weightOf = (word: number) => this.vocabulary.weight(word);

  /** Band `band`'s LSH value of a node, from its words (see `LshSource.value`). */
  private bandValue(node: number, band: number): number {
    if (band < this.lsh.shape.bands) {
      const starts = this.wordStart;
      const end = node + 1 < starts.length ? starts.data[node + 1]! : this.words.length;
      return this.lsh.minhashWords(this.words.data, starts.data[node]!, end, this.weightOf, band);
    }
    // The build asks band by band; an update asks for every band of one node in turn. The two
    // kinds of keyed band are kept apart, so the build's six keyed bands work out a node's rare
    // pairs four times and its speakers twice, not both six times.
    const k = band - this.lsh.shape.bands;
    if (this.keyScratch.length === 0) {
      this.keyScratch = new Uint32Array(this.lsh.total - this.lsh.shape.bands);
      this.speakerScratch = this.keyScratch.subarray(this.pairBands);
    }
    if (k < this.pairBands) {
      if (this.pairNode !== node) {
        this.pairKeys(node, this.keyScratch);
        this.pairNode = node;
      }
    } else if (this.speakerNode !== node) {
      this.speakerKeys(node, this.speakerScratch);
      this.speakerNode = node;
    }
    return this.keyScratch[k]!;
  }

  /** Whether band `band` is keyed by speakers. */
  private speakerBand(band: number): boolean {
    return band >= this.lsh.shape.bands + this.pairBands;
  }

  /** Keyed bands of rare-word pairs; the rest (`SPEAKER_KEYS`, when there is room) of speakers. */
  private get pairBands(): number {
    const allKeys = this.lsh.total - this.lsh.shape.bands;
    return allKeys > SPEAKER_KEYS ? allKeys - SPEAKER_KEYS : allKeys;
  }

  private bandValues(node: number): Uint32Array {
    const values = new Uint32Array(this.lsh.total);
    for (let band = 0; band < values.length; band++) values[band] = this.bandValue(node, band);
    return values;
  }

  /**
   * The keyed bands: each pair of a sentence's three rarest words. A rewording keeps few
   * words, so it seldom agrees with the original on a MinHash band, but what it is about
   * ("airspace access", "vaccine patents") it keeps: two of the three rarest words in common
   * make two sentences candidates.
   */
  private pairKeys(node: number, values: Uint32Array): void {
    const keys = this.pairBands;
    const words = this.nodeWords(node);
    const top = this.topScratch;
    const topWeight = this.topWeightScratch;
    top.fill(-1);
    topWeight.fill(0);
    for (let i = 0; i < words.length; i++) {
      const weight = this.vocabulary.weight(words[i]!);
      if (weight < RARE_KEY_WEIGHT) continue;
      const id = words[i]! & ID_MASK;
      for (let k = 0; k < 3; k++) {
        if (weight > topWeight[k]! || (weight === topWeight[k] && id < top[k]!)) {
          for (let m = 2; m > k; m--) {
            top[m] = top[m - 1]!;
            topWeight[m] = topWeight[m - 1]!;
          }
          top[k] = id;
          topWeight[k] = weight;
          break;
        }
      }
    }
    // A pair goes to the band its hash names (the next free one if taken), so that two
    // sentences sharing a pair mostly meet in one band whatever their other rare words.
    for (let k = 0; k < keys; k++) values[k] = (mix(node * 0x9e3779b1 + k) | 1) >>> 0;
    // Called for every node and band at the build: no arrays made per call.
    const keyed = this.pairScratch;
    let count = 0;
    for (let x = 0; x < 3; x++) {
      for (let y = x + 1; y < 3; y++) {
        const a = top[x]!;
        const b = top[y]!;
        if (a < 0 || b < 0) continue;
        keyed[count++] = (mix(mix(Math.min(a, b)) ^ Math.max(a, b)) & ~1) >>> 0;
      }
    }
    placeKeys(keyed, count, values, keys, this.takenScratch);
  }

  private readonly pairScratch = new Uint32Array(16);
  private readonly topScratch = [-1, -1, -1];
  private readonly topWeightScratch = [0, 0, 0];
  private readonly takenScratch = new Uint8Array(64);

  /**
   * The speaker bands: a sentence's speakers by name (the lowest and the highest key of their
   * names, `spreadKeys`, so a surname alone meets the whole name). One speaker retold
   * in other words ("According to Hartung, …", "Emre Hartung said …") keeps little else; a
   * bucket's nodes stand in date order, so each is compared with that speaker's statements of
   * the nearest days. A sentence that names no speaker but states an amount is keyed by its
   * names and its figures instead: an event retold keeps where and how many ("51 sheep were
   * culled in Kelmir", "In Kelmir, … 51 livestock were destroyed").
   */
  private speakerKeys(node: number, values: Uint32Array): void {
    const count = values.length;
    for (let k = 0; k < count; k++) values[k] = (mix(node * 0x85ebca6b + k) | 1) >>> 0;
    if (count === 0) return;
    const figures = this.nodeFigures.data[node]!;
    const speakers = this.nodeSpeakers(node);
    const byFigures = speakers.length === 0 && (figures & AMOUNT) !== 0;
    const names = byFigures ? this.nodeWords(node) : speakers;
    const salt = byFigures ? figures : 0x5bd1e995;
    let keyed = this.pairScratch;
    let found = 0;
    for (let i = 0; i < names.length; i++) {
      const id = names[i]!;
      // Words: names only. Speakers: not the descriptions before a title ("Kremlin" of
      // "Kremlin spokesman Dmitry Peskov"), which "Peskov said" does not share.
      if (byFigures ? !(id & NAME_BIT) : id & DESCRIBING) continue;
      if (found === keyed.length) {
        const grown = new Uint32Array(keyed.length * 2);
        grown.set(keyed);
        keyed = grown;
      }
      keyed[found++] = (mix(mix(id & ID_MASK) ^ salt) & ~1) >>> 0;
    }
    spreadKeys(keyed, found, values, count);
  }

  /**
   * Per block of `BLOCK_BITS` occurrences, the article its first occurrence is in (the last
   * block's next entry: the last article), for the articles counted when made (`blockOf`):
   * `articleOf` then searches the few articles of one block, not all of them. It is asked for
   * every occurrence of every group as the groups are ordered and packed, some four million
   * times at 100,000 articles.
   */
  private articleBlocks = new Int32Array(0);
  private blocksOf = -1;

  private articleOf(occurrence: number): number {
    const starts = this.articleStart.data;
    const articles = this.articleStart.length;
    if (this.blocksOf !== articles) {
      const blocks = (this.occurrenceNext.length >>> BLOCK_BITS) + 2;
      const first = new Int32Array(blocks);
      let article = 0;
      for (let block = 0; block < blocks; block++) {
        const at = block << BLOCK_BITS;
        while (article + 1 < articles && starts[article + 1]! <= at) article++;
        first[block] = article;
      }
      this.articleBlocks = first;
      this.blocksOf = articles;
    }
    const block = occurrence >>> BLOCK_BITS;
    const inBlocks = block + 1 < this.articleBlocks.length;
    let low = inBlocks ? this.articleBlocks[block]! : 0;
    let high = inBlocks ? this.articleBlocks[block + 1]! : articles - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (starts[middle]! <= occurrence) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** Whether two nodes report the same thing (`sameStatement`). */
  private same(a: number, b: number): number {
    return this.judge.same(a, b);
  }

  /**
   * Each occurrence's node (-1: taken out), placed from the nodes' chains when first asked
   * (see `placed`), after what a build set aside is read back.
   */
  private nodesOfOccurrences(): Int32Array {
    this.readBack();
    if (!this.placed) {
      const count = this.occurrenceNext.length;
      this.occurrenceNode.reserve(count);
      const nodeOf = this.occurrenceNode.data;
      nodeOf.fill(-1, 0, count);
      const first = this.nodeFirst.data;
      const next = this.occurrenceNext.data;
      for (let node = 0; node < this.nodeFirst.length; node++) {
        for (let at = first[node]!; at !== -1; at = next[at]!) nodeOf[at] = node;
      }
      this.occurrenceNode.length = count;
      this.placed = true;
    }
    return this.occurrenceNode.data;
  }

  /** Each live occurrence of a node. */
  private occurrences(node: number): number[] {
    const out: number[] = [];
    for (let at = this.nodeFirst.data[node]!; at !== -1; at = this.occurrenceNext.data[at]!) {
      out.push(at);
    }
    return out;
  }

  /** Takes an article's sentences out; returns the nodes whose groups must be formed again. */
  private detach(articleId: string): number[] {
    const article = this.articleIndex.get(articleId)!;
    this.articleIndex.delete(articleId);
    const start = this.articleStart.data[article]!;
    const touched: number[] = [];
    const nodeOf = this.nodesOfOccurrences();
    for (let at = start; at < start + this.articleLength.data[article]!; at++) {
      const node = nodeOf[at]!;
      if (this.nodeFirst.data[node] === at) {
        this.nodeFirst.data[node] = this.occurrenceNext.data[at]!;
      } else {
        let previous = this.nodeFirst.data[node]!;
        while (previous !== -1 && this.occurrenceNext.data[previous] !== at) {
          previous = this.occurrenceNext.data[previous]!;
        }
        if (previous !== -1) this.occurrenceNext.data[previous] = this.occurrenceNext.data[at]!;
      }
      nodeOf[at] = -1;
      this.nodeCount.data[node]!--;
      if (this.nodeCount.data[node] === 0) {
        if (this.built) this.lsh.remove(node);
        this.copies.delete(this.nodeHash.data[node]!, this.nodeHash2.data[node]!);
        this.edges.each(node, (other) => {
          touched.push(other);
          return false;
        });
      } else touched.push(node);
      const cluster = this.clusterOf[node] ?? -1;
      // Not spread into push: a group of 120,000 members would overflow the call stack.
      if (cluster >= 0) for (const member of this.members(cluster)) touched.push(member);
    }
    this.articleLength.data[article] = 0;
    return touched;
  }

  /**
   * The `window` members of a bucket dated nearest to `node` (ties: the earlier added), nearest
   * first (or all, in bucket order, when there are no more). One pass keeping the best few: a
   * bucket can hold a thousand members, and sorting each of an article's buckets whole took 7 %
   * of an update at 30,000 articles.
   */
  private nearest(node: number, bucket: number[]): number[] {
    const window = this.window;
    if (bucket.length <= window + 1) {
      const others = bucket.filter((other) => other !== node);
      if (others.length <= window) return others;
    }
    const best: number[] = [];
    const distance: number[] = [];
    const day = (n: number) => {
      const d = this.dayOf(n);
      return d === NO_DAY ? 0xffff : d;
    };
    const mine = day(node);
    for (const other of bucket) {
      if (other === node) continue;
      const d = Math.abs(day(other) - mine);
      let at = best.length;
      while (at > 0 && (distance[at - 1]! > d || (distance[at - 1] === d && best[at - 1]! > other)))
        at--;
      if (at >= window) continue;
      best.splice(at, 0, other);
      distance.splice(at, 0, d);
      if (best.length > window) {
        best.pop();
        distance.pop();
      }
    }
    return best;
  }

  // ---- edges ----

  /**
   * Verifies a candidate pair and records it as an edge when the two report the same thing.
   * Each pair comes here once (in the first LSH band it shares), so no edge is looked up: a
   * sentence of a boilerplate family has thousands.
   */
  private readonly consider = (a: number, b: number): void => {
    if (!this.candidate(a, b)) return;
    const score = this.same(a, b);
    if (score > 0) this.addEdge(a, b, score);
  };

  /** Whether a pair is to be compared (two live nodes of two articles); counts it if so. */
  private candidate(a: number, b: number): boolean {
    if (a === b || this.nodeCount.data[a]! <= 0 || this.nodeCount.data[b]! <= 0) return false;
    if (this.nodeArticle.data[a] === this.nodeArticle.data[b]) return false;
    this.stats.candidates++;
    return true;
  }

  /** Records that `same(a, b)` found the two alike (the grouping knows which was asked). */
  private addEdge(a: number, b: number, score: number): void {
    this.stats.edges++;
    if (this.edgeLog) this.edgeLog.add(a, b, score);
    else this.edges.add(a, b, score);
  }

  // ---- groups ----

  /** Whether groups were formed before (`regroup`). */
  private grouped = false;

  /** Forms again the groups of the connected components that hold `seeds`. */
  private regroup(
    seeds: Iterable<number>,
    local = false,
    ahead?: (job: AheadJob) => boolean,
    formedLast?: { components: Int32Array[]; pairs: PairReplay },
  ): void {
    // Marks of this pass in a typed array: a Set of millions of nodes costs seconds and 100 MB.
    if (this.seen.length < this.nodeFirst.length) {
      this.seen = new Uint8Array(grownCapacity(this.seen.length, this.nodeFirst.length));
    }
    // An update's marks too, made for the first update: a build does not need them.
    if (local && this.inBig.length < this.seen.length) {
      const inBig = new Uint8Array(this.seen.length);
      inBig.set(this.inBig.subarray(0, Math.min(this.inBig.length, inBig.length)));
      this.inBig = inBig;
      this.walked = new Int32Array(this.seen.length);
      this.walks = 0;
    }
    if (this.pass === 255) {
      this.seen.fill(0);
      this.inBig.fill(0);
      this.pass = 0;
    }
    const pass = ++this.pass;
    const seen = {
      has: (node: number) => this.seen[node] === pass,
      add: (node: number) => {
        this.seen[node] = pass;
      },
    };
    const links = this.resolvedConstraints();
    /** The components formed last (see `StoryIndexOptions.once`), passed over by the walks. */
    const last = formedLast?.components ?? [];
    for (const component of last) for (const node of component) seen.add(node);
    // A node may still name a group that this pass formed anew under the same id (a removed
    // sentence's old group): that group is not its to undo. Before the first groups, every
    // group a node names is this pass's (a set of 300,000 at 100,000 articles, for nothing).
    const formed = this.grouped ? new Set<number>() : null;
    const forget = (node: number) => {
      const old = this.clusterOf[node]!;
      this.clusterOf[node] = -1;
      if (old < 0 || !formed || formed.has(old)) return;
      // The chain from `old` is still the group's: a member's next is written again only when
      // its own group is formed anew, after its old one was undone here.
      for (let member = old; member !== -1; member = this.clusterNext[member]!) {
        if (this.clusterOf[member] === old) this.clusterOf[member] = -1;
      }
    };
    for (const seed of seeds) {
      if (seen.has(seed)) continue;
      // A sentence compared with nothing alike is alone: a group only with its own copies.
      if (!this.edges.has(seed) && !links.adjacency.has(seed)) {
        seen.add(seed);
        forget(seed);
        if (this.nodeCount.data[seed]! > 1) {
          this.setGroup([seed]);
          formed?.add(seed);
        }
        continue;
      }
      const component = local
        ? Int32Array.from(this.neighbourhood(seed, seen, links.adjacency))
        : this.component(seed, seen, links.adjacency);
      for (const node of component) forget(node);
      // In place: a component of template sentences holds 860,000 nodes at 100,000 articles.
      let kept = 0;
      for (const node of component) if (this.nodeCount.data[node]! > 0) component[kept++] = node;
      const alive = component.subarray(0, kept);
      if (alive.length === 0) continue;
      if (alive.length === 1 && links.adjacency.size === 0) {
        if (this.nodeCount.data[alive[0]!]! > 1) {
          this.setGroup(alive);
          formed?.add(alive[0]!);
        }
        continue;
      }
      this.formComponent(alive, links, formed, ahead);
    }
    if (last.length > 0) {
      // The walks' scratch, as large as the largest component, is not read by the components
      // left, nor are the edges: given back now, not at the next full collection, before the
      // last components' joins, the grouping's peak.
      this.componentNodes = new Int32Array(1024);
      this.edges.forget();
      collectNow();
    }
    for (let i = 0; i < last.length; i++) {
      this.formComponent(last[i]!, links, formed, ahead, formedLast!.pairs);
      last[i] = new Int32Array(0);
    }
    this.grouped = true;
    if (this.componentNodes.length > 1024) this.componentNodes = new Int32Array(1024);
  }

  /**
   * Forms the groups of one component's live nodes (`alive`); `pairs`: its pairs read from
   * there rather than from the edges (see `ComponentAccess.pairs`).
   */
  private formComponent(
    alive: Int32Array,
    links: ReturnType<StoryIndex['resolvedConstraints']>,
    formed: Set<number> | null,
    ahead?: (job: AheadJob) => boolean,
    pairs?: PairReplay,
  ): void {
    const ordered = this.inAnchorOrder(alive);
    // A component formed last sets its sentences' chains aside through its sort and joins,
    // the grouping's peak (21 MB at 100,000 articles): read back for the packing.
    const aside = pairs ? this.aside : null;
    try {
      eachGroup(
        ordered,
        {
          edges: (node, visit) => {
            this.edges.each(node, (target, score, asked) => {
              if (this.nodeCount.data[target]! > 0) visit(target, score, asked);
              return false;
            });
          },
          links: links.links,
          unlinks: links.unlinks,
          articles: (node) =>
            this.nodeCount.data[node] === 1
              ? this.articleOf(this.nodeFirst.data[node]!)
              : this.occurrences(node).map((at) => this.articleOf(at)),
          same: (a, b) => this.same(a, b),
          rank: this.rankScratch(),
          ...(ahead ? { ahead } : {}),
          ...(pairs ? { pairs } : {}),
          ...(aside
            ? {
                articlesRead: () => {
                  aside.put(this.occurrenceNext, Int32Array);
                  aside.put(this.nodeFirst, Int32Array);
                },
              }
            : {}),
        },
        (nodes, from, to) => {
          // A lone sentence is a group only when it has copies (kept by its node).
          if (to - from === 1 && this.nodeCount.data[nodes[from]!]! < 2) return;
          this.setGroup(nodes, from, to);
          formed?.add(nodes[from]!);
        },
      );
    } finally {
      aside?.takeBack(this.nodeFirst);
      aside?.takeBack(this.occurrenceNext);
    }
  }

  /** A group's nodes, in its order (anchor first). */
  private members(id: number): number[] {
    const out: number[] = [];
    for (let node = id; node !== -1; node = this.clusterNext[node]!) out.push(node);
    return out;
  }

  /** Makes `nodes[from..to)` a group, its id the first. */
  private setGroup(nodes: ArrayLike<number>, from = 0, to = nodes.length): void {
    const id = nodes[from]!;
    for (let i = from; i < to; i++) {
      this.clusterOf[nodes[i]!] = id;
      this.clusterNext[nodes[i]!] = i + 1 < to ? nodes[i + 1]! : -1;
    }
  }

  /** Scratch for `clusterComponent`: one entry per node, all -1 between uses. */
  private ranks = new Int32Array(1024).fill(-1);

  private rankScratch(): Int32Array {
    if (this.ranks.length < this.nodeFirst.length) {
      const grown = new Int32Array(grownCapacity(this.ranks.length, this.nodeFirst.length));
      grown.fill(-1);
      this.ranks = grown;
    }
    return this.ranks;
  }

  /**
   * Nodes in anchor order: by their earliest occurrence (dated before undated, then by date,
   * article id and position), then by node. Typed arrays, not an object per node: a component
   * can hold half a million.
   */
  private inAnchorOrder(nodes: ArrayLike<number>): Int32Array {
    const count = nodes.length;
    const day = scratch(Int32Array, count);
    const article = scratch(Int32Array, count);
    const sentence = scratch(Int32Array, count);
    for (let i = 0; i < count; i++) {
      const node = nodes[i]!;
      let best = -1;
      for (let at = this.nodeFirst.data[node]!; at !== -1; at = this.occurrenceNext.data[at]!) {
        const a = this.articleOf(at);
        const d = this.articleDay.data[a]!;
        const position = at - this.articleStart.data[a]!;
        if (
          best < 0 ||
          compareAnchor(d, a, position, day[i]!, article[i]!, sentence[i]!, this.articleIds) < 0
        ) {
          best = at;
          day[i] = d;
          article[i] = a;
          sentence[i] = position;
        }
      }
    }
    const sorted = anchorOrder(nodes, day, article, sentence, this.articleIds);
    release(day, article, sentence);
    return sorted;
  }

  /**
   * For an update: the component of `seed`, or, when that is big (a family of boilerplate-like
   * sentences joined pair by pair: over 2,000 sentences or 32,000 pairs), only the groups of `seed` and of its neighbours. Walking a
   * component of a hundred thousand sentences for every added article would cost seconds; its
   * far groups are not changed by one sentence. The result then can differ from a fresh run's.
   */
  private neighbourhood(
    seed: number,
    seen: { has(node: number): boolean; add(node: number): void },
    links: Map<number, number[]>,
  ): number[] {
    const near = new Set<number>([seed]);
    const addGroup = (node: number) => {
      near.add(node);
      const cluster = this.clusterOf[node]!;
      if (cluster >= 0) for (const member of this.members(cluster)) near.add(member);
    };
    addGroup(seed);
    this.edges.each(seed, (other) => {
      addGroup(other);
      return false;
    });
    for (const target of links.get(seed) ?? []) addGroup(target);
    // A small component is walked whole, as a fresh run would. A seed already met in this
    // pass's walk of a big component is in that component: walking it again (a new article's
    // every sentence can touch it) would cost milliseconds a seed for the same answer.
    const whole: number[] = [];
    const stack = this.inBig[seed] === this.pass ? [] : [seed];
    // Marks in a typed array, stamped per walk, and the walk ends as soon as it has met more
    // than `LOCAL_LIMIT` nodes (the component is big then): walking until 2,000 were taken out,
    // through the thousands of pairs of each template sentence, was most of an update's time
    // at 30,000 articles.
    const walk = ++this.walks;
    const walked = this.walked;
    const visited = [seed];
    walked[seed] = walk;
    const meet = (target: number) => {
      walked[target] = walk;
      visited.push(target);
      stack.push(target);
    };
    // Pairs read count too: a few hundred template sentences all paired with each other are
    // a small component of a hundred thousand pairs, read again for every article added.
    let pairs = 0;
    while (stack.length > 0 && visited.length <= LOCAL_LIMIT && pairs <= LOCAL_PAIRS) {
      const node = stack.pop()!;
      whole.push(node);
      this.edges.each(node, (target) => {
        if (walked[target] !== walk && this.nodeCount.data[target]! > 0) meet(target);
        return visited.length > LOCAL_LIMIT || ++pairs > LOCAL_PAIRS;
      });
      for (const target of links.get(node) ?? []) if (walked[target] !== walk) meet(target);
    }
    // Every node met was taken out: the component is `whole`.
    const small =
      stack.length === 0 &&
      whole.length > 0 &&
      visited.length <= LOCAL_LIMIT &&
      pairs <= LOCAL_PAIRS;
    if (!small) for (const node of visited) this.inBig[node] = this.pass;
    const chosen = small ? whole : [...near];
    const out = chosen.filter((node) => !seen.has(node));
    for (const node of out) seen.add(node);
    return out;
  }

  /**
   * The component of `seed`, its nodes in the order met (breadth first: the grouping puts them
   * in anchor order), in `componentNodes`' memory until the next walk.
   */
  private component(
    seed: number,
    seen: { has(node: number): boolean; add(node: number): void },
    links: Map<number, number[]>,
  ): Int32Array {
    // The nodes met are the queue still to walk: no stack beside them.
    let out = this.componentNodes;
    let met = 0;
    out[met++] = seed;
    seen.add(seed);
    // One function for the walk, not one per node: a component can hold half a million.
    const visit = (target: number) => {
      if (seen.has(target) || this.nodeCount.data[target]! <= 0) return;
      seen.add(target);
      if (met === out.length) out = this.growComponentNodes(met);
      out[met++] = target;
    };
    for (let at = 0; at < met; at++) {
      const node = out[at]!;
      this.edges.each(node, visit);
      for (const target of links.get(node) ?? []) visit(target);
    }
    return out.subarray(0, met);
  }

  /**
   * The component walk's nodes (`component`): typed, grown as a walk needs and let go after
   * the grouping (`regroup`). As lists in the heap, the component of 860,000 template sentences
   * at 100,000 articles held some 14 MB of nodes and stack, and as much in the copies they grew
   * through, until the collector came.
   */
  private componentNodes: Int32Array = new Int32Array(1024);

  // Not a releasable `scratch`: arrays over a resizable buffer are slower to read in Node 20's
  // V8, and every step of the grouping reads these (its CPU at 30,000 articles 4.1 -> 4.8 s).
  private growComponentNodes(used: number): Int32Array {
    const grown = new Int32Array(grownCapacity(this.componentNodes.length, used + 1));
    grown.set(this.componentNodes.subarray(0, used));
    this.componentNodes = grown;
    return grown;
  }

  private resolvedConstraints() {
    const links: Array<[number, number]> = [];
    const unlinks: Array<[number, number]> = [];
    const adjacency = new Map<number, number[]>();
    for (const constraint of this.constraints) {
      const a = this.pinned.get(key(constraint.a.article, constraint.a.sentence)) ?? -1;
      const b = this.pinned.get(key(constraint.b.article, constraint.b.sentence)) ?? -1;
      if (a < 0 || b < 0 || this.nodeCount.data[a]! <= 0 || this.nodeCount.data[b]! <= 0) continue;
      if (constraint.kind === 'unlink') {
        unlinks.push([a, b]);
        continue;
      }
      links.push([a, b]);
      adjacency.set(a, [...(adjacency.get(a) ?? []), b]);
      adjacency.set(b, [...(adjacency.get(b) ?? []), a]);
    }
    return { links, unlinks, adjacency };
  }

  // ---- output ----

  private describe(nodes: number[]): StoryCluster | null {
    // Of what a large build set aside, only the fingerprints (the group's id): the copies' map
    // and each sentence's node, read back, stood some 30 MB beside the index while `margin
    // index --story` kept the groups of 100,000 articles, for no reader (the anchor's node is
    // known here). The lists the groups walk were read back when they were formed.
    this.aside?.takeBack(this.nodeHash);
    this.aside?.takeBack(this.nodeHash2);
    const members: Array<ClusterMember & { day: number; node: number }> = [];
    const articles = new Set<number>();
    for (const node of nodes) {
      for (const at of this.occurrences(node)) {
        const article = this.articleOf(at);
        articles.add(article);
        members.push({
          article: this.articleIds[article]!,
          sentence: at - this.articleStart.data[article]!,
          day: this.articleDay.data[article]!,
          node,
        });
      }
    }
    if (articles.size < 2) return null;
    members.sort(compareMember);
    const anchor = members[0]!;
    const anchorNode = anchor.node;
    const id = groupId(
      anchor.article,
      this.nodeHash.data[anchorNode]!,
      this.nodeHash2.data[anchorNode]!,
    );
    const strip = ({ article, sentence }: ClusterMember) => ({ article, sentence });
    return { id, anchor: strip(anchor), members: members.map(strip) };
  }
}

/**
 * Puts the lowest `slots` of `count` key values (sorted in place) into `values[0..slots)`, each
 * at the slot its value names or the next free one; slots left keep what they held.
 */
/** Occurrences per block of `StoryIndex.articleBlocks` (2^8). */
const BLOCK_BITS = 8;

function placeKeys(
  keyed: Uint32Array,
  count: number,
  values: Uint32Array,
  slots: number,
  taken: Uint8Array,
): void {
  sortFew(keyed, count);
  taken.fill(0, 0, slots);
  for (let i = 0; i < Math.min(count, slots); i++) {
    const value = keyed[i]!;
    let k = value % slots;
    for (let tries = 0; tries < slots && taken[k]; tries++) k = (k + 1) % slots;
    if (taken[k]) break;
    taken[k] = 1;
    values[k] = value;
  }
}

/**
 * Puts `count` key values (sorted in place) into `values[0..slots)` from the lowest to the
 * highest: one key fills every slot, two take the first and the last. A speaker named whole in
 * one outlet ("Halvard Ostby") and by surname in another ("according to Ostby") then shares a
 * band with it whatever the first name's key: placed by its own hash, as rare-word pairs are
 * (`placeKeys`), the surname lost its slot to the first name half the times their slots met.
 */
function spreadKeys(keyed: Uint32Array, count: number, values: Uint32Array, slots: number): void {
  if (count === 0) return;
  sortFew(keyed, count);
  for (let k = 0; k < slots; k++) {
    values[k] = keyed[slots === 1 ? 0 : Math.round((k * (count - 1)) / (slots - 1))]!;
  }
}

function compareMember(
  a: ClusterMember & { day: number },
  b: ClusterMember & { day: number },
): number {
  if (a.day !== b.day) {
    if (a.day === NO_DAY) return 1;
    if (b.day === NO_DAY) return -1;
    return a.day - b.day;
  }
  if (a.article !== b.article) return a.article < b.article ? -1 : 1;
  return a.sentence - b.sentence;
}

function dayOf(date: string | null): number {
  if (!date) return NO_DAY;
  const time = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(time) ? NO_DAY : Math.floor(time / 86_400_000);
}

/**
 * Sorts the first `count` values in place: an insertion sort, for a handful of keys, with no
 * view made per call (the build asks for every keyed band of every node).
 */
function sortFew(keyed: Uint32Array, count: number): void {
  for (let i = 1; i < count; i++) {
    const value = keyed[i]!;
    let at = i;
    while (at > 0 && keyed[at - 1]! > value) {
      keyed[at] = keyed[at - 1]!;
      at--;
    }
    keyed[at] = value;
  }
}

/**
 * Noted pairs (`from[k]`, `to[k]`) by node, each under both of its nodes: node `n`'s are
 * `pair[start[n] .. start[n + 1])`, in the order noted.
 */
function pairsByNode(
  nodes: number,
  from: Int32List,
  to: Int32List,
): { start: Int32Array; pair: Int32Array } {
  const count = from.length;
  const start = new Int32Array(nodes + 1);
  for (let k = 0; k < count; k++) {
    start[from.data[k]! + 1]!++;
    start[to.data[k]! + 1]!++;
  }
  for (let n = 0; n < nodes; n++) start[n + 1]! += start[n]!;
  const fill = start.slice(0, nodes);
  const pair = new Int32Array(count * 2);
  for (let k = 0; k < count; k++) {
    pair[fill[from.data[k]!]!++] = k;
    pair[fill[to.data[k]!]!++] = k;
  }
  return { start, pair };
}
