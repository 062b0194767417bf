import { type FSWatcher, watch } from 'node:fs';
import { join } from 'node:path';
import type { ArticleListing, CorpusIndex } from '../corpus/corpus-index.js';
import type { DiskCorpusIndex } from '../corpus/db/disk-index.js';
import { openCorpusIndex } from '../corpus/db/open.js';
import { afterOthers } from '../corpus/db/others.js';
import type { LoadProgress } from '../corpus/index.js';
import { bodiesRead, lazyArticleMaker, madeAlike } from '../corpus/lazy-articles.js';
import type { Article, FileProblem } from '../corpus/types.js';
import type { WordIndex } from '../corpus/word-index.js';
import {
  type CorpusEvent,
  type CorpusFeed,
  ReviewController,
  type ReviewControllerOptions,
  type SearchFunction,
  type StorySource,
} from '../review/controller.js';
import type { ReviewProject } from '../review/project.js';
import type { ReviewPlace } from '../review/resume.js';
import { initialState } from '../review/state.js';
import { snapshotMarks, storeWarnings, summarize } from '../review/sync.js';
import type { Size } from '../review/view/layout.js';
import type { SearchEngine } from '../search/index.js';
import type { ModelStore } from '../store/model-file.js';
import type { RejectionStore } from '../store/rejection-store.js';
import type { Repository } from '../store/repository.js';
import { namedMessage, oneName } from '../text/untrusted.js';
import { shownUnder } from './paths.js';

/** How long the first frame waits for the corpus and the store before showing what is there. */
const FIRST_FRAME_WAIT_MS = 150;
/** Articles that arrive while loading are handed to the screen in batches this often (and the
 * warm start's count moves as often). */
const FLUSH_MS = 60;
/** Articles a warm start shows in its first frame; the rest of the list follows behind it. */
const FIRST_PAGE = 256;
/** Summaries read between two yields to the event loop while the list is completed. */
const STEP = 2048;
/**
 * How often an open review looks whether another margin wrote the corpus index since its list
 * was read (`margin index` in another terminal): one read of the index's `meta`, microseconds.
 */
const OTHERS_LOOK_MS = 1000;
/**
 * The longest wait between two looks after failing ones: each failure doubles the wait from
 * `OTHERS_LOOK_MS` (an index closed under the review, or held by a writer, was tried every second).
 */
const OTHERS_BACKOFF_MS = 32_000;
/**
 * Summaries read between two yields while another margin's articles are taken in: nobody waits
 * for that list, so a key pressed meanwhile waits for a quarter of a warm start's step (a step's
 * median 0.9 ms at 10,000 articles against 5-7 ms for 2,048, load 12, 2026-12-07).
 */
const FOLLOW_STEP = 512;
/**
 * How often an open review brings the corpus index up to the folder itself (qa56 #8: articles a
 * `git pull` brought never showed until `margin index` ran elsewhere): a quick refresh, which
 * looks at each folder's modification time (one stat a folder, not a file) and reads only the
 * folders whose time moved, on the index's worker threads, as a start does.
 */
const FOLDER_LOOK_MS = 3000;
/** `FOLDER_LOOK_MS`, in an object so that a test can show the folder's own word alone. */
export const folderLookSettings = { everyMs: FOLDER_LOOK_MS };
/**
 * How soon after the corpus folder says an entry changed (a file added, removed or renamed in
 * it, told by the system: `fs.watch`) the review looks, rather than at the next
 * `FOLDER_LOOK_MS`: an article dropped into the folder waited 1-4 s for the look before it was
 * read, placed and counted in the gutter (issue #15). Several events of one write come within it.
 * Not sooner than `FOLDER_LOOK_MS` after a look that found the folder changed: a look at a
 * folder of 100,000 files whose time moved stats every file (some 0.3 s of CPU), and a
 * scraper writing a file a second is looked at no more often than before.
 */
const WATCHED_LOOK_MS = 50;
/**
 * The corpus folders watched at most (the root first, then in path order): each is one of the
 * system's watches (8,192 a user by default on older Linux, shared with the store's). Beyond
 * them, an article arriving waits for the timed look (`FOLDER_LOOK_MS`).
 */
