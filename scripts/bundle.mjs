// Bundles the CLI into dist/cli.js plus lazily loaded chunks. Loading Ink, React and the
// cleaning pipeline as hundreds of separate ES modules costs ~400 ms before the first frame;
// one bundle per command path loads in a fraction of that. `tsc` has already type-checked
// and emitted dist/ (the tests and the bench import modules from there).
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { LAZY_REQUIRE, shipped } from './bundle-options.mjs';
import { replacedFor } from './fast-string-width.mjs';
import { lazyFiles, madeLazy } from './lazy-at-import.mjs';
import { lazyCrypto, lazyFsPromises } from './lazy-builtins.mjs';

/** What the search bundle's function takes, in the order cli/compiled.ts hands them. */
const COMPILED_PARAMETERS = [
  'exports',
  'require',
  'module',
  '__filename',
  '__dirname',
  '__marginImportMeta',
];

const root = new URL('..', import.meta.url);

/**
 * The cleaner's fingerprint: a hash of the code that makes an article's clean text and words,
 * as esbuild bundles and minifies it from `cleanFile` (the function the corpus index's threads
 * clean each file with), the libraries it calls included. It was a hash of every file in
 * corpus/: a comment, or code the cleaner never runs (the search index kept in memory, the
 * loading of a corpus), made every archive's index again on the next start (53 s at 100,000
 * articles), while a new version of the HTML parser served text it did not make.
 * Written beside tsc's cache.js too, for what runs from dist/ unbundled (cache.ts).
 */
