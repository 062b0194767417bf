import type { Stats } from 'node:fs';
import { opendirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  byCodePoint,
  folderReason,
  NEVER_ARTICLE_NAMES,
  NOT_ARTICLES,
  specialKind,
} from '../files.js';
import { isSavedPageResources } from '../saved-page-folders.js';
import { type KnownNames, knownNamesIn } from './known-names.js';
import { KnownTimes, knownTimesSettings } from './known-times.js';
import type { Db } from './schema.js';
import { statOrNull } from './stat-or-null.js';

/**
 * How much of the corpus a refresh looks at. `quick` lists only the folders whose modification
 * time changed (a file added, removed, renamed or replaced changes it: `git pull`, `sed -i`, an
 * editor that saves by rename) and compares the size and modification time of their files only;
 * `compare` lists every folder the same way, which also catches a file edited in place (VS Code,
 * nano, `>>`: its folder's time unchanged), at the cost of one stat per file of the corpus;
 * `full` does that with every row of a folder held whole (what the review's start does).
 */
export type ScanMode = 'quick' | 'compare' | 'full';

/** A scan of the whole folder, or of these files only (relative paths, `scanFiles`). */
export type ScanScope = ScanMode | { files: readonly string[] };

/** A file that is no article without being read: a pipe, a device, an unreadable folder. */
export interface StaticProblem {
  path: string;
  folder: string;
  problem: string;
}

/** What a refresh must do to bring the index up to the files. */
export interface Plan {
  /** Files to read (new, changed, or to decide again), in corpus order. */
  read: string[];
  /** Files (and folder entries) gone, or about to be replaced by `problems`. */
  drop: string[];
  /** Folders gone: everything under them goes too. */
  dropFolders: string[];
  problems: StaticProblem[];
  /** Folders listed, with the modification time to remember (-1: list again next time). */
  folders: Array<{ path: string; mtime: number }>;
  /**
   * Folders skipped as margin's own (`NOT_ARTICLES`): a store, a cache. A full scan names them
   * (`margin index` says so), since a mark in a folder of articles would hide them silently.
   */
  skipped: string[];
}

function emptyPlan(): Plan {
  return { read: [], drop: [], dropFolders: [], problems: [], folders: [], skipped: [] };
}

/** An entry of a folder's listing to look at further (new, to decide again, to compare). */
interface Listed {
  path: string;
  special: string | null;
  link: boolean;
  /** Whether the index knows the path. */
  known: boolean;
  /** A known file whose size or time differs from what the index read: to read again. */
  stale?: boolean;
  /** A known link's number in the folder's packed names, whose target's size and time it keeps. */
  number?: number;
}

/** Entries of a folder listed between two turns of the event loop. */
const LISTING_BATCH = 4096;
/** The same, when each known file is also stat'ed (a folder whose time changed). */
const COMPARING_BATCH = 1024;
/** Folders whose times a quick look compares between two turns of the event loop. */
const FOLDERS_BETWEEN_TURNS = 256;

interface KnownFile {
  path: string;
  size: number;
  mtime: number;
  problem: string | null;
  duplicate: number;
}

/**
 * A listing whose folder changed less than this long ago may have missed a change made in the
 * same tick of the file system's clock: it is listed again next time.
 */
const RACY_MS = 1500;

