import type { IPty } from 'node-pty';

/** How long a review may take to quit after `q` before it is killed. */
const QUIT_LIMIT_MS = 10_000;

/**
 * Milliseconds from `started` until `shown` holds for what the review in `child` has written;
 * then quits it with `q`. A child that exits first, or shows nothing in `limitMs`, rejects with
 * its output. The exit is listened for from the start, since node-pty does not replay an exit to
 * a listener added after it, and the quit is bounded: a bench run once waited ten minutes on a
 * review that had gone without its exit being heard.
 */
export async function msUntilShown(
  child: IPty,
  started: number,
  shown: (output: string) => boolean,
  limitMs = 60_000,
): Promise<number> {
  let output = '';
  let exitCode: number | undefined;
  const exited = new Promise<void>((resolve) =>
    child.onExit((event) => {
      exitCode = event.exitCode;
      resolve();
    }),
  );
  try {
    return await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`not shown after ${limitMs / 1000} s:\n${output}`)),
        limitMs,
      );
      child.onData((data) => {
        output += data;
        if (shown(output)) {
          clearTimeout(timer);
          resolve(performance.now() - started);
        }
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`exited (${exitCode}) before it was shown:\n${output}`));
      });
    });
  } finally {
    await quit(child, exited);
  }
}

async function quit(child: IPty, exited: Promise<void>) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), QUIT_LIMIT_MS);
  });
  try {
    child.write('q');
  } catch {
    // Already gone: its exit settles the race below.
  }
  const quitted = await Promise.race([exited.then(() => true as const), late]);
  clearTimeout(timer);
  if (!quitted) child.kill('SIGKILL');
}
