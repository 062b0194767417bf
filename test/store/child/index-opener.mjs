// Opens the store index in the cache folder through the built store (dist/) the moment the
// parent creates the `go` file, writes one row of its own, and prints where the index lives.
import { existsSync } from 'node:fs';
import { openStoreIndex } from '../../../dist/store/index-file.js';

const { cacheDir, root, go, name } = JSON.parse(process.argv[2]);
process.stdout.write('ready\n');
// Spinning, not sleeping: the openers start within microseconds of each other.
while (!existsSync(go)) {}
const index = openStoreIndex(cacheDir, root);
index.put({
  path: `${name}/a.json`,
  folder: name,
  annotator: name,
  article: 'a',
  signature: '1:1:1:1',
  mtimeMs: 1,
  readAt: 2,
  fingerprint: null,
  doc: null,
  reason: 'not valid JSON',
});
process.stdout.write(`${index.db.name === ':memory:' ? 'memory' : 'file'}\n`);
index.close();
