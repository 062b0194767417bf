import type { Dispatch } from 'react';
import { type LoadProgress, loadCorpus } from '../corpus/index.js';
import type { Article, FileProblem } from '../corpus/types.js';
import type { Action } from '../review/actions.js';
import { snapshotMarks, storeWarnings } from '../review/sync.js';
import type { Repository } from '../store/repository.js';

/** How long the first frame waits for the corpus before showing the list while it loads. */
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
  /** Streams the rest of the corpus into the screen and places annotations once it is whole. */
  connect: (dispatch: Dispatch<Action>) => () => void;
  /** Resolves when the store has placed its annotations on the whole corpus. */
  ready: Promise<void>;
  /** The whole corpus, once loaded. */
  loaded: Promise<Article[]>;
}

function problemText(problem: FileProblem): string {
  return `${problem.path}: ${problem.message}`;
}

/**
 * Starts reading the corpus in the background. The caller waits at most a moment for it, so a
 * small corpus opens complete and a large one opens at once with a progress bar.
 */
export async function startCorpus(
  root: string,
  opening: Promise<Repository>,
  cacheDir?: string | null,
): Promise<CorpusSession> {
  // The store opens while the corpus is read; by the time the screen connects it is open.
  let repository: Repository | null = null;
  opening.then(
    (opened) => {
      repository = opened;
    },
    () => undefined,
  );
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
  await Promise.race([
    loading.catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, FIRST_FRAME_WAIT_MS)),
  ]);
  const first = pending.splice(0);
  const firstProblems = problems.splice(0);
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const loaded = loading.then(async (corpus) => {
    await (await opening).open(corpus.articles);
    resolveReady();
    return corpus.articles;
  });
  loaded.catch(() => resolveReady());

  const connect = (next: Dispatch<Action>) => {
    dispatch = next;
    const flush = () => {
      if (pending.length === 0 || !dispatch || !repository) return;
      const articles = pending.splice(0);
      dispatch({ type: 'corpus/progress', articles, done, total });
      dispatch({
        type: 'store/synced',
        marks: snapshotMarks(
          repository,
          articles.map((a) => a.id),
        ),
      });
    };
    const timer = finished ? null : setInterval(flush, FLUSH_MS);
    let stopped = false;
    loaded.then(
      (articles) => {
        if (stopped || !repository) return;
        if (timer) clearInterval(timer);
        flush();
        next({
          type: 'corpus/loaded',
          articles,
          warnings: problems.map(problemText),
        });
        next({
          type: 'store/synced',
          marks: snapshotMarks(
            repository,
            articles.map((a) => a.id),
          ),
          warnings: storeWarnings(repository),
        });
      },
      (error: unknown) => {
        if (stopped) return;
        if (timer) clearInterval(timer);
        const message = error instanceof Error ? error.message : String(error);
        next({ type: 'corpus/loaded', articles: null, warnings: [`${root}: ${message}`] });
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
    connect,
    ready,
    loaded,
  };
}
