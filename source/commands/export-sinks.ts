import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { ExportSink } from '../export/stream.js';
import { syncFolder } from '../store/atomic.js';
import { exportFolder } from './export-folder.js';
import { manifestFile, manifestWriter, readManifest, realFolder } from './export-manifest.js';
import { FileNotWritten, folderWrites, hashOf, recordTag } from './folder-writes.js';
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

/**
 * `--out FILE`: written to a temp file beside it, fsynced and renamed over it by `commit`, as the
 * store writes its own, so a half-written export never passes for a whole one.
 */
export async function fileSink(
  path: string,
): Promise<{ sink: ExportSink; commit(): Promise<void>; abort(): Promise<void> }> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const temp = join(
    folder,
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const handle = await open(temp, 'wx', 0o644);
  let isOpen = true;
  const close = async () => {
    if (isOpen) {
      isOpen = false;
      await handle.close();
    }
  };
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
   * Whether this export wrote the `.ann` file at this path, asked when the folder held files
   * before (else null: there is no file it did not write).
   */
  wrote: ((path: string) => boolean) | null;
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
  // The `.ann` files written, by two hashes of their paths (a number per path, not a string:
  // 211,000 paths held 20 MB): a stale file passing for one written is a chance in 2^52.
  const written = place.mode === 'replace' ? new Set<number>() : null;
  const writes = folderWrites({
    mode: place.mode,
    ...(last ? { stamp: last.stamp } : {}),
    ...(manifest ? { recordsIn: root, onRecords: manifest.add } : {}),
  });
  const named = (error: unknown) => {
    if (!(error instanceof FileNotWritten)) return error;
    const relativePath = relative(root, error.file).split(sep).join('/');
    return Object.assign(new Error(error.message), { code: error.code, exportPath: relativePath });
  };
  let ended = false;
  return {
    wrote: written && ((path) => written.has(pathKey(path))),
    left: () => writes.left(),
    async write(text) {
      if (text.length > 0) throw new Error('this format writes files, not one text');
    },
    async writeFile(relativePath, content, tag) {
      const path = sep === '/' ? `${root}/${relativePath}` : join(root, ...relativePath.split('/'));
      await writes.write(path, content, last?.lookup(relativePath), tag);
      // What the stale-file check asks about: the `.ann` files alone.
      if (written && path.endsWith('.ann')) written.add(pathKey(path));
    },
    async holds(relativePath, tag, owner) {
      const known = last?.lookup(relativePath);
      if (known === undefined || recordTag(known) !== tag) return false;
      const path = sep === '/' ? `${root}/${relativePath}` : join(root, ...relativePath.split('/'));
      await writes.check(path, known, owner);
      if (written && path.endsWith('.ann')) written.add(pathKey(path));
      return true;
    },
    async settle() {
      return (await writes.settle()).map(({ file, owner }) => ({
        path: relative(root, file).split(sep).join('/'),
        owner,
      }));
    },
    async finish() {
      ended = true;
      try {
        await writes.finish();
      } catch (error) {
        throw named(error);
      }
      await place.commit();
      manifest?.commit();
    },
    async abort() {
      if (!ended) await writes.finish().catch(() => {});
      ended = true;
      manifest?.abort();
      await place.abort();
    },
  };
}

/** A path as a number of 52 bits: FNV-1a of it, and 20 bits of FNV-1a of it reversed. */
function pathKey(path: string): number {
  let back = 0x811c9dc5;
  for (let i = path.length - 1; i >= 0; i--)
    back = Math.imul(back ^ path.charCodeAt(i), 0x01000193);
  return hashOf(path) * 0x100000 + ((back >>> 0) & 0xfffff);
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
        held.push({ text, shown });
        size += text.length;
        return;
      }
      await release();
      await sink.write(text, shown);
    },
    async writeFile(relativePath, content, tag) {
      await release();
      await sink.writeFile(relativePath, content, tag);
    },
    async holds(relativePath, tag, owner) {
      await release();
      return sink.holds ? sink.holds(relativePath, tag, owner) : false;
    },
    async settle() {
      await release();
      return sink.settle ? sink.settle() : [];
    },
    release,
  };
}