/** Compares the corpus folder with what the index knows of it. */
export async function scan(
  db: Db,
  root: string,
  mode: ScanMode,
  signal?: AbortSignal,
): Promise<Plan> {
  const plan = emptyPlan();
  const known = db.prepare('SELECT path, mtime FROM folders').all() as Array<{
    path: string;
    mtime: number;
  }>;
  const filesIn = db.prepare(
    'SELECT path, size, mtime, problem, duplicate FROM files WHERE folder = ?',
  );
  const countIn = db.prepare('SELECT count(*) FROM files WHERE folder = ?').pluck();
  const problemsIn = db.prepare(
    'SELECT path, size, mtime, problem, duplicate FROM files INDEXED BY files_problems WHERE problem IS NOT NULL AND folder = ?',
  );
  const started = Date.now();
  const knownFolders = new Set(known.map((folder) => folder.path));

  /**
   * Lists one folder and compares it with the index; returns its subfolders, or null when the
   * folder is marked as margin's own (`NOT_ARTICLES`): it is then neither listed nor remembered.
   * `fullCompare` compares every file's size and time with rows held whole; `timesOfKnown` does
   * the same from the packed names (what a quick look does in a folder whose time changed: a
   * file replaced under its name, as `git pull` and `sed -i` replace one, changes only that).
   */
  const visit = async (
    folder: string,
    fullCompare: boolean,
    timesOfKnown = false,
  ): Promise<string[] | null> => {
    const absolute = folder === '' ? root : join(root, folder);
    const before = statOrNull(absolute);
    // A folder of many known files has them compared on a helper thread too, which boots while
    // the names are read and compares while the folder is listed.
    const times =
      timesOfKnown &&
      !fullCompare &&
      (countIn.get(folder) as number) >= knownTimesSettings.threadsFrom
        ? new KnownTimes(absolute)
        : null;
    try {
      return await list(folder, absolute, before, fullCompare, timesOfKnown, times);
    } finally {
      times?.close();
    }
  };

  const list = async (
    folder: string,
    absolute: string,
    before: Stats | null,
    fullCompare: boolean,
    timesOfKnown: boolean,
    times: KnownTimes | null,
  ): Promise<string[] | null> => {
    // By name, not by order: a folder of 100,000 files is compared without sorting either side.
    // Without comparing sizes and times, a file's name is all there is to look at, unless it is
    // one to read again: those have a problem, and the problem index finds them alone.
    const rows = new Map<string, KnownFile>();
    const names = fullCompare ? null : knownNamesIn(db, folder);
    if (times && names) times.begin(names);
    /** Known files whose size and time the threads compare (`times`), by number. */
    const compared: number[] = [];
    const rowsOf = fullCompare ? filesIn : problemsIn;
    for (const row of rowsOf.iterate(folder) as Iterable<KnownFile>) rows.set(row.path, row);
    const subfolders: string[] = [];
    const listed: Listed[] = [];
    try {
      // Streamed, not read whole: a folder of 1,000,000 files held as entries, beside the list
      // made of them, took 750 MB. Without comparing sizes and times, a file the index knows with
      // no problem needs nothing more than its name seen, and is not kept. Read synchronously,
      // yielding between batches: a promise an entry took 2.1 s for a million entries, this 0.46.
      const entries = opendirSync(absolute, { bufferSize: 1024 });
      try {
        for (
          let entry = entries.readSync(), batch = 0;
          entry !== null;
          entry = entries.readSync()
        ) {
          if (++batch % (timesOfKnown && !times ? COMPARING_BATCH : LISTING_BATCH) === 0) {
            await new Promise(setImmediate);
            signal?.throwIfAborted();
          }
          // The mark ends the listing: nothing in a store or a cache is an article.
          if (entry.name === NOT_ARTICLES && folder !== '') return null;
          if (entry.name.startsWith('.')) continue;
          // Left unseen, so a project file the index read before is dropped.
          if (NEVER_ARTICLE_NAMES.has(entry.name) && !entry.isDirectory()) continue;
          const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
          // A folder is never a known file: a file replaced by a folder of its name is dropped.
          if (entry.isDirectory()) {
            if (!isSavedPageResources(absolute, entry.name)) subfolders.push(path);
            continue;
          }
          const number = names ? names.mark(entry.name) : -1;
          const known = names ? number >= 0 : rows.has(path);
          const kind = specialKind(entry);
          if (kind)
            listed.push({ path, special: `not a regular file (${kind})`, link: false, known });
          else if (entry.isFile()) {
            if (!known || fullCompare || rows.has(path))
              listed.push({ path, special: null, link: false, known });
            else if (times) compared.push(number);
            else if (timesOfKnown && names) {
              // Stat'ed here, one after the other: the thread pool's promises took 2-3 times
              // as long for a folder of 100,000 files. Joined by hand (the name holds no
              // slash): `path.join` cost 50-140 ms more of CPU per 100,000 (load 13).
              const now = statOrNull(`${absolute}/${entry.name}`);
              if (
                now === null ||
                now.size !== names.sizeOf(number) ||
                now.mtimeMs !== names.mtimeOf(number)
              )
                listed.push({ path, special: null, link: false, known, stale: true });
            }
          } else if (entry.isSymbolicLink())
            listed.push({ path, special: null, link: true, known, number });
        }
      } finally {
        entries.closeSync();
      }
    } catch (error) {
      if (signal?.aborted) throw error;
      // The corpus folder itself must be readable (the caller checked); a subfolder that is not
      // costs its own files, named once, and is tried again at the next refresh.
      if (folder === '') throw error;
      plan.folders.push({ path: folder, mtime: -1 });
      plan.dropFolders.push(folder);
      plan.problems.push({
        path: folder,
        folder: parentOf(folder),
        problem: `${folderReason(error)}; its files are left out`,
      });
      return [];
    }
    if (times && names && compared.length > 0) {
      const differs = await times.differs(signal);
      const prefix = folder === '' ? '' : `${folder}/`;
      for (const number of compared) {
        if (differs[number] === 1)
          listed.push({
            path: `${prefix}${names.nameOf(number)}`,
            special: null,
            link: false,
            known: true,
            stale: true,
          });
      }
    }
    const mtime = before?.mtimeMs ?? -1;
    plan.folders.push({ path: folder, mtime: started - mtime < RACY_MS ? -1 : mtime });
    // Nothing to compare with in a folder the index has never seen: reading gives size and time.
    const compare = fullCompare && rows.size > 0;
    const stats =
      compare || listed.some((file) => file.link) ? await statAll(root, listed, signal) : null;
    for (let i = 0; i < listed.length; i++) {
      const file = listed[i]!;
      const known = file.known;
      const row = rows.get(file.path) ?? null;
      rows.delete(file.path);
      let special = file.special;
      if (file.link) {
        // Linked files are read; linked folders are not followed, so a loop cannot hang a refresh.
        const target = stats?.targets.get(i) ?? null;
        if (target?.isDirectory()) {
          if (known) plan.drop.push(file.path);
          continue;
        }
        const targetKind = target ? specialKind(target) : null;
        if (targetKind) special = `not a regular file (a link to ${targetKind})`;
      }
      if (special) {
        if (known) plan.drop.push(file.path);
        plan.problems.push({ path: file.path, folder, problem: special });
        continue;
      }
      const changed =
        file.stale === true ||
        !known ||
        (row !== null && (row.size < 0 || row.duplicate === 1)) ||
        (compare &&
          (stats === null || row === null
            ? true
            : stats.size[i] !== row.size || stats.mtime[i] !== row.mtime)) ||
        // A link's target is edited where the folder's listing cannot see it: its size and time
        // are compared in every look that stats it (review57-a: `margin index`'s compare look
        // kept a linked article's old text).
        (file.link && stats !== null && linkTargetChanged(stats, i, row, names, file.number));
      if (changed) plan.read.push(file.path);
    }
    // What the index knows here and the folder no longer holds.
    if (names === null) for (const path of rows.keys()) plan.drop.push(path);
    else
      for (const name of names.unseen()) plan.drop.push(folder === '' ? name : `${folder}/${name}`);
    return subfolders;
  };

  const walkFrom = async (folder: string, fullCompare: boolean): Promise<void> => {
    const pending = [folder];
    while (pending.length > 0) {
      const next = pending.pop()!;
      const found = await visit(next, fullCompare);
      if (found === null) plan.skipped.push(next);
      const subfolders = found ?? [];
      for (const sub of subfolders) {
        // In a quick (or compare) scan a folder the index knows is looked at on its own.
        if (mode !== 'full' && knownFolders.has(sub)) continue;
        pending.push(sub);
      }
    }
  };

  if (mode === 'full' || known.length === 0) {
    await walkFrom('', true);
    const listed = new Set(plan.folders.map((folder) => folder.path));
    for (const folder of known) {
      if (!listed.has(folder.path)) plan.dropFolders.push(folder.path);
    }
  } else {
    // Parents first, so a removed folder is noticed before its children are looked at.
    known.sort((x, y) => byCodePoint(x.path, y.path));
    const gone: string[] = [];
    let looked = 0;
    for (const folder of known) {
      if (gone.some((parent) => folder.path.startsWith(`${parent}/`))) continue;
      // Stat'ed synchronously (a search looks at one folder, and waits for it): a review's look
      // at thousands of folders lets a key through between every few hundred.
      if (++looked % FOLDERS_BETWEEN_TURNS === 0) {
        await new Promise(setImmediate);
        signal?.throwIfAborted();
      }
      const absolute = folder.path === '' ? root : join(root, folder.path);
      const now = statOrNull(absolute);
      if (!now?.isDirectory()) {
        if (folder.path === '') throw new Error(`corpus folder not found: ${root}`);
        gone.push(folder.path);
        plan.dropFolders.push(folder.path);
        continue;
      }
      const unchanged = now.mtimeMs === folder.mtime;
      if (unchanged && mode === 'quick') continue;
      const subfolders = await visit(folder.path, false, true);
      // A folder listed only to compare its files' times has nothing new to record.
      const last = plan.folders.at(-1);
      if (unchanged && last?.path === folder.path && last.mtime === folder.mtime)
        plan.folders.pop();
      if (subfolders === null) {
        // Marked since it was read (a store opened, a cache made there): all it held goes, and
        // the folder is named as skipped, as a full look names it (`margin index` says why its
        // articles went; review57-a).
        plan.skipped.push(folder.path);
        gone.push(folder.path);
        plan.dropFolders.push(folder.path);
        continue;
      }
      for (const sub of subfolders) if (!knownFolders.has(sub)) await walkFrom(sub, false);
      // A subfolder the index knew that is no longer listed went with a rename or removal.
      const present = new Set(subfolders);
      for (const other of known) {
        if (parentOf(other.path) === folder.path && other.path !== '' && !present.has(other.path))
          if (!gone.includes(other.path)) {
            gone.push(other.path);
            plan.dropFolders.push(other.path);
          }
      }
    }
    for (const path of neverArticlesKnown(db)) if (!plan.drop.includes(path)) plan.drop.push(path);
  }
  plan.read.sort(byCodePoint);
  return plan;
}

