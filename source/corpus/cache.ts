import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLEANER_VERSION } from './version.js';

/** `$XDG_CACHE_HOME/margin`, or `~/.cache/margin`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME?.trim() ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'margin');
}

declare global {
  /** Set by the bundler (scripts/bundle.mjs), where this module no longer sits in its own folder. */
  var MARGIN_CORPUS_FINGERPRINT: string | undefined;
}

let fingerprint: string | undefined;

/** The modules whose code decides the clean text and its words, beside `corpus/`. */
const FINGERPRINTED_TEXT = ['fold.js', 'variants.js'];

/**
 * CLEANER_VERSION plus a hash of the cleaner's own code: a sentence-splitter fix changes the
 * articles too, and a forgotten version bump must not serve stale text. The build hashes the
 * code `cleanFile` runs, as bundled (scripts/bundle.mjs): given to the bundle, and written as
 * `fingerprint.txt` beside this module in dist/ for what runs unbundled from there (the bench),
 * so both open the same index. Run from its sources (the tests), every file of corpus/ is hashed.
 */
export function cleanerKey(): string {
  fingerprint ??= globalThis.MARGIN_CORPUS_FINGERPRINT ?? builtFingerprint() ?? sourcesHash();
  return `${CLEANER_VERSION}:${fingerprint}`;
}

function builtFingerprint(): string | undefined {
  try {
    return readFileSync(new URL('fingerprint.txt', import.meta.url), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

function sourcesHash(): string {
  const hash = createHash('sha256');
  const folder = dirname(fileURLToPath(import.meta.url));
  for (const name of readdirSync(folder).sort()) {
    if (/\.(?:js|ts)$/.test(name) && !name.endsWith('.d.ts'))
      hash.update(readFileSync(join(folder, name)));
  }
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  for (const name of FINGERPRINTED_TEXT) {
    hash.update(readFileSync(join(folder, '../text', name.replace(/\.js$/, extension))));
  }
  return hash.digest('hex').slice(0, 16);
}
