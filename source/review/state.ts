import type { Article } from '../corpus/types.js';
import type { SearchHit } from '../search/types.js';
import type { StoryLink } from '../store/index.js';
import type { AnnotationPatch } from '../store/repository.js';
import type { Label, ReviewStatus } from '../store/types.js';
import type { AttributeField } from './attributes.js';
import type { CompareView } from './compare.js';
import type { ArticleMarks } from './marks.js';
import { DEFAULT_PROJECT, type ReviewProject } from './project.js';
import { NO_STORY, type StoryState } from './story.js';
import type { SuggestionsState } from './suggestions.js';
import { NO_SUGGESTIONS } from './suggestions.js';
import { READER_START, type ReaderSpot } from './view/geometry.js';
import type { Size } from './view/layout.js';

export type Focus = 'list' | 'reader';

/** Where a search was opened from, restored when it is cancelled. */
export interface Origin {
  /** The article's id, which `goBack` finds again: the list may have changed since (another
   * margin indexed, the start's check), and a place in it then names another article. */
  article: string | null;
  current: number;
  focus: Focus;
  cursor: number;
}

/** Where the back key goes (`search-back.ts`): `began`, the place a search began, else the place left. */
export interface SearchBack {
  to: Origin;
  began: boolean;
}

export type Mode =
  | { kind: 'browse' }
  /** `under`: the panel `?` was pressed in, shown again when the help closes. */
  | { kind: 'help'; under?: PanelMode }
  /** `draft` and `cursor` are the text being typed, owned here so that keys apply in order. */
  | {
      kind: 'note';
      article: string;
      sentence: string;
      draft: string;
      cursor: number;
      initial: string;
      /**
       * Opened on a sentence with no label: the note is typed first and its label asked for on
       * Enter (`asking`), since a note belongs to a label. Refusing `n` there left the note the
       * reviewer went on typing to run as keys.
       */
      untagged?: { asking: boolean };
      /** Ctrl+C was pressed once with the draft unsaved and said so: again, it quits. */
      quitAsked?: true;
      /** A cancelled edit brought back (`cancelledEdit`): Esc now drops it for good. */
      restored?: true;
    }
  | {
      kind: 'attributes';
      article: string;
      sentence: string;
      fields: AttributeField[];
      values: Record<string, string>;
      initial: Record<string, string>;
      focus: number;
      /** Cursor in the focused field. */
      cursor: number;
      /** Ctrl+C was pressed once with the values unsaved and said so: again, it quits. */
      quitAsked?: true;
      /** A cancelled edit brought back (`cancelledEdit`): Esc now drops it for good. */
      restored?: true;
    }
  | {
      kind: 'search';
      query: string;
      cursor: number;
      hits: SearchHit[];
      /** The query `hits` answer; while it differs from `query` the results are on their way. */
      hitsFor: string;
      /** How many sentences match in all (`search-count.ts`): undefined when `hits` are all. */
      total?: number | null;
      /** Enter came before the results of the last keys: open the first result once they arrive. */
      accepting: boolean;
      /** The search for `hitsFor` stopped before it had read all it needed: `hits` is no answer. */
      stopped: boolean;
      /** The query Enter asked to be searched through, however long it takes. */
      whole: string | null;
      /**
       * A move past the last result shown while more match: the result to select once the next
       * ones are read (the same query with a larger limit, no new search typed).
       */
      wanted?: number;
      selected: number;
      origin: Origin;
    }
  /** `c` with --compare: every other annotator's labels per sentence; `rows` null until read. */
  | {
      kind: 'compare';
      article: string;
      selected: number;
      rows: CompareView[] | null;
      /** The first of the nine annotators shown, whom `1`–`9` accept (absent: the first). */
      first?: number;
    }
  /** Every problem met reading the corpus and the store, in full, scrolled to `top`. */
  | { kind: 'problems'; top: number }
  /** The project's guidelines, scrolled to `top`. */
  | { kind: 'guidelines'; top: number }
  /** The counterparts in other outlets of one sentence; `selected` indexes them. */
  | { kind: 'story'; article: string; sentence: string; selected: number }
  | { kind: 'quitting' };

/** The panels over the reader that have keys of their own, which `?` explains and returns to. */
export type PanelMode = Extract<Mode, { kind: 'story' | 'compare' }>;

