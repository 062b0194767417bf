import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { seedsCopyPerTest, spawnCli, WHOLE_SESSION } from './pty.js';

vi.setConfig({ testTimeout: WHOLE_SESSION });

const seeds = seedsCopyPerTest();

it('names the story links file under the default store when no --store is given', async () => {
  mkdirSync(join(seeds.dir, 'annotations', 'alice'), { recursive: true });
  writeFileSync(join(seeds.dir, 'annotations', 'alice', '.story-links.json'), '{ not json\n');
  const s = seeds.track(
    spawnCli(['--no-suggestions', '--corpus', 'seeds', '--annotator', 'alice'], {
      cwd: seeds.dir,
      cols: 160,
      rows: 30,
      env: { NO_COLOR: '1', XDG_CACHE_HOME: join(seeds.dir, 'cache') },
    }),
  );
  // The refused file is named as the user knows it, not under a store called "undefined".
  await s.waitFor((t) => t.includes('.story-links.json: is not valid JSON'), 'the warning');
  const warning = s.screen().find((row) => row.includes('.story-links.json')) ?? '';
  expect(warning).toContain('⚠ annotations/alice/.story-links.json: is not valid JSON');
  s.write('q');
  await s.exited;
});
