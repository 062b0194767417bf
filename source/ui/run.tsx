import { render } from 'ink';
import type { ReviewController } from '../review/controller.js';
import { anchoredScreen } from './anchored-stdout.js';
import { App } from './components/App.js';
import { keyboardStdin } from './keyboard-stdin.js';
import { enterAlternateScreen } from './screen.js';
import type { Theme } from './theme.js';

/** How long writes may take to finish after SIGTERM before the process leaves anyway. */
const TERMINATE_GRACE_MS = 5000;

export interface RunOptions {
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  controller: ReviewController;
  theme: Theme;
  /**
   * Called when asked to end from outside (SIGTERM, SIGHUP) and the writes did not finish within
   * the grace period: the process must leave anyway.
   */
  giveUp?: () => void;
}

/**
 * Draws the review screen on the terminal until the reviewer quits; resolves to the writes given
 * up on (0 normally). The terminal is this module's: the alternate screen, raw mode, its size.
 */
export async function runReview({
  stdout,
  stdin,
  controller,
  theme,
  giveUp,
}: RunOptions): Promise<number> {
  // Asked to end from outside, the screen finishes its writes like `q` does, within a grace period.
  let terminating = false;
  const onSignal = () => {
    if (terminating) return true;
    terminating = true;
    controller.dispatch({ type: 'app/terminate' });
    setTimeout(() => {
      leave();
      giveUp?.();
    }, TERMINATE_GRACE_MS).unref();
    return true;
  };
  const leave = enterAlternateScreen(stdout, { onSignal });
  const screen = anchoredScreen(stdout);
  let columns = stdout.columns;
  const onResize = () => {
    // Ink draws the next frame only where it changed, taking the screen to be as it left it;
    // a terminal may have wrapped, reflowed or scrolled it on the resize. Narrower, Ink clears
    // and draws whole itself; else the old frame is drawn again whole first (qa55 #5: a line
    // of the 60-column frame stayed at 80 until something redrew the screen).
    if (stdout.columns >= columns) screen.redraw(stdout.rows);
    columns = stdout.columns;
    controller.dispatch({
      type: 'terminal/resize',
      size: { columns: stdout.columns, rows: stdout.rows },
    });
  };
  stdout.on('resize', onResize);
  // Ink switches the terminal to raw mode only after its first frame; keys typed before that
  // would be echoed and line-buffered (Enter arriving as "\n"). Raw from the start, they wait in
  // the stream until Ink reads them.
  stdin.setRawMode?.(true);
  controller.start();
  try {
    const instance = render(<App controller={controller} theme={theme} />, {
      stdout: screen.stream,
      stdin: keyboardStdin(stdin),
      exitOnCtrlC: false,
      patchConsole: false,
      incrementalRendering: true,
    });
    // Asked for before unmounting: Ink creates the promise that unmount resolves only here.
    const exited = instance.waitUntilExit();
    const unsaved = await controller.finished;
    instance.unmount();
    await exited;
    return unsaved;
  } finally {
    controller.stop();
    stdout.off('resize', onResize);
    stdin.setRawMode?.(false);
    leave();
  }
}
