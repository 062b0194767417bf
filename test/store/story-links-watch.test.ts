import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStoryLinks, saveStoryLink, watchStoryLinks } from '../../source/store/index.js';
import { eventually } from '../helpers/patience.js';
import { useTempFolder } from './temp-store.js';

const link = (n: number) => ({
  kind: 'link' as const,
  a: { article: 'a', sentence: `a-s${n}` },
  b: { article: 'b', sentence: `b-s${n}` },
});

describe('watching the reviewers’ story links', () => {
  const tempFolder = useTempFolder();

  it('reports the link files other reviewers’ links arrive in, new folders too', async () => {
    const root = await tempFolder();
    await saveStoryLink(root, 'ana', link(1), new Date());
    await mkdir(join(root, 'ben'));
    let reported = 0;
    const stop = watchStoryLinks(root, () => {
      reported++;
    });
    try {
      // Give the watcher a change it must see: ben's first link (as `git pull` would bring it).
      await saveStoryLink(root, 'ben', link(2), new Date());
      await eventually(() => (reported > 0 ? true : undefined), 'the report of ben’s links');
      const afterBen = reported;
      // A new reviewer's folder, made after watching began, is watched too.
      await saveStoryLink(root, 'cleo', link(3), new Date());
      await eventually(
        () => (reported > afterBen ? true : undefined),
        'the report of cleo’s links',
      );
    } finally {
      stop();
    }
  });
});

describe('saving a story link', () => {
  const tempFolder = useTempFolder();

  it('gives what it replaced, and withdraws a pair’s record on forget', async () => {
    const root = await tempFolder();
    expect(await saveStoryLink(root, 'ana', link(1))).toBeNull();
    const unlink = { ...link(1), kind: 'unlink' as const };
    // Told the other way round, it is the same pair.
    const swapped = { kind: 'unlink' as const, a: link(1).b, b: link(1).a };
    expect(await saveStoryLink(root, 'ana', swapped)).toEqual(link(1));
    expect(await saveStoryLink(root, 'ana', { kind: 'forget', a: unlink.a, b: unlink.b })).toEqual(
      swapped,
    );
    expect((await readStoryLinks(root)).links).toEqual([]);
    expect(
      await saveStoryLink(root, 'ana', { kind: 'forget', a: unlink.a, b: unlink.b }),
    ).toBeNull();
  });
});
