import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ArticleChange,
  type ClusterMember,
  placedId,
  SavedGroups,
  type StoryCluster,
  storyKey,
} from '../../source/story/index.js';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function file(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'margin-placed-articles-'));
  made.push(dir);
  return join(dir, 'corpus.sqlite.story');
}

const cluster = (id: string, ...members: Array<[string, number]>): StoryCluster => {
  const list = members.map(([article, sentence]) => ({ article, sentence }));
  return { id, anchor: list[0]!, members: list };
};
const m = (article: string, sentence = 0): ClusterMember => ({ article, sentence });
/** Each group as its id and members (article and position), in the order kept. */
const whole = (at: string) => {
  const saved = SavedGroups.read(at)!;
  try {
    return [...saved.clusters()].map((g) => [
      g.id,
      g.members.map((each) => `${each.article}${each.sentence}`).join(' '),
    ]);
  } finally {
    saved.close();
  }
};
const change = (over: Partial<ArticleChange>): ArticleChange => ({
  generation: 'g2',
  numbers: 9,
  from: 5,
  out: [],
  hashes: [],
  groups: [],
  isNew: (article) => article === 'n',
  agrees: () => true,
  ...over,
});

describe('articles placed on kept groups', () => {
  it('puts an added article’s sentences in their partners’ kept groups where the anchor agrees, else in new ones', async () => {
    const at = await file();
    SavedGroups.save(
      at,
      { generation: 'g1', links: [], numbers: 5 },
      [cluster('one', ['a', 0], ['b', 0], ['c', 0]), cluster('two', ['d', 0], ['e', 0])],
      ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => [id, `h${id}`] as [string, string]),
    );
    const asked: string[] = [];
    SavedGroups.placeArticles(
      at,
      change({
        hashes: [['n', 'hn']],
        groups: [
          // With b, of `one`, whose anchor agrees: n0 joins `one` at its end.
          cluster('x', ['b', 0], ['n', 0]),
          // With d, of `two`, whose anchor does not: n1 stays alone (d keeps its group).
          cluster('y', ['d', 0], ['n', 1]),
          // With f, in no group: a new group of both, under the engine's id.
          cluster('z', ['f', 0], ['n', 2]),
          // With c, of `one`, which holds n0 already: n3 and nothing else makes no group.
          cluster('w', ['c', 0], ['n', 3]),
        ],
        agrees: (member, anchor) => {
          asked.push(`${member.article}${member.sentence}~${anchor.article}${anchor.sentence}`);
          return anchor.article !== 'd';
        },
      }),
    );
    expect(asked).toEqual(['n0~a0', 'n1~d0']);
    expect(whole(at)).toEqual([
      ['one', 'a0 b0 c0 n0'],
      ['two', 'd0 e0'],
      ['z', 'f0 n2'],
    ]);
    const saved = SavedGroups.read(at)!;
    expect(saved.hashOf('n')).toBe('hn');
    expect(saved.articleCount()).toBe(7);
    expect(saved.basis()).toEqual({ generation: 'g2', links: [], numbers: 9 });
    expect(saved.holdsFor(storyKey('g2', []))).toBe(true);
    expect(saved.formedByThisEngine()).toBe(true);
    expect(saved.articlesPlaced()).toBe(1);
    expect(saved.ofArticle('n', 30).map((group) => [group.id, group.size])).toEqual([
      ['one', 4],
      ['z', 2],
    ]);
    saved.close();
    // Found by another process too before this one placed it: not placed twice.
    expect(() =>
      SavedGroups.placeArticles(
        at,
        change({ hashes: [['n', 'hn']], groups: [cluster('x', ['b', 0], ['n', 0])] }),
      ),
    ).toThrow('changed while the articles were placed');
    expect(whole(at)[0]).toEqual(['one', 'a0 b0 c0 n0']);
  });

  it('makes a placed sentence dated before the group’s anchor its anchor, the group named from it', async () => {
    const at = await file();
    SavedGroups.save(
      at,
      { generation: 'g1', links: [], numbers: 5 },
      [cluster('one', ['a', 0], ['b', 0]), cluster('two', ['d', 0], ['e', 0])],
      ['a', 'b', 'd', 'e'].map((id) => [id, `h${id}`] as [string, string]),
    );
    SavedGroups.placeArticles(
      at,
      change({
        hashes: [['n', 'hn']],
        groups: [cluster('x', ['b', 0], ['n', 0]), cluster('y', ['e', 0], ['n', 1])],
        // n is dated before a, not before d.
        before: (member, anchor) => member.article === 'n' && anchor.article === 'a',
      }),
    );
    expect(whole(at)).toEqual([
      [placedId(m('n', 0)), 'n0 a0 b0'],
      ['two', 'd0 e0 n1'],
    ]);
    const saved = SavedGroups.read(at)!;
    expect(saved.ofArticle('n', 30).map((group) => [group.id, group.size])).toEqual([
      [placedId(m('n', 0)), 3],
      ['two', 3],
    ]);
    saved.close();
  });

  it('takes a removed or changed article’s members out, each group it was in formed again without them', async () => {
    const at = await file();
    SavedGroups.save(
      at,
      { generation: 'g1', links: [], numbers: 5 },
      [
        cluster('one', ['a', 0], ['b', 0], ['c', 0], ['d', 0]),
        cluster('two', ['b', 1], ['e', 0]),
        cluster('three', ['f', 0], ['g', 0], ['h', 0]),
      ],
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => [id, `h${id}`] as [string, string]),
    );
    const asked: string[] = [];
    SavedGroups.placeArticles(
      at,
      change({
        // b removed; f changed (its new text grouped with nothing).
        out: ['b', 'f'],
        hashes: [
          ['f', 'hf2'],
          ['b', null],
        ],
        isNew: (article) => article === 'f',
        regroup: (members) => {
          const articles = members.map((each) => each.article).join('');
          asked.push(articles);
          // c was joined to `one` through b only; g and h stay together, g now the anchor.
          return articles === 'acd'
            ? [cluster('one-again', ['a', 0], ['d', 0]), cluster('c', ['c', 0])]
            : [cluster('gh', ['g', 0], ['h', 0])];
        },
      }),
    );
    // `two` is left with e alone: nothing to form again.
    expect(asked).toEqual(['acd', 'gh']);
    expect(whole(at)).toEqual([
      ['one', 'a0 d0'],
      ['gh', 'g0 h0'],
    ]);
    const saved = SavedGroups.read(at)!;
    expect(saved.hashOf('b')).toBeUndefined();
    expect(saved.hashOf('f')).toBe('hf2');
    expect(saved.articleCount()).toBe(7);
    expect(saved.articlesPlaced()).toBe(2);
    saved.close();
  });

  it('is never taken back: links placed after it are, one taken back from before it has the groups formed again', async () => {
    const at = await file();
    SavedGroups.save(
      at,
      { generation: 'g1', links: [], numbers: 5 },
      [cluster('one', ['a', 0], ['b', 0], ['c', 0]), cluster('two', ['d', 0], ['e', 0])],
      ['a', 'b', 'c', 'd', 'e'].map((id) => [id, `h${id}`] as [string, string]),
    );
    const ref = (article: string) => ({ article, sentence: 's' });
    const unlink = { kind: 'unlink' as const, a: ref('a'), b: ref('c') };
    const link = { kind: 'link' as const, a: ref('a'), b: ref('d') };
    SavedGroups.place(
      at,
      [{ kind: 'unlink', a: m('a'), b: m('c') }],
      storyKey('g1', [unlink]),
      undefined,
      [unlink],
    );
    SavedGroups.placeArticles(
      at,
      change({ hashes: [['n', 'hn']], groups: [cluster('x', ['b', 0], ['n', 0])] }),
    );
    expect(whole(at)).toEqual([
      ['one', 'a0 b0 n0'],
      ['two', 'd0 e0'],
    ]);
    const placed = SavedGroups.read(at)!;
    // The groups stand for the unlink at the new generation.
    expect(placed.holdsFor(storyKey('g2', [unlink]))).toBe(true);
    expect(placed.plan('g2', [unlink, link])).toEqual({ revert: 0, added: [link] });
    // The unlink taken back: from before the articles, so the groups are formed again.
    expect(placed.plan('g2', [])).toBeNull();
    placed.close();
    SavedGroups.place(
      at,
      [{ kind: 'link', a: m('a'), b: m('d') }],
      storyKey('g2', [unlink, link]),
      undefined,
      [unlink, link],
    );
    expect(whole(at)).toEqual([['one', 'a0 b0 n0 d0 e0']]);
    const linked = SavedGroups.read(at)!;
    // The link taken back: its placing only, the article stays placed.
    expect(linked.plan('g2', [unlink])).toEqual({ revert: 1, added: [] });
    expect(linked.plan('g2', [])).toBeNull();
    linked.close();
    SavedGroups.place(at, [], storyKey('g2', [unlink]), undefined, [unlink], 1);
    expect(whole(at)).toEqual([
      ['one', 'a0 b0 n0'],
      ['two', 'd0 e0'],
    ]);
    const back = SavedGroups.read(at)!;
    expect(back.hashOf('n')).toBe('hn');
    expect(back.holdsFor(storyKey('g2', [unlink]))).toBe(true);
    back.close();
  });

  it('writes an earlier-dated anchor’s row alone in a large group, and keeps an undo of what it wrote', async () => {
    const at = await file();
    // A group of template sentences: 600 members.
    const many = Array.from({ length: 600 }, (_, i) => [`t${i}`, 0] as [string, number]);
    SavedGroups.save(
      at,
      { generation: 'g1', links: [], numbers: 5 },
      [cluster('one', ...many), cluster('two', ['d', 0], ['e', 0])],
      [...many.map(([id]) => id), 'd', 'e'].map((id) => [id, `h${id}`] as [string, string]),
    );
    // Every row written into the members from here on, counted by the file itself.
    const counting = new Database(at);
    counting.exec(`
      CREATE TABLE written (rows INTEGER NOT NULL); INSERT INTO written VALUES (0);
      CREATE TRIGGER count_in AFTER INSERT ON members BEGIN UPDATE written SET rows = rows + 1; END;
      CREATE TRIGGER count_out AFTER DELETE ON members BEGIN UPDATE written SET rows = rows + 1; END;
      CREATE TRIGGER count_moved AFTER UPDATE ON members BEGIN UPDATE written SET rows = rows + 1; END;
    `);
    const written = () => counting.prepare('SELECT rows FROM written').pluck().get() as number;
    const undone = () =>
      (
        counting
          .prepare('SELECT undo FROM placings ORDER BY step DESC LIMIT 1')
          .pluck()
          .get() as string
      ).length;
    SavedGroups.placeArticles(
      at,
      change({
        hashes: [['n', 'hn']],
        groups: [cluster('x', ['t7', 0], ['n', 0])],
        before: (member) => member.article === 'n',
      }),
    );
    const order = ['n0', ...many.map(([id]) => `${id}0`)].join(' ');
    expect(whole(at)).toEqual([
      [placedId(m('n', 0)), order],
      ['two', 'd0 e0'],
    ]);
    // One row: the new anchor's (the group rewritten was 1,201), and an undo of a few entries
    // (the group kept whole in it was 600 members of JSON).
    expect(written()).toBe(1);
    expect(undone()).toBeLessThan(200);
    const saved = SavedGroups.read(at)!;
    expect(saved.ofArticle('n', 2)).toEqual([
      { id: placedId(m('n', 0)), anchor: m('n'), members: [m('n'), m('t0')], size: 601 },
    ]);
    saved.close();
    // A link joins the large group after `two`, in its order, and is taken back as it came.
    const link = {
      kind: 'link' as const,
      a: { article: 'd', sentence: 's' },
      b: { article: 'n', sentence: 's' },
    };
    SavedGroups.place(
      at,
      [{ kind: 'link', a: m('d'), b: m('n') }],
      storyKey('g2', [link]),
      undefined,
      [link],
    );
    expect(whole(at)).toEqual([['two', `d0 e0 ${order}`]]);
    SavedGroups.place(at, [], storyKey('g2', []), undefined, [], 1);
    expect(whole(at)).toEqual([
      [placedId(m('n', 0)), order],
      ['two', 'd0 e0'],
    ]);
    counting.close();
  });
});
