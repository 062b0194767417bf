import { readFile as readFileCallback, stat as statCallback } from 'node:fs';
import { basename, dirname } from 'node:path';
import { promisify } from 'node:util';
import type { Adapter } from 'lowdb';
import { writeFileAtomic } from './atomic.js';
import { fingerprint, serialise } from './format.js';
import { encodeName } from './names.js';
import { parseStoreText, RefusedFile } from './parse.js';
import type { StoreDoc } from './schema.js';

// The callback readFile takes about half the time of fs/promises' one on many small files.
const readFile = promisify(readFileCallback);
const stat = promisify(statCallback);

/** Changes whenever the file is replaced or rewritten (new inode, size, or times). */
async function signature(path: string): Promise<string> {
  const info = await stat(path, { bigint: true });
  return `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
}

/**
 * lowdb adapter for one store file. Unlike lowdb's own `JSONFile` (steno: one fixed temp name,
 * no fsync) it writes atomically and durably, and it validates on every read: a file it cannot
 * vouch for throws `RefusedFile` instead of being replaced by default data.
 */
export class AnnotationFileAdapter implements Adapter<StoreDoc> {
  /** Fingerprint of the text last read or written here, to recognise our own writes. */
  lastFingerprint: string | null = null;

  /** The file's signature when it was last read and accepted; null when unknown or refused. */
  private acceptedSignature: string | null = null;

  constructor(readonly path: string) {}

  async read(): Promise<StoreDoc | null> {
    this.acceptedSignature = null;
    let text: string;
    let before: string;
    try {
      // Taken before reading: if the file changes in between, the signature is stale, never new.
      before = await signature(this.path);
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.lastFingerprint = null;
        return null;
      }
      throw error;
    }
    this.lastFingerprint = fingerprint(text);
    const doc = parseStoreText(text);
    this.checkPlace(doc);
    this.acceptedSignature = before;
    return doc;
  }

  /** Whether the file is still exactly what the last accepted read returned (a cheap stat). */
  async unchangedSinceRead(): Promise<boolean> {
    if (this.acceptedSignature === null) return false;
    const now = await signature(this.path).catch(() => null);
    return now === this.acceptedSignature;
  }

  async write(doc: StoreDoc): Promise<void> {
    const text = serialise(doc);
    this.acceptedSignature = null;
    await writeFileAtomic(this.path, text);
    this.lastFingerprint = fingerprint(text);
  }

  /** A file copied or renamed into another place would be written under the wrong name: refuse it. */
  private checkPlace(doc: StoreDoc): void {
    const file = basename(this.path, '.json');
    const folder = basename(dirname(this.path));
    if (encodeName(doc.article) !== file) {
      throw new RefusedFile(
        `it holds article ${JSON.stringify(doc.article)}, whose file would be ${encodeName(doc.article)}.json`,
      );
    }
    if (encodeName(doc.annotator) !== folder) {
      throw new RefusedFile(
        `it holds annotator ${JSON.stringify(doc.annotator)}, whose folder would be ${encodeName(doc.annotator)}`,
      );
    }
  }
}
