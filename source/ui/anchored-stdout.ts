const BEGIN_SYNC = '\x1b[?2026h';
const END_SYNC = '\x1b[?2026l';
const HOME = '\x1b[H';
const CLEAR_BELOW = '\x1b[J';
/** Cursor-up, erase-line and column-1 moves Ink puts before a frame to get back to its top. */
const LEADING_MOVES = /^(?:\x1b\[\d*A|\x1b\[2K|\x1b\[1?G)+/;

/**
 * Ink 6.8's incremental renderer moves the cursor up one line too few before each frame when the
 * frame ends in a newline (any frame shorter than the terminal), so every frame after the first
 * lands one row lower. The review owns the whole alternate screen, so each frame can simply start
 * at the top-left: this rewrites the relative moves that begin a frame into "home", and clears
 * what an erase was meant to remove. Everything else passes through untouched.
 */
export function anchorFrames(write: (chunk: string) => void): (chunk: string) => string {
  return (chunk: string) => {
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
      write(chunk);
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
    write(out);
    return out;
  };
}

/** `stdout` as Ink sees it: the same stream, with frames anchored at the top of the screen. */
export function anchoredStdout(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
  const fix = anchorFrames((chunk) => {
    stdout.write(chunk);
  });
  return new Proxy(stdout, {
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
}