/**
 * The project file at the corpus folder's top, as an index made before it was skipped read it:
 * a quick look lists that folder only when its time changes. One lookup by key.
 */
function neverArticlesKnown(db: Db): string[] {
  const known = db.prepare('SELECT path FROM files WHERE path = ?').pluck();
  return [...NEVER_ARTICLE_NAMES].filter((name) => known.get(name) !== undefined);
}

/**
 * Compares only the given files (relative paths) with what the index read: what a command that
 * looked only at folder times checks for the articles it is about to answer from, since a file
 * edited in place leaves its folder's time alone. A file gone is dropped; its folder's next
 * listing settles the rest.
 */
export async function scanFiles(db: Db, root: string, paths: readonly string[]): Promise<Plan> {
  const plan = emptyPlan();
  const known = db.prepare('SELECT size, mtime FROM files WHERE path = ?');
  const found = await statAll(
    root,
    paths.map((path) => ({ path, special: null, link: false })),
  );
  paths.forEach((path, i) => {
    const row = known.get(path) as { size: number; mtime: number } | undefined;
    const size = found.size[i]!;
    if (Number.isNaN(size)) {
      if (row) plan.drop.push(path);
    } else if (!row || size !== row.size || found.mtime[i] !== row.mtime) plan.read.push(path);
  });
  plan.read.sort(byCodePoint);
  return plan;
}

function parentOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}

/**
 * Each listed file's size and modification time (NaN: gone, or not a regular file) and, for a
 * link, what it points at. Numbers in two arrays rather than a `Stats` per file: a folder of
 * 100,000 files held 100,000 of them (about 100 MB of heap) until its comparison was done.
 */
interface Found {
  size: Float64Array;
  mtime: Float64Array;
  /** Index of a linked file → what its target is (absent: the target is gone). */
  targets: Map<number, Stats>;
}

/**
 * Whether a known link's target differs in size or time from what the index read of it: from
 * its row where the look holds rows, else from the folder's packed names.
 */
function linkTargetChanged(
  stats: Found,
  i: number,
  row: KnownFile | null,
  names: KnownNames | null,
  number: number | undefined,
): boolean {
  if (row !== null) return stats.size[i] !== row.size || stats.mtime[i] !== row.mtime;
  if (names === null || number === undefined || number < 0) return false;
  return stats.size[i] !== names.sizeOf(number) || stats.mtime[i] !== names.mtimeOf(number);
}

/**
 * At most this many files are stat'ed one after the other, synchronously: a search's hits, each a
 * few microseconds from the kernel's cache, where the thread pool's round trip costs more.
 */
const STATS_IN_LINE = 64;

/**
 * Stats every listed file, a few hundred at a time; a stopped refresh (a review that quit) ends
 * after the batch in hand instead of going through the rest of a large folder.
 */
async function statAll(
  root: string,
  listed: Array<{ path: string; special: string | null; link: boolean }>,
  signal?: AbortSignal,
): Promise<Found> {
  const found: Found = {
    size: new Float64Array(listed.length).fill(Number.NaN),
    mtime: new Float64Array(listed.length).fill(Number.NaN),
    targets: new Map(),
  };
  const note = (i: number, stats: Stats | null) => {
    const file = listed[i]!;
    if (!stats) return;
    if (file.link) found.targets.set(i, stats);
    if (!stats.isFile()) return;
    found.size[i] = stats.size;
    found.mtime[i] = stats.mtimeMs;
  };
  if (listed.length <= STATS_IN_LINE) {
    signal?.throwIfAborted();
    listed.forEach((file, i) => {
      if (!file.special) note(i, statOrNull(join(root, file.path)));
    });
    return found;
  }
  const batch = 256;
  for (let from = 0; from < listed.length; from += batch) {
    signal?.throwIfAborted();
    await Promise.all(
      listed.slice(from, from + batch).map(async (file, k) => {
        if (file.special) return;
        note(from + k, await stat(join(root, file.path)).catch(() => null));
      }),
    );
  }
  return found;
}
