import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { StatusBar } from '../../source/ui/components/StatusBar.js';
import { makeTheme } from '../../source/ui/theme.js';
import { readerState } from '../review/fixtures.js';

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
