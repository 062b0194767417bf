import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, isAbsolute, join, parse, relative, resolve } from 'node:path';
import { statOrNull } from '../corpus/db/stat-or-null.js';
import { ioReason } from '../corpus/io-reason.js';
import { PROJECT_FILE } from '../project/file-name.js';
import type { Project } from '../project/schema.js';
import { KEYMAP, type Keymap } from '../review/keymap.js';
import type { ReviewProject } from '../review/project.js';
import { DEFAULT_LABELS, type LabelSet } from '../store/labels.js';
import { oneName } from '../text/untrusted.js';
import type { CommandIO } from './command.js';
import { CannotRun } from './output.js';
import { isWithin } from './paths.js';

const GUIDELINES_BYTES = 1024 * 1024;
const PROJECT_BYTES = 1024 * 1024;

/** A folder as a command uses it: where it is, and how to name it in a message. */
export interface Place {
  root: string;
  shown: string;
}

/** What the project file (or its absence) decides for a command. */
export interface ProjectContext {
  /** The project file, absolute, or null when there is none. */
  file: string | null;
  project: Project | null;
  labels: LabelSet;
  corpus: Place;
  store: Place;
  /** The annotator the project names, used after --annotator and $MARGIN_ANNOTATOR. */
  annotator: string | undefined;
  /** The project's keymap: its labels' keys and key overrides, checked for clashes. */
  keymap: Keymap;
  /** How to name the project file in a message. */
  shown: string | null;
  /**
   * The project file's text as read: the review watches for the file to hold anything else. A
   * second read for that would miss a change made between the two.
   */
  text: string | null;
}

function isFile(path: string): boolean {
  return statOrNull(path)?.isFile() ?? false;
}

/**
 * The project file: `--project`, else `$MARGIN_PROJECT`, else the first `margin.json` in the
 * current folder or one above it, as git finds `.git`. Null when there is none.
 */
export async function findProjectFile(
  flags: Record<string, unknown>,
  io: CommandIO,
): Promise<string | null> {
  const named =
    typeof flags.project === 'string' && flags.project !== ''
      ? flags.project
      : io.env.MARGIN_PROJECT;
  if (named) {
    const path = resolve(io.cwd, named);
    const found = statOrNull(path);
    // A folder stands for the project file in it, as a project is named by its folder.
    if (found?.isDirectory()) {
      const inside = join(path, PROJECT_FILE);
      if (isFile(inside)) return inside;
      throw new CannotRun(`${oneName(named)} is a folder with no ${PROJECT_FILE} in it`);
    }
    if (!found?.isFile()) throw new CannotRun(`${oneName(named)}: no such project file`);
    return path;
  }
  let folder = resolve(io.cwd);
  const { root } = parse(folder);
  for (;;) {
    const candidate = join(folder, PROJECT_FILE);
    if (isFile(candidate)) return candidate;
    if (folder === root) return null;
    folder = dirname(folder);
  }
}

/** A path the project file gives, shown relative to where the command runs. */
function place(base: string, path: string, io: CommandIO): Place {
  const root = resolve(base, path);
  const near = relative(io.cwd, root);
  return {
    root,
    shown: near === '' ? '.' : near.startsWith('..') && isAbsolute(path) ? root : near,
  };
}

/**
 * Reads the project file a command runs under, if any. `--corpus` and `--store` given on the
 * command line win over the file; without a file they default to `seeds` and `annotations` in
 * the current folder, as margin always did. A file margin cannot use stops the command (status 2)
 * with one line naming the file and the key.
 */
export async function loadProject(
  flags: Record<string, unknown>,
  io: CommandIO,
): Promise<ProjectContext> {
  const file = await findProjectFile(flags, io);
  let project: Project | null = null;
  let text: string | null = null;
  if (file) {
    const shown = relative(io.cwd, file) || file;
    text = await readProjectText(file, shown);
    // Only a project that exists needs its schema (zod) and the keymap builder.
    const { parseProject, ProjectError } = await import('../project/schema.js');
    try {
      project = parseProject(text, shown, DEFAULT_LABELS);
    } catch (error) {
      if (error instanceof ProjectError) throw new CannotRun(error.problems);
      throw error;
    }
  }
  const base = file ? dirname(file) : io.cwd;
  const shown = file ? relative(io.cwd, file) || file : null;
  let keymap = KEYMAP;
  if (project) {
    const [{ buildKeymap }, { withGuidelines }] = await Promise.all([
      import('../review/project.js'),
      import('../review/guidelines.js'),
    ]);
    // Checked by every command, not only the review: a clash is found where it is made.
    const built = buildKeymap(
      project.labels,
      project.keys,
      project.guidelines ? withGuidelines(KEYMAP) : KEYMAP,
    );
    if (built.problems.length > 0) {
      const { problemLines } = await import('../project/schema.js');
      throw new CannotRun(
        problemLines(
          shown ?? '',
          built.problems.map((problem) => `${problem.path}: ${problem.message}`),
        ),
      );
    }
    keymap = built.keymap;
  }
  const given = (name: 'corpus' | 'store') =>
    typeof flags[name] === 'string' && flags[name] !== '' ? (flags[name] as string) : undefined;
  const corpusFlag = given('corpus');
  const storeFlag = given('store');
  const corpus = corpusFlag
    ? { root: resolve(io.cwd, corpusFlag), shown: corpusFlag }
    : place(base, project?.corpus ?? 'seeds', io);
  const store = storeFlag
    ? { root: resolve(io.cwd, storeFlag), shown: storeFlag }
    : place(base, project?.store ?? 'annotations', io);
  apart(corpus, store);
  return {
    file,
    project,
    labels: project?.labels ?? DEFAULT_LABELS,
    corpus,
    store,
    annotator: project?.annotator ?? undefined,
    keymap,
    shown,
    text,
  };
}

