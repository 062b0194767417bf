import type { CommandIO } from '../commands/command.js';
import { type About, type Commands, main } from '../commands/main.js';
import { Output } from '../commands/output.js';
import { failed } from '../commands/run.js';

/**
 * Ends the process now that the command is over, when stdout and stderr hold nothing unwritten
 * (on Linux pipes and files take each write whole as it is made, so they never do): Node's own
 * exit would first tear V8's heap down, 5-15 ms of CPU of each `margin search` (processes in
 * turn, load 10-16), which a person running query after query pays for nothing. With anything
 * still queued, the exit is Node's own, once it is written. Only for a command that leaves no
 * work running behind it when it resolves: `margin search` awaits its store's check and close.
 */
export function exitWhenWritten(): void {
  for (const stream of made) if (stream.writableLength > 0) return;
  process.exit();
}

/** process.stdout and process.stderr once `runCli`'s commands made them (asking makes them). */
const made = new Set<NodeJS.WriteStream>();

/**
 * Runs margin with `argv` (without node and the script) over the commands of `commands`, and sets
 * the process's exit status. `cli.tsx` hands every command here, or only `search` from the
 * bundle of its own that `margin search` loads.
 */
export function runCli(argv: string[], commands: Commands, about: About): Promise<void> {
  // Node makes the standard streams on first use (process.stdin 15 ms; stdout and stderr, for a
  // pipe or a terminal, load its sockets): only commands that use them pay for them. `Output`
  // writes a file or a pipe to its descriptor itself.
  const io: CommandIO = {
    get stdout() {
      return standard(process.stdout);
    },
    get stderr() {
      return standard(process.stderr);
    },
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    descriptors: { stdout: 1, stderr: 2 },
  };

  /**
   * A reader that stops early (`margin list | head -1`) closes the pipe: the rest of the output has
   * nowhere to go, and that is no error. Later writes are dropped; the command ends as it would.
   */
  function quietWhenClosed(stream: NodeJS.WriteStream): void {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
        stream.destroy();
        return;
      }
      if (stream !== process.stderr)
        process.exitCode = failed(error, new Output(io, ''), process.env);
    });
  }
  function standard(stream: NodeJS.WriteStream): NodeJS.WriteStream {
    if (!made.has(stream)) {
      made.add(stream);
      quietWhenClosed(stream);
    }
    return stream;
  }

  return main(argv, io, about, commands).then(
    (status) => {
      // A failed write to stdout reported by its listener above is not undone by a command's 0.
      process.exitCode = Math.max(status, Number(process.exitCode ?? 0));
    },
    (error: unknown) => {
      process.exitCode = failed(error, new Output(io, ''), process.env);
    },
  );
}
