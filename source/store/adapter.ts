import {
  close as closeCallback,
  constants,
  fstat as fstatCallback,
  open as openCallback,
  readFile as readFileCallback,
} from 'node:fs';
import { basename, dirname } from 'node:path';
import { promisify } from 'node:util';
import type { Adapter } from 'lowdb';
import { writeFileAtomic } from './atomic.js';
import { fingerprint, serialise } from './format.js';
import { encodeName } from './names.js';
import { parseStoreText, RefusedFile } from './parse.js';
import type { StoreDoc } from './schema.js';

// The callback API takes about half the time of fs/promises' on many small files.
const open = promisify(openCallback);
const fstat = promisify(fstatCallback);
const readFile = promisify(readFileCallback);
const close = promisify(closeCallback);

/**
 * The largest store file margin reads. One annotator's work on one article is kilobytes; a file
 * this large was not written by margin and would only cost memory.
 */
export const MAX_STORE_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Never through a link: git carries symbolic links, and one in the store could make margin read
 * a file outside it (and quote it in a message) or replace it. O_NONBLOCK keeps a FIFO planted
 * under a store name from blocking the open; it is then refused as not a regular file.
 */
const READ_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

export const LINK_REFUSAL =
  'is a symbolic link: margin never follows links inside the store (replace it with the file itself)';

/** Opens a store file for reading without following a link; null when it does not exist. */
async function openStoreFile(path: string): Promise<number | null> {
  try {
    return await open(path, READ_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ELOOP' || code === 'EMLINK') throw new RefusedFile(LINK_REFUSAL);
    throw error;
  }
}

/** Changes whenever the file is replaced or rewritten (new inode, size, or times). */
function signatureOf(info: import('node:fs').BigIntStats): string {
  return `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
}

async function signature(path: string): Promise<string | null> {
  const fd = await openStoreFile(path).catch(() => null);
  if (fd === null) return null;
  try {
    return signatureOf(await fstat(fd, { bigint: true }));
  } finally {
    await close(fd);
  }
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
    const fd = await openStoreFile(this.path);
    if (fd === null) {
      this.lastFingerprint = null;
      return null;
    }
    let text: string;
    let before: string;
    try {
      const info = await fstat(fd, { bigint: true });
      if (!info.isFile()) throw new RefusedFile('is not a regular file');
      if (info.size > BigInt(MAX_STORE_FILE_BYTES)) {
        throw new RefusedFile(
          `is larger than any annotations file margin writes (${MAX_STORE_FILE_BYTES / 1024 / 1024} MB)`,
        );
      }
      // Taken before reading: if the file changes in between, the signature is stale, never new.
      before = signatureOf(info);
      text = await readFile(fd, 'utf8');
    } finally {
      await close(fd);
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
    return now !== null && now === this.acceptedSignature;
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
