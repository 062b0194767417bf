import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ioReason } from '../../source/corpus/io-reason.js';
import { ArticleHashes } from '../../source/story/article-hashes.js';
import { SavedGroups, SavingThread, StoryIndex } from '../../source/story/index.js';
import { seedArticles } from '../search/articles.js';
import { useTempFolder } from '../store/temp-store.js';

/** Every row a kept file holds, as `SavedGroups` reads them back. */
function rows(file: string, ids: readonly string[]) {
  const kept = SavedGroups.read(file)!;
  try {
    const hashes = ids.map((id) => kept.hashOf(id));
    return { key: kept.key(), basis: kept.basis(), groups: [...kept.clusters()], hashes };
  } finally {
    kept.close();
  }
}

describe('the groups kept on a thread of their own', () => {
  const folder = useTempFolder();

  it('writes, piece by piece as they are packed, the file the index’s thread writes', async () => {
    const seeds = await seedArticles();
    const index = new StoryIndex();
    for (const article of seeds) index.add(article);
    index.build();
    const basis = { generation: 'g1', links: [] };
    const hashes = new Map(seeds.map((article) => [article.id, `hash of ${article.id}`]));
    const dir = await folder();
    const here = join(dir, 'here.story');
    SavedGroups.save(here, basis, index.groupsInOrder(), hashes);

    // Pieces of one member at most: each group whole in a piece of its own.
    const pieces = [...index.groupLists(1)];
    const groups = [...index.groupsInOrder()];
    expect(groups.length).toBeGreaterThan(3);
    expect(pieces.length).toBe(groups.length);
    expect(pieces.flatMap((piece) => [...piece.clusters()])).toEqual(groups);
    expect([...index.groupList().clusters()]).toEqual(groups);

    const there = join(dir, 'there.story');
    const saving = new SavingThread(there, basis, index.articleIdList);
    // The hashes first, as `margin index --story` hands them, before the groups are packed.
    const packed = new ArticleHashes();
    for (const [id, hash] of hashes) packed.set(id, hash);
    saving.hashes(packed);
    for (const piece of index.groupLists(3)) await saving.write(piece);
    await saving.finish();
    const ids = index.articleIdList;
    expect(rows(there, ids)).toEqual(rows(here, ids));
    expect(rows(there, ids).groups).toEqual(groups);
    expect(rows(there, ids).hashes).toContain(`hash of ${ids[0]}`);
    // The temporary was renamed over the file: nothing else is left.
    expect((await readdir(dir)).sort()).toEqual(['here.story', 'there.story']);
  });

  it('says why the groups could not be kept, and leaves nothing behind', async () => {
    const dir = await folder();
    const index = new StoryIndex();
    for (const article of await seedArticles()) index.add(article);
    index.build();
    // A folder where the file goes: the writing succeeds, the renaming over it does not.
    await mkdir(join(dir, 'corpus.story'));
    const saving = new SavingThread(
      join(dir, 'corpus.story'),
      { generation: 'g1', links: [] },
      index.articleIdList,
    );
    for (const piece of index.groupLists(3)) await saving.write(piece);
    const failure = await saving.finish().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(ioReason(failure, 'file')).toBe('it is a folder');
    expect(await readdir(dir)).toEqual(['corpus.story']);
  });
});
