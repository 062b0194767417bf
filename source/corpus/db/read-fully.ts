import { readSync } from 'node:fs';

/**
 * Fills `bytes` from `fd` at `position`: `readSync` may return fewer bytes than asked. A file
 * that ends first was cut short behind its reader, which `cutShort` names.
 */
export function readFully(fd: number, bytes: Uint8Array, position: number, cutShort: string): void {
  let done = 0;
  while (done < bytes.length) {
    const read = readSync(fd, bytes, done, bytes.length - done, position + done);
    if (read === 0) throw new Error(cutShort);
    done += read;
  }
}
