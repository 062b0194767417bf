import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { reduce } from '../../source/review/reducer.js';
import { initialState } from '../../source/review/state.js';
import { StatusBar } from '../../source/ui/components/StatusBar.js';
import { makeTheme } from '../../source/ui/theme.js';
import { typed } from '../helpers/keys.js';
import { readerState, tallSentenceArticle } from '../review/fixtures.js';

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
