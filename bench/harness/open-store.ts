/**
 * The smallest command that opens the store: `node open-store.js STORE CACHE_DIR` opens it
 * (the index checked against every file, changed files read), counts its files and closes.
 */
import { openRepository } from '../../source/store/index.js';

const [root, cacheDir] = process.argv.slice(2);
if (!root || !cacheDir) throw new Error('usage: open-store STORE CACHE_DIR');
const repository = await openRepository({ root, annotator: 'bench', cacheDir });
process.stdout.write(`${repository.tallies().length}\n`);
await repository.close();
