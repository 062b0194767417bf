import { PassThrough, Writable } from 'node:stream';
import type { CommandIO } from '../../source/commands/command.js';

export interface Captured {
  io: CommandIO;
  stdout: () => string;
  stderr: () => string;
}

function sink(tty: boolean, columns?: number) {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += chunk.toString();
      done();
    },
  }) as Writable & { isTTY?: boolean; columns?: number };
  if (tty) stream.isTTY = true;
  if (columns !== undefined) stream.columns = columns;
  return { stream, text: () => text };
}

/** A CommandIO whose output is kept in memory; `columns` makes stdout a terminal that wide. */
export function captureIO(cwd: string, env: NodeJS.ProcessEnv = {}, columns?: number): Captured {
  const out = sink(columns !== undefined, columns);
  const err = sink(false);
  return {
    io: { stdout: out.stream, stderr: err.stream, stdin: new PassThrough(), env, cwd },
    stdout: out.text,
    stderr: err.text,
  };
}
