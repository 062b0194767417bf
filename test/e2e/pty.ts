import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import xterm from '@xterm/headless';
import * as pty from 'node-pty';
import measure from 'string-width';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { patience } from '../helpers/patience.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built CLI, as a user runs it. */
export const CLI = join(ROOT, 'dist/cli.js');

/**
 * Each test of the file in a fresh folder holding a copy of the seeds, and the session it
 * `track`s killed after it, whatever the test's outcome.
 */
export function seedsCopyPerTest(): { readonly dir: string; track: (session: Session) => Session } {
  let dir = '';
  let session: Session | null = null;
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error('build first: npm run build');
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'margin-e2e-'));
    cpSync(join(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
  });
  afterEach(async () => {
    // Removed only once the session has ended: a process still writing there (its corpus
    // index, a store file) could put a file back while the folder is being removed.
    if (session) {
      session.kill('SIGKILL');
      await session.exited;
    }
    session = null;
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    track: (started) => {
      session = started;
      return started;
    },
  };
}

export interface Session {
  /** Everything the program wrote, escape codes included. */
  raw(): string;
  /** Whether the terminal shows the alternate screen now. */
  alternate(): boolean;
  /** The screen as plain text, one string per row, trailing spaces removed. */
  screen(): string[];
  write(keys: string): void;
  /** Resizes the pseudo-terminal and the emulator, as a window resize would. */
  resize(cols: number, rows: number): void;
  /**
   * Writes `data` to the emulator alone, never the program: the terminal doing something to its
   * screen by itself (wrapping a line the program measured narrower, which scrolls it).
   */
  emulate(data: string): Promise<void>;
  /**
   * Polls the screen until `predicate` holds; throws with the screen after `patience(quietMs)`.
   * The predicate must be one that the last key makes true, not one already true before it.
   */
  waitFor(predicate: (screen: string) => boolean, what: string, quietMs?: number): Promise<void>;
  exited: Promise<{ exitCode: number; signal?: number | undefined }>;
  kill(signal?: string): void;
  pid: number;
}

/**
 * Makes `terminal` a terminal that joins no emoji sequence into one cell, as xterm does (and tmux
 * 3.3a for a skin-tone modifier): each code point as wide as `string-width` measures it alone,
 * `👍🏽` 4 columns, `👨‍👩‍👧` 6, `🕊️` 1; a combining mark (width 0) joins the character before it.
 * The emulator's own tables (Unicode 6) draw every emoji one column wide.
 */
function joiningNothing(terminal: xterm.Terminal): void {
  const wcwidth = (codePoint: number) =>
    Math.min(2, measure(String.fromCodePoint(codePoint))) as 0 | 1 | 2;
  terminal.unicode.register({
    version: 'per-code-point',
    wcwidth,
    // As xterm's own provider packs it: width in bits 1-2, bit 0 "joins the preceding".
    charProperties(codePoint, preceding) {
      let width = wcwidth(codePoint);
      let joins = width === 0 && preceding !== 0;
      if (joins) {
        const before = (preceding >> 1) & 3;
        if (before === 0) joins = false;
        else if (before > width) width = before as 0 | 1 | 2;
      }
      return ((width & 3) << 1) | (joins ? 1 : 0);
    },
  });
  terminal.unicode.activeVersion = 'per-code-point';
}

/** Runs the built CLI in a real pseudo-terminal, its output fed to a headless xterm. */
/**
 * The limit of a test that walks a whole session, key by key (every sentence of an article, every
 * export format): each wait has its own limit, but their sum outgrows the suite's default on a
 * machine loaded many times over (a 5 s session took over 120 s at load 12 on 2 cores).
 */
export const WHOLE_SESSION = patience(40_000);

