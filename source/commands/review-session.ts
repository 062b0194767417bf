import { type LoadProgress, loadCorpus } from '../corpus/index.js';
import type { Article, FileProblem } from '../corpus/types.js';
import {
  type CorpusEvent,
  type CorpusFeed,
  ReviewController,
  type SearchFunction,
  type StorySource,
} from '../review/controller.js';
import type { ReviewProject } from '../review/project.js';
import { initialState } from '../review/state.js';
import { snapshotMarks, storeWarnings } from '../review/sync.js';
import type { Size } from '../review/view/layout.js';
import type { SearchEngine } from '../search/index.js';
import type { ModelStore } from '../store/model-file.js';
import type { Repository } from '../store/repository.js';

/** How long the first frame waits for the corpus and the store before showing what is there. */
const FIRST_FRAME_WAIT_MS = 150;
/** Articles that arrive while loading are handed to the screen in batches this often. */
const FLUSH_MS = 60;

export interface ReviewSession {
  /** Articles read before the first frame, and whether that was all of them. */
  articles: Article[];
  problems: FileProblem[];
  done: number;
  total: number;
  finished: boolean;
  /** The store, opened on the whole corpus (annotations placed on its current text). */
  store: Promise<Repository>;
  /** The store when it opened before the first frame, so that frame shows its annotations. */
  opened: Repository | null;
  /** The rest of the corpus as it is read, then the whole of it. */
  feed: CorpusFeed;
  /** The whole corpus, once read. */
  loaded: Promise<Article[]>;
  /** Where it was read from: search opens the same on-disk index. */
  root: string;
  cacheDir: string | null | undefined;
  /** Lets go of the corpus index the articles read their text from, once the review ends. */
  close: () => void;
}

/**
 * Starts reading the corpus in the background, then opens the store on it (one read of the store,
 * placing annotations on the current text). The caller waits at most a moment: a small corpus
 * and store open complete, a large one opens at once with a progress bar and its annotations
 * follow.
 */
export async function startReviewSession(
  root: string,
  openStore: (articles: Article[] | undefined) => Promise<Repository>,
  cacheDir?: string | null,
): Promise<ReviewSession> {
  const started = performance.now();
  const pending: Article[] = [];
  const problems: FileProblem[] = [];
  let done = 0;
  let total = 0;
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
  const loading = loadCorpus(root, options);
  let finished = false;
  const settled = () => {
    finished = true;
  };
  loading.then(settled, settled);
  const loaded = loading.then((corpus) => corpus.articles);
  // Opening the store with the corpus places annotations once; it needs the whole corpus.
  const store = loading.then(
    (corpus) => openStore(corpus.articles),
    () => openStore(undefined),
  );
  let opened: Repository | null = null;
  store.then(
    (repository) => {
      opened = repository;
    },
    () => undefined,
  );
  const waited = Math.max(0, FIRST_FRAME_WAIT_MS - (performance.now() - started));
  await Promise.race([
    store.catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, waited)),
  ]);
  const first = pending.splice(0);
  const firstProblems = problems.splice(0);

  const feed: CorpusFeed = (listener: (event: CorpusEvent) => void) => {
    let stopped = false;
    const flush = () => {
      if (pending.length === 0 || stopped) return;
      listener({ type: 'progress', articles: pending.splice(0), done, total });
    };
    const timer = finished ? null : setInterval(flush, FLUSH_MS);
    loaded.then(
      (articles) => {
        if (stopped) return;
        if (timer) clearInterval(timer);
        flush();
        listener({ type: 'loaded', articles, warnings: problems.map((p) => p.message) });
      },
      (error: unknown) => {
        if (stopped) return;
        if (timer) clearInterval(timer);
        const message = error instanceof Error ? error.message : String(error);
        listener({ type: 'failed', warning: `${root}: ${message}` });
      },
    );
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
    };
  };
  return {
    articles: first,
    problems: firstProblems,
    done,
    total,
    finished,
    store,
    opened,
    feed,
    loaded,
    root,
    cacheDir,
    close: () => {
      loading.then(
        (corpus) => corpus.close?.(),
        () => undefined,
      );
    },
  };
}

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
    story?: StorySource;
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
    marks: opened
      ? snapshotMarks(
          opened,
          session.articles.map((article) => article.id),
        )
      : {},
    loading: session.finished ? null : { done: session.done, total: session.total },
    warnings: [
      ...session.problems.map((problem) => problem.message),
      ...(opened ? storeWarnings(opened) : []),
    ],
  });
  return new ReviewController({
    initial,
    store: session.store,
    corpus: session.feed,
    loadSearch: (articles) =>
      loadSearch(
        session,
        articles,
        options.project?.labels.map((label) => label.name),
      ),
    suggestions: options.models ? { models: options.models } : undefined,
    story: options.story,
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
  const { buildSearchEngine, storeFacts, searchEngine } = await import('../search/index.js');
  let engine: SearchEngine;
  if (session.cacheDir === null) engine = buildSearchEngine(articles);
  else {
    const { openCorpusIndex } = await import('../corpus/db/open.js');
    const { index } = await openCorpusIndex(session.root, {
      ...(session.cacheDir === undefined ? {} : { cacheDir: session.cacheDir }),
      refresh: 'none',
    });
    engine = searchEngine(index.words);
  }
  return (query, repository) =>
    engine.search(query, storeFacts(repository), { limit: 50, ...(labels ? { labels } : {}) });
}
