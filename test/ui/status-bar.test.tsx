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
      save: { pending: 0, error: 'save failed, retrying: EACCES\x1b[2J\r\nnotes/x' },
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
