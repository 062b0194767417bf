import { type FSWatcher, watch } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** `git pull` touches many files in a burst: gather them into one report. */
const DEBOUNCE_MS = 80;
const POLL_MS = 2_000;

export interface WatchedStore {
  root: string;
  /** The annotator folders (never links). */
  folders: () => Promise<string[]>;
  /** The store files of one folder. */
  filesIn: (folder: string) => Promise<string[]>;
  /** Files this process has read or written, so that one deleted behind it is noticed. */
  known: () => string[];
  /** Which file names in an annotator folder are watched (default: the store's annotation files). */
  accepts?: (name: string) => boolean;
  /**
   * Reads the file again when it no longer holds what this process last read or wrote; returns
   * the article it belongs to then, else null.
   */
  readIfChanged: (path: string) => Promise<string | null>;
  /** The articles whose files changed. */
  onChange: (articles: string[]) => void;
}

/**
 * Watches a store for files written by other processes (another margin, `git pull`): one
 * `fs.watch` per annotator folder and one on the root for folders that appear, falling back to
 * polling where watching is unavailable (no inotify watches left, some network file systems).
 * Returns a function that stops watching.
 */
export function watchStore(store: WatchedStore): () => void {
  const accepts = store.accepts ?? isAnnotationFile;
  const pending = new Set<string>();
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | null = null;
  let poller: NodeJS.Timeout | null = null;
  let stopped = false;

  const flush = async () => {
    timer = null;
    const paths = [...pending];
    pending.clear();
    const changed: string[] = [];
    for (const path of paths) {
      const article = await store.readIfChanged(path);
      if (article !== null) changed.push(article);
    }
    if (changed.length > 0 && !stopped) store.onChange(changed);
  };
  const schedule = (path: string) => {
    if (stopped) return;
    pending.add(path);
    timer ??= setTimeout(() => void flush(), DEBOUNCE_MS);
  };
  const rescan = async (folder: string) => {
    for (const path of await store.filesIn(folder).catch(() => [])) schedule(path);
    for (const path of store.known()) if (dirname(path) === folder) schedule(path);
  };
  const watchFolder = (folder: string) => {
    // A folder found after stopping (a new annotator's folder being looked at, the first
    // listing) must not start a watcher nobody closes: it would keep margin from exiting.
    if (stopped || watchers.has(folder) || poller) return;
    try {
      const watcher = watch(folder, (_event, name) => {
        if (name && accepts(name)) schedule(join(folder, name));
      });
      watcher.on('error', () => {
        watcher.close();
        watchers.delete(folder);
        void rescan(folder);
      });
      watchers.set(folder, watcher);
    } catch {
      startPolling();
    }
  };
  const startPolling = () => {
    if (stopped || poller) return;
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
    const seen = new Map<string, string>();
    const poll = async () => {
      for (const folder of await store.folders().catch(() => [])) {
        for (const path of await store.filesIn(folder).catch(() => [])) {
          const info = await stat(path).catch(() => null);
          const mark = info ? `${info.mtimeMs}:${info.size}` : '';
          if (seen.has(path) && seen.get(path) !== mark) schedule(path);
          seen.set(path, mark);
        }
      }
      const known = new Set(store.known());
      for (const path of seen.keys()) if (!known.has(path)) schedule(path);
    };
    void poll();
    poller = setInterval(() => void poll(), POLL_MS);
    poller.unref();
  };

  let rootWatcher: FSWatcher | null = null;
  try {
    rootWatcher = watch(store.root, (_event, name) => {
      if (!name || name.startsWith('.')) return;
      const folder = join(store.root, name);
      watchers.get(folder)?.close();
      watchers.delete(folder);
      // A folder that is a link is never watched or read through (the store refuses it).
      void lstat(folder)
        .then((info) => {
          if (!info.isDirectory()) return;
          watchFolder(folder);
          return rescan(folder);
        })
        .catch(() => rescan(folder));
    });
    rootWatcher.on('error', () => startPolling());
  } catch {
    startPolling();
  }
  void store.folders().then((folders) => {
    for (const folder of folders) watchFolder(folder);
  });

  return () => {
    stopped = true;
    rootWatcher?.close();
    for (const watcher of watchers.values()) watcher.close();
    if (timer) clearTimeout(timer);
    if (poller) clearInterval(poller);
  };
}

/** An annotation file: `ARTICLE.json`; dot files (links, temporary files) are not. */
function isAnnotationFile(name: string): boolean {
  return name.endsWith('.json') && !name.startsWith('.');
}
