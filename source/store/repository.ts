import type { CorpusIndex } from '../corpus/corpus-index.js';
import type { Article } from '../corpus/types.js';
import type {
  AnnotatedArticle,
  Annotation,
  AnnotationNote,
  ArticleMadeOf,
  ArticleTally,
  Label,
  OwnTally,
  PlacedAnnotation,
  RenderedArticle,
  ReviewStatus,
  StoreProblem,
  StoreTotals,
} from './types.js';

/** What a caller may change on an annotation after creating it. */
export interface AnnotationPatch {
  note?: string | null;
  attributes?: Record<string, string> | null;
  /**
   * Attributes each annotation keeps as it has them, whatever `attributes` says: a name whose
   * values differ between the sentence's labels, which the reviewer did not change.
   */
  keep?: readonly string[];
  /**
   * Label → attributes the annotations of that label keep as they have them: a value its fixed
   * list lacks (a claim's `misleading` on a sentence also tagged figure, whose list is true, false).
   */
  keepOn?: Readonly<Record<string, readonly string[]>>;
}

/** How `adopt` gives a sentence labels, attributes and a note in one step. */
export interface AdoptOptions {
  /**
   * With `given` (the story view copying another outlet's tags) the attributes replace the
   * sentence's own; with `own` (accepting a suggestion) they only fill what the reviewer left
   * empty.
   */
  precedence?: 'given' | 'own';
  /**
   * Label → the attribute names the codebook gives it: each annotation of the sentence takes
   * only its own label's attributes (accepting an event's `where` on a sentence tagged claim
   * gave the claim a `where` too).
   */
  declared?: Readonly<Record<string, readonly string[]>>;
  /** A note for every annotation of the sentence (a note typed before its label was chosen). */
  note?: string;
}

/** One undoable step, as the UI reports it ("undid: tag claim"). */
export interface ChangeSummary {
  /** `mark`: a step of the caller's own that changed no file (`mark`). */
  kind: 'tag' | 'untag' | 'note' | 'attributes' | 'status' | 'clear' | 'mark';
  article: string;
  /** The sentence the step changed (none for a status): where undo takes the reviewer. */
  sentence?: string;
  description: string;
  /** The caller's tag for the step (`tagged`): the review's lesson the model learnt with it. */
  tag?: number;
  /**
   * Set by undo or redo when the step changed nothing: what it would change was changed outside
   * this session since (`margin relabel`, a teammate's pull). The step is gone.
   */
  missed?: true;
}

export interface StoreEvent {
  /** Articles whose annotations or status changed on disk by someone else. */
  articles: string[];
}

/**
 * The annotation repository: the only way the UI and commands touch stored annotations. It reads
 * on demand from the store's index, one article at a time, so that no caller needs every
 * annotation at once. Every mutating call has been written durably when its promise resolves.
 */
export interface Repository {
  /** The annotator this repository writes as. */
  readonly annotator: string;
  /** The store root folder (absolute). */
  readonly root: string;
  /** Changes whenever an annotation or a status changes (here or on disk, once seen). */
  readonly version: number;

