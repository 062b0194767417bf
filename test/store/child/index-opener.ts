// Opens the store index in the cache folder the moment the parent creates the `go` file, writes
// one row of its own, and prints where the index lives. Run as a bundle (child-bundle.ts).
import { existsSync } from 'node:fs';
import { openStoreIndex } from '../../../source/store/index-file.js';

const { cacheDir, root, go, name } = JSON.parse(process.argv[2]!);
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
// The database is the index's own (private): where it lives is what the parent checks.
const { db } = index as unknown as { db: { name: string } };
process.stdout.write(`${db.name === ':memory:' ? 'memory' : 'file'}\n`);
index.close();
