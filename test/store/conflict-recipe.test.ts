import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serialise } from '../../source/store/format.js';
import { parseStoreText } from '../../source/store/parse.js';
import type { StoreDoc, StoredAnnotation } from '../../source/store/schema.js';

// qa53 #2: store.md's recipe took `:2:` for "the side you had"; during `git pull --rebase` that
// is the side pulled, so alice's own note on this laptop was replaced by the other laptop's.
// This runs the recipe as store.md prints it, on a merge and on a rebase.

const repoRoot = join(import.meta.dirname, '..', '..');
const storeDoc = readFileSync(join(repoRoot, 'docs', 'readme', 'store.md'), 'utf8');
const section = storeDoc.slice(storeDoc.indexOf('### A conflict in a store file'));
const recipe = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
const file = /^f=(\S+)$/m.exec(recipe)![1]!;
const hasJq = spawnSync('jq', ['--version']).status === 0;

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_EDITOR: 'true', GIT_CONFIG_NOSYSTEM: '1', HOME: cwd },
  });

const annotation = (id: string, start: number, note: string, updated: string) =>
  ({
    id,
    label: 'claim',
    anchor: {
      sentence: `s${start}`,
      start,
      end: start + 10,
      quote: 'x'.repeat(10),
      prefix: '',
      suffix: '',
      textHash: 'h',
    },
    note,
    created: '2026-12-01T00:00:00.000Z',
    updated,
  }) as StoredAnnotation;

const doc = (status: StoreDoc['status'], annotations: StoredAnnotation[]): StoreDoc => ({
  schema: 'margin.annotations',
  version: 1,
  article: /([^/]+)\.json$/.exec(file)![1]!,
  annotator: file.split('/')[1]!,
  status,
  annotations,
});

/** Two clones of one store: each edits the same annotation and adds one; b then pulls. */
async function conflict(mode: 'merge' | 'rebase', later: 'a' | 'b'): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'margin-recipe-'));
  folders.push(root);
  const write = async (clone: string, content: StoreDoc) => {
    const path = join(root, clone, file);
    await mkdir(dirname(path), { recursive: true });
    writeFileSync(path, serialise(content));
  };
  const origin = join(root, 'origin.git');
  git(root, 'init', '-q', '--bare', origin);
  const base = annotation('shared', 0, 'base note', '2026-12-01T00:00:00.000Z');
  for (const clone of ['a', 'b']) {
    git(root, 'clone', '-q', origin, clone);
    git(join(root, clone), 'config', 'user.email', 'q@x');
    git(join(root, clone), 'config', 'user.name', 'q');
  }
  await write('a', doc('in progress', [base]));
  git(join(root, 'a'), 'add', '-A');
  git(join(root, 'a'), 'commit', '-qm', 'base');
  git(join(root, 'a'), 'push', '-q', 'origin', 'HEAD');
  git(join(root, 'b'), 'pull', '-q', '--no-rebase', 'origin', 'HEAD');
  const time = (side: string) =>
    side === later ? '2026-12-03T00:00:00.000Z' : '2026-12-02T00:00:00.000Z';
  await write('a', {
    ...doc('in progress', [
      { ...base, note: 'note typed on laptop a', updated: time('a') },
      annotation('only-a', 20, 'a', time('a')),
    ]),
  });
  git(join(root, 'a'), 'commit', '-qam', 'alice on a');
  git(join(root, 'a'), 'push', '-q', 'origin', 'HEAD');
  await write(
    'b',
    doc('done', [
      { ...base, note: 'note typed on laptop b', updated: time('b') },
      annotation('only-b', 40, 'b', time('b')),
    ]),
  );
  git(join(root, 'b'), 'commit', '-qam', 'alice on b');
  const pulled = spawnSync('git', ['pull', '-q', `--${mode === 'rebase' ? '' : 'no-'}rebase`], {
    cwd: join(root, 'b'),
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: join(root, 'b') },
  });
  expect(pulled.status).not.toBe(0);
  expect(git(join(root, 'b'), 'status', '--porcelain')).toContain(`UU ${file}`);
  execFileSync('sh', ['-e', '-c', recipe], { cwd: join(root, 'b'), stdio: 'pipe' });
  if (mode === 'rebase') git(join(root, 'b'), 'rebase', '--continue');
  else git(join(root, 'b'), 'commit', '-q', '--no-edit');
  return readFileSync(join(root, 'b', file), 'utf8');
}

describe.skipIf(!hasJq)("store.md's recipe for a conflict in a store file", () => {
  for (const mode of ['merge', 'rebase'] as const) {
    for (const later of ['a', 'b'] as const) {
      it(`keeps both sides and the later edit (${mode}, laptop ${later} edited last)`, async () => {
        const resolved = parseStoreText(await conflict(mode, later));
        const byId = new Map(resolved.annotations.map((entry) => [entry.id, entry]));
        expect([...byId.keys()].sort()).toEqual(['only-a', 'only-b', 'shared']);
        expect(byId.get('shared')!.note).toBe(`note typed on laptop ${later}`);
        expect(resolved.status).toBe('done');
      });
    }
  }
});
