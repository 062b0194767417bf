import { describe, expect, it } from 'vitest';
import { NO_KEY } from '../../source/review/keys.js';
import { reduce } from '../../source/review/reducer.js';
import type { ReviewState } from '../../source/review/state.js';
import {
  type ArticleSuggestions,
  pendingSuggestion,
  rejectionsLoaded,
  SUGGESTIONS_OFF,
} from '../../source/review/suggestions.js';
import { keyOf, typed } from '../helpers/keys.js';
import { readerState } from './fixtures.js';

/** Suggestions for article "b": a quote with its speaker on b-s22, a claim on b-s20 (tagged). */
const SUGGESTED: ArticleSuggestions = {
  sentences: {
    'b-s22': {
      labels: [{ label: 'quote', score: 0.97 }],
      attributes: { speaker: 'Dmitry Peskov' },
    },
    'b-s20': {
      labels: [
        { label: 'claim', score: 0.8 },
        { label: 'event', score: 0.6 },
      ],
      attributes: { claimant: 'the Kremlin', when: 'on Thursday' },
    },
    'b-s30': { labels: [{ label: 'event', score: 0.55 }], attributes: {} },
  },
  uncertain: ['b-s30', 'b-s21', 'b-s20', 'b-s5', 'b-s22', 'b-s3'],
  unsure: {
    'b-s30': { label: 'event', score: 0.55 },
    'b-s5': { label: 'claim', score: 0.46 },
  },
  revision: 4,
};

function withSuggestions(overrides: Partial<ReviewState> = {}): ReviewState {
  const state = reduce(readerState(overrides), {
    type: 'suggestions/arrived',
    article: 'b',
    suggestions: SUGGESTED,
  });
  return state;
}

const at = (state: ReviewState, cursor: number): ReviewState => ({
  ...state,
  cursors: { ...state.cursors, b: cursor },
});
const press = (state: ReviewState, type: Parameters<typeof keyOf>[0]) => typed(state, keyOf(type));
const learnt = (state: ReviewState) => state.suggestions.lessons;