export function spawnCli(
  args: string[],
  options: {
    cwd: string;
    cols?: number;
    rows?: number;
    env?: Record<string, string>;
    /** `per-code-point`: a terminal that joins no emoji sequence (`joiningNothing`). */
    widths?: 'per-code-point';
  },
): Session {
  const cols = options.cols ?? 120;
  const rows = options.rows ?? 40;
  const terminal = new xterm.Terminal({ cols, rows, allowProposedApi: true });
  if (options.widths === 'per-code-point') joiningNothing(terminal);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Ink prints only the last frame when CI is set; vitest's NODE_ENV must not leak either.
    if (value !== undefined && key !== 'CI' && key !== 'NODE_ENV' && key !== 'VITEST')
      env[key] = value;
  }
  // The review appends each key and action there (never to the terminal): a wait that times out
  // shows it beside the screen, which alone cannot tell keys received from a state moved by itself.
  const logDir = mkdtempSync(join(tmpdir(), 'margin-actions-'));
  const actionLog = join(logDir, 'actions.log');
  Object.assign(env, { TERM: 'xterm-256color', MARGIN_ACTION_LOG: actionLog }, options.env);
  const child = pty.spawn(process.execPath, [CLI, ...args], {
    name: 'xterm-256color',
    cols,
    rows,
    cwd: options.cwd,
    env,
  });
  let output = '';
  // Ink wraps each frame in a synchronized update (CSI ?2026h … CSI ?2026l); a terminal shows it
  // whole, so a wait must not judge a frame that has only partly arrived.
  let midFrame = false;
  child.onData((data) => {
    output += data;
    terminal.write(data);
    // With the end of the last chunk: a marker may be split between two.
    const seen = output.slice(-(data.length + 7));
    const opened = seen.lastIndexOf('\u001b[?2026h');
    const closed = seen.lastIndexOf('\u001b[?2026l');
    if (opened !== closed) midFrame = opened > closed;
  });
  // xterm parses what it is given on a timer of its own: the last frame (leaving the alternate
  // screen, say) may have arrived before the exit and still be unparsed when it is reported.
  const exited = new Promise<{ exitCode: number; signal?: number }>((resolve) => {
    child.onExit((event) => {
      rmSync(logDir, { recursive: true, force: true });
      terminal.write('', () => resolve(event));
    });
  });
  const size = { cols, rows };
  const screen = () => {
    const buffer = terminal.buffer.active;
    const lines: string[] = [];
    for (let row = 0; row < size.rows; row += 1) {
      lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
    }
    return lines;
  };
  // xterm parses writes asynchronously: an empty write's callback fires once all before it is parsed.
  const flushed = () => new Promise<void>((resolve) => terminal.write('', resolve));
  return {
    raw: () => output,
    alternate: () => terminal.buffer.active.type === 'alternate',
    screen,
    pid: child.pid,
    write: (keys) => child.write(keys),
    resize: (newCols, newRows) => {
      size.cols = newCols;
      size.rows = newRows;
      terminal.resize(newCols, newRows);
      child.resize(newCols, newRows);
    },
    emulate: (data) => new Promise<void>((resolve) => terminal.write(data, resolve)),
    exited,
    kill: (signal) => child.kill(signal),
    async waitFor(predicate, what, quietMs = 2_000) {
      const deadline = Date.now() + patience(quietMs);
      for (;;) {
        await flushed();
        const text = screen().join('\n');
        if (!midFrame && predicate(text)) return;
        if (Date.now() > deadline) {
          throw new Error(
            `timed out waiting for ${what}; the screen shows:\n${text}\n${actionsSoFar(actionLog)}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}

/** The review's action log (`MARGIN_ACTION_LOG`) as far as it goes, its last 80 lines. */
function actionsSoFar(path: string): string {
  let lines: string[];
  try {
    lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  } catch {
    return 'and the program logged no action (not a review, or it has not started one)';
  }
  const cut = lines.length > 80 ? `(its first ${lines.length - 80} lines left out)\n` : '';
  return `the review's actions, ms since its start:\n${cut}${lines.slice(-80).join('\n')}`;
}

/**
 * Whether a review's status bar says its store has opened: it no longer says `loading
 * annotations…`. Nothing says `saved` before the session's first write (verify52).
 */
export function storeOpened(statusBar: string): boolean {
  return /\S/.test(statusBar) && !statusBar.includes('loading annotations');
}
