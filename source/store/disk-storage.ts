import { lstat, mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { Low } from 'lowdb';
import { AnnotationFileAdapter, LINK_REFUSAL } from './adapter.js';
import { removeStaleTemps, syncFolder } from './atomic.js';
import { withFileLock } from './lock.js';
import { decodeName, encodeName } from './names.js';
import { RefusedFile } from './parse.js';
import { emptyDoc, type StoreDoc } from './schema.js';
import { type ChangeResult, type LoadedFile, RefusedFileError, type Storage } from './storage.js';
import type { StoreProblem } from './types.js';
import { watchStore } from './watcher.js';

/** Parallel reads at open: enough to keep the disk busy, few enough to stay under fd limits. */
const READ_CONCURRENCY = 64;
const GITIGNORE = '# written by margin while saving; never worth committing\n.*.tmp\n.*.lock\n';

/**
 * The store on disk: `<root>/<annotator>/<article>.json`, names encoded by `encodeName`, one lowdb
 * `Low` per file over `AnnotationFileAdapter`.
 */
export class DiskStorage implements Storage {
  private readonly lows = new Map<string, Low<StoreDoc>>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly folders = new Set<string>();
  private stopWatching: (() => void) | null = null;

  /** `display` is the root as the user wrote it, so messages name files the way they know them. */
  private constructor(
    readonly root: string,
    private readonly display: string,
  ) {}

  static async create(root: string, display: string): Promise<DiskStorage> {
    let created: string | undefined;
    try {
      created = await mkdir(root, { recursive: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'it is not a folder' : code;
      throw new Error(`${display} cannot be used as the annotation store: ${why}`);
    }
    if (created !== undefined) {
      await writeFile(join(root, '.gitignore'), GITIGNORE, { flag: 'wx' }).catch(() => undefined);
      await syncFolder(dirname(root)).catch(() => undefined);
    }
    return new DiskStorage(root, display);
  }

  pathFor(annotator: string, article: string): string {
    return join(this.root, encodeName(annotator), `${encodeName(article)}.json`);
  }

  async load(): Promise<{ files: LoadedFile[]; annotators: string[] }> {
    const annotators: string[] = [];
    const paths: string[] = [];
    const refused: LoadedFile[] = [];
    for (const link of await this.linkedFolders()) {
      const problem = this.linkedFolderProblem(link);
      refused.push({ ...problem, doc: null, problem });
    }
    for (const folder of await this.annotatorFolders()) {
      const name = decodeName(basename(folder));
      if (name !== null) annotators.push(name);
      this.folders.add(folder);
      await removeStaleTemps(folder);
      paths.push(...(await storeFilesIn(folder)));
    }
    const files = await mapLimit(paths, READ_CONCURRENCY, (path) =>
      this.serialised(path, () => this.reuseOrRead(path)),
    );
    for (const file of files) {
      if (file.doc && !annotators.includes(file.doc.annotator)) annotators.push(file.doc.annotator);
    }
    return {
      files: [...refused, ...files.filter((file) => file.doc !== null || file.problem !== null)],
      annotators,
    };
  }

  update<R>(
    annotator: string,
    article: string,
    change: (doc: StoreDoc) => ChangeResult<R>,
  ): Promise<{ doc: StoreDoc; value: R }> {
    const path = this.pathFor(annotator, article);
    return this.serialised(path, async () => {
      try {
        await this.ensureFolder(dirname(path));
        return await withFileLock(path, async () => {
          const low = this.lowFor(path);
          low.data = emptyDoc(article, annotator);
          try {
            await low.read();
          } catch (error) {
            throw new RefusedFileError(this.problem(path, error));
          }
          const { write, value } = change(low.data);
          if (write) await low.write();
          return { doc: low.data, value };
        });
      } catch (error) {
        if (error instanceof RefusedFileError) throw error;
        throw new Error(`cannot save ${this.displayPath(path)}: ${writeFailure(error)}`);
      }
    });
  }

  subscribe(onChange: (files: LoadedFile[]) => void): () => void {
    this.stopWatching?.();
    const stop = watchStore({
      root: this.root,
      folders: () => this.annotatorFolders(),
      filesIn: storeFilesIn,
      known: () => [...this.lows.keys()],
      readIfChanged: (path) => this.serialised(path, () => this.readIfChanged(path)),
      onChange,
    });
    const unsubscribe = () => {
      stop();
      if (this.stopWatching === unsubscribe) this.stopWatching = null;
    };
    this.stopWatching = unsubscribe;
    return unsubscribe;
  }

  async close(): Promise<void> {
    this.stopWatching?.();
    await Promise.allSettled([...this.queues.values()]);
  }

  /**
   * Opening again (the review screen opens once to start, again with the corpus) reuses what an
   * unchanged file held instead of parsing and validating it twice.
   */
  private async reuseOrRead(path: string): Promise<LoadedFile> {
    const low = this.lows.get(path);
    const adapter = low?.adapter as AnnotationFileAdapter | undefined;
    if (low && adapter && (await adapter.unchangedSinceRead()))
      return this.loaded(path, low.data, null);
    return this.readFile(path);
  }

  private async readFile(path: string): Promise<LoadedFile> {
    const low = this.lowFor(path);
    try {
      const doc = await low.adapter.read();
      if (doc) low.data = doc;
      return this.loaded(path, doc, null);
    } catch (error) {
      return this.loaded(path, null, this.problem(path, error));
    }
  }

  /** Null when the file still holds what we last read or wrote (our own write coming back). */
  private async readIfChanged(path: string): Promise<LoadedFile | null> {
    const adapter = this.lowFor(path).adapter as AnnotationFileAdapter;
    const before = adapter.lastFingerprint;
    const file = await this.readFile(path);
    return adapter.lastFingerprint === before ? null : file;
  }

  private loaded(path: string, doc: StoreDoc | null, problem: StoreProblem | null): LoadedFile {
    const names = this.namesOf(path);
    return {
      path: this.displayPath(path),
      annotator: doc?.annotator ?? names.annotator,
      article: doc?.article ?? names.article,
      doc,
      problem,
    };
  }

  private problem(path: string, error: unknown): StoreProblem {
    const reason =
      error instanceof RefusedFile
        ? error.message
        : `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    const names = this.namesOf(path);
    return {
      path: this.displayPath(path),
      ...names,
      message: `${this.displayPath(path)}: ${reason}`,
    };
  }

  /** The names a path stands for: from the last good read, else decoded from the path. */
  private namesOf(path: string): { article: string | null; annotator: string | null } {
    const data = this.lows.get(path)?.data;
    if (data && data.article !== '') return { article: data.article, annotator: data.annotator };
    return {
      article: decodeName(basename(path, '.json')),
      annotator: decodeName(basename(dirname(path))),
    };
  }

  private displayPath(path: string): string {
    return join(this.display, relative(this.root, path));
  }

  private lowFor(path: string): Low<StoreDoc> {
    let low = this.lows.get(path);
    if (!low) {
      low = new Low(new AnnotationFileAdapter(path), emptyDoc('', ''));
      this.lows.set(path, low);
    }
    return low;
  }

  private async ensureFolder(folder: string): Promise<void> {
    if (this.folders.has(folder)) return;
    // mkdir accepts a link to a folder as the folder: writes would land outside the store.
    const found = await lstat(folder).catch(() => null);
    if (found?.isSymbolicLink()) throw new RefusedFileError(this.linkedFolderProblem(folder));
    const created = await mkdir(folder, { recursive: true });
    // The new folder's entry must itself be durable before a file inside it is called saved.
    if (created !== undefined) await syncFolder(this.root);
    this.folders.add(folder);
  }

  private linkedFolderProblem(folder: string): StoreProblem {
    const shown = this.displayPath(folder);
    const annotator = decodeName(basename(folder));
    return { path: shown, article: null, annotator, message: `${shown}: ${LINK_REFUSAL}` };
  }

  /** Annotator folders that are links: refused, never read or written through. */
  private async linkedFolders(): Promise<string[]> {
    const entries = await readdir(this.root, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isSymbolicLink() && !entry.name.startsWith('.'))
      .map((entry) => join(this.root, entry.name))
      .sort();
  }

  private async annotatorFolders(): Promise<string[]> {
    const entries = await readdir(this.root, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => join(this.root, entry.name))
      .sort();
  }

  /** One operation at a time per file within this process; the lock file covers other processes. */
  private serialised<T>(path: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(path) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    this.queues.set(path, settled);
    void settled.then(() => {
      if (this.queues.get(path) === settled) this.queues.delete(path);
    });
    return next;
  }
}

function isStoreFileName(name: string): boolean {
  return name.endsWith('.json') && !name.startsWith('.');
}

/** What a failed write means for the person saving, without our temp or lock file's name. */
const WRITE_FAILURES: Record<string, string> = {
  ENOSPC: 'the disk is full; free some space and margin retries',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EIO: 'the disk reported an input/output error',
};

function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return WRITE_FAILURES[code] ?? (code || (error as Error).message);
}

/**
 * Store files, and links under a store file's name: those are listed so that reading refuses them
 * with a message naming them (a link is never followed).
 */
export async function storeFilesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && isStoreFileName(entry.name))
    .map((entry) => join(folder, entry.name))
    .sort();
}

async function mapLimit<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
