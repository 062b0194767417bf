import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  type Stats,
} from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, sep } from 'node:path';
import type { Format } from './clean.js';
import { decodeBytes, NotTextError } from './decode.js';
import { type EmailBody, emailBody } from './email.js';
import { feedArticle, xmlKind } from './feed.js';
import { dropInlinedData } from './inlined-data.js';
import { ioReason } from './io-reason.js';
import { articleRecord } from './json-record.js';
import type { FrontMatter } from './markdown.js';
import { mhtmlPage } from './mhtml.js';
import { isPageName } from './page-extensions.js';
import { addRemoval, noRemoval, type Removal, removalWarning, sanitizeText } from './sanitize.js';

/** Larger files are refused: nobody reviews a 5 MB article, and cleaning it would freeze the UI. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * A page saved whole carries its images inlined (`data:` URIs): 3 MB that are 95 % base64 hold
 * 150 KB of page. Such formats are read up to this size and measured without the inlined bytes.
 */
export const MAX_PAGE_BYTES = 64 * 1024 * 1024;

/** A page saved as one MIME message; Chrome's starts so, whatever the file is called. */
const MHTML_EXTENSIONS = new Set(['.mhtml', '.mht']);
const BLINK_SAVED = Buffer.from('From: <Saved by Blink>');

function isMhtml(path: string, bytes: Uint8Array): boolean {
  if (MHTML_EXTENSIONS.has(extname(path).toLowerCase())) return true;
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 64)).includes(
    BLINK_SAVED,
  );
}

/** How many bytes of `path` are read before it is refused as too large. */
function readLimit(path: string): number {
  // Only pages carry inlined images; others over 5 MB are refused unread.
  return isPageName(path) ? MAX_PAGE_BYTES : MAX_FILE_BYTES;
}

function tooLarge(path: string, bytes: number, inlined: number): FileRefusedError {
  const without = inlined > 0 ? ' without its inlined images' : '';
  return new FileRefusedError(
    path,
    `file too large (${megabytes(bytes)}${without}; the limit is 5 MB)`,
  );
}

/** A file that cannot be read as an article; the message names the file and the reason. */
export class FileRefusedError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'FileRefusedError';
  }
}

export interface SourceText {
  text: string;
  format: Format;
  warnings: string[];
  /** What the file says of the article beside its text: a JSON record's title, date, outlet. */
  given?: FrontMatter;
}

/** Why a `.json` file is no article, as its line says. */
const RECORD_REFUSALS = {
  'not JSON': 'not valid JSON',
  'a list': 'a JSON list: margin reads one article a file',
  'no body': 'a JSON file with no article text ("maintext", "text", "content" or "body")',
} as const;

/** XML that is clearly no article, by its root element, as its line says. */
const XML_REFUSALS = {
  sitemap: "a sitemap (a list of a site's addresses), not an article",
  opml: 'an OPML list of feeds, not an article',
} as const;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const HTML_START = /^\s*(?:<!--(?:(?!-->)[\s\S])*-->\s*)*<(?:!doctype\s+html|html[\s>])/i;

function formatOf(path: string, text: string): Format {
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (HTML_START.test(text.slice(0, 4096))) return 'html';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  return 'text';
}

/** File bytes already in memory to sanitised text, its format and the reading warnings. */
export function bytesToSource(path: string, file: Uint8Array): SourceText {
  if (file.length > MAX_PAGE_BYTES) throw tooLarge(path, file.length, 0);
  let read = file;
  const extension = extname(path).toLowerCase();
  let email: EmailBody | null = null;
  if (extension === '.eml') {
    email = emailBody(file);
    if (email === null) {
      throw new FileRefusedError(path, 'an email with no text or HTML part');
    }
    read = email.bytes;
  }
  const mhtml = email === null && isMhtml(path, file);
  if (mhtml) {
    const page = mhtmlPage(file);
    if (page === null) {
      throw new FileRefusedError(path, 'not a saved page (an MHTML file without an HTML part)');
    }
    read = page;
  }
  const bytes = dropInlinedData(read);
  if (bytes.length > MAX_FILE_BYTES) throw tooLarge(path, bytes.length, file.length - bytes.length);
  let decoded: ReturnType<typeof decodeBytes>;
  try {
    decoded = decodeBytes(bytes);
  } catch (error) {
    if (error instanceof NotTextError) throw new FileRefusedError(path, error.message);
    throw error;
  }
  if (decoded.text.trim() === '') throw new FileRefusedError(path, 'empty file');
  if (!mhtml && extension === '.json') return recordSource(path, decoded);
  if (extension === '.jsonl' || extension === '.ndjson') {
    throw new FileRefusedError(path, 'JSON Lines: margin reads one article a file');
  }
  if (email === null && !mhtml) {
    const kind = xmlKind(decoded.text);
    if (kind === 'feed') return feedSource(path, decoded);
    if (kind !== null) throw new FileRefusedError(path, XML_REFUSALS[kind]);
  }
  const { text, ...removal } = sanitizeText(decoded.text);
  const warnings = [...decoded.warnings];
  if (email !== null) {
    const given = sanitizedGiven(email.given, removal);
    if (removal.removed > 0) warnings.push(removalWarning(removal));
    return { text, format: email.html ? 'html' : 'text', warnings, given };
  }
  if (removal.removed > 0) warnings.push(removalWarning(removal));
  return { text, format: mhtml ? 'html' : formatOf(path, text), warnings };
}

