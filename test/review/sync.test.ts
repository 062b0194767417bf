import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotMarks, storeWarnings } from '../../source/review/sync.js';
import { openRepository } from '../../source/store/index.js';
import { articleFromText } from '../store/articles.js';
import { useTempFolder } from '../store/temp-store.js';

describe('store problems on the review screen', () => {
  const tempFolder = useTempFolder();

  it('name the refused file once, in the warnings and in the read-only reason', async () => {
    const root = await tempFolder();
    await mkdir(join(root, 'alice'));
    await writeFile(join(root, 'alice', 'future.json'), '');
    const article = articleFromText('future', 'A fine sentence. Another fine one.');
    const repository = await openRepository({ root, annotator: 'alice', articles: [article] });
    const path = join(root, 'alice', 'future.json');
    expect(storeWarnings(repository)).toEqual([`${path}: the file is empty (read-only)`]);
    expect(snapshotMarks(repository, ['future']).future?.readOnly).toBe(
      `${path}: the file is empty`,
    );
    await repository.close();
  });
});

describe('a refused store file whose folder name holds a line break', () => {
  const tempFolder = useTempFolder();

  // 2026-12-05: the problems panel named `nl name/…`, the break turned into a space.
  it('is named with `\\n` in the warnings', async () => {
    const root = await tempFolder();
    await mkdir(join(root, 'nl\nname'));
    await writeFile(join(root, 'nl\nname', 'future.json'), '');
    const article = articleFromText('future', 'A fine sentence. Another fine one.');
    const repository = await openRepository({ root, annotator: 'alice', articles: [article] });
    const shown = join(root, 'nl\\nname', 'future.json');
    expect(storeWarnings(repository)).toEqual([`${shown}: the file is empty (read-only)`]);
    await repository.close();
  });
});
