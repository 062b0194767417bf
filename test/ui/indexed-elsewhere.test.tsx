import { describe, expect, it } from 'vitest';
import type { DiskCorpusIndex } from '../../source/corpus/db/disk-index.js';
import { GOOD_ARTICLE } from '../corpus/temp-corpus.js';
import { indexedElsewhere } from '../helpers/indexed-elsewhere.js';
import { eventually } from '../helpers/patience.js';
import { KEYS, plain } from './harness.js';
import { reviewOfFolder } from './review-terminal.js';

// A review beside another margin that indexes the same corpus (a first run, `margin index` in
// another terminal).

const { corpus, cacheDir, openIndex, writeSettled, otherHolds } = indexedElsewhere(
  'margin-review-elsewhere-',
);

/**
 * `margin index` in another terminal, on its own handle: the review's own look at the files may
 * still be under way, which a refresh in this process then waits for rather than doing the work.
 */
async function refreshed(other: DiskCorpusIndex): Promise<void> {
  for (let turn = 0; !(await other.refresh('full')).changed; turn++) {
    expect(turn).toBeLessThan(100);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  other.close();
}

const review = () => reviewOfFolder(corpus.root(), cacheDir());

describe('a review started while another margin indexes the corpus', () => {
  it('says on its loading line what it waits for, then lists what the other wrote', async () => {
    await writeSettled('a.txt', GOOD_ARTICLE);
    await writeSettled('b.txt', GOOD_ARTICLE.replaceAll('Geneva', 'Vienna'));
    // Another margin holds the refresh of an index it has not written yet.
    const held = await otherHolds();

    const { screen, stdout, quit, controller } = await review();
    try {
      await eventually(
        () =>
          screen().includes('another margin is indexing news: waiting for it') ? true : undefined,
        'the waiting line',
        1000,
        screen,
      );
      // The other is done: the list is read, and the line says so no more.
      held.release();
      const written = stdout.frames.length;
      const since = () => plain(stdout.frames.slice(written).join(''));
      await eventually(
        () => (since().includes('Talks resume in Vienna') ? true : undefined),
        'the list',
        2000,
        screen,
      );
      expect(since()).toContain('Talks resume in Geneva');
      // The loading line, and what it said, are gone.
      await eventually(
        () => (controller.getState().loading === null ? true : undefined),
        'the end of loading',
      );
      // Read once: what another margin adds later is listed too.
      await writeSettled('c.txt', GOOD_ARTICLE.replaceAll('Geneva', 'Oslo'));
      const before = stdout.frames.length;
      await refreshed(await openIndex('none'));
      await eventually(
        () =>
          plain(stdout.frames.slice(before).join('')).includes('Talks resume in Oslo')
            ? true
            : undefined,
        'the added article',
        2000,
        screen,
      );
    } finally {
      held.close();
      await quit();
    }
  });
});

/** An article of four sentences under its title. */
const story = (city: string) =>
  `Talks resume in ${city}\n\nNegotiators met in ${city} on Tuesday. They talked for six hours. A second round is planned for May. Both sides called the talks useful.\n`;

describe('a review left open while another margin adds articles', () => {
  it('lists them, keeping the article open, its sentence and every key', async () => {
    await writeSettled('b.txt', story('Geneva'));
    await writeSettled('c.txt', story('Vienna'));
    (await openIndex('full')).close();

    const { screen, stdout, stdin, quit, controller } = await review();
    try {
      await eventually(
        () => (controller.getState().loading === null ? true : undefined),
        'the list',
        1000,
        screen,
      );
      // Vienna's article open on its third sentence.
      stdin.write('j');
      stdin.write(KEYS.enter);
      stdin.write('j');
      stdin.write('j');
      await eventually(
        () => (/article 2 of 2\s+│\s+sentence 3 of 4/.test(screen()) ? true : undefined),
        'the reader on sentence 3',
        1000,
        screen,
      );

      // A claim on it, saved.
      stdin.write('1');
      await eventually(
        () => {
          const { save, outbox } = controller.getState();
          const written = save.written && save.pending === 0 && outbox.length === 0;
          return written && /sentence 3 of 4\s+│\s+C 1/.test(screen()) ? true : undefined;
        },
        'the claim saved',
        1000,
        screen,
      );

      // `margin index` in another terminal: one article before it in the list, one after, and
      // the open one edited (its first sentence, and the claimed one).
      await writeSettled('a.txt', story('Athens'));
      await writeSettled('d.txt', story('Oslo'));
      await writeSettled(
        'c.txt',
        story('Vienna').replace('on Tuesday', 'on Wednesday').replace('May', 'early May'),
      );
      const written = stdout.frames.length;
      const since = () => plain(stdout.frames.slice(written).join(''));
      await refreshed(await openIndex('none'));

      // The same article and sentence, now the third of four in the list.
      await eventually(
        () => (/article 3 of 4\s+│\s+sentence 3 of 4/.test(since()) ? true : undefined),
        'the new list',
        2000,
        screen,
      );
      const state = controller.getState();
      expect(state.articles.map((article) => article.title)).toEqual([
        'Talks resume in Athens',
        'Talks resume in Geneva',
        'Talks resume in Vienna',
        'Talks resume in Oslo',
      ]);
      expect(state.focus).toBe('reader');
      // Its new text, the claim still on its sentence (placed again on the new text).
      expect(since()).toContain('Negotiators met in Vienna on Wednesday.');
      const vienna = state.articles[state.current]!;
      const claimed = Object.entries(state.marks[vienna.id]?.sentences ?? {})
        .filter(([, marks]) => marks.labels.includes('claim'))
        .map(([id]) => vienna.sentences.find((sentence) => sentence.id === id)?.text);
      expect(claimed).toEqual(['A second round is planned for early May.']);
      // A key after it moves on from there.
      stdin.write('j');
      await eventually(
        () => (/article 3 of 4\s+│\s+sentence 4 of 4/.test(since()) ? true : undefined),
        'the next sentence',
        1000,
        screen,
      );
      expect(state.articles[state.current]!.title).toBe('Talks resume in Vienna');
    } finally {
      await quit();
    }
  });
});
