#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { runCompiled } from './cli/compiled.js';
import type { About } from './commands/main.js';

declare global {
  /** The bundle of `margin search` alone, relative to cli.js: set by scripts/bundle.mjs. */
  var MARGIN_SEARCH_BUNDLE: string | undefined;
  /** The key of that bundle's bytes. */
  var MARGIN_SEARCH_BUNDLE_KEY: string | undefined;
}

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as About;
const argv = process.argv.slice(2);

if (argv[0] === 'search') {
  // `margin search` is run as a person types, again and again: built, it runs its own bundle,
  // one script compiled from V8's code cache (`cli/compiled.ts`), instead of the thirty ES
  // modules the commands share; unbundled (tsc's dist/), the same code as modules.
  const path = globalThis.MARGIN_SEARCH_BUNDLE;
  const key = globalThis.MARGIN_SEARCH_BUNDLE_KEY;
  if (path !== undefined && key !== undefined) {
    const compiled = runCompiled({ path, key }, import.meta.url, process.env);
    await (compiled.exports as typeof import('./cli/search.js')).run(argv, pkg);
    compiled.done();
  } else await (await import('./cli/search.js')).run(argv, pkg);
} else await (await import('./cli/every-command.js')).run(argv, pkg);
