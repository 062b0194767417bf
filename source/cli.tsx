#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import type { About } from './commands/main.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as About;
const argv = process.argv.slice(2);

// `margin` itself (package.json's `bin`, `bin.ts`) runs `margin search` from a bundle of its own
// and comes here for every other command; `node dist/cli.js search` runs the same code as modules.
if (argv[0] === 'search') await (await import('./cli/search.js')).run(argv, pkg);
else await (await import('./cli/every-command.js')).run(argv, pkg);
