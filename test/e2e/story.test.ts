import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it, vi } from 'vitest';
import {
  CLI,
  type Session,
  seedsCopyPerTest,
  spawnCli,
  storeOpened,
  WHOLE_SESSION,
} from './pty.js';

// Every test here drives whole sessions, key by key, some two at once: see WHOLE_SESSION.
vi.setConfig({ testTimeout: WHOLE_SESSION });

const SECOND = '002_95852239c1d84bad';
const OURS = 'Diplomats have scrambled to get the US';
const THEIRS = 'Subsequently, Ukrainian President';

const seeds = seedsCopyPerTest();

const rows = (screen: string) => screen.split('\n');
/** The reader's part of the row that shows `text` (right of the pane separator). */
const reader = (screen: string, text: string) => {
  const row = rows(screen).find((l) => l.includes(text)) ?? '';
  return row.slice(row.indexOf('│') + 1);
};
const header = (screen: string) => rows(screen)[0] ?? '';
const statusBar = (screen: string) => rows(screen)[38] ?? '';

async function step(s: Session, keys: string, expected: (screen: string) => boolean, what: string) {
  s.write(keys);
  await s.waitFor(expected, what);
}

it('opens the other outlets of a sentence of 000, reads 002’s version, copies a label across', async () => {
  await roundTrip({});
});

it('does the same with the groups margin index --story kept, past the most the review forms itself', async () => {
  const env = { XDG_CACHE_HOME: join(seeds.dir, 'cache'), MARGIN_STORY_IN_REVIEW: '2' };
  await promisify(execFile)(
    process.execPath,
    [CLI, 'index', '--story', '--corpus', 'seeds', '--store', 'annotations'],
    { cwd: seeds.dir, env: { ...process.env, ...env } },
  );
  await roundTrip(env);
});

async function roundTrip(env: Record<string, string>) {
  const s = spawnCli(
    ['--no-suggestions', '--corpus', 'seeds', '--store', 'annotations', '--annotator', 'alice'],
    {
      cwd: seeds.dir,
      cols: 120,
      rows: 40,
      env: { NO_COLOR: '1', ...env },
    },
  );
  seeds.track(s);
  await s.waitFor(
    (t) => header(t).includes('article 1 of 5') && storeOpened(statusBar(t)),
    'the list',
  );
  await step(
    s,
    '\r',
    (t) => reader(t, 'Russia said on Friday it is preparing for direct').startsWith('▶'),
    'the first article',
  );
  // Down to the sentence, one key at a time, as a reader would.
  for (let n = 2; !reader(s.screen().join('\n'), OURS).startsWith('▶'); n++) {
    expect(n).toBeLessThan(24);
    await step(s, 'j', (t) => header(t).includes(`sentence ${n} of 23`), `sentence ${n}`);
  }
  // The gutter counts the other outlet once the groups are in (computed in the background).
  await s.waitFor((t) => reader(t, OURS).startsWith('▶    1 '), 'the count of other outlets');
  await step(s, '1', (t) => reader(t, OURS).startsWith('▶C   1 '), 'tagged claim');
  await step(
    s,
    'o',
    // Without colour, the words 002 says and 000 does not are marked ‹so›.
    (t) =>
      t.includes('1 article of unknown source reports this') &&
      t.includes(`▶ ${SECOND} · undated`) &&
      t.includes('‹Subsequently,› Ukrainian President Volodymyr Zelenskyy ‹was involved'),
    'the panel',
  );
  await step(
    s,
    '\r',
    (t) => header(t).includes('article 3 of 5') && reader(t, THEIRS).startsWith('▶'),
    '002 at its version',
  );
  // With kept groups, 002's are read once it is on screen: its count follows the jump.
  await s.waitFor((t) => /^▶ {4}1 /.test(reader(t, THEIRS)), 'the count at 002');
  // Back at 000 in the panel, on the entry Enter left (qa57 #14: the panel was closed, and
  // each further version cost `o`, `j` × n and Enter).
  await step(
    s,
    '\x1b',
    (t) =>
      header(t).includes('article 1 of 5') &&
      t.includes('1 article of unknown source reports this') &&
      t.includes(`▶ ${SECOND} · undated`),
    'back to 000, in the panel again',
  );
  // `?` in the panel explains its keys, and `?` again is back in the panel.
  await step(
    s,
    '?',
    (t) => t.includes('not the same statement: unlink'),
    'the help over the panel',
  );
  await step(
    s,
    '?',
    (t) => t.includes('1 article of unknown source reports this'),
    'the panel after the help',
  );
  await step(s, 'c', (t) => statusBar(t).startsWith(`copied claim to ${SECOND}`), 'copied');
  // "(u undoes)", as the line says, in the panel itself; and Ctrl+R puts it back.
  await step(s, 'u', (t) => statusBar(t).startsWith('undid: copy claim'), 'the copy undone');
  await step(s, '\x12', (t) => statusBar(t).startsWith('redid: copy claim'), 'the copy redone');
  await step(s, '\r', (t) => reader(t, THEIRS).startsWith('▶C   1 '), '002 tagged claim');
  s.write('q');
  await s.exited;
  const stored = JSON.parse(
    readFileSync(join(seeds.dir, 'annotations/alice', `${SECOND}.json`), 'utf8'),
  ) as { annotations: Array<{ label: string; anchor: { quote: string } }> };
  expect(stored.annotations.map((a) => [a.label, a.anchor.quote.slice(0, THEIRS.length)])).toEqual([
    ['claim', THEIRS],
  ]);
}

