// Bundles the review screen for the bench's keypress timing (bench/harness/shipped-screen.ts)
// with the CLI's settings, over the file tsc emitted for it in dist-bench/.
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
