import { describe, expect, it } from 'vitest';
import type { KeyAction } from '../../source/review/actions.js';
import { applyKeys, keyContext } from '../../source/review/interpret.js';
import {
  helpGroups,
  hintsFor,
  KEYMAP,
  type KeyContext,
  lookup,
} from '../../source/review/keymap.js';
import { NO_KEY } from '../../source/review/keys.js';
import { reduce } from '../../source/review/reducer.js';
import type { ReviewState } from '../../source/review/state.js';
import { NO_SUGGESTIONS, type SuggestionsState } from '../../source/review/suggestions.js';
import type { Label } from '../../source/store/types.js';
import { pressOf } from '../helpers/keys.js';
import { HITS, listState, readerState, STORY } from './fixtures.js';

const WITH_STORY = { view: STORY, origin: null, linkFrom: null };

/** A state in each context, chosen so that every key has something to do. */
function stateIn(context: KeyContext): ReviewState {
  switch (context) {
    case 'list':
      return listState();
    case 'reader':
      return readerState({ suggestions: SUGGESTIONS, story: WITH_STORY });
    case 'results':
      return readerState({
        results: { query: 'sentence', hits: HITS, index: 1 },
        // The search began in the list, on the first article.
        searchBack: { to: { article: null, current: 0, focus: 'list', cursor: 0 }, began: true },
        suggestions: SUGGESTIONS,
        story: WITH_STORY,
      });
    case 'help':
      return readerState({ mode: { kind: 'help' }, helpTop: 1 });
    case 'search':
      return readerState({
        mode: {
          kind: 'search',
          query: 'sentence',
          cursor: 8,
          hits: HITS,
          hitsFor: 'sentence',
          accepting: false,
          stopped: false,
          whole: null,
          selected: 1,
          origin: { article: null, current: 0, focus: 'list', cursor: 0 },
        },
      });
    case 'note':
      return readerState({
        mode: {
          kind: 'note',
          article: 'b',
          sentence: 'b-s20',
          draft: 'new note',
          cursor: 8,
          initial: 'check this',
        },
      });
    case 'compare':
      return readerState({
        compare: true,
        mode: {
          kind: 'compare',
          article: 'b',
          selected: 1,
          rows: [
            {
              sentence: 'b-s3',
              annotators: [
                { annotator: 'ana', labels: ['quote'] },
                { annotator: 'ben', labels: [] },
              ],
              disagreement: true,
            },
            {
              sentence: 'b-s5',
              annotators: [
                { annotator: 'ana', labels: ['claim', 'event'] },
                { annotator: 'ben', labels: ['quote'] },
              ],
              disagreement: true,
            },
            {
              sentence: 'b-s6',
              annotators: [
                { annotator: 'ana', labels: [] },
                { annotator: 'ben', labels: [] },
              ],
              disagreement: false,
            },
          ],
        },
      });
    case 'story':
      return readerState({
        mode: { kind: 'story', article: 'b', sentence: 'b-s20', selected: 0 },
        story: WITH_STORY,
      });
    case 'attributes':
      return readerState({
        mode: {
          kind: 'attributes',
          article: 'b',
          sentence: 'b-s20',
          fields: [
            { key: 'claimant', label: 'claimant' },
            { key: 'when', label: 'when' },
          ],
          values: { claimant: 'The Kremlin', when: '' },
          initial: { claimant: 'Kremlin', when: '' },
          focus: 0,
          cursor: 11,
        },
      });
    case 'guidelines':
      return readerState({ mode: { kind: 'guidelines', top: 0 } });
    case 'problems':
      return readerState({ mode: { kind: 'problems', top: 1 }, warnings: PROBLEMS });
  }
}

/** Problems enough to scroll: long lines, as a path and an error of a file can be. */
const PROBLEMS = Array.from(
  { length: 30 },
  (_, n) =>
    `archive/${'deep/'.repeat(20)}page-${n}.html: not valid UTF-8 and the encoding could not be detected`,
);