// qa51 #1: the first sentence of 000 has two versions, 001's (The Moscow Times) and 002's; 001 and
// 002 are the closer pair. `x` on 002's version in 000's panel took 000 out instead, and kept 002.
const FIRST = 'Russia said on Friday it is preparing for direct';
const MOSCOW_TIMES = 'Russian and U.S. officials will organize a meeting';

it('x on a counterpart takes it out, the sentence keeps the other version, as margin story says', async () => {
  await unlinkRoundTrip({});
});

it('x does the same with the groups margin index --story kept', async () => {
  const env = { XDG_CACHE_HOME: join(seeds.dir, 'cache'), MARGIN_STORY_IN_REVIEW: '2' };
  await promisify(execFile)(
    process.execPath,
    [CLI, 'index', '--story', '--corpus', 'seeds', '--store', 'annotations'],
    { cwd: seeds.dir, env: { ...process.env, ...env } },
  );
  await unlinkRoundTrip(env);
});

async function unlinkRoundTrip(env: Record<string, string>) {
  const s = spawnCli(
    ['--no-suggestions', '--corpus', 'seeds', '--store', 'annotations', '--annotator', 'alice'],
    { cwd: seeds.dir, cols: 120, rows: 40, env: { NO_COLOR: '1', ...env } },
  );
  seeds.track(s);
  await s.waitFor(
    (t) => header(t).includes('article 1 of 5') && storeOpened(statusBar(t)),
    'the list',
  );
  await step(s, '\r', (t) => reader(t, FIRST).startsWith('▶    2 '), 'two other versions');
  await step(
    s,
    'o',
    (t) => t.includes(`▶ The Moscow Times · undated`) && t.includes(`  ${SECOND} · undated`),
    'the panel',
  );
  await step(s, 'j', (t) => t.includes(`▶ ${SECOND} · undated`), 'on 002');
  await step(s, 'x', (t) => reader(t, FIRST).startsWith('▶    1 '), 'one other version left');
  await step(
    s,
    'o',
    (t) => t.includes('▶ The Moscow Times · undated') && !t.includes(SECOND),
    'the panel without 002',
  );
  s.write('\x1bq');
  await s.exited;
  const groups = await storyGroups(env);
  const ours = groups.find((g) => g.members.some((m) => m.text.startsWith(FIRST)))!;
  expect(ours.members.map((m) => m.text.slice(0, 30))).toEqual([
    FIRST.slice(0, 30),
    MOSCOW_TIMES.slice(0, 30),
  ]);
}

