/**
 * qa52 #3, #7, #5: a suggested label tagged or removed by hand, and articles read from search
 * results or the story panel rather than opened for review.
 */
import { describe, expect, it } from 'vitest';
import { reduce } from '../../source/review/reducer.js';
import { currentArticle, marksOf } from '../../source/review/selectors.js';
import type { ReviewState } from '../../source/review/state.js';
import { type ArticleSuggestions, pendingSuggestion } from '../../source/review/suggestions.js';
import { keyOf, pressed, typed } from '../helpers/keys.js';
import { HITS, listState, readerState, STORY } from './fixtures.js';

/** b-s3 read as a claim and a quote of Peskov's (the seeds' "cq"), b-s22 a quote of his. */
const SUGGESTED: ArticleSuggestions = {
  sentences: {
    'b-s3': {
      labels: [
        { label: 'claim', score: 0.62 },
        { label: 'quote', score: 0.97 },
      ],
      attributes: { claimant: 'Dmitry Peskov', speaker: 'Dmitry Peskov' },
    },
    'b-s22': {
      labels: [{ label: 'quote', score: 0.97 }],
      attributes: { speaker: 'Dmitry Peskov' },
    },
  },
  uncertain: ['b-s3', 'b-s22'],
  revision: 1,
};

function at(cursor: number): ReviewState {
  const state = reduce(readerState(), {
    type: 'suggestions/arrived',
    article: 'b',
    suggestions: SUGGESTED,
  });
  return { ...state, cursors: { ...state.cursors, b: cursor } };
}

const claim = keyOf('tag/toggle', 'claim');
const quote = keyOf('tag/toggle', 'quote');
const proposed = (state: ReviewState, sentence: string) =>
  pendingSuggestion(state, 'b', sentence)?.labels.map(({ label }) => label) ?? [];
const writes = (state: ReviewState) => state.outbox.filter((effect) => effect.kind !== 'mark');
/** What the controller does once the worker has the writes: the undo of `lesson` comes back. */
const undone = (state: ReviewState, lesson: number) =>
  reduce(state, { type: 'suggestions/step', lesson, redo: false });

describe("a suggested label's key (qa52 #3)", () => {
  it('tags the quote with its suggested speaker, in one write, taught as its accept', () => {
    const state = typed(at(22), quote);
    expect(state.marks.b?.sentences['b-s22']).toEqual({
      labels: ['quote'],
      note: null,
      attributes: { speaker: 'Dmitry Peskov' },
    });
    expect(writes(state)).toEqual([
      {
        kind: 'tag-many',
        article: 'b',
        sentence: 'b-s22',
        labels: ['quote'],
        attributes: { speaker: 'Dmitry Peskov' },
        declared: { quote: ['speaker'] },
        lesson: 1,
      },
    ]);
    expect(state.suggestions.lessons).toEqual([
      {
        id: 1,
        article: 'b',
        decisions: [{ sentence: 'b-s22', label: 'quote', present: true }],
        corrections: [],
      },
    ]);
    expect(state.message?.text).toBe(
      'tagged quote as suggested (speaker: Dmitry Peskov) · a edits',
    );
    // `a` opens on the speaker given.
    const editing = typed(state, keyOf('attributes/edit'));
    expect(editing.mode).toMatchObject({
      kind: 'attributes',
      values: { speaker: 'Dmitry Peskov' },
    });
  });

  it("tags only that label with its values; the sentence's other suggestion stays for y", () => {
    const tagged = typed(at(3), claim);
    expect(tagged.marks.b?.sentences['b-s3']).toMatchObject({
      labels: ['claim'],
      attributes: { claimant: 'Dmitry Peskov' },
    });
    expect(writes(tagged)).toMatchObject([
      { kind: 'tag-many', labels: ['claim'], attributes: { claimant: 'Dmitry Peskov' } },
    ]);
    expect(pendingSuggestion(tagged, 'b', 'b-s3')).toEqual({
      labels: [{ label: 'quote', score: 0.97 }],
      attributes: { speaker: 'Dmitry Peskov' },
    });
    const accepted = typed(tagged, keyOf('suggestion/accept'));
    expect(accepted.message?.text).toBe('accepted: quote (speaker: Dmitry Peskov)');
    expect(accepted.marks.b?.sentences['b-s3']).toMatchObject({
      labels: ['claim', 'quote'],
      attributes: { claimant: 'Dmitry Peskov', speaker: 'Dmitry Peskov' },
    });
  });

  it('tags as before where the label is not suggested, or its suggestion was rejected', () => {
    expect(writes(typed(at(5), claim))).toEqual([
      { kind: 'toggle', article: 'b', sentence: 'b-s5', label: 'claim', lesson: 1 },
    ]);
    const rejected = typed(at(22), keyOf('suggestion/reject'));
    expect(writes(typed(rejected, quote))).toEqual([
      { kind: 'toggle', article: 'b', sentence: 'b-s22', label: 'quote', lesson: 2 },
    ]);
  });

  it('gives a note typed on the sentence, then the label asked for, the same values', () => {
    let state = typed(at(22), keyOf('note/edit'));
    state = typed(state, 'check the transcript');
    state = pressed(state, { label: 'Enter', key: 'return' });
    state = typed(state, quote);
    expect(state.marks.b?.sentences['b-s22']).toEqual({
      labels: ['quote'],
      note: 'check the transcript',
      attributes: { speaker: 'Dmitry Peskov' },
    });
    expect(writes(state)).toMatchObject([
      { kind: 'tag-many', labels: ['quote'], attributes: { speaker: 'Dmitry Peskov' } },
    ]);
  });
});

