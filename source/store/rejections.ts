import { lstat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { makeFolders } from '../text/folders.js';
import * as z from '../text/schema.js';
import { LINK_REFUSAL, signatureOf } from './adapter.js';
import { writeFileAtomic } from './atomic.js';
import { withFileLock } from './lock.js';
import { encodeName } from './names.js';
import { readOwnJson } from './own-json-file.js';
import { type Rejection, type RejectionChange, RejectionLines } from './rejection-lines.js';

/**
 * The suggestions an annotator rejected (`r` in the review, or a suggested label removed by
 * hand), kept so that they stay rejected after a restart, in `margin suggest` and in the exports'
 * predictions (qa57 #5: they came back the next day, and in Label Studio). One file per
 * annotator, `<store>/<annotator>/.suggest-rejections.json`, beside the suggestion model and the
 * story links: shared through git like them, and read only for its own annotator (a teammate's
 * rejections are theirs, as their model's learning is). A rejection is of a label on a sentence.
 */
export const REJECTIONS_FILE = '.suggest-rejections.json';
export const REJECTIONS_SCHEMA = 'margin.suggest-rejections';
const VERSION = 1;
/** A season of rejections is some thousands; more is not a file margin wrote. */
export const MAX_REJECTIONS = 200_000;
const MAX_BYTES = 32 * 1024 * 1024;

export type { Rejection, RejectionChange } from './rejection-lines.js';

/** The file around its rejections; each of those is checked by `entryProblem` (below). */
const fileSchema = z.strictObject({
  schema: z.literal(REJECTIONS_SCHEMA),
  version: z.literal(VERSION),
  annotator: z.string(),
  rejections: z.array(z.unknown()).check(z.maxLength(MAX_REJECTIONS)),
});

const ENTRY_KEYS = new Set(['article', 'sentence', 'labels']);
const text = (value: unknown, max: number) =>
  typeof value === 'string' && value.length >= 1 && value.length <= max;

/**
 * What is wrong with one rejection of the file, or null: the checks of a schema, made by hand
 * because a schema's check of 100,000 of them was a quarter of a second of the main thread.
 */
function entryProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const entry = value as Record<string, unknown>;
  for (const key of Object.keys(entry)) if (!ENTRY_KEYS.has(key)) return `${key}: not expected`;
  if (!text(entry.article, 1000)) return 'article: not a name of 1 to 1000 characters';
  if (!text(entry.sentence, 200)) return 'sentence: not an id of 1 to 200 characters';
  const labels = entry.labels;
  if (!Array.isArray(labels) || labels.length === 0) return 'labels: not a list of labels';
  if (!labels.every((label) => text(label, 200))) return 'labels: not a list of labels';
  return null;
}

/** The file's schema, its rejections one by one. */
function parseFile(value: unknown) {
  const file = fileSchema.safeParse(value);
  if (!file.success) return file;
  const rejections = file.data.rejections;
  for (let at = 0; at < rejections.length; at += 1) {
    const problem = entryProblem(rejections[at]);
    if (problem !== null) {
      const [field, message] = problem.includes(': ') ? problem.split(': ') : [null, problem];
      const path = ['rejections', at, ...(field === null ? [] : [field as string])];
      return { success: false as const, error: { issues: [{ path, message: message! }] } };
    }
  }
  return {
    success: true as const,
    data: { ...file.data, rejections: rejections as Rejection[] },
  };
}

/** What reading the file gave: none yet, its rejections, or why it was refused (left as it is). */
export type RejectionsRead =
  | { kind: 'missing' }
  | { kind: 'loaded'; rejections: Rejection[] }
  | { kind: 'refused'; message: string };

/**
 * Each side of a merge holds rejections of its own (one annotator on two machines): both are
 * kept, as the links of both sides are.
 */
const CONFLICTED =
  'holds unresolved git conflict markers (<<<<<<<): keep the lines of both sides (one line per ' +
  'sentence, with the labels of both), then git add it; margin leaves it as it is';

export function rejectionsFilePath(root: string, annotator: string): string {
  return join(root, encodeName(annotator), REJECTIONS_FILE);
}

