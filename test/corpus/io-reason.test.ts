import { mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ioReason } from '../../source/corpus/io-reason.js';
import { FileRefusedError, readBytesSync } from '../../source/corpus/read.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'margin-reason-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The error a real call throws. */
function failure(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('the call did not fail');
}

describe('why a read or write failed', () => {
  it('says a file to be made new already exists, and a file in the way of a folder is one', () => {
    const file = join(dir, 'taken.txt');
    writeFileSync(file, 'x');
    expect(ioReason(failure(() => openSync(file, 'wx')))).toBe('it already exists');
    expect(ioReason(failure(() => mkdirSync(join(file, 'sub'), { recursive: true })))).toBe(
      'a part of its path is a file, not a folder',
    );
  });

  it('reads alike in the corpus reader and the commands', () => {
    const loop = join(dir, 'loop.txt');
    symlinkSync(loop, loop);
    const reason = (path: string) => {
      const error = failure(() => readBytesSync(path));
      expect(error).toBeInstanceOf(FileRefusedError);
      return (error as FileRefusedError).reason;
    };
    expect(reason(loop)).toBe(ioReason(failure(() => openSync(loop, 'r'))));
    expect(reason(loop)).toBe('symbolic link loop');
    expect(reason(dir)).toBe(ioReason(failure(() => openSync(dir, 'r+'))));
    expect(reason(join(dir, 'gone.txt'))).toBe('no such file');
    expect(ioReason(failure(() => openSync(join(dir, 'gone.txt'), 'r')))).toBe(
      'no such file or folder',
    );
  });

  it("gives SQLite's failures the same words: a full disk, a file it cannot make", () => {
    // A real SQLite error: a database made in a folder that is a file.
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    const cannot = failure(() => new Database(join(file, 'index.sqlite')));
    expect(ioReason(cannot)).toBe('it cannot be made or opened (is its folder writable?)');
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    expect(ioReason(full)).toBe('the disk is full');
    const io = Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' });
    expect(ioReason(io)).toBe('the device failed (input/output error)');
  });
});
