import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../source/corpus/types.js';
import { buildSearchEngine, SearchStopped, storeFacts } from '../../source/search/index.js';
import type { Repository } from '../../source/store/repository.js';
import { eventually } from '../helpers/patience.js';
import { KEYS, type Rendered, renderApp, seedArticles, testRepository } from './harness.js';

let seeds: Article[];
let app: Rendered | null = null;

beforeAll(async () => {
  seeds = await seedArticles();
});

afterEach(() => {
  app?.unmount();
  app = null;
});

const stored = (repository: Repository) =>
  repository.list().map((a) => ({
    article: a.article,
    sentence: a.anchor.sentence,
    label: a.label,
    note: a.note,
    attributes: a.attributes,
  }));

describe('the review screen', () => {
  it('says which size it needs on a small terminal and recovers when enlarged', async () => {
    app = await renderApp({ articles: seeds, columns: 50, rows: 12 });
    expect(app.frame()).toBe(
      'margin needs at least 60×15; this terminal is\n50×12. Enlarge it (q quits).',
    );
    // Keys behind that screen act on nothing a person can see: none of them acts.
    await app.press(KEYS.enter, '1', 'd', 'j', 'n', 'x');
    app.stdout.resize(100, 30);
    const frame = await app.waitFor((f) => f.includes('article 1 of 5'), 'the list');
    expect(frame.split('\n').slice(1, 3)).toEqual([
      '▶ · Russia said on Friday it is preparing for direct talks between presidents…',
      '    The National · 2025-03-14 · no tags',
    ]);
    expect(frame).toContain('article 1 of 5');
    expect(app.controller.getState().focus).toBe('list');
    expect(stored(app.repository)).toEqual([]);
  });

  it('shows side by side which pane has the keyboard: a solid cursor there, a hollow one in the other', async () => {
    app = await renderApp({ articles: seeds, columns: 130, rows: 36 });
    const cursors = (frame: string) => {
      const lines = frame.split('\n').slice(1, -1);
      return {
        list: lines.map((l) => l[0]).find((c) => c === '▶' || c === '▷'),
        reader: lines.map((l) => l.split('│')[1]?.[0]).find((c) => c === '▶' || c === '▷'),
      };
    };
    expect(cursors(app.frame())).toEqual({ list: '▶', reader: '▷' });
    await app.press(KEYS.enter);
    expect(cursors(await app.waitFor((f) => f.endsWith('saved'), 'the reader'))).toEqual({
      list: '▷',
      reader: '▶',
    });
    await app.press(KEYS.tab);
    expect(cursors(app.frame())).toEqual({ list: '▶', reader: '▷' });
  });

  it('re-wraps the reader at once when the terminal is resized', async () => {
    app = await renderApp({ articles: seeds, columns: 100, rows: 30 });
    await app.press(KEYS.enter);
    await app.waitFor(
      (f) =>
        f.includes(
          '▶      Russia said on Friday it is preparing for direct talks between presidents Vladimir Putin and',
        ),
      'wide',
    );
    app.stdout.resize(70, 20);
    const frame = await app.waitFor(
      (f) =>
        f.split('\n')[3] ===
        '▶      Russia said on Friday it is preparing for direct talks between',
      'narrow',
    );
    expect(frame.split('\n')[4]).toBe(
      '       presidents Vladimir Putin and Donald Trump on a potential',
    );
  });

  it('stores exactly what the keys asked for: tags, note, attributes, undo, redo, done', async () => {
    app = await renderApp({ articles: seeds, columns: 100, rows: 30 });
    const article = seeds[0]!;
    const [s0, s1] = article.sentences;
    await app.press(KEYS.enter, '1', '2', 'j', '3', 'u', KEYS.ctrlR, 'x', 'k');
    await app.press('n');
    await app.press('check with Peskov');
    await app.press(KEYS.enter, 'a');
    await app.press('Kremlin');
    await app.press(KEYS.tab);
    await app.press('Peskov');
    await app.press(KEYS.enter, 'd');
    await app.waitFor(
      (f) => f.endsWith('saved') && f.includes('marked done'),
      'everything written',
    );
    expect(stored(app.repository)).toEqual([
      {
        article: article.id,
        sentence: s0!.id,
        label: 'claim',
        note: 'check with Peskov',
        // Each label keeps the attributes it declares: a quote has no claimant.
        attributes: { claimant: 'Kremlin' },
      },
      {
        article: article.id,
        sentence: s0!.id,
        label: 'quote',
        note: 'check with Peskov',
        attributes: { speaker: 'Peskov' },
      },
    ]);
    expect(app.repository.status(article.id)).toBe('done');
    expect(s1).toBeDefined();
    expect(app.frame().split('\n')[3]).toBe(
      '▶CQ ✎  Russia said on Friday it is preparing for direct talks between presidents Vladimir Putin and',
    );
  });

  it('draws the attribute editor over nothing of the list, however long the list', async () => {
    // A list longer than the screen: the rows the editor takes from the body must not keep
    // the list's lines below it (they showed as "▶ claimant:  es Ti… · 2019-11-20 · no tags").
    const many = Array.from({ length: 6 }, (_, copy) =>
      seeds.map((article) => ({ ...article, id: `${article.id}-${copy}` })),
    ).flat();
    app = await renderApp({ articles: many, columns: 120, rows: 30 });
    await app.press(KEYS.enter, '3', 'a');
    const frame = await app.waitFor((f) => f.includes('when:'), 'the editor');
    const lines = frame.split('\n');
    const at = lines.findIndex((l) => l.startsWith('▶ when:'));
    expect(lines[at]!.replace(/^▶ when: {2}/, '').trim()).toMatch(/^\S?$/);
    expect(lines[at + 1]!.trim()).toBe('where:');
    await app.press('Friday');
    const typed = await app.waitFor((f) => f.includes('when:  Friday'), 'the text');
    const after = typed.split('\n').find((l) => l.startsWith('▶ when:'))!;
    expect(after.replace(/^▶ when: {2}Friday/, '').trim()).toMatch(/^\S?$/);
  });

  it('keeps every key typed while a write is slow, in order', async () => {
    const repository = testRepository();
    const toggle = repository.toggle.bind(repository);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    repository.toggle = async (...args) => {
      await gate;
      return toggle(...args);
    };
    app = await renderApp({ articles: seeds, columns: 100, rows: 30, repository });
    await app.press(KEYS.enter, '1', 'j', '2', 'j', '3');
    await app.waitFor(
      (f) => f.endsWith('saving…') && f.includes('C 1  Q 1  E 1'),
      'optimistic badges',
    );
    release();
    await app.waitFor((f) => f.endsWith('saved'), 'the writes');
    const ids = seeds[0]!.sentences.map((s) => s.id);
    expect(stored(repository).map((a) => [a.sentence, a.label])).toEqual([
      [ids[0], 'claim'],
      [ids[1], 'quote'],
      [ids[2], 'event'],
    ]);
  });

  it('takes Escape and the key right behind it as two keys, in one read or two', async () => {
    app = await renderApp({ articles: seeds, columns: 100, rows: 30 });
    await app.press(KEYS.enter, '?');
    await app.waitFor((f) => f.includes('Keys ('), 'the help');
    // Esc then j in one read (Ink reads it as Alt+j): the help closes, j moves.
    await app.press(`${KEYS.escape}j`);
    await app.waitFor((f) => f.includes('sentence 2 of 23') && !f.includes('Keys ('), 'moved');
    // Esc ending one read and 1 starting the next, before the app's turn: Ink joins them.
    await app.press('?');
    await app.waitFor((f) => f.includes('Keys ('), 'the help again');
    await app.pressTogether(KEYS.escape, '1');
    await app.waitFor(
      (f) => f.endsWith('saved') && f.includes('C 1  Q 0  E 0') && !f.includes('Keys ('),
      'tagged',
    );
    expect(stored(app.repository).map((a) => [a.sentence, a.label])).toEqual([
      [seeds[0]!.sentences[1]!.id, 'claim'],
    ]);
  });

  it('takes Escape apart from Tab, Ctrl+R, Escape and signs pressed right behind it', async () => {
    app = await renderApp({ articles: seeds, columns: 100, rows: 30 });
    const helpOpen = (f: string) => f.includes('Keys (');
    const list = (f: string) => f.includes('Enter open') && !helpOpen(f);
    await app.press(KEYS.enter, '1', 'u', '?');
    await app.waitFor(
      (f) => helpOpen(f) && f.includes('C 0  Q 0  E 0'),
      'the help, nothing tagged',
    );
    // Esc Ctrl+R in one read: the help closes, the undone tag comes back.
    await app.press('\x1b\x12');
    await app.waitFor((f) => !helpOpen(f) && f.includes('C 1  Q 0  E 0'), 'redone');
    // Esc Tab: the help closes and Tab goes to the list.
    await app.press('?');
    await app.waitFor(helpOpen, 'the help');
    await app.press(`${KEYS.escape}${KEYS.tab}`);
    await app.waitFor(list, 'the list');
    // Esc Esc from the help over the reader: the help closes, then back to the list.
    await app.press(KEYS.enter, '?');
    await app.waitFor(helpOpen, 'the help over the reader');
    await app.press(`${KEYS.escape}${KEYS.escape}`);
    await app.waitFor(list, 'the list again');
    // Esc ? in one read, and an Escape ending one read with ? starting the next: each time the
    // help closes and opens again (read as ? alone, it closed the help).
    await app.press('?');
    await app.waitFor(helpOpen, 'the help from the list');
    await app.press(`${KEYS.escape}?`);
    await app.press('j');
    await app.waitFor((f) => helpOpen(f) && !f.includes('\nMove\n'), 'the help scrolled');
    await app.pressTogether(KEYS.escape, '?');
    await app.waitFor((f) => helpOpen(f) && f.includes('\nMove\n'), 'the help from its top');
  });

  it('takes a paste right behind an Escape as a paste, never as keys', async () => {
    app = await renderApp({ articles: seeds, columns: 100, rows: 30 });
    await app.press(KEYS.enter);
    await app.waitFor((f) => !f.includes('Enter open'), 'the reader');
    // The Escape ends one read and the paste starts the next, before the app's turn.
    await app.pressTogether(KEYS.escape, '\x1b[200~one x d\x1b[201~');
    await app.waitFor(
      (f) => f.includes('paste ignored: notes, search, attributes take it'),
      'the paste refused',
    );
    // The Escape went back to the list; the paste's x and d removed and marked nothing.
    expect(app.frame()).toContain('C 0  Q 0  E 0');
    expect(app.frame()).toContain('The Moscow Times · no tags');
    expect(stored(app.repository)).toEqual([]);
  });

  it('reads Escape joined to a key in a note as Escape, then the key, and gives the draft back', async () => {
    // tmux (escape-time) and slow links send Esc then ? as one chunk, as a terminal sends Alt+?.
    app = await renderApp({ articles: seeds, columns: 100, rows: 30 });
    await app.press(KEYS.enter, 'n', 'a', 'b');
    await app.waitFor((f) => f.includes('note: ab'), 'the draft');
    await app.press('\x1b?');
    await app.waitFor(
      (f) => /keys/i.test(f) && !f.includes('note: ab'),
      'the help, the note closed',
    );
    await app.press(KEYS.escape);
    await app.waitFor((f) => !/Esc close/.test(f), 'the help closed');
    await app.press('n', 'c');
    await app.waitFor((f) => f.includes('note: abc'), 'the cancelled draft, back');
  });

  it('shows a failed write, retries it, and saves it when the disk recovers', async () => {
    const repository = testRepository();
    const toggle = repository.toggle.bind(repository);
    // The disk refuses until the test has seen the error on screen: a failure that heals on its
    // own within a few milliseconds could be over before a loaded machine draws it.
    let refusing = true;
    const FILE = '/srv/newsroom/ceasefire/annotations/ana/000_4b207f45d15cbf96.json';
    repository.toggle = async (...args) => {
      if (refusing) throw new Error(`EACCES: permission denied, open '${FILE}'`);
      return toggle(...args);
    };
    app = await renderApp({
      articles: seeds,
      columns: 100,
      rows: 30,
      repository,
      retryDelays: [20],
    });
    await app.press(KEYS.enter, '1');
    await app.waitFor(
      (f) => f.endsWith('(! shows)') && f.includes('save failed, retrying: EACCES: permissi'),
      'the error, cut short',
    );
    // `!` shows the whole reason: the file that could not be written.
    await app.press('!');
    const problems = await app.waitFor((f) => f.includes('000_4b207f45d15cbf96.json'), 'the file');
    expect(problems.replace(/\s+/g, ' ')).toContain(`EACCES: permission denied, open '${FILE}'`);
    await app.press(KEYS.escape);
    refusing = false;
    await app.waitFor((f) => f.endsWith('saved'), 'the retry');
    expect(stored(repository).map((a) => a.label)).toEqual(['claim']);
  });

  it('does not quit while a write is pending, and quits once it is written', async () => {
    const repository = testRepository();
    const toggle = repository.toggle.bind(repository);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    repository.toggle = async (...args) => {
      await gate;
      return toggle(...args);
    };
    let exited = -1;
    app = await renderApp({ articles: seeds, columns: 100, rows: 30, repository });
    void app.controller.finished.then((unsaved) => {
      exited = unsaved;
    });
    await app.press(KEYS.enter, '1', 'q');
    await app.waitFor(
      (f) => f.includes('saving… margin quits once everything is written'),
      'waiting',
    );
    expect(exited).toBe(-1);
    release();
    await eventually(() => (exited === -1 ? undefined : exited), 'the exit after the write');
    expect(exited).toBe(0);
    expect(stored(repository).map((a) => a.label)).toEqual(['claim']);
  });

  it('searches from /: type, ↓, Enter lands the reader on the chosen sentence', async () => {
    const repository = testRepository();
    const engine = buildSearchEngine(seeds);
    const search = (query: string) => engine.search(query, storeFacts(repository));
    app = await renderApp({ articles: seeds, columns: 100, rows: 30, repository, search });
    await app.press('/');
    await app.press('Witkov');
    await app.waitFor((f) => /\d+ results/.test(f), 'results');
    const hits = search('Witkov');
    await app.press(KEYS.down, KEYS.enter);
    const chosen = hits[1]!;
    const article = seeds.find((a) => a.id === chosen.article)!;
    const index = article.sentences.findIndex((s) => s.id === chosen.sentence);
    const frame = await app.waitFor(
      (f) => f.includes(`sentence ${index + 1} of ${article.sentences.length}`),
      'the hit',
    );
    const line = frame.split('\n').find((l) => l.startsWith('▶'))!;
    expect(chosen.text.startsWith(line.slice(7))).toBe(true);
    expect(frame.split('\n').at(-1)).toMatch(/^result 2 of \d+: n\/N, Esc back/);
    // Tagged, the message gives way to the hints: they still say n steps the results, where in
    // them the reviewer is, and that the note is on m.
    await app.press('2');
    const tagged = await app.waitFor((f) => f.split('\n').at(-1)!.includes('m note'), 'hints');
    expect(tagged.split('\n').at(-1)).toContain(`n/N result 2/${hits.length} · m note`);
    expect(tagged.split('\n').at(-1)).not.toContain('n note');
    await app.press(KEYS.escape);
    const back = await app.waitFor((f) => !f.split('\n').at(-1)!.includes('n/N'), 'ended');
    expect(back.split('\n').at(-1)).not.toContain('m note');
  });

  it('shows loading progress and unreadable files under the list, and the list works meanwhile', async () => {
    app = await renderApp({
      articles: seeds.slice(0, 2),
      columns: 100,
      rows: 30,
      state: {
        loading: { done: 2, total: 8 },
        warnings: [
          'broken.html: not valid UTF-8 and no encoding could be guessed',
          'empty.txt: empty file',
        ],
      },
    });
    await app.press('j');
    const lines = app.frame().split('\n');
    expect(lines[0]).toBe(
      'margin · seeds · alice  │  article 2 of 2+  │  sentence 1 of 12  │  C 0  Q 0  E 0',
    );
    expect(lines.slice(25, 28)).toEqual([
      `loading 2/8 ${'█'.repeat(19)}${'░'.repeat(57)}`,
      '⚠ broken.html: not valid UTF-8 and no encoding could be guessed',
      '⚠ empty.txt: empty file',
    ]);
  });

  it('says the files are being listed before a first read knows how many there are', async () => {
    app = await renderApp({
      articles: [],
      columns: 100,
      rows: 30,
      state: { loading: { done: 0, total: 0 } },
    });
    expect(app.frame()).toContain('listing the corpus files…');
    expect(app.frame()).not.toContain('loading 0/0');
  });

  it('explains how to add articles when the corpus is empty', async () => {
    app = await renderApp({
      articles: [],
      columns: 100,
      rows: 30,
      state: { warnings: ['notes.pdf: not a text, Markdown or HTML file'] },
    });
    expect(app.frame()).toBe(
      [
        'margin · seeds · alice',
        '',
        '  No articles yet',
        '',
        '  The corpus folder seeds holds no article margin can read.',
        '',
        '  To add articles, either',
        // Saved pages and scrapers' records are read too (qa52).
        "    • put articles into seeds (.txt, .md, .html, .mhtml or a scraper's .json, one a file), then",
        '      start margin again, or',
        '    • pass another folder: margin --corpus DIR',
        '',
        '  Files that could not be read (1; ! shows each in full):',
        '    ⚠ notes.pdf: not a text, Markdown or HTML file',
        '',
        '  q quits.',
        ...Array(13).fill(''),
        // Only the keys that do something here, and no `saved` where nothing was (qa52).
        '! problems · ? help · q quit',
      ].join('\n'),
    );
  });

  // verify52: at 60 columns the wrapped bullet's second line began one column further in.
  it('wraps the empty corpus screen under each bullet at 60×15', async () => {
    app = await renderApp({ articles: [], columns: 60, rows: 15 });
    const lines = app.frame().split('\n');
    const first = lines.findIndex((line) => line.startsWith('    • put articles'));
    const under = lines.slice(
      first + 1,
      lines.indexOf('    • pass another folder: margin --corpus DIR'),
    );
    expect(under.length).toBeGreaterThan(1);
    for (const line of under) expect(line).toMatch(/^ {6}\S/);
  });

  it('lists orphaned annotations under the text', async () => {
    const repository = testRepository();
    await repository.open(seeds);
    const article = seeds[1]!;
    await repository.tag(article, article.sentences[0]!.id, 'claim');
    const edited = {
      ...article,
      text: article.text.replace(article.sentences[0]!.text, 'Entirely different words now.'),
      sentences: article.sentences.slice(1),
      hash: 'changed',
    };
    const articles = [seeds[0]!, edited, ...seeds.slice(2)];
    app = await renderApp({ articles, columns: 100, rows: 30, repository });
    await app.press('j', KEYS.enter, 'G');
    const frame = await app.waitFor(
      (f) => f.includes('Orphaned annotations (1)'),
      'the orphan list',
    );
    expect(frame).toContain(`  C “${article.sentences[0]!.text.slice(0, 40)}`);
  });
});