/** On b-s20 (tagged claim) an event is suggested; b-s30 is the least certain sentence. */
const SUGGESTIONS: SuggestionsState = {
  ...NO_SUGGESTIONS,
  byArticle: {
    b: {
      sentences: {
        'b-s20': {
          labels: [
            { label: 'claim', score: 0.9 },
            { label: 'event', score: 0.7 },
          ],
          attributes: { when: 'on Thursday' },
        },
      },
      uncertain: ['b-s30', 'b-s20', 'b-s2'],
      revision: 1,
    },
  },
};

const cursor = (state: ReviewState) => state.cursors.b ?? 0;
/** The writes asked for, without the model's lesson each carries (`suggestions.test.ts`). */
const effects = (state: ReviewState) =>
  state.outbox.map((effect) => {
    const { lesson, ...write } = effect;
    return lesson === undefined ? effect : write;
  });
const labelsAt = (state: ReviewState, sentence: string) =>
  state.marks.b?.sentences[sentence]?.labels ?? [];

/** What each action's help text promises, checked on the state before and after the key. */
const promises: Record<
  string,
  (before: ReviewState, after: ReviewState, context: KeyContext, action: KeyAction) => void
> = {
  'cursor/next': (b, a, c) =>
    c === 'list' ? expect(a.current).toBe(b.current + 1) : expect(cursor(a)).toBe(cursor(b) + 1),
  'cursor/prev': (b, a, c) =>
    c === 'list' ? expect(a.current).toBe(b.current - 1) : expect(cursor(a)).toBe(cursor(b) - 1),
  'cursor/page-down': (b, a, c) =>
    c === 'list' ? expect(a.current).toBe(2) : expect(cursor(a)).toBeGreaterThan(cursor(b) + 5),
  'cursor/page-up': (b, a, c) =>
    c === 'list' ? expect(a.current).toBe(0) : expect(cursor(a)).toBeLessThan(cursor(b) - 5),
  'cursor/first': (_b, a, c) =>
    c === 'list' ? expect(a.current).toBe(0) : expect(cursor(a)).toBe(0),
  'cursor/last': (_b, a, c) =>
    c === 'list' ? expect(a.current).toBe(2) : expect(cursor(a)).toBe(39),
  'cursor/next-untagged': (_b, a) => expect(cursor(a)).toBe(22),
  'article/open': (_b, a) => expect(a.focus).toBe('reader'),
  'article/next': (b, a) => expect(a.current).toBe(b.current + 1),
  'article/prev': (b, a) => expect(a.current).toBe(b.current - 1),
  'pane/toggle': (b, a) => expect(a.focus).not.toBe(b.focus),
  back: (b, a, c) => {
    if (c === 'reader') expect(a.focus).toBe('list');
    else if (c === 'results') {
      expect(a.results).toBeNull();
      expect([a.current, a.focus]).toEqual([0, 'list']);
    } else expect(a.mode.kind).toBe('browse');
    expect(effects(a)).toEqual(effects(b));
  },
  'tag/toggle': (b, a, _c, action) => {
    const label = (action as { label: Label }).label;
    const had = labelsAt(b, 'b-s20').includes(label);
    expect(labelsAt(a, 'b-s20').includes(label)).toBe(!had);
    expect(cursor(a)).toBe(cursor(b));
    // A label suggested there with values is tagged with them (event: when), as `y` tags it.
    const suggested = b.suggestions.byArticle.b?.sentences['b-s20'];
    if (!had && suggested?.labels.some((each) => each.label === label)) {
      expect(effects(a).at(-1)).toMatchObject({ kind: 'tag-many', labels: [label] });
      return;
    }
    expect(effects(a).at(-1)).toEqual({ kind: 'toggle', article: 'b', sentence: 'b-s20', label });
  },
  'tag/clear': (_b, a) => {
    expect(labelsAt(a, 'b-s20')).toEqual([]);
    expect(effects(a).at(-1)).toEqual({ kind: 'clear', article: 'b', sentence: 'b-s20' });
  },
  'note/edit': (_b, a) =>
    expect(a.mode).toMatchObject({ kind: 'note', sentence: 'b-s20', draft: 'check this' }),
  'attributes/edit': (_b, a) =>
    expect(a.mode).toMatchObject({ kind: 'attributes', values: { claimant: 'Kremlin' }, focus: 0 }),
  'edit/save': (b, a) => {
    expect(a.mode.kind).toBe('browse');
    const saved =
      b.mode.kind === 'note'
        ? { patch: { note: 'new note' } }
        : { patch: { attributes: { claimant: 'The Kremlin' } }, declared: { claim: ['claimant'] } };
    expect(effects(a).at(-1)).toEqual({
      kind: 'annotate',
      article: 'b',
      sentence: 'b-s20',
      ...saved,
    });
  },
  'field/next': (_b, a) => expect(a.mode).toMatchObject({ focus: 1 }),
  'field/prev': (_b, a) => expect(a.mode).toMatchObject({ focus: 1 }),
  'status/toggle-done': (_b, a) => {
    expect(a.marks.b?.status).toBe('done');
    expect(effects(a).at(-1)).toEqual({ kind: 'status', article: 'b', status: 'done' });
  },
  undo: (_b, a) => expect(effects(a).at(-1)).toMatchObject({ kind: 'undo' }),
  redo: (_b, a) => expect(effects(a).at(-1)).toMatchObject({ kind: 'redo' }),
  'search/open': (_b, a) => expect(a.mode.kind).toBe('search'),
  'search/move': (_b, a, _c, action) => {
    const { delta } = action as { delta: number };
    expect(a.mode).toMatchObject({ selected: 1 + delta });
  },
  // Two results: a page down reaches the last, a page up the first.
  'search/page': (_b, a, _c, action) => {
    const { delta } = action as { delta: number };
    expect(a.mode).toMatchObject({ selected: delta > 0 ? HITS.length - 1 : 0 });
  },
  'search/accept': (_b, a) => {
    expect(a.articles[a.current]?.id).toBe('b');
    expect(cursor(a)).toBe(7);
    expect(a.results?.index).toBe(1);
  },
  'search/cancel': (_b, a) => {
    expect(a.mode.kind).toBe('browse');
    expect(a.current).toBe(0);
    expect(a.focus).toBe('list');
  },
  'search/back': (b, a) => {
    if (!b.searchBack) {
      expect(a.message?.text).toBe('no search to go back from');
      return;
    }
    expect([a.current, a.focus, a.results]).toEqual([
      b.searchBack.to.current,
      b.searchBack.to.focus,
      null,
    ]);
    // Again: to the place left.
    expect(a.searchBack).toEqual({
      to: {
        article: b.articles[b.current]?.id ?? null,
        current: b.current,
        focus: b.focus,
        cursor: cursor(b),
      },
      began: false,
    });
  },
  'search/next': (_b, a) => {
    expect(a.results?.index).toBe(2);
    expect(a.articles[a.current]?.id).toBe('c');
    expect(a.cursors.c).toBe(5);
  },
  'search/prev': (_b, a) => {
    expect(a.results?.index).toBe(0);
    expect(a.articles[a.current]?.id).toBe('a');
    expect(a.cursors.a).toBe(3);
  },
  'compare/open': (b, a) =>
    b.compare
      ? expect(a.mode).toEqual({ kind: 'compare', article: 'b', selected: 0, rows: null })
      : expect(a.message?.text).toBe('start margin with --compare to compare annotators'),
  'compare/move': (b, a, _c, action) => {
    const { delta } = action as { delta: number };
    expect(a.mode).toMatchObject({ selected: 1 + delta });
    expect(b.mode).toMatchObject({ selected: 1 });
  },
  'compare/accept': (_b, a, _c, action) => {
    const { index } = action as { index: number };
    if (index === 0) {
      expect(a.marks.b?.sentences['b-s5']?.labels).toEqual(['claim', 'event']);
      expect(effects(a).at(-1)).toEqual({
        kind: 'accept',
        article: 'b',
        sentence: 'b-s5',
        annotator: 'ana',
      });
    } else if (index === 1) {
      expect(a.marks.b?.sentences['b-s5']?.labels).toEqual(['quote']);
      expect(effects(a).at(-1)).toEqual({
        kind: 'accept',
        article: 'b',
        sentence: 'b-s5',
        annotator: 'ben',
      });
    } else {
      expect(effects(a)).toEqual([]);
      expect(a.message?.text).toBe(`no annotator ${index + 1} to accept`);
    }
  },
  'compare/annotators': (b, a) => {
    // Two annotators: all are shown, and the table says so rather than moving.
    expect(a.mode).toEqual(b.mode);
    expect(a.message?.text).toBe('every annotator is shown');
  },
  'compare/go': (_b, a) => {
    expect(a.mode.kind).toBe('browse');
    expect(cursor(a)).toBe(5);
  },
  'suggestion/accept': (_b, a) => {
    expect(labelsAt(a, 'b-s20')).toEqual(['claim', 'event']);
    expect(effects(a).at(-1)).toEqual({
      kind: 'tag-many',
      article: 'b',
      sentence: 'b-s20',
      labels: ['event'],
      attributes: { when: 'on Thursday', claimant: 'Kremlin' },
      declared: { claim: ['claimant'], event: ['when', 'where'] },
    });
  },
  'suggestion/reject': (b, a) => {
    // The event suggested there is rejected (the claim the sentence carries was not offered).
    expect(a.suggestions.dropped.b?.['b-s20']).toEqual(['event']);
    // Nothing written: an undo step only, so `u` brings the suggestion back.
    expect(effects(a)).toEqual([
      ...effects(b),
      {
        kind: 'mark',
        article: 'b',
        sentence: 'b-s20',
        description: 'reject event (when: on Thursday)',
      },
    ]);
  },
  'suggestion/next-uncertain': (_b, a) => expect(cursor(a)).toBe(30),
  'story/open': (_b, a) =>
    expect(a.mode).toEqual({ kind: 'story', article: 'b', sentence: 'b-s20', selected: 0 }),
  'story/move': (_b, a, _c, action) => {
    const { delta } = action as { delta: number };
    expect(a.mode).toMatchObject({ selected: delta > 0 ? 1 : 0 });
  },
  'story/go': (_b, a) => {
    expect(a.articles[a.current]?.id).toBe('a');
    expect(a.cursors.a).toBe(3);
    expect(a.story.origin).toEqual({ article: 'b', current: 1, focus: 'reader', cursor: 20 });
  },
  'story/copy': (_b, a) => {
    expect(a.marks.a?.sentences['a-s3']?.labels).toEqual(['claim']);
    expect(effects(a).at(-1)).toEqual({
      kind: 'adopt',
      article: 'a',
      sentence: 'a-s3',
      labels: ['claim'],
      attributes: { claimant: 'Kremlin' },
      declared: { claim: ['claimant'] },
    });
  },
  'story/unlink': (_b, a) =>
    expect(effects(a).at(-1)).toEqual({
      kind: 'story-link',
      link: {
        kind: 'unlink',
        a: { article: 'b', sentence: 'b-s20' },
        b: { article: 'a', sentence: 'a-s3' },
      },
    }),
  'story/link': (_b, a) => expect(a.story.linkFrom).toEqual({ article: 'b', sentence: 'b-s20' }),
  'help/toggle': (b, a) => {
    if (b.mode.kind === 'help') return expect(a.mode).toEqual(b.mode.under ?? { kind: 'browse' });
    expect(a.mode.kind).toBe('help');
    // Over a panel (the story panel, the compare table), `?` and Esc go back to it as it was.
    const panel = b.mode.kind === 'story' || b.mode.kind === 'compare';
    const back = panel ? b.mode : { kind: 'browse' };
    expect(applyKeys(a, '?', NO_KEY).mode).toEqual(back);
    expect(applyKeys(a, '', { ...NO_KEY, escape: true }).mode).toEqual(back);
  },
  'help/scroll': (b, a) => expect(a.helpTop).not.toBe(b.helpTop),
  'problems/toggle': (b, a) => {
    if (b.mode.kind === 'problems') expect(a.mode.kind).toBe('browse');
    else if (b.warnings.length === 0)
      expect(a.message?.text).toBe(
        b.loading ? 'no problems so far; the corpus is still loading' : 'no problems to show',
      );
    else expect(a.mode).toEqual({ kind: 'problems', top: 0 });
  },
  'problems/scroll': (b, a) => expect(a.mode).not.toEqual(b.mode),
  'app/quit': (_b, a) => {
    // With text typed and not saved, the first asks and the second quits.
    const asked = 'quitAsked' in a.mode && a.mode.quitAsked === true;
    expect((asked ? reduce(a, { type: 'app/quit' }) : a).quit).toBe(true);
  },
};

