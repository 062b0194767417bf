import { render, useInput } from 'ink';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { FakeStdin, FakeStdout } from '../../bench/harness/fake-terminal.js';
import type { Article } from '../../source/corpus/types.js';
import { GOLD } from '../../source/export/adjudication.js';
import {
  ReviewController as Controller,
  type ReviewController,
} from '../../source/review/controller.js';
import { keyContext } from '../../source/review/interpret.js';
import { KEYMAP } from '../../source/review/keymap.js';
import type { KeyState } from '../../source/review/keys.js';
import { currentArticle, cursorOf, listHeight } from '../../source/review/selectors.js';
import { initialState, type ReviewState } from '../../source/review/state.js';
import { snapshotMarks } from '../../source/review/sync.js';
import { READER_START } from '../../source/review/view/geometry.js';
import { paneLayout } from '../../source/review/view/layout.js';
import { buildSearchEngine, storeFacts } from '../../source/search/index.js';
import { createMemoryRepository, makeAnchor } from '../../source/store/index.js';
import type { Repository } from '../../source/store/repository.js';
import type { Annotation } from '../../source/store/types.js';
import { App } from '../../source/ui/components/App.js';
import { keyboardStdin } from '../../source/ui/keyboard-stdin.js';
import { makeTheme } from '../../source/ui/theme.js';
import { articleOfSentences } from '../helpers/articles.js';
import { keyOf } from '../helpers/keys.js';
import { patience } from '../helpers/patience.js';
import { fuzzSeed, Random } from '../helpers/random.js';
import { seedArticles } from '../ui/harness.js';
import { wholeReader } from './whole-reader.js';

/**
 * 10,000 random keys through the real key path: raw terminal bytes into Ink's own input parsing
 * (a component with `useInput`, as the App has), then the controller's interpreter, reducer and
 * write queue over an in-memory store. After every chunk the state must hold together; once the
 * writes are done the store must hold what the screen shows; undo then redo must give back the
 * same store; and a sample of states drawn by the App must fit the terminal and carry no raw
 * control byte from the articles.
 */

const SEED = fuzzSeed(20261202);
const SESSIONS = 4;
const KEYS_PER_SESSION = 2_500;

/** What a terminal sends for the named keys of the keymap. */
const NAMED: Record<string, string> = {
  upArrow: '\x1b[A',
  downArrow: '\x1b[B',
  rightArrow: '\x1b[C',
  leftArrow: '\x1b[D',
  pageDown: '\x1b[6~',
  pageUp: '\x1b[5~',
  home: '\x1b[H',
  end: '\x1b[F',
  return: '\r',
  escape: '\x1b',
  tab: '\t',
};

/** Every key of the keymap as raw bytes, so keys other branches add are fuzzed as well. */
function keymapBytes(): string[] {
  const out = new Set<string>();
  for (const entry of KEYMAP) {
    for (const binding of entry.keys) {
      if (binding.key)
        out.add(binding.key === 'tab' && binding.shift ? '\x1b[Z' : NAMED[binding.key]!);
      else if (binding.ctrl)
        out.add(String.fromCharCode(binding.input!.toUpperCase().charCodeAt(0) - 64));
      else if (binding.input) out.add(binding.input);
    }
  }
  // Quitting ends a session; it gets its own, rarer, turn.
  out.delete('q');
  out.delete('\x03');
  return [...out];
}

const OTHER_KEYS = [
  '\x1b[C',
  '\x1b[D',
  '\x7f',
  '\b',
  '\x01',
  '\x05',
  '\x15',
  '\x1bOA',
  '\x1b[1;5B',
  '\x1b[3~',
  '\x1b[200~',
  '\x1b[201~',
  '\x1bj',
  '\x1b\x1b[A',
  '\x1b[',
  '\x1b]0;pwned\x07',
  '\x1bP+q\x1b\\',
  '\x00',
  '\x9b31m',
];

const TEXT = [
  'source unclear',
  'Кремль',
  '人民日报',
  '👍🏽',
  'e\u0301',
  '\u202eevil\u202c',
  'a\tb',
  'x\x1b[31my',
  'Witkoff',
  'Putin',
  ' ',
  'label:quote',
];

function chunkOf(random: Random, keys: string[]): string {
  const roll = random.next();
  if (roll < 0.55) return random.pick(keys);
  if (roll < 0.7) return random.pick(OTHER_KEYS);
  if (roll < 0.85) return random.pick(TEXT);
  if (roll < 0.97) {
    // Several keys in one read: a fast typist, a paste, a busy machine.
    const count = random.int(2, 8);
    let chunk = '';
    for (let i = 0; i < count; i += 1) {
      chunk += random.chance(0.8) ? random.pick(keys) : random.pick([...OTHER_KEYS, ...TEXT]);
    }
    return chunk;
  }
  if (random.chance(0.1)) return 'x'.repeat(random.int(10_001, 12_000));
  let text = '';
  for (let i = random.int(1, 40); i > 0; i -= 1)
    text += String.fromCodePoint(random.int(0x20, 0x2fff));
  return text;
}

