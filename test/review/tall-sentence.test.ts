import { describe, expect, it } from 'vitest';
import type { Article } from '../../source/corpus/types.js';
import { reduce } from '../../source/review/reducer.js';
import { currentArticle, cursorOf, readerGeometry } from '../../source/review/selectors.js';
import { initialState, type ReviewState } from '../../source/review/state.js';
import { paneLayout } from '../../source/review/view/layout.js';
import { keyOf, pressed, typed } from '../helpers/keys.js';
import { tallSentenceArticle } from './fixtures.js';

/** The tall sentence's index in `tallSentenceArticle`. */
const TALL = 2;

function opened(article: Article, columns: number, rows: number): ReviewState {
  return {
    ...initialState({
      corpusName: 'c',
      annotator: 'a',
      size: { columns, rows },
      articles: [article],
    }),
    focus: 'reader',
  };
}

/** The words the reader shows now: the window the Reader draws, from the state's first line. */
function onScreen(state: ReviewState): string[] {
  const article = currentArticle(state)!;
  const geometry = readerGeometry(state, article);
  const height = paneLayout(state.size).bodyHeight;
  return geometry
    .window(state.top, height)
    .flatMap(({ line }) => (line.kind === 'text' ? line.text.replace(/\.$/, '').split(' ') : []));
}

/** Presses `key` until the cursor leaves the tall sentence; the words seen while it was on it. */
function readThrough(state: ReviewState, key: (state: ReviewState) => ReviewState) {
  const seen = new Set<string>();
  let presses = 0;
  let now = state;
  while (cursorOf(now, currentArticle(now)!) === TALL) {
    for (const word of onScreen(now)) seen.add(word);
    now = key(now);
    presses += 1;
    if (presses > 100) throw new Error('the key never left the sentence');
  }
  return { seen, presses, after: cursorOf(now, currentArticle(now)!) };
}

const words = (count: number) => Array.from({ length: count }, (_, index) => `w${index}`);
const missing = (seen: Set<string>, count: number) => words(count).filter((w) => !seen.has(w));

describe('a sentence taller than the reader', () => {
  for (const [columns, rows, count] of [
    [60, 15, 300],
    [80, 24, 600],
  ] as const) {
    it(`shows every word of a ${count}-word sentence a page at a time at ${columns}×${rows}, Space down and b back`, () => {
      const article = tallSentenceArticle(count);
      // j onto it: its beginning.
      const onto = typed(typed(opened(article, columns, rows), 'j'), 'j');
      expect(cursorOf(onto, article)).toBe(TALL);
      expect(onScreen(onto)).toContain('w0');

      const down = readThrough(onto, (s) => pressed(s, { label: 'Space', input: ' ' }));
      expect(missing(down.seen, count)).toEqual([]);
      // More than one page of it, then on to the next sentence.
      expect(down.presses).toBeGreaterThan(1);
      expect(down.after).toBe(TALL + 1);

      // From the sentence after it, b pages back through it, its end first.
      const after = typed(onto, 'j');
      const back = readThrough(typed(after, 'b'), (s) =>
        pressed(s, { label: 'PgUp', key: 'pageUp' }),
      );
      expect(missing(back.seen, count)).toEqual([]);
      expect(back.after).toBeLessThan(TALL);
    });
  }

  it('keeps the page read through a tag, a resize and a store sync; j still moves a sentence', () => {
    const article = tallSentenceArticle(300);
    const onto = typed(typed(opened(article, 60, 15), 'j'), 'j');
    const paged = pressed(onto, { label: 'PgDn', key: 'pageDown' });
    expect(cursorOf(paged, article)).toBe(TALL);
    expect(onScreen(paged)).not.toContain('w0');
    const page = onScreen(paged);
    const tagged = typed(paged, keyOf('tag/toggle', 'claim'));
    expect(onScreen(tagged)).toEqual(page);
    const synced = reduce(tagged, { type: 'store/synced', marks: {} });
    expect(onScreen(synced)).toEqual(page);
    // A taller terminal: the same first line, more under it.
    const resized = reduce(synced, { type: 'terminal/resize', size: { columns: 60, rows: 20 } });
    expect(onScreen(resized).slice(0, page.length)).toEqual(page);
    expect(cursorOf(typed(resized, 'j'), article)).toBe(TALL + 1);
    expect(cursorOf(typed(resized, 'k'), article)).toBe(TALL - 1);
  });

  it('keeps the words being read on screen when the terminal gets wider or narrower', () => {
    const article = tallSentenceArticle(600);
    let state = typed(typed(opened(article, 60, 15), 'j'), 'j');
    for (let page = 0; page < 4; page += 1) state = typed(state, ' ');
    expect(cursorOf(state, article)).toBe(TALL);
    const reading = onScreen(state)[0]!;
    expect(reading).not.toBe('w0');
    for (const columns of [100, 44, 60]) {
      state = reduce(state, { type: 'terminal/resize', size: { columns, rows: 15 } });
      // The word at the top before is still on screen, and the sentence still the one read.
      expect(onScreen(state), `${columns} columns`).toContain(reading);
      expect(cursorOf(state, article)).toBe(TALL);
    }
  });

  it('keeps its end in view when a resize comes on its last page', () => {
    // verify51: paged to its end at 60×15, a wider or taller terminal went back to w0.
    const article = tallSentenceArticle(265);
    for (const size of [
      { columns: 80, rows: 15 },
      { columns: 60, rows: 20 },
      { columns: 80, rows: 20 },
    ]) {
      let state = typed(typed(opened(article, 60, 15), 'j'), 'j');
      for (let page = 0; !onScreen(state).includes('w264') && page < 100; page += 1)
        state = typed(state, ' ');
      expect(cursorOf(state, article)).toBe(TALL);
      const resized = reduce(state, { type: 'terminal/resize', size });
      expect(onScreen(resized), `${size.columns}×${size.rows}`).toContain('w264');
      expect(cursorOf(resized, article)).toBe(TALL);
    }
  });

  it('shows its beginning when the cursor comes back onto it, wherever the window was', () => {
    const article = tallSentenceArticle(300);
    let state = typed(typed(opened(article, 60, 15), 'j'), 'j');
    for (let page = 0; !onScreen(state).includes('w299') && page < 100; page += 1)
      state = typed(state, ' ');
    // The window shows its end and the sentence after it: k from there, then g.
    state = typed(typed(state, 'j'), 'k');
    expect(cursorOf(state, article)).toBe(TALL);
    expect(onScreen(state)).toContain('w0');
    state = typed(typed(state, 'G'), 'g');
    expect(onScreen(state)).toContain('The');
  });

  it('shows a sentence exactly as tall as the reader whole, with no room left for context', () => {
    // At 60×15 the reader has 12 lines: the words that make the sentence 12 lines, then 11.
    const size = { columns: 60, rows: 15 };
    const height = paneLayout(size).bodyHeight;
    for (const lines of [height, height - 1]) {
      let count = 1;
      const linesOf = (words: number) => {
        const state = opened(tallSentenceArticle(words), size.columns, size.rows);
        return readerGeometry(state, currentArticle(state)!).lines(TALL).length;
      };
      while (linesOf(count) < lines) count += 1;
      const article = tallSentenceArticle(count);
      const onto = typed(typed(opened(article, size.columns, size.rows), 'j'), 'j');
      expect(missing(new Set(onScreen(onto)), count), `${lines} lines`).toEqual([]);
      // From below (k from the sentence after it) too.
      const back = typed(typed(onto, 'j'), 'k');
      expect(missing(new Set(onScreen(back)), count), `${lines} lines, from below`).toEqual([]);
    }
  });
});
