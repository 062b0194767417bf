import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import { buildArticle } from './article.js';
import { type CacheHit, CorpusCache, contentHash, defaultCacheDir } from './cache.js';
import { bytesToSource, FileRefusedError, readBytes, readBytesSync } from './read.js';
import type { Article, CorpusLoad, FileProblem } from './types.js';

export interface LoadProgress {
  /** Files handled so far (articles and problems). */
  done: number;
  total: number;
  article?: Article;
  problem?: FileProblem;
}

export interface LoadOptions {
  /** Where cleaned articles are cached; `null` turns the cache off. Default: `defaultCacheDir()`. */
  cacheDir?: string | null;
  /** Called as each file is handled, in corpus order. */
  onProgress?: (event: LoadProgress) => void;
  signal?: AbortSignal;
}

/** Files handled between two yields to the event loop: a few milliseconds of work. */
const BATCH = 32;

/** Code-point order, so the listing is the same on every machine and locale. */
function byCodePoint(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

function folderReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'folder cannot be read (permission denied)';
  return `folder cannot be read (${code ?? String(error)})`;
}

/** What a corpus holds that is neither a file nor a folder: a pipe would block a read forever. */
function specialKind(entry: Dirent | Stats): string | null {
  if (entry.isFIFO()) return 'a named pipe';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
  return null;
}

/**
 * Relative paths (with `/`) of every file under `root`, skipping hidden files and folders; pipes,
 * sockets and devices are listed apart, never opened.
 */
async function walk(root: string, special: FileProblem[]): Promise<string[]> {
  const found: string[] = [];
  const visit = async (folder: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      // The corpus folder itself must be readable (the caller says so); a subfolder that is not
      // costs its own files, named once, and the rest loads.
      if (folder === root) throw error;
      const reason = folderReason(error);
      special.push({ path: folder, message: `${folder}: ${reason}; its files are left out` });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(folder, entry.name);
      const kind = specialKind(entry);
      if (kind) special.push({ path: full, message: `${full}: not a regular file (${kind})` });
      else if (entry.isDirectory()) await visit(full);
      else if (entry.isFile()) found.push(full);
      else if (entry.isSymbolicLink()) {
        // Linked files are read; linked folders are not followed, so a loop cannot hang the load.
        const target = await stat(full).catch(() => null);
        const targetKind = target ? specialKind(target) : null;
        if (targetKind) {
          const message = `${full}: not a regular file (a link to ${targetKind})`;
          special.push({ path: full, message });
        }
        // A dangling or looping link is read anyway, so its problem is reported, not hidden.
        else if (target === null || target.isFile()) found.push(full);
      }
    }
  };
  await visit(root);
  return found.map((full) => relative(root, full).split(sep).join('/')).sort(byCodePoint);
}

/** The article id of a relative path: the path without its extension, with `/` separators. */
export function articleId(relativePath: string): string {
  const extension = extname(relativePath);
  return extension ? relativePath.slice(0, -extension.length) : relativePath;
}

const yieldToEventLoop = () => new Promise<void>((done) => setImmediate(done));

/**
 * Loads every file under `root` as an article, in code-point order of relative paths. Files
 * that cannot be read become problems; only a missing corpus folder throws.
 */
export async function loadCorpus(root: string, options: LoadOptions = {}): Promise<CorpusLoad> {
  const folder = await stat(root).catch(() => null);
  if (!folder) throw new Error(`corpus folder not found: ${root}`);
  if (!folder.isDirectory()) throw new Error(`corpus is not a folder: ${root}`);
  const { signal, onProgress } = options;
  signal?.throwIfAborted();

  const special: FileProblem[] = [];
  const [files, cache] = await Promise.all([
    walk(root, special),
    options.cacheDir === null
      ? Promise.resolve(null)
      : CorpusCache.open(options.cacheDir ?? defaultCacheDir(), root),
  ]);
  const articles: Article[] = [];
  const problems: FileProblem[] = [...special];
  const owners = new Map<string, string>();
  const total = files.length;
  let done = 0;

  /** One file to an article or a problem; never throws for a bad file. */
  const loadFile = (file: string): { article?: Article; problem?: FileProblem } => {
    const path = join(root, file);
    const id = articleId(file);
    const owner = owners.get(id);
    if (owner !== undefined) {
      const message = `${path}: skipped, its id "${id}" is already used by ${join(root, owner)}`;
      return { problem: { path, message } };
    }
    let bytes: Uint8Array;
    try {
      bytes = readBytesSync(path);
    } catch (error) {
      return { problem: { path, message: problemMessage(path, error) } };
    }
    const content = contentHash(bytes);
    const hit: CacheHit | null = cache?.get(file, content) ?? null;
    if (hit?.article) return { article: { id, path, ...hit.article } };
    if (hit?.problem) return { problem: { path, message: `${path}: ${hit.problem}` } };
    try {
      const article = buildArticle(id, path, bytesToSource(path, bytes));
      cache?.setArticle(file, content, article);
      return { article };
    } catch (error) {
      if (error instanceof FileRefusedError) cache?.setProblem(file, content, error.reason);
      return { problem: { path, message: problemMessage(path, error) } };
    }
  };

  for (let start = 0; start < total; start += BATCH) {
    for (const file of files.slice(start, start + BATCH)) {
      const { article, problem } = loadFile(file);
      done++;
      if (article) {
        owners.set(article.id, file);
        articles.push(article);
      }
      if (problem) problems.push(problem);
      onProgress?.({
        done,
        total,
        ...(article ? { article } : {}),
        ...(problem ? { problem } : {}),
      });
    }
    if (start + BATCH < total) {
      await yieldToEventLoop();
      signal?.throwIfAborted();
    }
  }
  await cache?.save();
  return { root, articles, problems };
}

function problemMessage(path: string, error: unknown): string {
  if (error instanceof FileRefusedError) return error.message;
  // A bug in the cleaner must cost one article, not the corpus.
  const reason = error instanceof Error ? error.message : String(error);
  return `${path}: could not be cleaned (${reason})`;
}

/** Reads and cleans one file; throws FileRefusedError naming the file and the reason. */
export async function readArticle(path: string, options: { root?: string } = {}): Promise<Article> {
  const bytes = await readBytes(path);
  const name = options.root ? relative(options.root, path).split(sep).join('/') : basename(path);
  return buildArticle(articleId(name), path, bytesToSource(path, bytes));
}
