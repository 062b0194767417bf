/**
 * Whether git left a file unmerged (`git status`: `UU`): a merge, rebase, cherry-pick or revert
 * stopped on it. A suggestion model is marked `-merge`, so git keeps one side whole and writes no
 * conflict marker: the file reads as a model, and only git's index knows the other side waits.
 */
import { execFile } from 'node:child_process';
import { lstat, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/** What git leaves in its folder while an operation waits on conflicts. */
const UNDER_WAY = ['MERGE_HEAD', 'CHERRY_PICK_HEAD', 'REVERT_HEAD', 'rebase-merge', 'rebase-apply'];

/** The git folder of the work tree `from` is in (a worktree's `.git` file followed), or null. */
async function gitFolder(from: string): Promise<string | null> {
  let folder = resolve(from);
  for (;;) {
    const dotGit = join(folder, '.git');
    const found = await lstat(dotGit).catch(() => null);
    if (found?.isDirectory()) return dotGit;
    if (found?.isFile()) {
      const text = await readFile(dotGit, 'utf8').catch(() => '');
      const named = /^gitdir:\s*(.+?)\s*$/m.exec(text)?.[1];
      if (!named) return null;
      return isAbsolute(named) ? named : resolve(folder, named);
    }
    const up = dirname(folder);
    if (up === folder) return null;
    folder = up;
  }
}

/**
 * True when `path` is unmerged in its git work tree. Git is asked (`git ls-files -u`) only while
 * an operation is under way there, so a plain read costs a few `lstat`s; no git, no repository or
 * a git that fails all read as false: the file is then read as it is.
 */
export async function unmergedInGit(path: string): Promise<boolean> {
  const folder = await gitFolder(dirname(path));
  if (!folder) return false;
  const underWay = await Promise.all(
    UNDER_WAY.map((name) =>
      lstat(join(folder, name)).then(
        () => true,
        () => false,
      ),
    ),
  );
  if (!underWay.includes(true)) return false;
  return new Promise((answer) => {
    execFile(
      'git',
      ['ls-files', '--unmerged', '-z', '--', path],
      { cwd: dirname(path), timeout: 5000, maxBuffer: 1 << 20 },
      (error, stdout) => answer(!error && stdout.length > 0),
    );
  });
}
