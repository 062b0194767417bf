import { lstat, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { makeFolders } from '../text/folders.js';
import * as z from '../text/schema.js';
import { LINK_REFUSAL } from './adapter.js';
import { writeFileAtomic } from './atomic.js';
import { withFileLock } from './lock.js';
import { decodeName, encodeName } from './names.js';
import { readOwnJson } from './own-json-file.js';
import { unreadableFolderLine } from './unreadable-folder.js';
import { watchStore } from './watcher.js';

/**
 * Reviewers' corrections to the story groups: "these two sentences report the same thing"
 * (`link`) and "they do not" (`unlink`). One file per annotator, `<store>/<annotator>/
 * .story-links.json`, so two people never write the same file and git shares them like the
 * annotations; the dot keeps it out of the annotation files the store reads.
 */
export const STORY_LINKS_FILE = '.story-links.json';
export const STORY_LINKS_SCHEMA = 'margin.story-links';
const VERSION = 1;
/** Thousands of corrections are a season of work; more is not a file margin wrote. */
export const MAX_STORY_LINKS = 20_000;
const MAX_BYTES = 4 * 1024 * 1024;

export interface StoryLinkSentence {
  article: string;
  sentence: string;
}

export interface StoryLink {
  kind: 'link' | 'unlink';
  a: StoryLinkSentence;
  b: StoryLinkSentence;
}

/** What an annotator said about two sentences withdrawn, as undo does: the groups decide again. */
export interface StoryLinkForgotten {
  kind: 'forget';
  a: StoryLinkSentence;
  b: StoryLinkSentence;
}

const sentenceSchema = z.strictObject({
  article: z.string().check(z.minLength(1), z.maxLength(1000)),
  sentence: z.string().check(z.minLength(1), z.maxLength(200)),
});
const fileSchema = z.strictObject({
  schema: z.literal(STORY_LINKS_SCHEMA),
  version: z.literal(VERSION),
  annotator: z.string(),
  links: z
    .array(
      z.strictObject({
        kind: z.enum(['link', 'unlink']),
        a: sentenceSchema,
        b: sentenceSchema,
        created: z.iso.datetime({ offset: true }),
      }),
    )
    .check(z.maxLength(MAX_STORY_LINKS)),
});
type StoryLinksFile = z.infer<typeof fileSchema>;

/** Every annotator's links, and one line per file that was refused (it is then ignored). */
export interface StoryLinksRead {
  links: StoryLink[];
  problems: string[];
}

/**
 * A links file a merge left both sides in (one annotator linking on two machines): each side's
 * entries are decisions of their own, so both are kept, as in a store file.
 */
const CONFLICTED =
  'holds unresolved git conflict markers (<<<<<<<): keep the links of both sides (one entry ' +
  'per pair, the later "created"), then git add it; margin leaves it as it is';

const sameSentence = (x: StoryLinkSentence, y: StoryLinkSentence) =>
  x.article === y.article && x.sentence === y.sentence;
const samePair = (link: StoryLink, a: StoryLinkSentence, b: StoryLinkSentence) =>
  (sameSentence(link.a, a) && sameSentence(link.b, b)) ||
  (sameSentence(link.a, b) && sameSentence(link.b, a));

/** The file's links, or null when there is none; throws a one-line reason when it is refused. */
function readFile(path: string): Promise<StoryLinksFile | null> {
  return readOwnJson(path, {
    name: 'story links',
    schema: STORY_LINKS_SCHEMA,
    version: VERSION,
    maxBytes: MAX_BYTES,
    conflicted: CONFLICTED,
    parse: (value) => fileSchema.safeParse(value),
  });
}

/** How a message names a file: relative to the store, as the user named the store. */
const shownPath = (root: string, display: string, path: string) =>
  join(display, relative(root, path));

/**
 * The store's own line for an annotator folder it cannot list, word for word, when `folder` is
 * one: the links file in it is then named by its folder, and a command that opened the store
 * too says that line once (one line per folder, not a second one for the file). Null when the
 * folder can be listed.
 */
async function unlistedFolderLine(
  root: string,
  display: string,
  folder: string,
): Promise<string | null> {
  const error = await readdir(folder).then(
    () => null,
    (error: unknown) => error,
  );
  if (error === null) return null;
  return unreadableFolderLine(shownPath(root, display, folder), error);
}

/**
 * Reads every annotator's links; a refused file is named in `problems` and left out. Where two
 * annotators decided differently about one pair of sentences, the later decision (by its
 * `created`) is the one applied, and the earlier is left out: a teammate's unlink pulled through
 * git never cancels a link made after it, nor a link an unlink made after it. At the same instant
 * the unlink stands. Each annotator's file holds one decision a pair (`saveStoryLink`).
 */
export async function readStoryLinks(root: string, display = root): Promise<StoryLinksRead> {
  const { read, problems } = await readDecisions(root, display);
  return { links: latestLinks(read, latestOf(read)), problems };
}

/**
 * `readStoryLinks` and `overruledDecisions` of `annotator` from one read of the files: the review
 * forms its groups and says what a teammate overruled after each change of a links file, which
 * read every annotator's file twice.
 */
export async function readStoryDecisions(
  root: string,
  display: string,
  annotator: string,
): Promise<StoryLinksRead & { overruled: OverruledDecision[] }> {
  const { read, problems } = await readDecisions(root, display);
  const latest = latestOf(read);
  return {
    links: latestLinks(read, latest),
    problems,
    overruled: overruledOf(read, latest, annotator),
  };
}

/** Each pair's latest decision (at the same instant, the unlink), by `pairKey`. */
function latestOf(read: readonly Decision[]): Map<string, Decision> {
  const latest = new Map<string, Decision>();
  for (const link of read) {
    const key = pairKey(link.a, link.b);
    const other = latest.get(key);
    if (!other || laterDecision(link, other)) latest.set(key, link);
  }
  return latest;
}

/** The decisions that stand, in the order read. */
function latestLinks(read: readonly Decision[], latest: Map<string, Decision>): StoryLink[] {
  return read
    .filter((link) => latest.get(pairKey(link.a, link.b)) === link)
    .map((link) => ({ kind: link.kind, a: link.a, b: link.b }));
}

type Decision = StoryLinksFile['links'][number] & { annotator: string };

/** Every annotator's decisions, each with whose it is (its folder's annotator). */
async function readDecisions(
  root: string,
  display: string,
): Promise<{ read: Decision[]; problems: string[] }> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const read: Decision[] = [];
  const problems: string[] = [];
  for (const entry of entries.sort((x, y) => (x.name < y.name ? -1 : 1))) {
    const annotator = entry.isDirectory() ? decodeName(entry.name) : null;
    if (annotator === null) continue;
    const folder = join(root, entry.name);
    const path = join(folder, STORY_LINKS_FILE);
    try {
      const file = await readFile(path);
      for (const link of file?.links ?? []) read.push({ ...link, annotator });
    } catch (error) {
      problems.push(
        (await unlistedFolderLine(root, display, folder)) ??
          `${shownPath(root, display, path)}: ${(error as Error).message}; ignored`,
      );
    }
  }
  return { read, problems };
}