describe('suggestions in the review', () => {
  it('accepting tags the suggested labels with their speaker, in one write', () => {
    const state = press(at(withSuggestions(), 22), 'suggestion/accept');
    expect(state.marks.b?.sentences['b-s22']).toEqual({
      labels: ['quote'],
      note: null,
      attributes: { speaker: 'Dmitry Peskov' },
    });
    expect(state.outbox).toEqual([
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
    expect(learnt(state)).toEqual([
      {
        id: 1,
        article: 'b',
        decisions: [{ sentence: 'b-s22', label: 'quote', present: true }],
        corrections: [],
      },
    ]);
    expect(state.message?.text).toBe('accepted: quote (speaker: Dmitry Peskov)');
  });

  it('accepts only what the sentence does not carry, and keeps the attributes it has', () => {
    const state = press(at(withSuggestions(), 20), 'suggestion/accept');
    expect(state.marks.b?.sentences['b-s20']).toEqual({
      labels: ['claim', 'event'],
      note: 'check this',
      attributes: { claimant: 'Kremlin', when: 'on Thursday' },
    });
    expect(state.outbox[0]).toMatchObject({ kind: 'tag-many', labels: ['event'] });
  });

  it('proposes and stores with each label only the attributes the codebook gives it', () => {
    // b-s20 carries a claim with no claimant: the claim's suggested claimant is not the event's.
    const own = withSuggestions();
    const bare = {
      ...own,
      marks: {
        ...own.marks,
        b: {
          ...own.marks.b!,
          sentences: {
            ...own.marks.b!.sentences,
            'b-s20': { labels: ['claim' as const], note: null, attributes: {} },
          },
        },
      },
    };
    expect(pendingSuggestion(bare, 'b', 'b-s20')).toEqual({
      labels: [{ label: 'event', score: 0.6 }],
      attributes: { when: 'on Thursday' },
    });
    const state = press(at(bare, 20), 'suggestion/accept');
    expect(state.message?.text).toBe('accepted: event (when: on Thursday)');
    expect(state.outbox[0]).toMatchObject({
      kind: 'tag-many',
      labels: ['event'],
      attributes: { when: 'on Thursday' },
      declared: { claim: ['claimant'], event: ['when', 'where'] },
    });
  });

  it('rejecting hides the suggestion, writes nothing and teaches the model the opposite', () => {
    const state = press(at(withSuggestions(), 22), 'suggestion/reject');
    expect(state.marks.b?.sentences['b-s22']).toBeUndefined();
    // No file is written: the step is only undone in key order with the writes.
    expect(state.outbox).toEqual([
      {
        kind: 'mark',
        article: 'b',
        sentence: 'b-s22',
        description: 'reject quote (speaker: Dmitry Peskov)',
        lesson: 1,
      },
    ]);
    expect(learnt(state)).toEqual([
      {
        id: 1,
        article: 'b',
        decisions: [{ sentence: 'b-s22', label: 'quote', present: false }],
        corrections: [],
      },
    ]);
    // Rejected stays rejected: accepting afterwards finds nothing, even when re-scored.
    const again = reduce(press(state, 'suggestion/accept'), {
      type: 'suggestions/arrived',
      article: 'b',
      suggestions: { ...SUGGESTED, revision: 5 },
    });
    expect(again.outbox).toEqual(state.outbox);
    expect(learnt(again)).toEqual(learnt(state));
    expect(again.marks.b?.sentences['b-s22']).toBeUndefined();
  });

  it('says so when the sentence has no suggestion, and writes nothing', () => {
    const state = press(at(withSuggestions(), 2), 'suggestion/accept');
    expect(state.outbox).toEqual([]);
    expect(state.message?.text).toBe('no suggestion on this sentence');
  });

  it('undoing a rejection brings the suggestion back; redoing it hides it again', () => {
    const state = press(at(withSuggestions(), 22), 'suggestion/reject');
    const undone = reduce(state, { type: 'suggestions/step', lesson: 1, redo: false });
    expect(undone.suggestions.dropped.b?.['b-s22']).toBeUndefined();
    expect(pendingSuggestion(undone, 'b', 'b-s22')?.labels.map(({ label }) => label)).toEqual([
      'quote',
    ]);
    const redone = reduce(undone, { type: 'suggestions/step', lesson: 1, redo: true });
    expect(redone.suggestions.dropped.b?.['b-s22']).toEqual(['quote']);
  });

  it('learns from manual tags and clears too', () => {
    const tagged = press(at(withSuggestions(), 5), 'tag/toggle');
    expect(learnt(tagged)[0]?.decisions).toEqual([
      { sentence: 'b-s5', label: 'claim', present: true },
    ]);
    const cleared = typed(at(withSuggestions(), 20), keyOf('tag/clear'));
    expect(learnt(cleared)[0]?.decisions).toEqual([
      { sentence: 'b-s20', label: 'claim', present: false },
    ]);
  });

  it('jumps to the undecided sentence the model is least sure of, then the next', () => {
    const first = press(at(withSuggestions(), 0), 'suggestion/next-uncertain');
    expect(first.cursors.b).toBe(30);
    // b-s21 and b-s20 are tagged: passed over.
    const second = press(first, 'suggestion/next-uncertain');
    expect(second.cursors.b).toBe(5);
    // From a sentence reached otherwise, the walk starts again from the top.
    expect(press(at(second, 9), 'suggestion/next-uncertain').cursors.b).toBe(30);
    const rejected = press(at(withSuggestions(), 22), 'suggestion/reject');
    const walked = press(
      press(at(rejected, 5), 'suggestion/next-uncertain'),
      'suggestion/next-uncertain',
    );
    expect(walked.cursors.b).toBe(5);
    // b-s22 was rejected: decided.
    expect(press(walked, 'suggestion/next-uncertain').cursors.b).toBe(3);
  });

  it('goes on to the next article with a doubt, then back, and says when none is left', () => {
    // qa57: `w` walked every sentence of the article and round again, never to another article.
    const inA = reduce(withSuggestions(), {
      type: 'suggestions/arrived',
      article: 'a',
      suggestions: {
        sentences: {},
        uncertain: ['a-s4'],
        unsure: { 'a-s4': { label: 'claim', score: 0.3 } },
        revision: 4,
      },
    });
    const walk = (state: ReviewState, times: number) => {
      let walked = state;
      for (let i = 0; i < times; i++) walked = press(walked, 'suggestion/next-uncertain');
      return walked;
    };
    // b's doubts: b-s30, b-s5, b-s22, b-s3 (b-s21 and b-s20 are tagged); then article a's.
    const inB = walk(at(inA, 0), 4);
    expect([inB.current, inB.cursors.b]).toEqual([1, 3]);
    const moved = walk(inB, 1);
    expect(moved.current).toBe(0);
    expect(moved.cursors.a).toBe(4);
    expect(moved.message?.text).toBe(
      'article 1: least sure: claim 30% (not suggested) · tag it if it is one · w next',
    );
    // From a's last doubt: b's first again, said as such by the article it is in.
    const back = walk(moved, 1);
    expect([back.current, back.cursors.b]).toEqual([1, 30]);
    expect(back.message?.text).toMatch(/^article 2: least sure: event 55%/);
    // Every doubt decided: said, and the cursor stays.
    const none = reduce(withSuggestions(), {
      type: 'suggestions/arrived',
      article: 'b',
      suggestions: { ...SUGGESTED, uncertain: ['b-s20', 'b-s21'], revision: 5 },
    });
    const stayed = walk(at(none, 7), 1);
    expect(stayed.cursors.b).toBe(7);
    expect(stayed.message?.text).toBe(
      'no doubt left: margin is sure of every undecided sentence of this article',
    );
  });

  it('says on arrival which label it doubts, with or without a badge to decide on', () => {
    const first = press(at(withSuggestions(), 0), 'suggestion/next-uncertain');
    expect(first.message?.text).toBe(
      'least sure: event 55% (suggested) · y accept · r reject · w next',
    );
    // b-s5 is just under the cut: nothing on screen, so the message is all there is to decide on.
    const second = press(first, 'suggestion/next-uncertain');
    expect(second.message?.text).toBe(
      'least sure: claim 46% (not suggested) · tag it if it is one · w next',
    );
  });

  it('marking done teaches that the untagged sentences carry no label, once', () => {
    const rejected = press(at(withSuggestions(), 22), 'suggestion/reject');
    const done = press(rejected, 'status/toggle-done');
    const untagged = learnt(done).at(-1)?.untagged ?? [];
    // 40 sentences, two tagged (b-s20, b-s21), one rejected (b-s22: taught already).
    expect(untagged).toHaveLength(37);
    expect(untagged).not.toContain('b-s20');
    expect(untagged).not.toContain('b-s22');
    const again = press(press(done, 'status/toggle-done'), 'status/toggle-done');
    expect(learnt(again)).toEqual(learnt(done));
  });

  it('keeps newer suggestions when older ones arrive late', () => {
    const state = withSuggestions();
    const late = reduce(state, {
      type: 'suggestions/arrived',
      article: 'b',
      suggestions: { ...SUGGESTED, sentences: {}, revision: 1 },
    });
    expect(late.suggestions.byArticle.b?.revision).toBe(4);
  });

  it('keeps the suggestion under the cursor as shown when the model re-scores, until it moves', () => {
    const shown = at(withSuggestions(), 30);
    const rescored: ArticleSuggestions = {
      ...SUGGESTED,
      sentences: { 'b-s22': SUGGESTED.sentences['b-s22']! },
      revision: 5,
    };
    const state = reduce(shown, {
      type: 'suggestions/arrived',
      article: 'b',
      suggestions: rescored,
    });
    // The reviewer saw an event on b-s30 and presses accept: the event is what gets tagged.
    const accepted = press(state, 'suggestion/accept');
    expect(accepted.marks.b?.sentences['b-s30']?.labels).toEqual(['event']);
    // Elsewhere the new scores hold at once, and on b-s30 once the cursor has left it.
    expect(state.suggestions.byArticle.b?.sentences['b-s20']).toBeUndefined();
    const moved = reduce(at(state, 22), {
      type: 'suggestions/arrived',
      article: 'b',
      suggestions: { ...rescored, revision: 6 },
    });
    expect(moved.suggestions.byArticle.b?.sentences['b-s30']).toBeUndefined();
  });

  it('teaches a corrected speaker when the attributes are saved', () => {
    const accepted = press(at(withSuggestions(), 22), 'suggestion/accept');
    let state = typed(accepted, keyOf('attributes/edit'));
    expect(state.mode.kind).toBe('attributes');
    for (let i = 0; i < 'Dmitry Peskov'.length; i += 1) {
      state = reduce(state, {
        type: 'text/type',
        input: '',
        key: { ...NO_KEY, delete: true },
      });
    }
    state = typed(state, 'Peskov');
    state = reduce(state, { type: 'edit/save' });
    expect(learnt(state).at(-1)?.corrections).toEqual([
      { key: 'speaker', suggested: 'Dmitry Peskov', corrected: 'Peskov' },
    ]);
  });

  it('says suggestions are off when none will come, not that they are being computed', () => {
    const off = readerState({ suggestions: SUGGESTIONS_OFF });
    for (const key of [
      'suggestion/next-uncertain',
      'suggestion/accept',
      'suggestion/reject',
    ] as const)
      expect(press(off, key).message?.text).toBe(
        'suggestions are off in this session (--no-suggestions)',
      );
    const failed = reduce(readerState(), {
      type: 'suggestions/problem',
      message: 'suggestions are off: the engine could not be loaded',
      off: true,
    });
    expect(press(failed, 'suggestion/next-uncertain').message?.text).toBe(
      'suggestions are off: the engine could not be loaded',
    );
    expect(press(readerState(), 'suggestion/next-uncertain').message?.text).toBe(
      'suggestions are still being computed',
    );
  });
});

describe('rejections from an earlier session', () => {
  it("are all taken in at once, beside this session's, from a file of thousands of lines", () => {
    // review58-b: taken in a line at a time, each copying every article's record, 6,000 lines
    // froze the review's start 2.5 s.
    const loaded: Record<string, Record<string, Array<'claim' | 'quote' | 'event'>>> = {};
    for (let a = 0; a < 1_000; a++) {
      loaded[`article${a}`] = { s1: ['claim'], s2: ['quote'], s3: ['claim', 'event'] };
    }
    loaded.b = { 'b-s20': ['event'] };
    const before = readerState();
    const session = {
      ...before,
      suggestions: { ...before.suggestions, dropped: { b: { 'b-s20': ['quote' as const] } } },
    };
    const after = rejectionsLoaded(session, loaded).suggestions.dropped;
    expect(Object.keys(after)).toHaveLength(1_001);
    expect(after.article999).toEqual({ s1: ['claim'], s2: ['quote'], s3: ['claim', 'event'] });
    expect(after.b).toEqual({ 'b-s20': ['quote', 'event'] });
    // The state before is left as it was.
    expect(session.suggestions.dropped).toEqual({ b: { 'b-s20': ['quote'] } });
  });
});
