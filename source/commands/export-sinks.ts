import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { type FileHandle, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { markNotArticles } from '../corpus/files.js';
import type { ExportSink } from '../export/stream.js';
import { syncFolder } from '../store/atomic.js';
import { makeFolders } from '../text/folders.js';
import { exportFolder } from './export-folder.js';
import { manifestFile, manifestWriter, readManifest, realFolder } from './export-manifest.js';
import { FileNotWritten, folderWrites, pathKey } from './folder-writes.js';
import type { Output } from './output.js';

/**
 * Standard output as an export's sink, through the command's `Output`: each piece is flushed
 * before the next is made, and a reader that stops early (`| head`) ends the export quietly.
 */
export function stdoutSink(output: Output): ExportSink {
  let closed = false;
  return {
    get closed() {
      return closed;
    },
    async write(text, shown) {
      if (!closed) {
        closed = !(await (shown || typeof text !== 'string'
          ? output.outShown(text)
          : output.out(text)));
      }
    },
    async writeFile() {
      throw new Error('this format writes a folder: give it with --out DIR');
    },
  };
}

/** Closes `handle` the first time it is called; later calls do nothing. */
function closeOnce(handle: FileHandle): () => Promise<void> {
  let isOpen = true;
  return async () => {
    if (isOpen) {
      isOpen = false;
      await handle.close();
    }
  };
}

/**
 * `--out FILE` (a regular file or a new path; `out-target.ts`): written to a temp file beside it,
 * fsynced and renamed over it by `commit`, as the store writes its own, so a half-written export
 * never passes for a whole one. `keep`: the replaced file's permissions and owner, given to the
 * new one (a `0600` export stays private; as root, a user's file stays theirs).
 */
export async function fileSink(
  path: string,
  keep: { mode?: number; owner?: { uid: number; gid: number } } = {},
): Promise<{ sink: ExportSink; commit(): Promise<void>; abort(): Promise<void> }> {
  const folder = dirname(path);
  await makeFolders(folder);
  const temp = join(
    folder,
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const handle = await open(temp, 'wx', 0o644);
  const close = closeOnce(handle);
  return {
    sink: {
      async write(text) {
        await handle.writeFile(text, 'utf8');
      },
      async writeFile() {
        throw new Error('this format writes one file, not a folder');
      },
    },
    async commit() {
      try {
        if (keep.mode !== undefined) await handle.chmod(keep.mode);
        // Only root may give a file away; anyone else's new file is theirs, as a copy would be.
        if (keep.owner && process.getuid?.() === 0) {
          await handle.chown(keep.owner.uid, keep.owner.gid);
        }
        await handle.sync();
        await close();
        await rename(temp, path);
      } catch (error) {
        await close().catch(() => {});
        await rm(temp, { force: true });
        throw error;
      }
      await syncFolder(folder);
    },
    async abort() {
      await close().catch(() => {});
      await rm(temp, { force: true });
    },
  };
}

/**
 * `--out` naming a pipe, a terminal, `/dev/null` or another descriptor of the process: opened
 * and written as it is, piece after piece (a pipe's reader slows the export down), never
 * replaced. A reader that stops early (`-o >(head)`) ends the export quietly, as on stdout.
 * Opening a named pipe waits for its reader, as a shell's `>` does.
 */
export async function streamSink(
  path: string,
  append: boolean,
): Promise<{ sink: ExportSink; commit(): Promise<void>; abort(): Promise<void> }> {
  const handle = await open(path, append ? 'a' : constants.O_WRONLY);
  let closed = false;
  const close = closeOnce(handle);
  return {
    sink: {
      get closed() {
        return closed;
      },
      async write(text) {
        if (closed) return;
        try {
          await handle.writeFile(text, 'utf8');
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
          closed = true;
        }
      },
      async writeFile() {
        throw new Error('this format writes one file, not a folder');
      },
    },
    commit: close,
    async abort() {
      await close().catch(() => {});
    },
  };
}

/**
 * `--out DIR` of a format that writes a folder, on other threads (`folder-writes.ts`): into a
 * temp folder put in place at the end when the folder is new or empty, else into the folder,
 * each file replaced atomically or left as it is when it already holds what would be written
 * (`export-folder.ts`, `export-manifest.ts`). Not fsynced: brat writes two files per article
 * and annotator (420,000 at 100,000 articles), and two fsyncs each (5 ms here) made that half an
 * hour; an export can be made again from the store, whose own files are fsynced. `finish` waits
 * for the last file and puts the export in place; `abort` (after a failure anywhere, also in
 * `finish`) removes what a new folder got. A file that could not be written is thrown with its
 * `exportPath`, as the export named it.
 */
export interface FolderSink extends ExportSink {
  /**
   * The `.ann` files below the folder this export did not write, counted, with the first in
   * sorted order (absolute); null for a folder new or empty before (it holds no other file).
   * Asked once the export is over (`finish`).
   */
  stale(): Promise<{ count: number; first: string | null } | null>;
  finish(): Promise<void>;
  abort(): Promise<void>;
  /** Files the export found as it would write them, and left as they were. */
  left(): number;
}

export async function folderSink(given: string, cacheDir: string | null): Promise<FolderSink> {
  // "brat/", as a shell completes it, is "brat": paths below are joined to it by hand.
  const folder = resolve(given);
  const place = await exportFolder(folder);
  const { root } = place;
  const real = realFolder(folder);
  const file = cacheDir === null ? null : manifestFile(cacheDir, real);
  const last = file !== null && place.mode === 'replace' ? readManifest(file, real) : null;
  const manifest = file === null ? null : manifestWriter(file, real);
  // The `.ann` files written, by two hashes of their paths relative to the folder (a number
  // per path, not a string: 211,000 paths held 20 MB): a stale file passing for one written is
  // a chance in 2^52.
  const written = place.mode === 'replace' ? new Set<number>() : null;
  const writes = folderWrites({
    mode: place.mode,
    ...(last ? { stamp: last.stamp } : {}),
    ...(manifest ? { recordsIn: root, onRecords: manifest.add } : {}),
  });
  // The last export's files checked on disk, on the threads, while this one reads the store;
  // and the folder's .ann files listed on one, for `stale` (files this export writes anew are
  // written, so not stale, whether listed or not; it never removes one).
  const verified = last ? writes.verify(last.bytes, last.from, root) : Promise.resolve(null);
  // Until the check is over, files are found held on their records alone (`settle` then takes
  // back those the disk did not bear out); the main thread need not wait for 422,517 lstats.
  let changed: Set<string> | null = null;
  void verified.then((found) => {
    changed = found;
  });
  const listed = written ? writes.keysBelow(root, '.ann') : Promise.resolve(null);
  // The records left as they were, by number (`carry`), and those `held` found until `leave`
  // takes them (a few: one article's files).
  const kept = last ? new Uint8Array(last.records) : null;
  // The last few `held` found (one article's files), by the very path strings asked about.
  const foundPaths: string[] = [];
  const foundRecords: number[] = [];
  let leftHere = 0;
  const pathOf = (relativePath: string) =>
    sep === '/' ? `${root}/${relativePath}` : join(root, ...relativePath.split('/'));
  const named = (error: unknown) => {
    if (!(error instanceof FileNotWritten)) return error;
    const relativePath = relative(root, error.file).split(sep).join('/');
    return Object.assign(new Error(error.message), { code: error.code, exportPath: relativePath });
  };
  let ended = false;
  let keys: Float64Array | null = null;
  let said: string | undefined;
  return {
    async stale() {
      if (!written) return null;
      if (keys) {
        let count = 0;
        // Written, or left as the last export recorded it (counted from the manifest: a key
        // per file left would cost the main thread as much as the listing).
        for (const key of keys) {
          if (!written.has(key) && !(last && kept && last.holdsKey(key, kept))) count++;
        }
        if (count === 0) return { count, first: null };
      }
      // Listed again, here, for their names (or when the thread could not list them).
      return staleAnnFiles(folder, (path) => {
        const key = pathKey(relative(folder, path).split(sep).join('/'));
        return written.has(key) || (last !== null && kept !== null && last.holdsKey(key, kept));
      });
    },
    left: () => writes.left() + leftHere,
    async write(text) {
      if (text.length > 0) throw new Error('this format writes files, not one text');
    },
    async writeFile(relativePath, content, tag, note) {
      await writes.write(pathOf(relativePath), content, last?.lookup(relativePath), tag, note);
      // What the stale-file check asks about: the `.ann` files alone.
      if (written && relativePath.endsWith('.ann')) written.add(pathKey(relativePath));
    },
    async ready() {
      return last !== null;
    },
    held(relativePath, tag) {
      const known = changed as Set<string> | null;
      if (last === null || (known !== null && known.size > 0 && known.has(relativePath))) {
        return null;
      }
      const n = last.find(relativePath);
      if (n < 0 || !last.madeFrom(n, tag)) return null;
      if (foundPaths.length >= 8) {
        foundPaths.length = 0;
        foundRecords.length = 0;
      }
      foundPaths.push(relativePath);
      foundRecords.push(n);
      return last.note(n);
    },
    lastSaid: () => last?.trailer ?? null,
    holdAll() {
      if (last === null || kept === null) return;
      for (let n = 0; n < kept.length; n++) {
        if (kept[n] !== 0 || !last.tagged(n)) continue;
        kept[n] = 1;
        leftHere++;
      }
    },
    say(text) {
      said = text;
    },
    leave(relativePath) {
      const at = foundPaths.indexOf(relativePath);
      const n = at >= 0 ? foundRecords[at]! : (last?.find(relativePath) ?? -1);
      if (n < 0 || kept === null || kept[n] !== 0) return;
      // Recorded as the last export recorded it: the disk bears that out (`settle`).
      kept[n] = 1;
      leftHere++;
    },
    async settle() {
      const found = await verified;
      if (!last || !kept) return [];
      const failed: string[] = [];
      const fail = (n: number) => {
        if (kept[n] === 0) return;
        kept[n] = 0;
        leftHere--;
        failed.push(last.path(n));
      };
      // A check that could not run trusts none.
      if (found === null) for (let n = 0; n < kept.length; n++) fail(n);
      else {
        for (const path of found) {
          const n = last.find(path);
          if (n >= 0) fail(n);
        }
      }
      return failed;
    },
    async finish() {
      ended = true;
      try {
        keys = await listed;
        await writes.finish();
      } catch (error) {
        throw named(error);
      }
      await place.commit();
      // A brat folder repeats every article's text in its `.txt` files: put inside a corpus
      // folder (`-c .` beside `brat/`), the corpus would read each article twice.
      markNotArticles(folder);
      if (last && kept) manifest?.carry(last, kept);
      manifest?.commit(said);
    },
    async abort() {
      if (!ended) await writes.finish().catch(() => {});
      ended = true;
      manifest?.abort();
      await place.abort();
    },
  };
}

/**
 * The `.ann` files below `folder`, folder by folder, never all held at once (walked by hand:
 * `recursive` readdir wants Node 20.12).
 */
async function* annFiles(folder: string): AsyncGenerator<string> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* annFiles(path);
    else if (entry.isFile() && entry.name.endsWith('.ann')) yield path;
  }
}

