import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { PASTED } from '../../source/review/keys.js';
import { reduce } from '../../source/review/reducer.js';
import type { ReviewState } from '../../source/review/state.js';
import { initialState } from '../../source/review/state.js';
import { overruledMessage } from '../../source/review/story.js';
import type { OverruledDecision } from '../../source/store/index.js';
import { StatusBar } from '../../source/ui/components/StatusBar.js';
import { makeTheme } from '../../source/ui/theme.js';
import { pressed, typed } from '../helpers/keys.js';
import { fixtureArticle, HITS, readerState, tallSentenceArticle } from '../review/fixtures.js';

describe('StatusBar', () => {
  it('shows a message and a save error on one line, with no escape sequence from a file name', () => {
    const state = readerState({
      message: {
        text: 'bad\x1b]0 file\nat line 2',
        tone: 'error',
      },
      save: { pending: 0, error: 'save failed, retrying: EACCES\x1b[2J\r\nnotes/x', written: true },
    });
    const { lastFrame, unmount } = render(
      <StatusBar state={state} context="reader" theme={makeTheme(false)} />,
    );
    const frame = lastFrame() ?? '';
    unmount();
    expect(frame).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(frame.split('\n')).toHaveLength(1);
    expect(frame).toContain('bad\\u001b]0 file at line 2');
    expect(frame).toContain('save failed, retrying: EACCES');
  });
});

describe('StatusBar on a tall sentence with a suggestion', () => {
  for (const columns of [60, 80]) {
    it(`names both the key that reads on and the one that accepts at ${columns} columns`, () => {
      const article = tallSentenceArticle(300);
      const opened = {
        ...initialState({
          corpusName: 'c',
          annotator: 'a',
          size: { columns, rows: 15 },
          articles: [article],
        }),
        focus: 'reader' as const,
      };
      const onto = typed(typed(opened, 'j'), 'j');
      const state = reduce(onto, {
        type: 'suggestions/arrived',
        article: 't',
        suggestions: {
          sentences: { 't-s2': { labels: [{ label: 'claim', score: 0.8 }], attributes: {} } },
          uncertain: [],
          unsure: {},
          revision: 1,
        },
      });
      const { lastFrame, unmount } = render(
        <StatusBar state={state} context="reader" theme={makeTheme(false)} />,
      );
      const frame = lastFrame() ?? '';
      unmount();
      expect(frame).toContain('suggested: ');
      expect(frame).toContain('Space more');
      expect(frame).toContain('y accept');
    });
  }
});

describe('StatusBar with a suggestion: the values before the keys (qa52 #6)', () => {
  /** b-s3 suggested as a claim and a quote, `attributes` theirs, at `columns`. */
  function line(
    columns: number,
    attributes: Record<string, string>,
    more: Array<{ label: string; score: number }> = [],
  ): string {
    const state = reduce(
      readerState({
        cursors: { b: 3 },
        size: { columns, rows: 24 },
        save: { pending: 0, error: null, written: true },
      }),
      {
        type: 'suggestions/arrived',
        article: 'b',
        suggestions: {
          sentences: {
            'b-s3': {
              labels: [{ label: 'claim', score: 0.62 }, { label: 'quote', score: 0.97 }, ...more],
              attributes,
            },
          },
          uncertain: [],
          revision: 1,
        },
      },
    );
    const { lastFrame, unmount } = render(
      <StatusBar state={state} context="reader" theme={makeTheme(false)} />,
    );
    const frame = lastFrame() ?? '';
    unmount();
    return frame.replace(/ +saved$/, '').trimEnd();
  }
  const peskov = { claimant: 'Dmitry Peskov', speaker: 'Dmitry Peskov' };

  it('names the same person as claimant and speaker once, and drops keys before it', () => {
    // (ink-testing-library draws 100 columns at most.)
    expect(line(100, peskov)).toBe(
      'suggested: claim, quote · Dmitry Peskov · y accept · r reject · w unsure · ? help',
    );
    expect(line(80, peskov)).toBe(
      'suggested: claim, quote · Dmitry Peskov · y accept · r reject · ? help',
    );
    expect(line(60, peskov)).toBe('suggested: claim, quote · Dmitry Peskov · y accept');
  });

  // verify52 #4: with a third label's own value the person was named twice and `y accept` went.
  it('names a shared person once beside a third label’s own value', () => {
    const putin = { claimant: 'Vladimir Putin', speaker: 'Vladimir Putin', when: 'Thursday' };
    const event = [{ label: 'event', score: 0.9 }];
    expect(line(100, putin, event)).toBe(
      'suggested: claim, quote, event · Vladimir Putin (when: Thursday) · y accept · ? help',
    );
    // The values whole, as the two-people case: the keys give way first.
    expect(line(80, putin, event)).toBe(
      'suggested: claim, quote, event · Vladimir Putin (when: Thursday)',
    );
  });

  it('shows two people whole before any key, and cuts them only when they alone are too wide', () => {
    const two = { claimant: 'Russia', speaker: 'Dmitry Peskov' };
    expect(line(100, two)).toBe(
      'suggested: claim, quote (claimant: Russia, speaker: Dmitry Peskov) · y accept · ? help',
    );
    expect(line(80, two)).toBe(
      'suggested: claim, quote (claimant: Russia, speaker: Dmitry Peskov)',
    );
    expect(line(60, two)).toBe('suggested: claim, quote (claimant: Russia, speaker: …');
  });
});