/** The editors whose text a cancel can bring back. */
export type EditMode = Extract<Mode, { kind: 'note' | 'attributes' }>;

/** The hits of an accepted search, stepped through with n/N in the reader. */
export interface Results {
  query: string;
  hits: SearchHit[];
  index: number;
  /** How many sentences match in all (`search-count.ts`): undefined when `hits` are all. */
  total?: number | null;
  /** `n` past the last listed while more match: the result to step to once the next are read. */
  wanted?: number;
}

/**
 * A write for the repository, run in order by the effect queue outside the reducer. `lesson`:
 * what the suggestion model learnt with it (`suggestions.ts`), taken back when it is undone.
 */
export type Effect = EffectWrite & { lesson?: number };

type EffectWrite =
  /** `on`, set when the key came before the store opened: the label the screen showed, or not. */
  | { kind: 'toggle'; article: string; sentence: string; label: Label; on?: boolean }
  | { kind: 'clear'; article: string; sentence: string }
  | {
      kind: 'annotate';
      article: string;
      sentence: string;
      patch: AnnotationPatch;
      /** Label → the attributes the codebook gives it: each label stores only its own. */
      declared?: Record<string, string[]>;
    }
  /**
   * `ifUnreviewed`: only when the stored status is still unreviewed (opened before the store).
   * `opened`: set by opening the article, not by a key of the reviewer's: no step to undo.
   */
  | {
      kind: 'status';
      article: string;
      status: ReviewStatus;
      ifUnreviewed?: boolean;
      opened?: boolean;
    }
  | { kind: 'accept'; article: string; sentence: string; annotator: string }
  /** Accepted suggestions: labels with their attributes, one undo step. */
  | {
      kind: 'tag-many';
      article: string;
      sentence: string;
      labels: Label[];
      attributes: Record<string, string>;
      /** Label → the attributes the codebook gives it: each label stores only its own. */
      declared?: Record<string, string[]>;
      /** A note typed before the label was chosen, written in the same step. */
      note?: string;
    }
  /** `from`: where the reader's cursor was at the key, so the step's sentence can be shown. */
  | { kind: 'undo'; from: Spot | null }
  | { kind: 'redo'; from: Spot | null }
  /** A decision that writes no file (a rejected suggestion), undone in key order with the rest. */
  | { kind: 'mark'; article: string; sentence: string; description: string }
  /** The story view's copy: these labels and attributes onto another outlet's sentence. */
  | {
      kind: 'adopt';
      article: string;
      sentence: string;
      labels: Label[];
      attributes: Record<string, string>;
      /** Label → the given attributes it takes (a value outside its fixed list it does not). */
      declared?: Record<string, string[]>;
    }
  /** A reviewer's link or unlink of two sentences, kept beside the annotations. */
  | { kind: 'story-link'; link: StoryLink };

/** A sentence of the open article, as the reader's cursor stands on it. */
export interface Spot {
  article: string;
  cursor: number;
}

/** What an undo or redo changed: its article and sentence, and where the key was pressed. */
export interface Landing {
  article: string;
  sentence: string | null;
  from: Spot | null;
}

export interface Message {
  text: string;
  tone: 'info' | 'warning' | 'error';
}