  /**
   * Runs `work`, whose changes to this annotator's file of `article` are written once at its end
   * (one lock, one read, one durable write for a burst of keys). Should the write fail, none of
   * them happened: the undo history is as before. Optional: without it, each change writes.
   */
  together?<T>(article: string, work: () => Promise<T>): Promise<T>;
  /**
   * Brings the index up to date with the store's files (reading only what changed) and places
   * annotations on the given corpus from then on (re-anchoring as needed). Without a corpus they
   * stay where they were made. An array is taken as a corpus in that order (tests, small inputs).
   * `check: 'later'` answers from the index as it is at once (unless it is empty), leaving the
   * comparison with the files to `check`.
   */
  open(
    corpus?: CorpusIndex | readonly Article[] | null,
    options?: { check?: 'now' | 'later' },
  ): Promise<void>;
  /**
   * Compares every store file with the index (size, time, inode: an edit in place included) and
   * reads what changed; watchers hear of the articles whose files changed. After an open
   * `later` that found the index empty (and so read every file), the first check has nothing
   * to do.
   */
  check(): Promise<void>;
  /**
   * Compares with the index the files of these articles alone (each annotator's) and reads what
   * changed, for an answer that depends on no other file; true when that changed what the index
   * answers. Where it cannot tell (an annotator folder it cannot look into), `check` does it all.
   */
  checkArticles(articles: readonly string[]): Promise<boolean>;
  /**
   * True when no file was added to, removed from or renamed in any annotator folder since a
   * check last compared every file of it, nor any folder added or removed (a handful of system
   * calls): the index then differs from the files only where one was edited in place, which
   * `checkArticles` of an answer's articles sees and `check` sees everywhere. False for a store
   * kept in memory, and whenever it cannot be told.
   */
  checkedAsIs(): boolean;
  /**
   * Starts `check` (unless one is under way) and resolves once its comparison runs on threads of
   * its own: what this thread computes from the index meanwhile overlaps it, and `check` then
   * waits for its end (the thread joins the comparison at its next await).
   */
  startCheck(): Promise<void>;
  /**
   * Annotations placed on the current article text; orphans have `placement: null`. With an
   * `article`, that article's only; without, every annotation: for small stores and tests, never
   * for a command on a large store (use `annotated()`).
   */
  list(filter?: { article?: string; annotator?: string }): PlacedAnnotation[];
  /**
   * Articles with annotations, one at a time: in corpus order, then those gone from the corpus by
   * id.
   */
  annotated(): Iterable<AnnotatedArticle>;
  /**
   * The articles of `annotated()` in the same order, each with what the format `kind` rendered
   * of its files last time where that is still of the file's document and placements (nothing
   * is read but that text), else placed, for the format to render and `keep` again. `only`: of
   * these articles alone. `withText`: with each article's text as JSON (`quoted`), read a chunk
   * of articles at a time, for the formats that write whole texts. `withHeads` false: no
   * article's title, date, byline or source is read ahead, for the formats that write none.
   */
  rendered(
    kind: string,
    only?: ReadonlySet<string>,
    withText?: boolean,
    withHeads?: boolean,
  ): Iterable<RenderedArticle>;
  /**
   * Every annotated article's files, by article id (not in `annotated` order): what a rendering
   * of `kind` of each is made from now (`madeFrom`, as `rendered` gives a kept one), or null
   * where that is not known without placing its annotations again. From the index's rows alone:
   * nothing is read, placed or rendered (an export that finds its files already made from that).
   */
  madeOf(kind: string): Iterable<ArticleMadeOf>;
  /**
   * One digest of all that `madeOf` gives now: an export that finds the digest of its last
   * run, which made every file from what it was made of, makes the same files (`runKeptFiles`).
   * Null when there is none to trust (no corpus generation, an article given a text of its own).
   */
  madeOfDigest(kind: string): string | null;
  /**
   * Every annotation's note and attribute values that has any, by article, from the index alone:
   * nothing is read or placed (what search matches its words against; `list` places the few it
   * matched).
   */
  notes(): Iterable<AnnotationNote>;
  /**
   * The sentences annotations sit on, by article: every annotation's, or only those with
   * `label`, or by one of `annotators` (what search's `label:` and `annotator:` filters ask).
   * From the index's rows and kept placements: only an article whose text changed since they
   * were kept is placed again. `article`: of that article alone.
   */
  taggedSentences(
    where?: { label?: string; annotators?: readonly string[] },
    article?: string,
  ): Map<string, Set<string>>;
  /**
   * One annotator's annotations, placed, one article at a time (by id): what the review opens
   * on, without holding every document of a large store at once.
   */
  annotatedBy(annotator: string): Iterable<{ article: string; annotations: PlacedAnnotation[] }>;
  /**
   * The store counted per annotator and label, its orphans, and annotations per article: summed
   * in the index; only articles whose text changed since their annotations were placed are
   * placed again (their orphans depend on it).
   */
  totals(): StoreTotals;
  /**
   * `compute`'s value, kept in the store's index while no file's row changes (in any process),
   * the corpus is in the same generation and `inputs` (whatever else the value depends on) is
   * the same: a report over every file read again in milliseconds. Computed and not kept for a
   * corpus without generations or articles given texts of their own. The value must survive
   * `JSON.stringify`.
   */
  derived<T>(name: string, inputs: string, compute: () => T): T;
  /** Every annotator's status other than unreviewed, per article: a report's progress. */
  reviewed(): Array<{ article: string; annotator: string; status: ReviewStatus }>;
  /**
   * The files in progress with nothing in them (refused files left out): articles their
   * annotator only opened, which a report must not count as reviewed with nothing found.
   */
  onlyOpened(): Array<{ article: string; annotator: string }>;
  /** How many annotations the store holds (refused files left out). */
  annotationCount(): number;
  /**
   * Each annotator's status and label counts per article, for the given articles (default: every
   * article the store has a file for); an article without a file has no row.
   */
  tallies(articles?: readonly string[]): ArticleTally[];
  /**
   * One annotator's status and annotations per label of each article it has a file for (`articles`:
   * of these only), from the index alone: no document is read or placed.
   */
  ownTallies(annotator: string, articles?: readonly string[]): OwnTally[];
  /** Every annotator that has a folder or a file in the store. */
  annotators(): string[];

