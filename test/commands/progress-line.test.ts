import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { CommandIO } from '../../source/commands/command.js';
import { openCorpus, progressLine } from '../../source/commands/corpus.js';
import { commands } from '../../source/commands/index.js';
import { type About, main } from '../../source/commands/main.js';
import { Output } from '../../source/commands/output.js';
import { StageLine } from '../../source/commands/story-progress.js';
import stringWidth from '../../source/text/string-width.js';

const scratch = await mkdtemp(join(tmpdir(), 'margin-progress-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** A command's streams with stderr a terminal `columns` wide, and what was written to it. */
function onTerminalOf(columns: number, env: NodeJS.ProcessEnv) {
  const written: string[] = [];
  const stderr = Object.assign(new PassThrough(), { isTTY: true, columns });
  stderr.on('data', (chunk: Buffer) => written.push(chunk.toString()));
  const io = { stdout: new PassThrough(), stderr, stdin: new PassThrough(), env, cwd: scratch };
  return { io, written };
}

describe('the indexing progress line', () => {
  it('gives up the start of a long folder, never the counts', () => {
    const folder = `/home/reviewer/${'archives/'.repeat(8)}corpus`;
    const line = progressLine(folder, 1577, 10000, 20000, 72);
    expect(stringWidth(line)).toBeLessThanOrEqual(71);
    expect(line).toMatch(/^indexing …[^ ]*\/corpus \[#+-+\] 1,577 of 10,000 files · \d+ s left$/);
    expect(progressLine('seeds', 3, 5, 0, 80)).toBe(
      'indexing seeds [##############----------] 3 of 5 files',
    );
  });

  it('stays within a narrow terminal, so each update overwrites the last', async () => {
    const corpus = join(scratch, 'a-folder-whose-name-alone-is-wider-than-the-terminal-it-runs-in');
    await mkdir(corpus);
    for (let n = 0; n < 3; n++)
      await writeFile(join(corpus, `a${n}.txt`), `Article ${n}.\n\nThe ferry left at dawn.\n`);
    const { io, written } = onTerminalOf(40, { XDG_CACHE_HOME: join(scratch, 'cache') });
    const { index } = await openCorpus(
      corpus,
      io as unknown as CommandIO,
      new Output(io, 'index'),
      'full',
    );
    index.close();
    const updates = written
      .join('')
      .split('\r')
      .filter((each) => each.includes('files'));
    expect(updates.length).toBeGreaterThan(0);
    for (const update of updates) {
      // What the terminal shows: the line, then "clear to the end" for a shorter one.
      expect(update.endsWith('\x1b[K')).toBe(true);
      expect(stringWidth(update.slice(0, -3))).toBeLessThanOrEqual(39);
    }
  });
});

const root = join(import.meta.dirname, '../..');
const about = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as About;

/** `margin ARGS` in this worker with stderr a terminal of 100 columns: status, stderr by `\r`. */
async function onTerminal(args: string[], cache: string) {
  const { io, written } = onTerminalOf(100, {
    XDG_CACHE_HOME: join(scratch, cache),
    MARGIN_ANNOTATOR: 'ana',
  });
  const store = join(scratch, `${cache}-store`);
  await mkdir(store);
  const status = await main(
    [...args, '--corpus', join(root, 'seeds'), '--store', store],
    io,
    about,
    commands,
  );
  const lines = written.join('').split('\r');
  const stages = lines
    .map((line) => /^story: (\w+)/.exec(line)?.[1])
    .filter((stage) => stage !== undefined);
  return { status, lines, stages: new Set(stages) };
}

describe('forming the story groups on a terminal', () => {
  it('margin index --story says what it is doing, and clears the line when done', async () => {
    const { status, lines, stages } = await onTerminal(['index', '--story'], 'index-cache');
    expect(status).toBe(0);
    expect(stages).toEqual(new Set(['reading', 'comparing', 'keeping']));
    expect(lines.find((line) => line.startsWith('story: reading'))).toMatch(
      /^story: reading \d of 5 articles · \d+ s\x1b\[K$/,
    );
    // The last progress line is cleared before the summary is said.
    expect(lines.at(-1)).toMatch(
      /^\x1b\[Kmargin index: .*5 articles.*\nmargin index: story: \d+ groups? formed and kept in /s,
    );
  });

  it('margin story says it too before its report, where no groups are kept yet', async () => {
    const { status, lines, stages } = await onTerminal(['story'], 'story-cache');
    expect(status).toBe(0);
    expect(stages).toEqual(new Set(['reading', 'comparing', 'keeping']));
    expect(lines.at(-1)).toBe('\x1b[K');
  });
});

describe('the story progress line', () => {
  it('draws nothing where no forming begins (groups read back kept), however long it takes', () => {
    vi.useFakeTimers();
    try {
      const { io, written } = onTerminalOf(100, {});
      const line = StageLine.on(new Output(io, 'story'))!;
      vi.advanceTimersByTime(5_000);
      line.end();
      expect(written.join('')).toBe('');
      const drawn = StageLine.on(new Output(io, 'story'))!;
      drawn.show({ stage: 'reading', done: 1200, total: 100000 });
      vi.advanceTimersByTime(1_000);
      drawn.end();
      expect(written.join('').split('\r')).toEqual([
        '',
        'story: reading 1,200 of 100,000 articles · 0 s\x1b[K',
        'story: reading 1,200 of 100,000 articles · 1 s\x1b[K',
        '\x1b[K',
      ]);
    } finally {
      vi.useRealTimers();
    }
  });
});
