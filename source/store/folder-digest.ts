import { createHash, type Hash } from 'node:crypto';

/** Names and signatures hashed per this many files: one update per file costs more than the lstat. */
const CHUNK = 1024;

/**
 * A hash of an annotator folder's listing with each file's signature (in listing order). The
 * store index keeps it once every row matched its file; an open that lists and lstats the
 * folder to the same hash knows that no file changed without comparing them row by row.
 */
export class FolderDigest {
  private readonly hash: Hash = createHash('sha256');
  private pending = '';
  private count = 0;
  private spoiled = false;

  add(name: string, signature: string): void {
    this.pending += `${name}\t${signature}\n`;
    if (++this.count % CHUNK === 0) {
      this.hash.update(this.pending);
      this.pending = '';
    }
  }

  /** Something in the listing must be read whatever the index holds: no digest. */
  spoil(): void {
    this.spoiled = true;
  }

  /** The hex digest; null when spoiled. */
  digest(): string | null {
    if (this.spoiled) return null;
    this.hash.update(this.pending);
    return this.hash.digest('hex');
  }
}
