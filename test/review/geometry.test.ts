import { describe, expect, it } from 'vitest';
import type { Article, Sentence } from '../../source/corpus/types.js';
import { move } from '../../source/review/navigation.js';
import { cursorOf, readerGeometry } from '../../source/review/selectors.js';
import { initialState, type ReviewState } from '../../source/review/state.js';
import { ReaderGeometry, type ReaderSpot } from '../../source/review/view/geometry.js';
import { CONTEXT_LINES, paneLayout } from '../../source/review/view/layout.js';
import { followTop } from '../../source/review/view/window.js';
import { type Line, orphanLines, wrapArticle } from '../../source/review/view/wrap.js';
import { fuzzSeed, Random } from '../helpers/random.js';
import { wholeReader } from './whole-reader.js';

const WORDS = ['a', 'the', 'talks', 'officials', 'said', 'ceasefire', 'Zaporizhzhia', 'über'];

/** Sentences of random words (now and then one longer than the line), in random paragraphs. */
function randomArticle(random: Random, id: string, tall = 0.06): Article {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  const count = random.pick([0, 1, 2, 7, 40]);
  for (let index = 0; index < count; index += 1) {
    if (index > 0 && random.chance(0.3)) paragraph += 1;
    // Now and then a sentence taller than the window at the smaller sizes.
    const length = random.chance(tall) ? random.int(60, 300) : random.int(0, 30);
    const words = Array.from({ length }, () =>
      random.chance(0.03) ? 'x'.repeat(random.int(20, 130)) : random.pick(WORDS),
    );
    const text = words.join(' ');
    sentences.push({ id: `${id}-s${index}`, paragraph, text, start: 0, end: text.length });
  }
  return {
    id,
    path: `${id}.txt`,
    title: random.chance(0.7) ? 'A title of some length about the talks' : null,
    date: random.chance(0.5) ? '2025-03-14' : null,
    byline: random.chance(0.5) ? 'By Someone Else' : null,
    source: random.chance(0.5) ? 'Fixture News' : null,
    text: sentences.map((s) => s.text).join(' '),
    sentences,
    hash: id,
    warnings: [],
  } as Article;
}

function randomOrphans(random: Random, width: number): Line[] {
  if (random.chance(0.6)) return [];
  const orphans = Array.from({ length: random.int(1, 4) }, () => ({
    label: 'claim',
    quote: WORDS.slice(0, random.int(1, WORDS.length)).join(' '),
    note: random.chance(0.5) ? 'a note' : undefined,
  }));
  return orphanLines(orphans, width);
}

const spotAt = (geometry: ReaderGeometry, line: number): ReaderSpot =>
  geometry.advance(geometry.start(), line).spot;