/** Every `.ann` file below `folder`, sorted. */
export async function annFilesIn(folder: string): Promise<string[]> {
  const found: string[] = [];
  for await (const path of annFiles(folder)) found.push(path);
  return found.sort();
}

/** The `.ann` files below `folder` that `wrote` says were not written, counted, with the first in sorted order. */
export async function staleAnnFiles(
  folder: string,
  wrote: (path: string) => boolean,
): Promise<{ count: number; first: string | null }> {
  let count = 0;
  let first: string | null = null;
  for await (const path of annFiles(folder)) {
    if (wrote(path)) continue;
    count++;
    if (first === null || path < first) first = path;
  }
  return { count, first };
}

/** Thrown by a held sink when the store's check changed what the export read: it starts again. */
export class ReadAgain extends Error {
  constructor() {
    super('the store changed while it was read');
  }
}

/**
 * Output held back while the store's check runs: 1 M characters (or bytes), less than one of the
 * export's pieces, so a small export is held whole and a large one waits for the check at its
 * first piece (what comes before it, the export's order and its first articles, overlaps the
 * check all the same). Each piece held is a string of many small ones beside the check's own
 * memory: holding 4-16 M characters took a csv export of 300,000 annotations from 320-340 MB to
 * 366-400 MB.
 */
export const HOLD_CHARACTERS = 1 << 20;