const WATCHED_FOLDERS_AT_MOST = 512;
/**
 * At most this many articles another margin wrote are taken into the list one by one; more, and
 * the list is read again whole (a refresh of a pulled corpus).
 */
const FOLLOW_AT_MOST = 2000;

/** Opens the store: on the corpus index when there is one, else on the articles read. */
export type OpenStore = (
  articles: Article[] | undefined,
  corpus?: CorpusIndex,
) => Promise<Repository>;

const yieldToEventLoop = () => new Promise<void>((done) => setImmediate(done));

export interface ReviewSession {
  /** Articles read before the first frame, and whether that was all of them. */
  articles: Article[];
  problems: FileProblem[];
  done: number;
  total: number;
  finished: boolean;
  /** What the read waits for by the first frame (another margin indexing the corpus), if anything. */
  waiting?: string;
  /** The store, opened on the whole corpus (annotations placed on its current text). */
  store: Promise<Repository>;
  /** The store when it opened before the first frame, so that frame shows its annotations. */
  opened: Repository | null;
  /** The rest of the corpus as it is read, then the whole of it. */
  feed: CorpusFeed;
  /** Where it was read from: search opens the same on-disk index. */
  root: string;
  /** A problem's line, its path under the corpus as the user named the corpus (as commands do). */
  named: (problem: FileProblem) => string;
  cacheDir: string | null | undefined;
  /**
   * Once the review ends: stops reading the corpus (what was written is kept) and lets go of the
   * index the articles read their text from; resolves when its worker threads have ended.
   */
  close: () => Promise<void>;
  /** The corpus index the list was read from at a warm start (search reads the same one). */
  index?: DiskCorpusIndex;
  /**
   * The words of the corpus index a first read went through, once the corpus is whole (search
   * reads them): the same as on disk, or the only copy where the cache folder cannot be written.
   */
  readonly words?: WordIndex;
}

/**
 * Starts reading the corpus in the background, then opens the store on it (one read of the store,
 * placing annotations on the current text). The caller waits at most a moment: a small corpus
 * and store open complete, a large one opens at once with a progress bar and its annotations
 * follow.
 */