export interface ReviewState {
  /** Labels, keys and guidelines of the project file, or margin's own. */
  project: ReviewProject;
  corpusName: string;
  annotator: string;
  articles: Article[];
  /** Set while the corpus is still being read in the background. */
  /**
   * Articles still arriving; `toEnd`: `G` in the list asked for the last article meanwhile, so the
   * cursor follows the end as more arrive (until another move), rather than stopping at the last
   * article read when the key came.
   */
  loading: {
    done: number;
    total: number;
    toEnd?: boolean;
    /** What the read waits for before it can go on (another margin indexing the corpus). */
    waiting?: string;
  } | null;
  /**
   * The folder is being compared with the list a resumed review opened on: the list may not show
   * files added since (seconds at 10,000 files; qa54 saw the old list for 12 s with no word).
   */
  checking: boolean;
  /** Files that could not be read and store files that were refused, one line each. */
  warnings: string[];
  /** Where the last undo or redo took the cursor, until the next key (`landing.ts`). */
  landed: Spot | null;
  /**
   * The last note or attributes edit cancelled with changes in it: opening the same editor on
   * the same sentence brings it back, so an Escape a terminal sent joined to the next key (tmux)
   * or pressed by mistake costs no typing.
   */
  cancelledEdit: EditMode | null;
  /**
   * Articles reached from a search result or the story panel and not opened from the list: read,
   * not reviewed. The first change in one makes it in progress (`startedByChange`).
   */
  reading: Record<string, true>;
  /** Those of `warnings` the store gave as its problems now: replaced, not added to. */
  storeProblems: string[];
  /**
   * Marks as last read or changed here, of the articles opened (or written to) since the store
   * opened: what `marksOf` gives first.
   */
  marks: Record<string, ArticleMarks>;
  /**
   * Every article with a file of the annotator, from the store index alone (`tally` set, no
   * sentences): what the list shows of an article not read yet.
   */
  summaries: Record<string, ArticleMarks>;
  /** False while the store is still being read: marks are unknown and writes wait for it. */
  storeOpen: boolean;
  size: Size;
  focus: Focus;
  /** Index of the article under the list cursor, which is also the one the reader shows. */
  current: number;
  /** Sentence cursor per article id, so coming back to an article lands where one left. */
  cursors: Record<string, number>;
  /** First visible line of the reader (a line of a sentence) and of the list. */
  top: ReaderSpot;
  listTop: number;
  mode: Mode;
  /** First line shown of the help, when it is taller than the screen. */
  helpTop: number;
  results: Results | null;
  /**
   * The other end of the last search's jump: where the search began while its results are
   * open, then the place `Esc` or the back key left (`search-back.ts`). Null before any.
   */
  searchBack: SearchBack | null;
  message: Message | null;
  /**
   * Writes handed to the queue and not yet finished, the last failure while retrying, and
   * whether this session handed any write yet (until then nothing was saved to say so).
   */
  save: { pending: number; error: string | null; written: boolean };
  /** Writes asked for by the last keys, taken by the controller's queue as soon as they appear. */
  outbox: Effect[];
  searchAvailable: boolean;
  /** The same statements across outlets: groups, where Esc returns, a link being made. */
  story: StoryState;
  /** Started with --compare: the writer is the gold annotator and `c` compares annotators. */
  compare: boolean;
  /** What the suggestion engine proposes, as it arrives from the controller. */
  suggestions: SuggestionsState;
  /** Set once quitting was asked for and nothing is left to write. */
  quit: boolean;
  /** Set by a second Ctrl+C while waiting for writes: leave without waiting. */
  forceQuit: boolean;
  /**
   * Set once the project file changed or went while the review runs ("margin.json changed"):
   * the status bar says so, with the key that quits, until margin is started again (qa53: the
   * next key cleared it, and at 60 columns it was cut before what to do).
   */
  projectChanged?: string;
}

export interface InitialOptions {
  project?: ReviewProject;
  corpusName: string;
  annotator: string;
  size: Size;
  articles?: Article[];
  marks?: Record<string, ArticleMarks>;
  summaries?: Record<string, ArticleMarks>;
  storeOpen?: boolean;
  loading?: { done: number; total: number; waiting?: string } | null;
  warnings?: string[];
  /** The store's problems among `warnings`, which a mended file takes away. */
  storeProblems?: string[];
  searchAvailable?: boolean;
  compare?: boolean;
}

export function initialState(options: InitialOptions): ReviewState {
  return {
    project: options.project ?? DEFAULT_PROJECT,
    corpusName: options.corpusName,
    annotator: options.annotator,
    articles: options.articles ?? [],
    loading: options.loading ?? null,
    checking: false,
    warnings: options.warnings ?? [],
    storeProblems: options.storeProblems ?? [],
    landed: null,
    cancelledEdit: null,
    reading: {},
    marks: options.marks ?? {},
    summaries: options.summaries ?? {},
    storeOpen: options.storeOpen ?? true,
    size: options.size,
    focus: 'list',
    current: 0,
    cursors: {},
    top: READER_START,
    listTop: 0,
    mode: { kind: 'browse' },
    helpTop: 0,
    results: null,
    searchBack: null,
    message: null,
    save: { pending: 0, error: null, written: false },
    outbox: [],
    searchAvailable: options.searchAvailable ?? false,
    story: NO_STORY,
    compare: options.compare ?? false,
    suggestions: NO_SUGGESTIONS,
    quit: false,
    forceQuit: false,
  };
}
