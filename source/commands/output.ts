import { fstatSync, writeSync } from 'node:fs';
import { ioReason } from '../corpus/io-reason.js';
import { oneLine, oneMessage, visible } from '../text/untrusted.js';
import { truncate } from '../text/width.js';
import type { CommandIO } from './command.js';

/**
 * Why a command could not run at all: a usage error, a missing corpus folder, a store path that is
 * a file. The command line prints the message once and exits with status 2.
 */
export class CannotRun extends Error {
  override name = 'CannotRun';
  /**
   * Each problem on a line of its own (a project file with five bad labels says all five in one
   * run, qa54); the message is the first.
   */
  readonly lines: readonly string[];

  constructor(message: string | readonly string[]) {
    const lines = typeof message === 'string' ? [message] : message;
    super(lines.join('\n'));
    this.lines = lines;
  }
}

/**
 * Standard output could not take the data whole (a full disk, `ulimit -f`): the command ends
 * with status 1 and this one line. A reader that stopped early is no failure (see `Output`).
 */
export class StdoutFailed extends Error {
  override name = 'StdoutFailed';
  constructor(override readonly cause: NodeJS.ErrnoException) {
    super(`cannot write standard output: ${ioReason(cause)}`);
  }
}

/**
 * The descriptor of a standard output that is a file, a device (`> out.jsonl`, `> /dev/full`)
 * or, when it is the process's own (`io.descriptors`), a pipe, else null. Node writes to a file
 * with a `writeSync` whose count it never looks at: the part of a write past a full disk or
 * `ulimit -f` was dropped without a word, and the export ended 0. A pipe Node writes to as
 * synchronously on Linux (its stdio pipes block); written here, Node's stream is never made.
 */
function fileDescriptor(io: CommandIO): number | null {
  const own = io.descriptors?.stdout;
  const fd = own ?? (io.stdout as { fd?: unknown }).fd;
  if (typeof fd !== 'number') return null;
  try {
    const stats = fstatSync(fd);
    if (own !== undefined && (stats.isFIFO() || stats.isSocket())) return fd;
    if (!stats.isFile() && !stats.isCharacterDevice() && !stats.isBlockDevice()) return null;
    // A terminal is a character device: Node's stream draws on it.
    return stats.isCharacterDevice() && io.stdout.isTTY ? null : fd;
  } catch {
    return null;
  }
}

/** Whether `fd` could be a terminal (a character device); false when it cannot be looked at. */
function maybeTerminal(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}

/**
 * Every byte of `data` to `fd`, or the error of the write that could not go on; the bytes written
 * when the descriptor would block (a pipe another process made non-blocking), for the stream to
 * write the rest.
 */
