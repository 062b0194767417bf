import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { ioReason } from '../corpus/io-reason.js';
import { MAX_STORE_FILE_BYTES } from './adapter.js';
import { AppendFile } from './append-file.js';
import { fingerprint } from './format.js';
import { encodeName } from './names.js';
import { isProcessAlive } from './process.js';

/**
 * The write-ahead journal of one review: each change the screen is about to show is appended
 * here, synchronously and before the frame is drawn, and trimmed once the store file holding it
 * is written (atomically, fsynced). A `kill -9` between the two loses nothing: the page cache
 * keeps what `write` handed the kernel, and the next start replays it. (A power cut before the
 * kernel wrote the page back can lose the journal's last lines: it is not fsynced, or a key would
 * wait for the disk.)
 *
 * One file per process (`<annotator>.<pid>.jsonl`) under the cache folder, beside no store file:
 * git never sees it, and no reader of the store reads it. Lines:
 * - `{"t":"e","seq":1,"article":"…","base":"<sha1>"|null,"at":"…","change":{…}}`: a change;
 *   `base` is the store file as this process knew it before its first change still pending
 *   (null: no file), left out for a change queued behind another one of the same article;
 * - `{"t":"w","article":"…","fp":"<sha1>"}`: the store file is about to be replaced by text of
 *   that fingerprint, for the article's first change not yet done;
 * - `{"t":"d","seq":1,"article":"…","fp":"<sha1>"|null}`: that change (and those before it) is
 *   in the store file, which now reads as `fp`;
 * - `{"t":"x","article":"…"}`, appended by the process that took over a dead one's journal: that
 *   article's changes before it are taken over (written again, or kept aside);
 * - `{"t":"s","corpus":"…"}`, appended by a process on another corpus folder (a subset) that
 *   left the journal's changes for one listing their articles, and said so: the line is said
 *   once per folder, not at every command there.
 * The first change of a run also names the corpus folder (`corpus`): a command on another corpus
 * (a subset) that does not list the article leaves its changes for one that does.
 */
export class Journal<T = unknown> {
  readonly path: string;
  readonly #root: string;
  readonly #annotator: string;
  readonly #file: AppendFile;
  #seq = 0;
  /** Changes appended and not yet written into the store, per article. */
  readonly #pending = new Map<string, number>();
  #open = 0;
  /** Why the journal could not be written (it is off for the rest of the process), or null. */
  #failed: string | null = null;
  /** What each article's store file reads as once the write the store is making lands. */
  readonly #landing = new Map<string, string>();
  readonly #corpus: string | undefined;
  /**
   * Told once, when the journal cannot be written and goes off: changes are still written to
   * the store, only no longer covered against a kill.
   */
  onFailed: ((why: string) => void) | null = null;

  /** `corpus`: the corpus folder the changes are made on, named in the journal. */
  constructor(folder: string, root: string, annotator: string, corpus?: string) {
    this.#root = root;
    this.#annotator = annotator;
    this.#corpus = corpus;
    this.path = join(folder, `${encodeName(annotator)}.${process.pid}.jsonl`);
    this.#file = new AppendFile(this.path);
  }

  /** Why the journal is off (it could not be written), or null while it works. */
  get failed(): string | null {
    return this.#failed;
  }

