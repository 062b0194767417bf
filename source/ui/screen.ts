import { oneLine, visible } from '../text/untrusted.js';

/**
 * The alternate screen keeps the reviewer's shell scrollback as it was; the cursor is hidden;
 * bracketed paste marks pasted text, so that its lines are never read as keys (see
 * `pasteSplitter`). Each is put back on leaving.
 */
const ENTER = '\x1b[?1049h\x1b[?25l\x1b[?2004h';
const LEAVE = '\x1b[?2004l\x1b[?25h\x1b[?1049l';

/**
 * Enters the alternate screen and makes sure it is left exactly once, whatever ends the process
 * (a normal quit, SIGTERM, SIGHUP, SIGINT from `kill`, an uncaught exception), so the terminal is
 * never left broken. `onSignal` returns true when it handles the signal itself. (Ctrl+C in the
 * review is a key, not SIGINT: the terminal is in raw mode.)
 */
export function enterAlternateScreen(
  stdout: NodeJS.WritableStream,
  options: { onSignal?: (signal: NodeJS.Signals) => boolean } = {},
): () => void {
  let active = true;
  stdout.write(ENTER);
  const leave = () => {
    if (!active) return;
    active = false;
    stdout.write(LEAVE);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    // The screen may take over (to finish its writes first) and leave by itself.
    if (options.onSignal?.(signal)) return;
    leave();
    process.exit(signal === 'SIGTERM' ? 143 : signal === 'SIGINT' ? 130 : 129);
  };
  const onCrash = (error: unknown) => {
    leave();
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`margin review: ${oneLine(message)}\n`);
    if (process.env.MARGIN_DEBUG && error instanceof Error && error.stack) {
      process.stderr.write(`${visible(error.stack)}\n`);
    }
    process.exit(1);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('SIGINT', onSignal);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  process.on('exit', leave);
  return () => {
    leave();
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    process.off('SIGINT', onSignal);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    process.off('exit', leave);
  };
}
