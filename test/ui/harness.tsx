import { EventEmitter } from 'node:events';
import { render } from 'ink';
import { loadCorpus } from '../../source/corpus/index.js';
import type { Article } from '../../source/corpus/types.js';
import { initialState, type ReviewState } from '../../source/review/state.js';
import { snapshotMarks } from '../../source/review/sync.js';
import { createMemoryRepository } from '../../source/store/index.js';
import type { Repository } from '../../source/store/repository.js';
import { App, type AppProps } from '../../source/ui/components/App.js';
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

export class FakeStdout extends EventEmitter {
  isTTY = true;
  frames: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
  resize(columns: number, rows: number) {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

export class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write(data: string) {
    this.data = data;
    this.emit('readable');
  }
  read = () => {
    const data = this.data;
    this.data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

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
  props?: Partial<AppProps>;
  /** False: the repository is opened elsewhere (a store that is still loading). */
  open?: boolean;
}): Promise<Rendered> {
  const repository = options.repository ?? testRepository();
  if (options.open !== false) await repository.open(options.articles);
  const stdout = new FakeStdout(options.columns, options.rows);
  const stdin = new FakeStdin();
  const initial = {
    ...initialState({
      corpusName: 'seeds',
      annotator: repository.annotator,
      size: { columns: options.columns, rows: options.rows },
      articles: options.articles,
      marks: snapshotMarks(
        repository,
        options.articles.map((a) => a.id),
      ),
      searchAvailable: true,
    }),
    ...options.state,
  };
  const instance = render(
    <App initial={initial} repository={repository} theme={makeTheme(false)} {...options.props} />,
    {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    },
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
    unmount: () => instance.unmount(),
    repository,
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
