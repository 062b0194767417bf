import { afterEach, describe, expect, it } from 'vitest';
import { startReviewSession } from '../../source/commands/review-session.js';
import type { Article } from '../../source/corpus/types.js';
import type { Repository } from '../../source/store/repository.js';
import { eventually } from '../helpers/patience.js';
import { KEYS, plain, type Rendered, renderApp, testRepository } from './harness.js';
import { reviewOnFakeTerminal } from './review-terminal.js';

const SEEDS = new URL('../../seeds/', import.meta.url).pathname;

let app: Rendered | null = null;

afterEach(() => {
  app?.unmount();
  app = null;
});

const statusBar = (frame: string) => frame.split('\n').at(-1) ?? '';
const header = (frame: string) => frame.split('\n')[0] ?? '';

/** A store whose opening is held back until the test lets it finish. */
function heldStore() {
  let release: (repository: Repository) => void = () => undefined;
  let corpus: Article[] | undefined;
  const opening = new Promise<Repository>((resolve) => {
    release = resolve;
  });
  const openStore = async (articles: Article[] | undefined) => {
    corpus = articles;
    return opening;
  };
  return { openStore, release, corpus: () => corpus };
}

/** The repository with writes that take a while, as on a busy disk. */
function slowWrites(repository: Repository): Repository {
  const later = () => new Promise((resolve) => setTimeout(resolve, 30));
  return new Proxy(repository, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      if (!['tag', 'untag', 'toggle', 'setStatus'].includes(String(name)))
        return value.bind(target);
      return async (...args: unknown[]) => {
        await later();
        return value.apply(target, args);
      };
    },
  });
}

describe('the review screen while the store is still opening', () => {
  it('draws the first frame at once, queues the tags typed meanwhile and stores them once it opens', async () => {
    const held = heldStore();
    const session = await startReviewSession(SEEDS, held.openStore, null);
    expect(session.opened).toBeNull();
    // The store opens on the whole corpus: once it is asked to, the corpus has been read.
    const articles = await eventually(held.corpus, 'the corpus to be read');
    app = await renderApp({
      articles,
      columns: 100,
      rows: 30,
      store: session.store,
      corpus: session.feed,
    });
    const first = app.frame();
    expect(header(first)).toBe(
      'margin · seeds · alice  │  article 1 of 5  │  sentence 1 of 23  │  C 0  Q 0  E 0',
    );
    expect(statusBar(first)).toMatch(/ loading annotations…$/);

    // What the store already holds is not on screen yet: a claim on the first sentence.
    const store = testRepository();
    await store.open(articles);
    const article = articles[0]!;
    await store.tag(article, article.sentences[0]!.id, 'claim');

    // Open the article; `1` and `2` on the first sentence: the screen shows a claim and a quote.
    await app.press(KEYS.enter, '1', '2');
    const typed = app.frame();
    expect(header(typed)).toContain('C 1  Q 1  E 0');
    // Opening it (in progress, if the store still has it unreviewed) and the two tags.
    expect(statusBar(typed)).toMatch(/ loading annotations… \(3 changes waiting\)$/);
    // A note starts from what is stored, which is not known yet: `n` and the keys after it wait
    // for the store, saying so. Refused, the note typed after it acted as commands: `d` marked
    // the article done, `j` moved on, and the note was lost.
    await app.press('n', 'd', 'j', 'x', KEYS.enter);
    expect(statusBar(app.frame())).toMatch(
      /^annotations are loading: keys act once they are in .*loading annotations…/,
    );
    expect(header(app.frame())).toContain('sentence 1 of 23');

    const before = app.stdout.frames.length;
    held.release(slowWrites(store));
    const opened = await app.waitFor((f) => statusBar(f).endsWith('saved'), 'the store to open');
    // No frame in between took the marks back to what the store held before the queued writes.
    const between = app.stdout.frames.slice(before).map((f) => header(plain(f)));
    expect(between.filter((h) => h.startsWith('margin') && !h.includes('C 1  Q 1  E 0'))).toEqual(
      [],
    );
    // The claim was already stored: `1` asked for a claim on screen, so it stays (no toggle off).
    expect(header(opened)).toContain('C 1  Q 1  E 0');
    expect(
      store
        .list({ article: article.id })
        .map((a) => [a.annotator, a.anchor.sentence, a.label])
        .sort(),
    ).toEqual([
      ['alice', article.sentences[0]!.id, 'claim'],
      ['alice', article.sentences[0]!.id, 'quote'],
    ]);
    // The note typed while the store opened is the first sentence's, on both its labels.
    await app.waitFor(
      () => store.list({ article: article.id }).every((a) => a.note === 'djx'),
      'the note to be stored',
    );
    // Opened while the store was loading, the article becomes "in progress" once it is open
    // (not "done": the `d` was the note's).
    expect(store.status(article.id)).toBe('in progress');
  });

  it('keeps a stored "done" on an article opened and tagged before the store was open', async () => {
    const held = heldStore();
    const session = await startReviewSession(SEEDS, held.openStore, null);
    // On a busy machine the first frame may come before any article: keys need the list.
    const articles = await eventually(held.corpus, 'the corpus to be read');
    app = await renderApp({
      articles,
      columns: 100,
      rows: 30,
      store: session.store,
      corpus: session.feed,
    });
    const store = testRepository();
    await store.open(articles);
    const article = articles[0]!;
    await store.setStatus(article.id, 'done');

    await app.press(KEYS.enter, 'j', '3');
    expect(statusBar(app.frame())).toMatch(/ loading annotations… \(2 changes waiting\)$/);
    held.release(store);
    const opened = await app.waitFor((f) => statusBar(f).endsWith('saved'), 'the store to open');
    expect(header(opened)).toContain('sentence 2 of 23  │  C 0  Q 0  E 1');
    expect(store.status(article.id)).toBe('done');
    expect(store.list({ article: article.id }).map((a) => [a.anchor.sentence, a.label])).toEqual([
      [article.sentences[1]!.id, 'event'],
    ]);
  });
});

