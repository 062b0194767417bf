import type { Article } from '../corpus/types.js';
import type { SearchHit } from '../search/types.js';
import type { OverruledDecision, StoryLink, StoryLinkForgotten } from '../store/index.js';
import type { Journal } from '../store/journal.js';
import type { Repository } from '../store/repository.js';
import type { StoryGroup } from '../story/index.js';
import { ownValue } from '../text/own.js';
import type { Action } from './actions.js';
import { compareRows } from './compare.js';
import { EffectQueue, journalForm } from './effects.js';
import { interpret, KeyInterpreter, keyContext } from './interpret.js';
import { type KeyState, PASTED, type Press, splitKeys } from './keys.js';
import { marksUnread } from './lazy-marks.js';
import { LeftChanges } from './left-changes.js';
import { reduce } from './reducer.js';
import type { ReviewPlace } from './resume.js';
import { articleById, currentArticle } from './selectors.js';
import type { Effect, Landing, ReviewState } from './state.js';
import {
  type ArticleGroups,
  keptStoryView,
  overruledKey,
  overruledMessage,
  storyRead,
  storyView,
} from './story.js';
import { type SuggestionOptions, SuggestionWorker } from './suggestion-worker.js';
import { SUGGESTIONS_OFF } from './suggestions.js';
import { snapshotMarks, storeWarnings, summarize } from './sync.js';
import { info, STORE_WAIT } from './updates.js';

/** What the corpus reader reports while it reads in the background. */
export type CorpusEvent =
  | { type: 'progress'; articles: Article[]; done: number; total: number }
  /** The read waits before it can go on, for what `message` names (one line). */
  | { type: 'waiting'; message: string }
  | { type: 'loaded'; articles: Article[]; warnings: string[] }
  /** The list anew after files changed behind it; `changed`: articles whose text changed. */
  | {
      type: 'changed';
      articles: Article[];
      changed: string[];
      warnings: string[];
      /** What the status bar says of it (`3 articles arrived`), when articles came or went. */
      notice?: string;
    }
  | { type: 'failed'; warning: string }
  /**
   * A resumed review compares the folder's files with the list it opened on (seconds at 10,000
   * files): `active` while it does, false once the list is current (after `changed`, if any).
   */
  | { type: 'checking'; active: boolean };

/** Articles arriving from the corpus reader; returns a function that stops the stream. */
export type CorpusFeed = (listener: (event: CorpusEvent) => void) => () => void;

/**
 * Answers a query of the `/` overlay against the store as it is now. While the reviewer types
 * (`whole` false) it may give up on a query that reads too many sentences and return null, so
 * that a key never waits seconds for a search; asked with `whole`, it reads all it needs; asked
 * `in turns` (Enter), it may stop after a turn of reading and say `reading`: asked again, it goes
 * on where it stopped, and the keys typed between two turns are taken meanwhile.
 */
export type SearchFunction = (
  query: string,
  repository: Repository,
  whole: boolean | 'in turns',
  /** At most this many hits (default: a page of 50). */
  limit?: number,
  /**
   * How many match, as an earlier answer of the same query said (null: too many to count):
   * given, they are not counted again. Counting `the` at 100,000 articles took 150–300 ms of
   * each PgDn past the last result, and a count that could not be made 500 ms (polish54).
   */
  counted?: number | null,
) => SearchAnswer | SearchHit[] | null | 'reading';

/**
 * The hits to show (at most a page) and how many sentences match in all: null when more match
 * than are shown and counting them would have taken longer than a key may. A plain list of hits
 * is a whole answer: its length is the count.
 */
export interface SearchAnswer {
  hits: SearchHit[];
  total: number | null;
}

export interface ReviewControllerOptions {
  initial: ReviewState;
  /** The store, once it has placed its annotations on the whole corpus. */
  store: Promise<Repository>;
  /**
   * The store's `version` when `initial` was drawn from it (the store opened before the first
   * frame): unchanged at its opening, its list counts are not read again.
   */
  initialVersion?: number | undefined;
  /** The rest of the corpus, when the first frame showed only part of it. */
  corpus?: CorpusFeed | undefined;
  /** Loads the search over the whole corpus; search stays unavailable without it. */
  loadSearch?: ((articles: Article[]) => Promise<SearchFunction>) | undefined;
  retryDelays?: readonly number[] | undefined;
  /** Suggestions for the article on screen, learning from the reviewer; none without it. */
  suggestions?: SuggestionOptions | undefined;
  /** The story groups of the whole corpus (with the reviewers' links), and saving a link. */
  story?: StorySource | undefined;
  /**
   * Tells of a change to the project file (margin.json) while the review runs: its labels and
   * keys were read once, so the reviewer is told to start again. `shown` names the file.
   */
  projectFile?:
    | { shown: string; watch: (changed: (how: 'changed' | 'gone') => void) => () => void }
    | undefined;
  /**
   * Where the reviewer stopped last time: the review opens there once that article is in the
   * list, unless a key came first; an article no longer in the corpus is passed over quietly.
   */
  resume?: ReviewPlace | undefined;
  /**
   * Test-only (`MARGIN_ACTION_LOG`): told each key as it came, each key applied and each action
   * dispatched, with where the review stands after it. Unset, a key costs one check.
   */
  trace?: ((line: string) => void) | undefined;
  /**
   * The write-ahead journal (`store/journal.ts`): each change is appended there before it is
   * drawn; once the store and the corpus are in, the changes that journals of killed reviews
   * of this annotator never wrote are written (`folder`: where those journals are; `shown`:
   * a store file's path as messages name it).
   */
  journal?:
    | {
        journal: Journal<Effect>;
        folder: string;
        root: string;
        annotator: string;
        shown: (path: string) => string;
        /** The corpus folder listed: see `LeftJournalsAt.corpus`. */
        corpus?: string | undefined;
      }
    | undefined;
}

