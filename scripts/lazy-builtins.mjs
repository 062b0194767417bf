// esbuild plugins for `margin search`'s bundle: Node built-ins loaded when first called.

/**
 * A plugin that makes each import of the built-in `name` these `functions`, which load it on
 * their first call. A function the bundle imports that is not listed fails the build (esbuild:
 * "No matching export").
 */
function lazyBuiltin(name, functions) {
  const namespace = `lazy-${name.replace(/\W/g, '-')}`;
  const filter = new RegExp(`^(?:node:)?${name.replace(/\//g, '\\/')}$`);
  return {
    name: namespace,
    setup(build) {
      build.onResolve({ filter }, (args) =>
        args.namespace === namespace
          ? { path: `node:${name}`, external: true }
          : { path: `node:${name}`, namespace },
      );
      build.onLoad({ filter: /.*/, namespace }, () => ({
        loader: 'js',
        contents: [
          'let loaded;',
          `const builtin = () => (loaded ??= require('node:${name}'));`,
          ...functions.map((f) => `export const ${f} = (...args) => builtin().${f}(...args);`),
        ].join('\n'),
      }));
    },
  };
}

/**
 * Modules of the corpus and the store import `node:crypto` for a hash or a random name that
 * a search without a store never makes; loaded at import, its modules and OpenSSL's binding
 * cost 4-7 ms of CPU of every search process (load 7-9).
 */
export const lazyCrypto = lazyBuiltin('crypto', ['createHash', 'randomBytes', 'randomUUID']);

/**
 * `node:fs/promises` loads eight more modules (its file handles' `readLines` brings readline's),
 * and a search without a store calls none of it (search44): what it looks at on disk it looks at
 * synchronously, a few files and folders that a promise each sent through the thread pool.
 */
export const lazyFsPromises = lazyBuiltin('fs/promises', [
  'link',
  'lstat',
  'mkdir',
  'open',
  'readdir',
  'readFile',
  'rename',
  'rm',
  'rmdir',
  'stat',
  'writeFile',
]);