describe('every key in the keymap does what its help line says', () => {
  for (const entry of KEYMAP) {
    for (const binding of entry.keys) {
      for (const context of entry.contexts) {
        it(`${binding.label} in ${context}: ${entry.description}`, () => {
          const before = stateIn(context);
          expect(keyContext(before)).toBe(context);
          const press = pressOf(binding);
          const resolved = lookup(context, press.input, press.key);
          // An earlier row may own the key in this context (n steps results there); that row's
          // promise is then the one to keep.
          expect(resolved).toBeDefined();
          const after = applyKeys(before, press.input, press.key);
          const promise = promises[resolved!.action.type];
          expect(promise, `a promise for ${resolved!.action.type}`).toBeDefined();
          promise!(before, after, context, resolved!.action);
        });
      }
    }
  }
});

describe('the keymap table', () => {
  it('gives no key two meanings in one context', () => {
    const seen = new Map<string, string>();
    for (const entry of KEYMAP) {
      for (const binding of entry.keys) {
        for (const context of entry.contexts) {
          const id = `${context}:${binding.label}`;
          const owner = seen.get(id);
          // `n` in results is the one deliberate overlap: search/next comes first and wins.
          if (owner && !(context === 'results' && binding.label === 'n')) {
            throw new Error(`${binding.label} in ${context}: ${owner} and ${entry.action.type}`);
          }
          seen.set(id, entry.action.type);
        }
      }
    }
  });

  it('lets n step through search results while they are active and edit the note otherwise', () => {
    const press = pressOf({ label: 'n', input: 'n' });
    expect(lookup('results', press.input, press.key)?.action.type).toBe('search/next');
    expect(lookup('reader', press.input, press.key)?.action.type).toBe('note/edit');
    const m = pressOf({ label: 'm', input: 'm' });
    expect(lookup('results', m.input, m.key)?.action.type).toBe('note/edit');
  });

  it('shows the help on ? in the story panel and the compare table, then the panel again', () => {
    for (const context of ['story', 'compare'] as const) {
      const panel = stateIn(context);
      const help = applyKeys(panel, '?', NO_KEY);
      expect(help.mode.kind, context).toBe('help');
      expect(applyKeys(help, '?', NO_KEY).mode).toEqual(panel.mode);
      expect(hintsFor(context)).toContain('? help');
    }
  });

  it('builds the status-bar hints from the table, per context', () => {
    expect(hintsFor('list')).toEqual([
      'j/k move',
      'Enter open',
      'd done',
      'u undo',
      '/ search',
      '? help',
      'q quit',
    ]);
    expect(hintsFor('note')).toEqual(['Enter save', 'Esc cancel']);
    expect(hintsFor('results')).toContain('n/N result');
  });

  it('hints only the keys that reach an action: among results the note is on m', () => {
    expect(hintsFor('reader')).toContain('n note');
    expect(hintsFor('results')).toContain('m note');
    expect(hintsFor('results')).not.toContain('n note');
  });

  it('lists every row of the table in the help, grouped', () => {
    const groups = helpGroups();
    const rows = groups.flatMap((group) => group.rows.map((row) => row.description));
    for (const entry of KEYMAP) expect(rows).toContain(entry.description);
    expect(groups.map((group) => group.group)).toEqual([
      'Move',
      'Articles',
      'Tag',
      'Review',
      'Suggest',
      'Search',
      'Edit',
      'Compare',
      'Story',
      'General',
    ]);
  });
});