export interface StorySource {
  /**
   * Every group, or `kept`: groups formed before (`margin index --story`, `margin story`), read
   * by `article` as the reviewer reaches each one, with a note when they are older than the
   * corpus or the links. With either, one line per links file that was refused (and ignored).
   */
  groups: (
    articles: Article[],
    /** The corpus's size, when `articles` is only the part of it read so far. */
    total?: number,
  ) => Promise<
    (
      | { groups: StoryGroup[]; problems: string[] }
      | { kept: true; problems: string[]; note: string | null; edition?: string }
    ) & {
      /**
       * `overruled`'s answer from the same read of the links files, so that a change is read
       * once; without it, `overruled` is asked.
       */
      overruled?: OverruledDecision[];
    }
  >;
  /** The kept groups with a member in this article, described. */
  article?: (id: string) => Promise<ArticleGroups>;
  /** Gets ready behind the first frame, before the corpus is there to group. */
  warm?: () => void;
  /**
   * Whether the groups of a corpus this size can only be read from those kept (then they are
   * looked for while the list still loads); below it they may be read or formed.
   */
  readsKept?: (total: number) => boolean;
  /** Saves a link, an unlink or the withdrawal of one; gives what it replaced (for undo). */
  link: (link: StoryLink | StoryLinkForgotten) => Promise<StoryLink | null>;
  /** Reports links saved by others (a teammate's arriving with `git pull`); returns a stop. */
  watch?: (onChange: () => void) => () => void;
  /**
   * The reviewer's own links and unlinks a teammate's later decision overrules, read when the
   * review starts and, where `groups` did not give them, after `watch` reports a change: each
   * new one is said on the status line.
   */
  overruled?: () => Promise<OverruledDecision[]>;
}

/**
 * The review without React: it holds the state, turns keys into actions, runs the writes they ask
 * for in order, and brings in what happens outside the keyboard (the corpus still loading, the
 * store opening, other processes writing to it, search results). The screen subscribes to it and
 * draws; nothing else moves data between the store and the state.
 *
 * The store opens behind the first frame. Until it has, the state says so (`storeOpen: false`):
 * writes wait in the queue, keys that need stored text are refused, and the articles changed
 * meanwhile keep what the screen shows until their writes are done.
 */
export class ReviewController {
  #state: ReviewState;
  readonly #listeners = new Set<() => void>();
  readonly #interpreter = new KeyInterpreter();
  readonly #queue: EffectQueue;
  readonly #options: ReviewControllerOptions;
  #repository: Repository | null = null;
  /** Articles whose writes were queued before the store opened: the screen is ahead of it. */
  readonly #aheadOfStore = new Set<string>();
  /** Articles written since the queue was last empty; their marks are re-read once it is. */
  readonly #touched = new Set<string>();
  #articles: Article[] | null = null;
  /** Files changed on disk, shown once the writes queued on the old text are done. */
  #heldChange: Extract<CorpusEvent, { type: 'changed' }> | null = null;
  /** The check ended while its change was held: said once the change is shown. */
  #checkedAfterHeld = false;
  #search: SearchFunction | null = null;
  #searching: string | null = null;
  /** Bumped for each new computation of the groups: only the latest one is shown. */
  #storyRun = 0;
  /** The overrulings of the reviewer's links already seen (or said), once first read. */
  #overruled: Promise<Set<string>> | undefined;
  /** The article whose kept groups are being read, if any. */
  #storyReading: string | null = null;
  /** Whether the kept groups were asked for before the corpus had loaded. */
  #storyEarly = false;
  /**
   * Why the story groups were last unavailable, figures aside: said again only when it changes,
   * or each list that files arriving bring would say it over their notice (`3 articles
   * arrived`) at every look of a large corpus with no kept groups.
   */
  #storyUnavailable: string | null = null;
  #comparing: { article: string; marks: unknown } | null = null;
  /**
   * Keys that came before the list or the article's suggestions could take them, applied in
   * order once they can.
   */
  #held: Array<{ input: string; key: KeyState; at: number | undefined }> = [];
  #releasing = false;
  #holdTimer: NodeJS.Timeout | null = null;
  /** The wait for suggestions timed out: held keys act on what is there. */
  #gaveUpWaiting = false;
  /** Where the review opens, until that article is in the list or a key comes first. */
  #resume: ReviewPlace | null = null;
  /** The store could not be opened: keys waiting for it act (and say so) rather than wait on. */
  #storeFailed = false;
  /**
   * The reviewer's last link or unlink, with what it replaced, while it is still the last change
   * (`undone`: taken back by undo, for redo). Links live beside the store, so its undo stack
   * does not hold them: undo right after `x` in the story panel restores the group here.
   */
  #lastLink: { link: StoryLink; replaced: Promise<StoryLink | null>; undone: boolean } | null =
    null;
  /** Link writes, one after another, so an undo never overtakes the write it takes back. */
  #links: Promise<unknown> = Promise.resolve();
  readonly #suggestions: SuggestionWorker | null;
  #stops: Array<() => void> = [];
  #finished: (unsaved: number) => void = () => undefined;
  #ended = false;
  /** The changes killed reviews left in their journals were looked for. */
  #replayed = false;
  /** What killed reviews left in their journals, taken over article by article. */
  readonly #left: LeftChanges | null;
  /** Resolves when the reviewer has quit: with the writes given up on (0 unless forced). */
  readonly finished: Promise<number>;

  /**
   * Stopped (the app unmounted): a search or compare table asked for on a frame just before runs
   * after it, on a store that may be closed by then.
   */
  #stopped = false;

