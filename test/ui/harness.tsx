import { render } from 'ink';
import { FakeStdin, FakeStdout } from '../../bench/harness/fake-terminal.js';
import { loadCorpus } from '../../source/corpus/index.js';
import type { Article } from '../../source/corpus/types.js';
import {
  type CorpusFeed,
  ReviewController,
  type ReviewControllerOptions,
  type SearchFunction,
} from '../../source/review/controller.js';
import { initialState, type ReviewState } from '../../source/review/state.js';
import { snapshotMarks, summarize } from '../../source/review/sync.js';
import { createMemoryRepository } from '../../source/store/index.js';
import type { Repository } from '../../source/store/repository.js';
import { App } from '../../source/ui/components/App.js';
import { keyboardStdin } from '../../source/ui/keyboard-stdin.js';
import { makeTheme } from '../../source/ui/theme.js';
import { patience } from '../helpers/patience.js';

const SEEDS = new URL('../../seeds/', import.meta.url).pathname;

let seeds: Promise<Article[]> | null = null;

/** The five seed articles, read once per test file with the real corpus loader. */
export function seedArticles(): Promise<Article[]> {
  seeds ??= loadCorpus(SEEDS, { cacheDir: null }).then((corpus) => corpus.articles);
  return seeds;
}

/** A repository whose ids and dates are predictable, so stored JSON can be compared exactly. */
export function testRepository(annotator = 'alice'): Repository {
  let id = 0;
  return createMemoryRepository(annotator, {
    now: () => new Date('2025-05-01T12:00:00.000Z'),
    newId: () => `id-${++id}`,
  });
}

export { FakeStdin, FakeStdout };

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

export interface Rendered {
  stdout: FakeStdout;
  /** The last frame without escape codes, trailing spaces trimmed off each line. */
  frame(): string;
  /** Types keys, one write each (as a person would), waiting for each to be handled. */
  press(...keys: string[]): Promise<void>;
  /** Writes the keys back to back, before the app gets a turn (a fast typist, a busy machine). */
  pressTogether(...keys: string[]): Promise<void>;
  waitFor(predicate: (frame: string) => boolean, what: string): Promise<string>;
  unmount(): void;
  repository: Repository;
  controller: ReviewController;
}

/**
 * Whether the frame's status bar no longer says the store is loading: it opened. (Nothing says
 * `saved` until something was written.)
 */
export function storeOpened(frame: string): boolean {
  return frame.includes('\n') && !frame.split('\n').at(-1)!.includes('loading annotations');
}

export function plain(frame: string): string {
  return frame
    .replace(ANSI, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();
}

export async function renderApp(options: {
  articles: Article[];
  columns: number;
  rows: number;
  repository?: Repository;
  state?: Partial<ReviewState>;
  /** The store still opening: the screen starts without it and writes wait for it. */
  store?: Promise<Repository>;
  corpus?: CorpusFeed;
  search?: SearchFunction;
  /** Search still getting ready: its code loads once this settles. */
  searchLoaded?: Promise<void>;
  retryDelays?: readonly number[];
  /** The project file the review watches, as `margin review` gives it. */
  projectFile?: ReviewControllerOptions['projectFile'];
}): Promise<Rendered> {
  const repository = options.repository ?? testRepository();
  const opening = options.store !== undefined;
  if (!opening) await repository.open(options.articles);
  const stdout = new FakeStdout(options.columns, options.rows);
  const stdin = new FakeStdin();
  const initial = {
    ...initialState({
      corpusName: 'seeds',
      annotator: repository.annotator,
      size: { columns: options.columns, rows: options.rows },
      articles: options.articles,
      storeOpen: !opening,
      // As the review opens: counts from the store index, the first article's sentences read.
      summaries: opening ? {} : summarize(repository),
      marks: opening
        ? {}
        : snapshotMarks(
            repository,
            options.articles.slice(0, 1).map((a) => a.id),
          ),
    }),
    ...options.state,
  };
  // Without an engine of its own the overlay opens and finds nothing, as over an empty corpus.
  const search: SearchFunction = options.search ?? (() => []);
  const controller = new ReviewController({
    initial,
    store: options.store ?? Promise.resolve(repository),
    corpus: options.corpus,
    loadSearch: async () => {
      await options.searchLoaded;
      return search;
    },
    retryDelays: options.retryDelays,
    ...(options.projectFile ? { projectFile: options.projectFile } : {}),
  });
  controller.start();
  const instance = render(<App controller={controller} theme={makeTheme(false)} />, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    // As the review reads the terminal (run.tsx): pasted text apart, Escapes made unambiguous.
    stdin: keyboardStdin(stdin as unknown as NodeJS.ReadStream),
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  stdout.on('resize', () =>
    controller.dispatch({
      type: 'terminal/resize',
      size: { columns: stdout.columns, rows: stdout.rows },
    }),
  );
  const frame = () => plain(stdout.frames.at(-1) ?? '');
  const settle = async () => {
    // Let React commit and Ink write; then effects (the write queue) get their turn.
    for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setImmediate(resolve));
  };
  const waitFor = async (predicate: (frame: string) => boolean, what: string) => {
    const deadline = Date.now() + patience(1000);
    for (;;) {
      const current = frame();
      if (predicate(current)) return current;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; last frame:\n${current}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  await settle();
  return {
    stdout,
    frame,
    async press(...keys) {
      for (const key of keys) {
        stdin.write(key);
        await settle();
      }
    },
    async pressTogether(...keys) {
      for (const key of keys) stdin.write(key);
      await settle();
    },
    waitFor,
    unmount: () => {
      controller.stop();
      instance.unmount();
    },
    repository,
    controller,
  };
}

export const KEYS = {
  enter: '\r',
  escape: '\x1b',
  tab: '\t',
  down: '\x1b[B',
  up: '\x1b[A',
  left: '\x1b[D',
  right: '\x1b[C',
  pageDown: '\x1b[6~',
  pageUp: '\x1b[5~',
  home: '\x1b[H',
  end: '\x1b[F',
  ctrlR: '\x12',
  ctrlC: '\x03',
  backspace: '\x7f',
} as const;
