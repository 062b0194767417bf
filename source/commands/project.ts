import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, parse, relative, resolve } from 'node:path';
import { PROJECT_FILE } from '../project/file-name.js';
import type { Project } from '../project/schema.js';
import { KEYMAP, type Keymap } from '../review/keymap.js';
import type { ReviewProject } from '../review/project.js';
import { DEFAULT_LABELS, type LabelSet } from '../store/labels.js';
import { oneLine } from '../text/untrusted.js';
import type { CommandIO } from './command.js';
import { CannotRun } from './output.js';

const GUIDELINES_BYTES = 1024 * 1024;

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

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
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
    if (!(await isFile(path))) throw new CannotRun(`${oneLine(named)}: no such project file`);
    return path;
  }
  let folder = resolve(io.cwd);
  const { root } = parse(folder);
  for (;;) {
    const candidate = join(folder, PROJECT_FILE);
    if (await isFile(candidate)) return candidate;
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
    text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new CannotRun(`${oneLine(shown)}: cannot be read (${error.code ?? error.message})`);
    });
    // Only a project that exists needs its schema (zod) and the keymap builder.
    const { parseProject, ProjectError } = await import('../project/schema.js');
    try {
      project = parseProject(text, shown, DEFAULT_LABELS);
    } catch (error) {
      if (error instanceof ProjectError) throw new CannotRun(error.message);
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
    const first = built.problems[0];
    if (first)
      throw new CannotRun(`${oneLine(shown ?? '')}: ${first.path}: ${oneLine(first.message)}`);
    keymap = built.keymap;
  }
  const given = (name: 'corpus' | 'store') =>
    typeof flags[name] === 'string' && flags[name] !== '' ? (flags[name] as string) : undefined;
  const corpusFlag = given('corpus');
  const storeFlag = given('store');
  return {
    file,
    project,
    labels: project?.labels ?? DEFAULT_LABELS,
    corpus: corpusFlag
      ? { root: resolve(io.cwd, corpusFlag), shown: corpusFlag }
      : place(base, project?.corpus ?? 'seeds', io),
    store: storeFlag
      ? { root: resolve(io.cwd, storeFlag), shown: storeFlag }
      : place(base, project?.store ?? 'annotations', io),
    annotator: project?.annotator ?? undefined,
    keymap,
    shown,
    text,
  };
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

/** The review's share of the project: its keymap (label keys, overrides) and guidelines. */
export async function reviewProject(context: ProjectContext): Promise<ReviewProject> {
  const project = context.project;
  if (!project || !context.file)
    return { labels: DEFAULT_LABELS, keymap: KEYMAP, guidelines: null };
  const shown = context.shown ?? context.file;
  let guidelines: ReviewProject['guidelines'] = null;
  if (project.guidelines) {
    const path = resolve(dirname(context.file), project.guidelines);
    const size = (await stat(path).catch(() => null))?.size ?? 0;
    // Guidelines are read on screen: a file this large is a wrong path, not a codebook.
    if (size > GUIDELINES_BYTES) {
      throw new CannotRun(
        `${oneLine(shown)}: guidelines: ${oneLine(project.guidelines)} is larger than 1 MB`,
      );
    }
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new CannotRun(
        `${oneLine(shown)}: guidelines: ${oneLine(project.guidelines ?? '')} cannot be read (${error.code ?? error.message})`,
      );
    });
    guidelines = { name: project.guidelines, text };
  }
  return { labels: context.labels, keymap: context.keymap, guidelines };
}