/** How a message names the file: under the store folder as the user wrote it. */
const shown = (root: string, display: string, path: string) => join(display, relative(root, path));

/** The file's rejections, or null when there is none; throws a one-line reason when refused. */
async function readFile(path: string, annotator: string): Promise<Rejection[] | null> {
  const file = await readOwnJson(path, {
    name: 'rejections',
    schema: REJECTIONS_SCHEMA,
    version: VERSION,
    maxBytes: MAX_BYTES,
    conflicted: CONFLICTED,
    parse: parseFile,
  });
  if (file === null) return null;
  // Copied from a teammate's folder by hand: their rejections are not this annotator's.
  if (file.annotator !== annotator) {
    throw new Error(`holds the rejections of another annotator, not ${annotator}'s`);
  }
  return file.rejections;
}

/**
 * Reads the annotator's rejections with the store's refusals (a link is never followed; a file
 * that is not regular, too large, conflict-marked, foreign or of a newer margin is named in one
 * line); never throws.
 */
export async function readRejections(
  root: string,
  annotator: string,
  display: string = root,
): Promise<RejectionsRead> {
  const path = rejectionsFilePath(root, annotator);
  const folder = await lstat(dirname(path)).catch(() => null);
  if (folder?.isSymbolicLink()) {
    return { kind: 'refused', message: `${shown(root, display, dirname(path))}: ${LINK_REFUSAL}` };
  }
  try {
    const rejections = await readFile(path, annotator);
    return rejections === null ? { kind: 'missing' } : { kind: 'loaded', rejections };
  } catch (error) {
    return {
      kind: 'refused',
      message: `${shown(root, display, path)}: ${(error as Error).message}`,
    };
  }
}

/**
 * What this process last wrote to each rejections file, by the file's signature: the next
 * change to a file still as written takes the lines from here rather than reading and checking
 * it again (at 10,000 rejections the schema's check was most of each `r`'s 30 ms of CPU). A file
 * changed since (a git pull, another margin) is read again.
 */
const lastWritten = new Map<string, { signature: string; lines: RejectionLines }>();

/** The file's first lines, down to its `rejections` key. */
const headOf = (annotator: string) =>
  `{\n  "schema": ${JSON.stringify(REJECTIONS_SCHEMA)},\n  "version": ${VERSION},\n  "annotator": ${JSON.stringify(annotator)},\n`;

/**
 * The file's text, in parts: one rejection a line, sorted by article then sentence, so that a
 * git diff reads as the rejections made and two machines' rejections of different articles
 * merge apart.
 */
function* textParts(annotator: string, lines: RejectionLines): Generator<string, void, void> {
  if (lines.size === 0) {
    yield `${headOf(annotator)}  "rejections": []\n}\n`;
    return;
  }
  yield `${headOf(annotator)}  "rejections": [\n`;
  yield* lines.parts();
  yield '  ]\n}\n';
}

/** The file's text, whole (the parts of `textParts` joined). */
export function rejectionsText(annotator: string, rejections: readonly Rejection[]): string {
  return [...textParts(annotator, new RejectionLines(rejections))].join('');
}

/** The rejections with one change applied: labels added to the sentence's, or taken away. */
export function withRejection(
  rejections: readonly Rejection[],
  change: RejectionChange,
): Rejection[] {
  const lines = new RejectionLines(rejections);
  lines.apply(change);
  return lines.list();
}

/**
 * Records a change in the annotator's file, durably (temp file, fsync, rename) under the lock
 * other margin processes share. Refuses (throws, naming the file) rather than overwrite a file it
 * cannot read, a link in place of the file or of the folder, or a file already at the limit.
 */
export function saveRejection(
  root: string,
  annotator: string,
  change: RejectionChange,
  display: string = root,
): Promise<void> {
  return saveRejections(root, annotator, [change], display);
}

/**
 * Records changes, in order, in one write of the file (those made while the last write was on
 * its way, or left by a killed review): one lock, one read when the file changed behind this
 * process, one durable write, its text made a part at a time so that keys are answered between
 * the parts. A change is a set of labels added or taken away, so applying it again, or onto a
 * file another margin or a pull changed, keeps what both meant.
 */
