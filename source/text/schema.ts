/**
 * The one schema library for files margin did not write (store files, project files, imports):
 * zod's mini build, whose schemas are functions rather than methods, so that the bundle keeps only
 * what is used. The full build carries 46 locales and every method (450 KB, 20–50 ms to load
 * before the review's first frame). The mini build has no messages of its own: English is set
 * here, once, for every schema, so messages read as they did with the full build. Import it as a
 * namespace (`import * as z`): the bundler then keeps only the functions named.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