export async function startReviewSession(
  root: string,
  openStore: OpenStore,
  cacheDir?: string | null,
  display = root,
  firstFrameWait = FIRST_FRAME_WAIT_MS,
): Promise<ReviewSession> {
  const started = performance.now();
  const shown = shownUnder(root, display);
  const named = (problem: FileProblem) => shown(namedMessage(problem));
  if (cacheDir !== null) {
    const warm = await warmSession(root, openStore, cacheDir, started, shown, firstFrameWait);
    if (warm) return warm;
  }
  const pending: Article[] = [];
  const problems: FileProblem[] = [];
  let done = 0;
  let total = 0;
  // Another margin indexing the corpus: the read waits for it (`afterOthers`), and says so.
  let waiting: string | undefined;
  const onWaiting = () => {
    waiting = `another margin is indexing ${oneName(display)}: waiting for it`;
  };
  const onProgress = (event: LoadProgress) => {
    done = event.done;
    total = event.total;
    if (event.article) pending.push(event.article);
    if (event.problem) problems.push(event.problem);
  };
  // The review compares every file's size and time: an article edited in place shows its edit.
  // Through the index, articles read their text when shown: the list of a large archive holds
  // summaries, not texts.
  const options =
    cacheDir === undefined
      ? { onProgress, refresh: 'full' as const, lazy: true }
      : { onProgress, cacheDir, refresh: 'full' as const, lazy: cacheDir !== null };
  // Quitting stops a first read under way; what it wrote is kept and the next start goes on.
  const stop = new AbortController();
  // The cleaning pipeline loads only here: a warm start never cleans on this thread.
  const { loadCorpus } = await import('../corpus/index.js');
  const loading = loadCorpus(root, { ...options, onWaiting, signal: stop.signal });
  let finished = false;
  let words: WordIndex | undefined;
  const settled = () => {
    finished = true;
  };
  loading.then((corpus) => {
    words = corpus.words;
    settled();
  }, settled);
  const loaded = loading.then((corpus) => corpus);
  // Stops following another margin's writes (`followOthers`), once the list is whole.
  let unfollow = () => {};
  // Opening the store with the corpus places annotations once; it needs the whole corpus.
  const store = loading.then(
    (corpus) => openStore(corpus.articles),
    () => openStore(undefined),
  );
  const opened = await openedBeforeFirstFrame(store, started, firstFrameWait);
  const first = pending.splice(0);
  const firstProblems = problems.splice(0);
  const firstWaiting = waiting;

  const feed: CorpusFeed = (listener: (event: CorpusEvent) => void) => {
    let stopped = false;
    let told = -1;
    // Said once, unless the first frame said it already.
    let toldWaiting = firstWaiting;
    const flush = () => {
      if (!stopped && waiting !== undefined && toldWaiting === undefined) {
        toldWaiting = waiting;
        listener({ type: 'waiting', message: waiting });
      }
      // A first read counts files for a while before any article arrives: the bar moves with it.
      if (stopped || (pending.length === 0 && done === told)) return;
      told = done;
      listener({ type: 'progress', articles: pending.splice(0), done, total });
    };
    const timer = finished ? null : setInterval(flush, FLUSH_MS);
    loaded.then(
      (corpus) => {
        if (stopped) return;
        if (timer) clearInterval(timer);
        flush();
        // The corpus's own list: a first read through the index names some files only there
        // (a cold start showed none of its unreadable files). Those shown at once are not
        // repeated.
        const told = new Set(firstProblems.map(named));
        const warnings = [...corpus.problems, ...problems]
          .map(named)
          .filter((message) => !told.has(message));
        listener({ type: 'loaded', articles: corpus.articles, warnings: [...new Set(warnings)] });
        // What another margin writes into the index from now on is taken in too.
        const { index } = corpus;
        if (index) {
          for (const warning of warnings) told.add(warning);
          const list = corpus.articles;
          unfollow = followOthers({
            index,
            list,
            listed: index.readAt,
            store,
            named,
            told,
            listener,
          });
        }
      },
      (error: unknown) => {
        if (stopped) return;
        if (timer) clearInterval(timer);
        const message = error instanceof Error ? error.message : String(error);
        listener({ type: 'failed', warning: shown(`${root}: ${message}`) });
      },
    );
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      unfollow();
    };
  };
  return {
    articles: first,
    problems: firstProblems,
    done,
    total,
    finished,
    ...(firstWaiting === undefined ? {} : { waiting: firstWaiting }),
    store,
    opened,
    feed,
    root,
    named,
    cacheDir,
    get words() {
      return words;
    },
    close: async () => {
      unfollow();
      stop.abort();
      await loading.then(
        (corpus) => corpus.close?.(),
        () => undefined,
      );
    },
  };
}

/**
 * A warm start: the corpus index already holds the corpus, so the first frame lists its first
 * articles at once (titles from the index's summaries) and the store opens on the index beside
 * it. Behind the frame, the rest of the list is read a step at a time; then every file's size
 * and time are compared with the index (seconds at 100,000 files), and whatever changed (a file
 * edited in place, added, removed) is read again and the list handed over anew, with the
 * annotations of changed articles placed again on their new text. Null when the index is empty
 * (the first start on a folder): the cold start reads the files with a progress bar.
 */
