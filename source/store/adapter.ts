import {
  close as closeCallback,
  closeSync,
  constants,
  fstat as fstatCallback,
  fstatSync,
  open as openCallback,
  openSync,
  readFile as readFileCallback,
  readFileSync,
  type Stats,
} from 'node:fs';
import { basename, dirname } from 'node:path';
import { promisify } from 'node:util';
import type { Adapter } from 'lowdb';
import { ioReason } from '../corpus/io-reason.js';
import { writeFileAtomicQuick } from './atomic.js';
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

/**
 * Changes whenever the file is replaced or rewritten: margin and git replace a file by renaming
 * a new one over it (a new inode); an edit in place changes size or modification time. The
 * change time is left out: a rename sets it, so a file's own writer could not know it in advance.
 */
export function signatureOf(info: Pick<Stats, 'dev' | 'ino' | 'size' | 'mtimeMs'>): string {
  // Numbers, not bigints: an open lstats every store file, and a bigint lstat cost a third more
  // CPU (its dates and bigints made for each). The time in ms keeps its fraction to about a
  // quarter of a microsecond, and inodes are exact below 2^53.
  return `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`;
}

/** What reading one store file found: its document (null: no such file) or why it is refused. */
export interface FileRead {
  doc: StoreDoc | null;
  refusal: string | null;
  /** Empty when the file could not be examined (a link, an unreadable file): read it again next time. */
  signature: string;
  mtimeMs: number;
  /** Of the text read, null when none was. */
  fingerprint: string | null;
}

/** Opens a store file for reading without following a link; null when it does not exist. */
async function openStoreFile(path: string): Promise<number | null> {
  try {
    return await open(path, READ_FLAGS);
  } catch (error) {
    return openFailed(error);
  }
}

function openStoreFileNow(path: string): number | null {
  try {
    return openSync(path, READ_FLAGS);
  } catch (error) {
    return openFailed(error);
  }
}

function openFailed(error: unknown): null {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return null;
  if (code === 'ELOOP' || code === 'EMLINK') throw new RefusedFile(LINK_REFUSAL);
  throw error;
}

/** Reads, validates and places-checks one store file; a refusal is a result, not an error. */
export async function readStoreFile(path: string): Promise<FileRead> {
  let fd: number | null;
  try {
    fd = await openStoreFile(path);
  } catch (error) {
    return refusedRead(error);
  }
  if (fd === null) return emptyRead();
  const read = emptyRead();
  let text: string;
  try {
    const descriptor = fd;
    text = await checkedText(read, await fstat(descriptor), () => readFile(descriptor, 'utf8'));
  } catch (error) {
    return failedRead(read, error);
  } finally {
    await close(fd);
  }
  return parsedRead(read, path, text);
}

/**
 * The same at once, in the calling thread: the few system calls of one small file under its lock
 * take microseconds, where each awaited one waits for the thread pool and then for the main
 * thread (a few ms each on a loaded machine: qa55 measured 146 ms to saved for a burst).
 */
export function readStoreFileNow(path: string): FileRead {
  let fd: number | null;
  try {
    fd = openStoreFileNow(path);
  } catch (error) {
    return refusedRead(error);
  }
  if (fd === null) return emptyRead();
  const read = emptyRead();
  let text: string;
  try {
    const descriptor = fd;
    text = checkedText(read, fstatSync(descriptor), () => readFileSync(descriptor, 'utf8'));
  } catch (error) {
    return failedRead(read, error);
  } finally {
    closeSync(fd);
  }
  return parsedRead(read, path, text);
}

function emptyRead(): FileRead {
  return { doc: null, refusal: null, signature: '', mtimeMs: 0, fingerprint: null };
}

function refusedRead(error: unknown): FileRead {
  return { ...emptyRead(), refusal: refusalOf(error) };
}

function failedRead(read: FileRead, error: unknown): FileRead {
  read.refusal = refusalOf(error);
  if (!(error instanceof RefusedFile)) read.signature = '';
  return read;
}

/** Notes the file's signature, refuses what is no store file, and reads it with `text`. */
function checkedText<T>(read: FileRead, info: Stats, text: () => T): T {
  // Taken before reading: if the file changes in between, the signature is stale, never new.
  read.signature = signatureOf(info);
  read.mtimeMs = info.mtimeMs;
  if (!info.isFile()) throw new RefusedFile('is not a regular file');
  if (info.size > MAX_STORE_FILE_BYTES) {
    throw new RefusedFile(
      `is larger than any annotations file margin writes (${MAX_STORE_FILE_BYTES / 1024 / 1024} MB)`,
    );
  }
  return text();
}

function parsedRead(read: FileRead, path: string, text: string): FileRead {
  read.fingerprint = fingerprint(text);
  try {
    const doc = parseStoreText(text);
    checkPlace(path, doc);
    read.doc = doc;
  } catch (error) {
    read.refusal = refusalOf(error);
  }
  return read;
}

function refusalOf(error: unknown): string {
  return error instanceof RefusedFile ? error.message : `cannot be read (${ioReason(error)})`;
}

/** A file copied or renamed into another place would be written under the wrong name: refuse it. */
function checkPlace(path: string, doc: StoreDoc): void {
  const file = basename(path, '.json');
  const folder = basename(dirname(path));
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

/** Thrown by the adapter's read: the file cannot be vouched for and must not be replaced. */
export class RefusedRead extends Error {
  constructor(readonly read: FileRead) {
    super(read.refusal ?? 'refused');
  }
}

/**
 * lowdb adapter for one store file. Unlike lowdb's own `JSONFile` (steno: one fixed temp name,
 * no fsync) it writes atomically and durably, and it validates on every read: a file it cannot
 * vouch for throws `RefusedRead` instead of being replaced by default data.
 */
export class AnnotationFileAdapter implements Adapter<StoreDoc> {
  /** The last read, or the last write as a read of what was written. */
  last: FileRead | null = null;

  /** `beforeWrite`: told the new text's fingerprint before the file is replaced. */
  constructor(
    readonly path: string,
    private readonly beforeWrite?: (fingerprint: string) => void,
  ) {}

  async read(): Promise<StoreDoc | null> {
    // Under the file's lock, one small file: at once (see `readStoreFileNow`).
    const read = readStoreFileNow(this.path);
    this.last = read;
    if (read.refusal !== null) throw new RefusedRead(read);
    return read.doc;
  }

  async write(doc: StoreDoc): Promise<void> {
    const text = serialise(doc);
    const written = fingerprint(text);
    this.last = null;
    this.beforeWrite?.(written);
    const info = await writeFileAtomicQuick(this.path, text);
    this.last = {
      doc,
      refusal: null,
      signature: signatureOf(info),
      mtimeMs: info.mtimeMs,
      fingerprint: written,
    };
  }
}
