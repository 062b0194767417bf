import type * as z from '../text/schema.js';
import { migrateV0, SCHEMA_NAME, SCHEMA_VERSION, type StoreDoc, storeSchemas } from './schema.js';

/** A line git writes where a merge left both sides of a conflict in the file. */
const CONFLICT_MARKER = /^(?:<{7}|>{7}) /m;

/** Whether a merge left git's conflict markers in the text (a store file, the model file). */
export const hasConflictMarkers = (text: string): boolean => CONFLICT_MARKER.test(text);

/**
 * Where JSON.parse stopped, as line and column. Its own message quotes the text around the
 * error, and the file may not be margin's at all (a link or a misplaced file): a message must
 * never show another file's content.
 */
export function whereJsonFailed(text: string, error: unknown): string {
  const position = /position (\d+)/.exec(String((error as Error).message))?.[1];
  if (position === undefined) {
    return /end of JSON input/.test(String((error as Error).message)) ? ' (it ends too early)' : '';
  }
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return ` (at line ${line}, column ${column})`;
}

/** Why a store file was refused; the message is shown after the file's path. */
export class RefusedFile extends Error {}

/** Reads a store file's text: validates it, migrates older versions, refuses anything else. */
export function parseStoreText(text: string): StoreDoc {
  if (text.trim().length === 0) throw new RefusedFile('the file is empty');
  if (hasConflictMarkers(text)) {
    throw new RefusedFile(
      `holds unresolved git conflict markers (<<<<<<<): resolve it keeping both sides' annotations (store.md: "A conflict in a store file"), and margin reads it again`,
    );
  }
  // An editor that saves UTF-8 with a byte order mark (Notepad, after a conflict resolved by
  // hand) leaves one in front; JSON.parse refuses it. It is read past here, and margin's next
  // write of the file leaves it out, as it writes every store file (`format.ts`).
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new RefusedFile(`not valid JSON${whereJsonFailed(json, error)}`);
  }
  if (value === null) throw new RefusedFile('the content is null, not an annotations file');
  if (typeof value !== 'object' || Array.isArray(value) || !('schema' in value)) {
    throw new RefusedFile(`not a margin annotations file (no "schema": "${SCHEMA_NAME}")`);
  }
  const { schema, version } = value as { schema: unknown; version?: unknown };
  if (schema !== SCHEMA_NAME) {
    throw new RefusedFile(
      `not a margin annotations file ("schema" is ${JSON.stringify(schema)}, expected "${SCHEMA_NAME}")`,
    );
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new RefusedFile(`"version" must be a whole number, found ${JSON.stringify(version)}`);
  }
  if (version > SCHEMA_VERSION) {
    throw new RefusedFile(
      `schema version ${version} is newer than this margin understands (${SCHEMA_VERSION}); upgrade margin to edit it`,
    );
  }
  if (version === 0) return migrateV0(check(storeSchemas().fileV0, value));
  return check(storeSchemas().fileV1, value);
}

function check<S extends z.ZodMiniType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'file';
    return `${where}: ${issue.message}`;
  });
  const more = result.error.issues.length > 3 ? ` (+${result.error.issues.length - 3} more)` : '';
  return refuse(`does not match the annotations schema: ${issues.join('; ')}${more}`);
}

function refuse(message: string): never {
  throw new RefusedFile(message);
}
