import { type Dirent, lstatSync, readdirSync, type Stats, statSync } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { Low } from 'lowdb';
import { markNotArticles, NOT_ARTICLES } from '../corpus/files.js';
import { ioReason } from '../corpus/io-reason.js';
import { makeFolders } from '../text/folders.js';
import {
  AnnotationFileAdapter,
  type FileRead,
  LINK_REFUSAL,
  RefusedRead,
  readStoreFile,
  signatureOf,
} from './adapter.js';
import { createFileAtomic, removeStaleTemps, syncFolder } from './atomic.js';
import {
  checkFolders,
  type FolderCheck,
  GONE,
  LINK,
  NOT_A_FILE,
  startCheckThreads,
} from './file-signatures.js';
import { withFileLock } from './lock.js';
import { MODEL_FILE_NAME } from './model-file.js';
import { decodeName, encodeName, isStoreFileName } from './names.js';
import { emptyDoc, type StoreDoc } from './schema.js';
import { type ChangeResult, RefusedFileError, type Storage } from './storage.js';
import type { StoreIndex } from './store-index.js';
import type { StoreProblem } from './types.js';
import { unreadableFolderLine } from './unreadable-folder.js';
import { watchStore } from './watcher.js';

/** Parallel reads at open: enough to keep the disk busy, few enough to stay under fd limits. */
const READ_CONCURRENCY = 64;
/** Rows written to the index per transaction while reading many files. */
const BATCH = 512;
/**
 * A file modified this shortly before it was read may have changed again within the same tick
 * of the file system's clock, leaving size and time as they were: such a row is not trusted,
 * and the file is read again at the next open (as git does with its index).
 */
const RACY_MS = 2_000;
const GITIGNORE = '# written by margin while saving; never worth committing\n.*.tmp\n.*.lock\n';
/**
 * A suggestion model is one whole: git merged two line by line without a word, into weights
 * neither side learnt (one label's counts from each). Unmerged, git stops on it and keeps one side.
 */
const GITATTRIBUTES = `# written by margin: a merge of two suggestion models keeps one side and says so\n${MODEL_FILE_NAME} -merge\n`;

/**
 * The store on disk: `<root>/<annotator>/<article>.json`, names encoded by `encodeName`, each
 * written through a lowdb `Low` over `AnnotationFileAdapter`. What was read of each file is kept
 * in the index, which an open checks against every file's signature instead of reading it.
 */
export class DiskStorage implements Storage {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly folders = new Set<string>();
  private linked: StoreProblem[] = [];
  private stopWatching: (() => void) | null = null;
  /**
   * The index is shared by every process on the store, so its fingerprint of a file may be
   * another process's write this one has not seen. What this process knows is: the index as its
   * last refresh left it (rows read before `refreshedAt`), then what it read or wrote itself.
   */
  private refreshedAt = 0;
  private readonly mine = new Map<string, string | null>();
  /** Told each file's new text's fingerprint just before it is written (`OpenOptions.onWriting`). */
  onWriting: ((annotator: string, article: string, fingerprint: string) => void) | null = null;

  /** `display` is the root as the user wrote it, so messages name files the way they know them. */
  private constructor(
    readonly root: string,
    private readonly display: string,
    readonly index: StoreIndex,
  ) {}

  static async create(root: string, display: string, index: StoreIndex): Promise<DiskStorage> {
    let created: string | undefined;
    try {
      created = await makeFolders(root);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'it is not a folder' : ioReason(error);
      throw new Error(`${display} cannot be used as the annotation store: ${why}`);
    }
    if (created !== undefined) {
      // Whole or not at all: a cut one would let git track the temp and lock files. A store on a
      // file system without links (or one margin may not write) goes on without it.
      await createFileAtomic(join(root, '.gitignore'), GITIGNORE).catch(() => undefined);
      await createFileAtomic(join(root, '.gitattributes'), GITATTRIBUTES).catch(() => undefined);
      await syncFolder(dirname(root)).catch(() => undefined);
    }
    return new DiskStorage(root, display, index);
  }

  pathFor(annotator: string, article: string): string {
    return join(this.root, encodeName(annotator), `${encodeName(article)}.json`);
  }

