import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SavedGroups, type StoryCluster, storyKey } from '../../source/story/index.js';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function file(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'margin-saved-groups-'));
  made.push(dir);
  return join(dir, 'corpus.sqlite.story');
}

const cluster = (id: string, ...members: Array<[string, number]>): StoryCluster => {
  const list = members.map(([article, sentence]) => ({ article, sentence }));
  return { id, anchor: list[0]!, members: list };
};

describe('groups kept between runs', () => {
  it('gives back every group whole, in the order kept, under the key it was kept with', async () => {
    const at = await file();
    const groups = [cluster('g1', ['a', 3], ['b', 0], ['c', 7]), cluster('g2', ['b', 2], ['a', 1])];
    SavedGroups.save(at, 'key-1', groups, [
      ['a', 'ha'],
      ['b', 'hb'],
    ]);
    const saved = SavedGroups.read(at)!;
    expect(saved.key()).toBe('key-1');
    expect([...saved.clusters()]).toEqual(groups);
    expect(saved.hashOf('a')).toBe('ha');
    expect(saved.hashOf('c')).toBeUndefined();
    saved.close();
    // Saved again: the old groups are gone, not added to.
    SavedGroups.save(at, 'key-2', [groups[1]!], []);
    const again = SavedGroups.read(at)!;
    expect(again.key()).toBe('key-2');
    expect([...again.clusters()]).toEqual([groups[1]]);
    again.close();
  });

  it('reads one article’s groups: the first members, its own, and the whole size', async () => {
    const at = await file();
    const big = cluster(
      'big',
      ...Array.from({ length: 10 }, (_, n): [string, number] => [`x${n}`, n]),
      ['a', 4],
    );
    SavedGroups.save(at, 'k', [cluster('small', ['a', 0], ['y', 1]), big], []);
    const saved = SavedGroups.read(at)!;
    const read = saved.ofArticle('a', 3);
    expect(read.map((group) => [group.id, group.size])).toEqual([
      ['small', 2],
      ['big', 11],
    ]);
    expect(read[1]!.members).toEqual([
      { article: 'x0', sentence: 0 },
      { article: 'x1', sentence: 1 },
      { article: 'x2', sentence: 2 },
      { article: 'a', sentence: 4 },
    ]);
    expect(read[1]!.anchor).toEqual({ article: 'x0', sentence: 0 });
    expect(saved.ofArticle('nowhere', 3)).toEqual([]);
    saved.close();
  });

  it('counts a missing or unreadable file as no groups kept', async () => {
    const at = await file();
    expect(SavedGroups.read(at)).toBeNull();
    await writeFile(at, 'not a database');
    expect(SavedGroups.read(at)).toBeNull();
  });

  it('keys the groups by the engine, the corpus’s generation and the links', () => {
    const link = {
      kind: 'link' as const,
      a: { article: 'a', sentence: 's1' },
      b: { article: 'b', sentence: 's2' },
    };
    expect(storyKey('g1', [])).toBe(storyKey('g1', []));
    expect(storyKey('g1', [])).not.toBe(storyKey('g2', []));
    expect(storyKey('g1', [])).not.toBe(storyKey('g1', [link]));
  });
});