/** A decision of the annotator's that a teammate's later one about the same pair overrules. */
export interface OverruledDecision {
  /** The annotator's own decision. */
  mine: StoryLink;
  /** Who overruled it, what they decided, and when (an id of the overruling, with the pair). */
  by: string;
  kind: 'link' | 'unlink';
  created: string;
}

/**
 * The annotator's links and unlinks that a teammate's later opposite decision about the same two
 * sentences overrules (the later decision counts: `readStoryLinks`). The review says each one as
 * it arrives (qa57 #11: a teammate's unlink pulled through git took away a link in the open
 * review without a word). Files that cannot be read are left out, as `readStoryLinks` leaves them.
 */
export async function overruledDecisions(
  root: string,
  annotator: string,
): Promise<OverruledDecision[]> {
  const { read } = await readDecisions(root, root);
  return overruledOf(read, latestOf(read), annotator);
}

/** The annotator's decisions another's later one stands over. */
function overruledOf(
  read: readonly Decision[],
  latest: Map<string, Decision>,
  annotator: string,
): OverruledDecision[] {
  const out: OverruledDecision[] = [];
  for (const link of read) {
    if (link.annotator !== annotator) continue;
    const winner = latest.get(pairKey(link.a, link.b))!;
    if (winner.annotator === annotator || winner.kind === link.kind) continue;
    out.push({
      mine: { kind: link.kind, a: link.a, b: link.b },
      by: winner.annotator,
      kind: winner.kind,
      created: winner.created,
    });
  }
  return out;
}

