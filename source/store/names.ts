import { createHash } from 'node:crypto';
import os from 'node:os';
import { oneName } from '../text/untrusted.js';

/**
 * Article ids and annotator names become file and folder names. Everything outside a small safe
 * set is percent-encoded (UTF-8 bytes), so `../../x` becomes `..%2F..%2Fx`... with its leading dot
 * encoded too: no name can climb out of the store, hide as a dotfile or collide with the temp and
 * lock files, and the mapping can be reversed to list annotators from their folders.
 */
const SAFE = /[A-Za-z0-9_\-.]/;
/** Names longer than this are shortened with a hash; the real id is always kept inside the file. */
const MAX_ENCODED = 180;

export function encodeName(name: string): string {
  if (name.length === 0) throw new Error('a name in the store cannot be empty');
  let out = '';
  let index = 0;
  for (const char of name) {
    if (SAFE.test(char) && !(char === '.' && index === 0)) out += char;
    else {
      for (const byte of Buffer.from(char, 'utf8')) {
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
    }
    index += 1;
  }
  if (out.length <= MAX_ENCODED) return out;
  const digest = createHash('sha256').update(name).digest('hex').slice(0, 16);
  return `${out.slice(0, MAX_ENCODED - 17)}~${digest}`;
}

/** The name a folder or file stands for, or null when it was not made by `encodeName`. */
export function decodeName(encoded: string): string | null {
  if (encoded.length === 0 || encoded.startsWith('.')) return null;
  if (encoded.includes('~')) return null;
  if (!/^(?:[A-Za-z0-9_\-.]|%[0-9A-F]{2})+$/.test(encoded)) return null;
  try {
    const name = decodeURIComponent(encoded);
    return encodeName(name) === encoded ? name : null;
  } catch {
    return null;
  }
}

/**
 * The name this session writes as: `--annotator`, else `MARGIN_ANNOTATOR`, else the login name.
 * Control characters and surrounding space are dropped, inner runs of space become one; the
 * folder name is encoded separately, so the name itself may contain any other character.
 */
export function resolveAnnotator(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const candidates = [flag, env.MARGIN_ANNOTATOR, loginName()];
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    const clean = sanitiseAnnotator(candidate);
    if (clean.length > 0) return clean;
  }
  throw new Error('no annotator name: pass --annotator NAME or set MARGIN_ANNOTATOR');
}

export function sanitiseAnnotator(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function loginName(): string | undefined {
  try {
    return os.userInfo().username;
  } catch {
    return undefined;
  }
}

/**
 * A name in an annotator folder that is a store file: `<article>.json`, not a dot file (temp and
 * lock files, the suggestion model). Self-contained: the check's threads run its source text.
 */
export function isStoreFileName(name: string): boolean {
  return name.endsWith('.json') && !name.startsWith('.');
}

/** What the store's own cleaning does harmlessly: NFC, one space for several. */
function tidied(name: string): string {
  return name.normalize('NFC').replace(/ {2,}/g, ' ');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why an annotator's name in a file cannot be kept as the store would keep it, or null when it
 * can, as given or tidied: a decomposed "José" or "ana  b" is the name meant. An import asks
 * `annotatorNameProblem` too: it takes only the names `--annotator` takes.
 */
export function keptAnnotatorProblem(name: string): string | null {
  if (name.length === 0) return 'a name cannot be empty';
  // A lone surrogate (`"\ud800"` in a file's JSON) has no UTF-8: its folder was named for
  // U+FFFD instead, and the store then held two annotators where the file named one.
  if (LONE_SURROGATE.test(name)) return 'a lone surrogate, not Unicode text';
  if (sanitiseAnnotator(name) !== tidied(name)) return 'control characters, or space at either end';
  return null;
}

/**
 * Why a name a person gives cannot be an annotator's, or null when it can: the rule for
 * `--annotator`, `MARGIN_ANNOTATOR`, a project's `annotator` and every name an import file
 * gives, stricter than what the store can keep (`keptAnnotatorProblem`).
 */
export function annotatorNameProblem(name: string): string | null {
  if (name.length === 0) return 'a name cannot be empty';
  // What a name shows escaped (oneName) it cannot be: `ana` and `a\u200bna` would be two
  // annotators who look alike in every list.
  if (keptAnnotatorProblem(name) !== null || oneName(tidied(name)) !== tidied(name))
    return 'control or invisible characters, or space at either end';
  if (/[/\\]/.test(name)) return 'a name cannot hold / or \\';
  if (name === '.' || name === '..') return 'a name cannot be . or ..';
  // Annotators are keys of plain objects in exports and agreement tables.
  if (name === '__proto__') return 'a name cannot be __proto__';
  return null;
}