  /** The store file of an article of this journal's annotator. */
  fileOf(article: string): string {
    return storeFilePath(this.#root, this.#annotator, article);
  }

  /**
   * Appends a change before it is shown; its number, for `done`. Null when the journal cannot be
   * written (a full disk, a cache folder margin may not write): the change is written to the
   * store as before, only not covered against a kill.
   */
  append(article: string, change: T): number | null {
    if (this.#failed !== null) return null;
    try {
      const first = (this.#pending.get(article) ?? 0) === 0;
      const seq = ++this.#seq;
      const entry: Record<string, unknown> = { t: 'e', seq, article };
      if (first) {
        entry.base = baseOf(this.fileOf(article));
        if (this.#corpus !== undefined) entry.corpus = this.#corpus;
      }
      entry.at = new Date().toISOString();
      entry.change = change;
      this.#write(`${JSON.stringify(entry)}\n`);
      this.#pending.set(article, (this.#pending.get(article) ?? 0) + 1);
      this.#open += 1;
      return seq;
    } catch (error) {
      this.#fail(error);
      return null;
    }
  }

  /**
   * The changes `seqs` of one article (a burst written together, in order) are in the store
   * file: says so in one line, and trims the journal once none is left.
   */
  done(seqs: number | null | ReadonlyArray<number | null>, article: string): void {
    const numbers = (Array.isArray(seqs) ? seqs : [seqs]).filter(
      (seq): seq is number => seq !== null,
    );
    const landed = this.#landing.get(article);
    this.#landing.delete(article);
    const seq = numbers.at(-1);
    if (seq === undefined || !this.#file.opened) return;
    try {
      const left = (this.#pending.get(article) ?? numbers.length) - numbers.length;
      if (left > 0) this.#pending.set(article, left);
      else this.#pending.delete(article);
      this.#open -= numbers.length;
      if (this.#open <= 0) {
        this.#open = 0;
        this.#pending.clear();
        this.#landing.clear();
        // Emptied, not removed: a removal and a new file at the next key were two changes to the
        // folder per burst (bench: the journaled tag key's p95 17.8 ms against 11.1 without).
        // `close` removes it; one a killed review left empty is removed by the next takeover.
        this.#file.empty();
        return;
      }
      // What the store said it was writing (`writing`); read from the file only when not told.
      const fp = landed ?? baseOf(this.fileOf(article));
      this.#write(`${JSON.stringify({ t: 'd', seq, article, fp })}\n`);
    } catch (error) {
      this.#fail(error);
    }
  }

  /**
   * The store file of `article` is about to be replaced by text of this fingerprint (told by the
   * store, `OpenOptions.onWriting`): a kill after the rename and before `done` then reads as the
   * change having landed, not as the file changed by someone else.
   */
  writing(annotator: string, article: string, fp: string): void {
    if (annotator !== this.#annotator || !this.#pending.has(article) || !this.#file.opened) return;
    if (this.#failed !== null) return;
    try {
      this.#write(`${JSON.stringify({ t: 'w', article, fp })}\n`);
      this.#landing.set(article, fp);
    } catch (error) {
      this.#fail(error);
    }
  }

  #fail(error: unknown): void {
    if (this.#failed !== null) return;
    this.#failed = `the journal ${this.path} cannot be written (${ioReason(error)})`;
    this.onFailed?.(this.#failed);
  }

  /** Changes appended and not yet in the store. */
  get pending(): number {
    return this.#open;
  }

  /**
   * At the end of the process: the file goes when everything in it reached the store; with
   * changes given up on (a forced quit), it stays for the next start to replay.
   */
  close(): void {
    this.#file.close(this.#open === 0);
  }

  #write(line: string): void {
    this.#file.append(line);
  }
}

/** Where the journals of the store at `root` (absolute) are kept under the cache folder. */
export function journalFolder(cacheDir: string, root: string): string {
  const id = createHash('sha256').update(root).digest('hex').slice(0, 16);
  return join(cacheDir, 'journal', id);
}

export function storeFilePath(root: string, annotator: string, article: string): string {
  return join(root, encodeName(annotator), `${encodeName(article)}.json`);
}

/**
 * The store file's text as a fingerprint (the one the store index keeps), null when there is
 * none. Never through a link, never blocking on a FIFO planted under a store name, never reading
 * what no store file is (the store refuses such a file; its kind and size stand for it here).
 */
export function fingerprintOfFile(path: string): string | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ELOOP' || code === 'EMLINK') return 'a link';
    throw error;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > MAX_STORE_FILE_BYTES) {
      return `not a store file: ${info.mode} ${info.size} ${info.mtimeMs}`;
    }
    return fingerprint(readFileSync(fd, 'utf8'));
  } finally {
    closeSync(fd);
  }
}

/**
 * A store file's fingerprint as a journal's base: one that cannot be read (no permission, an
 * I/O error) is named for what failed, which no file's text reads as, so its changes are kept
 * aside rather than written over it; the journal goes on.
 */
function baseOf(path: string): string | null {
  try {
    return fingerprintOfFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    return `unreadable: ${typeof code === 'string' ? code : 'error'}`;
  }
}

/**
 * A journal of a review's changes to store files; a review's rejections have one of their own
 * beside it (`<annotator>.<pid>.rejections.jsonl`, `rejection-journal.ts`).
 */
const isChangeJournal = (name: string) =>
  name.endsWith('.jsonl') && !name.endsWith('.rejections.jsonl');

/** Whether any review of `annotator` left a journal in `folder` (or is writing one now). */
export function hasJournals(folder: string, annotator: string): boolean {
  const prefix = `${encodeName(annotator)}.`;
  try {
    return readdirSync(folder).some((name) => name.startsWith(prefix) && isChangeJournal(name));
  } catch {
    return false;
  }
}

/** The changes of one article a dead process journaled and never wrote into the store. */
export interface Unwritten<T> {
  article: string;
  /** The store file as those changes found it (null: none), to be compared with it now. */
  expected: string | null;
  /**
   * What the first of them was writing when the process ended: the file reading as one of these
   * means it (or part of it) landed, and writing them all again changes only what did not.
   */
  landing: string[];
  /** The corpus folder the changes were made on, when the journal names it. */
  corpus?: string;
  changes: Array<{ seq: number; at: string; change: T }>;
}

/** A journal left by a process that is gone, with what it did not write. */
export interface LeftJournal<T> {
  path: string;
  pid: number;
  unwritten: Array<Unwritten<T>>;
  /** The corpus folders whose process said it left these changes for another (`markTold`). */
  told: string[];
}

/**
 * The journals of `annotator` on this store that their processes left (killed, or quit giving
 * up on writes), with each article's changes that never reached the store. A journal of a live
 * process (another window) is its own business.
 */
export function leftJournals<T>(folder: string, annotator: string): Array<LeftJournal<T>> {
  const prefix = `${encodeName(annotator)}.`;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const found: Array<LeftJournal<T>> = [];
  for (const name of names.sort()) {
    if (!name.startsWith(prefix) || !isChangeJournal(name)) continue;
    const pid = Number(name.slice(prefix.length, -'.jsonl'.length));
    if (!Number.isInteger(pid) || pid === process.pid || isProcessAlive(pid)) continue;
    const path = join(folder, name);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    found.push({ path, pid, unwritten: unwrittenIn<T>(text), told: toldIn(text) });
  }
  return found;
}

interface Line {
  t?: unknown;
  seq?: unknown;
  article?: unknown;
  base?: unknown;
  fp?: unknown;
  at?: unknown;
  change?: unknown;
  corpus?: unknown;
}

/** The corpus folders a journal's `s` lines name. */
function toldIn(text: string): string[] {
  const told: string[] = [];
  // Only lines that can be one are parsed: a journal is mostly changes.
  for (const raw of text.split('\n')) {
    if (!raw.startsWith('{"t":"s"')) continue;
    try {
      const { corpus } = JSON.parse(raw) as Line;
      if (typeof corpus === 'string' && !told.includes(corpus)) told.push(corpus);
    } catch {
      // A line cut by a kill: not said, then.
    }
  }
  return told;
}

/** Each article's changes after the last one written, and the file they expect. */
export function unwrittenIn<T>(text: string): Array<Unwritten<T>> {
  const articles = new Map<string, Unwritten<T>>();
  for (const raw of text.split('\n')) {
    // The last line may be cut by the kill: it was never shown then, as the frame came after it.
    if (raw.trim() === '') continue;
    let line: Line;
    try {
      line = JSON.parse(raw) as Line;
    } catch {
      continue;
    }
    if (typeof line.article !== 'string') continue;
    if (line.t === 'x') {
      articles.delete(line.article);
      continue;
    }
    if (line.t !== 'w' && typeof line.seq !== 'number') continue;
    let each = articles.get(line.article);
    if (line.t === 'e') {
      if (!each) {
        each = { article: line.article, expected: null, landing: [], changes: [] };
        articles.set(line.article, each);
      }
      // The first change of a run says what the file was; one queued behind another expects
      // what that one wrote (its `d` line).
      if (each.changes.length === 0 && 'base' in line) {
        each.expected = typeof line.base === 'string' ? line.base : null;
        each.landing = [];
        if (typeof line.corpus === 'string') each.corpus = line.corpus;
        else delete each.corpus;
      }
      each.changes.push({
        seq: line.seq as number,
        at: typeof line.at === 'string' ? line.at : '',
        change: line.change as T,
      });
    } else if (line.t === 'd' && each) {
      const at = each.changes.findIndex((change) => change.seq === line.seq);
      if (at >= 0) each.changes.splice(0, at + 1);
      each.expected = typeof line.fp === 'string' ? line.fp : null;
      each.landing = [];
    } else if (line.t === 'w' && each && typeof line.fp === 'string') {
      each.landing.push(line.fp);
    }
  }
  return [...articles.values()].filter((each) => each.changes.length > 0);
}

/**
 * Takes over a left journal: the changes that are to be written again are in this process's
 * journal by now, the rest were kept aside; the file goes.
 */
export function removeJournal(path: string): void {
  rmSync(path, { force: true });
}

/**
 * Notes in a left journal that this process took over one article's changes in it (wrote them
 * again through its own journal, or kept them aside), while the journal's other articles wait
 * (for the whole list, or for a command on a corpus that lists them).
 */
export function markTakenOver(path: string, article: string): void {
  appendTo(path, { t: 'x', article });
}

/** One line appended to another process's journal, never through a link. */
function appendTo(path: string, line: object): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_NOFOLLOW);
  try {
    writeSync(fd, `\n${JSON.stringify(line)}\n`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Notes in a left journal that a process on the corpus folder `corpus` said it left the
 * journal's changes for a review or command on the folder they were made on: it is not said
 * again there.
 */
export function markTold(path: string, corpus: string): void {
  appendTo(path, { t: 's', corpus });
}

/**
 * Removes what the journals under the cache folder no longer need: an empty journal (of
 * changes, or of rejections) whose process is gone (a review killed while idle leaves one), and a store's journal folder left
 * with nothing in it. A journal holding changes, a live process's, and the changes kept aside
 * (`….kept.json`) stay. One listing per store the machine's reviews have used.
 */
export function pruneJournals(cacheDir: string): void {
  const top = join(cacheDir, 'journal');
  let stores: string[];
  try {
    stores = readdirSync(top);
  } catch {
    return;
  }
  for (const store of stores) {
    const folder = join(top, store);
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    let left = names.length;
    for (const name of names) {
      // A review's journal of changes, or of rejections.
      const found = /\.(\d+)(?:\.rejections)?\.jsonl$/.exec(name);
      if (!found || isProcessAlive(Number(found[1]))) continue;
      try {
        const path = join(folder, name);
        const info = lstatSync(path);
        if (!info.isFile() || info.size !== 0) continue;
        rmSync(path, { force: true });
        left -= 1;
      } catch {
        // Another process took it over first, or it cannot be removed: it stays.
      }
    }
    if (left === 0) {
      try {
        // Only an empty folder goes: a journal written meanwhile keeps it.
        rmdirSync(folder);
      } catch {
        // Not empty after all, or not ours to remove.
      }
    }
  }
}

/**
 * Keeps aside, in a file of its own beside the journal, the changes of one article that were not
 * applied because its store file changed since they were journaled; the path.
 */
export function keepAside<T>(left: LeftJournal<T>, each: Unwritten<T>, file: string): string {
  const kept = `${left.path.slice(0, -'.jsonl'.length)}.${encodeName(each.article)}.kept.json`;
  const text = JSON.stringify(
    {
      file,
      article: each.article,
      expected: each.expected,
      found: fingerprintOfFile(file),
      changes: each.changes,
    },
    null,
    2,
  );
  writeFileSync(kept, `${text}\n`, { mode: 0o600 });
  return kept;
}