const SIZES = [
  { columns: 100, rows: 30 },
  { columns: 60, rows: 15 },
  { columns: 80, rows: 24 },
  { columns: 130, rows: 36 },
  { columns: 200, rows: 50 },
  { columns: 110, rows: 15 },
  { columns: 50, rows: 12 },
  { columns: 61, rows: 40 },
];

/** An article straight from text (no cleaning): the screen's own escaping is what is tried. */
function hostileArticle(): Article {
  return articleOfSentences(
    'hostile',
    [
      [
        'Title\x1b]0;owned\x07 here.',
        'A \x1b[31mred\x1b[0m claim\x9b2J said.',
        'Bidi \u202eEVIL\u202c text.',
      ],
      ['人民日报'.repeat(30), `${'x'.repeat(300)}.`, 'Tab\there and\rcarriage.', '👍🏽'.repeat(50)],
      ['Zero\u200bwidth and e\u0301 combining.', 'Bell\x07 and NUL\x00 inside.'],
    ],
    {
      title: 'Hostile \x1b[2J\x1b]8;;http://x\x07link\u202e title',
      source: 'Evil\x1b[5m News',
      byline: 'By \x9b31m',
    },
  );
}

function annotation(
  annotator: string,
  article: Article,
  index: number,
  label: 'claim' | 'quote' | 'event',
  note?: string,
): Annotation {
  const sentence = article.sentences[index]!;
  return {
    id: `${annotator}-${article.id}-${index}-${label}`,
    article: article.id,
    annotator,
    label,
    anchor: makeAnchor(article, sentence),
    ...(note ? { note } : {}),
    created: '2025-05-01T12:00:00.000Z',
    updated: '2025-05-01T12:00:00.000Z',
  };
}