  /** Adds `label` to the sentence; a no-op returning the existing one when it is already there. */
  tag(article: Article, sentenceId: string, label: Label): Promise<Annotation>;
  /** Removes `label` from the sentence (this annotator's). */
  untag(article: Article, sentenceId: string, label: Label): Promise<void>;
  /** Adds or removes `label`, whichever applies. */
  toggle(article: Article, sentenceId: string, label: Label): Promise<void>;
  /** Removes every label of this annotator from the sentence. */
  clear(article: Article, sentenceId: string): Promise<void>;
  /**
   * Sets note and/or attributes on every annotation of this annotator on the sentence. With
   * `declared` (label → the attribute names the codebook gives it), each annotation takes only
   * its own label's attributes, and one whose label the codebook no longer names keeps its own:
   * a claimant typed on a sentence tagged claim and event gave the event a claimant too.
   */
  annotate(
    article: Article,
    sentenceId: string,
    patch: AnnotationPatch,
    declared?: Readonly<Record<string, readonly string[]>>,
  ): Promise<void>;
  /**
   * Gives the sentence these labels (those it lacks are added) and these attributes, as one
   * undoable step (see `AdoptOptions`).
   */
  adopt(
    article: Article,
    sentenceId: string,
    labels: readonly Label[],
    attributes: Record<string, string>,
    options?: AdoptOptions,
  ): Promise<void>;
  /**
   * Adds annotations made elsewhere (import); returns how many were new. A file that cannot be
   * written throws, or, given `unsaved`, is handed to it with its annotations and the other
   * files are written all the same.
   */
  addMany(
    annotations: Annotation[],
    unsaved?: (error: unknown, annotations: Annotation[]) => void,
  ): Promise<number>;

  status(article: string, annotator?: string): ReviewStatus;
  /**
   * `undoable: false`: not a step of its own for undo (an article opened becoming "in progress":
   * undo after reading another outlet's version took that back instead of the reviewer's copy).
   */
  setStatus(article: string, status: ReviewStatus, options?: { undoable?: boolean }): Promise<void>;

  undo(): Promise<ChangeSummary | null>;
  redo(): Promise<ChangeSummary | null>;
  /**
   * Runs `write` with `tag` on every undoable step it records, given back in the step's summary
   * on undo and redo: what else the caller did with the step (the review's lesson for the
   * suggestion model), so undoing the step can take that back too. Writes run one at a time.
   */
  tagged<T>(tag: number | undefined, write: () => Promise<T>): Promise<T>;
  /**
   * Runs `work`, whose changes to one file are then one undoable step described as
   * `description` (an accept in the compare table: its untags, tags and note, undone by one `u`).
   */
  asOneStep<T>(description: string, work: () => Promise<T>): Promise<T>;
  /**
   * Records an undoable step that writes nothing (the review's rejected suggestion): undo and
   * redo only give its summary back, so the caller undoes what it did in key order with the rest.
   */
  mark(article: string, description: string, tag?: number, sentence?: string): void;

  /** Files that were refused; their articles are read-only for this annotator. */
  problems(): StoreProblem[];
  isReadOnly(article: string): boolean;

  /** Calls back when files change on disk through another process; returns an unsubscribe. */
  watch(listener: (event: StoreEvent) => void): () => void;
  close(): Promise<void>;
}
