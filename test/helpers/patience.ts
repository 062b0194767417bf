/**
 * How long a test may wait for something a quiet machine does in `quietMs`.
 *
 * Waits end as soon as their condition holds, so a long limit costs nothing when the code works;
 * it only decides how long a broken test takes to fail. A CI machine running other jobs is many
 * times slower than a quiet one: load 15 on 2 cores was seen, and on 2026-12-08 a machine 2.2
 * times slower in CPU at load 20-25 failed three tests at ten times (a 20 s wait for a warning
 * the review showed later, a 60 s benchmark hook). Limits are thirty times what a quiet machine
 * needs; MARGIN_TEST_PATIENCE scales them further for slower machines still.
 */
export function patience(quietMs: number): number {
  const extra = Number(process.env.MARGIN_TEST_PATIENCE ?? '1');
  return Math.round(quietMs * PATIENCE * (Number.isFinite(extra) && extra > 0 ? extra : 1));
}

const PATIENCE = 30;

/** Polls `probe` until it returns something other than undefined, within `patience(quietMs)`. */
export async function eventually<T>(
  probe: () => T | undefined,
  what: string,
  quietMs = 1000,
  describe: () => string = () => '',
): Promise<T> {
  const deadline = Date.now() + patience(quietMs);
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const detail = describe();
      throw new Error(`timed out waiting for ${what}${detail ? `:\n${detail}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