/** Hands keys to the controller as the App does: Ink parses the bytes, `useInput` delivers. */
function KeySink({ onKey }: { onKey: (input: string, key: KeyState) => void }) {
  useInput(onKey);
  return null;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Session {
  controller: ReviewController;
  stdin: FakeStdin;
  clock: { now: number };
  unmount: () => void;
}

function startSession(
  articles: Article[],
  repository: Repository,
  size: { columns: number; rows: number },
  compare: boolean,
): Session {
  const engine = buildSearchEngine(articles);
  const controller = new Controller({
    initial: initialState({
      corpusName: 'fuzz',
      annotator: repository.annotator,
      size,
      articles,
      marks: snapshotMarks(
        repository,
        articles.map((a) => a.id),
      ),
      compare,
    }),
    store: Promise.resolve(repository),
    loadSearch: async () => (query, repo) => engine.search(query, storeFacts(repo)),
    retryDelays: [1],
  });
  controller.start();
  const stdin = new FakeStdin();
  const clock = { now: 0 };
  const instance = render(
    <KeySink onKey={(input, key) => controller.press(input, key, clock.now)} />,
    {
      stdout: new FakeStdout(size.columns, size.rows) as unknown as NodeJS.WriteStream,
      // As `runReview` hands it to Ink.
      stdin: keyboardStdin(stdin as unknown as NodeJS.ReadStream),
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  return {
    controller,
    stdin,
    clock,
    unmount: () => {
      controller.stop();
      instance.unmount();
    },
  };
}

/** Waits until every write is on disk and the answers the state waits for have arrived. */
async function settle(controller: ReviewController): Promise<boolean> {
  for (let i = 0; i < 2_000; i += 1) {
    await turn();
    const state = controller.getState();
    const searching = state.mode.kind === 'search' && state.mode.hitsFor !== state.mode.query;
    const comparing = state.mode.kind === 'compare' && state.mode.rows === null;
    if (controller.pending === 0 && state.save.pending === 0 && !searching && !comparing) {
      // One more turn: the re-read of the store after the last write.
      await turn();
      return true;
    }
  }
  return false;
}

/** What the store holds, in a form two moments can be compared by. */
function storeSnapshot(repository: Repository, articles: Article[]) {
  return {
    annotations: repository
      .list()
      .map((a) => ({
        article: a.article,
        annotator: a.annotator,
        sentence: a.placement?.sentence ?? null,
        label: a.label,
        note: a.note ?? null,
        attributes: a.attributes ?? null,
      }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    status: articles.map((a) => repository.status(a.id)),
  };
}

/** What the screen shows of each article's annotations, to compare with the store. */
function shown(state: ReviewState) {
  return Object.fromEntries(
    Object.entries(state.marks).map(([id, marks]) => [
      id,
      { sentences: marks.sentences, status: marks.status },
    ]),
  );
}

/** What the screen shows is what the store holds. */
function expectShownStored(state: ReviewState, repository: Repository): void {
  const stored = snapshotMarks(repository, Object.keys(state.marks));
  expect(shown(state)).toEqual(
    Object.fromEntries(
      Object.entries(stored).map(([id, m]) => [id, { sentences: m.sentences, status: m.status }]),
    ),
  );
}

/**
 * Fails the test with `what` unless `holds`. The invariants are checked after each of 10,000
 * chunks: an `expect` per value (some 100 a chunk) was a fifth of the file's CPU time.
 */
function check(holds: boolean, what: () => string): void {
  if (!holds) expect(holds, what()).toBe(true);
}

/** Invariants that hold after every chunk, whether or not the writes are done. */
function checkState(state: ReviewState): void {
  const articles = state.articles;
  const { current, listTop } = state;
  check(
    (articles.length === 0 || current >= 0) && current < Math.max(1, articles.length),
    () => `current ${current} outside the ${articles.length} articles`,
  );
  for (const [id, cursor] of Object.entries(state.cursors)) {
    const article = articles.find((a) => a.id === id);
    check(article !== undefined, () => `a cursor on article ${id}, which is not loaded`);
    const sentences = Math.max(1, article!.sentences.length);
    check(
      cursor >= 0 && cursor < sentences,
      () => `the cursor ${cursor} of article ${id} outside its ${sentences} sentences`,
    );
  }
  for (const [id, marks] of Object.entries(state.marks)) {
    const article = articles.find((a) => a.id === id);
    check(article !== undefined, () => `marks on article ${id}, which is not loaded`);
    const ids = new Set(article!.sentences.map((s) => s.id));
    for (const [sentence, mark] of Object.entries(marks.sentences)) {
      check(ids.has(sentence), () => `marks on ${sentence}, not a sentence of ${id}`);
      check(mark.labels.length > 0, () => `an empty mark left on ${sentence}`);
    }
  }
  const layout = paneLayout(state.size);
  const article = currentArticle(state);
  if (article) {
    const { lines, firstLine, top } = wholeReader(state, article);
    const last = Math.max(0, lines.length - layout.bodyHeight);
    check(top >= 0 && top <= last, () => `the reader's top ${top} outside 0..${last}`);
    if (article.sentences.length > 0 && state.mode.kind === 'browse') {
      // The sentence under the cursor starts inside the reader's window.
      const first = firstLine[cursorOf(state, article)]!;
      check(
        first >= top && first < top + layout.bodyHeight,
        () =>
          `the cursor's sentence starts at line ${first}, outside ${top}..${top + layout.bodyHeight - 1}`,
      );
    }
  } else check(state.top === READER_START, () => `top ${state.top} with no article open`);
  const lastTop = Math.max(0, articles.length - listHeight(state));
  check(
    listTop >= 0 && listTop <= lastTop,
    () => `the list's top ${listTop} outside 0..${lastTop}`,
  );
  if (articles.length > 0) {
    check(
      current >= listTop && current < listTop + listHeight(state),
      () => `current ${current} outside the list's rows from ${listTop} (${listHeight(state)})`,
    );
  }
}

// Styles the no-colour theme draws with (bold, inverse, underline); anything else is a leak.
const THEME_SGR = /\x1b\[(?:1|22|7|27|4|24|0|39|49)?m|\x1b\[\?25[hl]/g;
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/** Draws the controller's state with the real App and checks the frame. */
async function checkFrame(controller: ReviewController): Promise<string> {
  const { columns, rows } = controller.getState().size;
  const stdout = new FakeStdout(columns, rows);
  const instance = render(<App controller={controller} theme={makeTheme(false)} />, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: new FakeStdin() as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  for (let i = 0; i < 20 && stdout.frames.length === 0; i += 1) await turn();
  instance.unmount();
  const frame = stdout.frames.at(-1) ?? '';
  expect(frame, 'the App drew no frame').not.toBe('');
  const text = frame.replace(THEME_SGR, '');
  const leak = RAW_CONTROL.exec(text);
  expect(
    leak,
    `a raw control character ${JSON.stringify(leak?.[0])} in the frame:\n${text}`,
  ).toBeNull();
  const lines = text.split('\n');
  expect(lines.length, 'the frame is taller than the terminal').toBeLessThanOrEqual(rows);
  for (const line of lines) {
    expect(
      stringWidth(line),
      `a line wider than ${columns} columns: ${JSON.stringify(line)}`,
    ).toBeLessThanOrEqual(columns);
  }
  return text;
}

let seeds: Article[];

beforeAll(async () => {
  seeds = await seedArticles();
});

describe('10,000 random keys through the review', () => {
  for (let index = 0; index < SESSIONS; index += 1) {
    const seed = SEED + index;
    const compare = index === SESSIONS - 1;
    it(
      `holds its invariants for ${KEYS_PER_SESSION} keys (seed ${seed}${compare ? ', --compare' : ''})`,
      async () => {
        const random = new Random(seed);
        const hostile = hostileArticle();
        const empty = articleOfSentences('empty', []);
        const articles = [...seeds.slice(0, 2), hostile, empty, ...seeds.slice(2)];
        const repository = createMemoryRepository(compare ? GOLD : 'alice', {
          now: () => new Date('2025-05-01T12:00:00.000Z'),
        });
        await repository.open(articles);
        await repository.addMany([
          annotation('ana', seeds[0]!, 1, 'claim', 'ana\x1b]0;x\x07 checked'),
          annotation('ben', seeds[0]!, 1, 'quote'),
          annotation('ana', hostile, 1, 'claim', 'note \u202e\x1b[2J'),
          annotation('ben', hostile, 3, 'event'),
        ]);
        const keys = keymapBytes();
        let size = random.pick(SIZES);
        let session = startSession(articles, repository, size, compare);
        const recent: string[] = [];
        const where = (step: number) =>
          `seed ${seed} (MARGIN_FUZZ_SEED=${SEED} replays the run), key ${step}; last chunks: ${recent.map((c) => JSON.stringify(c.length > 40 ? `${c.slice(0, 40)}…` : c)).join(' ')}`;
        let frames = 0;
        let settled = true;
        try {
          await settle(session.controller);
          for (let step = 0; step < KEYS_PER_SESSION; step += 1) {
            const controller = session.controller;
            let chunk: string;
            try {
              if (random.chance(0.02)) {
                size = random.pick(SIZES);
                chunk = `resize ${size.columns}×${size.rows}`;
                controller.dispatch({ type: 'terminal/resize', size });
              } else {
                chunk = random.chance(0.003) ? random.pick(['q', '\x03']) : chunkOf(random, keys);
                session.clock.now += random.int(0, 900);
                // Only from a settled state does the store change by this chunk's keys alone.
                const before = settled ? storeSnapshot(repository, articles) : null;
                recent.push(chunk);
                if (recent.length > 12) recent.shift();
                session.stdin.write(chunk);
                checkState(controller.getState());
                settled = !random.chance(0.3);
                if (!settled) continue;
                expect(
                  await settle(controller),
                  `writes never finished: ${controller.getState().save.error}`,
                ).toBe(true);
                const state = controller.getState();
                checkState(state);
                expectShownStored(state, repository);
                const after = storeSnapshot(repository, articles);
                const context = keyContext(state);
                const browsing =
                  context === 'list' || context === 'reader' || context === 'results';
                // After an undo in the chunk, redo would redo that one, not the last change.
                const undid = /[u\x12]/.test(chunk);
                // An article opened becomes "in progress" with no step to undo: not the reviewer's.
                const opened = before && {
                  ...after,
                  status: after.status.map((status, i) =>
                    status === 'in progress' && before.status[i] === 'unreviewed'
                      ? 'unreviewed'
                      : status,
                  ),
                };
                if (
                  browsing &&
                  !undid &&
                  before &&
                  JSON.stringify(opened) !== JSON.stringify(before)
                ) {
                  // The last key changed the store: undo takes that back, redo puts it again.
                  session.clock.now += 1_000;
                  session.stdin.write(keyOf('undo'));
                  expect(await settle(controller), 'undo never finished').toBe(true);
                  expect(storeSnapshot(repository, articles), 'undo changed nothing').not.toEqual(
                    after,
                  );
                  expectShownStored(controller.getState(), repository);
                  session.stdin.write(keyOf('redo'));
                  expect(await settle(controller), 'redo never finished').toBe(true);
                  expect(storeSnapshot(repository, articles), 'redo did not restore').toEqual(
                    after,
                  );
                  expectShownStored(controller.getState(), repository);
                }
              }
              if (random.chance(0.015) || (frames === 0 && step === KEYS_PER_SESSION - 1)) {
                frames += 1;
                await checkFrame(controller);
              }
              const state = controller.getState();
              if (state.quit || state.forceQuit) {
                await settle(controller);
                if (state.quit) expect(controller.pending, 'quit with writes not on disk').toBe(0);
                session.unmount();
                session = startSession(articles, repository, size, compare);
                await settle(session.controller);
              }
            } catch (error) {
              const message =
                error instanceof Error ? (error.stack ?? error.message) : String(error);
              throw new Error(`${where(step)}\n${message}`);
            }
          }
        } finally {
          session.unmount();
        }
        expect(frames).toBeGreaterThan(0);
      },
      patience(12_000),
    );
  }
});