function writeWhole(fd: number, data: Uint8Array): number {
  for (let at = 0; at < data.length; ) {
    let written: number;
    try {
      written = writeSync(fd, data, at, data.length - at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') return at;
      throw error;
    }
    if (written <= 0) throw Object.assign(new Error('nothing written'), { code: 'EIO' });
    at += written;
  }
  return data.length;
}

/** How many problem lines `Output` remembers to say each only once. */
const NAMED_KEPT = 10_000;

/**
 * Everything a command says goes through here: messages on stderr, one line each, prefixed with
 * `margin COMMAND:` and with control characters escaped (the one policy of `text/untrusted.ts`);
 * data on stdout, escaped the same way, written in order with the pipe's back-pressure, and
 * ending quietly when the reader stops early (`margin list | head`).
 *
 * Exit status: 0, or 1 once a `problem` was reported (an input was refused, the rest went on);
 * a `CannotRun` thrown by the command means 2, mapped in `cli.tsx`.
 */
export class Output {
  #problems = 0;
  #named = new Set<string>();
  #closed = false;
  #failure: StdoutFailed | null = null;
  #fd: number | null | undefined;
  #listening = false;
  #stderrMaybeTerminal: boolean | undefined;

  constructor(
    private readonly io: CommandIO,
    readonly command: string,
  ) {
    // Without descriptors to write to, the stream is the only way out: listened to at once.
    if (!io.descriptors) this.#listen();
  }

  /** The stream's errors, once it is written to: a command that writes to `fd` never makes it. */
  #listen(): void {
    if (this.#listening) return;
    this.#listening = true;
    // Stays on: the socket reports a closed pipe as an event too, after the write's callback.
    this.io.stdout.on('error', (error: NodeJS.ErrnoException) => this.#failed(error));
  }

  /** Whether stderr is a terminal, asked of Node's stream only when it could be one. */
  get #stderrIsTTY(): boolean {
    const fd = this.io.descriptors?.stderr;
    if (fd !== undefined) {
      this.#stderrMaybeTerminal ??= maybeTerminal(fd);
      if (!this.#stderrMaybeTerminal) return false;
    }
    return Boolean(this.io.stderr.isTTY);
  }

  /** Inputs refused so far (files, lines, store files): each was named once. */
  get problems(): number {
    return this.#problems;
  }

  /** 1 when any input was refused, else 0. */
  status(): 0 | 1 {
    return this.#problems > 0 ? 1 : 0;
  }

  /** An input that could not be used; the command goes on and ends with status 1. */
  problem(message: string): void {
    // Two readers of one store meet one unreadable folder (the store's files and the story
    // links in it): it is named once. Bounded, so a corpus of bad files keeps its memory.
    if (this.#named.has(message)) return;
    if (this.#named.size < NAMED_KEPT) this.#named.add(message);
    this.#problems += 1;
    this.say(message);
  }

  /** A warning that changes nothing about the outcome (a guessed encoding). */
  warn(message: string): void {
    this.say(`warning: ${message}`);
  }

  /** One line on stderr: what was done, what to do next. */
  say(message: string): void {
    const prefix = this.command === '' ? 'margin' : `margin ${this.command}`;
    this.io.stderr.write(`${prefix}: ${oneMessage(message)}\n`);
  }

  /** Text of several lines for whoever debugs margin (a stack trace under MARGIN_DEBUG). */
  detail(text: string): void {
    this.io.stderr.write(`${visible(text)}\n`);
  }

  /**
   * A line that overwrites itself on a terminal (a progress bar); nothing when piped. Cut to
   * the terminal's width: a longer one wraps, and `\r` then goes back only to its last row, so
   * every update scrolled a new line. The rest of the last, longer line is cleared.
   */
  progress(line: string | null): void {
    const columns = this.stderrColumns;
    if (columns === null) return;
    this.io.stderr.write(
      line === null ? '\r\x1b[K' : `\r${truncate(oneLine(line), columns - 1)}\x1b[K`,
    );
  }

  /** Whether stderr is a terminal wide enough to draw on, and how wide. */
  get stderrColumns(): number | null {
    if (!this.#stderrIsTTY) return null;
    return (this.io.stderr as { columns?: number }).columns ?? 80;
  }

  /** The width to draw a report to: the terminal's, or 80 when stdout is not one. */
  get width(): number {
    return this.io.stdout.isTTY && this.io.stdout.columns ? this.io.stdout.columns : 80;
  }

  /** Whether stdout is a terminal (tables are cut to its width then). */
  get columns(): number | null {
    return this.io.stdout.isTTY && this.io.stdout.columns ? this.io.stdout.columns : null;
  }

  /**
   * Writes data to stdout, part after part, each flushed before the next: memory stays bounded
   * on a slow reader. Resolves false once the reader has gone (the rest is not wanted).
   */
  async out(parts: string | Iterable<string> | AsyncIterable<string>): Promise<boolean> {
    const all = typeof parts === 'string' ? [parts] : parts;
    return this.#write(all, visible);
  }

  /**
   * `out` for text already passed through `visible` as a whole (an export's jsonl; the groups
   * `margin story` renders on its describing threads, part after part): scanning 200 MB again
   * for what cannot be there took a second.
   */
  async outShown(text: string | Uint8Array | AsyncIterable<string>): Promise<boolean> {
    return this.#write(
      typeof text === 'string' || text instanceof Uint8Array ? [text] : text,
      (part) => part,
    );
  }

  /** Whether stdout is a terminal that shows colour (not under NO_COLOR). */
  get color(): boolean {
    return Boolean(this.io.stdout.isTTY) && !this.io.env.NO_COLOR;
  }

  /**
   * Lines of runs, the `marked` ones in bold yellow on a colour terminal (plain elsewhere);
   * every run is escaped like `out`'s text, so only margin's own colour codes reach the terminal.
   */
  async outMarked(
    lines:
      | Iterable<ReadonlyArray<{ text: string; marked?: boolean }>>
      | AsyncIterable<ReadonlyArray<{ text: string; marked?: boolean }>>,
  ): Promise<boolean> {
    const color = this.color;
    const render = async function* () {
      for await (const runs of lines) yield markedLine(runs, color);
    };
    return this.#write(render(), (part) => part);
  }

  /** Bytes are written as they are: only text already shown comes as bytes. */
  async #write(
    all: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
    shown: (part: string) => string,
  ): Promise<boolean> {
    // Looked at on the first write only: a command that writes nothing never asks.
    if (this.#fd === undefined) this.#fd = fileDescriptor(this.io);
    for await (const part of all) {
      if (this.#closed) return false;
      if (this.#failure) throw this.#failure;
      let data = typeof part === 'string' ? shown(part) : part;
      if (this.#fd !== null) {
        const bytes = typeof data === 'string' ? Buffer.from(data) : data;
        try {
          const written = writeWhole(this.#fd, bytes);
          if (written === bytes.length) continue;
          // It would block: the stream waits for the pipe, this part and the rest.
          this.#fd = null;
          data = bytes.subarray(written);
        } catch (error) {
          this.#failed(error as NodeJS.ErrnoException);
          // A reader gone (`| head`): nothing more is made to be written.
          if (this.#closed) return false;
          continue;
        }
      }
      this.#listen();
      await new Promise<void>((resolve) => {
        this.io.stdout.write(data, (error) => {
          if (error) this.#failed(error);
          resolve();
        });
      });
      if (this.#closed) return false;
    }
    if (this.#failure) throw this.#failure;
    return !this.#closed;
  }

  #failed(error: NodeJS.ErrnoException): void {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') this.#closed = true;
    else this.#failure ??= new StdoutFailed(error);
  }
}

/**
 * One line of runs as `outMarked` writes it: every run escaped (`visible`), the `marked` ones in
 * bold yellow when `color`. Pure, so that a thread that renders lines writes the same bytes.
 */
export function markedLine(
  runs: ReadonlyArray<{ text: string; marked?: boolean }>,
  color: boolean,
): string {
  let line = '';
  for (const run of runs) {
    const text = visible(run.text);
    line += run.marked && color && text !== '' ? `\x1b[1;33m${text}\x1b[0m` : text;
  }
  return `${line}\n`;
}
