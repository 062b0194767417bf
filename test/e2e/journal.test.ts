import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { eventually } from '../helpers/patience.js';
import { type Session, seedsCopyPerTest, spawnCli, storeOpened, WHOLE_SESSION } from './pty.js';

// Two whole sessions a test, the first one killed: see WHOLE_SESSION.
vi.setConfig({ testTimeout: WHOLE_SESSION });

const FIRST = '000_4b207f45d15cbf96';

const seeds = seedsCopyPerTest();

interface StoredFile {
  status: string;
  annotations: Array<{ id: string; label: string; note?: string; anchor: { quote: string } }>;
}

const storeFile = () => join(seeds.dir, 'ann/alice', `${FIRST}.json`);
const readStore = (): StoredFile => JSON.parse(readFileSync(storeFile(), 'utf8')) as StoredFile;
/** The lock margin takes on the article's file before writing it (`store/lock.ts`). */
const lockFile = () => join(seeds.dir, 'ann/alice', `.${FIRST}.json.lock`);

function start(): Session {
  return seeds.track(
    spawnCli(['--corpus', 'seeds', '--store', 'ann', '--annotator', 'alice', '--no-suggestions'], {
      cwd: seeds.dir,
      cols: 120,
      rows: 40,
      env: { XDG_CACHE_HOME: join(seeds.dir, 'cache') },
    }),
  );
}

const rows = (screen: string) => screen.split('\n');
const header = (screen: string) => rows(screen)[0] ?? '';
const statusBar = (screen: string) => rows(screen)[38] ?? '';
/** The reader's part of the row that shows `text` (right of the pane separator). */
const reader = (screen: string, text: string) => {
  const row = rows(screen).find((l) => l.includes(text)) ?? '';
  return row.slice(row.indexOf('│') + 1);
};
const readerFocused = (screen: string) =>
  rows(screen).some((row) => row.slice(row.indexOf('│') + 1).startsWith('▶'));

/**
 * Holds the article's store file as another margin writing it would (a lock of a live process,
 * this one): every write of the review waits behind it, so the kill below certainly comes
 * before any of them reached the file, on a fast machine as on a loaded one.
 */
function holdTheFile(): void {
  mkdirSync(join(seeds.dir, 'ann/alice'), { recursive: true });
  const owner = { pid: process.pid, host: hostname(), time: Date.now(), nonce: 'e2e-journal' };
  writeFileSync(lockFile(), JSON.stringify(owner));
}

/** Opens the first article, tags three sentences and notes the last in one burst, and kills. */
async function tagAndKill(): Promise<void> {
  const s = start();
  await s.waitFor((t) => storeOpened(statusBar(t)), 'the list');
  holdTheFile();
  s.write('\r');
  await s.waitFor(readerFocused, 'the article');
  s.write('1j2j3n');
  await s.waitFor((t) => statusBar(t).includes('note'), 'the note input');
  s.write('kill check\r');
  // Killed as soon as the screen shows every change, all of them still waiting to be written.
  await s.waitFor(
    (t) =>
      header(t).includes('C 1  Q 1  E 1') &&
      reader(t, 'When Mr Witkoff brings').startsWith('▶  E✎') &&
      statusBar(t).endsWith('saving…'),
    'the three tags and the note on screen',
  );
  s.kill('SIGKILL');
  await s.exited;
  expect(existsSync(storeFile())).toBe(false);
  rmSync(lockFile());
}

describe('a review killed with SIGKILL', () => {
  it('loses no tag or note the screen showed: the next review writes them', async () => {
    await tagAndKill();
    const s = start();
    await s.waitFor(
      (t) => header(t).includes('C 1  Q 1  E 1') && statusBar(t).endsWith('saved'),
      'the changes written again',
    );
    s.write('\r');
    await s.waitFor(
      (t) =>
        reader(t, 'preparing for direct talks').startsWith('▶C') &&
        reader(t, 'US envoy Steve Witkoff met').startsWith('  Q') &&
        reader(t, 'When Mr Witkoff brings').startsWith('   E✎'),
      'every tag and the note in the reader',
    );
    s.write('q');
    expect((await s.exited).exitCode).toBe(0);
    const stored = readStore();
    expect(stored.status).toBe('in progress');
    const byQuote = stored.annotations
      .map((a) => [a.label, a.anchor.quote.slice(0, 22), a.note ?? null])
      .sort();
    expect(byQuote).toEqual([
      ['claim', 'Russia said on Friday ', null],
      ['event', '“When Mr Witkoff bring', 'kill check'],
      ['quote', 'US envoy Steve Witkoff', null],
    ]);
  });

  it('keeps both when the file changed before the next start, and names it', async () => {
    await tagAndKill();
    // What a `git pull` would bring: the same article, annotated on another machine.
    const pulled = {
      schema: 'margin.annotations',
      version: 1,
      article: FIRST,
      annotator: 'alice',
      status: 'done',
      annotations: [],
    };
    const text = `${JSON.stringify(pulled, null, 2)}\n`;
    writeFileSync(storeFile(), text);
    const s = start();
    await s.waitFor(
      (t) => t.includes(`⚠ ann/alice/${FIRST}.json`) && t.includes('! shows them in full'),
      'the line naming the file',
    );
    s.write('!');
    await s.waitFor(
      (t) =>
        t.includes(`ann/alice/${FIRST}.json: 5 changes of`) &&
        t.includes('not written, as the file changed'),
      'the problem in full',
    );
    s.write('\x1b');
    await s.waitFor((t) => statusBar(t).includes('q quit'), 'the list again');
    s.write('q');
    expect((await s.exited).exitCode).toBe(0);
    // The pulled file as it came; the changes kept beside the journal, in the cache.
    expect(readFileSync(storeFile(), 'utf8')).toBe(text);
    const folder = join(seeds.dir, 'cache/margin/journal');
    const [store] = readdirSync(folder);
    const kept = readdirSync(join(folder, store ?? '')).filter((name) =>
      name.endsWith('.kept.json'),
    );
    expect(kept).toHaveLength(1);
    const aside = JSON.parse(readFileSync(join(folder, store ?? '', kept[0] ?? ''), 'utf8')) as {
      changes: Array<{ change: { kind: string; label?: string; patch?: { note?: string } } }>;
    };
    expect(
      aside.changes.map(({ change }) => change.label ?? change.patch?.note ?? change.kind),
    ).toEqual(['status', 'claim', 'quote', 'event', 'kill check']);
  });
});

describe('a review at its start', () => {
  it('prunes what killed idle reviews left empty, not only at its quit (polish56)', async () => {
    // Another store's journal folder, holding the empty journal of a process gone.
    const folder = join(seeds.dir, 'cache/margin/journal/0123456789abcdef');
    mkdirSync(folder, { recursive: true });
    const dead = Number(
      spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout,
    );
    writeFileSync(join(folder, `alice.${dead}.jsonl`), '');
    const s = start();
    await s.waitFor((t) => storeOpened(statusBar(t)), 'the list');
    await eventually(() => (existsSync(folder) ? undefined : true), 'the folder pruned', 10_000);
    s.write('q');
    expect((await s.exited).exitCode).toBe(0);
  });
});
