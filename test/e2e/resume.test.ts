import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { type Session, seedsCopyPerTest, spawnCli, storeOpened, WHOLE_SESSION } from './pty.js';

vi.setConfig({ testTimeout: WHOLE_SESSION });

const seeds = seedsCopyPerTest();

function start(annotator = 'alice'): Session {
  return seeds.track(
    spawnCli(
      ['--corpus', 'seeds', '--store', 'annotations', '--annotator', annotator, '--no-suggestions'],
      { cwd: seeds.dir, cols: 80, rows: 24, env: { XDG_CACHE_HOME: join(seeds.dir, 'cache') } },
    ),
  );
}

const header = (screen: string) => screen.split('\n')[0] ?? '';
const statusBar = (screen: string) => screen.trimEnd().split('\n').at(-1) ?? '';

async function quit(s: Session): Promise<void> {
  s.write('q');
  expect((await s.exited).exitCode).toBe(0);
}

// qa53: quitting and starting again put the reviewer at article 1, not where they stopped.
describe('starting the review again', () => {
  it('opens at the article and sentence the reviewer quit on, per annotator', async () => {
    let s = start();
    await s.waitFor((t) => header(t).includes('article 1 of 5'), 'the list');
    s.write('\r');
    // The header counts sentences in the list too: the reader is told by its key hints.
    await s.waitFor((t) => statusBar(t).includes('Enter next untagged'), 'the first article');
    s.write('JJ');
    await s.waitFor((t) => header(t).includes('article 3 of 5'), 'the third article');
    s.write('jjj');
    await s.waitFor((t) => header(t).includes('sentence 4 of'), 'its fourth sentence');
    const at = header(s.screen().join('\n'));
    await quit(s);

    s = start();
    await s.waitFor(
      (t) => header(t) === at && storeOpened(statusBar(t)),
      'the same article and sentence',
    );
    // In the reader, as it was left: j moves on from the fourth sentence.
    s.write('j');
    await s.waitFor((t) => header(t).includes('sentence 5 of'), 'the next sentence');
    await quit(s);

    // Another annotator's place is their own.
    s = start('bob');
    await s.waitFor(
      (t) => header(t).includes('article 1 of 5') && storeOpened(statusBar(t)),
      "bob's start",
    );
    await quit(s);
  });

  it('opens at the first article, without a word, when that article is gone', async () => {
    let s = start();
    await s.waitFor((t) => header(t).includes('article 1 of 5'), 'the list');
    s.write('\rJ');
    await s.waitFor((t) => header(t).includes('article 2 of 5'), 'the second article');
    const screen = s.screen().join('\n');
    await quit(s);
    expect(screen).toContain('Putin-Trump Meeting');
    rmSync(join(seeds.dir, 'seeds', '001_d7fb493d5d978b6e.txt'), { force: true });
    s = start();
    await s.waitFor(
      (t) => header(t).includes('article 1 of 4') && storeOpened(statusBar(t)),
      'the first article',
    );
    expect(s.screen().join('\n')).not.toContain('Putin-Trump Meeting Dates');
    await quit(s);
  });
});