  async refresh(
    signal?: AbortSignal,
    onRunning?: () => void,
  ): Promise<{ annotators: string[]; changed: string[] }> {
    // The check's threads boot while the folders are listed, sized by what the index last held.
    startCheckThreads(this.index.filesAtMost());
    const entries = await readdir(this.root, { withFileTypes: true });
    // A corpus folder holding the store (`"corpus": "."`) must not read its files as articles.
    if (!entries.some((entry) => entry.name === NOT_ARTICLES)) markNotArticles(this.root);
    this.noteLinkedFolders(entries);
    const folders = entries
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
    const annotators: string[] = [];
    const listings: Array<{
      folder: string;
      dir: string;
      listed: Uint8Array;
      seen: string | null;
    }> = [];
    // Names only: an lstat of each file follows anyway, and tells its type. The folders are
    // listed at once, on libuv's threads.
    // A folder that cannot be listed (no read permission) is named and left out; the others go on.
    const listed = await Promise.all(
      folders.map((folder) => this.namesIn(folder).catch((error: unknown) => ({ error }))),
    );
    // A review that quit while the folders were listed goes no further than the listing.
    signal?.throwIfAborted();
    for (const [at, folder] of [...folders.entries()].reverse()) {
      const got = listed[at]!;
      if (!('error' in got)) continue;
      const shown = this.displayPath(folder);
      const message = unreadableFolderLine(shown, got.error);
      this.linked.push({ path: shown, article: null, annotator: decodeName(folder), message });
      folders.splice(at, 1);
      listed.splice(at, 1);
    }
    for (const [at, folder] of folders.entries()) {
      const name = decodeName(folder);
      if (name !== null) annotators.push(name);
      const dir = join(this.root, folder);
      this.folders.add(dir);
      const { bytes, seen } = listed[at] as Listing;
      listings.push({ folder, dir, listed: bytes, seen });
    }
    // The listings go to the check's threads as text, split and sifted a share at a time; the
    // leftovers of an interrupted save are all dot files, found in the text without a split.
    const checking = checkFolders(listings, signal, onRunning);
    // Its failure is met below, once the leftovers are seen to.
    checking.catch(() => undefined);
    for (const { dir, listed } of listings) await removeStaleTemps(dir, dotNames(listed));
    const checks = await checking;
    const stale: string[] = [];
    // The articles whose rows change: a review that showed the index before this check shows them again.
    const changed: string[] = [];
    for (const [at, { folder, dir, seen }] of listings.entries()) {
      for (const path of this.changedIn(folder, dir, seen, checks[at]!, changed)) stale.push(path);
    }
    const present = new Set(folders);
    this.index.batch(() => {
      for (const folder of this.index.folders()) {
        if (present.has(folder)) continue;
        for (const article of this.index.articlesIn(folder)) changed.push(article);
        this.index.removeFolder(folder);
      }
    });
    for (let from = 0; from < stale.length; from += BATCH) {
      signal?.throwIfAborted();
      const paths = stale.slice(from, from + BATCH);
      const reads = await mapLimit(paths, READ_CONCURRENCY, (path) =>
        this.serialised(path, () => readStoreFile(path)),
      );
      this.index.batch(() => {
        for (const [at, path] of paths.entries()) {
          const article = this.record(path, reads[at]!) ?? this.namesOf(this.key(path)).article;
          if (article !== null) changed.push(article);
        }
      });
    }
    this.mine.clear();
    this.refreshedAt = Date.now();
    return { annotators, changed: [...new Set(changed)] };
  }

