import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchEngine, storeFacts } from '../../source/search/index.js';
import { openRepository } from '../../source/store/index.js';
import type { Repository } from '../../source/store/repository.js';
import { articleFromText } from '../helpers/articles.js';
import { useTempFolder as tempFolders } from '../store/temp-store.js';
import { KEYS, type Rendered, renderApp, storeOpened } from './harness.js';

const articles = [
  articleFromText('a', 'Ships left the port on Monday. The harbour closed at noon. Crews waited.', {
    title: 'Port closes',
  }),
  articleFromText(
    'b',
    'The minister said taxes would fall. Prices rose by 3%. The vote is on Friday.',
    {
      title: 'Taxes to fall',
    },
  ),
  articleFromText(
    'c',
    'A storm hit the coast overnight. Power was cut in the north. Schools shut.',
    {
      title: 'Storm hits coast',
    },
  ),
];
const [, b, c] = articles as [unknown, (typeof articles)[number], (typeof articles)[number]];

// Not a React hook: it registers an afterEach that removes the folders.
const tempFolder = tempFolders();
let app: Rendered | null = null;
const opened: Repository[] = [];

afterEach(async () => {
  app?.unmount();
  app = null;
  await Promise.all(opened.splice(0).map((repository) => repository.close()));
});

async function store(root: string, cacheDir: string, annotator = 'alice') {
  const repository = await openRepository({ root, annotator, cacheDir, articles });
  opened.push(repository);
  return repository;
}

/** The list entry's second line of the article titled `title`. */
function details(frame: string, title: string): string {
  const lines = frame.split('\n');
  const at = lines.findIndex((line) => line.includes(title));
  return (lines[at + 1] ?? '').split('│')[0]!.trim();
}

describe('the review over a team store', () => {
  it('lists counts from the store index and reads an article’s sentences when it is opened', async () => {
    const root = await tempFolder();
    const cacheDir = await tempFolder();
    const writer = await store(root, cacheDir);
    await writer.tag(b, b.sentences[0]!.id, 'claim');
    await writer.tag(b, b.sentences[1]!.id, 'claim');
    await writer.tag(b, b.sentences[1]!.id, 'quote');
    await writer.tag(c, c.sentences[0]!.id, 'event');
    await writer.setStatus(c.id, 'done');
    await writer.close();
    opened.length = 0;

    app = await renderApp({ articles, columns: 100, rows: 24, store: store(root, cacheDir) });
    const listed = await app.waitFor((frame) => storeOpened(frame), 'the store to open');
    expect(details(listed, 'Taxes to fall')).toBe('C2 Q1');
    expect(details(listed, 'Storm hits coast')).toBe('E1');
    expect(listed).toMatch(/✓ Storm hits coast/);
    // Only the article on screen was read; the others are counted.
    expect(Object.keys(app.controller.getState().marks)).toEqual(['a']);

    await app.press('j');
    const reader = await app.waitFor((frame) => frame.includes('article 2 of 3'), 'article b');
    expect(reader.split('\n')[0]).toMatch(/C 2 {2}Q 1 {2}E 0$/);
    await app.press('\r', 'j');
    const second = await app.waitFor((frame) => /sentence 2 of 3/.test(frame), 'sentence 2');
    expect(second).toMatch(/^ C +The minister said taxes would fall\.$/m);
    expect(second).toMatch(/^▶CQ +Prices rose by 3%\.$/m);
  });

  it('shows the new counts of a file changed behind a warm index, and of one written meanwhile', async () => {
    const root = await tempFolder();
    const cacheDir = await tempFolder();
    const first = await store(root, cacheDir);
    await first.tag(b, b.sentences[0]!.id, 'claim');
    await first.close();
    opened.length = 0;
    // The same annotator's file from elsewhere (a pull), written without this index.
    const elsewhere = await openRepository({ root, annotator: 'alice', cacheDir: null, articles });
    await elsewhere.tag(b, b.sentences[2]!.id, 'event');
    await elsewhere.close();

    app = await renderApp({ articles, columns: 100, rows: 24, store: store(root, cacheDir) });
    const listed = await app.waitFor((frame) => storeOpened(frame), 'the store to open');
    expect(details(listed, 'Taxes to fall')).toBe('C1 E1');
    expect(details(listed, 'Storm hits coast')).toBe('no tags');

    // Another process tags an article nobody has opened here: its count follows.
    const teammate = await openRepository({ root, annotator: 'alice', cacheDir: null, articles });
    opened.push(teammate);
    await teammate.tag(c, c.sentences[1]!.id, 'quote');
    const updated = await app.waitFor(
      (frame) => details(frame, 'Storm hits coast') === 'Q1',
      'the written count in the list',
    );
    expect(details(updated, 'Taxes to fall')).toBe('C1 E1');
  });

  it('finds by label over articles never opened, and jumps to one showing its labels', async () => {
    const root = await tempFolder();
    const cacheDir = await tempFolder();
    const writer = await store(root, cacheDir);
    await writer.tag(c, c.sentences[1]!.id, 'event');
    await writer.tag(b, b.sentences[0]!.id, 'claim');
    await writer.close();
    opened.length = 0;

    const engine = buildSearchEngine(articles);
    const search = (query: string, repository: Repository) =>
      engine.search(query, storeFacts(repository));
    app = await renderApp({
      articles,
      columns: 100,
      rows: 24,
      store: store(root, cacheDir),
      search,
    });
    await app.waitFor((frame) => storeOpened(frame), 'the store to open');
    await app.press('/');
    await app.pressTogether('label:event', KEYS.enter);
    const jumped = await app.waitFor(
      (frame) => frame.includes('article 3 of 3') && frame.includes('sentence 2 of 3'),
      'the event in article c',
    );
    expect(jumped).toMatch(/^▶ {2}E +Power was cut in the north\.$/m);
    expect(jumped.split('\n')[0]).toMatch(/C 0 {2}Q 0 {2}E 1$/);
  });
});
