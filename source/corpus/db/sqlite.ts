import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

let found: { binding: string | null } | undefined;

/**
 * Where better-sqlite3's compiled addon is. Given to it, better-sqlite3 skips `bindings`, which
 * searches a dozen paths for it; and its JavaScript can sit in margin's bundle rather than be
 * loaded module by module from node_modules (together some 30 ms of every command's start).
 * Null when it is not where a build from source puts it: better-sqlite3 then looks itself.
 */
function binding(): string | null {
  if (!found) {
    const require = createRequire(import.meta.url);
    const home = dirname(require.resolve('better-sqlite3/package.json'));
    const file = join(home, 'build', 'Release', 'better_sqlite3.node');
    found = { binding: existsSync(file) ? file : null };
  }
  return found.binding;
}

/** A SQLite database through better-sqlite3, its addon loaded from where it was built. */
export function openSqlite(file: string, options: Database.Options = {}): Database.Database {
  const nativeBinding = binding();
  if (nativeBinding) return new Database(file, { ...options, nativeBinding });
  // Loaded from its own folder, better-sqlite3 finds its addon wherever it is.
  const Own = createRequire(import.meta.url)('better-sqlite3') as typeof Database;
  return new Own(file, options);
}