async function corpusFingerprint() {
  const made = await build({
    absWorkingDir: new URL('.', root).pathname,
    entryPoints: ['source/corpus/db/clean-file.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'error',
  });
  const hash = createHash('sha256');
  for (const file of made.outputFiles) hash.update(file.contents);
  const fingerprint = hash.digest('hex').slice(0, 16);
  writeFileSync(new URL('dist/corpus/fingerprint.txt', root), `${fingerprint}\n`);
  return fingerprint;
}

rmSync(new URL('dist/chunks', root), { recursive: true, force: true });

/** The search bundle's meow, beside it in dist/chunks/. */
const MEOW_APART = 'search-meow.cjs';

/** `import('meow')` in the search bundle: a `require` of the script beside it. */
const meowApart = {
  name: 'meow-apart',
  setup(build) {
    build.onResolve({ filter: /^meow$/ }, () => ({ path: `./${MEOW_APART}`, external: true }));
  },
};
const fingerprint = await corpusFingerprint();

// `margin search` alone, which margin.cjs runs for it (source/cli/compiled.ts): one CommonJS script,
// so that V8's code cache can hold its compiled code (Node 20 keeps none for ES modules), with
// what only --help or a store needs inside it rather than in chunks. In dist/chunks/, beside the
// workers a changed corpus or a store starts; its key names the bytes its cache was made from.
await build({
  absWorkingDir: new URL('.', root).pathname,
  entryPoints: ['source/cli/search.ts'],
  outfile: 'dist/chunks/search-cli.cjs',
  ...shipped,
  plugins: [...shipped.plugins, lazyCrypto, lazyFsPromises, meowApart],
  format: 'cjs',
  // A script run through `node:vm` has no `import()`: meow's script is required instead.
  supported: { 'dynamic-import': false },
  // One function expression, as cli/compiled.ts compiles it: of `require` and the rest a
  // CommonJS module has, and `import.meta` (what cli/compiled.ts hands it). Written whole here,
  // V8 compiles the file's own string: wrapped at run time, it copied the 450 KB into one more.
  banner: { js: `(function (${COMPILED_PARAMETERS.join(', ')}) {` },
  footer: { js: '})' },
  // Short names: the bundle is 30 % smaller (456 → 320 KB), which every search reads and makes a
  // string of, and its code cache 7 % (search44). A stack trace from it names what the source map
  // beside it says with `node --enable-source-maps`.
  minifyIdentifiers: true,
  sourcemap: 'linked',
  define: {
    ...shipped.define,
    'globalThis.MARGIN_CORPUS_FINGERPRINT': JSON.stringify(fingerprint),
    'import.meta': '__marginImportMeta',
  },
});
// meow, for `--help` and for lines `flags.ts` leaves to it, in a script of its own beside the
// search bundle: a third of the bundle's bytes, which every search read and made a string of.
await build({
  absWorkingDir: new URL('.', root).pathname,
  // Its exports are meow itself: the search bundle requires it as Node would (`__toESM` in Node
  // mode, whose `default` is the exports).
  stdin: {
    contents: "module.exports = require('meow').default;",
    resolveDir: new URL('.', root).pathname,
  },
  outfile: `dist/chunks/${MEOW_APART}`,
  ...shipped,
  format: 'cjs',
  // A script required by Node has `require`; `import.meta.url` is its own file's URL.
  banner: { js: "const __meowUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { ...shipped.define, 'import.meta.url': '__meowUrl' },
  sourcemap: 'linked',
});
// cli/compiled.ts reads it as Latin-1, a byte a character, which V8 makes a string of sooner
// than of UTF-8: esbuild writes ASCII (its default `charset`), escaping every other character.
if (readFileSync(new URL('dist/chunks/search-cli.cjs', root)).some((byte) => byte >= 0x80)) {
  throw new Error('dist/chunks/search-cli.cjs is not ASCII: cli/compiled.ts reads it as Latin-1');
}
const searchBundle = {
  path: './chunks/search-cli.cjs',
  key: createHash('sha256')
    .update(readFileSync(new URL('dist/chunks/search-cli.cjs', root)))
    .digest('hex')
    .slice(0, 16),
};
await build({
  absWorkingDir: new URL('.', root).pathname,
  entryPoints: ['source/cli.tsx'],
  outdir: 'dist',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  ...shipped,
  splitting: true,
  sourcemap: 'linked',
  define: {
    ...shipped.define,
    'globalThis.MARGIN_CORPUS_FINGERPRINT': JSON.stringify(fingerprint),
  },
});
// What package.json's `bin` names: a CommonJS script (source/bin.ts), which Node starts sooner
// than an ES module, running `margin search` from its bundle and importing cli.js for the rest.
await build({
  absWorkingDir: new URL('.', root).pathname,
  entryPoints: ['source/bin.ts'],
  outfile: 'dist/margin.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled, `import.meta.url` would be empty: this script's own URL, as an ES module's is.
  banner: {
    js: `#!/usr/bin/env node\nconst __marginUrl = require('node:url').pathToFileURL(__filename).href;`,
  },
  define: {
    'import.meta.url': '__marginUrl',
    'globalThis.MARGIN_SEARCH_BUNDLE': JSON.stringify(searchBundle.path),
    'globalThis.MARGIN_SEARCH_BUNDLE_KEY': JSON.stringify(searchBundle.key),
  },
});

// The launcher runs before every command: the commands' own code must stay out of it (an import
// of it by name would load it twice, once in the launcher and once as cli.js's modules).
if (readFileSync(new URL('dist/margin.cjs', root)).length > 16_384) {
  throw new Error(
    'dist/margin.cjs grew past a launcher: what it imports by name is bundled into it',
  );
}
if (![...replacedFor].some((importer) => importer.endsWith('ink/build/output.js'))) {
  throw new Error("Ink's frame no longer measures text with the string-width margin replaces");
}
// Each module the plugin knows is one the screen imports: one no longer bundled is a stale entry.
const notBundled = lazyFiles.filter((file) => !madeLazy.has(file));
if (notBundled.length > 0) {
  throw new Error(
    `scripts/lazy-at-import.mjs names modules no longer bundled: ${notBundled.join(', ')}`,
  );
}

// Worker threads run scripts of their own, beside the chunk that starts them: the corpus index
// cleans files on them (source/corpus/db/pool.ts looks for ./clean-worker.js next to itself) and
// the review groups its story on one (source/commands/story-thread.ts, ./story-worker.js), and
// `margin story` reads sentences and compares them on several (source/story/parallel-read.ts,
// ./read-worker.js; parallel-compare.ts, ./compare-worker.js) and describes the groups on several
// (source/commands/story-describe.ts, ./story-describe-worker.js); an export reads the store's
// kept renderings and the corpus's texts ahead on one (source/store/read-ahead.ts,
// ./read-ahead-worker.js). The
// story worker opens the corpus index, so it must know the cleaner's fingerprint as cli.js does:
// with another, it would take the index for a stale one and build it again.
await build({
  absWorkingDir: new URL('.', root).pathname,
  entryPoints: {
    'clean-worker': 'source/corpus/db/clean-worker.ts',
    'story-worker': 'source/commands/story-worker.ts',
    'read-worker': 'source/story/read-worker.ts',
    'compare-worker': 'source/story/compare-worker.ts',
    'saving-worker': 'source/story/saving-worker.ts',
    'story-describe-worker': 'source/commands/story-describe-worker.ts',
    'read-ahead-worker': 'source/store/read-ahead-worker.ts',
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
for (const worker of [
  'clean-worker.js',
  'story-worker.js',
  'read-worker.js',
  'compare-worker.js',
  'saving-worker.js',
  'story-describe-worker.js',
]) {
  if (readFileSync(new URL('dist/cli.js', root), 'utf8').includes(worker)) {
    throw new Error(`what starts ${worker} landed in dist/cli.js: its script is in dist/chunks/`);
  }
}
