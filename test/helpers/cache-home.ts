import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest's global setup: the suite's own cache folder. Commands and tests that open a corpus or
 * a store without naming a cache use `$XDG_CACHE_HOME/margin`, which was the reviewer's own
 * `~/.cache/margin`: each run left some 30 indexes of temporary corpora there. The test workers,
 * and the processes they start, inherit this folder; it goes when the run ends.
 */
export function setup(): () => void {
  const home = mkdtempSync(join(tmpdir(), 'margin-test-cache-'));
  process.env.XDG_CACHE_HOME = home;
  return () => rmSync(home, { recursive: true, force: true });
}
