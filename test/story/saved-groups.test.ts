import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SavedGroups, type StoryCluster, storyKey } from '../../source/story/index.js';
import { largestFirst } from '../../source/story/saved-groups.js';

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

/** The id of a process that has ended. */
function endedPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

describe('groups kept between runs', () => {
  it("removes what a killed save left, and not a running process's save", async () => {
    const at = await file();
    const folder = dirname(at);
    const killed = endedPid();
    // What Ctrl-C during a save leaves: its temporary and journal, and another file's.
    await writeFile(`${at}.${killed}.tmp`, 'half');
    await writeFile(`${at}.${killed}.tmp-journal`, 'half');
    await writeFile(`${at}.${process.ppid}.tmp`, 'saving now');
    await writeFile(join(folder, `other.story.${killed}.tmp`), 'not ours');
    SavedGroups.save(at, { generation: 'g1', links: [] }, [cluster('g', ['a', 0], ['b', 1])], []);
    expect((await readdir(folder)).sort()).toEqual(
      [
        'corpus.sqlite.story',
        `corpus.sqlite.story.${process.ppid}.tmp`,
        `other.story.${killed}.tmp`,
      ].sort(),
    );
    const saved = SavedGroups.read(at)!;
    expect(saved.size()).toBe(1);
    saved.close();
  });

  it('gives back every group whole, in the order kept, under the key it was kept with', async () => {
    const at = await file();
    const groups = [cluster('g1', ['a', 3], ['b', 0], ['c', 7]), cluster('g2', ['b', 2], ['a', 1])];
    SavedGroups.save(at, { generation: 'g1', links: [] }, groups, [
      ['a', 'ha'],
      ['b', 'hb'],
    ]);
    const saved = SavedGroups.read(at)!;
    expect(saved.key()).toBe(storyKey('g1', []));
    expect([...saved.clusters()]).toEqual(groups);
    expect(saved.hashOf('a')).toBe('ha');
    expect(saved.hashOf('c')).toBeUndefined();
    saved.close();
    // Saved again: the old groups are gone, not added to.
    SavedGroups.save(at, { generation: 'g2', links: [] }, [groups[1]!], []);
    const again = SavedGroups.read(at)!;
    expect(again.key()).toBe(storyKey('g2', []));
    expect([...again.clusters()]).toEqual([groups[1]]);
    again.close();
  });

  it('gives back every group whole, largest first, among equals in the order kept', async () => {
    const at = await file();
    const groups = [
      cluster('two', ['a', 0], ['b', 0]),
      cluster('three', ['a', 1], ['b', 1], ['c', 1]),
      cluster('also-two', ['a', 2], ['c', 2]),
      cluster('four', ['a', 3], ['b', 3], ['c', 3], ['d', 3]),
      cluster('two-again', ['b', 4], ['d', 4]),
    ];
    SavedGroups.save(at, { generation: 'g', links: [] }, groups, []);
    const saved = SavedGroups.read(at)!;
    const sorted = [...saved.clusters()];
    const order = new Map(sorted.map((group, position) => [group.id, position]));
    sorted.sort(
      (a, b) => b.members.length - a.members.length || order.get(a.id)! - order.get(b.id)!,
    );
    expect([...saved.bySize()]).toEqual(sorted);
    expect([...saved.bySize()].map((group) => group.id)).toEqual([
      'four',
      'three',
      'two',
      'also-two',
      'two-again',
    ]);
    saved.close();
  });

  it('orders many groups largest first, equals by number, by counting as by comparing', () => {
    // 20,000 groups as `bySize` reads them (numbers ascending, with gaps), sizes of a corpus's
    // shape (most of 2-3 members, a few of thousands); then one huge group, which is sorted.
    let state = 7;
    const next = () => {
      state = (state * 48_271) % 2_147_483_647;
      return state / 2_147_483_647;
    };
    for (const huge of [0, 50_000_000]) {
      const count = 20_000;
      const numbers = new Int32Array(count);
      const sizes = new Int32Array(count);
      for (let at = 0; at < count; at++) {
        numbers[at] = at * 3 + (next() < 0.5 ? 1 : 0);
        const r = next();
        sizes[at] = r < 0.9 ? 2 + Math.floor(next() * 2) : Math.floor(1 + next() * 5_000);
      }
      if (huge) sizes[count - 1] = huge;
      const expected = Array.from({ length: count }, (_, at) => at).sort(
        (a, b) => sizes[b]! - sizes[a]! || numbers[a]! - numbers[b]!,
      );
      expect([...largestFirst(numbers, sizes)]).toEqual(expected);
    }
  });

  it('keeps a sentence named by two groups in the first of them, whatever its place in the file', async () => {
    const at = await file();
    // Members arrive in group order; the file keeps them by article and sentence.
    const groups = [
      cluster('g1', ['z', 9], ['a', 1]),
      cluster('g2', ['b', 4], ['a', 1], ['c', 0]),
      cluster('g3', ['a', 0], ['z', 9]),
    ];
    SavedGroups.save(at, { generation: 'g', links: [] }, groups, []);
    const saved = SavedGroups.read(at)!;
    const kept = [...saved.clusters()].map((each) => [
      each.id,
      each.members.map((m) => `${m.article}${m.sentence}`),
    ]);
    saved.close();
    expect(kept).toEqual([
      ['g1', ['z9', 'a1']],
      ['g2', ['b4', 'c0']],
      ['g3', ['a0']],
    ]);
  });

  it('reads one article’s groups: the first members, its own, and the whole size', async () => {
    const at = await file();
    const big = cluster(
      'big',
      ...Array.from({ length: 10 }, (_, n): [string, number] => [`x${n}`, n]),
      ['a', 4],
    );
    SavedGroups.save(
      at,
      { generation: 'g', links: [] },
      [cluster('small', ['a', 0], ['y', 1]), big],
      [],
    );
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

  it('places links made since on the kept groups, for the review only', async () => {
    const at = await file();
    SavedGroups.save(
      at,
      { generation: 'g', links: [] },
      [cluster('one', ['a', 0], ['b', 0]), cluster('two', ['c', 0], ['d', 0], ['e', 0])],
      [],
    );
    const formedKey = SavedGroups.read(at)!.key();
    const m = (article: string, sentence = 0) => ({ article, sentence });
    SavedGroups.place(
      at,
      [
        // Joins two groups: two's members follow one's.
        { kind: 'link', a: m('a'), b: m('c') },
        // A sentence in no group joins one.
        { kind: 'link', a: m('f'), b: m('a') },
        // Two sentences in no group make one.
        { kind: 'link', a: m('x', 2), b: m('y', 3) },
        // Taken out of its group.
        { kind: 'unlink', a: m('a'), b: m('d') },
        // Placed again: nothing changes.
        { kind: 'link', a: m('a'), b: m('c') },
      ],
      'after',
    );
    const saved = SavedGroups.read(at)!;
    expect(saved.holdsFor('after')).toBe(true);
    // Placed on, they no longer hold for the links they were formed with: asked again after an
    // undo took the links back, they still carry them (verify52).
    expect(saved.holdsFor(formedKey!)).toBe(false);
    // The key of what they were formed from is unchanged.
    expect(saved.key()).toBe(formedKey);
    const groups = [...saved.clusters()];
    expect(groups.map((g) => [g.id, g.members.map((each) => each.article).join('')])).toEqual([
      ['one', 'abcef'],
      [expect.stringMatching(/^story-[0-9a-f]{12}$/), 'xy'],
    ]);
    expect(saved.ofArticle('f', 30)[0]!.size).toBe(5);
    expect(saved.ofArticle('d', 30)).toEqual([]);
    saved.close();
    // An unlink that leaves one member ends the group.
    SavedGroups.place(at, [{ kind: 'unlink', a: m('x', 2), b: m('y', 3) }], 'later');
    const later = SavedGroups.read(at)!;
    expect([...later.clusters()].map((g) => g.id)).toEqual(['one']);
    expect(later.ofArticle('x', 30)).toEqual([]);
    later.close();
  });

  it('puts the groups an unlink is formed again into in place of the group it parts', async () => {
    const at = await file();
    SavedGroups.save(
      at,
      { generation: 'g', links: [] },
      [cluster('one', ['a', 0], ['b', 0], ['c', 0], ['d', 0]), cluster('two', ['e', 0], ['f', 0])],
      [],
    );
    const m = (article: string, sentence = 0) => ({ article, sentence });
    const asked: string[][] = [];
    SavedGroups.place(
      at,
      [
        // On a, rejecting b, which chained c into the group: a keeps d, b keeps c.
        { kind: 'unlink', a: m('a'), b: m('b') },
        // Not in one group: nothing asked.
        { kind: 'unlink', a: m('a'), b: m('e') },
      ],
      'after',
      (members) => {
        asked.push(members.map((each) => each.article));
        return [cluster('one-again', ['a', 0], ['d', 0]), cluster('three', ['b', 0], ['c', 0])];
      },
    );
    expect(asked).toEqual([['a', 'b', 'c', 'd']]);
    const saved = SavedGroups.read(at)!;
    // The part with the group's anchor keeps its number and id, the other comes last.
    expect(
      [...saved.clusters()].map((g) => [g.id, g.members.map((each) => each.article).join('')]),
    ).toEqual([
      ['one', 'ad'],
      ['two', 'ef'],
      ['three', 'bc'],
    ]);
    expect(saved.ofArticle('c', 30)[0]!.size).toBe(2);
    saved.close();
    // Formed again into nothing but single sentences: the group ends; given null, b alone leaves.
    SavedGroups.place(at, [{ kind: 'unlink', a: m('a'), b: m('d') }], 'later', () => [
      cluster('a', ['a', 0]),
      cluster('d', ['d', 0]),
    ]);
    SavedGroups.place(at, [{ kind: 'unlink', a: m('b'), b: m('c') }], 'last', () => null);
    const later = SavedGroups.read(at)!;
    expect([...later.clusters()].map((g) => g.id)).toEqual(['two']);
    expect(later.ofArticle('a', 30)).toEqual([]);
    later.close();
  });

  it('takes placings back, the latest first, when their links are taken back (qa53)', async () => {
    const at = await file();
    const groups = [
      cluster('one', ['a', 0], ['b', 0], ['c', 0], ['d', 0]),
      cluster('two', ['e', 0], ['f', 0]),
    ];
    SavedGroups.save(at, { generation: 'g1', links: [] }, groups, []);
    const ref = (article: string) => ({ article, sentence: 's' });
    const m = (article: string) => ({ article, sentence: 0 });
    const unlink = { kind: 'unlink' as const, a: ref('a'), b: ref('b') };
    const link = { kind: 'link' as const, a: ref('a'), b: ref('e') };
    const whole = (saved: SavedGroups) =>
      [...saved.clusters()].map((g) => [g.id, g.members.map((each) => each.article).join('')]);
    // The unlink parts `one` (its group formed again), then a link joins `two` to a's group.
    SavedGroups.place(
      at,
      [{ kind: 'unlink', a: m('a'), b: m('b') }],
      storyKey('g1', [unlink]),
      () => [cluster('one', ['a', 0], ['d', 0]), cluster('three', ['b', 0], ['c', 0])],
      [unlink],
    );
    SavedGroups.place(
      at,
      [{ kind: 'link', a: m('a'), b: m('e') }],
      storyKey('g1', [unlink, link]),
      undefined,
      [unlink, link],
    );
    const placed = SavedGroups.read(at)!;
    expect(whole(placed)).toEqual([
      ['one', 'adef'],
      ['three', 'bc'],
    ]);
    // Nothing taken back: only what is new is placed. Another corpus: formed again.
    expect(placed.plan('g1', [unlink, link])).toEqual({ revert: 0, added: [] });
    expect(placed.plan('g2', [unlink])).toBeNull();
    // The link taken back: the last placing; the unlink too: both, the groups as formed.
    expect(placed.plan('g1', [unlink])).toEqual({ revert: 1, added: [] });
    expect(placed.plan('g1', [])).toEqual({ revert: 2, added: [] });
    // The unlink taken back and the link kept: both taken back, the link placed again.
    expect(placed.plan('g1', [link])).toEqual({ revert: 2, added: [link] });
    placed.close();
    SavedGroups.place(at, [], storyKey('g1', [unlink]), undefined, [unlink], 1);
    const once = SavedGroups.read(at)!;
    expect(whole(once)).toEqual([
      ['one', 'ad'],
      ['two', 'ef'],
      ['three', 'bc'],
    ]);
    expect(once.holdsFor(storyKey('g1', [unlink]))).toBe(true);
    expect(once.plan('g1', [])).toEqual({ revert: 1, added: [] });
    once.close();
    SavedGroups.place(at, [], storyKey('g1', []), undefined, [], 1);
    const back = SavedGroups.read(at)!;
    expect(whole(back)).toEqual([
      ['one', 'abcd'],
      ['two', 'ef'],
    ]);
    expect(back.ofArticle('b', 30)[0]!.size).toBe(4);
    expect(back.holdsFor(storyKey('g1', []))).toBe(true);
    // Nothing left to take back: a link taken back from before is formed again.
    expect(back.plan('g1', [])).toEqual({ revert: 0, added: [] });
    expect(back.plan('g1', [unlink])).toEqual({ revert: 0, added: [unlink] });
    back.close();
  });

  it('takes a new generation as its own only while every text is the one it was formed from', async () => {
    const at = await file();
    const hashes: Array<[string, string]> = [
      ['a', 'ha'],
      ['b', 'hb'],
    ];
    const save = () =>
      SavedGroups.save(
        at,
        { generation: 'g1', links: [] },
        [cluster('one', ['a', 0], ['b', 0])],
        hashes,
      );
    const corpus = (b = 'hb', size = 2) => ({
      size,
      hashOf: (id: string) => ({ a: 'ha', b })[id],
    });
    const renewed = { generation: 'g2', links: [] };
    save();
    // A text changed, an article added, other links: not renewed.
    expect(SavedGroups.renew(at, renewed, corpus('changed'))).toBe(false);
    expect(SavedGroups.renew(at, renewed, corpus('hb', 3))).toBe(false);
    const link = {
      kind: 'link' as const,
      a: { article: 'a', sentence: 's' },
      b: { article: 'b', sentence: 's' },
    };
    expect(SavedGroups.renew(at, { generation: 'g2', links: [link] }, corpus())).toBe(false);
    expect(SavedGroups.read(at)!.key()).toBe(storyKey('g1', []));
    // The same texts: the groups are the new generation's.
    expect(SavedGroups.renew(at, renewed, corpus())).toBe(true);
    expect(SavedGroups.read(at)!.key()).toBe(storyKey('g2', []));
    // With links placed by the review since: renewed for those links only, still placed (the
    // commands take them as the review shows them, verify51).
    save();
    const unlink = {
      kind: 'unlink' as const,
      a: { article: 'a', sentence: 's' },
      b: { article: 'b', sentence: 's' },
    };
    SavedGroups.place(
      at,
      [{ kind: 'unlink', a: { article: 'a', sentence: 0 }, b: { article: 'b', sentence: 0 } }],
      storyKey('g1', [unlink]),
    );
    expect(SavedGroups.renew(at, renewed, corpus())).toBe(false);
    expect(SavedGroups.renew(at, { generation: 'g2', links: [link] }, corpus())).toBe(false);
    expect(SavedGroups.renew(at, { generation: 'g2', links: [unlink] }, corpus('changed'))).toBe(
      false,
    );
    expect(SavedGroups.renew(at, { generation: 'g2', links: [unlink] }, corpus())).toBe(true);
    const placed = SavedGroups.read(at)!;
    expect(placed.holdsFor(storyKey('g2', [unlink]))).toBe(true);
    // Formed from the links as kept, at the new generation: a command still knows what to place.
    expect(placed.key()).toBe(storyKey('g2', []));
    expect(placed.basis()).toEqual({ generation: 'g2', links: [] });
    expect([...placed.clusters()]).toEqual([]);
    placed.close();
  });
});
