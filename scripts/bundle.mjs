// Bundles the CLI into dist/cli.js plus lazily loaded chunks. Loading Ink, React and the
// cleaning pipeline as hundreds of separate ES modules costs ~400 ms before the first frame;
// one bundle per command path loads in a fraction of that. `tsc` has already type-checked
// and emitted dist/ (the tests and the bench import modules from there).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);

/** The cleaner's fingerprint, as source/corpus/cache.ts computes it at run time from dist/. */
function corpusFingerprint() {
  const folder = new URL('dist/corpus/', root);
  const hash = createHash('sha256');
  for (const name of readdirSync(folder).sort()) {
    if (/\.js$/.test(name)) hash.update(readFileSync(new URL(name, folder)));
  }
  // As FINGERPRINTED_TEXT in source/corpus/cache.ts: the word folding the index stores.
  for (const name of ['fold.js', 'variants.js']) {
    hash.update(readFileSync(new URL(`dist/text/${name}`, root)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** `require` for bundled CommonJS code, made when first called (esbuild calls it as a function only). */
const LAZY_REQUIRE =
  "import { createRequire as __marginRequire } from 'node:module'; let __marginRequired; const require = (id) => (__marginRequired ??= __marginRequire(import.meta.url))(id);";

rmSync(new URL('dist/chunks', root), { recursive: true, force: true });
const fingerprint = corpusFingerprint();
await build({
  absWorkingDir: new URL('.', root).pathname,
  entryPoints: ['source/cli.tsx'],
  outdir: 'dist',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  // better-sqlite3's JavaScript is bundled; its compiled addon is loaded from node_modules by
  // path (source/corpus/db/sqlite.ts), so the `bindings` search is never needed.
  minifySyntax: true,
  minifyWhitespace: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // review.tsx sets NODE_ENV for the unbundled dist/ too; in the bundle the define has decided.
  logOverride: { 'assign-to-define': 'silent' },
  // Ink imports its React DevTools bridge only when DEV=true; margin never ships it.
  alias: { 'react-devtools-core': './scripts/no-devtools.mjs' },
  define: {
    'globalThis.MARGIN_CORPUS_FINGERPRINT': JSON.stringify(fingerprint),
    // React's development build is for React developers; the shipped CLI never needs it.
    'process.env.NODE_ENV': '"production"',
  },
  banner: {
    // Some CommonJS dependencies call require() for Node built-ins. Made on first call: every
    // chunk carries this line, and making a require in each (import.meta, a Module) cost some
    // 7 ms of the 24 chunks `margin search` loads.
    js: LAZY_REQUIRE,
  },
});

// Worker threads run scripts of their own, beside the chunk that starts them: the corpus index
// cleans files on them (source/corpus/db/pool.ts looks for ./clean-worker.js next to itself) and
// the review groups its story on one (source/commands/story-thread.ts, ./story-worker.js). The
// story worker opens the corpus index, so it must know the cleaner's fingerprint as cli.js does:
// with another, it would take the index for a stale one and build it again.
await build({
  absWorkingDir: new URL('.', root).pathname,
  entryPoints: {
    'clean-worker': 'source/corpus/db/clean-worker.ts',
    'story-worker': 'source/commands/story-worker.ts',
  },
  outdir: 'dist/chunks',
  bundle: true,
  external: ['better-sqlite3'],
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  minifyWhitespace: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  define: {
    'globalThis.MARGIN_CORPUS_FINGERPRINT': JSON.stringify(fingerprint),
  },
  banner: { js: LAZY_REQUIRE },
});
for (const worker of ['clean-worker.js', 'story-worker.js']) {
  if (readFileSync(new URL('dist/cli.js', root), 'utf8').includes(worker)) {
    throw new Error(`what starts ${worker} landed in dist/cli.js: its script is in dist/chunks/`);
  }
}
