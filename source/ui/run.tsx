import { render } from 'ink';
import type { Dispatch } from 'react';
import type { CommandIO } from '../commands/command.js';
import type { Action } from '../review/actions.js';
import { initialState } from '../review/state.js';
import { snapshotMarks, storeWarnings } from '../review/sync.js';
import { searchContext } from '../search/context.js';
import type { SearchEngine } from '../search/index.js';
import { anchoredStdout } from './anchored-stdout.js';
import { App } from './components/App.js';
import { enterAlternateScreen } from './screen.js';
import type { CorpusSession } from './session.js';
import type { Theme } from './theme.js';

/** How long writes may take to finish after SIGTERM before the process leaves anyway. */
const TERMINATE_GRACE_MS = 5000;

export interface RunOptions {
  io: CommandIO;
  corpusName: string;
  session: CorpusSession;
  theme: Theme;
  /** --compare: `c` opens the compare table; the repository writes as gold. */
  compare?: boolean;
  /**
   * Called, before returning, when the screen has closed while the store is still opening. Every
   * write waits for the store and quitting waits for every write, so nothing of this session is
   * in that read: the process may leave at once instead of staying alive, screen gone, until a
   * large store has been read (seconds at 300,000 annotations).
   */
  leaveNow?: (unsaved: number) => void;
}

/** Draws the review screen until the reviewer quits; resolves to writes given up on (0 normally). */
export async function runReview({
  io,
  corpusName,
  session,
  theme,
  compare = false,
  leaveNow,
}: RunOptions): Promise<number> {
  const stdout = io.stdout as NodeJS.WriteStream;
  const stdin = io.stdin as NodeJS.ReadStream;
  const articles = session.articles;
  const repository = session.repository;
  // A small store is open by the first frame; a large one fills the marks in when it is.
  const opened = repository.opened;
  const initial = initialState({
    corpusName,
    compare,
    annotator: repository.annotator,
    size: { columns: stdout.columns ?? 80, rows: stdout.rows ?? 24 },
    articles,
    storeOpen: opened !== null,
    marks: opened
      ? snapshotMarks(
          opened,
          articles.map((article) => article.id),
        )
      : {},
    loading: session.finished ? null : { done: session.done, total: session.total },
    warnings: [
      ...session.problems.map((problem) => problem.message),
      ...(opened ? storeWarnings(opened) : []),
    ],
  });
  // The search code loads once the corpus is whole and the store open (its filters read
  // annotations), off the path to the first frame; its index (about a second for 10,000
  // articles) is built on the first query, not while loading.
  let engine: SearchEngine | null = null;
  let build: (() => SearchEngine) | null = null;
  const searchReady = Promise.all([session.loaded, session.ready]).then(async ([all]) => {
    const { buildSearchEngine } = await import('../search/index.js');
    build = () => buildSearchEngine(all);
  });
  let dispatchOutside: Dispatch<Action> | null = null;
  const connect = (dispatch: Dispatch<Action>) => {
    dispatchOutside = dispatch;
    const disconnect = session.connect(dispatch);
    let connected = true;
    searchReady.then(
      () => connected && dispatch({ type: 'search/ready' }),
      () => undefined,
    );
    return () => {
      connected = false;
      dispatchOutside = null;
      disconnect();
    };
  };
  const search = (query: string) => {
    if (query.trim() === '') return [];
    engine ??= build?.() ?? null;
    if (!engine) return [];
    return engine.search(query, searchContext(repository), { limit: 50 });
  };
  let unsaved = 0;
  // Asked to end from outside, the screen finishes its writes like `q` does, within a grace period.
  const onSignal = () => {
    if (!dispatchOutside) return false;
    dispatchOutside({ type: 'app/terminate' });
    dispatchOutside = null;
    setTimeout(() => {
      leave();
      process.exit(143);
    }, TERMINATE_GRACE_MS).unref();
    return true;
  };
  const leave = enterAlternateScreen(stdout, { onSignal });
  // Ink switches the terminal to raw mode only after its first frame; keys typed before that
  // would be echoed and line-buffered (Enter arriving as "\n"). Raw from the start, they wait in
  // the stream until Ink reads them.
  stdin.setRawMode?.(true);
  try {
    const instance = render(
      <App
        initial={initial}
        repository={repository}
        theme={theme}
        search={search}
        connect={connect}
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
    stdin.setRawMode?.(false);
    leave();
  }
  if (repository.opened === null) leaveNow?.(unsaved);
  return unsaved;
}
