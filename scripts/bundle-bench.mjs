// Bundles the review screen for the bench's keypress timing (bench/harness/shipped-screen.ts)
// with the CLI's settings, over the file tsc emitted for it in dist-bench/.
import { copyFileSync } from 'node:fs';
import { build } from 'esbuild';
import { shipped } from './bundle-options.mjs';

const root = new URL('..', import.meta.url);

await build({
  absWorkingDir: new URL('.', root).pathname,
  entryPoints: ['bench/harness/shipped-screen.ts'],
  outfile: 'dist-bench/bench/harness/shipped-screen.js',
  allowOverwrite: true,
  ...shipped,
});

// The cleaner's fingerprint the build made (scripts/bundle.mjs), beside the bench's own copy of
// corpus/cache.js: the bench in process opens the index the built CLI opens.
copyFileSync(
  new URL('dist/corpus/fingerprint.txt', root),
  new URL('dist-bench/source/corpus/fingerprint.txt', root),
);
