import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command as exportCommand } from '../../source/commands/export.js';
import { run, useWorkspace } from './workspace.js';

/** A store file as margin would hold it; the export must leave it byte for byte. */
const STORE_FILE = '{"kept": true}\n';

async function withStore(dir: string) {
  await mkdir(join(dir, 'store', 'alice'), { recursive: true });
  await writeFile(join(dir, 'store', 'alice', 'uni.json'), STORE_FILE);
}

describe('margin export --out inside the store', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it('refuses a file, a folder or a link into the store, before writing anything', async () => {
    const dir = await workspace();
    await withStore(dir);
    await symlink(join(dir, 'store', 'alice'), join(dir, 'linked'));
    const cases: Array<[string, string]> = [
      ['jsonl', 'store/alice/uni.json'],
      ['csv', 'store/new.csv'],
      ['brat', 'store'],
      ['brat', './store/../store/brat/'],
      ['csv', 'linked/new.csv'],
    ];
    for (const [format, out] of cases) {
      const result = await run(exportCommand, dir, [], { format, out });
      expect(result.status, out).toBe(2);
      expect(result.stderr).toBe(
        `margin export: --out ${out} is inside the annotation store store: export somewhere else\n`,
      );
    }
    expect(await readFile(join(dir, 'store', 'alice', 'uni.json'), 'utf8')).toBe(STORE_FILE);
    expect((await readdir(join(dir, 'store'))).sort()).toEqual(['alice']);
    expect(await readdir(join(dir, 'store', 'alice'))).toEqual(['uni.json']);
  });

  it('still writes beside the store, under a name that starts like it', async () => {
    const dir = await workspace();
    await withStore(dir);
    const result = await run(exportCommand, dir, [], { format: 'csv', out: 'store.csv' });
    expect(result.status).toBe(1);
    expect(result.stderr).not.toContain('inside the annotation store');
    expect(await readFile(join(dir, 'store.csv'), 'utf8')).toContain('article');
  });
});
