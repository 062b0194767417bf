import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderLookSettings } from '../../source/commands/review-session.js';
import { indexedElsewhere } from '../helpers/indexed-elsewhere.js';
import { eventually } from '../helpers/patience.js';
import { plain } from './harness.js';
import { reviewOfFolder } from './review-terminal.js';

// qa56 #8: articles a `git pull` (or a copy) brought into the folder of an open review never
// showed, and nothing said so, until `margin index` ran in another terminal.

const { corpus, cacheDir, openIndex, writeSettled } = indexedElsewhere('margin-review-folder-');

/** An article of four sentences under its title. */
const story = (city: string) =>
  `Talks resume in ${city}\n\nNegotiators met in ${city} on Tuesday. They talked for six hours. A second round is planned for May. Both sides called the talks useful.\n`;

const review = () => reviewOfFolder(corpus.root(), cacheDir());

describe('files that arrived in the folder between two reviews', () => {
  it('are said at the start, as the folder look says them, with since when', async () => {
    await writeSettled('a.txt', story('Athens'));
    await writeSettled('b.txt', story('Geneva'));
    (await openIndex('full')).close();
    // Between two runs: one arrives, one goes (fixreview56: taken in without a word).
    await writeSettled('c.txt', story('Oslo'));
    await rm(join(corpus.root(), 'b.txt'));

    const { screen, stdout, quit, controller } = await review();
    try {
      await eventually(
        () =>
          /1 article arrived, 1 removed since margin last read the folder/.test(
            plain(stdout.frames.join('')),
          )
            ? true
            : undefined,
        'the arrivals said',
        10_000,
        screen,
      );
      expect(controller.getState().articles.map((article) => article.title)).toEqual([
        'Talks resume in Athens',
        'Talks resume in Oslo',
      ]);
    } finally {
      await quit();
    }
  });
});

describe('a review left open while files arrive in its folder, no other margin running', () => {
  it('lists the new articles and says how many arrived, and those removed', async () => {
    await writeSettled('a.txt', story('Athens'));
    await writeSettled('b.txt', story('Geneva'));
    (await openIndex('full')).close();

    const { screen, stdout, quit, controller } = await review();
    // The start's own look at every file (`checking`), seen begun and then over: what arrives
    // after it arrives while the review is open.
    let checked = controller.getState().checking;
    const unsubscribe = controller.subscribe(() => {
      checked ||= controller.getState().checking;
    });
    try {
      await eventually(
        () => {
          const { loading, checking } = controller.getState();
          return loading === null && checked && !checking ? true : undefined;
        },
        'the list, checked',
        1000,
        screen,
      );
      const since = (from: number) => plain(stdout.frames.slice(from).join(''));
      // A pull brings two articles: nobody runs margin index.
      let from = stdout.frames.length;
      await writeSettled('c.txt', story('Oslo'));
      await writeSettled('d.txt', story('Vienna'));
      await eventually(
        () => (/2 articles arrived/.test(since(from)) ? true : undefined),
        'the arrivals said',
        10_000,
        screen,
      );
      expect(controller.getState().articles.map((article) => article.title)).toEqual([
        'Talks resume in Athens',
        'Talks resume in Geneva',
        'Talks resume in Oslo',
        'Talks resume in Vienna',
      ]);
      expect(since(from)).toMatch(/article 1 of 4/);
      expect(since(from)).toContain('Talks resume in Vienna');
      // One is removed.
      from = stdout.frames.length;
      await rm(join(corpus.root(), 'b.txt'));
      await eventually(
        () => (/1 article removed/.test(since(from)) ? true : undefined),
        'the removal said',
        10_000,
        screen,
      );
      expect(controller.getState().articles.map((article) => article.title)).toEqual([
        'Talks resume in Athens',
        'Talks resume in Oslo',
        'Talks resume in Vienna',
      ]);
      expect(since(from)).toMatch(/article 1 of 3/);
    } finally {
      unsubscribe();
      await quit();
    }
  });
});

describe('a review whose folder tells it of a file added', () => {
  it('looks at once, not at its next timed look', async () => {
    await writeSettled('a.txt', story('Athens'));
    (await openIndex('full')).close();
    // Timed looks out of reach: only the folder's own word can bring the article in.
    const every = folderLookSettings.everyMs;
    folderLookSettings.everyMs = 3_600_000;
    const { screen, stdout, quit, controller } = await review();
    try {
      await eventually(
        () => (controller.getState().loading === null ? true : undefined),
        'the list',
        10_000,
        screen,
      );
      const from = stdout.frames.length;
      await writeSettled('b.txt', story('Geneva'));
      await eventually(
        () =>
          /1 article arrived/.test(plain(stdout.frames.slice(from).join(''))) ? true : undefined,
        'the arrival said',
        10_000,
        screen,
      );
      expect(controller.getState().articles.map((article) => article.title)).toEqual([
        'Talks resume in Athens',
        'Talks resume in Geneva',
      ]);
    } finally {
      folderLookSettings.everyMs = every;
      await quit();
    }
  });
});

describe('a review whose corpus has subfolders', () => {
  it('looks at once when a file is added in a subfolder, not at its next timed look', async () => {
    await writeSettled('a.txt', story('Athens'));
    await writeSettled('2026-12/b.txt', story('Geneva'));
    (await openIndex('full')).close();
    // Timed looks out of reach: only the subfolder's own word can bring the article in (the
    // corpus folder's watch does not tell of its subfolders' entries).
    const every = folderLookSettings.everyMs;
    folderLookSettings.everyMs = 3_600_000;
    const { screen, stdout, quit, controller } = await review();
    try {
      await eventually(
        () => (controller.getState().loading === null ? true : undefined),
        'the list',
        10_000,
        screen,
      );
      const from = stdout.frames.length;
      await writeSettled('2026-12/c.txt', story('Oslo'));
      await eventually(
        () =>
          /1 article arrived/.test(plain(stdout.frames.slice(from).join(''))) ? true : undefined,
        'the arrival said',
        10_000,
        screen,
      );
      // In path order: the subfolder's before a.txt.
      expect(controller.getState().articles.map((article) => article.title)).toEqual([
        'Talks resume in Geneva',
        'Talks resume in Oslo',
        'Talks resume in Athens',
      ]);
    } finally {
      folderLookSettings.everyMs = every;
      await quit();
    }
  });
});
