import type { Dispatch } from 'react';
import { type LoadProgress, loadCorpus } from '../corpus/index.js';
import type { Article, FileProblem } from '../corpus/types.js';
import type { Action } from '../review/actions.js';
import { type DeferredRepository, deferredRepository } from '../review/deferred-repository.js';
import { snapshotMarks, storeWarnings } from '../review/sync.js';
import type { Repository } from '../store/repository.js';

/** How long the first frame waits for the corpus and the store before showing what is there. */
const FIRST_FRAME_WAIT_MS = 150;
/** Articles that arrive while loading are handed to the screen in batches this often. */
const FLUSH_MS = 60;

export interface CorpusSession {
  /** Articles read before the first frame, and whether that was all of them. */
  articles: Article[];
  problems: FileProblem[];
  done: number;
  total: number;
  finished: boolean;
  /** The store: empty to read and waiting with writes until it has opened on the whole corpus. */
  repository: DeferredRepository;
  /** Streams the rest of the corpus into the screen, then the store's annotations once open. */
  connect: (dispatch: Dispatch<Action>) => () => void;
  /** Resolves when the store has placed its annotations on the whole corpus (or failed to). */
  ready: Promise<void>;
  /** The whole corpus, once loaded. */
  loaded: Promise<Article[]>;
}

/**
 * Starts reading the corpus in the background, then opens the store on it (one read of the store,
 * placing annotations on the current text). The caller waits at most a moment: a small corpus
 * and store open complete, a large one opens at once with a progress bar and its annotations
 * follow.
 */
export async function startCorpus(
  root: string,
  openStore: (articles: Article[] | undefined) => Promise<Repository>,
  annotator: string,
  cacheDir?: string | null,
): Promise<CorpusSession> {
  const started = performance.now();
  const pending: Article[] = [];
  const problems: FileProblem[] = [];
  let done = 0;
  let total = 0;
  let dispatch: Dispatch<Action> | null = null;
  const onProgress = (event: LoadProgress) => {
    done = event.done;
    total = event.total;
    if (event.article) pending.push(event.article);
    if (event.problem) problems.push(event.problem);
  };
  const options = cacheDir === undefined ? { onProgress } : { onProgress, cacheDir };
  const loading = loadCorpus(root, options);
  let finished = false;
  loading.then(
    () => {
      finished = true;
    },
    () => {
      finished = true;
    },
  );
  const loaded = loading.then((corpus) => corpus.articles);
  // Opening the store with the corpus places annotations once; it needs the whole corpus.
  const opening = loading.then(
    (corpus) => openStore(corpus.articles),
    () => openStore(undefined),
  );
  const repository = deferredRepository(annotator, opening);
  const ready = opening.then(
    () => undefined,
    () => undefined,
  );
  const waited = Math.max(0, FIRST_FRAME_WAIT_MS - (performance.now() - started));
  await Promise.race([ready, new Promise((resolve) => setTimeout(resolve, waited))]);
  const first = pending.splice(0);
  const firstProblems = problems.splice(0);

  const connect = (next: Dispatch<Action>) => {
    dispatch = next;
    const flush = () => {
      if (pending.length === 0 || !dispatch) return;
      dispatch({ type: 'corpus/progress', articles: pending.splice(0), done, total });
    };
    const timer = finished ? null : setInterval(flush, FLUSH_MS);
    let stopped = false;
    loaded.then(
      (articles) => {
        if (stopped) return;
        if (timer) clearInterval(timer);
        flush();
        next({ type: 'corpus/loaded', articles, warnings: problems.map((p) => p.message) });
      },
      (error: unknown) => {
        if (stopped) return;
        if (timer) clearInterval(timer);
        const message = error instanceof Error ? error.message : String(error);
        next({ type: 'corpus/loaded', articles: null, warnings: [`${root}: ${message}`] });
      },
    );
    Promise.all([loaded.catch(() => [] as Article[]), opening]).then(
      ([articles, store]) => {
        if (stopped) return;
        next({
          type: 'store/opened',
          marks: snapshotMarks(
            store,
            articles.map((a) => a.id),
          ),
          warnings: storeWarnings(store),
        });
      },
      (error: unknown) => {
        if (stopped) return;
        const message = error instanceof Error ? error.message : String(error);
        next({ type: 'store/failed', message: `the store could not be opened: ${message}` });
      },
    );
    return () => {
      stopped = true;
      dispatch = null;
      if (timer) clearInterval(timer);
    };
  };
  return {
    articles: first,
    problems: firstProblems,
    done,
    total,
    finished,
    repository,
    connect,
    ready,
    loaded,
  };
}