async function warmSession(
  root: string,
  openStore: OpenStore,
  cacheDir: string | undefined,
  started: number,
  shown: (text: string) => string,
  firstFrameWait: number,
): Promise<ReviewSession | null> {
  const named = (problem: FileProblem) => shown(namedMessage(problem));
  let index: DiskCorpusIndex;
  try {
    ({ index } = await openCorpusIndex(root, {
      ...(cacheDir === undefined ? {} : { cacheDir }),
      refresh: 'none',
    }));
  } catch {
    return null;
  }
  if (index.size() === 0) {
    index.close();
    return null;
  }
  let make = lazyArticleMaker(index);
  const total = index.size();
  const first = index.summaries(0, FIRST_PAGE).map(make);
  // The article table names an article whose row is gone: a refresh wrote it again and stopped
  // (a review quit during its check) or is still writing (another margin) before writing the
  // table. That list would open on the wrong article and move once the check is done (flake54):
  // the cold start brings the index up to date (or waits for the other margin) and lists then.
  if (first.length < Math.min(FIRST_PAGE, total)) {
    index.close();
    return null;
  }
  const problems = index.problems();
  const told = new Set(problems.map(named));
  const store = openStore(undefined, index);
  const opened = await openedBeforeFirstFrame(store, started, firstFrameWait);

  /** The whole list, a step at a time; `reuse` keeps the objects the screen already holds. */
  const readList = (
    reuse: readonly Article[],
    stopped: () => boolean,
    progress: (done: number) => void,
  ): Promise<Article[] | null> => wholeList(index, make, reuse, stopped, progress);

  // The background check under way, and how to stop it: the index closes only after it ends.
  const checks = new Set<{ stop: AbortController; ended: Promise<void> }>();
  // What follows another margin's writes once the check is over (`followOthers`).
  const follows = new Set<() => void>();
  const feed: CorpusFeed = (listener) => {
    let stopped = false;
    const stop = new AbortController();
    /** The list, after the check, as another margin's writes are taken in. */
    const follow = (list: readonly Article[], listed: string) => {
      if (stopped) return;
      const stopFollowing = followOthers({ index, list, listed, store, named, told, listener });
      follows.add(stopFollowing);
    };
    const run = async () => {
      const whole = await readList(
        first,
        () => stopped,
        (done) => listener({ type: 'progress', articles: [], done, total }),
      );
      if (!whole) return;
      listener({ type: 'loaded', articles: whole, warnings: [] });
      listener({ type: 'checking', active: true });
      try {
        await compare(whole);
      } finally {
        if (!stopped) listener({ type: 'checking', active: false });
      }
    };
    /** Every file compared with the index; the list anew when any changed. */
    const compare = async (whole: Article[]) => {
      const own = await index.refresh('full', { signal: stop.signal });
      // Another margin was refreshing the index: what it wrote is taken in once it has, the
      // list and the store's placing included (it names no file it read again).
      const checked = await afterOthers(index, own, { signal: stop.signal });
      if (stopped) return;
      // Nothing changed: the list read is the index as it stands now, whatever generation the
      // check itself wrote (following from the generation the list was read at read it all again, and opened the
      // store again, a second after every warm start: flake53). Another margin's refresh was
      // waited for just above.
      if (own.refreshed && checked.paths.length === 0) return follow(whole, index.generation());
      // Bodies read before the check may be old text: the new list reads them afresh.
      const at = index.readAt;
      make = lazyArticleMaker(index);
      const fresh = await readList(
        [],
        () => stopped,
        () => undefined,
      );
      if (!fresh) return;
      const gone = new Set(checked.paths.map((path) => join(root, path)));
      const changed = fresh.filter((article) => gone.has(article.path)).map((a) => a.id);
      // The store placed annotations on the old text: they are placed again on the new.
      await (await store).open(index);
      if (stopped) return;
      // Files added between two runs were taken in without a word (fixreview56): said as the
      // folder look says them, with when from.
      listener(
        listChanged(
          { index, named, told },
          whole,
          fresh,
          changed,
          ' since margin last read the folder',
        ),
      );
      follow(fresh, at);
    };
    const check = {
      stop,
      ended: run().catch((error: unknown) => {
        if (stopped) return;
        const message = error instanceof Error ? error.message : String(error);
        listener({ type: 'failed', warning: shown(`${root}: ${message}`) });
      }),
    };
    checks.add(check);
    void check.ended.then(() => checks.delete(check));
    return () => {
      stopped = true;
      stop.abort();
      for (const stopFollowing of follows) stopFollowing();
    };
  };
  return {
    articles: first,
    problems,
    done: first.length,
    total,
    finished: first.length === total,
    store,
    opened,
    feed,
    root,
    named,
    cacheDir,
    index,
    close: async () => {
      for (const stopFollowing of follows) stopFollowing();
      for (const check of checks) check.stop.abort();
      await Promise.all([...checks].map((check) => check.ended));
      index.close();
    },
  };
}

/**
 * The whole list of the index, a step at a time (keys are answered between steps); `reuse` keeps
 * the objects the screen already holds, by id: by place, an article missing from the first page
 * (its row written again since the article table) put each after it one place up, the last
 * twice. Null when stopped.
 */