describe('a suggested label removed by hand (qa52 #7)', () => {
  it('after y, removing one of the labels rejects its suggestion there, and undo offers it again', () => {
    const accepted = typed(at(3), keyOf('suggestion/accept'));
    expect(proposed(accepted, 'b-s3')).toEqual([]);
    const removed = typed(accepted, claim);
    expect(removed.marks.b?.sentences['b-s3']?.labels).toEqual(['quote']);
    // It came straight back as a suggestion: `cQ`, and an `r` more.
    expect(proposed(removed, 'b-s3')).toEqual([]);
    expect(removed.message?.text).toBe('removed claim: its suggestion rejected here · u undoes');
    expect(typed(removed, keyOf('suggestion/accept')).message?.text).toBe(
      'no suggestion on this sentence',
    );
    // Taught as `r` teaches it.
    expect(removed.suggestions.lessons.at(-1)?.decisions).toEqual([
      { sentence: 'b-s3', label: 'claim', present: false },
    ]);
    const lesson = removed.suggestions.lessons.at(-1)!.id;
    expect(removed.outbox.at(-1)).toMatchObject({ kind: 'toggle', label: 'claim', lesson });
    const back = undone(removed, lesson);
    expect(proposed({ ...back, marks: accepted.marks }, 'b-s3')).toEqual([]);
    const untagged = { ...back, marks: readerState().marks };
    expect(proposed(untagged, 'b-s3')).toEqual(['claim', 'quote']);
    const redone = reduce(back, { type: 'suggestions/step', lesson, redo: true });
    expect(proposed({ ...redone, marks: readerState().marks }, 'b-s3')).toEqual(['quote']);
  });

  it('rejects only the label removed: the other suggestion of the sentence stays', () => {
    const removed = typed(typed(at(3), claim), claim);
    expect(removed.marks.b?.sentences['b-s3']).toBeUndefined();
    expect(proposed(removed, 'b-s3')).toEqual(['quote']);
    const cleared = typed(typed(at(3), keyOf('suggestion/accept')), keyOf('tag/clear'));
    expect(proposed(cleared, 'b-s3')).toEqual([]);
    expect(cleared.suggestions.dropped.b?.['b-s3']).toEqual(['claim', 'quote']);
  });

  it('says nothing more where the label removed was not suggested', () => {
    const removed = typed(at(20), claim);
    expect(removed.message).toBeNull();
    expect(removed.suggestions.dropped).toEqual({});
  });
});

describe('reading from search results and the story panel (qa52 #5)', () => {
  const statusWrites = (state: ReviewState) =>
    state.outbox.filter((effect) => effect.kind === 'status');

  it('leaves the articles n and N pass unreviewed', () => {
    let state = typed(listState({ current: 0 }), '/sentence');
    state = reduce(state, { type: 'search/query', query: 'sentence', hits: HITS });
    state = pressed(state, { label: 'Enter', key: 'return' });
    state = typed(state, 'nn');
    expect(currentArticle(state)?.id).toBe('c');
    expect(marksOf(state, 'a').status).toBe('unreviewed');
    expect(marksOf(state, 'c').status).toBe('unreviewed');
    expect(statusWrites(state)).toEqual([]);
    // Moving within it (`w` to its least certain suggestion) is reading it still.
    const walked = reduce(state, {
      type: 'suggestions/arrived',
      article: 'c',
      suggestions: { sentences: {}, uncertain: ['c-s1', 'c-s2'], revision: 1 },
    });
    const sought = typed(walked, keyOf('suggestion/next-uncertain', undefined, 'results'));
    expect(sought.cursors.c).toBe(1);
    expect(statusWrites(sought)).toEqual([]);
    // The first change in one makes it in progress, once, as opening it from the list does.
    const tagged = typed(state, '1');
    expect(marksOf(tagged, 'c').status).toBe('in progress');
    expect(statusWrites(tagged)).toEqual([
      { kind: 'status', article: 'c', status: 'in progress', opened: true },
    ]);
    expect(statusWrites(typed(tagged, '2'))).toHaveLength(1);
    // d on one read so marks it done, as ever.
    const done = typed(typed(state, 'NN'), 'd');
    expect(currentArticle(done)?.id).toBe('a');
    expect(marksOf(done, 'a').status).toBe('done');
    expect(statusWrites(done)).toEqual([{ kind: 'status', article: 'a', status: 'done' }]);
  });

  it('leaves the article of a story jump unreviewed until something is changed in it', () => {
    const panel = readerState({
      mode: { kind: 'story', article: 'b', sentence: 'b-s20', selected: 0 },
      story: { view: STORY, origin: null, linkFrom: null },
    });
    const there = reduce(panel, { type: 'story/go' });
    expect(currentArticle(there)?.id).toBe('a');
    expect(statusWrites(there)).toEqual([]);
    const noted = pressed(typed(typed(there, '1n'), 'doubtful'), { label: 'Enter', key: 'return' });
    expect(marksOf(noted, 'a').status).toBe('in progress');
    expect(statusWrites(noted)).toHaveLength(1);
  });

  it('still makes an article opened from the list in progress on arrival', () => {
    const opened = pressed(listState({ current: 0 }), { label: 'Enter', key: 'return' });
    expect(statusWrites(opened)).toEqual([
      { kind: 'status', article: 'a', status: 'in progress', opened: true },
    ]);
  });
});