it('a teammate’s unlink arriving by git takes 002 out of 000’s group, not 000', async () => {
  const s = spawnCli(
    ['--no-suggestions', '--corpus', 'seeds', '--store', 'annotations', '--annotator', 'alice'],
    { cwd: seeds.dir, cols: 120, rows: 40, env: { NO_COLOR: '1' } },
  );
  seeds.track(s);
  await s.waitFor(
    (t) => header(t).includes('article 1 of 5') && storeOpened(statusBar(t)),
    'the list',
  );
  await step(s, '\r', (t) => reader(t, FIRST).startsWith('▶    2 '), 'two other versions');
  // What `git pull` brings: bob's links file, as bob's margin wrote it on his `x`.
  mkdirSync(join(seeds.dir, 'annotations', 'bob'), { recursive: true });
  const at = (article: string, sentence: string) => ({ article, sentence });
  writeFileSync(
    join(seeds.dir, 'annotations', 'bob', '.story-links.json'),
    JSON.stringify({
      schema: 'margin.story-links',
      version: 1,
      annotator: 'bob',
      links: [
        {
          kind: 'unlink',
          a: at('000_4b207f45d15cbf96', 's1c50fced'),
          b: at(SECOND, 's67bddbfb'),
          created: new Date().toISOString(),
        },
      ],
    }),
  );
  await s.waitFor((t) => reader(t, FIRST).startsWith('▶    1 '), 'one other version left');
  await step(
    s,
    'o',
    (t) => t.includes('▶ The Moscow Times · undated') && !t.includes(SECOND),
    'the panel without 002',
  );
  s.write('\x1bq');
  await s.exited;
});

// verify51 #1: in 000's first sentence's panel, `x` on The Moscow Times (001), the version that
// chained 002 into the group: 000 and 002 do not report the same thing (apart, the engine pairs
// them not), so 000 is left alone and 001 keeps 002. The review on kept groups showed 000 with 002
// while `margin story`, the exports and a restarted review gave 000 alone.
const ALONE = /^▶ +Russia said on Friday/;

it('x on the version that chained the group leaves the sentence alone, as margin story and a restart do', async () => {
  const env = await keptSeeds();
  const s = await atFirstSentence(env);
  await step(s, 'o', (t) => t.includes('▶ The Moscow Times · undated'), 'the panel');
  await step(s, 'x', (t) => ALONE.test(reader(t, FIRST)), 'no other version left');
  await step(
    s,
    'o',
    (t) => statusBar(t).startsWith('no other outlet reports this sentence'),
    'no panel',
  );
  s.write('q');
  await s.exited;
  await agreesAfterUnlink(env);
});

it('a teammate’s unlink of The Moscow Times arriving by git does the same on kept groups', async () => {
  const env = await keptSeeds();
  const s = await atFirstSentence(env);
  writeUnlink('bob', MOSCOW_TIMES_ID);
  await s.waitFor((t) => ALONE.test(reader(t, FIRST)), 'no other version left');
  s.write('q');
  await s.exited;
  await agreesAfterUnlink(env);
});

// verify52 #1: `u` after that `x` said "undid: unlink" and the group stayed parted, in the review,
// a restart, `margin story` and the exports (which take the groups the review placed links on).
it('u after that x brings the two versions back, in the review, a restart and margin story', async () => {
  const env = await keptSeeds();
  // The review forms the seeds' groups itself, as it does below its limit.
  const own = { ...env, MARGIN_STORY_IN_REVIEW: '100' };
  const s = await atFirstSentence(own);
  await step(s, 'o', (t) => t.includes('▶ The Moscow Times · undated'), 'the panel');
  await step(s, 'x', (t) => ALONE.test(reader(t, FIRST)), 'no other version left');
  await step(s, 'u', (t) => reader(t, FIRST).startsWith('▶    2 '), 'the two versions back');
  s.write('q');
  await s.exited;
  await togetherAfterRestart(own, env);
});

