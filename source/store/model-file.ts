import type { Stats } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { makeFolders } from '../text/folders.js';
import { LINK_REFUSAL, MAX_STORE_FILE_BYTES, signatureOf } from './adapter.js';
import { syncFolder, writeFileAtomic } from './atomic.js';
import { unmergedInGit } from './git-merge.js';
import { withFileLock } from './lock.js';
import { encodeName } from './names.js';
import { readOwnText } from './own-json-file.js';

/**
 * A model file a merge left both sides in: either side is a whole model (a summary of decisions,
 * not a record of them), so one is kept, or the file goes and the model learns again.
 */
const CONFLICTED =
  'holds unresolved git conflict markers (<<<<<<<): keep one side (git checkout --ours or ' +
  '--theirs, then git add it) or delete the file to start again from the rules; ' +
  'margin leaves it as it is';

/**
 * The same left by a merge of a file marked `-merge` (a store margin made): git kept one side
 * whole, with no marker, and waits for a choice; read as it is, the other side's learning was
 * dropped at the next `git add` without a word (qa57).
 */
const UNMERGED =
  'is in an unresolved git merge (git status: unmerged), one side kept and the other waiting: ' +
  'keep one side (git checkout --ours or --theirs, then git add it) or delete the file to ' +
  'start again from the rules; margin leaves it as it is';

/** The model file's refusals, as `readOwnText` words them. */
const MODEL_KIND = { name: 'model', maxBytes: MAX_STORE_FILE_BYTES, conflicted: CONFLICTED };

/**
 * The suggestion model an annotator's decisions trained, kept in their folder beside their
 * article files so that it survives restarts and travels through git with them. The leading dot
 * keeps it out of the article files the store reads (an article id never encodes to a dot name).
 */
export const MODEL_FILE_NAME = '.suggest-model.json';

export function modelFilePath(root: string, annotator: string): string {
  return join(root, encodeName(annotator), MODEL_FILE_NAME);
}

/** What reading the model file gave: nothing yet, the parsed model, or why it was refused. */
export type ModelFileRead<T> =
  | { kind: 'missing' }
  | { kind: 'loaded'; value: T }
  /** One line naming the file and what is wrong with it; the file is left as it is. */
  | { kind: 'refused'; message: string };

/** How a message names the file: under the store folder as the user wrote it. */
const shown = (root: string, display: string, path: string) => join(display, relative(root, path));

/**
 * Reads the annotator's model file with the store's refusals (a link is never followed, a file
 * that is not regular or is larger than any store file is refused unread) and checks it with
 * `parse`, which throws on anything that is not a model; never throws itself.
 */
export async function readModelFile<T>(
  root: string,
  annotator: string,
  parse: (text: string) => T,
  display: string = root,
): Promise<ModelFileRead<T>> {
  return (await readSigned(root, annotator, parse, display)).read;
}

/** The read, and the file's signature as it was read (null: there was no file). */
async function readSigned<T>(
  root: string,
  annotator: string,
  parse: (text: string) => T,
  display: string,
): Promise<{ read: ModelFileRead<T>; signature: string | null }> {
  let signature: string | null = null;
  const read = await readOpened(root, annotator, parse, display, (seen) => {
    signature = seen;
  });
  return { read, signature };
}

