import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enterAlternateScreen } from '../../source/ui/screen.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the alternate screen', () => {
  it('is left on a crash, which is told in one line as the review command’s, escapes shown', () => {
    const stdout = new PassThrough();
    let screen = '';
    stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
    });
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const leave = enterAlternateScreen(stdout);
    try {
      const crash = new Error('bad \x1b[31mthing\nhappened');
      process.emit('unhandledRejection', crash, Promise.resolve());
      expect(stderr.mock.calls.map(([text]) => text)).toEqual([
        'margin review: bad \\u001b[31mthing happened\n',
      ]);
      expect(exit).toHaveBeenCalledWith(1);
      expect(screen).toBe('\x1b[?1049h\x1b[?25l\x1b[?2004h\x1b[?2004l\x1b[?25h\x1b[?1049l');
    } finally {
      leave();
    }
  });
});
