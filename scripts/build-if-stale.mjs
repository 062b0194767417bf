// `npm start` builds only when something the build reads is newer than what it made (dist/cli.js
// and the bin, dist/margin.cjs, which start runs): a fresh clone or an edited source builds once;
// every start after that is `node dist/margin.cjs` at once.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const INPUTS = [
  'source',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'scripts/bundle.mjs',
];

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/** The newest modification time under a file or folder. */
function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const made = ['dist/cli.js', 'dist/margin.cjs'].map((path) => mtime(join(root, path)));
const built = made.includes(null) ? null : Math.min(...made);
const changed = Math.max(...INPUTS.map((input) => newest(join(root, input))));
if (built !== null && built >= changed) process.exit(0);
console.error(
  built === null ? 'margin: building (first start)…' : 'margin: sources changed, building…',
);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
