import { describe, expect, it } from 'vitest';
import { startReviewSession } from '../../source/commands/review-session.js';
import type { CorpusEvent, CorpusFeed } from '../../source/review/controller.js';
import { eventually } from '../helpers/patience.js';
import { openTestStore, reviewOnFakeTerminal } from './review-terminal.js';

const SEEDS = new URL('../../seeds/', import.meta.url).pathname;

/** The review over the seeds with an empty list at first: the test hands it the articles. */
async function loadingReview() {
  const session = await startReviewSession(SEEDS, openTestStore, null);
  let send: (event: CorpusEvent) => void = () => undefined;
  const feed: CorpusFeed = (listener) => {
    send = listener;
    return () => undefined;
  };
  const { articles } = session;
  const { controller, stdin, running, screen } = reviewOnFakeTerminal({
    ...session,
    articles: [],
    feed,
    finished: false,
    done: 0,
    total: articles.length,
  });
  await eventually(() => (screen().includes('margin · seeds') ? true : undefined), 'a frame');
  return {
    controller,
    stdin,
    running,
    screen,
    session,
    listIn: () =>
      send({ type: 'progress', articles, done: articles.length, total: articles.length }),
  };
}

describe('keys typed before the list appears', () => {
  it('are kept and applied in order once the first articles are in', async () => {
    const review = await loadingReview();
    review.stdin.write('\r');
    review.stdin.write('j');
    review.stdin.write('1');
    // Each key reached the review before the list did, and waits.
    await eventually(() => (review.controller.heldKeys === 3 ? true : undefined), 'keys held');
    expect(review.controller.getState().articles).toEqual([]);
    review.listIn();
    const state = review.controller.getState();
    // Enter opened the first article, j went to its second sentence, 1 tagged it a claim.
    expect(state.focus).toBe('reader');
    const first = state.articles[0]!;
    expect(state.cursors[first.id]).toBe(1);
    expect(state.marks[first.id]?.sentences[first.sentences[1]!.id]?.labels).toEqual(['claim']);
    await eventually(() => (review.screen().includes('C 1') ? true : undefined), 'the tag shown');
    review.stdin.write('q');
    expect(await review.running).toBe(0);
    await review.session.close();
  });

  it('lets / open the search before any article is in, and q quit in its turn', async () => {
    const review = await loadingReview();
    review.stdin.write('/');
    expect(review.controller.getState().mode.kind).toBe('search');
    review.stdin.write('\x1b');
    await eventually(
      () => (review.controller.getState().mode.kind === 'browse' ? true : undefined),
      'the search closed',
    );
    // Behind a held Enter, n opens a note: the letters after it are its text, q among them.
    review.stdin.write('\r');
    review.stdin.write('1');
    review.stdin.write('n');
    for (const letter of 'quick') review.stdin.write(letter);
    review.stdin.write('\r');
    // Enter, 1, n, the five letters and Enter: all wait behind the first.
    await eventually(() => (review.controller.heldKeys === 9 ? true : undefined), 'keys held');
    expect(review.controller.getState().mode.kind).toBe('browse');
    review.listIn();
    const state = review.controller.getState();
    const first = state.articles[0]!;
    expect(state.marks[first.id]?.sentences[first.sentences[0]!.id]?.note).toBe('quick');
    review.stdin.write('q');
    expect(await review.running).toBe(0);
    await review.session.close();
  });

  it('quits at once on Ctrl+C, whatever keys wait', async () => {
    const review = await loadingReview();
    review.stdin.write('\r');
    review.stdin.write('q');
    review.stdin.write('\x03');
    expect(await review.running).toBe(0);
    await review.session.close();
  });
});
