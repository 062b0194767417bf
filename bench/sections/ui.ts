/**
 * The review screen: keypress → finished frame on an article of 500 sentences, and the time from
 * starting `margin` to its first frame on the seeds and on the generated corpus with a warm cache,
 * with an empty store and with the bench's 300,000 annotations (10,000 articles × 3 annotators),
 * and how long the annotations of that store take to appear.
 */

import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANNOTATORS, benchAnnotations, loadArticles, writeStore } from '../fixtures.js';
import { DEFAULT_SEED, generateLongArticle } from '../generate.js';
import { FakeStdin, FakeStdout } from '../harness/fake-terminal.js';
import { msUntilShown } from '../harness/pty-wait.js';
import { measurements, sample, summarize } from '../measure.js';
import type { BenchContext, BenchSection } from '../types.js';
import { rejectKeys } from './ui-rejecting.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = path.join(ROOT, 'dist/cli.js');
const SEEDS = path.join(ROOT, 'seeds');
const COLUMNS = 120;
const ROWS = 40;

/**
 * Renders the real App through Ink into a sink and times from writing a key to Ink writing the
 * frame it caused: reducer, React, layout and the frame string. Ink's debug mode is used so a
 * frame is written on every commit; the interactive app throttles to 30 frames a second, which
 * only delays keys arriving faster than that.
 */
