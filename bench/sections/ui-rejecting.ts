/**
 * `r` and `u` on a suggested sentence, one after the other (each a change of the annotator's
 * rejections file on disk, written behind the frame), keypress → frame, with a reviewer's year of
 * rejections already in the file, or none: the ui section's method (the App through Ink into an
 * in-memory stdout). A key pressed while the file is being written waits for what the write does
 * on the main thread: that is what the figure shows against the one with no rejections.
 */

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_SEED, generateLongArticle } from '../generate.js';
import { FakeStdin, FakeStdout } from '../harness/fake-terminal.js';
import { type Sample, summarize } from '../measure.js';

const COLUMNS = 120;
const ROWS = 40;

/** A file of `count` rejections as margin writes it: one a line, by article, then sentence. */
function rejectionsFile(count: number): string {
  const lines: string[] = [];
  for (let at = 0; at < count; at += 1) {
    const article = `a${String(Math.floor(at / 10)).padStart(6, '0')}_d7fb493d5d978b6e`;
    const sentence = `s${(Math.imul(at, 2654435761) >>> 0).toString(16).padStart(8, '0')}`;
    lines.push(`    ${JSON.stringify({ article, sentence, labels: ['claim'] })}`);
  }
  lines.sort();
  const head =
    '{\n  "schema": "margin.suggest-rejections",\n  "version": 1,\n  "annotator": "bench",\n';
  return count === 0
    ? `${head}  "rejections": []\n}\n`
    : `${head}  "rejections": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

export interface Rejecting {
  /** Keypress → frame of each `r` and `u`. */
  keys: Sample;
  /** The longest the main thread went without coming back to a 1 ms timer while they ran. */
  blockedMs: number;
}

/** `pairs` of `r` then `u` with `count` rejections in the file. */
export async function rejectKeys(count: number, pairs: number): Promise<Rejecting> {
  const {
    App,
    ReviewController,
    buildArticle,
    bytesToSource,
    createElement,
    createMemoryRepository,
    diskRejectionStore,
    initialState,
    makeTheme,
    render,
  } = await import('../harness/shipped-screen.js');
  const folder = await mkdtemp(path.join(tmpdir(), 'margin-bench-rejecting-'));
  const root = path.join(folder, 'store');
  await mkdir(path.join(root, 'bench'), { recursive: true });
  await writeFile(path.join(root, 'bench', '.suggest-rejections.json'), rejectionsFile(count));
  const source = generateLongArticle(DEFAULT_SEED, 500);
  const article = buildArticle('long', 'long.txt', bytesToSource('long.txt', Buffer.from(source)));
  const repository = createMemoryRepository('bench');
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
  // A model that is never saved: the timing is of the rejections file, not of the model's.
  const models = {
    read: async () => ({ kind: 'missing' as const }),
    write: async () => undefined,
  };
  // As `margin review` keeps them: the file on disk, each change journaled before its frame.
  const rejections = diskRejectionStore(root, 'bench', root, path.join(folder, 'journal'));
  const controller = new ReviewController({
    initial,
    store: Promise.resolve(repository),
    suggestions: { models, rejections },
  });
  controller.start();
  const instance = render(createElement(App, { controller, theme: makeTheme(true) }), {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const deadline = performance.now() + 60_000;
  while (!controller.getState().suggestions.byArticle[article.id]) {
    if (performance.now() > deadline) throw new Error('no suggestions after 60 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const press = async (key: string) => {
    const frame = stdout.next();
    const start = performance.now();
    stdin.write(key);
    await frame;
    return performance.now() - start;
  };
  const suggested = controller.getState().suggestions.byArticle[article.id]?.sentences ?? {};
  const at = article.sentences.findIndex((sentence) => suggested[sentence.id]);
  for (let step = 0; step < at; step += 1) await press('j');
  let last = performance.now();
  let blockedMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    blockedMs = Math.max(blockedMs, now - last);
    last = now;
  }, 1);
  const times: number[] = [];
  for (let pair = 0; pair < pairs; pair += 1) {
    times.push(await press('r'));
    times.push(await press('u'));
  }
  clearInterval(timer);
  await controller.rejectionsSettled();
  controller.stop();
  instance.unmount();
  rejections.close?.();
  await rm(folder, { recursive: true, force: true });
  return { keys: summarize(times), blockedMs };
}
