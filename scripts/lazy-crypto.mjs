// An esbuild plugin for `margin search`'s bundle: `node:crypto` loaded when first called.

/**
 * Modules of the corpus and the store import `node:crypto` for a hash or a random name that
 * a search without a store never makes; loaded at import, its modules and OpenSSL's binding
 * cost 4-7 ms of CPU of every search process (load 7-9). In this bundle each import of it is
 * these few functions, which load it on their first call. A function the bundle imports that
 * is not here fails the build (esbuild: "No matching export").
 */
export const lazyCrypto = {
  name: 'lazy-crypto',
  setup(build) {
    build.onResolve({ filter: /^(?:node:)?crypto$/ }, (args) =>
      args.namespace === 'lazy-crypto'
        ? { path: 'node:crypto', external: true }
        : { path: 'node:crypto', namespace: 'lazy-crypto' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-crypto' }, () => ({
      loader: 'js',
      contents: `let loaded;
const crypto = () => (loaded ??= require('node:crypto'));
export const createHash = (...args) => crypto().createHash(...args);
export const randomBytes = (...args) => crypto().randomBytes(...args);
export const randomUUID = (...args) => crypto().randomUUID(...args);`,
    }));
  },
};