async function keyToFrame(quick: boolean, suggestions = false, tags?: Tagging) {
  // As `margin review` runs it: bundled with the CLI's settings (production React among them).
  const {
    App,
    ReviewController,
    buildArticle,
    bytesToSource,
    createElement,
    createMemoryRepository,
    initialState,
    Journal,
    makeTheme,
    openRepository,
    render,
  } = await import('../harness/shipped-screen.js');
  const source = generateLongArticle(DEFAULT_SEED, 500);
  const article = buildArticle('long', 'long.txt', bytesToSource('long.txt', Buffer.from(source)));
  // Tags: the journal in a folder of its own; `disk`, the store too, as `margin review` writes it.
  const folder = tags ? await mkdtemp(path.join(tmpdir(), 'margin-bench-tags-')) : null;
  const root = folder ? path.join(folder, 'store') : '';
  const journal = folder ? new Journal(path.join(folder, 'journal'), root, 'bench') : null;
  const repository = tags?.disk
    ? await openRepository({
        root,
        annotator: 'bench',
        articles: [article],
        cacheDir: path.join(folder ?? '', 'cache'),
        onWriting: (writer, id, fp) => journal?.writing(writer, id, fp),
      })
    : createMemoryRepository('bench');
  await repository.open([article]);
  const stdout = new FakeStdout(COLUMNS, ROWS, false);
  const stdin = new FakeStdin();
  const initial = {
    ...initialState({
      corpusName: 'bench',
      annotator: 'bench',
      size: { columns: COLUMNS, rows: ROWS },
      articles: [article],
    }),
    focus: 'reader' as const,
  };
  // A model that is never saved: the timing is of the screen, not of the disk.
  const models = {
    read: async () => ({ kind: 'missing' as const }),
    write: async () => undefined,
  };
  const controller = new ReviewController({
    initial,
    store: Promise.resolve(repository),
    ...(suggestions ? { suggestions: { models } } : {}),
    ...(journal && folder
      ? {
          journal: {
            journal,
            folder: path.join(folder, 'journal'),
            root,
            annotator: 'bench',
            shown: (file: string) => file,
          },
        }
      : {}),
  });
  controller.start();
  const instance = render(createElement(App, { controller, theme: makeTheme(true) }), {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  if (suggestions) {
    const deadline = performance.now() + 30_000;
    while (!controller.getState().suggestions.byArticle[article.id]) {
      if (performance.now() > deadline) throw new Error('no suggestions after 30 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  const shown = Object.keys(
    controller.getState().suggestions.byArticle[article.id]?.sentences ?? {},
  );
  let position = 0;
  /** Resolves once every write the state asked for is done (the status bar says saved). */
  const saved = () =>
    new Promise<void>((resolve) => {
      const stop = controller.subscribe(() => {
        if (controller.getState().save.pending === 0) {
          stop();
          resolve();
        }
      });
    });
  const press = async () => {
    if (tags) {
      // `1` on the same sentence: tagged, then untagged, a write each time.
      const written = tags.disk ? saved() : null;
      const frame = stdout.next();
      stdin.write('1');
      await frame;
      if (written) await written;
      return;
    }
    // Down through the article and back up, so scrolling is part of what is timed.
    const key = Math.floor(position / (article.sentences.length - 1)) % 2 === 0 ? 'j' : 'k';
    position += 1;
    const frame = stdout.next();
    stdin.write(key);
    await frame;
  };
  const runs = tags?.disk ? (quick ? 30 : 100) : quick ? 200 : 1000;
  const figures = await sample(press, { warmup: tags?.disk ? 5 : 20, runs, minTimeMs: 1000 });
  if (controller.pending > 0) await saved();
  controller.stop();
  instance.unmount();
  journal?.close();
  if (tags?.disk) await repository.close();
  if (folder) await rm(folder, { recursive: true, force: true });
  return { figures, sentences: article.sentences.length, suggested: shown.length };
}

/**
 * A tag key instead of `j`/`k`: `journal`, each change appended to the review's journal before
 * its frame (as `margin review` does); `disk`, the store on disk, timed until the change is
 * written (fsynced) instead of until its frame.
 */
interface Tagging {
  journal: boolean;
  disk?: boolean;
}

/** What the timing waits for: the first frame, the whole corpus listed, the store's marks in. */
type Until = 'frame' | 'corpus' | 'store';

/**
 * Spawns the built CLI in a pseudo-terminal; resolves with the time to its first whole frame (or
 * to the corpus or the store having loaded behind it).
 */
async function firstFrame(
  corpus: string,
  store: string,
  cacheHome: string,
  until: Until = 'frame',
  annotator = 'bench',
) {
  const pty = await import('node-pty');
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'CI') env[key] = value;
  }
  Object.assign(env, { TERM: 'xterm-256color', XDG_CACHE_HOME: cacheHome });
  const start = performance.now();
  const child = pty.spawn(
    process.execPath,
    [CLI, '--corpus', corpus, '--store', store, '--annotator', annotator],
    {
      name: 'xterm-256color',
      cols: COLUMNS,
      rows: ROWS,
      cwd: ROOT,
      env,
    },
  );
  return msUntilShown(child, start, (output) => {
    // The save indicator closes the status bar, the last line of a frame: "loading
    // annotations…" while the store opens behind the screen, "no changes" once it is open
    // ("saved" after a write).
    const opened = output.includes('no changes') || output.includes('saved');
    const framed = opened || output.includes('loading annotations');
    const last = output.slice(output.lastIndexOf('\x1b[?2026h'));
    const done =
      until === 'frame' ||
      (until === 'store' && opened) ||
      (until === 'corpus' && opened && !/loading \d+\/\d+/.test(last));
    return framed && done;
  });
}

interface StartOptions {
  runs: number;
  label: string;
  /** A store already written (it is kept); without it, an empty one. */
  store?: string;
  until?: Until;
  annotator?: string;
  /** False when a run with the same corpus and store just warmed the cache. */
  warm?: boolean;
}

async function startTimes(corpus: string, context: BenchContext, options: StartOptions) {
  const store = options.store ?? path.join(context.workDir, 'ui-store');
  const cacheHome = path.join(context.workDir, 'ui-cache');
  await mkdir(cacheHome, { recursive: true });
  if (!options.store) await rm(store, { recursive: true, force: true });
  if (options.warm !== false) {
    context.log(`ui: warming the cache for ${options.label}`);
    await firstFrame(corpus, store, cacheHome, 'corpus', options.annotator);
  }
  const times: number[] = [];
  for (let run = 0; run < options.runs; run += 1) {
    times.push(await firstFrame(corpus, store, cacheHome, options.until, options.annotator));
  }
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
      note: 'the App bundled as the CLI ships it, through Ink into an in-memory stdout: reducer, React, layout, frame string',
    });
    context.log('ui: keypress → frame with suggestions on screen');
    const suggested = await keyToFrame(context.quick, true);
    m.timing(
      `keypress → frame, suggestions on screen (${suggested.sentences} sentences)`,
      suggested.figures,
      {
        target: '< 16 ms p95',
        note: `${suggested.suggested} sentences with a suggested label: dim badges in the gutter, the suggestion and its speaker on the status line`,
      },
    );
    context.log('ui: a tag key → frame, without and with the journal');
    const plain = await keyToFrame(context.quick, false, { journal: false });
    m.timing(`tag key → frame, no journal (${plain.sentences} sentences)`, plain.figures, {
      target: '< 16 ms p95',
      note: '`1` on one sentence, again and again: tagged, untagged; the store in memory',
    });
    const journaled = await keyToFrame(context.quick, false, { journal: true });
    m.timing(`tag key → frame, journaled (${journaled.sentences} sentences)`, journaled.figures, {
      target: '< 16 ms p95',
      note: 'the same, each change appended to the journal (writeSync, no fsync) before its frame, as margin review does',
    });
    context.log('ui: r and u with a year of rejections in the file, and with none');
    const pairs = context.quick ? 10 : 30;
    for (const count of [0, 100_000]) {
      const rejecting = await rejectKeys(count, pairs);
      m.timing(`r / u key → frame, ${count.toLocaleString('en-US')} rejections`, rejecting.keys, {
        target: '< 16 ms p95',
        note: `each key a change of the rejections file on disk (journaled before its frame, written behind it); the main thread at most ${rejecting.blockedMs.toFixed(0)} ms away from a 1 ms timer meanwhile`,
      });
    }
    context.log('ui: a tag key → the change written to the store on disk');
    const persisted = await keyToFrame(context.quick, false, { journal: true, disk: true });
    m.timing('tag key → written (store on disk, fsynced)', persisted.figures, {
      note: 'from the key until the status bar would say saved: lock, read, write, fsync, rename, folder fsync, index',
    });
    const seeds = await startTimes(SEEDS, context, {
      runs: context.quick ? 3 : 7,
      label: 'the seeds',
    });
    m.timing('first frame, seeds (built CLI in a pty)', seeds, { target: '< 400 ms' });
    const count = context.articleCount;
    const large = await startTimes(context.corpusDir, context, {
      runs: context.quick ? 2 : 5,
      label: `${count} articles`,
    });
    m.timing(`first frame, ${count} articles, warm cache, empty store`, large, {
      target: '< 1.5 s',
      note: 'the list is usable while the rest loads in the background',
    });

    // A reviewer with a big shared store: the first frame must not wait for it.
    const store = path.join(context.workDir, 'ui-store-full');
    await rm(store, { recursive: true, force: true });
    const annotations = benchAnnotations(await loadArticles(context));
    const files = await writeStore(store, annotations);
    spawnSync('sync');
    const stored = `${annotations.length.toLocaleString('en-US')} annotations`;
    context.log(`ui: a store of ${stored} in ${files.toLocaleString('en-US')} files`);
    const options = { store, annotator: ANNOTATORS[0], label: `${count} articles and the store` };
    const full = await startTimes(context.corpusDir, context, {
      ...options,
      runs: context.quick ? 2 : 5,
    });
    m.timing(`first frame, ${count} articles, warm cache, ${stored}`, full, {
      target: '< 1.5 s',
      note: `${files.toLocaleString('en-US')} store files; marks and tag counts follow when the store is open, keys that change annotations wait for it`,
    });
    const marks = await startTimes(context.corpusDir, context, {
      ...options,
      runs: context.quick ? 1 : 3,
      until: 'store',
      warm: false,
    });
    m.timing(`annotations shown, ${count} articles, ${stored}`, marks, {
      note: 'from start until the store is open and placed on the whole corpus (status bar: no changes)',
    });
    await rm(store, { recursive: true, force: true });
    return m.list;
  },
};