describe('quitting while the store is still opening', () => {
  /** The whole review as the command runs it, on a fake terminal; `leaveNow` calls are recorded. */
  async function review(openStore: (articles: Article[] | undefined) => Promise<Repository>) {
    const session = await startReviewSession(SEEDS, openStore, null);
    const terminal = reviewOnFakeTerminal(session);
    const { stdin, controller, screen } = terminal;
    let returned: number | null = null;
    const running = terminal.running.then((unsaved) => {
      returned = unsaved;
    });
    const waitFor = (what: string, predicate: () => boolean) =>
      eventually(() => (predicate() ? true : undefined), what, 1000, screen);
    await waitFor('the first frame', () => screen().includes('loading annotations…'));
    // On a busy machine the first frame may come before any article: keys need the list.
    await waitFor('the list', () => screen().includes('article 1 of 5'));
    const press = async (...keys: string[]) => {
      for (const key of keys) {
        stdin.write(key);
        for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setImmediate(resolve));
      }
    };
    return { controller, screen, press, waitFor, running, returned: () => returned };
  }

  it('leaves at once when nothing waits to be written, though the store never finishes opening', async () => {
    const run = await review(() => new Promise<Repository>(() => undefined));
    await run.press('j', 'q');
    await run.running;
    // Nothing waited to be written and the store is still not open: the command leaves now
    // instead of waiting for the store's read.
    expect(run.returned()).toBe(0);
    expect(run.controller.repository).toBeNull();
  });

  it('waits, saying so, while a tag typed before the store opened is not yet written', async () => {
    const held = heldStore();
    const run = await review(held.openStore);
    await run.press(KEYS.enter, '1', 'q');
    await run.waitFor('"saving…"', () => run.screen().includes('saving… margin quits once'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(run.returned()).toBeNull();

    const store = testRepository();
    await store.open(held.corpus()!);
    held.release(store);
    await run.running;
    expect(run.returned()).toBe(0);
    expect(run.controller.repository).not.toBeNull();
    const article = held.corpus()![0]!;
    expect(store.list({ article: article.id }).map((a) => [a.anchor.sentence, a.label])).toEqual([
      [article.sentences[0]!.id, 'claim'],
    ]);
  });
});