  constructor(options: ReviewControllerOptions) {
    this.#options = options;
    this.#state = options.suggestions
      ? options.initial
      : { ...options.initial, suggestions: SUGGESTIONS_OFF };
    this.finished = new Promise((resolve) => {
      this.#finished = resolve;
    });
    this.#left = options.journal ? new LeftChanges(options.journal) : null;
    if (options.journal) {
      // Said once, after the frame being made: the changes are still written, only not covered.
      options.journal.journal.onFailed = (why) =>
        setImmediate(() => {
          if (this.#stopped) return;
          const warning = `${why}: a change still saving when margin is killed would be lost`;
          this.dispatch({ type: 'store/synced', marks: {}, warnings: [warning] });
        });
    }
    this.#queue = new EffectQueue({
      store: options.store,
      article: (id) => articleById(this.#state, id) ?? this.#articles?.find((a) => a.id === id),
      retryDelays: options.retryDelays,
      journal: options.journal?.journal,
      onProgress: (pending, error) => this.dispatch({ type: 'save/progress', pending, error }),
      onDone: ({ message, articles, pending, landing }) =>
        this.#written(message, articles, pending, landing),
      // Undoing a decision takes back what the model learnt from it; redoing teaches it again.
      onLesson: (lesson, direction) => {
        this.#suggestions?.step(lesson, direction === 'redo');
        this.dispatch({ type: 'suggestions/step', lesson, redo: direction === 'redo' });
      },
    });
    this.#suggestions = options.suggestions
      ? new SuggestionWorker(
          // The codebook on screen unless told otherwise: `y` must store only the project's labels.
          {
            ...options.suggestions,
            labels: options.suggestions.labels ?? options.initial.project.labels,
          },
          (action) => this.dispatch(action),
          (id) => articleById(this.#state, id) ?? this.#articles?.find((a) => a.id === id),
        )
      : null;
  }

  /** The state now; the same object until something changes (for `useSyncExternalStore`). */
  getState = (): ReviewState => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** The store, once open. */
  get repository(): Repository | null {
    return this.#repository;
  }

  /** Writes not yet on disk. */
  get pending(): number {
    return this.#queue.pending;
  }

  /** Starts listening to the corpus reader and the store. */
  start(): void {
    this.#resume = this.#options.resume ?? null;
    this.#options.trace?.(`start resume=${JSON.stringify(this.#resume)} ${where(this.#state)}`);
    this.#resumeIfListed(false);
    if (this.#options.corpus) {
      this.#stops.push(this.#options.corpus((event) => this.#corpusEvent(event)));
    } else {
      this.#articles = this.#state.articles;
      this.#loadStory();
    }
    const story = this.#options.story;
    if (story?.warm) setImmediate(() => story.warm?.());
    if (story?.watch) {
      // What teammates overruled before the review started is not news: only what arrives.
      this.#overruled = story.overruled?.().then(
        (found) => new Set(found.map(overruledKey)),
        () => new Set<string>(),
      );
      this.#stops.push(
        // The groups' answer says what teammates overruled; without groups to ask, it is read.
        story.watch(() => {
          if (!this.#loadStory()) this.#sayOverruled();
        }),
      );
    }
    const projectFile = this.#options.projectFile;
    if (projectFile) {
      this.#stops.push(
        projectFile.watch((how) => {
          const what = `${projectFile.shown} ${how === 'gone' ? 'is gone' : 'changed'}`;
          const message = `${what}: labels and keys are still the old ones; quit and start margin again`;
          this.dispatch({ type: 'project/changed', what });
          this.dispatch({ type: 'store/synced', marks: {}, warnings: [message] });
        }),
      );
    }
    // The engine loads behind the first frame, like search.
    if (this.#suggestions) setImmediate(() => void this.#suggestions?.start());
    this.#options.store.then(
      (repository) => this.#opened(repository),
      (error: unknown) => {
        const message = `the store could not be opened: ${error instanceof Error ? error.message : String(error)}`;
        this.#storeFailed = true;
        this.dispatch({ type: 'store/failed', message });
      },
    );
  }

  /**
   * Resolves once the suggestion model has learnt every decision and is on disk: null, or why
   * it could not be written.
   */
  async suggestionsSettled(): Promise<string | null> {
    return (await this.#suggestions?.settled()) ?? null;
  }

  /**
   * Resolves once every rejection of the session is in the annotator's rejections file: null, or
   * how many could not be written and why.
   */
  async rejectionsSettled(): Promise<{ unsaved: number; why: string } | null> {
    return (await this.#suggestions?.rejectionsSettled()) ?? null;
  }

  stop(): void {
    this.#stopped = true;
    for (const stop of this.#stops.splice(0)) stop();
    this.#clearHoldTimer();
    this.#held = [];
  }

  /** How many keys wait for the list or the suggestions (see `press`). */
  get heldKeys(): number {
    return this.#held.length;
  }

  /**
   * Keys as the terminal delivered them; `at` tells typing from a pause (monotonic ms). Keys
   * for the list that come before its first articles are kept and applied in order once they
   * are in (`Enter` then `1` typed while a cold cache fills opened nothing and tagged nothing);
   * a quit acts at once.
   */
  press(input: string, key: KeyState, at?: number): void {
    this.#options.trace?.(`key ${JSON.stringify(input)}`);
    // The reviewer went on from where the list was: the place kept from last time is not taken.
    this.#resume = null;
    if (this.#held.length > 0) {
      // Behind held keys, a key means what it will mean once they have acted: a `q` typed into
      // the note a held `n` opens is text. Only Ctrl+C, which never means text, acts at once.
      if (!forceQuits(input, key)) {
        this.#held.push({ input, key, at });
        this.#holdAtMost();
        return;
      }
      this.#held = [];
    } else if (this.#holds(input, key) && !quits(this.#state, input, key)) {
      this.#held.push({ input, key, at });
      this.#sayIfWaitingForStore();
      this.#holdAtMost();
      return;
    }
    this.#apply(input, key, at);
  }

  /**
   * Whether a key that decides the current article's suggestion (`y`, `r`, `w`) must wait for
   * them: typed right after `J` they came before the article's suggestions and said "no
   * suggestion on this sentence", and the keys after them then acted on the wrong sentence.
   */
  #waitsForSuggestions(state: ReviewState, action: Action): boolean {
    if (!SUGGESTION_KEYS.has(action.type) || this.#suggestions === null) return false;
    if (this.#suggestions.off || this.#gaveUpWaiting) return false;
    const article = currentArticle(state);
    if (!article || article.sentences.length === 0) return false;
    return ownValue(state.suggestions.byArticle, article.id) === undefined;
  }

  /**
   * Whether a key that edits what is stored (`n`, `a`, the compare table, the story panel's copy)
   * must wait for the store: refused while it opened, the note typed after `n` acted as keys
   * (its `d` marked the article done, its `/` opened search) and was lost.
   */
  #waitsForStore(state: ReviewState, action: Action): boolean {
    return STORE_KEYS.has(action.type) && !state.storeOpen && !this.#storeFailed;
  }

  #firstHeldWaitsForStore(): boolean {
    const first = this.#held[0];
    const press = first ? splitKeys(first.input, first.key)[0] : undefined;
    const action = press ? interpret(this.#state, press) : null;
    return action !== null && this.#waitsForStore(this.#state, action);
  }

  /** Says so when the first held key waits for the store: typed keys would otherwise vanish. */
  #sayIfWaitingForStore(): void {
    if (!this.#firstHeldWaitsForStore() || this.#state.message?.text === STORE_WAIT) return;
    this.dispatch({ type: 'keys/waiting', message: STORE_WAIT });
  }

  /**
   * Held keys never wait longer than this for suggestions that do not come (an engine that
   * stalls): they then act on what is there, as they did before. Keys waiting for the list or
   * the store wait for them, which always come (or fail, and release them).
   */
  #holdAtMost(): void {
    if (this.#holdTimer !== null) return;
    this.#holdTimer = setTimeout(() => {
      this.#holdTimer = null;
      if (this.#held.length === 0 || waitsForList(this.#state)) return;
      if (this.#firstHeldWaitsForStore()) return;
      this.#gaveUpWaiting = true;
      this.#release();
      this.#gaveUpWaiting = false;
    }, SUGGESTION_WAIT_MS);
    this.#holdTimer.unref?.();
  }

  /** Applies held keys, in order, up to one that must still wait (it and those after stay). */
  #release(): void {
    if (this.#releasing) return;
    this.#releasing = true;
    try {
      let advanced = false;
      while (this.#held.length > 0) {
        const next = this.#held[0]!;
        if (this.#holds(next.input, next.key)) break;
        this.#held.shift();
        advanced = true;
        this.#apply(next.input, next.key, next.at, true);
      }
      // Each wait gets its own time: keys that waited for the list and now wait for the
      // article's suggestions, or a second `J y`, start the count again.
      if (advanced || this.#held.length === 0) this.#clearHoldTimer();
    } finally {
      this.#releasing = false;
    }
    if (this.#held.length > 0) this.#holdAtMost();
  }

  #clearHoldTimer(): void {
    if (this.#holdTimer === null) return;
    clearTimeout(this.#holdTimer);
    this.#holdTimer = null;
  }

  /**
   * Whether a key must wait: it is for a list that has no article yet but will have, or it
   * decides a suggestion the current article does not have yet.
   */
  #holds(input: string, key: KeyState): boolean {
    const state = this.#state;
    const first = splitKeys(input, key)[0];
    const action = first ? interpret(state, first) : null;
    if (action && this.#waitsForSuggestions(state, action)) return true;
    if (action && this.#waitsForStore(state, action)) return true;
    if (!waitsForList(state) || keyContext(state) !== 'list') return false;
    // Search and the help work on an empty list: search answers once the corpus is in.
    return action?.type !== 'search/open' && action?.type !== 'help/toggle';
  }

  #apply(input: string, key: KeyState, at: number | undefined, releasing = false): void {
    let next = this.#state;
    // A suggestion key in the middle of a chunk ("Jwy") waits with the keys after it.
    const hold = {
      when: (state: ReviewState, action: Action) =>
        this.#waitsForSuggestions(state, action) || this.#waitsForStore(state, action),
      rest: [] as Press[],
    };
    for (const action of this.#interpreter.actions(() => next, input, key, at, hold)) {
      // Each key acts on the marks of the article it reaches, read before the next key comes.
      next = this.#withMarks(reduce(next, action));
    }
    if (hold.rest.length > 0) {
      const rest = hold.rest.map((press) => ({ input: press.input, key: press.key, at }));
      if (releasing) this.#held.unshift(...rest);
      else this.#held.push(...rest);
      this.#holdAtMost();
    }
    this.#set(next);
    if (hold.rest.length > 0) this.#sayIfWaitingForStore();
    const trace = this.#options.trace;
    if (trace) {
      const how = releasing ? 'applied held' : 'applied';
      trace(`${how} ${JSON.stringify(input)}, ${hold.rest.length} held ${where(this.#state)}`);
    }
  }

  dispatch(action: Action): void {
    this.#set(this.#withMarks(reduce(this.#state, action)));
    this.#options.trace?.(`${told(action)} ${where(this.#state)}`);
  }

  /**
   * The state with the sentences of the articles it now needs read from the store (a few ms
   * each): the list shows counts from the store index, and an article's annotations are read
   * when it comes under the cursor.
   */
  #withMarks(state: ReviewState): ReviewState {
    const repository = this.#repository;
    if (!repository || !state.storeOpen) return state;
    const unread = marksUnread(state);
    if (unread.length === 0) return state;
    let read: ReturnType<typeof snapshotMarks>;
    try {
      read = snapshotMarks(repository, unread);
    } catch {
      // The store answers again at the next key; the counts stay on screen meanwhile.
      return state;
    }
    for (const id of unread) {
      const shown = ownValue(state.marks, id);
      const marks = ownValue(read, id);
      // A status set by a key before its write is done stays as the screen shows it.
      if (shown && marks) read[id] = { ...marks, status: shown.status };
    }
    return reduce(state, { type: 'store/synced', marks: read });
  }

  #set(next: ReviewState): void {
    let state = next;
    if (state.outbox.length > 0) {
      const taken = { written: 0, warnings: [] as string[] };
      for (const effect of state.outbox) {
        if (effect.kind === 'story-link') {
          // Groups still being formed without this link are not the ones to judge it by.
          this.#storyRun++;
          this.#storyReading = null;
          const replaced = this.#link(effect.link).catch(() => null);
          this.#lastLink = { link: effect.link, replaced, undone: false };
          continue;
        }
        const last = this.#lastLink;
        if (last && effect.kind === (last.undone ? 'redo' : 'undo')) {
          this.#takeBackLink(last);
          // A link taken back before its groups came is not to be judged by them.
          state = { ...state, story: { ...state.story, linked: null } };
          continue;
        }
        // Any other change of the reviewer's is now the last (an article opened is none).
        if (!(effect.kind === 'status' && effect.opened)) this.#lastLink = null;
        // What a killed review left of this article goes first: written after this change, it
        // would find the file changed and be kept aside.
        if (this.#left && 'article' in effect) {
          const found = this.#left.article(
            effect.article,
            articleById(state, effect.article) ??
              this.#articles?.find((a) => a.id === effect.article),
            (change) => this.#queue.push(change, change),
          );
          taken.written += found.written;
          taken.warnings.push(...found.warnings);
        }
        // Into the journal before the frame that shows it (the listeners below draw it).
        const journaled = this.#options.journal
          ? journalForm(effect, (label) => showsLabel(state, effect, label))
          : null;
        this.#queue.push(effect, journaled);
        if (!state.storeOpen && 'article' in effect) this.#aheadOfStore.add(effect.article);
      }
      // Every effect is a write (a link's too): from now on `saved` says something true.
      const save = { ...state.save, pending: this.#queue.pending, written: true };
      state = { ...state, outbox: [], save };
      if (taken.written > 0 || taken.warnings.length > 0) state = this.#told(state, taken);
    }
    if (state.suggestions.lessons.length > 0) {
      for (const lesson of state.suggestions.lessons) {
        // A rejection (`r`, a suggested label removed by hand) is kept in the annotator's file.
        this.#suggestions?.learn(lesson, state.suggestions.undoable[lesson.id]?.dropped);
      }
      state = { ...state, suggestions: { ...state.suggestions, lessons: [] } };
    }
    if (state === this.#state) return;
    this.#state = state;
    this.#afterChange();
    for (const listener of this.#listeners) listener();
    if (this.#held.length > 0) this.#release();
  }

  /** Reads the state asks for: search results for a new query, the compare table. */
  #afterChange(): void {
    const state = this.#state;
    const mode = state.mode;
    this.#suggestions?.show(currentArticle(state)?.id ?? null);
    this.#followStory();
    const asked =
      mode.kind === 'search'
        ? wantsAnswer(mode) || wantsMore(mode)
          ? searchKey(mode)
          : null
        : state.results?.wanted !== undefined
          ? `${state.results.query}\u0000n\u0000${state.results.wanted}`
          : null;
    if (asked !== null && this.#searching !== asked) {
      this.#searching = asked;
      // After the frame that shows the typed key; only the latest query is answered.
      setImmediate(() => this.#answer());
    }
    if (mode.kind === 'compare') {
      const marks = state.marks;
      if (this.#comparing?.article !== mode.article || this.#comparing.marks !== marks) {
        this.#comparing = { article: mode.article, marks };
        setImmediate(() => this.#compare());
      }
    } else this.#comparing = null;
    if ((state.quit || state.forceQuit) && !this.#ended) {
      this.#ended = true;
      if (state.forceQuit) this.#queue.stop();
      this.#finished(state.forceQuit ? this.#queue.pending : 0);
    }
  }

  #answer(): void {
    this.#searching = null;
    if (this.#stopped) return;
    const mode = this.#state.mode;
    const { results } = this.#state;
    if (mode.kind === 'search' && !wantsAnswer(mode) && wantsMore(mode)) {
      if (this.#more(mode.query, mode.hits.length, mode.wanted!, mode.total)) {
        this.#goOn(searchKey(mode));
      }
      return;
    }
    if (mode.kind !== 'search' && results?.wanted !== undefined) {
      if (this.#more(results.query, results.hits.length, results.wanted, results.total)) {
        this.#goOn(`${results.query}\u0000n\u0000${results.wanted}`);
      }
      return;
    }
    if (mode.kind !== 'search' || !wantsAnswer(mode)) return;
    // Typed before search was ready: `search/ready` changes the state and asks again.
    if (!this.#search && mode.query.trim() !== '') return;
    const repository = this.#repository;
    const answer =
      this.#search && repository && mode.query.trim() !== ''
        ? this.#search(mode.query, repository, mode.whole === mode.query ? 'in turns' : false)
        : [];
    if (answer === 'reading') {
      this.#goOn(searchKey(mode));
      return;
    }
    const { hits, total } =
      answer === null
        ? { hits: [], total: 0 }
        : Array.isArray(answer)
          ? { hits: answer, total: answer.length }
          : answer;
    this.dispatch({ type: 'search/query', query: mode.query, hits, total, stopped: !answer });
  }

  /**
   * A search read for a turn (`in turns`) and must go on: the keys that came meanwhile are taken,
   * then it goes on if they left `asked` asked for (Esc, typing on or another answer asked stop
   * it there).
   */
  #goOn(asked: string): void {
    this.#searching = asked;
    setImmediate(() => {
      if (this.#searching === asked) this.#answer();
    });
  }

  /**
   * The next results of `query`, past the `listed` (PgDn or ↓ past the last in the box, `n` past
   * it after): the same search with a limit that reaches the result `wanted` and a page of
   * results beyond it. How many match in all was said with the first results: not counted again.
   * True when it read for a turn and must go on (`#goOn`).
   */
  #more(
    query: string,
    listed: number,
    wanted: number,
    counted: number | null | undefined,
  ): boolean {
    const repository = this.#repository;
    if (!this.#search || !repository) return false;
    const limit = Math.max(wanted + 1, listed) + MORE_RESULTS;
    const answer = this.#search(query, repository, 'in turns', limit, counted);
    if (answer === 'reading') return true;
    if (answer === null) return false;
    const { hits, total } = Array.isArray(answer) ? { hits: answer, total: answer.length } : answer;
    this.dispatch({ type: 'search/more', query, hits, total });
    return false;
  }

  #compare(): void {
    if (this.#stopped) return;
    const mode = this.#state.mode;
    const repository = this.#repository;
    if (mode.kind !== 'compare' || !repository) return;
    const article = articleById(this.#state, mode.article);
    if (!article) return;
    const rows = compareRows(repository, article);
    this.dispatch({ type: 'compare/rows', article: mode.article, rows });
  }

  /** Opens the review where the reviewer stopped once that article is listed (`resume`). */
  #resumeIfListed(whole: boolean, among: readonly Article[] = this.#state.articles): void {
    const place = this.#resume;
    if (!place) return;
    if (among.some((article) => article.id === place.article)) {
      this.#resume = null;
      this.dispatch({ type: 'place/resume', place });
    } else if (whole) {
      this.#resume = null;
    }
  }

  #corpusEvent(event: CorpusEvent): void {
    // The check is over once the list it found is on screen: after a change held back below.
    if (event.type === 'checking') {
      if (event.active || !this.#heldChange) {
        this.dispatch({ type: 'corpus/checking', active: event.active });
      } else {
        this.#checkedAfterHeld = true;
      }
      return;
    }
    if (event.type === 'changed' && this.#queue.pending > 0) {
      // Writes still on their way name sentences of the text on screen: the new text waits for
      // them, so none is refused for a sentence the edit removed. A second change while they
      // are (two index commits within one write's window) brings the newer list; the articles
      // the first changed and the warnings it brought are kept with it, or their marks would
      // stay placed on the old text and the warnings never be said.
      const held = this.#heldChange;
      this.#heldChange = held
        ? {
            ...event,
            changed: [...new Set([...held.changed, ...event.changed])],
            warnings: [...new Set([...held.warnings, ...event.warnings])],
            ...(held.notice || event.notice
              ? { notice: [held.notice, event.notice].filter(Boolean).join(' · ') }
              : {}),
          }
        : event;
      return;
    }
    if (event.type === 'waiting') {
      this.dispatch({ type: 'corpus/waiting', message: event.message });
    } else if (event.type === 'progress') {
      this.dispatch({
        type: 'corpus/progress',
        articles: event.articles,
        done: event.done,
        total: event.total,
      });
      // Kept groups are formed from nothing the review reads: found while the list still loads
      // (seconds at 100,000 articles), and again once it has.
      const story = this.#options.story;
      if (!this.#storyEarly && !this.#articles && story?.readsKept?.(event.total)) {
        this.#storyEarly = true;
        this.#loadStory(this.#state.articles, event.total);
      }
      // The batch alone: the list before it was looked through at the batches before.
      this.#resumeIfListed(false, event.articles);
    } else if (event.type === 'loaded' || event.type === 'changed') {
      this.#articles = event.articles;
      this.dispatch({
        type: 'corpus/loaded',
        articles: event.articles,
        warnings: event.warnings,
        ...(event.type === 'changed' && event.notice ? { notice: event.notice } : {}),
      });
      this.#resumeIfListed(true);
      const repository = this.#repository;
      if (repository) {
        // The store opened on the whole corpus before the screen had all of it; a changed
        // article's annotations were placed again on its new text.
        // The list's counts are per file, whatever the text: only sentences read need placing.
        const ids = (event.type === 'changed' ? event.changed : []).filter((id) =>
          Object.hasOwn(this.#state.marks, id),
        );
        if (ids.length > 0)
          this.dispatch({ type: 'store/synced', marks: snapshotMarks(repository, ids) });
      }
      this.#loadSearch();
      this.#loadStory();
      this.#replayLeft();
    } else {
      this.#articles = [];
      this.dispatch({ type: 'corpus/loaded', articles: null, warnings: [event.warning] });
    }
  }

  /**
   * Writes what reviews of this annotator that were killed showed and never wrote (their
   * journals), once the store is open and the corpus listed: each article's changes only onto a
   * store file that is still as they found it. One changed since (a `git pull`) is left as it is,
   * the changes kept beside the journal, and a line names both.
   */
  #replayLeft(): void {
    const options = this.#options.journal;
    const articles = this.#articles;
    const left = this.#left;
    if (this.#replayed || !options || !left || !this.#repository || !articles) return;
    this.#replayed = true;
    const taken = left.rest(
      (id) => articleById(this.#state, id) ?? articles.find((article) => article.id === id),
      (change) => this.#queue.push(change, change),
    );
    if (taken.written > 0 || taken.warnings.length > 0) this.#set(this.#told(this.#state, taken));
  }

  /** The state saying what was taken over of killed reviews' journals. */
  #told(state: ReviewState, { written, warnings }: { written: number; warnings: string[] }) {
    let next = state;
    if (written > 0) {
      next = {
        ...next,
        message: info(
          `saving ${written} change${written === 1 ? '' : 's'} a stopped margin showed and had not written`,
        ),
        save: { ...next.save, pending: this.#queue.pending, written: true },
      };
    }
    if (warnings.length > 0) next = reduce(next, { type: 'store/synced', marks: {}, warnings });
    return next;
  }

  #opened(repository: Repository): void {
    this.#repository = repository;
    // Articles written before the store opened keep what the screen shows (their marks are
    // there already, so none is read): the queue re-reads them once their writes are done.
    this.#aheadOfStore.clear();
    // Counts for every article the annotator has a file of: 100,000 rows of a team's store, a
    // moment the keyboard would wait for, not read twice when the first frame has them.
    const { initialVersion } = this.#options;
    const summaries =
      this.#state.storeOpen && initialVersion === repository.version
        ? undefined
        : summarize(repository);
    this.dispatch({
      type: 'store/opened',
      marks: {},
      summaries,
      problems: storeWarnings(repository),
    });
    this.#stops.push(
      repository.watch((event) => {
        // Another process wrote: the list's counts of those articles, and the sentences of
        // those read so far.
        const read = event.articles.filter((id) => Object.hasOwn(this.#state.marks, id));
        this.dispatch({
          type: 'store/synced',
          marks: snapshotMarks(repository, read),
          summaries: summarize(repository, event.articles),
          problems: storeWarnings(repository),
        });
      }),
    );
    // Every file compared with the index behind the screen (an edit made while margin was not
    // running leaves the folder as it was): what changed reaches the watcher above, now listening.
    repository.check().then(
      // What the check refused (a file changed while margin was not running, a folder that
      // cannot be listed) joins the problems the screen opened with.
      () => this.dispatch({ type: 'store/synced', marks: {}, problems: storeWarnings(repository) }),
      (error: unknown) => {
        // Stopped by quitting: nothing to say.
        if (error instanceof Error && error.name === 'AbortError') return;
        const why = error instanceof Error ? error.message : String(error);
        this.dispatch({
          type: 'store/synced',
          marks: {},
          warnings: [`the store could not be checked: ${why}`],
        });
      },
    );
    this.#loadSearch();
    this.#replayLeft();
  }

  /** Search needs the whole corpus and the store's annotations (its filters read them). */
  #loadSearch(): void {
    const { loadSearch } = this.#options;
    const articles = this.#articles;
    if (!loadSearch || !articles || !this.#repository || this.#search) return;
    loadSearch(articles).then(
      (search) => {
        this.#search = search;
        this.dispatch({ type: 'search/ready' });
      },
      () => undefined,
    );
  }

  /**
   * Groups the whole corpus after the frame that is showing (or, `given` the part loaded so far
   * of `total`, finds the kept ones); a later run (a link saved, the corpus finished loading)
   * supersedes an earlier one still under way.
   */
  /** Whether the groups were asked for (not without a source or the articles to group). */
  #loadStory(given?: Article[], total?: number): boolean {
    const source = this.#options.story;
    const articles = given ?? this.#articles;
    if (!source || !articles) return false;
    const run = ++this.#storyRun;
    setImmediate(() => {
      if (run !== this.#storyRun) return;
      source.groups(articles, total).then(
        (found) => {
          if (run !== this.#storyRun) return;
          this.#sayOverruled(found.overruled);
          // A store folder margin may not list is the store's line (its files read-only):
          // the links file in it is not named again.
          const shown = new Set(this.#state.warnings);
          const problems = found.problems.filter((line) => !shown.has(`${line} (read-only)`));
          if (problems.length > 0)
            this.dispatch({ type: 'store/synced', marks: {}, warnings: problems });
          this.#storyReading = null;
          this.#storyUnavailable = null;
          const view =
            'kept' in found
              ? keptStoryView(found.note, this.#state.story.view, found.edition ?? null)
              : storyView(found.groups);
          this.dispatch({ type: 'story/groups', view });
        },
        (error: unknown) => {
          if (run !== this.#storyRun) return;
          this.#sayOverruled();
          const why = error instanceof Error ? error.message : String(error);
          const reason = why.replace(/[\d,.]+/g, '#');
          if (reason === this.#storyUnavailable) return;
          this.#storyUnavailable = reason;
          this.dispatch({ type: 'save/result', message: `story groups unavailable: ${why}` });
        },
      );
    });
    return true;
  }

  /**
   * Says on the status line who overruled which of the reviewer's links or unlinks since the
   * last look (a teammate's later decision counts, story.md): before (qa57 #11) a link vanished
   * from the gutter while the status line said `no changes`. `given`: as the groups' answer read
   * them; else they are read.
   */
  #sayOverruled(given?: OverruledDecision[]): void {
    const read = this.#options.story?.overruled;
    const known = this.#overruled;
    if (!read || !known) return;
    this.#overruled = known.then(async (seen) => {
      const found = given ?? (await read().catch(() => null));
      if (!found) return seen;
      const fresh = found.filter((decision) => !seen.has(overruledKey(decision)));
      if (fresh.length > 0) {
        this.dispatch({ type: 'save/result', message: overruledMessage(this.#state, fresh) });
      }
      return new Set(found.map(overruledKey));
    });
  }

  /** With kept groups, those of the article on screen, read once it is there. */
  #followStory(): void {
    const read = this.#options.story?.article;
    const view = this.#state.story.view;
    const id = currentArticle(this.#state)?.id;
    if (!read || !view || !id || storyRead(view, id) || this.#storyReading === id) return;
    this.#storyReading = id;
    const run = this.#storyRun;
    read(id).then(
      (groups) => {
        if (run !== this.#storyRun || this.#storyReading !== id) return;
        this.#storyReading = null;
        this.dispatch({ type: 'story/article', article: id, read: groups });
      },
      (error: unknown) => {
        if (run !== this.#storyRun || this.#storyReading !== id) return;
        this.#storyReading = null;
        const why = error instanceof Error ? error.message : String(error);
        // Said once: the article counts as read, with no groups.
        this.dispatch({ type: 'story/article', article: id, read: { groups: [], sizes: {} } });
        this.dispatch({ type: 'save/result', message: `story groups unavailable: ${why}` });
      },
    );
  }

  /**
   * Saves a link change after the ones before it (it may be known only once they are: what an
   * undo puts back); resolves to what it replaced, or rejects when it was not saved (said).
   */
  #link(
    link: StoryLink | StoryLinkForgotten | Promise<StoryLink | StoryLinkForgotten>,
  ): Promise<StoryLink | null> {
    const source = this.#options.story;
    if (!source) return Promise.resolve(null);
    const saved = this.#links.then(async () => source.link(await link));
    this.#links = saved.then(
      () => this.#loadStory(),
      (error: unknown) => {
        const why = error instanceof Error ? error.message : String(error);
        this.dispatch({ type: 'save/result', message: `link not saved: ${why}` });
      },
    );
    return saved;
  }

  /** Undo (or redo) of the last link change: what it replaced is put back (or it again). */
  #takeBackLink(last: { link: StoryLink; replaced: Promise<StoryLink | null>; undone: boolean }) {
    const { link } = last;
    const what = link.kind === 'link' ? 'link' : 'unlink';
    let written: Promise<unknown>;
    if (last.undone) {
      written = this.#link(link);
      this.#lastLink = {
        link,
        replaced: written.then(
          (r) => r as StoryLink | null,
          () => null,
        ),
        undone: false,
      };
    } else {
      const restored = last.replaced.then(
        (replaced) => replaced ?? ({ kind: 'forget', a: link.a, b: link.b } as const),
      );
      this.#lastLink = { ...last, undone: true };
      written = this.#link(restored);
    }
    // Said once it is written (a failure says so itself), never from inside this dispatch.
    const message = `${last.undone ? 'redid' : 'undid'}: ${what} (the groups are being recomputed)`;
    written.then(
      () => this.dispatch({ type: 'save/result', message }),
      () => undefined,
    );
  }

  #written(message: string | null, articles: string[], pending: number, landing?: Landing): void {
    for (const id of articles) this.#touched.add(id);
    if (message || landing) {
      this.dispatch({ type: 'save/result', message, ...(landing ? { landing } : {}) });
    }
    // Re-reading the store only once the queue is empty keeps later optimistic changes from
    // flickering back while their writes are still on the way.
    const repository = this.#repository;
    if (pending === 0 && this.#touched.size > 0 && repository) {
      this.dispatch({ type: 'store/synced', marks: snapshotMarks(repository, [...this.#touched]) });
      this.#touched.clear();
    }
    const held = this.#heldChange;
    if (pending === 0 && held) {
      this.#heldChange = null;
      this.#corpusEvent(held);
      if (this.#checkedAfterHeld) {
        this.#checkedAfterHeld = false;
        this.dispatch({ type: 'corpus/checking', active: false });
      }
    }
  }
}

/** Whether the sentence a toggle names shows `label` in `state` (after the key). */
function showsLabel(state: ReviewState, effect: Effect, label: string): boolean {
  if (effect.kind !== 'toggle') return false;
  const marks = ownValue(state.marks, effect.article);
  const sentence = marks ? ownValue(marks.sentences, effect.sentence) : undefined;
  return sentence?.labels.includes(label) ?? false;
}

type SearchMode = Extract<ReviewState['mode'], { kind: 'search' }>;

/** Whether the overlay waits for results: of new keys, or of a stopped search Enter asked for. */
function wantsAnswer(mode: SearchMode): boolean {
  return mode.hitsFor !== mode.query || (mode.stopped && mode.whole === mode.query);
}

/** Whether the overlay waits for more results of the query it shows (`wanted`). */
function wantsMore(mode: SearchMode): boolean {
  return mode.wanted !== undefined && mode.hitsFor === mode.query;
}

/** What one answer is for: the query, whether it is to be read through, how many are wanted. */
function searchKey(mode: SearchMode): string {
  const key = mode.whole === mode.query ? `${mode.query}\u0000whole` : mode.query;
  return mode.wanted === undefined ? key : `${key}\u0000${mode.wanted}`;
}

/** Results read past those wanted with each PgDn beyond the last: the next ones are at hand. */
const MORE_RESULTS = 50;

/** Keys that decide the current article's suggestions: they wait for them (`#holds`). */
const SUGGESTION_KEYS = new Set<Action['type']>([
  'suggestion/accept',
  'suggestion/reject',
  'suggestion/next-uncertain',
]);

/** Keys that open an editor on what is stored, or copy onto it: they wait for the store. */
const STORE_KEYS = new Set<Action['type']>([
  'note/edit',
  'attributes/edit',
  'compare/open',
  'story/copy',
]);

/** How long keys wait for an article's suggestions before acting on what is there. */
const SUGGESTION_WAIT_MS = 5000;

/** The list has no article yet and the corpus is still loading: keys for it must wait. */
function waitsForList(state: ReviewState): boolean {
  return state.articles.length === 0 && state.loading !== null;
}

/** Whether a chunk of keys holds a quit (`q`, Ctrl+C), which never waits. */
/** Ctrl+C in a chunk: the quit that acts whatever waits or is typed. */
function forceQuits(input: string, key: KeyState): boolean {
  if (input.startsWith(PASTED)) return false;
  return splitKeys(input, key).some((press) => press.key.ctrl && press.input === 'c');
}

function quits(state: ReviewState, input: string, key: KeyState): boolean {
  if (input.startsWith(PASTED)) return false;
  return splitKeys(input, key).some((press) => {
    const type = interpret(state, press)?.type;
    return type === 'app/quit' || type === 'app/force-quit';
  });
}

/** For the action log: where the review stands (the article under the cursor by place and id). */
function where(state: ReviewState): string {
  const { current, focus, mode, articles, listTop, size } = state;
  const id = articles[current]?.id ?? '-';
  return `→ ${focus} ${mode.kind} article ${current} (${id}) of ${articles.length} listTop ${listTop} ${size.columns}x${size.rows}`;
}

/** For the action log: an action in one short line, a long list as its length, articles as ids. */
function told(action: Action): string {
  const shown = JSON.stringify(action, (key, value: unknown) => {
    if (key === 'type') return undefined;
    if (!Array.isArray(value) || key === 'warnings') return value;
    const ids = value.map((item: { id?: unknown }) => item?.id);
    if (value.length <= 8 && ids.every((id) => typeof id === 'string')) return ids;
    return `[${value.length}]`;
  });
  return `${action.type} ${shown.length > 200 ? `${shown.slice(0, 200)}…` : shown}`;
}