/**
 * `sink` behind a hold while the store's files are compared with its index (`checked`): what
 * the export writes meanwhile stays in memory (up to `limit` characters, then the export waits
 * for the check). Once the check is over, what is held goes out in order if the check changed
 * nothing; otherwise `ReadAgain` is thrown and nothing has been written: the caller exports
 * again from the index the check brought up to date. `release` ends the hold (the export is
 * written whole) and must be awaited before the sink is committed.
 */
export function heldSink(
  sink: ExportSink,
  checked: Promise<boolean>,
  limit = HOLD_CHARACTERS,
): ExportSink & { release(): Promise<void> } {
  let held: Array<{ text: string | Uint8Array; shown: boolean | undefined }> | null = [];
  let size = 0;
  let over = false;
  void checked.then(
    () => {
      over = true;
    },
    () => undefined,
  );
  const release = async () => {
    if (held === null) return;
    if (await checked) throw new ReadAgain();
    const parts = held;
    held = null;
    for (const { text, shown } of parts) await sink.write(text, shown);
  };
  return {
    get closed() {
      return sink.closed;
    },
    async write(text, shown) {
      if (held !== null && !over && size + text.length <= limit) {
        // Bytes are the writer's again once this resolves (see `ExportSink.write`): a copy.
        held.push({ text: typeof text === 'string' ? text : Buffer.from(text), shown });
        size += text.length;
        return;
      }
      await release();
      await sink.write(text, shown);
    },
    async writeFile(relativePath, content, tag, note) {
      await release();
      await sink.writeFile(relativePath, content, tag, note);
    },
    async ready() {
      await release();
      return sink.ready ? sink.ready() : false;
    },
    async settle() {
      await release();
      return sink.settle ? sink.settle() : [];
    },
    held: (relativePath, tag) => (sink.held ? sink.held(relativePath, tag) : null),
    leave: (relativePath) => sink.leave?.(relativePath),
    lastSaid: () => sink.lastSaid?.() ?? null,
    holdAll: () => sink.holdAll?.(),
    say: (text) => sink.say?.(text),
    release,
  };
}
