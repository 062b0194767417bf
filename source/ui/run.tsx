import { render } from 'ink';
import type { CommandIO } from '../commands/command.js';
import { initialState } from '../review/state.js';
import { snapshotMarks, storeWarnings } from '../review/sync.js';
import { buildSearchEngine, type SearchEngine } from '../search/index.js';
import type { Repository } from '../store/repository.js';
import { anchoredStdout } from './anchored-stdout.js';
import { App } from './components/App.js';
import { enterAlternateScreen } from './screen.js';
import type { CorpusSession } from './session.js';
import type { Theme } from './theme.js';

export interface RunOptions {
  io: CommandIO;
  corpusName: string;
  repository: Repository;
  session: CorpusSession;
  theme: Theme;
}

/** Draws the review screen until the reviewer quits; resolves to writes given up on (0 normally). */
export async function runReview({
  io,
  corpusName,
  repository,
  session,
  theme,
}: RunOptions): Promise<number> {
  const stdout = io.stdout as NodeJS.WriteStream;
  const stdin = io.stdin as NodeJS.ReadStream;
  const articles = session.articles;
  const initial = initialState({
    corpusName,
    annotator: repository.annotator,
    size: { columns: stdout.columns ?? 80, rows: stdout.rows ?? 24 },
    articles,
    marks: snapshotMarks(
      repository,
      articles.map((article) => article.id),
    ),
    loading: session.finished ? null : { done: session.done, total: session.total },
    warnings: [
      ...session.problems.map((problem) => `${problem.path}: ${problem.message}`),
      ...storeWarnings(repository),
    ],
  });
  let engine: SearchEngine | null = null;
  let corpus: typeof articles = [];
  session.loaded.then(
    (all) => {
      corpus = all;
    },
    () => undefined,
  );
  // The index is built on the first query, not at start: opening must stay quick.
  const search = (query: string) => {
    if (query.trim() === '') return [];
    engine ??= buildSearchEngine(corpus);
    return engine.search(
      query,
      {
        annotations: repository.list(),
        status: (article, annotator) => repository.status(article, annotator),
        annotators: repository.annotators(),
      },
      { limit: 50 },
    );
  };
  let unsaved = 0;
  const leave = enterAlternateScreen(stdout);
  try {
    const instance = render(
      <App
        initial={initial}
        repository={repository}
        theme={theme}
        search={search}
        connect={session.connect}
        ready={session.ready}
        onExit={(count) => {
          unsaved = count;
        }}
      />,
      {
        stdout: anchoredStdout(stdout),
        stdin,
        exitOnCtrlC: false,
        patchConsole: false,
        incrementalRendering: true,
      },
    );
    await instance.waitUntilExit();
  } finally {
    leave();
  }
  return unsaved;
}
