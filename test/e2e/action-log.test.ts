import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedsCopyPerTest, spawnCli } from './pty.js';

const seeds = seedsCopyPerTest();

// flake53: a failure screen alone could not tell whether the review received keys or moved by
// itself; a wait that times out shows the review's own log of keys and actions beside it.
describe('a wait that times out', () => {
  it("shows the review's keys and actions beside the screen, never on it", async () => {
    const s = seeds.track(
      spawnCli(['--corpus', 'seeds', '--annotator', 'alice', '--no-suggestions'], {
        cwd: seeds.dir,
        cols: 80,
        rows: 24,
        env: { XDG_CACHE_HOME: join(seeds.dir, 'cache') },
      }),
    );
    const header = (t: string) => t.split('\n')[0] ?? '';
    await s.waitFor((t) => header(t).includes('article 1 of 5'), 'the list');
    s.write('J');
    await s.waitFor((t) => header(t).includes('article 2 of 5'), 'the second article');
    const failed = await s
      .waitFor(() => false, 'something that never shows', 50)
      .then(
        () => null,
        (error: unknown) => String(error),
      );
    expect(failed).toContain('article 2 of 5');
    expect(failed).toMatch(/key "J"\n.*applied "J", 0 held → list browse article 1 \(001_/);
    expect(s.raw()).not.toContain('applied');
    s.write('q');
    expect((await s.exited).exitCode).toBe(0);
  });
});