async function wholeList(
  index: DiskCorpusIndex,
  make: (summary: ArticleListing) => Article,
  reuse: readonly Article[],
  stopped: () => boolean,
  progress: (done: number) => void,
  size = STEP,
): Promise<Article[] | null> {
  const list: Article[] = new Array(index.size());
  const held = new Map(reuse.map((article) => [article.id, article]));
  let done = 0;
  // After the first frame: it is drawn once the controller has started.
  await yieldToEventLoop();
  // Each report redraws the whole screen (about 9 ms at 100,000 articles): reported as often
  // as a cold start's bar moves, not at every step, the list is whole ~0.3 s sooner.
  let told = performance.now();
  for (const step of index.listingSteps(size)) {
    for (const summary of step) list[summary.ord] = held.get(summary.id) ?? make(summary);
    done += step.length;
    if (performance.now() - told >= FLUSH_MS) {
      told = performance.now();
      progress(done);
    }
    await yieldToEventLoop();
    if (stopped()) return null;
  }
  return list.filter((article) => article !== undefined);
}

/** The index's problems, as messages, and those already on screen. */
interface Problems {
  index: DiskCorpusIndex;
  named: (problem: FileProblem) => string;
  told: Set<string>;
}

/**
 * The list anew after files changed behind it, as the controller takes it: the articles whose
 * text changed, the index's problems not yet on screen (noted as told), and how many articles
 * arrived or went since `before` (`since`: when from).
 */
function listChanged(
  { index, named, told }: Problems,
  before: readonly Article[],
  fresh: Article[],
  changed: string[],
  since = '',
): CorpusEvent {
  const warnings = index
    .problems()
    .map(named)
    .filter((message) => !told.has(message));
  for (const warning of warnings) told.add(warning);
  const notice = arrivals(before, fresh, since);
  return { type: 'changed', articles: fresh, changed, warnings, ...(notice ? { notice } : {}) };
}

/**
 * Takes in what another margin writes into the corpus index while the review is open (`margin
 * index` in another terminal adding articles): every `OTHERS_LOOK_MS` it compares the index's
 * generation with the one `list` was read at (`listed`); when it moved, what the other wrote
 * since (the articles it numbered after the list's last, and those gone when the count says
 * some went) is taken into the list, which is read again whole, a step at a time, only when
 * more than `FOLLOW_AT_MOST` were written or the list's number is not known; it is handed over (`changed`: the reducer keeps the article under the cursor and
 * every sentence cursor, by id), with the articles whose text the other read again among those
 * whose text was shown, and the store placing annotations on the new text from then on. Search
 * took the new articles in by itself (`catchUp`); the list did not until a restart. A look that
 * fails is tried again later each time, up to `OTHERS_BACKOFF_MS`; the list it read is kept
 * while the index stays at its generation, and only what failed after it is done again.
 * Returns a stop.
 */