/** What a file said of its article, each value sanitised: an encoded header can hold escapes. */
function sanitizedGiven(given: FrontMatter, removal: Removal): FrontMatter {
  const out = { ...given };
  for (const key of Object.keys(out) as Array<keyof FrontMatter>) {
    const value = out[key];
    if (value === null) continue;
    const sanitized = sanitizeText(value);
    addRemoval(removal, sanitized);
    out[key] = sanitized.text;
  }
  return out;
}

/**
 * A `.json` file: one article record, its body the text, the rest what it says of the article.
 * Each value is sanitised after parsing, since a JSON escape (`\u001b`) makes a control
 * character that the file's bytes did not hold.
 */
function recordSource(path: string, decoded: { text: string; warnings: string[] }): SourceText {
  const record = articleRecord(decoded.text);
  if (typeof record === 'string') throw new FileRefusedError(path, RECORD_REFUSALS[record]);
  const removal = noRemoval();
  const clean = (value: string) => {
    const sanitized = sanitizeText(value);
    addRemoval(removal, sanitized);
    return sanitized.text;
  };
  const text = clean(record.body);
  const given = sanitizedGiven(record.meta, removal);
  const warnings = [...decoded.warnings];
  if (removal.removed > 0) warnings.push(removalWarning(removal));
  return { text, format: record.html ? 'html' : 'text', warnings, given };
}

/**
 * A feed file (Atom, RSS): its one entry, its content the text and the rest what it says of the
 * article, each value sanitised as a JSON record's are: a character reference (`&#27;`) makes a
 * control character that the file's bytes did not hold.
 */
function feedSource(path: string, decoded: { text: string; warnings: string[] }): SourceText {
  const entry = feedArticle(decoded.text);
  if (entry === null) throw new FileRefusedError(path, 'a feed whose one item has no text');
  if (entry === 0) throw new FileRefusedError(path, 'a feed with no items');
  if (typeof entry === 'number') {
    throw new FileRefusedError(path, `a feed of ${entry} items: margin reads one article a file`);
  }
  const removal = noRemoval();
  const sanitized = sanitizeText(entry.body);
  addRemoval(removal, sanitized);
  const given = sanitizedGiven(entry.meta, removal);
  const warnings = [...decoded.warnings];
  if (removal.removed > 0) warnings.push(removalWarning(removal));
  return { text: sanitized.text, format: entry.html ? 'html' : 'text', warnings, given };
}

function checkStats(path: string, stats: Stats): void {
  if (stats.isDirectory()) throw new FileRefusedError(path, ioReason({ code: 'EISDIR' }));
  if (stats.size > readLimit(path)) throw tooLarge(path, stats.size, 0);
  if (stats.size === 0) throw new FileRefusedError(path, 'empty file');
}

/**
 * Reads a file's bytes, refusing oversized files before reading them. Errors from the file
 * system become FileRefusedError with the reason in words.
 */
export async function readBytes(path: string): Promise<Uint8Array> {
  // Opening a named pipe waits for a writer: `margin show` on one would hang, so look first.
  const kind = await stat(path).then(specialKind, () => null);
  if (kind) throw new FileRefusedError(path, `not a regular file (${kind})`);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new FileRefusedError(path, openReason(path, error));
  }
  try {
    checkStats(path, await handle.stat());
    return await handle.readFile();
  } catch (error) {
    if (error instanceof FileRefusedError) throw error;
    throw new FileRefusedError(path, ioReason(error, 'file'));
  } finally {
    await handle.close();
  }
}