/** One key for a pair of sentences whichever comes first. */
function pairKey(a: StoryLinkSentence, b: StoryLinkSentence): string {
  const x = JSON.stringify([a.article, a.sentence]);
  const y = JSON.stringify([b.article, b.sentence]);
  return x < y ? `${x}${y}` : `${y}${x}`;
}

/** Whether `link` overrules `other` about the same pair: made later, or an unlink made with it. */
function laterDecision(
  link: { kind: string; created: string },
  other: { kind: string; created: string },
): boolean {
  const at = Date.parse(link.created);
  const otherAt = Date.parse(other.created);
  if (at !== otherAt) return at > otherAt;
  return link.kind === 'unlink' && other.kind === 'link';
}

/**
 * Calls `onChange` when an annotator's link file changes on disk: a teammate's links arriving
 * with `git pull`, or another margin saving one. The story groups are then formed again. What
 * the files hold when watching starts counts as seen. Returns a function that stops watching.
 */
export function watchStoryLinks(root: string, onChange: () => void): () => void {
  const seen = new Map<string, string>();
  const markOf = async (path: string) => {
    const info = await stat(path).catch(() => null);
    return info ? `${info.mtimeMs}:${info.size}` : '';
  };
  const folders = async () => {
    const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
    return entries
      .filter((entry) => entry.isDirectory() && decodeName(entry.name) !== null)
      .map((entry) => join(root, entry.name));
  };
  const filesIn = async (folder: string) => {
    const path = join(folder, STORY_LINKS_FILE);
    return (await markOf(path)) ? [path] : [];
  };
  let primed = false;
  const priming = (async () => {
    for (const folder of await folders()) {
      for (const path of await filesIn(folder)) seen.set(path, await markOf(path));
    }
    primed = true;
  })();
  return watchStore({
    root,
    folders,
    filesIn,
    known: () => [...seen.keys()],
    accepts: (name) => name === STORY_LINKS_FILE,
    readIfChanged: async (path) => {
      if (!primed) await priming;
      const mark = await markOf(path);
      if ((seen.get(path) ?? '') === mark) return null;
      seen.set(path, mark);
      return path;
    },
    onChange: () => onChange(),
  });
}

/**
 * Records a link or an unlink in the annotator's file, replacing whatever that annotator said
 * about the same two sentences before (`forget`: only that), and gives what it replaced, so an
 * undo can put it back. Refuses (throws) rather than overwrite a file it cannot read, a link in
 * place of the file or of the folder, or a file already at the limit.
 */
export async function saveStoryLink(
  root: string,
  annotator: string,
  link: StoryLink | StoryLinkForgotten,
  now: Date = new Date(),
  display = root,
): Promise<StoryLink | null> {
  if (sameSentence(link.a, link.b)) throw new Error('a sentence cannot be linked to itself');
  const folder = join(root, encodeName(annotator));
  const found = await lstat(folder).catch(() => null);
  if (found?.isSymbolicLink()) {
    throw new Error(`${shownPath(root, display, folder)}: ${LINK_REFUSAL}`);
  }
  await makeFolders(folder);
  const path = join(folder, STORY_LINKS_FILE);
  return withFileLock(path, async () => {
    let file: StoryLinksFile | null;
    try {
      file = await readFile(path);
    } catch (error) {
      throw new Error(`${shownPath(root, display, path)}: ${(error as Error).message}`);
    }
    const links = file?.links ?? [];
    const old = links.find((record) => samePair(record, link.a, link.b));
    const replaced: StoryLink | null = old ? { kind: old.kind, a: old.a, b: old.b } : null;
    const kept = links.filter((record) => record !== old);
    if (link.kind === 'forget' && !old) return null;
    if (link.kind !== 'forget' && kept.length >= MAX_STORY_LINKS) {
      throw new Error(
        `${shownPath(root, display, path)} holds ${MAX_STORY_LINKS} links already, the most margin keeps`,
      );
    }
    const next: StoryLinksFile = {
      schema: STORY_LINKS_SCHEMA,
      version: VERSION,
      annotator,
      links:
        link.kind === 'forget'
          ? kept
          : [...kept, { kind: link.kind, a: link.a, b: link.b, created: now.toISOString() }],
    };
    await writeFileAtomic(path, `${JSON.stringify(next, null, 2)}\n`);
    return replaced;
  });
}
