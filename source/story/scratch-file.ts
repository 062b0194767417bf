/**
 * A file a story index writes what it does not need for a while (`band-orders.ts`,
 * `set-aside.ts`): unlinked as soon as it is opened, so that it goes with its descriptor
 * whatever becomes of the process, and closed when its owner is gone.
 */
import { closeSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readFully } from '../corpus/db/read-fully.js';

/** Closes a file that is gone unclosed (an index has no end of its own). */
const files = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {}
});

export class ScratchFile {
  private fd: number;
  private readonly token = {};

  /** A file named for `kind` in `folder` (default: the system's temporary folder). */
  constructor(
    kind: string,
    private readonly lost: string,
    folder = tmpdir(),
  ) {
    const name = path.join(
      folder,
      `margin-story-${kind}-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}.bin`,
    );
    this.fd = openSync(name, 'w+', 0o600);
    // Unlinked at once where the system allows it (POSIX); elsewhere at the process's end.
    try {
      unlinkSync(name);
    } catch {
      process.once('exit', () => {
        try {
          unlinkSync(name);
        } catch {}
      });
    }
    files.register(this, this.fd, this.token);
  }

  /** Writes `bytes` whole at `position` (a full disk throws). */
  write(bytes: Uint8Array, position: number): void {
    let done = 0;
    while (done < bytes.length) {
      done += writeSync(this.fd, bytes, done, bytes.length - done, position + done);
    }
  }

  /** Fills `bytes` from `position` (a file cut short throws its `lost` message). */
  read(bytes: Uint8Array, position: number): void {
    readFully(this.fd, bytes, position, this.lost);
  }

  close(): void {
    if (this.fd < 0) return;
    files.unregister(this.token);
    closeSync(this.fd);
    this.fd = -1;
  }
}
