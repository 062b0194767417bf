import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../source/store/atomic.js';
import { openRepository } from '../../source/store/index.js';
import { withFileLock } from '../../source/store/lock.js';
import { articleFromText } from './articles.js';
import { useTempFolder } from './temp-store.js';

// A failing file system layer: the test suite runs as root, where a read-only folder or a full
// disk cannot be made without mounting one.
vi.mock('../../source/store/atomic.js', async (original) => {
  const actual = await original<typeof import('../../source/store/atomic.js')>();
  return { ...actual, writeFileAtomic: vi.fn(actual.writeFileAtomic) };
});
vi.mock('../../source/store/lock.js', async (original) => {
  const actual = await original<typeof import('../../source/store/lock.js')>();
  return { ...actual, withFileLock: vi.fn(actual.withFileLock) };
});

const article = articleFromText('full', 'The vote was held on Monday. Turnout was high.');

function systemError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

describe('a write the disk refuses', () => {
  const tempFolder = useTempFolder();

  it('names the store file and says the disk is full, and the next try goes through', async () => {
    const root = await tempFolder();
    const repo = await openRepository({ root, annotator: 'alice', articles: [article] });
    vi.mocked(writeFileAtomic).mockRejectedValueOnce(
      systemError('ENOSPC', 'no space left on device, write'),
    );
    await expect(repo.tag(article, article.sentences[0]!.id, 'claim')).rejects.toThrow(
      `cannot save ${join(root, 'alice', 'full.json')}: the disk is full; free some space and margin retries`,
    );
    await repo.tag(article, article.sentences[0]!.id, 'claim');
    expect(repo.list().map((a) => a.label)).toEqual(['claim']);
    await repo.close();
  });

  it('names the store file, not its lock, when the file system is read-only', async () => {
    const root = await tempFolder();
    const repo = await openRepository({ root, annotator: 'alice', articles: [article] });
    vi.mocked(withFileLock).mockRejectedValueOnce(
      systemError(
        'EROFS',
        `read-only file system, open '${join(root, 'alice', '.full.json.lock')}'`,
      ),
    );
    const failure = repo.setStatus(article.id, 'done');
    await expect(failure).rejects.toThrow(
      `cannot save ${join(root, 'alice', 'full.json')}: the file system is read-only`,
    );
    await expect(failure).rejects.not.toThrow(/\.lock/);
    await repo.close();
  });
});
