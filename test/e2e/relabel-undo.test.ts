import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { CLI, seedsCopyPerTest, spawnCli, WHOLE_SESSION } from './pty.js';

vi.setConfig({ testTimeout: WHOLE_SESSION });

const seeds = seedsCopyPerTest();
const FIRST = '000_4b207f45d15cbf96';

const header = (screen: string) => screen.split('\n')[0] ?? '';
const statusBar = (screen: string) => screen.trimEnd().split('\n').at(-1) ?? '';
const labels = () =>
  (
    JSON.parse(readFileSync(join(seeds.dir, 'annotations/alice', `${FIRST}.json`), 'utf8')) as {
      annotations: Array<{ label: string }>;
    }
  ).annotations.map((annotation) => annotation.label);

// qa53: after `margin relabel` folded an annotation made in a running review, `z` there said
// `undid: tag number` and changed nothing.
describe('undo after margin relabel folded what the review tagged', () => {
  it('says it could not undo that step, and undoes the one before', async () => {
    const s = seeds.track(
      spawnCli(
        ['--corpus', 'seeds', '--store', 'annotations', '--annotator', 'alice', '--no-suggestions'],
        { cwd: seeds.dir, cols: 80, rows: 24, env: { XDG_CACHE_HOME: join(seeds.dir, 'cache') } },
      ),
    );
    await s.waitFor((t) => header(t).includes('article 1 of 5'), 'the list');
    s.write('\r');
    await s.waitFor((t) => header(t).includes('sentence 1 of'), 'the article');
    s.write('13');
    await s.waitFor((t) => header(t).includes('C 1') && header(t).includes('E 1'), 'both tags');
    await s.waitFor((t) => statusBar(t).endsWith('saved'), 'saved');
    await promisify(execFile)(
      process.execPath,
      [CLI, 'relabel', 'event', 'claim', '--store', 'annotations'],
      { cwd: seeds.dir, env: { ...process.env, XDG_CACHE_HOME: join(seeds.dir, 'cache') } },
    );
    expect(labels()).toEqual(['claim']);
    await s.waitFor((t) => header(t).includes('E 0'), 'the fold seen');
    s.write('u');
    await s.waitFor(
      (t) => statusBar(t).startsWith('could not undo tag event: changed elsewhere since'),
      'the undo that could not be',
    );
    expect(labels()).toEqual(['claim']);
    s.write('u');
    await s.waitFor((t) => statusBar(t).startsWith('undid: tag claim'), 'the step before');
    await s.waitFor(() => labels().length === 0, 'the claim taken back');
  });
});