  /**
   * Brings the index up to the files of these articles alone: each annotator folder's file of
   * each (an `lstat` of the path it must have, in every folder there is or the index holds) is
   * compared with its row, and read when it differs (edited in place, new, gone, a link) or its
   * row cannot be trusted (read within RACY_MS of its change). Returns the articles whose rows
   * changed; null when some path could not be examined (an unreadable folder): `refresh` then.
   * The other files are not looked at: for an answer that depends on these articles' files only.
   */
  async refreshArticles(articles: readonly string[]): Promise<string[] | null> {
    const entries = await readdir(this.root, { withFileTypes: true });
    this.noteLinkedFolders(entries);
    const folders = new Set(this.index.folders());
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.')) folders.add(entry.name);
    }
    const stale: string[] = [];
    const dropped: string[] = [];
    for (const folder of [...folders].sort()) {
      for (const article of articles) {
        const key = `${folder}/${encodeName(article)}.json`;
        const path = join(this.root, folder, `${encodeName(article)}.json`);
        let info: Stats | undefined;
        try {
          info = lstatSync(path, { throwIfNoEntry: false });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') info = undefined;
          else return null;
        }
        const kept = this.index.mark(key);
        if (info === undefined || !(info.isFile() || info.isSymbolicLink())) {
          // Gone (or not a file, which the check leaves out too): its row goes.
          if (kept === null) continue;
          if (info === undefined) stale.push(path);
          else {
            this.index.remove(key);
            dropped.push(kept.article ?? article);
          }
          continue;
        }
        const trusted =
          kept !== null &&
          !info.isSymbolicLink() &&
          kept.readAt - kept.mtimeMs >= RACY_MS &&
          kept.signature === signatureOf(info);
        if (!trusted) stale.push(path);
      }
    }
    const reads = await mapLimit(stale, READ_CONCURRENCY, (path) =>
      this.serialised(path, () => readStoreFile(path)),
    );
    const changed = [...dropped];
    this.index.batch(() => {
      for (const [at, path] of stale.entries()) {
        const article = this.record(path, reads[at]!) ?? this.namesOf(this.key(path)).article;
        if (article !== null) changed.push(article);
      }
    });
    return [...new Set(changed)];
  }

  /**
   * Every name in an annotator folder: as the index kept them while the folder is the one they
   * were listed in, with the same modification and change times, else listed again. A file
   * added, removed or renamed changes both times; a tool that sets the modification time back
   * (`cp -a`, `rsync -a`, `tar x`) still changes the change time, which nothing can set. A file
   * edited in place changes neither, and the signatures' check sees it. The times are read
   * before listing, so a change made meanwhile makes the next open list again; a listing within
   * RACY_MS of the folder's change is not kept, since the clock may not have moved.
   */
  private async namesIn(folder: string): Promise<Listing> {
    const dir = join(this.root, folder);
    const before = Date.now();
    const seen = seenOf(await stat(dir));
    // The kept bytes go to the check's threads as they are, never decoded nor split here.
    const kept = this.index.listingBytes(folder);
    if (kept !== null && kept.seen === seen.text) return { bytes: kept.bytes, seen: seen.text };
    const text = (await readdir(dir)).join('\0');
    if (before - seen.mtimeMs <= RACY_MS) return { bytes: Buffer.from(text), seen: null };
    this.index.keepListing(folder, seen.text, text);
    return { bytes: Buffer.from(text), seen: seen.text };
  }

  /**
   * Whether every annotator folder is as the last check that compared all its files left it,
   * folder by folder: the same folders, none with a file added, removed or renamed since (its
   * inode, modification and change times as then), and no row of it changed since by any
   * process. A file edited in place changes none of that: the answer a caller computes from the
   * index must still compare the files it depends on (`refreshArticles`), and the rest later.
   * A handful of system calls, where the check of every file is one per file.
   */
  checkedAsIs(): boolean {
    let entries: Dirent[];
    try {
      entries = readdirSync(this.root, { withFileTypes: true });
    } catch {
      return false;
    }
    const checked = this.index.checkedFolders();
    const folders = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'));
    // A link in place of a folder is named by the check, which refuses it.
    if (entries.some((entry) => entry.isSymbolicLink() && !entry.name.startsWith('.')))
      return false;
    if (folders.length !== checked.size) return false;
    for (const { name } of folders) {
      const seen = checked.get(name);
      if (seen === undefined) return false;
      try {
        if (seenOf(statSync(join(this.root, name))).text !== seen) return false;
      } catch {
        return false;
      }
    }
    return this.index.folders().every((folder) => checked.has(folder));
  }

  folderProblems(): StoreProblem[] {
    return [...this.linked];
  }

  displayPath(path: string): string {
    return join(this.display, ...path.split('/'));
  }

  /** Files held by `together`: their document as read, and whether a change asked to write it. */
  private readonly held = new Map<string, { doc: StoreDoc; write: boolean }>();

  together<T>(annotator: string, article: string, work: () => Promise<T>): Promise<T> {
    const path = this.pathFor(annotator, article);
    return this.serialised(path, async () => {
      try {
        await this.ensureFolder(dirname(path));
        return await withFileLock(path, async () => {
          const { adapter, low } = await this.readForChange(path, annotator, article);
          const read = adapter.last;
          const held = { doc: low.data, write: false };
          this.held.set(path, held);
          let value: T;
          try {
            value = await work();
          } finally {
            this.held.delete(path);
          }
          if (held.write) await low.write();
          if (adapter.last && (held.write || read?.fingerprint !== this.knownFingerprint(path))) {
            this.record(path, adapter.last);
          }
          return value;
        });
      } catch (error) {
        if (error instanceof RefusedFileError) throw error;
        throw new Error(`cannot save ${this.displayPath(this.key(path))}: ${writeFailure(error)}`);
      }
    });
  }

  /** Reads a file under its lock for a change; a refused one is recorded and thrown. */
  private async readForChange(path: string, annotator: string, article: string) {
    const told = this.onWriting;
    const adapter = new AnnotationFileAdapter(
      path,
      told ? (fingerprint) => told(annotator, article, fingerprint) : undefined,
    );
    const low = new Low(adapter, emptyDoc(article, annotator));
    try {
      await low.read();
    } catch (error) {
      if (!(error instanceof RefusedRead)) throw error;
      this.record(path, error.read);
      throw new RefusedFileError(this.problemOf(path, error.read.refusal!));
    }
    return { adapter, low };
  }

  update<R>(
    annotator: string,
    article: string,
    change: (doc: StoreDoc) => ChangeResult<R>,
  ): Promise<{ doc: StoreDoc; value: R }> {
    const path = this.pathFor(annotator, article);
    const held = this.held.get(path);
    if (held) {
      // Inside `together`: onto the document read there, written at its end.
      const { write, value } = change(held.doc);
      if (write) held.write = true;
      return Promise.resolve({ doc: held.doc, value });
    }
    return this.serialised(path, async () => {
      try {
        await this.ensureFolder(dirname(path));
        return await withFileLock(path, async () => {
          const { adapter, low } = await this.readForChange(path, annotator, article);
          const read = adapter.last;
          const { write, value } = change(low.data);
          if (write) await low.write();
          // What was read (someone else's change the watcher has not reported yet) or written.
          if (adapter.last && (write || read?.fingerprint !== this.knownFingerprint(path))) {
            this.record(path, adapter.last);
          }
          return { doc: low.data, value };
        });
      } catch (error) {
        if (error instanceof RefusedFileError) throw error;
        throw new Error(`cannot save ${this.displayPath(this.key(path))}: ${writeFailure(error)}`);
      }
    });
  }

  subscribe(onChange: (articles: string[]) => void): () => void {
    this.stopWatching?.();
    const stop = watchStore({
      root: this.root,
      folders: () => this.annotatorFolders(),
      filesIn: storeFilesIn,
      known: () => this.index.paths().map((path) => join(this.root, ...path.split('/'))),
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
    this.index.close();
  }

  /**
   * The store files of one folder that the index does not hold as they are now (new, changed,
   * links, racy); rows of files gone from the folder are dropped. `check` holds every file's
   * signature, now: required whatever the index holds, since an edit in place leaves the
   * folder's time as it was. A link or a file gone since the listing is read (to be refused by
   * name, to drop its row), and the folder's digest is then not trusted. The articles of rows
   * dropped go to `dropped`.
   */
  private changedIn(
    folder: string,
    dir: string,
    seen: string | null,
    check: FolderCheck,
    dropped: string[],
  ): string[] {
    // The folder as it was when every row last matched its file: nothing to compare.
    if (check.digest !== null && this.index.digestOf(folder) === check.digest) {
      if (seen !== null) this.index.setChecked(folder, seen);
      return [];
    }
    const names = check.names();
    const now = check.signatures();
    const known = this.index.signaturesIn(folder, RACY_MS);
    const changed: string[] = [];
    for (const [at, name] of names.entries()) {
      const signature = now[at];
      if (signature === undefined || signature === NOT_A_FILE) continue;
      const key = `${folder}/${name}`;
      const kept = known.get(key);
      known.delete(key);
      if (signature === GONE ? kept !== undefined : signature === LINK || kept !== signature) {
        changed.push(`${dir}${sep}${name}`);
      }
    }
    if (known.size > 0) {
      this.index.batch(() => {
        for (const key of known.keys()) {
          const article = this.index.mark(key)?.article;
          if (article) dropped.push(article);
          this.index.remove(key);
        }
      });
    } else if (changed.length === 0) {
      if (check.digest !== null) this.index.setDigest(folder, check.digest);
      // Every file of the listing matched its row, and no row is left without its file.
      if (seen !== null) this.index.setChecked(folder, seen);
    }
    return changed;
  }

  /** Null when the file still holds what this process last read or wrote (our own write coming back). */
  private async readIfChanged(path: string): Promise<string | null> {
    const key = this.key(path);
    const before = this.index.mark(key);
    const known = this.mine.has(key)
      ? this.mine.get(key)
      : before && before.readAt <= this.refreshedAt
        ? before.fingerprint
        : undefined;
    const read = await readStoreFile(path);
    if (read.doc === null && read.refusal === null) {
      if (!before && known === undefined) return null;
      this.mine.set(key, null);
      if (before) this.index.remove(key);
      return before?.article ?? decodeName(basename(path, '.json'));
    }
    if (read.fingerprint !== null && read.fingerprint === known) {
      if (before && read.signature !== before.signature) {
        this.index.touch(key, read.signature, read.mtimeMs);
      }
      return null;
    }
    if (before && read.fingerprint !== null && read.fingerprint === before.fingerprint) {
      // Another process put it into the index already: only this process had not seen it.
      this.mine.set(key, read.fingerprint);
      return before.article ?? decodeName(basename(path, '.json'));
    }
    return this.record(path, read);
  }

  /** Puts what was read of a file into the index; returns the article it belongs to. */
  private record(path: string, read: FileRead): string | null {
    const key = this.key(path);
    if (read.doc === null && read.refusal === null) {
      this.index.remove(key);
      this.mine.set(key, null);
      return null;
    }
    this.mine.set(key, read.fingerprint);
    const names = read.doc
      ? { article: read.doc.article, annotator: read.doc.annotator }
      : this.namesOf(key);
    this.index.put({
      path: key,
      folder: key.slice(0, key.indexOf('/')),
      ...names,
      signature: read.signature,
      mtimeMs: read.mtimeMs,
      readAt: Date.now(),
      fingerprint: read.fingerprint,
      doc: read.doc,
      reason: read.refusal,
    });
    return names.article;
  }

  private knownFingerprint(path: string): string | null | undefined {
    return this.index.mark(this.key(path))?.fingerprint;
  }

  private problemOf(path: string, reason: string): StoreProblem {
    const key = this.key(path);
    const shown = this.displayPath(key);
    return { path: shown, ...this.namesOf(key), message: `${shown}: ${reason}` };
  }

  /** The names a path stands for: from the last good read, else decoded from the path. */
  private namesOf(key: string): { article: string | null; annotator: string | null } {
    const mark = this.index.mark(key);
    if (mark?.article) return { article: mark.article, annotator: mark.annotator };
    const [folder = '', file = ''] = key.split('/');
    return { article: decodeName(basename(file, '.json')), annotator: decodeName(folder) };
  }

  /** The index's name for a file: relative to the root, `/`-separated. */
  private key(path: string): string {
    return relative(this.root, path).split(sep).join('/');
  }

  private async ensureFolder(folder: string): Promise<void> {
    if (this.folders.has(folder)) return;
    // mkdir accepts a link to a folder as the folder: writes would land outside the store.
    const found = await lstat(folder).catch(() => null);
    if (found?.isSymbolicLink()) throw new RefusedFileError(this.linkedFolderProblem(folder));
    const created = await makeFolders(folder);
    // The new folder's entry must itself be durable before a file inside it is called saved.
    if (created !== undefined) await syncFolder(this.root);
    this.folders.add(folder);
  }

  /** The root's annotator folders that are links, each a problem (never followed). */
  private noteLinkedFolders(entries: readonly Dirent[]): void {
    this.linked = entries
      .filter((entry) => entry.isSymbolicLink() && !entry.name.startsWith('.'))
      .map((entry) => this.linkedFolderProblem(join(this.root, entry.name)))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  private linkedFolderProblem(folder: string): StoreProblem {
    const shown = this.displayPath(this.key(folder));
    const annotator = decodeName(basename(folder));
    return { path: shown, article: null, annotator, message: `${shown}: ${LINK_REFUSAL}` };
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

/** NUL then a dot: where a dot file's name starts in a listing, but for the first name. */
const DOT_AFTER_NUL = Buffer.from([0, 0x2e]);

/**
 * The names in a listing (UTF-8, NUL between them) that start with a dot, without decoding the
 * rest.
 */
export function dotNames(listed: Uint8Array): string[] {
  const bytes = Buffer.from(listed.buffer, listed.byteOffset, listed.length);
  const names: string[] = [];
  const next = (end: number) => {
    const at = bytes.indexOf(DOT_AFTER_NUL, end);
    return at === -1 ? -1 : at + 1;
  };
  let from = bytes[0] === 0x2e ? 0 : next(0);
  while (from !== -1) {
    const end = bytes.indexOf(0, from);
    names.push(bytes.toString('utf8', from, end === -1 ? bytes.length : end));
    from = end === -1 ? -1 : next(end);
  }
  return names;
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
  return WRITE_FAILURES[code] ?? ioReason(error);
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

/** A folder's names, and how it was seen when listed: null when too recently changed to trust. */
interface Listing {
  bytes: Uint8Array;
  seen: string | null;
}

/** How a folder is seen: a file added, removed or renamed in it changes this. */
function seenOf({ ino, mtimeMs, ctimeMs }: Stats): { text: string; mtimeMs: number } {
  return { text: `${ino}:${mtimeMs}:${ctimeMs}`, mtimeMs };
}
