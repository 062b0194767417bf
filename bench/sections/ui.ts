/**
 * The review screen: keypress → finished frame on an article of 500 sentences, and the time from
 * starting `margin` to its first frame on the seeds and on the generated corpus with a warm cache.
 */
import { EventEmitter } from 'node:events';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildArticle } from '../../source/corpus/article.js';
import { bytesToSource } from '../../source/corpus/read.js';
import { initialState } from '../../source/review/state.js';
import { createMemoryRepository } from '../../source/store/index.js';
import { makeTheme } from '../../source/ui/theme.js';
import { DEFAULT_SEED, generateLongArticle } from '../generate.js';
import { measurements, sample, summarize } from '../measure.js';
import type { BenchContext, BenchSection } from '../types.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = path.join(ROOT, 'dist/cli.js');
const SEEDS = path.join(ROOT, 'seeds');
const COLUMNS = 120;
const ROWS = 40;

class FrameSink extends EventEmitter {
  readonly isTTY = true;
  readonly columns = COLUMNS;
  readonly rows = ROWS;
  frames = 0;
  private waiting: (() => void) | null = null;
  write = (_frame: string) => {
    this.frames += 1;
    this.waiting?.();
    this.waiting = null;
    return true;
  };
  /** Resolves at the next frame Ink writes. */
  next(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }
}

class KeySource extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;
  press(key: string) {
    this.data = key;
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

/**
 * Renders the real App through Ink into a sink and times from writing a key to Ink writing the
 * frame it caused: reducer, React, layout and the frame string. Ink's debug mode is used so a
 * frame is written on every commit; the interactive app throttles to 30 frames a second, which
 * only delays keys arriving faster than that.
 */
async function keyToFrame(quick: boolean) {
  // As `margin review` runs it: React's production build (the section runs in its own process).
  process.env.NODE_ENV ??= 'production';
  const [{ render }, { createElement }, { App }] = await Promise.all([
    import('ink'),
    import('react'),
    import('../../source/ui/components/App.js'),
  ]);
  const source = generateLongArticle(DEFAULT_SEED, 500);
  const article = buildArticle('long', 'long.txt', bytesToSource('long.txt', Buffer.from(source)));
  const repository = createMemoryRepository('bench');
  await repository.open([article]);
  const stdout = new FrameSink();
  const stdin = new KeySource();
  const initial = {
    ...initialState({
      corpusName: 'bench',
      annotator: 'bench',
      size: { columns: COLUMNS, rows: ROWS },
      articles: [article],
    }),
    focus: 'reader' as const,
  };
  const instance = render(createElement(App, { initial, repository, theme: makeTheme(true) }), {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  let position = 0;
  const press = async () => {
    // Down through the article and back up, so scrolling is part of what is timed.
    const key = Math.floor(position / (article.sentences.length - 1)) % 2 === 0 ? 'j' : 'k';
    position += 1;
    const frame = stdout.next();
    stdin.press(key);
    await frame;
  };
  const figures = await sample(press, { warmup: 20, runs: quick ? 200 : 1000, minTimeMs: 1000 });
  instance.unmount();
  return { figures, sentences: article.sentences.length };
}

/** Spawns the built CLI in a pseudo-terminal; resolves with the time to its first whole frame. */
async function firstFrame(corpus: string, store: string, cacheHome: string, untilLoaded = false) {
  const pty = await import('node-pty');
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'CI') env[key] = value;
  }
  Object.assign(env, { TERM: 'xterm-256color', XDG_CACHE_HOME: cacheHome });
  const start = performance.now();
  const child = pty.spawn(
    process.execPath,
    [CLI, '--corpus', corpus, '--store', store, '--annotator', 'bench'],
    {
      name: 'xterm-256color',
      cols: COLUMNS,
      rows: ROWS,
      cwd: ROOT,
      env,
    },
  );
  let output = '';
  const ms = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no frame after 60 s:\n${output}`)), 60_000);
    child.onData((data) => {
      output += data;
      // The save indicator closes the status bar, the last line of a frame.
      const framed = output.includes('saved');
      const loaded =
        !untilLoaded || !/loading \d+\/\d+/.test(output.slice(output.lastIndexOf('\x1b[?2026h')));
      if (framed && loaded) {
        clearTimeout(timer);
        resolve(performance.now() - start);
      }
    });
  });
  const exited = new Promise<void>((resolve) => child.onExit(() => resolve()));
  child.write('q');
  await exited;
  return ms;
}

async function startTimes(corpus: string, context: BenchContext, runs: number, label: string) {
  const store = path.join(context.workDir, 'ui-store');
  const cacheHome = path.join(context.workDir, 'ui-cache');
  await mkdir(cacheHome, { recursive: true });
  await rm(store, { recursive: true, force: true });
  context.log(`ui: warming the cache for ${label}`);
  await firstFrame(corpus, store, cacheHome, true);
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) times.push(await firstFrame(corpus, store, cacheHome));
  return summarize(times);
}

export const section: BenchSection = {
  name: 'ui',
  async run(context) {
    const m = measurements('ui');
    context.log('ui: keypress → frame on a 500-sentence article');
    const keys = await keyToFrame(context.quick);
    m.timing(`keypress → frame (${keys.sentences} sentences, ${COLUMNS}×${ROWS})`, keys.figures, {
      target: '< 16 ms p95',
      note: 'the App through Ink (production React) into an in-memory stdout: reducer, React, layout, frame string',
    });
    const seeds = await startTimes(SEEDS, context, context.quick ? 3 : 7, 'the seeds');
    m.timing('first frame, seeds (built CLI in a pty)', seeds, { target: '< 400 ms' });
    const large = await startTimes(
      context.corpusDir,
      context,
      context.quick ? 2 : 5,
      `${context.articleCount} articles`,
    );
    m.timing(`first frame, ${context.articleCount} articles, warm cache`, large, {
      target: '< 1.5 s',
      note: 'the list is usable while the rest loads in the background',
    });
    return m.list;
  },
};
