import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { articleFromText } from './articles.js';
import { useTempFolder } from './temp-store.js';

// A failing file system layer: the test suite runs as root, where a read-only folder or a full
// disk cannot be made without mounting one. The suite's workers run many files without
// isolation, so the store is imported afresh over the mocks here and afresh without them after.
const atomicPath = '../../source/store/atomic.js';
const lockPath = '../../source/store/lock.js';
let writeFileAtomic: typeof import('../../source/store/atomic.js').writeFileAtomic;
let withFileLock: typeof import('../../source/store/lock.js').withFileLock;
let openRepository: typeof import('../../source/store/index.js').openRepository;

beforeAll(async () => {
  vi.resetModules();
  vi.doMock(atomicPath, async (original) => {
    const actual = await original<typeof import('../../source/store/atomic.js')>();
    return { ...actual, writeFileAtomic: vi.fn(actual.writeFileAtomic) };
  });
  vi.doMock(lockPath, async (original) => {
    const actual = await original<typeof import('../../source/store/lock.js')>();
    return { ...actual, withFileLock: vi.fn(actual.withFileLock) };
  });
  ({ writeFileAtomic } = await import('../../source/store/atomic.js'));
  ({ withFileLock } = await import('../../source/store/lock.js'));
  ({ openRepository } = await import('../../source/store/index.js'));
});

afterAll(() => {
  vi.doUnmock(atomicPath);
  vi.doUnmock(lockPath);
  vi.resetModules();
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