/**
 * The store must not be the corpus folder, nor hold it: the store's annotator folders would be
 * read as articles (the corpus reads every file of its own folder, marked or not), and the
 * corpus's files as store files. A store inside the corpus (`"corpus": "."` beside
 * `annotations/`) is fine: it marks itself as no articles (corpus/files.ts).
 */
function apart(corpus: Place, store: Place): void {
  if (!isWithin(corpus.root, store.root)) return;
  const same = isWithin(store.root, corpus.root);
  throw new CannotRun(
    same
      ? `the annotation store ${oneName(store.shown)} is the corpus folder: give the store a folder of its own (--store or "store" in margin.json)`
      : `the corpus ${oneName(corpus.shown)} is inside the annotation store ${oneName(store.shown)}: keep the store apart from it (--store or "store" in margin.json)`,
  );
}

/**
 * Who writes: `--annotator`, then `$MARGIN_ANNOTATOR`, then the project's `annotator`, then the
 * login name.
 */
export function annotatorEnv(context: ProjectContext, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return context.annotator !== undefined && !env.MARGIN_ANNOTATOR
    ? { ...env, MARGIN_ANNOTATOR: context.annotator }
    : env;
}

/**
 * The project file's text; a file larger than any codebook (at most 36 labels) is refused
 * unread: a 300 MB file given as margin.json took 6 s and 640 MB before its JSON was refused.
 */
async function readProjectText(file: string, shown: string): Promise<string> {
  const refuse = (why: string) => new CannotRun(`${oneName(shown)}: ${why}`);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw refuse(`cannot be read (${ioReason(error)})`);
  }
  try {
    if ((await handle.stat()).size > PROJECT_BYTES) {
      throw refuse('is larger than any project file margin reads (1 MB)');
    }
    return await handle.readFile('utf8');
  } catch (error) {
    if (error instanceof CannotRun) throw error;
    throw refuse(`cannot be read (${ioReason(error)})`);
  } finally {
    await handle.close();
  }
}

/**
 * The guidelines file's text, or why it cannot be shown. Only a regular file is read, and at most
 * 1 MB of one: `/dev/zero` filled memory for seconds and a named pipe blocked the start for
 * ever. Opened without waiting (O_NONBLOCK), so a pipe is refused, never waited on.
 */
async function readGuidelines(path: string): Promise<{ text: string } | { why: string }> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { why: ioReason(error) };
  }
  try {
    const found = await handle.stat();
    if (found.isDirectory()) return { why: 'it is a folder' };
    if (!found.isFile()) return { why: 'not a regular file' };
    // Guidelines are read on screen: a file this large is a wrong path, not a codebook.
    if (found.size > GUIDELINES_BYTES) return { why: 'it is larger than 1 MB' };
    return { text: await handle.readFile('utf8') };
  } catch (error) {
    return { why: ioReason(error) };
  } finally {
    await handle.close();
  }
}

/**
 * The review's share of the project: its keymap (label keys, overrides) and guidelines. A
 * guidelines file that cannot be shown does not stop the review (a teammate's margin.json may
 * name one not committed yet): `warning` says why, among the review's problems.
 */
export async function reviewProject(
  context: ProjectContext,
): Promise<{ project: ReviewProject; warning: string | null }> {
  const project = context.project;
  if (!project || !context.file)
    return {
      project: { labels: DEFAULT_LABELS, keymap: KEYMAP, guidelines: null },
      warning: null,
    };
  const shown = context.shown ?? context.file;
  let guidelines: ReviewProject['guidelines'] = null;
  let warning: string | null = null;
  if (project.guidelines) {
    const read = await readGuidelines(resolve(dirname(context.file), project.guidelines));
    if ('text' in read) guidelines = { name: project.guidelines, text: read.text };
    else
      warning = `${oneName(shown)}: guidelines: ${oneName(project.guidelines)}: ${read.why}; the review goes on without them`;
  }
  return { project: { labels: context.labels, keymap: context.keymap, guidelines }, warning };
}
