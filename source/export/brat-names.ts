import { decodeName, encodeName } from '../store/index.js';

/**
 * The file names of a brat export: `ANNOTATOR/ARTICLE.txt` and `.ann`. Annotator names and the
 * parts of an article id (a path in the corpus, `/`-separated) are encoded as the store encodes
 * its own folder and file names: letters, digits, `_`, `-` and `.` stay, every other byte is
 * `%XX` (a leading dot too), so no name can hold a control character, climb out of the folder
 * or hide as a dotfile, and the import decodes them back.
 */
export function bratPath(annotator: string, article: string): string {
  return `${encodeName(annotator)}/${bratName(article)}`;
}

/** An article's part of `bratPath`: its file's path below the annotator's folder. */
export function bratName(article: string): string {
  const parts = article.split('/');
  // An empty part (`a//b`) has no file name of its own: the id is then one encoded name.
  return parts.every((part) => part.length > 0)
    ? parts.map(encodeName).join('/')
    : encodeName(article);
}

/**
 * The annotator and article a document path (without extension) stands for; null parts when
 * the names are not ones `bratPath` writes (a folder made by hand, or a name so long the store
 * shortened it with a hash): the import then uses `--annotator` and the text.
 */
export function fromBratPath(path: string): { annotator: string | null; article: string | null } {
  const parts = path.split('/');
  if (parts.length < 2) return { annotator: null, article: decodePath(parts) };
  return { annotator: decodeName(parts[0]!), article: decodePath(parts.slice(1)) };
}

function decodePath(parts: string[]): string | null {
  const decoded = parts.map(decodeName);
  return decoded.every((part) => part !== null) ? decoded.join('/') : null;
}