/** Opening a link fails with ELOOP: a corpus file's own link is looked at before it is read. */
const NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/** Corpus folders with their links resolved, per thread: a corpus is read from one place. */
const realRoots = new Map<string, string>();

function realRoot(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    real = realpathSync(root);
    if (realRoots.size > 16) realRoots.clear();
    realRoots.set(root, real);
  }
  return real;
}

/**
 * Why the corpus file `path`, a symbolic link, is not read: its target lies outside the corpus
 * folder `root` (`passwd.txt -> /etc/passwd`, `notes.txt -> ~/.ssh/id_ed25519`). A corpus comes
 * from others (a git repository, a scrape's zip), and git and zip carry links: read, such a link
 * showed any file the user may read as an article, indexed it, and exported it (qa58 #9). Null
 * for a file that is no link, or a link whose target is inside the corpus folder (read as its
 * target). A dangling or looping link is left to the open, which names it.
 */
export function outsideLinkReason(root: string, path: string): string | null {
  try {
    if (!lstatSync(path).isSymbolicLink()) return null;
  } catch {
    return null;
  }
  return outsideReason(root, path);
}

/**
 * `outsideLinkReason` for a path that may pass through a linked folder too (`sub -> /etc`), as an
 * id typed for `margin show` may: the folder walk never enters a linked folder, a typed id does
 * (review58-c). Null for a file whose real place is inside the corpus folder.
 */
export function outsideReason(root: string, path: string): string | null {
  let target: string;
  try {
    target = realpathSync(path);
  } catch {
    return null;
  }
  const inside = realRoot(root);
  const relativePath = relative(inside, target);
  const up = relativePath === '..' || relativePath.startsWith(`..${sep}`);
  if (relativePath !== '' && !up && !isAbsolute(relativePath)) {
    return null;
  }
  return `a link to a file outside the corpus folder (${target}); not read`;
}

/**
 * readBytes without the thread-pool round trips: a corpus of small files loads several times
 * faster this way, and the loader yields to the event loop between batches. `root`: the corpus
 * folder `path` is a file of, whose links to files outside it are refused (`outsideLinkReason`).
 * The file is opened without following a link, so that only a link pays for the look.
 */
export function readBytesSync(
  path: string,
  onStats?: (stats: Stats) => void,
  root?: string,
): Uint8Array {
  let fd: number;
  try {
    fd = root === undefined ? openSync(path, 'r') : openInCorpus(root, path);
  } catch (error) {
    if (error instanceof FileRefusedError) throw error;
    throw new FileRefusedError(path, openReason(path, error));
  }
  try {
    const stats = fstatSync(fd);
    onStats?.(stats);
    checkStats(path, stats);
    const buffer = Buffer.allocUnsafe(stats.size);
    let offset = 0;
    while (offset < buffer.length) {
      const read = readSync(fd, buffer, offset, buffer.length - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    return buffer.subarray(0, offset);
  } catch (error) {
    if (error instanceof FileRefusedError) throw error;
    throw new FileRefusedError(path, ioReason(error, 'file'));
  } finally {
    closeSync(fd);
  }
}

/** Opens a file of the corpus at `root`, refusing a link to a file outside it. */
function openInCorpus(root: string, path: string): number {
  // Where there is no O_NOFOLLOW (Windows), every file is looked at first.
  if (constants.O_NOFOLLOW !== undefined) {
    try {
      return openSync(path, NO_FOLLOW);
    } catch (error) {
      // ELOOP is what a link opened without following gives (and a loop of links, named below).
      if ((error as NodeJS.ErrnoException).code !== 'ELOOP') throw error;
    }
  }
  const outside = outsideLinkReason(root, path);
  if (outside !== null) throw new FileRefusedError(path, outside);
  return openSync(path, 'r');
}

/** Why a file could not be opened; a link to nothing says so rather than "no such file". */
function openReason(path: string, error: unknown): string {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    const link = (() => {
      try {
        return lstatSync(path).isSymbolicLink();
      } catch {
        return false;
      }
    })();
    if (link) return 'broken symbolic link (its target does not exist)';
    // Node reads a name that is not UTF-8 with U+FFFD for its bad bytes, and no file has that
    // name: "no such file" beside a file the user can see would send them looking for a typo.
    if (path.includes('\ufffd'))
      return 'its name is not valid UTF-8, and margin cannot open it by name: rename the file';
  }
  return ioReason(error, 'file');
}

function specialKind(stats: Stats): string | null {
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return null;
}