export async function saveRejections(
  root: string,
  annotator: string,
  changes: readonly RejectionChange[],
  display: string = root,
): Promise<void> {
  const path = rejectionsFilePath(root, annotator);
  const folder = dirname(path);
  const found = await lstat(folder).catch(() => null);
  if (found?.isSymbolicLink()) throw new Error(`${shown(root, display, folder)}: ${LINK_REFUSAL}`);
  if (changes.length === 0) return;
  await makeFolders(folder);
  await withFileLock(path, async () => {
    const now = await lstat(path).catch(() => null);
    const kept = lastWritten.get(path);
    // Taken out while it is changed: a write that fails leaves the next one to read the file.
    lastWritten.delete(path);
    let lines: RejectionLines | null;
    if (kept && now?.isFile() && signatureOf(now) === kept.signature) lines = kept.lines;
    else {
      try {
        const read = await readFile(path, annotator);
        lines = read === null ? null : new RejectionLines(read);
      } catch (error) {
        throw new Error(`${shown(root, display, path)}: ${(error as Error).message}`);
      }
    }
    const next = lines ?? new RejectionLines();
    next.applyAll(changes);
    if (next.size > MAX_REJECTIONS) {
      throw new Error(
        `${shown(root, display, path)} holds ${MAX_REJECTIONS} rejections already, the most margin keeps`,
      );
    }
    // Nothing to take back from a file that never held it: no file is made for it.
    if (lines === null && next.size === 0) return;
    // The stats taken before the rename: a pull landing after it is never taken for this write.
    const written = await writeFileAtomic(path, textParts(annotator, next));
    lastWritten.set(path, { signature: signatureOf(written), lines: next });
  });
}

/** Article id → sentence id → the labels rejected there. */
export type RejectedLabels = Map<string, Map<string, readonly string[]>>;

export function rejectedLabels(rejections: readonly Rejection[]): RejectedLabels {
  const out: RejectedLabels = new Map();
  for (const { article, sentence, labels } of rejections) {
    const sentences = out.get(article) ?? new Map<string, readonly string[]>();
    out.set(article, sentences);
    sentences.set(sentence, [...(sentences.get(sentence) ?? []), ...labels]);
  }
  return out;
}

/**
 * Renames a label in the annotator's rejections (`margin relabel OLD NEW`, as the annotations
 * and the model's learning move): a rejected OLD stays rejected as NEW. Gives the number of lines
 * that hold OLD (changed, or that would be with `dryRun`); throws, naming the file, when it is
 * refused (it is left as it is).
 */
export async function relabelRejections(
  root: string,
  annotator: string,
  from: string,
  to: string,
  { display = root, dryRun = false }: { display?: string; dryRun?: boolean } = {},
): Promise<number> {
  const path = rejectionsFilePath(root, annotator);
  const found = await lstat(dirname(path)).catch(() => null);
  if (found?.isSymbolicLink()) {
    throw new Error(`${shown(root, display, dirname(path))}: ${LINK_REFUSAL}`);
  }
  // No file, nothing to rename: no lock is taken in the folder of every annotator.
  if (!found || !(await lstat(path).catch(() => null))) return 0;
  const change = async () => {
    let rejections: Rejection[] | null;
    try {
      rejections = await readFile(path, annotator);
    } catch (error) {
      throw new Error(`${shown(root, display, path)}: ${(error as Error).message}`);
    }
    const holding = (rejections ?? []).filter(({ labels }) => labels.includes(from));
    if (dryRun || holding.length === 0) return holding.length;
    const renamed = rejections!.map((rejection) =>
      rejection.labels.includes(from)
        ? {
            ...rejection,
            labels: [...new Set(rejection.labels.map((label) => (label === from ? to : label)))],
          }
        : rejection,
    );
    await writeFileAtomic(path, rejectionsText(annotator, renamed));
    return holding.length;
  };
  return dryRun ? change() : withFileLock(path, change);
}