// qa53 #6: past the review's limit (kept groups), `x` then `z` left the group parted ("the
// corpus or the links changed since the groups were kept") until the groups were formed again.
it('u after that x brings the two versions back on kept groups too, in a restart and margin story', async () => {
  const env = await keptSeeds();
  const s = await atFirstSentence(env);
  await step(s, 'o', (t) => t.includes('▶ The Moscow Times · undated'), 'the panel');
  await step(s, 'x', (t) => ALONE.test(reader(t, FIRST)), 'no other version left');
  await step(s, 'u', (t) => reader(t, FIRST).startsWith('▶    2 '), 'the two versions back');
  await step(
    s,
    'o',
    (t) => t.includes('▶ The Moscow Times · undated') && t.includes(`  ${SECOND} · undated`),
    'the panel with both',
  );
  expect(statusBar(s.screen().join('\n'))).not.toContain('changed since the groups were kept');
  s.write('\x1bq');
  await s.exited;
  await togetherAfterRestart(env, env);
});

// qa53: a link change had `margin story` and the exports form the whole corpus again (36 s at
// 10,000 articles); they place it on the kept groups as the review does, and take it back so.
it('a teammate’s unlink, and its withdrawal, are placed on kept groups without a review', async () => {
  const env = await keptSeeds();
  const story = () => storyGroups(env);
  const formed = async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [CLI, 'index', '--story', '--json', '--corpus', 'seeds', '--store', 'annotations'],
      { cwd: seeds.dir, env: { ...process.env, ...env } },
    );
    return (JSON.parse(stdout) as { story: { formed: boolean } }).story.formed;
  };
  writeUnlink('bob', MOSCOW_TIMES_ID);
  expect(await formed()).toBe(false);
  const parted = await story();
  expect(parted.some((g) => g.members.some((m) => m.text.startsWith(FIRST)))).toBe(false);
  expect(
    parted
      .find((g) => g.members.some((m) => m.text.startsWith(MOSCOW_TIMES)))
      ?.members.map((m) => m.article),
  ).toEqual([MOSCOW_TIMES_ID.article, SECOND]);
  // bob takes it back (his `u`, arriving by git): the group as it was.
  const file = join(seeds.dir, 'annotations', 'bob', '.story-links.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), links: [] }));
  expect(await formed()).toBe(false);
  const whole = (await story()).find((g) => g.members.some((m) => m.text.startsWith(FIRST)));
  expect(whole?.members.map((m) => m.article)).toEqual([
    '000_4b207f45d15cbf96',
    MOSCOW_TIMES_ID.article,
    SECOND,
  ]);
});

const MOSCOW_TIMES_ID = { article: '001_d7fb493d5d978b6e', sentence: 's6c251f74' };

async function keptSeeds(): Promise<Record<string, string>> {
  const env = { XDG_CACHE_HOME: join(seeds.dir, 'cache'), MARGIN_STORY_IN_REVIEW: '2' };
  await promisify(execFile)(
    process.execPath,
    [CLI, 'index', '--story', '--corpus', 'seeds', '--store', 'annotations'],
    { cwd: seeds.dir, env: { ...process.env, ...env } },
  );
  return env;
}

/** The review at 000's first sentence, with its two other versions counted. */
async function atFirstSentence(env: Record<string, string>): Promise<Session> {
  const s = spawnCli(
    ['--no-suggestions', '--corpus', 'seeds', '--store', 'annotations', '--annotator', 'alice'],
    { cwd: seeds.dir, cols: 120, rows: 40, env: { NO_COLOR: '1', ...env } },
  );
  seeds.track(s);
  await s.waitFor(
    (t) => header(t).includes('article 1 of 5') && storeOpened(statusBar(t)),
    'the list',
  );
  await step(s, '\r', (t) => reader(t, FIRST).startsWith('▶    2 '), 'two other versions');
  return s;
}