// polish54: at 60 columns the status line cut messages at their end, after the part that
// mattered (fixreview53: `…(figure's is …`); what a message asks of the reviewer now comes first.
describe('StatusBar at 60 columns', () => {
  const ctrlC = { label: 'Ctrl+C', input: 'c', ctrl: true } as const;
  const narrow = () => readerState({ size: { columns: 60, rows: 15 } });
  const line = (state: ReviewState) => {
    const { lastFrame, unmount } = render(
      <StatusBar state={state} context="reader" theme={makeTheme(false)} />,
    );
    const frame = lastFrame() ?? '';
    unmount();
    return frame;
  };
  it('shows a paste refused whole', () => {
    const state = typed(narrow(), `${PASTED}pasted words`);
    expect(state.message?.text).toMatch(/^paste/);
    expect(line(state)).toContain(state.message!.text);
  });

  it('says that a second Ctrl+C drops an unsaved edit', () => {
    const note = pressed(typed(narrow(), 'jjnsource unclear'), ctrlC);
    expect(line(note)).toContain('note unsaved: Ctrl+C again drops it');
    const values = pressed(typed(typed(narrow(), 'jj1a'), 'TASS'), ctrlC);
    expect(line(values)).toContain('attributes unsaved: Ctrl+C again drops it');
  });

  it('shows where a search result is and the keys that go on, after Enter on it', () => {
    let state = typed(narrow(), '/sentence');
    state = reduce(state, { type: 'search/query', query: 'sentence', hits: HITS, total: 635 });
    state = pressed(state, { label: 'Enter', key: 'return' });
    expect(state.message?.text).toMatch(/^result 1 of the first \d+ of 635: n\/N, Esc back$/);
    expect(line(state)).toContain(state.message!.text);
  });
});

// qa57 #11 as fixteam57 left it: at 100 columns the line read `erin unlinked what you linked:
// “Rescue workers pulled two ch…” (Reuters); the later dec…`, the decision's rule cut.
describe("StatusBar saying a teammate's later decision overrules mine", () => {
  const rescue = {
    ...fixtureArticle('r', 3),
    source: 'Reuters',
    sentences: fixtureArticle('r', 3).sentences.map((sentence, at) =>
      at === 0
        ? { ...sentence, text: 'Rescue workers pulled two children from the rubble on Tuesday.' }
        : sentence,
    ),
  };
  const decision = (sentence: string): OverruledDecision => ({
    mine: {
      kind: 'link',
      a: { article: 'r', sentence },
      b: { article: 'x', sentence: 'x-s0' },
    },
    by: 'erin',
    kind: 'unlink',
    created: '2026-12-07T11:00:00.000Z',
  });
  const frameOf = (columns: number, overruled: OverruledDecision[]) => {
    const state = initialState({
      corpusName: 'c',
      annotator: 'dana',
      size: { columns, rows: 30 },
      articles: [rescue],
    });
    const told = {
      ...state,
      message: { text: overruledMessage(state, overruled), tone: 'info' as const },
    };
    const { lastFrame, unmount } = render(
      <StatusBar state={told} context="list" theme={makeTheme(false)} />,
    );
    const frame = lastFrame() ?? '';
    unmount();
    return frame;
  };

  it('says whose decision overrules which, whole at 100 columns beside the save state', () => {
    expect(frameOf(100, [decision('r-s0')]).trimEnd()).toBe(
      "erin's later unlink overrules your link: “Rescue workers pulled two ch…” (Reuters)        no changes",
    );
    const three = frameOf(100, [decision('r-s0'), decision('r-s1'), decision('r-s2')]);
    expect(three).toMatch(
      /^erin's later unlink overrules your link \(and 2 more\): “Rescue workers…” \(Reuters\) +no changes$/,
    );
  });

  it('keeps who and what whole at 60 columns', () => {
    expect(frameOf(60, [decision('r-s0')])).toMatch(
      /^erin's later unlink overrules your link: “Rescu… {2}no changes$/,
    );
  });
});
