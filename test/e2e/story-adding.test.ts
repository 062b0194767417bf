import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it, vi } from 'vitest';
import { CLI, seedsCopyPerTest, spawnCli, storeOpened, WHOLE_SESSION } from './pty.js';

// Issue #15: one article added to a corpus whose story groups are kept is placed on them, not
// grouped with the whole corpus again.
vi.setConfig({ testTimeout: WHOLE_SESSION });

const seeds = seedsCopyPerTest();

/** 000's Peskov quote, as another outlet copies it word for word. */
const QUOTE =
  '“When Mr Witkoff brings all the information to President Trump, we will determine the timing of a conversation” between the two presidents, Kremlin spokesman Dmitry Peskov told reporters.';
const ADDED = '005_wire_copy';

function addArticle(): void {
  writeFileSync(
    join(seeds.dir, 'seeds', `${ADDED}.txt`),
    [
      'Kremlin says call timing depends on envoy briefing',
      '',
      'The date of any call between the two leaders was still open, officials in Moscow said.',
      '',
      QUOTE,
      '',
      'Gardening shows returned to the city park this spring with record crowds and forty new stalls.',
      '',
    ].join('\n'),
  );
}

const env = () => ({ XDG_CACHE_HOME: join(seeds.dir, 'cache') });
const run = (args: string[]) =>
  promisify(execFile)(process.execPath, [CLI, ...args, '--corpus', 'seeds'], {
    cwd: seeds.dir,
    env: { ...process.env, ...env() },
  });

/** `margin index --story` at a terminal, where forming shows its progress: all it printed. */
async function indexAtTerminal(): Promise<string> {
  const s = seeds.track(
    spawnCli(['index', '--story', '--corpus', 'seeds'], {
      cwd: seeds.dir,
      env: { NO_COLOR: '1', ...env() },
    }),
  );
  const { exitCode } = await s.exited;
  expect(exitCode).toBe(0);
  return s.raw();
}

interface Group {
  members: Array<{ article: string; text: string }>;
}

it('places an added article on the kept groups: margin index --story, margin story', async () => {
  const first = await indexAtTerminal();
  expect(first).toContain('story: reading');
  expect(first).toMatch(/story: 10 groups formed and kept/);
  addArticle();
  const again = await indexAtTerminal();
  // Placed, not formed: no reading of every article.
  expect(again).not.toContain('story: reading');
  expect(again).toContain(
    'story: 1 article added, changed or removed placed on the 10 kept groups',
  );
  const { stdout } = await run(['story', '--json']);
  const groups = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Group);
  const ours = groups.find((group) => group.members.some((m) => m.article === ADDED))!;
  expect(ours.members.map((m) => m.article)).toEqual([
    '000_4b207f45d15cbf96',
    '001_d7fb493d5d978b6e',
    '002_95852239c1d84bad',
    ADDED,
  ]);
  expect(ours.members.find((m) => m.article === ADDED)!.text).toBe(QUOTE);
  // Its other sentences report nothing another outlet does: in no group.
  expect(groups.filter((group) => group.members.some((m) => m.article === ADDED))).toHaveLength(1);
  const { stdout: summary } = await run(['index', '--story', '--json']);
  expect(JSON.parse(summary).story).toMatchObject({ groups: 10, formed: false });
});

it('shows the added article’s counterparts in the review, from the kept groups', async () => {
  await run(['index', '--story']);
  addArticle();
  const s = seeds.track(
    spawnCli(['--no-suggestions', '--corpus', 'seeds', '--store', 'annotations'], {
      cwd: seeds.dir,
      cols: 120,
      rows: 40,
      // Past the most the review groups itself: it reads the kept groups.
      env: { NO_COLOR: '1', MARGIN_STORY_IN_REVIEW: '2', ...env() },
    }),
  );
  const rows = (screen: string) => screen.split('\n');
  const header = (screen: string) => rows(screen)[0] ?? '';
  const statusBar = (screen: string) => rows(screen)[38] ?? '';
  const reader = (screen: string, text: string) => {
    const row = rows(screen).find((l) => l.includes(text)) ?? '';
    return row.slice(row.indexOf('│') + 1);
  };
  await s.waitFor(
    (t) => header(t).includes('article 1 of 6') && storeOpened(statusBar(t)),
    'the list',
  );
  for (let n = 2; n <= 6; n++) {
    s.write('j');
    await s.waitFor((t) => header(t).includes(`article ${n} of 6`), `article ${n}`);
  }
  s.write('\r');
  await s.waitFor((t) => header(t).includes('sentence 1 of'), 'the added article');
  s.write('j');
  await s.waitFor((t) => reader(t, '“When Mr Witkoff brings').startsWith('▶'), 'the quote');
  // The gutter counts the three other outlets' versions.
  await s.waitFor((t) => /^▶ {4}3 /.test(reader(t, '“When Mr Witkoff brings')), 'the count');
  expect(s.screen().join('\n')).not.toContain('changed since the groups were kept');
  s.write('o');
  await s.waitFor((t) => t.includes('The Moscow Times · undated'), 'the panel');
  s.write('\x1bq');
  await s.exited;
});
