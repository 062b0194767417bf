import { lstat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { makeFolders } from '../text/folders.js';
import * as z from '../text/schema.js';
import { LINK_REFUSAL, signatureOf } from './adapter.js';
import { writeFileAtomic } from './atomic.js';
import { withFileLock } from './lock.js';
import { encodeName } from './names.js';
import { readOwnJson } from './own-json-file.js';

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

/** The labels rejected on one sentence of one article. */
export interface Rejection {
  article: string;
  sentence: string;
  labels: string[];
}

/** A change to the file: `labels` rejected on the sentence (`rejected`), or no longer (undo). */
export interface RejectionChange extends Rejection {
  rejected: boolean;
}

const entrySchema = z.strictObject({
  article: z.string().check(z.minLength(1), z.maxLength(1000)),
  sentence: z.string().check(z.minLength(1), z.maxLength(200)),
  labels: z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.minLength(1)),
});
const fileSchema = z.strictObject({
  schema: z.literal(REJECTIONS_SCHEMA),
  version: z.literal(VERSION),
  annotator: z.string(),
  rejections: z.array(entrySchema).check(z.maxLength(MAX_REJECTIONS)),
});

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
    parse: (value) => fileSchema.safeParse(value),
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
 * change to a file still as written takes the list from here rather than reading and checking
 * it again (at 10,000 rejections the schema's check was most of each `r`'s 30 ms of CPU). A file
 * changed since (a git pull, another margin) is read again.
 */
const lastWritten = new Map<string, { signature: string; rejections: Rejection[] }>();

/**
 * The file's text: one rejection a line, sorted by article then sentence, so that a git diff
 * reads as the rejections made and two machines' rejections of different articles merge apart.
 */
export function rejectionsText(annotator: string, rejections: readonly Rejection[]): string {
  const lines = inFileOrder(rejections).map(
    ({ article, sentence, labels }) =>
      `    ${JSON.stringify({ article, sentence, labels: [...labels].sort() })}`,
  );
  const head = `{\n  "schema": ${JSON.stringify(REJECTIONS_SCHEMA)},\n  "version": ${VERSION},\n  "annotator": ${JSON.stringify(annotator)},\n`;
  return lines.length === 0
    ? `${head}  "rejections": []\n}\n`
    : `${head}  "rejections": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

/** By article, then sentence (quick on a list in that order already, as a written one is). */
function inFileOrder(rejections: readonly Rejection[]): Rejection[] {
  return [...rejections].sort((a, b) =>
    a.article !== b.article
      ? a.article < b.article
        ? -1
        : 1
      : a.sentence < b.sentence
        ? -1
        : a.sentence > b.sentence
          ? 1
          : 0,
  );
}

/** The rejections with one change applied: labels added to the sentence's, or taken away. */
export function withRejection(
  rejections: readonly Rejection[],
  change: RejectionChange,
): Rejection[] {
  const at = rejections.findIndex(
    (each) => each.article === change.article && each.sentence === change.sentence,
  );
  const had = at >= 0 ? rejections[at]!.labels : [];
  const labels = change.rejected
    ? [...had, ...change.labels.filter((label) => !had.includes(label))]
    : had.filter((label) => !change.labels.includes(label));
  const next = [...rejections];
  const entry = { article: change.article, sentence: change.sentence, labels };
  if (at >= 0) {
    if (labels.length > 0) next[at] = entry;
    else next.splice(at, 1);
  } else if (labels.length > 0) next.push(entry);
  return next;
}

/**
 * Records a change in the annotator's file, durably (temp file, fsync, rename) under the lock
 * other margin processes share. Refuses (throws, naming the file) rather than overwrite a file it
 * cannot read, a link in place of the file or of the folder, or a file already at the limit.
 */
export async function saveRejection(
  root: string,
  annotator: string,
  change: RejectionChange,
  display: string = root,
): Promise<void> {
  const path = rejectionsFilePath(root, annotator);
  const folder = dirname(path);
  const found = await lstat(folder).catch(() => null);
  if (found?.isSymbolicLink()) throw new Error(`${shown(root, display, folder)}: ${LINK_REFUSAL}`);
  await makeFolders(folder);
  await withFileLock(path, async () => {
    const now = await lstat(path).catch(() => null);
    const kept = lastWritten.get(path);
    let rejections: Rejection[] | null;
    if (kept && now?.isFile() && signatureOf(now) === kept.signature) rejections = kept.rejections;
    else {
      lastWritten.delete(path);
      try {
        rejections = await readFile(path, annotator);
      } catch (error) {
        throw new Error(`${shown(root, display, path)}: ${(error as Error).message}`);
      }
    }
    const next = inFileOrder(withRejection(rejections ?? [], change));
    if (next.length > MAX_REJECTIONS) {
      throw new Error(
        `${shown(root, display, path)} holds ${MAX_REJECTIONS} rejections already, the most margin keeps`,
      );
    }
    // Nothing to take back from a file that never held it: no file is made for it.
    if (rejections === null && next.length === 0) return;
    // The stats taken before the rename: a pull landing after it is never taken for this write.
    const written = await writeFileAtomic(path, rejectionsText(annotator, next));
    lastWritten.set(path, { signature: signatureOf(written), rejections: next });
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

/** Where a review reads and keeps its annotator's rejections: the store on disk, or memory. */
export interface RejectionStore {
  read(): Promise<RejectionsRead>;
  save(change: RejectionChange): Promise<void>;
}

export function diskRejectionStore(
  root: string,
  annotator: string,
  display: string = root,
): RejectionStore {
  return {
    read: () => readRejections(root, annotator, display),
    save: (change) => saveRejection(root, annotator, change, display),
  };
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
