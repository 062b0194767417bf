import type { Dirent, Stats } from 'node:fs';
import { existsSync, writeFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { isSavedPageResources, pageStems } from './saved-page-folders.js';
import type { FileProblem } from './types.js';

/**
 * A folder under the corpus holding an entry of this name is none of its articles: margin puts it
 * in the folders it writes for itself (the annotation store, the cache), so that a corpus folder
 * holding one (`"corpus": "."` beside `annotations/`) never reads a store file as an article. A
 * mark in the folder rather than a list of paths from the command: the index of a corpus folder
 * is then the same whoever opens it, with whatever `--store`, and the corpus knows nothing of
 * the parts above it. The corpus folder itself is read whatever it holds: it was asked for.
 */
export const NOT_ARTICLES = '.margin-not-articles';

/**
 * Files by this name are never articles: `margin.json` is the project file (project/file-name.ts
 * names it; a test holds the two together), read by the commands, never a text to annotate.
 */
export const NEVER_ARTICLE_NAMES: ReadonlySet<string> = new Set(['margin.json']);

const NOT_ARTICLES_TEXT =
  'margin keeps its own files in this folder: a corpus folder holding it never reads them as articles.\n';

/**
 * Marks `folder` (which must exist) as margin's own, not articles: once, at no cost when it
 * already is. Marking changes the folder's time, so an index that read its files drops them at its
 * next look. A folder margin may not write is left unmarked: a mark only ever saves a mistake.
 */
export function markNotArticles(folder: string): void {
  const mark = join(folder, NOT_ARTICLES);
  if (existsSync(mark)) return;
  try {
    writeFileSync(mark, NOT_ARTICLES_TEXT, { flag: 'wx' });
  } catch {
    // Read-only, gone, or written by another process meanwhile: nothing to do.
  }
}

/** Code-point order, so the listing is the same on every machine and locale. */
export function byCodePoint(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

export function folderReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'folder cannot be read (permission denied)';
  return `folder cannot be read (${code ?? String(error)})`;
}

/** What a corpus holds that is neither a file nor a folder: a pipe would block a read forever. */
export function specialKind(entry: Dirent | Stats): string | null {
  if (entry.isFIFO()) return 'a named pipe';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
  return null;
}

/**
 * Relative paths (with `/`) of every file under `root`, skipping hidden files and folders, folders
 * marked `NOT_ARTICLES`, the resource folders of saved pages (`NAME_files` beside `NAME.html`)
 * and files named in `NEVER_ARTICLE_NAMES`; pipes, sockets and devices are
 * listed apart, never opened.
 */
export async function walk(root: string, special: FileProblem[]): Promise<string[]> {
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
    if (folder !== root && entries.some((entry) => entry.name === NOT_ARTICLES)) return;
    // The listing's own types tell the pages beside a resource folder: nothing is looked up.
    let stems: Set<string> | undefined;
    const pages = () =>
      (stems ??= pageStems(
        entries.filter((entry) => entry.isFile() || entry.isSymbolicLink()).map(({ name }) => name),
      ));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory() && isSavedPageResources(folder, entry.name, pages)) continue;
      if (NEVER_ARTICLE_NAMES.has(entry.name) && !entry.isDirectory()) continue;
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
