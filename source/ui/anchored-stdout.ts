import { drawable } from '../text/drawable.js';

const BEGIN_SYNC = '\x1b[?2026h';
const END_SYNC = '\x1b[?2026l';
const HOME = '\x1b[H';
const CLEAR_BELOW = '\x1b[J';
/** Cursor-up, erase-line and column-1 moves Ink puts before a frame to get back to its top. */
const LEADING_MOVES = /^(?:\x1b\[\d*A|\x1b\[2K|\x1b\[1?G)+/;
/** A control sequence, an OSC string, another escape, a line end, or a run of text. */
const TOKENS =
  /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[^[\]]?|\n|\r|[^\x1b\n\r]+/g;

/**
 * Characters written that `ScreenRows` keeps unread at most (some 11 full frames of 120×40, or 200
 * keys' frames of two changed rows): read in one go past it, 0.3-0.8 ms, so that a review without
 * a resize keeps no more. The reading costs what it did, once in so many frames instead of in each.
 */
const PENDING_LIMIT = 64 * 1024;

/**
 * What the frames written so far left on the screen, row by row (each row's text with its
 * styles, from column 1), read from the moves, erases and lines margin writes: Ink writes each
 * changed line whole from column 1, and skips the rows it takes to be unchanged. So that after
 * a resize the screen can be made what Ink takes it to be, whatever the terminal did with it.
 * What is written is only kept until then: read into rows at a redraw, or once more than
 * `PENDING_LIMIT` characters wait (read as it went, every frame paid for it: 25 µs a full
 * 120×40 frame, 2.3 µs a key's frame of two rows, and the first frame the pattern's first use).
 */
export class ScreenRows {
  private rows: string[] = [];
  private row = 0;
  /** The cursor is at column 1 of `row`: text written there replaces the row. */
  private lineStart = true;
  /** Written and not yet read into `rows`, in order. */
  private pending: string[] = [];
  private pendingLength = 0;

  apply(written: string): void {
    this.pending.push(written);
    this.pendingLength += written.length;
    if (this.pendingLength > PENDING_LIMIT) this.settle();
  }

  /** Reads what waits into the rows. */
  private settle(): void {
    const pending = this.pending;
    this.pending = [];
    this.pendingLength = 0;
    for (const written of pending) this.read(written);
  }

  private read(written: string): void {
    for (const token of written.match(TOKENS) ?? []) {
      if (token === '\n') {
        this.row++;
        this.lineStart = true;
      } else if (token === '\r') {
        this.lineStart = true;
      } else if (token.startsWith('\x1b[') && !token.endsWith('m')) {
        this.move(token);
      } else if (token.startsWith('\x1b') && !token.endsWith('m')) {
        // An OSC string or another escape: no text of a row.
      } else {
        while (this.rows.length <= this.row) this.rows.push('');
        this.rows[this.row] = this.lineStart ? token : this.rows[this.row] + token;
        this.lineStart = false;
      }
    }
  }

  private move(sequence: string): void {
    const final = sequence.at(-1);
    const parameter = sequence.slice(2, -1);
    const n = Number.parseInt(parameter, 10);
    if (final === 'H') {
      this.row = parameter === '' || parameter === '1;1' ? 0 : Math.max(0, (n || 1) - 1);
      this.lineStart = true;
    } else if (final === 'A') this.row = Math.max(0, this.row - (n || 1));
    else if (final === 'B') this.row += n || 1;
    else if (final === 'E') {
      this.row += n || 1;
      this.lineStart = true;
    } else if (final === 'G') this.lineStart = !(n > 1);
    else if (final === 'J') {
      if (parameter === '2' || parameter === '3') this.rows = [];
      else if (parameter === '' || parameter === '0') {
        this.rows.length = Math.min(this.rows.length, this.lineStart ? this.row : this.row + 1);
      }
    } else if (final === 'K') {
      if (parameter === '2' || this.lineStart) {
        if (this.row < this.rows.length) this.rows[this.row] = '';
      }
    }
  }

  /**
   * The rows again on a cleared screen from its top-left, as many as `height` rows hold, in one
   * synchronized update; what it writes is applied here too.
   */
  redraw(height: number): string {
    this.settle();
    const out = `${BEGIN_SYNC}${HOME}\x1b[2J${this.rows.slice(0, Math.max(0, height)).join('\n')}${END_SYNC}`;
    this.apply(out);
    return out;
  }
}

/**
 * Ink 6.8's incremental renderer moves the cursor up one line too few before each frame when the
 * frame ends in a newline (any frame shorter than the terminal), so every frame after the first
 * lands one row lower. The review owns the whole alternate screen, so each frame can simply start
 * at the top-left: this rewrites the relative moves that begin a frame into "home", and clears
 * what an erase was meant to remove. Everything else passes through untouched.
 */
export function anchorFrames(
  write: (chunk: string) => void,
  screen?: ScreenRows,
): (chunk: string) => string {
  const written = (out: string) => {
    screen?.apply(out);
    write(out);
  };
  return (given: string) => {
    // Emoji sequences as their parts, which every terminal measures alike (text/drawable.ts).
    const chunk = drawable(given);
    let rest = chunk;
    let prefix = '';
    if (rest.startsWith(BEGIN_SYNC)) {
      prefix = BEGIN_SYNC;
      rest = rest.slice(BEGIN_SYNC.length);
    }
    const moves = LEADING_MOVES.exec(rest)?.[0] ?? '';
    rest = rest.slice(moves.length);
    const startsContent = rest.length > 0 && !rest.startsWith('\x1b');
    if (moves === '' && !startsContent) {
      written(chunk);
      return chunk;
    }
    const erased = moves.includes('\x1b[2K');
    let out: string;
    if (erased && rest.replace(END_SYNC, '') === '') {
      out = `${prefix}${HOME}\x1b[2J${rest}`;
    } else if (erased) {
      // What the erase was meant to remove is whatever is left under the new, shorter frame.
      const end = rest.endsWith(END_SYNC) ? END_SYNC : '';
      out = `${prefix}${HOME}${rest.slice(0, rest.length - end.length)}${CLEAR_BELOW}${end}`;
    } else {
      out = `${prefix}${HOME}${rest}`;
    }
    written(out);
    return out;
  };
}

/** The review's screen: the stream Ink writes to, and a whole redraw of what it wrote. */
export interface AnchoredScreen {
  /** `stdout` as Ink sees it: the same stream, with frames anchored at the top of the screen. */
  stream: NodeJS.WriteStream;
  /**
   * Draws the screen again whole, as Ink last left it, within `rows`: after a resize, whatever
   * the terminal did with the old frame (wrapped, reflowed or scrolled it), the rows Ink takes to
   * be unchanged are then on screen where it takes them to be. Before, a line the terminal had
   * moved stayed, stale, until something redrew the whole screen (qa55 #5).
   */
  redraw(rows: number): void;
}

export function anchoredScreen(stdout: NodeJS.WriteStream): AnchoredScreen {
  const screen = new ScreenRows();
  const fix = anchorFrames((chunk) => {
    stdout.write(chunk);
  }, screen);
  const stream = new Proxy(stdout, {
    get(target, property) {
      if (property === 'write') {
        return (chunk: unknown, ...rest: unknown[]) => {
          if (typeof chunk !== 'string') {
            return (target.write as (...args: unknown[]) => boolean)(chunk, ...rest);
          }
          fix(chunk);
          const callback = rest.find((arg) => typeof arg === 'function') as
            | (() => void)
            | undefined;
          callback?.();
          return true;
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    stream,
    redraw: (rows) => {
      stdout.write(screen.redraw(rows));
    },
  };
}
