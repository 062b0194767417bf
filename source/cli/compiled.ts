import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { makeFoldersSync } from '../text/folders.js';

/**
 * A CommonJS bundle of margin's and the key of its bytes, as scripts/bundle.mjs made them: the
 * file is one function expression of `exports`, `require`, `module`, `__filename`, `__dirname`
 * and `import.meta` (`__marginImportMeta`), in that order.
 */
export interface Bundle {
  /** Relative to cli.js. */
  path: string;
  key: string;
}

/**
 * `$XDG_CACHE_HOME/margin`, or `~/.cache/margin`, as `defaultCacheDir` (corpus/cache.ts) says:
 * not imported from there, which would load it as a chunk of its own before the bundle.
 */
function cacheDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME?.trim() ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'margin');
}

/**
 * The key line, then zero bytes up to a multiple of 8: V8 copies cached data that does not start
 * at an address of a pointer's alignment (350 KB for the search bundle), and a file read whole
 * starts at one (`malloc`'s). A cache kept after a run that did not do the whole of its work
 * says so on that line (`done`).
 */
function cacheHeader(key: string, whole: boolean): Buffer {
  const line = Buffer.from(`${key}${whole ? '' : ' part'}\n`);
  return Buffer.concat([line, Buffer.alloc((8 - (line.length % 8)) % 8)]);
}

/**
 * Runs a CommonJS bundle with V8's code cache kept in margin's cache folder: the bytecode of every function
 * the last run compiled is read back instead of parsing and compiling them again. Node 20 keeps
 * no such cache for ES modules (`module.enableCompileCache` is Node 22's), so `margin search`,
 * run again and again as a person types, is bundled as a script for this. `done` stores the
 * cache, when it was missing or V8 refused it, once the command's work has compiled what it
 * needs; a cache that cannot be read or written costs only the compiling it would have saved.
 * V8 keeps only what a run compiled: `done(false)` says the run did not do the whole of its
 * work (a search that found nothing never read or printed a hit), and a cache so kept is
 * replaced once by that of the next run that did.
 */
export function runCompiled(
  bundle: Bundle,
  base: string,
  env: NodeJS.ProcessEnv,
): { exports: unknown; fromCache: boolean; done(whole?: boolean): void } {
  const url = new URL(bundle.path, base);
  const file = fileURLToPath(url);
  // ASCII (scripts/bundle.mjs checks it), read as Latin-1: a string V8 makes sooner than of UTF-8.
  // The file is one function expression already (scripts/bundle.mjs): V8 compiles this string as
  // it is, where a wrapper added here made it flatten the two into a copy of 450 KB.
  const source = readFileSync(file, 'latin1');
  // One file per bundle name, headed by the key of the bytes it was made from: a new build's
  // cache replaces the old one's (V8 checks its own version and flags, and only a source's length).
  const cacheFile = join(cacheDir(env), 'code', `${bundle.path.replace(/^.*\//, '')}.v8`);
  let cached: Buffer | undefined;
  let cachedWhole = false;
  try {
    const bytes = readFileSync(cacheFile);
    for (const whole of [true, false]) {
      const header = cacheHeader(bundle.key, whole);
      if (!bytes.subarray(0, header.length).equals(header)) continue;
      cached = bytes.subarray(header.length);
      cachedWhole = whole;
      break;
    }
  } catch {
    // No cache yet.
  }
  const script = new Script(source, { filename: file, ...(cached ? { cachedData: cached } : {}) });
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(
    module.exports,
    createRequire(url),
    module,
    file,
    dirname(file),
    { url: url.href },
  );
  return {
    exports: module.exports,
    fromCache: cached !== undefined && !script.cachedDataRejected,
    done(whole = true) {
      if (cached && !script.cachedDataRejected && (cachedWhole || !whole)) return;
      const temporary = `${cacheFile}.${process.pid}`;
      try {
        makeFoldersSync(dirname(cacheFile));
        const header = cacheHeader(bundle.key, whole);
        writeFileSync(temporary, Buffer.concat([header, script.createCachedData()]));
        renameSync(temporary, cacheFile);
      } catch {
        // Nowhere to keep it (a read-only home, a file in the way): the next run compiles again.
        try {
          rmSync(temporary, { force: true });
        } catch {}
      }
    },
  };
}
