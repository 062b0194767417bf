import { constants, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { ioReason } from '../corpus/io-reason.js';
import { LINK_REFUSAL } from './adapter.js';
import { hasConflictMarkers } from './parse.js';

/** Opened without following a link, nor waiting on a named pipe put in the file's place. */
const READ_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** What one kind of the store's own JSON files is (the story links, the rejections). */
export interface OwnJsonKind<T> extends OwnFileKind {
  /** The file's `schema` field and the newest `version` this margin writes. */
  schema: string;
  version: number;
  parse: (value: unknown) =>
    | { success: true; data: T }
    | {
        success: false;
        error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> };
      };
}

/** What the refusals of a file of margin's own name it by, and what it may be. */
export interface OwnFileKind {
  /** Named in messages: "story links", "rejections", "model". */
  name: string;
  maxBytes: number;
  /** Said when git left conflict markers in it: how to join the two sides of this kind. */
  conflicted: string;
}

/**
 * The text of a file margin keeps beside an annotator's article files, read with the store's
 * refusals, each one line: a link is never followed; a file that is not regular, larger than
 * margin writes or conflict-marked is refused. Null when there is none; throws the one-line
 * reason when refused. `seen` is given the file's stat as it was opened (the model's signature).
 * One reader for every such file: the links', the rejections' and the model's were three copies.
 */
export async function readOwnText(
  path: string,
  kind: OwnFileKind,
  seen?: (info: Stats) => void,
): Promise<string | null> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, READ_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    if (code === 'ELOOP' || code === 'EMLINK') throw new Error(LINK_REFUSAL);
    throw new Error(`cannot be read (${ioReason(error)})`);
  }
  let text: string;
  try {
    const info = await handle.stat();
    seen?.(info);
    if (!info.isFile()) throw new Error('is not a regular file');
    if (info.size > kind.maxBytes) {
      throw new Error(
        `is larger than any ${kind.name} file margin writes (${kind.maxBytes >> 20} MB)`,
      );
    }
    text = await handle.readFile('utf8');
  } catch (error) {
    if (error instanceof Error && !('code' in error)) throw error;
    throw new Error(`cannot be read (${ioReason(error)})`);
  } finally {
    await handle.close();
  }
  if (hasConflictMarkers(text)) throw new Error(kind.conflicted);
  return text;
}

/**
 * A JSON file margin keeps beside an annotator's article files (the story links, the
 * rejections), read by `readOwnText`'s refusals, then refused when it is not JSON, of a newer
 * margin or not of its schema. Null when there is none; throws the one-line reason when refused.
 */
export async function readOwnJson<T>(path: string, kind: OwnJsonKind<T>): Promise<T | null> {
  const text = await readOwnText(path, kind);
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('is not valid JSON');
  }
  // A newer margin's file says so, as a store file does, rather than which field was unexpected;
  // a version that is no whole number (1.5, 1e400 read as Infinity) is no margin's.
  const version = (value as { version?: unknown } | null)?.version;
  if (
    (value as { schema?: unknown } | null)?.schema === kind.schema &&
    Number.isSafeInteger(version) &&
    (version as number) > kind.version
  ) {
    throw new Error(
      `schema version ${version} is newer than this margin understands (${kind.version}); upgrade margin to use it`,
    );
  }
  const parsed = kind.parse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'file';
    throw new Error(`does not match the ${kind.name} schema: ${where}: ${issue?.message ?? '?'}`);
  }
  return parsed.data;
}