export function followOthers({
  index,
  list,
  listed,
  store,
  named,
  told,
  listener,
}: {
  index: DiskCorpusIndex;
  list: readonly Article[];
  listed: string;
  store: Promise<Repository>;
  named: (problem: FileProblem) => string;
  /** Problems already on screen, not said again. */
  told: Set<string>;
  listener: (event: CorpusEvent) => void;
}): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  // Looks that failed in a row: the next waits twice as long as the one before.
  let failures = 0;
  // The list a failed look read, the generation and last article number it was read at, and the
  // articles whose text the screen read that changed.
  let read: { fresh: Article[]; at: string; last: number; changed: string[] } | null = null;
  // The index's last article number the list stands for: what another margin wrote after it is
  // what changed (null: not known, the list is read whole at the next move).
  let number: number | null = index.consistent(() =>
    index.generation() === listed ? index.lastNumber() : null,
  );
  // When the folder was last looked at (`FOLDER_LOOK_MS`), when a look last found it changed,
  // and whether it told of a change since.
  let lookedAtFolder = Date.now();
  let changedAt = 0;
  let folderMoved = false;
  // When the pending look is due.
  let due = 0;
  const later = (wait: number) => {
    timer = setTimeout(() => void look(), wait);
    timer.unref();
    due = Date.now() + wait;
  };
  const watcher = new FolderWatch(index.root, () => {
    folderMoved = true;
    // Brought forward, never put off: a stream of events (a `git pull`) still looks on time.
    // Spaced from the last look at the folder too: a file appended to in place tells of each
    // write without changing the folder, and each look stats every known folder (review58-a).
    const now = Date.now();
    const wait = Math.max(
      WATCHED_LOOK_MS,
      changedAt + folderLookSettings.everyMs - now,
      lookedAtFolder + OTHERS_LOOK_MS - now,
    );
    if (timer && failures === 0 && due - Date.now() > wait) {
      clearTimeout(timer);
      later(wait);
    }
  });
  const look = async () => {
    timer = null;
    let failed = false;
    try {
      let now = index.generation();
      if (stopped) return;
      if (
        now === listed &&
        read === null &&
        (Date.now() - lookedAtFolder >= folderLookSettings.everyMs ||
          (folderMoved &&
            Date.now() - changedAt >= folderLookSettings.everyMs &&
            Date.now() - lookedAtFolder >= OTHERS_LOOK_MS))
      ) {
        // Files added, removed or replaced in the folder since: read into the index here, then
        // taken in below as another margin's writes are. Nothing changed writes nothing.
        folderMoved = false;
        lookedAtFolder = Date.now();
        const own = await index.refresh('quick');
        lookedAtFolder = Date.now();
        if (stopped) return;
        // A folder it found made (even empty) or removed: watched, or no longer.
        followFolders();
        if (own.changed) {
          changedAt = lookedAtFolder;
          now = index.generation();
        }
      }
      if (now === listed) return;
      if (read?.at !== now) {
        read = null;
        // What the other wrote since, alone; else the table the other wrote (search may have
        // read it already) and the whole list again.
        read = number === null ? null : writtenSince(index, list, number);
        if (!read) {
          const { at, last } = index.consistent(() => {
            index.catchUp();
            return { at: index.readAt, last: index.lastNumber() };
          });
          const changed = [...bodiesRead(list)]
            .filter(([id, hash]) => index.hashOf(id) !== hash)
            .map(([id]) => id);
          const fresh = await wholeList(
            index,
            lazyArticleMaker(index),
            [],
            () => stopped,
            () => undefined,
            FOLLOW_STEP,
          );
          if (!fresh) return;
          read = { fresh, at, last, changed };
        }
      }
      const { fresh, at, last, changed } = read;
      // Placed on the new text from now on (a changed article's annotations placed again).
      await (await store).open(index, { check: 'later' });
      if (stopped) return;
      read = null;
      const event = listChanged({ index, named, told }, list, fresh, changed);
      list = fresh;
      listed = at;
      number = last;
      // A folder made or removed since (here or by another margin): watched, or no longer.
      followFolders();
      listener(event);
    } catch {
      // The index being closed under it, or read while it changed: a later look tries again.
      failed = true;
    } finally {
      failures = failed ? failures + 1 : 0;
      if (!stopped) later(Math.min(OTHERS_LOOK_MS * 2 ** failures, OTHERS_BACKOFF_MS));
    }
  };
  const followFolders = () => {
    try {
      watcher.follow(['', ...index.folders(WATCHED_FOLDERS_AT_MOST - 1)]);
    } catch {
      // The index closed under it: the timed looks serve.
    }
  };
  followFolders();
  later(OTHERS_LOOK_MS);
  return () => {
    stopped = true;
    watcher.close();
    if (timer) clearTimeout(timer);
  };
}

/**
 * Calls `moved` when the system tells of an entry changing in the corpus folder or one of the
 * subfolders it is told to follow (`fs.watch` watches one folder's own entries, not its
 * subfolders': an article saved into `corpus/2026-12/` waited for the next timed look, up to
 * `FOLDER_LOOK_MS`, before it was read and placed). A folder it cannot watch (no watches left,
 * removed meanwhile) is left to the timed looks.
 */
class FolderWatch {
  readonly #watchers = new Map<string, FSWatcher>();
  #closed = false;

  constructor(
    private readonly root: string,
    private readonly moved: () => void,
  ) {}

