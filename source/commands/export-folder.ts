import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isProcessAlive } from '../store/process.js';
import { makeFolders } from '../text/folders.js';
import type { WriteMode } from './folder-writes.js';

/**
 * Where an export writes a folder (brat's), and how. A folder that does not exist yet, or is
 * empty, has nothing to protect file by file: the export is written into a temp folder nobody
 * looks at, with plain creates (`create`), and put in place at the end: renamed to the name
 * asked for, or, for an empty folder that exists (which may be a mount point, or belong to
 * someone), its entries moved into it, a handful of renames. An export that fails or is
 * interrupted leaves nothing under the user's name, only a hidden temp folder, which the next
 * export there removes while it runs (`commit` and `abort` wait for that). A folder that holds files (an earlier export) is written in place,
 * each file replaced atomically or left when it is already as it would be written (`replace`).
 */
export interface ExportFolder {
  /** The folder the files are written into. */
  root: string;
  /** `replace`: the folder held files before, and files this export does not write may be in it. */
  mode: WriteMode;
  /** Puts the export in place, once every file is written. */
  commit(): Promise<void>;
  /** Removes what was written, when the export failed. */
  abort(): Promise<void>;
}

/** `.<name>.<pid>.<12 hex>.tmp`, as the store names its temp files: the pid tells a crashed one. */
const TEMP_FOLDER = /^\..*\.(\d+)\.[0-9a-f]{12}\.tmp$/;
/** Inside an empty folder that exists. */
const INNER = 'margin-export';

export async function exportFolder(out: string): Promise<ExportFolder> {
  const parent = dirname(out);
  const name = basename(out);
  // Removed while this export runs (2 GB of files take minutes to free on this VM's disk), and
  // waited for before it ends.
  const cleaning: Array<Promise<void>> = [removeCrashed(parent, `.${name}.`)];
  const cleaned = () => Promise.all(cleaning).then(() => {});
  const found = await stat(out).catch(() => null);
  const linked = found ? null : await lstat(out).catch(() => null);
  const tag = `${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  if (!found && !linked) {
    await makeFolders(parent);
    // Over a folder made empty meanwhile, too (rename replaces an empty folder).
    return inTemp(parent, `.${name}.${tag}`, cleaned, (temp) => rename(temp, out));
  }
  if (found?.isDirectory()) {
    const entries = await readdir(out);
    const left = entries.filter((entry) => crashed(entry, `.${INNER}.`));
    if (entries.length === left.length) {
      cleaning.push(removeCrashed(out, `.${INNER}.`));
      return inTemp(out, `.${INNER}.${tag}`, cleaned, async (temp) => {
        for (const entry of await readdir(temp)) await rename(join(temp, entry), join(out, entry));
        await rmdir(temp);
      });
    }
  }
  // A folder with files (or a file, or a dangling link, which the first write reports).
  return { root: out, mode: 'replace', commit: cleaned, abort: cleaned };
}

/**
 * An export written into the temp folder `name` in `folder` (made now) and put in place by
 * `place`; `cleaned` waits for the removal of crashed exports' temp folders.
 */
async function inTemp(
  folder: string,
  name: string,
  cleaned: () => Promise<void>,
  place: (temp: string) => Promise<void>,
): Promise<ExportFolder> {
  const temp = join(folder, name);
  own.add(name);
  await mkdir(temp);
  return {
    root: temp,
    mode: 'create',
    async commit() {
      await place(temp).catch(filledMeanwhile);
      await cleaned();
    },
    async abort() {
      await rm(temp, { recursive: true, force: true });
      await cleaned();
    },
  };
}

/**
 * A folder that was new or empty when the export began holds files by its end: another export
 * into it at the same time, most likely. Said as such, not as a rename of a temp folder.
 */
function filledMeanwhile(error: NodeJS.ErrnoException): never {
  if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
  throw Object.assign(
    new Error(
      'it was filled while this export ran (another export at the same time?); this export kept nothing there: export again',
    ),
    { code: 'FILLED' },
  );
}

/** The temp folders this process made: an export runs once a process, so its own live one. */
const own = new Set<string>();

/**
 * Whether `entry` is the temp folder name (`prefix…tmp`) of an export whose process is gone.
 * One with this process's id that it did not make is gone too: a container's process is often
 * pid 1 on every run, and the one that left it was killed.
 */
function crashed(entry: string, prefix: string): boolean {
  if (!entry.startsWith(prefix)) return false;
  const match = TEMP_FOLDER.exec(entry);
  if (match === null) return false;
  const pid = Number(match[1]);
  return pid === process.pid ? !own.has(entry) : !isProcessAlive(pid);
}

/** Removes the temp folders (`prefix…tmp`) in `folder` of exports whose process is gone. */
async function removeCrashed(folder: string, prefix: string): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory() || !crashed(entry.name, prefix)) continue;
    await rm(join(folder, entry.name), { recursive: true, force: true }).catch(() => {});
  }
}