async function readOpened<T>(
  root: string,
  annotator: string,
  parse: (text: string) => T,
  display: string,
  seen: (signature: string) => void,
): Promise<ModelFileRead<T>> {
  const path = modelFilePath(root, annotator);
  const name = shown(root, display, path);
  const refused = (why: string): ModelFileRead<T> => ({
    kind: 'refused',
    message: `${name}: ${why}`,
  });
  const folder = await lstat(dirname(path)).catch(() => null);
  if (folder?.isSymbolicLink())
    return { kind: 'refused', message: `${dirname(name)}: ${LINK_REFUSAL}` };
  let text: string | null;
  try {
    text = await readOwnText(path, MODEL_KIND, (info) => seen(signatureOf(info)));
  } catch (error) {
    return refused((error as Error).message);
  }
  if (text === null) return { kind: 'missing' };
  if (await unmergedInGit(path)) return refused(UNMERGED);
  try {
    return { kind: 'loaded', value: parse(text) };
  } catch (error) {
    // The parser's message says what is wrong; it never quotes the file's content.
    return refused(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The model file changed on disk since the session read or last wrote it (a `git pull` merged
 * it, maybe leaving conflict markers): writing the session's model over it would throw away the
 * other side's learning and leave git a clean file to commit as the resolution.
 */
export class ModelChangedError extends Error {}

/**
 * Writes the model durably (temp file, fsync, rename, folder sync) under the lock other margin
 * processes share. A link where the file or the annotator's folder should be is refused and left
 * alone: the error names it. With `expected` (the signature the session last read or wrote, null
 * for no file), a file that is no longer that one is left as it is (`ModelChangedError`); a
 * file deleted since is written again. Gives the signature of the file written.
 */
export async function writeModelFile(
  root: string,
  annotator: string,
  text: string,
  display: string = root,
  expected?: string | null,
): Promise<string> {
  const path = modelFilePath(root, annotator);
  const folder = dirname(path);
  const found: Stats | null = await lstat(folder).catch(() => null);
  if (found?.isSymbolicLink()) {
    throw new Error(`${shown(root, display, folder)}: ${LINK_REFUSAL}`);
  }
  if (!found) {
    await makeFolders(folder);
    await syncFolder(root);
  }
  return await withFileLock(path, async () => {
    const existing = await lstat(path).catch(() => null);
    if (existing && !existing.isFile()) {
      const why = existing.isSymbolicLink() ? LINK_REFUSAL : 'is not a regular file';
      throw new Error(`${shown(root, display, path)}: ${why}`);
    }
    if (existing && expected !== undefined && signatureOf(existing) !== expected) {
      throw new ModelChangedError(`${shown(root, display, path)}: ${await changed(path)}`);
    }
    await writeFileAtomic(path, text);
    return signatureOf(await lstat(path));
  });
}

/** Why a model file changed behind the session is left alone, and what to do about it. */
async function changed(path: string): Promise<string> {
  // Read with the same refusals: the conflict markers are the one this asks about.
  const markers = await readOwnText(path, MODEL_KIND).then(
    () => false,
    (error) => (error as Error).message === CONFLICTED,
  );
  const conflicted = markers || (await unmergedInGit(path));
  const how = markers
    ? ' and holds unresolved git conflict markers (<<<<<<<)'
    : conflicted
      ? ' and is in an unresolved git merge (git status: unmerged)'
      : '';
  return (
    `changed on disk during this session${how}; ` +
    'margin leaves it as it is and keeps what this session taught in memory only: ' +
    (conflicted ? 'keep one side (git checkout --ours or --theirs, then git add it), then ' : '') +
    'review again to learn on from the file'
  );
}

/** Where a session reads and writes its model: the store folder on disk, or memory in tests. */
export interface ModelStore {
  read<T>(parse: (text: string) => T): Promise<ModelFileRead<T>>;
  write(text: string): Promise<void>;
}

/**
 * The session's model file: every write checks that the file is still the one the session read
 * or last wrote (`ModelChangedError` when not), so a model a `git pull` merged into it while the
 * review was open is never overwritten from memory.
 */
export function diskModelStore(
  root: string,
  annotator: string,
  display: string = root,
): ModelStore {
  // The file as the session last saw it: null for none; undefined before it was read.
  let seen: string | null | undefined;
  return {
    read: async (parse) => {
      const { read, signature } = await readSigned(root, annotator, parse, display);
      seen = signature;
      return read;
    },
    write: async (text) => {
      seen = await writeModelFile(root, annotator, text, display, seen);
    },
  };
}
