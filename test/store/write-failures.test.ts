import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeFileAtomicQuick } from '../../source/store/atomic.js';
import { makeAnchor, openRepository } from '../../source/store/index.js';
import { withFileLock } from '../../source/store/lock.js';
import { articleFromText } from './articles.js';
import { useTempFolder } from './temp-store.js';

// A failing file system layer: the test suite runs as root, where a read-only folder or a full
// disk cannot be made without mounting one.
vi.mock('../../source/store/atomic.js', async (original) => {
  const actual = await original<typeof import('../../source/store/atomic.js')>();
  return { ...actual, writeFileAtomicQuick: vi.fn(actual.writeFileAtomicQuick) };
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
    vi.mocked(writeFileAtomicQuick).mockRejectedValueOnce(
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

describe('addMany with one group the schema refuses', () => {
  const tempFolder = useTempFolder();

  it('writes the other groups and hands the refused one back', async () => {
    const root = await tempFolder();
    const other = articleFromText('other', 'Prices rose again. Nobody said no.');
    const repo = await openRepository({ root, annotator: 'alice', articles: [article, other] });
    const made = (on: typeof article, note: string) => ({
      id: `${on.id}-1`,
      article: on.id,
      annotator: 'alice',
      label: 'claim' as const,
      anchor: makeAnchor(on, on.sentences[0]!),
      note,
      created: '2025-05-01T12:00:00.000Z',
      updated: '2025-05-01T12:00:00.000Z',
    });
    const refused: string[] = [];
    // Before, the first group's check threw out of addMany: the second was never written.
    const added = await repo.addMany(
      [made(article, 'x'.repeat(10_001)), made(other, 'fine')],
      (error, group) => refused.push(`${group[0]!.id}: ${(error as Error).message}`),
    );
    expect(added).toBe(1);
    expect(refused).toEqual([
      'full-1: annotation full-1 of full is not valid: note: a note holds at most 10,000 characters; this one has 10,001',
    ]);
    expect(repo.list().map((a) => a.article)).toEqual(['other']);
    await repo.close();
  });
});
