import { mkdirSync, statSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * `mkdir -p`: makes `path` and the folders above it that are missing, and returns the first it
 * made (undefined when `path` was a folder already), as Node's `recursive: true` does. Node's
 * own never returns where mkdir answers ENOENT for a parent that exists: under /proc and /sys
 * (`XDG_CACHE_HOME=/proc/x`, `--store /proc/x`, `--out /proc/x/y` each hung margin for good).
 * Here a folder that still cannot be made once its parent is there is the error.
 */
export function makeFoldersSync(path: string): string | undefined {
  try {
    mkdirSync(path);
    return path;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && statSync(path).isDirectory()) return undefined;
    const parent = dirname(path);
    if (code !== 'ENOENT' || parent === path) throw error;
    const first = makeFoldersSync(parent);
    mkdirSync(path);
    return first ?? path;
  }
}

/** `makeFoldersSync`, without blocking the thread. */
export async function makeFolders(path: string): Promise<string | undefined> {
  try {
    await mkdir(path);
    return path;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && (await stat(path)).isDirectory()) return undefined;
    const parent = dirname(path);
    if (code !== 'ENOENT' || parent === path) throw error;
    const first = await makeFolders(parent);
    await mkdir(path);
    return first ?? path;
  }
}