describe('the reader geometry', () => {
  const seed = fuzzSeed(20261205);

  it(`gives the whole-article wrap's lines, positions and windows (seed ${seed})`, () => {
    const random = new Random(seed);
    for (let round = 0; round < 150; round += 1) {
      const article = randomArticle(random, `g${round}`, 0.01);
      const width = random.pick([10, 17, 40, 63, 100]);
      const orphans = randomOrphans(random, width);
      const geometry = new ReaderGeometry(article, width, orphans);
      const whole = wrapArticle(article, width);
      const lines = [...whole.lines, ...orphans];
      const total = lines.length;
      const where = `round ${round}, width ${width}`;

      for (let s = 0; s < article.sentences.length; s += 1) {
        expect(geometry.lineOf(geometry.firstOf(s)), where).toBe(whole.firstLine[s]);
        expect(geometry.lineOf(geometry.lastOf(s)), where).toBe(whole.lastLine[s]);
      }
      expect(geometry.lineOf(geometry.end()), where).toBe(Math.max(0, total - 1));
      for (let line = 0; line < total; line += 1) {
        const spot = spotAt(geometry, line);
        expect(geometry.lineOf(spot), where).toBe(line);
        const height = random.int(1, 12);
        expect(
          geometry.window(spot, height).map((shown) => shown.line),
          where,
        ).toEqual(lines.slice(line, line + height));
        const delta = random.int(-30, 30);
        const to = Math.min(Math.max(0, line + delta), total - 1);
        const moved = geometry.advance(spot, delta);
        expect([geometry.lineOf(moved.spot), moved.moved], where).toEqual([
          to,
          Math.abs(to - line),
        ]);
      }
      if (article.sentences.length === 0) continue;
      for (let move = 0; move < 20; move += 1) {
        const top = random.int(0, Math.max(0, total - 1));
        const sentence = random.int(0, article.sentences.length - 1);
        const first = random.chance(0.2) ? geometry.start() : geometry.firstOf(sentence);
        const last = random.chance(0.2) ? geometry.end() : geometry.lastOf(sentence);
        const height = random.int(1, 30);
        const context = random.int(0, 3);
        const followed = geometry.follow(spotAt(geometry, top), first, last, height, context);
        expect(geometry.lineOf(followed), `${where}, top ${top}, sentence ${sentence}`).toBe(
          followTop(top, geometry.lineOf(first), geometry.lineOf(last), height, total, context),
        );
      }
    }
  });

  it(`pages and follows as the whole-article line numbers say (seed ${seed})`, () => {
    const random = new Random(seed + 1);
    const keys = [
      'cursor/page-down',
      'cursor/page-down',
      'cursor/page-up',
      'cursor/next',
      'cursor/prev',
      'cursor/first',
      'cursor/last',
    ] as const;
    for (let round = 0; round < 60; round += 1) {
      const article = randomArticle(random, `p${round}`);
      if (article.sentences.length === 0) continue;
      const size = { columns: random.pick([60, 80, 120, 200]), rows: random.pick([15, 30, 50]) };
      let state: ReviewState = {
        ...initialState({ corpusName: 'c', annotator: 'a', size, articles: [article] }),
        focus: 'reader',
      };
      const height = paneLayout(size).bodyHeight;
      for (let key = 0; key < 30; key += 1) {
        const before = wholeReader(state, article);
        const total = before.lines.length;
        const count = article.sentences.length;
        const cursor = cursorOf(state, article);
        // The keys on the whole article's line numbers: what the reader keeps in view for a
        // sentence, and the window's first lines that show it (see `ReaderGeometry.bounds`).
        const target = (at: number) => ({
          first: at === 0 ? 0 : before.firstLine[at]!,
          last: at === count - 1 ? total - 1 : before.lastLine[at]!,
        });
        const bounds = (at: number) => {
          const { first, last } = target(at);
          const lines = last - first + 1;
          const tall = lines > height;
          const margin = Math.min(
            CONTEXT_LINES,
            Math.floor((tall ? height - 1 : height - lines) / 2),
          );
          return {
            tall,
            above: Math.max(0, first - margin),
            below: Math.max(0, last + margin - height + 1),
          };
        };
        const follow = (top: number, at: number) =>
          followTop(top, target(at).first, target(at).last, height, total, CONTEXT_LINES);
        // A cursor that comes onto a tall sentence shows its beginning.
        const onto = (at: number) =>
          at !== cursor && bounds(at).tall ? follow(bounds(at).above, at) : follow(before.top, at);
        const page = Math.max(1, height - 2);
        const type = random.pick(keys);
        const next = move(state, { type });
        let wanted = cursor;
        let top = before.top;
        const here = bounds(cursor);
        if (type === 'cursor/page-down' && here.tall && before.top < here.below) {
          top = follow(Math.min(before.top + height - 1, here.below), cursor);
        } else if (type === 'cursor/page-up' && here.tall && before.top > here.above) {
          top = follow(Math.max(before.top - height + 1, here.above), cursor);
        } else if (type === 'cursor/page-down') {
          const goal = Math.max(before.firstLine[cursor]!, before.top) + page;
          wanted = cursor + 1;
          while (wanted < count - 1 && (goal > total - 1 || before.lastLine[wanted]! < goal))
            wanted += 1;
          wanted = Math.min(wanted, count - 1);
          top = onto(wanted);
        } else if (type === 'cursor/page-up') {
          const goal = before.firstLine[cursor]! - page;
          wanted = cursor - 1;
          while (wanted > 0 && before.firstLine[wanted]! > goal) wanted -= 1;
          wanted = Math.max(0, wanted);
          top = onto(wanted);
          const there = bounds(wanted);
          if (there.tall) top = follow(there.below, wanted);
        } else {
          wanted =
            type === 'cursor/next'
              ? Math.min(cursor + 1, count - 1)
              : type === 'cursor/prev'
                ? Math.max(cursor - 1, 0)
                : type === 'cursor/first'
                  ? 0
                  : count - 1;
          top = onto(wanted);
        }
        const where = `round ${round}, ${size.columns}×${size.rows}, ${type} from ${cursor} at line ${before.top}`;
        expect(cursorOf(next, article), where).toBe(wanted);
        expect(wholeReader(next, article).top, where).toBe(top);
        state = next;
      }
      expect(readerGeometry(state, article)).toBe(readerGeometry(state, article));
    }
  });
});