describe('text inputs', () => {
  it('show the note input with its key hints and the save indicator when there is room', async () => {
    app = await renderApp({ articles: seeds, columns: 130, rows: 36 });
    await app.press(KEYS.enter, '1', 'n', 'ask Peskov');
    expect(app.frame().split('\n').at(-1)).toMatch(
      /^✎ note: ask Peskov▏ +Enter save · Esc cancel {2}saved$/,
    );
  });

  it('show where the cursor is without colour (no reverse video then): a bar between characters', async () => {
    app = await renderApp({ articles: seeds, columns: 130, rows: 36 });
    await app.press(KEYS.enter, '1', 'n', 'ask Peskov', KEYS.left, KEYS.left);
    expect(app.frame().split('\n').at(-1)).toMatch(/^✎ note: ask Pesk▏ov +Enter/);
    await app.press(KEYS.escape, '/', 'witkof', KEYS.left);
    expect(app.frame().split('\n')[1]).toBe('/ witko▏f');
  });

  const slowToggle = (repository: Repository) => {
    const toggle = repository.toggle.bind(repository);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    repository.toggle = async (...args) => {
      await gate;
      return toggle(...args);
    };
    return () => release();
  };
  const notes = (repository: Repository) => stored(repository).map((a) => [a.label, a.note]);

  it('keep a note typed in the same chunk as n, with its Enter', async () => {
    app = await renderApp({ articles: seeds, columns: 100, rows: 30 });
    await app.press(KEYS.enter, '1');
    await app.press('nUshakov is the source\r');
    await app.waitFor((f) => f.endsWith('saved') && f.includes('✎'), 'the note');
    expect(notes(app.repository)).toEqual([['claim', 'Ushakov is the source']]);
  });

  it('keep a note whose Enter arrives before the app has caught up with the typing', async () => {
    app = await renderApp({ articles: seeds, columns: 100, rows: 30 });
    await app.press(KEYS.enter, '1', 'n');
    await app.pressTogether('Ushakov', ' is the source', KEYS.enter);
    await app.waitFor((f) => f.endsWith('saved') && f.includes('✎'), 'the note');
    expect(notes(app.repository)).toEqual([['claim', 'Ushakov is the source']]);
  });

  it('keep a note typed right after a tag whose write is still in flight', async () => {
    const repository = testRepository();
    const release = slowToggle(repository);
    app = await renderApp({ articles: seeds, columns: 100, rows: 30, repository });
    await app.press(KEYS.enter);
    await app.pressTogether('j', '3', 'n', 'Ushakov is', ' the source', KEYS.enter);
    await app.waitFor((f) => f.endsWith('saving…') && f.includes('✎'), 'the optimistic note');
    release();
    await app.waitFor((f) => f.endsWith('saved'), 'the writes');
    expect(notes(repository)).toEqual([['event', 'Ushakov is the source']]);
    expect(
      app
        .frame()
        .split('\n')
        .find((line) => line.startsWith('▶')),
    ).toMatch(/^▶ {2}E✎ /);
  });

  it('take a note on an untagged sentence, then its label, and keep the keys typed after n out of the reader', async () => {
    app = await renderApp({ articles: seeds, columns: 100, rows: 30 });
    await app.press(KEYS.enter);
    await app.press('nsource unclear');
    await app.press(KEYS.enter);
    const frame = app.frame();
    expect(frame.split('\n').at(-1)).toMatch(
      /^✎ note: source unclear +its label\? 1 claim, 2 quote, 3 event · Esc: note +saved$/,
    );
    // "source unclear" read as keys would have paged down (space), undone (u) and cleared (c…).
    expect(frame).toContain('sentence 1 of 23');
    expect(stored(app.repository)).toEqual([]);
    await app.press('2');
    await app.waitFor((f) => f.includes('quote tagged, note saved'), 'the tag and the note');
    expect(notes(app.repository)).toEqual([['quote', 'source unclear']]);
    expect(app.frame()).toContain('sentence 1 of 23');
  });

  it('say at 80 columns, whole, beside a long note, that it is unsaved and which label it takes', async () => {
    app = await renderApp({ articles: seeds, columns: 80, rows: 24 });
    await app.press(KEYS.enter);
    const note = 'source unclear here, check it against the wire copy before tagging';
    await app.press(`n${note}`);
    await app.press(KEYS.ctrlC);
    const warned = await app.waitFor((f) => f.includes('unsaved'), 'the warning');
    expect(warned.split('\n').at(-1)).toMatch(
      /^✎ note: .*tagging▏? {2}note unsaved: Ctrl\+C again drops it · Enter saves {2}saved$/,
    );
    await app.press(KEYS.enter);
    const asked = await app.waitFor((f) => f.includes('its label?'), 'the label asked for');
    expect(asked.split('\n').at(-1)).toMatch(
      /^✎ note: source .* {2}its label\? 1 claim, 2 quote, 3 event · Esc: note {2}saved$/,
    );
    expect(app.controller.getState().quit).toBe(false);
  });

  it('edit the typed text with Backspace and the arrows before Enter', async () => {
    app = await renderApp({ articles: seeds, columns: 100, rows: 30 });
    await app.press(KEYS.enter, '1', 'n');
    await app.pressTogether('Peskof', KEYS.backspace, 'v', KEYS.left, KEYS.left, KEYS.left, 'Mr ');
    await app.pressTogether(KEYS.right, KEYS.right, KEYS.right, KEYS.right, ' said', KEYS.enter);
    await app.waitFor((f) => f.endsWith('saved') && f.includes('✎'), 'the note');
    expect(notes(app.repository)).toEqual([['claim', 'PesMr kov said']]);
  });

  /** Whether a frame's header shows the reader at a search hit's sentence. */
  const atHit =
    (hit: { article: string; sentence: string }) =>
    (frame: string): boolean => {
      const article = seeds.find((a) => a.id === hit.article)!;
      const index = article.sentences.findIndex((s) => s.id === hit.sentence);
      return frame.includes(`sentence ${index + 1} of ${article.sentences.length}`);
    };

  it('search with a query whose Enter comes in the same chunk', async () => {
    const engine = buildSearchEngine(seeds);
    const repository = testRepository();
    const search = (query: string) => engine.search(query, storeFacts(repository));
    app = await renderApp({ articles: seeds, columns: 100, rows: 30, repository, search });
    await app.press('/');
    await app.pressTogether('Baku', KEYS.enter);
    await app.waitFor(atHit(search('Baku')[0]!), 'the first hit');
  });

  /** Search as the review runs it, with a typing budget that runs out at the first sentence read. */
  const impatient = (repository: ReturnType<typeof testRepository>) => {
    const engine = buildSearchEngine(seeds);
    return (query: string, _repository: unknown, whole: boolean | 'in turns') => {
      try {
        return engine.search(query, storeFacts(repository), whole ? {} : { giveUp: () => true });
      } catch (error) {
        if (error instanceof SearchStopped) return null;
        throw error;
      }
    };
  };

  it('says when a search while typing stopped, and Enter has it read everything', async () => {
    const repository = testRepository();
    const impatientSearch = impatient(repository);
    // What the screen shows while Enter's search reads (at 100,000 articles, for seconds).
    let whileReading = '';
    const search: typeof impatientSearch = (query, store, whole) => {
      if (whole && app) whileReading = app.frame();
      return impatientSearch(query, store, whole);
    };
    app = await renderApp({ articles: seeds, columns: 100, rows: 30, repository, search });
    await app.press('/');
    await app.press('"of the"');
    await app.waitFor((f) => f.includes('Enter searches them all'), 'the search that stopped');
    expect(app.frame()).not.toMatch(/\d+ results?/);
    const hits = search('"of the"', repository, true)!;
    expect(hits.length).toBeGreaterThan(1);
    await app.press(KEYS.enter);
    // The results, to choose from: the first Enter searched, the next one opens.
    await app.waitFor((f) => f.includes(`${hits.length} results`), 'every result');
    expect(whileReading).toContain(
      'reading every sentence with these words… Esc stops it, typing searches anew',
    );
    expect(app.frame()).toContain('/ "of the"');
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor(atHit(hits[1]!), 'the second hit');
  });

  it('opens the first result of a search that stopped when Enter came with the query', async () => {
    const repository = testRepository();
    const search = impatient(repository);
    app = await renderApp({ articles: seeds, columns: 100, rows: 30, repository, search });
    await app.press('/');
    await app.pressTogether('"of the"', KEYS.enter);
    await app.waitFor(atHit(search('"of the"', repository, true)![0]!), 'the first hit');
  });

  it('takes what is typed after / as the query while search gets ready, never as commands', async () => {
    const engine = buildSearchEngine(seeds);
    const repository = testRepository();
    const search = (query: string) => engine.search(query, storeFacts(repository));
    let loaded = () => {};
    const searchLoaded = new Promise<void>((resolve) => {
      loaded = resolve;
    });
    app = await renderApp({
      articles: seeds,
      columns: 100,
      rows: 30,
      repository,
      search,
      searchLoaded,
    });
    await app.press('/');
    await app.waitFor((f) => f.includes('search is getting ready'), 'the box, waiting');
    // `d` would mark the article done, `j` move, `1` tag: here they are the query.
    await app.pressTogether('drones', KEYS.enter);
    await app.waitFor((f) => f.includes('/ drones'), 'the query typed');
    loaded();
    await app.waitFor(
      atHit(search('drones')[0]!),
      'the first hit, opened by the Enter typed before',
    );
    expect(seeds.map((a) => repository.status(a.id))).not.toContain('done');
    expect(repository.annotationCount()).toBe(0);
  });

  it('keep a long note on one line, scrolled to the cursor, so the screen keeps its height', async () => {
    app = await renderApp({ articles: seeds, columns: 60, rows: 15 });
    await app.press(KEYS.enter, '1', 'n');
    await app.press('a very long note '.repeat(10));
    const lines = app.frame().split('\n');
    expect(lines).toHaveLength(14);
    // Scrolled sideways to the cursor at the end; the save indicator stays in view.
    expect(lines[13]).toBe('✎ note: long note a very long note a very long note ▏  saved');
  });
});
