import { closeSync, ftruncateSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { makeFoldersSync } from '../text/folders.js';

/**
 * A write-ahead journal's file: opened for appending at its first line (its folder made then),
 * each line one synchronous write, emptied rather than removed once everything in it landed (a
 * removal and a new file at the next key were two changes to the folder per burst), removed at
 * the process's end when nothing is left. The review's journal of tags (`journal.ts`) and of
 * rejections (`rejection-journal.ts`) keep their own lines in one.
 */
export class AppendFile {
  #fd: number | null = null;

  constructor(readonly path: string) {}

  /** Whether a line was written (the file is open). */
  get opened(): boolean {
    return this.#fd !== null;
  }

  append(line: string): void {
    if (this.#fd === null) {
      makeFoldersSync(dirname(this.path));
      this.#fd = openSync(this.path, 'a', 0o600);
    }
    writeSync(this.#fd, line);
  }

  /** Empties the file, kept open for the next line. */
  empty(): void {
    if (this.#fd !== null) ftruncateSync(this.#fd, 0);
  }

  /** Closes the file; removes it when `remove` (everything in it landed). */
  close(remove: boolean): void {
    if (this.#fd === null) return;
    closeSync(this.#fd);
    this.#fd = null;
    if (remove) rmSync(this.path, { force: true });
  }
}
