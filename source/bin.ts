import { readFileSync } from 'node:fs';
import { runCompiled } from './cli/compiled.js';
import type { exitWhenWritten, run } from './cli/search.js';
import type { About } from './commands/main.js';

declare global {
  /** The bundle of `margin search` alone, relative to this script: set by scripts/bundle.mjs. */
  var MARGIN_SEARCH_BUNDLE: string | undefined;
  /** The key of that bundle's bytes. */
  var MARGIN_SEARCH_BUNDLE_KEY: string | undefined;
}

/**
 * The program package.json's `bin` names (`dist/margin.cjs`), a CommonJS script beside
 * `cli.js`: Node starts a CommonJS entry and its built-ins 10–15 ms sooner than an ES one
 * (`cli.js`, an ES module by its name and `"type": "module"`), which `margin search`, run again
 * and again as a person types, never needs. Search runs its own bundle from V8's code cache
 * (`cli/compiled.ts`); every other command goes on to `cli.js`.
 */
const argv = process.argv.slice(2);
const path = globalThis.MARGIN_SEARCH_BUNDLE;
const key = globalThis.MARGIN_SEARCH_BUNDLE_KEY;
if (argv[0] === 'search' && path !== undefined && key !== undefined) {
  const about = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  ) as About;
  const compiled = runCompiled({ path, key }, import.meta.url, process.env);
  const search = compiled.exports as { run: typeof run; exitWhenWritten: typeof exitWhenWritten };
  void search.run(argv, about).then(() => {
    // The code cache first: the exit comes right after. A search that found nothing (exit status
    // 1) or could not search (2) compiled none of the reading and printing of hits: its cache is
    // replaced by the next one's that did, which holds them (3-4 ms of CPU a search; search44).
    compiled.done(process.exitCode === 0);
    search.exitWhenWritten();
  });
} else {
  void import(new URL('./cli.js', import.meta.url).href);
}