/** What `git pull` brings: `annotator`'s links file, unlinking `b` from 000's first sentence. */
function writeUnlink(annotator: string, b: { article: string; sentence: string }) {
  mkdirSync(join(seeds.dir, 'annotations', annotator), { recursive: true });
  writeFileSync(
    join(seeds.dir, 'annotations', annotator, '.story-links.json'),
    JSON.stringify({
      schema: 'margin.story-links',
      version: 1,
      annotator,
      links: [
        {
          kind: 'unlink',
          a: { article: '000_4b207f45d15cbf96', sentence: 's1c50fced' },
          b,
          created: new Date().toISOString(),
        },
      ],
    }),
  );
}

/** A restarted review and `margin story` both leave 000's first sentence alone, 001 with 002. */
async function agreesAfterUnlink(env: Record<string, string>) {
  const s = await spawnAgain(env);
  await step(
    s,
    'o',
    (t) => statusBar(t).startsWith('no other outlet reports this sentence'),
    'no panel after a restart',
  );
  s.write('q');
  await s.exited;
  const groups = await storyGroups(env);
  expect(groups.some((g) => g.members.some((m) => m.text.startsWith(FIRST)))).toBe(false);
  const theirs = groups.find((g) => g.members.some((m) => m.text.startsWith(MOSCOW_TIMES)))!;
  expect(theirs.members.map((m) => m.article)).toEqual([MOSCOW_TIMES_ID.article, SECOND]);
}

async function spawnAgain(env: Record<string, string>): Promise<Session> {
  const s = spawnCli(
    ['--no-suggestions', '--corpus', 'seeds', '--store', 'annotations', '--annotator', 'alice'],
    { cwd: seeds.dir, cols: 120, rows: 40, env: { NO_COLOR: '1', ...env } },
  );
  seeds.track(s);
  await s.waitFor(
    (t) => header(t).includes('article 1 of 5') && storeOpened(statusBar(t)),
    'the list',
  );
  // The restart opens where the last session quit (qa53): 000's first sentence, in the reader.
  // The groups are in once another sentence of 000 is counted: before, none is.
  await s.waitFor(
    (t) => ALONE.test(reader(t, FIRST)) && /^ {5}2 /.test(reader(t, '“When Mr Witkoff brings')),
    'the sentence without a count, the third with its own',
  );
  return s;
}

/** `margin story --json` over the seeds' store, every group of one source or more. */
async function storyGroups(
  env: Record<string, string>,
): Promise<Array<{ members: Array<{ article: string; text: string }> }>> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [CLI, 'story', '--corpus', 'seeds', '--store', 'annotations', '--json', '--min-sources', '1'],
    { cwd: seeds.dir, env: { ...process.env, ...env } },
  );
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { members: Array<{ article: string; text: string }> });
}

/**
 * A restart (with `reviewEnv`) shows 000's first sentence with its two versions, and `margin
 * story` (with `storyEnv`) groups 000, The Moscow Times and 002 together again.
 */
async function togetherAfterRestart(
  reviewEnv: Record<string, string>,
  storyEnv: Record<string, string>,
): Promise<void> {
  const again = spawnCli(
    ['--no-suggestions', '--corpus', 'seeds', '--store', 'annotations', '--annotator', 'alice'],
    { cwd: seeds.dir, cols: 120, rows: 40, env: { NO_COLOR: '1', ...reviewEnv } },
  );
  seeds.track(again);
  // The restart opens where the review was left (qa53): the first sentence, in the reader.
  await again.waitFor(
    (t) => header(t).includes('article 1 of 5') && reader(t, FIRST).startsWith('▶    2 '),
    'two after a restart',
  );
  again.write('q');
  await again.exited;
  const first = (await storyGroups(storyEnv)).find((g) =>
    g.members.some((m) => m.text.startsWith(FIRST)),
  );
  expect(first?.members.map((m) => m.article)).toEqual([
    '000_4b207f45d15cbf96',
    MOSCOW_TIMES_ID.article,
    SECOND,
  ]);
}
