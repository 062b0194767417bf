import type { AnyFlags } from 'meow';

/**
 * Flags shared by commands that work on a corpus and a store. `--corpus` and `--store` have no
 * meow default: without them the project file (`margin.json`) decides, then `seeds` and
 * `annotations` in the current folder (`project.ts`).
 */
export const corpusFlags = {
  corpus: { type: 'string', shortFlag: 'c' },
  project: { type: 'string' },
} as const satisfies AnyFlags;

export const storeFlags = {
  store: { type: 'string', shortFlag: 's' },
  annotator: { type: 'string' },
} as const satisfies AnyFlags;

import type { Output } from './output.js';

/** Where a command reads and writes; tests pass their own to capture the output. */
export interface CommandIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /**
   * The descriptors behind `stdout` and `stderr` when they are the process's own (`cli/main.ts`):
   * `Output` then learns what they are and writes a file or a pipe itself, without Node making
   * the streams (for a pipe or a terminal that loads its sockets, 5-10 ms of CPU of each
   * `margin search`, which writes one answer and says nothing on stderr).
   */
  descriptors?: { stdout: number; stderr: number };
}

export interface Command {
  name: string;
  /** One line for the command list in `margin --help`. */
  summary: string;
  /** The usage block shown by `margin NAME --help` (without the leading "Usage"). */
  usage: string;
  flags: AnyFlags;
  /** The input is free text: words that look like unknown options (`-Putin`) are input too. */
  freeText?: boolean;
  /**
   * Resolves to the process exit status: usually `output.status()`; throws `CannotRun` when the
   * command cannot run at all. Every message and all data go through `output`.
   */
  run(
    input: string[],
    flags: Record<string, unknown>,
    io: CommandIO,
    output: Output,
  ): Promise<number>;
}
