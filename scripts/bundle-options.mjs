// The esbuild settings of what margin ships, shared by the CLI's bundle (bundle.mjs) and the
// bench's bundle of the review screen (bundle-bench.mjs), so the bench times the screen as shipped.
import { fastStringWidth } from './fast-string-width.mjs';
import { lazyAtImport } from './lazy-at-import.mjs';

/** `require` for bundled CommonJS code, made when first called (esbuild calls it as a function only). */
export const LAZY_REQUIRE =
  "import { createRequire as __marginRequire } from 'node:module'; let __marginRequired; const require = (id) => (__marginRequired ??= __marginRequire(import.meta.url))(id);";

/**
 * Bundled for Node 20 as ES modules, minified, production React, margin's string width, text
 * helpers' segmenters made on first use.
 */
export const shipped = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  // better-sqlite3's JavaScript is bundled; its compiled addon is loaded from node_modules by
  // path (source/corpus/db/sqlite.ts), so the `bindings` search is never needed.
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'none',
  logLevel: 'warning',
  // review.tsx sets NODE_ENV for the unbundled dist/ too; in the bundle the define has decided.
  logOverride: { 'assign-to-define': 'silent' },
  // Ink imports its React DevTools bridge only when DEV=true; margin never ships it.
  alias: { 'react-devtools-core': './scripts/no-devtools.mjs' },
  plugins: [fastStringWidth, lazyAtImport],
  define: {
    // React's development build is for React developers; the shipped CLI never needs it.
    'process.env.NODE_ENV': '"production"',
  },
  banner: {
    // Some CommonJS dependencies call require() for Node built-ins. Made on first call: every
    // chunk carries this line, and making a require in each (import.meta, a Module) cost some
    // 7 ms of the 24 chunks `margin search` loads.
    js: LAZY_REQUIRE,
  },
};