  /** Watches these folders (relative to the root, `''` the root itself) and no others. */
  follow(folders: readonly string[]): void {
    if (this.#closed) return;
    const wanted = new Set(folders);
    for (const [folder, watcher] of this.#watchers) {
      if (wanted.has(folder)) continue;
      watcher.close();
      this.#watchers.delete(folder);
    }
    for (const folder of wanted) {
      if (this.#watchers.has(folder)) continue;
      const watcher = watchFolder(folder === '' ? this.root : join(this.root, folder), () =>
        this.moved(),
      );
      if (watcher) this.#watchers.set(folder, watcher);
    }
  }

  close(): void {
    this.#closed = true;
    for (const watcher of this.#watchers.values()) watcher.close();
    this.#watchers.clear();
  }
}

/**
 * Calls `moved` when the system tells of an entry of `folder` changing (its own entries only,
 * not its subfolders'); null where it cannot watch (no watches left: the timed looks serve).
 */
function watchFolder(folder: string, moved: () => void): FSWatcher | null {
  try {
    const watcher = watch(folder, { persistent: false }, () => moved());
    watcher.on('error', () => watcher.close());
    return watcher;
  } catch {
    return null;
  }
}

/**
 * What the status bar says of a list taken in: `3 articles arrived, 1 removed`, then `since` (a
 * start's check says from when); null: none.
 */
export function arrivals(
  before: readonly Article[],
  after: readonly Article[],
  since = '',
): string | null {
  const had = new Set(before.map((article) => article.id));
  const has = new Set(after.map((article) => article.id));
  let arrived = 0;
  for (const id of has) if (!had.has(id)) arrived++;
  let removed = 0;
  for (const id of had) if (!has.has(id)) removed++;
  const articles = (count: number) => `${count} article${count === 1 ? '' : 's'}`;
  if (arrived > 0 && removed > 0) return `${articles(arrived)} arrived, ${removed} removed${since}`;
  if (arrived > 0) return `${articles(arrived)} arrived${since}`;
  if (removed > 0) return `${articles(removed)} removed${since}`;
  return null;
}

/**
 * The list after another margin's writes, from what the index wrote after article `number`
 * (each added or changed article's listing, read by id) and, only when its count says some
 * went, the ids it still holds; the articles the screen read whose text changed or went. On one
 * state of the index. Null when more was written than is worth taking in one by one.
 */
function writtenSince(
  index: DiskCorpusIndex,
  list: readonly Article[],
  number: number,
): { fresh: Article[]; at: string; last: number; changed: string[] } | null {
  return index.consistent(() => {
    index.catchUp();
    const at = index.readAt;
    const { size, last, since } = index.writtenSince(number);
    if (since.length > FOLLOW_AT_MOST) return null;
    const written = new Map(since);
    const listed = new Set(list.map((article) => article.id));
    const added = since.filter(([id]) => !listed.has(id)).length;
    // Fewer than the list and the added ones: some went (their ids are no longer there).
    const present = size === list.length + added ? null : new Set(index.ids());
    const gone = present ? list.filter((article) => !present.has(article.id)) : [];
    const kept = list.filter(
      (article) => !written.has(article.id) && (present === null || present.has(article.id)),
    );
    const bodies = bodiesRead(list);
    const changed = [
      ...since.filter(([id, hash]) => bodies.has(id) && bodies.get(id) !== hash).map(([id]) => id),
      ...gone.filter((article) => bodies.has(article.id)).map((article) => article.id),
    ];
    const ords = index.ordsOf([...written.keys()]).sort((a, b) => a.ord - b.ord);
    const summaries = ords.flatMap(({ ord }) => index.summaries(ord, ord + 1));
    // Anything out of step (a listing read without its place): the whole list is read instead.
    const whole = kept.length + summaries.length;
    if (whole !== size || whole !== index.size()) return null;
    const made = madeAlike(list, index, summaries, [
      ...written.keys(),
      ...gone.map((article) => article.id),
    ]);
    // In corpus order: each written article at its place, the kept ones around them in theirs.
    const fresh: Article[] = [];
    let next = 0;
    for (const [at, article] of made.entries()) {
      const ord = summaries[at]!.ord;
      while (fresh.length < ord && next < kept.length) fresh.push(kept[next++]!);
      fresh.push(article);
    }
    while (next < kept.length) fresh.push(kept[next++]!);
    return { fresh, at, last, changed };
  });
}

export { placeOf } from '../review/resume.js';

/** The review's controller over a session: what the first frame shows, and what follows. */
export function reviewController(
  session: ReviewSession,
  options: {
    corpusName: string;
    annotator: string;
    compare: boolean;
    size: Size;
    project?: ReviewProject;
    /** Where the suggestion model lives; null: no suggestions. */
    models?: ModelStore | null;
    /** Where the annotator's rejected suggestions are kept (with `models`). */
    rejections?: RejectionStore | null;
    story?: StorySource;
    /** The project file, watched for a change the review cannot take in. */
    projectFile?: ReviewControllerOptions['projectFile'];
    /** Where the reviewer stopped last time. */
    resume?: ReviewPlace | undefined;
    /** Test-only: the action log (`MARGIN_ACTION_LOG`). */
    trace?: ((line: string) => void) | undefined;
    /** The write-ahead journal of the review's changes (`store/journal.ts`). */
    journal?: ReviewControllerOptions['journal'];
  },
): ReviewController {
  const opened = session.opened;
  const initial = initialState({
    ...(options.project ? { project: options.project } : {}),
    corpusName: options.corpusName,
    compare: options.compare,
    annotator: options.annotator,
    size: options.size,
    articles: session.articles,
    storeOpen: opened !== null,
    // The list from the store index's counts; the first article's sentences, which the reader shows.
    summaries: opened ? summarize(opened) : {},
    marks: opened
      ? snapshotMarks(
          opened,
          session.articles.slice(0, 1).map((a) => a.id),
        )
      : {},
    loading: session.finished
      ? null
      : {
          done: session.done,
          total: session.total,
          ...(session.waiting === undefined ? {} : { waiting: session.waiting }),
        },
    warnings: [...session.problems.map(session.named), ...(opened ? storeWarnings(opened) : [])],
    storeProblems: opened ? storeWarnings(opened) : [],
  });
  return new ReviewController({
    initial,
    store: session.store,
    initialVersion: opened?.version,
    corpus: session.feed,
    loadSearch: (articles) =>
      loadSearch(
        session,
        articles,
        options.project?.labels.map((label) => label.name),
      ),
    suggestions: options.models
      ? {
          models: options.models,
          ...(options.rejections ? { rejections: options.rejections } : {}),
        }
      : undefined,
    story: options.story,
    projectFile: options.projectFile,
    resume: options.resume,
    trace: options.trace,
    journal: options.journal,
  });
}

/**
 * The search code loads once the corpus is whole and the store open, off the path to the first
 * frame. It searches the corpus index on disk that the corpus was read through (the same one
 * `margin search` uses); without a cache folder, an index of the articles in memory.
 */
async function loadSearch(
  session: ReviewSession,
  articles: Article[],
  labels?: readonly string[],
): Promise<SearchFunction> {
  const [{ buildSearchEngine, searchEngine }, { reviewSearch }] = await Promise.all([
    import('../search/index.js'),
    import('./review-search.js'),
  ]);
  let engine: SearchEngine;
  if (session.cacheDir === null) engine = buildSearchEngine(articles);
  else if (session.index) engine = searchEngine(session.index.words);
  // Opened again from its file, an index that could not be written would be another, empty one
  // in memory: the review found nothing without a cache folder it may write (2026-12-06).
  else if (session.words) engine = searchEngine(session.words);
  else {
    const { openCorpusIndex } = await import('../corpus/db/open.js');
    const { index } = await openCorpusIndex(session.root, {
      ...(session.cacheDir === undefined ? {} : { cacheDir: session.cacheDir }),
      refresh: 'none',
    });
    engine = searchEngine(index.words);
  }
  return reviewSearch(engine, labels);
}

/**
 * The store if it opens before the first frame is due (a small one does), else null. A test of
 * what a store open by then gives waits longer: on a loaded machine the seeds' store can take
 * more than the 150 ms a person is given.
 */
async function openedBeforeFirstFrame(
  store: Promise<Repository>,
  started: number,
  firstFrameWait: number,
): Promise<Repository | null> {
  const waited = Math.max(0, firstFrameWait - (performance.now() - started));
  return Promise.race([
    store.catch(() => null),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), waited)),
  ]);
}
