import { stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { buildArticle } from './article.js';
import { defaultCacheDir } from './cache.js';
import { openCorpusIndex } from './db/open.js';
import { afterOthers } from './db/others.js';
import { articleId, walk } from './files.js';
import { lazyArticles } from './lazy-articles.js';

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
  /**
   * Where the corpus index lives (`db/`); `null` reads every file afresh without one.
   * Default: `defaultCacheDir()`.
   */
  cacheDir?: string | null;
  /**
   * How much of the folder to compare with the index (`db/scan.ts`). Default `full`: every file
   * is read into memory anyway, and a file edited in place must show its edit.
   */
  refresh?: 'quick' | 'full';
  /** Called as each file is handled, in corpus order. */
  onProgress?: (event: LoadProgress) => void;
  signal?: AbortSignal;
  /** Told when another margin is indexing the corpus: the load waits for it (`afterOthers`). */
  onWaiting?: () => void;
  /**
   * Articles hold their summary and read their text from the index when asked (`lazyArticles`):
   * memory stays flat with the corpus. The index then stays open until `close` is called.
   */
  lazy?: boolean;
}

/** Files handled between two yields to the event loop: a few milliseconds of work. */
const BATCH = 32;

const yieldToEventLoop = () => new Promise<void>((done) => setImmediate(done));

/**
 * Loads every file under `root` as an article, in code-point order of relative paths. Files
 * that cannot be read become problems; only a missing corpus folder throws.
 */
export async function loadCorpus(root: string, options: LoadOptions = {}): Promise<CorpusLoad> {
  if (options.cacheDir !== null) return loadThroughIndex(root, options);
  const folder = await stat(root).catch(() => null);
  if (!folder) throw new Error(`corpus folder not found: ${root}`);
  if (!folder.isDirectory()) throw new Error(`corpus is not a folder: ${root}`);
  const { signal, onProgress } = options;
  signal?.throwIfAborted();

  const special: FileProblem[] = [];
  const files = await walk(root, special);
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
    try {
      const bytes = readBytesSync(path, undefined, root);
      const article = buildArticle(id, path, bytesToSource(path, bytes));
      return { article };
    } catch (error) {
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
  return { root, articles, problems };
}

/**
 * The whole corpus in memory, through its on-disk index: the index is brought up to date
 * (reading only what changed), then every article streams from it in corpus order, with a
 * progress event each.
 */
async function loadThroughIndex(root: string, options: LoadOptions): Promise<CorpusLoad> {
  const { signal, onProgress } = options;
  const { index, refreshed } = await openCorpusIndex(root, {
    cacheDir: options.cacheDir ?? defaultCacheDir(),
    refresh: options.refresh ?? 'full',
    ...(signal ? { signal } : {}),
    ...(onProgress ? { onProgress: ({ done, total }) => onProgress({ done, total }) } : {}),
  });
  let keepOpen = false;
  try {
    // Another margin indexing the corpus: its articles are read once it has written them.
    if (refreshed) {
      await afterOthers(index, refreshed, {
        ...(signal ? { signal } : {}),
        ...(options.onWaiting ? { waiting: options.onWaiting } : {}),
      });
    }
    const articles: Article[] = [];
    const total = index.size();
    for (const article of options.lazy ? lazyArticles(index) : index.articles()) {
      articles.push(article);
      onProgress?.({ done: articles.length, total, article });
      if (articles.length % BATCH === 0) {
        await yieldToEventLoop();
        signal?.throwIfAborted();
      }
    }
    keepOpen = options.lazy === true;
    return {
      root,
      articles,
      problems: index.problems(),
      ...(keepOpen ? { close: () => index.close(), words: index.words, index } : {}),
    };
  } finally {
    if (!keepOpen) index.close();
  }
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
