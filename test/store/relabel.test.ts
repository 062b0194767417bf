import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRepository } from '../../source/store/index.js';
import { relabelStore } from '../../source/store/relabel.js';
import { articleFromText } from './articles.js';
import { useTempFolder } from './temp-store.js';

describe('renaming a label in the store (margin relabel)', () => {
  const tempFolder = useTempFolder();
  const article = articleFromText('a1', 'One said so. Two denied it. Three left.');
  const [s0, s1, s2] = article.sentences;

  async function team(root: string) {
    const alice = await openRepository({ root, annotator: 'alice', articles: [article] });
    await alice.tag(article, s0!.id, 'opinion');
    await alice.annotate(article, s0!.id, { note: 'hers', attributes: { stance: 'denies' } });
    await alice.tag(article, s1!.id, 'claim');
    await alice.close();
    const bob = await openRepository({ root, annotator: 'bob', articles: [article] });
    // bob already gave the sentence the new name too: the two are folded into one.
    await bob.tag(article, s0!.id, 'opinion');
    await bob.tag(article, s0!.id, 'view');
    await bob.annotate(article, s0!.id, { attributes: { stance: 'supports', tone: 'dry' } });
    await bob.tag(article, s2!.id, 'quote');
    await bob.close();
  }

  it("renames every annotator's, folds a duplicate into one, and leaves the rest", async () => {
    const root = await tempFolder();
    await team(root);
    const bobFile = join(root, 'bob', 'a1.json');
    const before = JSON.parse(await readFile(bobFile, 'utf8'));
    const bobOpinion = before.annotations.find((a: { label: string }) => a.label === 'opinion');
    // bob's attributes went on both labels of the sentence; the old one's own are kept below.
    await writeFile(
      bobFile,
      JSON.stringify({
        ...before,
        annotations: before.annotations.map((a: { label: string }) =>
          a.label === 'opinion'
            ? { ...a, note: 'old note', attributes: { stance: 'denies', extra: 'x' } }
            : a,
        ),
      }),
    );

    const now = '2031-01-02T03:04:05.000Z';
    // bob's two labels give stance different values: view keeps its own, opinion's is noted.
    const noted = [
      {
        annotator: 'bob',
        article: 'a1',
        quote: 'One said so.',
        attribute: 'stance',
        kept: 'supports',
        noted: 'denies',
      },
    ];
    expect(await relabelStore(root, 'opinion', 'view', { dryRun: true })).toEqual({
      files: 2,
      renamed: 1,
      merged: 1,
      refused: [],
      undeclared: {},
      offList: {},
      noted,
      unfolded: [],
    });
    expect(await readFile(join(root, 'alice', 'a1.json'), 'utf8')).toContain('"opinion"');

    // The codebook gives `view` a stance only: the others are kept and counted.
    expect(await relabelStore(root, 'opinion', 'view', { declared: ['stance'], now })).toEqual({
      files: 2,
      renamed: 1,
      merged: 1,
      refused: [],
      undeclared: { extra: 1, tone: 1 },
      offList: {},
      noted,
      unfolded: [],
    });
    const repo = await openRepository({ root, annotator: 'alice', articles: [article] });
    const updated = repo
      .list()
      .filter((a) => a.label === 'view')
      .map((a) => [a.annotator, a.updated === now]);
    // The renamed annotation's content did not change; the one folded into did.
    expect(updated).toEqual([
      ['alice', false],
      ['bob', true],
    ]);
    const found = repo.list().map((a) => [a.annotator, a.label, a.note ?? null, a.attributes]);
    await repo.close();
    expect(found).toEqual([
      ['alice', 'view', 'hers', { stance: 'denies' }],
      [
        'bob',
        'view',
        "old note\nopinion's stance: denies",
        { extra: 'x', stance: 'supports', tone: 'dry' },
      ],
      ['alice', 'claim', null, undefined],
      ['bob', 'quote', null, undefined],
    ]);
    expect(JSON.stringify(found)).not.toContain(bobOpinion.id);
    // Nothing left to rename: no file is written again.
    expect((await relabelStore(root, 'opinion', 'view')).files).toBe(0);
  });

  it('counts undeclared attributes on the annotations it relabelled only, each once', async () => {
    const root = await tempFolder();
    const alice = await openRepository({ root, annotator: 'alice', articles: [article] });
    await alice.tag(article, s0!.id, 'opinion');
    await alice.annotate(article, s0!.id, { attributes: { stance: 'denies' } });
    // Already a view before the change, with an attribute the codebook does not give it: not
    // this relabelling's, and not counted (as the same in a file without an opinion is not).
    await alice.tag(article, s1!.id, 'view');
    await alice.annotate(article, s1!.id, { attributes: { tone: 'dry' } });
    await alice.close();
    const bob = await openRepository({ root, annotator: 'bob', articles: [article] });
    await bob.tag(article, s1!.id, 'view');
    await bob.annotate(article, s1!.id, { attributes: { tone: 'dry' } });
    await bob.tag(article, s2!.id, 'opinion');
    await bob.annotate(article, s2!.id, { attributes: { tone: 'wry', extra: 'x' } });
    await bob.close();
    const result = await relabelStore(root, 'opinion', 'view', { declared: ['stance'] });
    expect(result).toMatchObject({ files: 2, renamed: 2, merged: 0 });
    expect(result.undeclared).toEqual({ extra: 1, tone: 1 });
  });

  // qa51 #3: folding figure into claim kept claim's verdict and dropped figure's unsaid.
  it("keeps a differing value of the old label in the note, and fills the new one's gaps", async () => {
    const root = await tempFolder();
    const alice = await openRepository({ root, annotator: 'alice', articles: [article] });
    await alice.tag(article, s0!.id, 'claim');
    await alice.tag(article, s0!.id, 'figure');
    await alice.close();
    const file = join(root, 'alice', 'a1.json');
    const before = JSON.parse(await readFile(file, 'utf8'));
    // Values as a hand edit or an import may leave them: an empty one, one named __proto__.
    const own = {
      claim: ['checked with AP', '{"verdict":"true","__proto__":"p","source":""}'],
      figure: ['ONS says 4.1%', '{"verdict":"false","__proto__":"p","source":"ONS","unit":""}'],
    };
    before.annotations = before.annotations.map((a: { label: 'claim' | 'figure' }) => ({
      ...a,
      note: own[a.label][0],
      attributes: JSON.parse(own[a.label][1]!),
    }));
    await writeFile(file, JSON.stringify(before));

    const result = await relabelStore(root, 'figure', 'claim');
    expect(result).toMatchObject({ files: 1, renamed: 0, merged: 1, unfolded: [] });
    expect(result.noted).toEqual([
      {
        annotator: 'alice',
        article: 'a1',
        quote: 'One said so.',
        attribute: 'verdict',
        kept: 'true',
        noted: 'false',
      },
    ]);
    const after = JSON.parse(await readFile(file, 'utf8')).annotations;
    expect(after).toHaveLength(1);
    expect(after[0].label).toBe('claim');
    expect(after[0].note).toBe("checked with AP\nONS says 4.1%\nfigure's verdict: false");
    // The empty source is filled from figure's; the same __proto__ needs nothing; an empty
    // value of figure's adds nothing.
    expect(Object.entries(after[0].attributes)).toEqual([
      ['__proto__', 'p'],
      ['source', 'ONS'],
      ['verdict', 'true'],
    ]);
  });

  it('leaves an annotation under the old name when the fold would not fit, and names it', async () => {
    const root = await tempFolder();
    const alice = await openRepository({ root, annotator: 'alice', articles: [article] });
    await alice.tag(article, s0!.id, 'claim');
    await alice.annotate(article, s0!.id, { note: 'a'.repeat(6000) });
    await alice.tag(article, s1!.id, 'claim');
    await alice.tag(article, s0!.id, 'figure');
    await alice.tag(article, s1!.id, 'figure');
    await alice.close();
    const file = join(root, 'alice', 'a1.json');
    const before = JSON.parse(await readFile(file, 'utf8'));
    before.annotations = before.annotations.map((a: { label: string }) =>
      a.label === 'figure' ? { ...a, note: 'b'.repeat(5000) } : a,
    );
    await writeFile(file, JSON.stringify(before));

    const result = await relabelStore(root, 'figure', 'claim');
    expect(result).toMatchObject({ files: 1, renamed: 0, merged: 1 });
    expect(result.unfolded).toEqual([
      {
        annotator: 'alice',
        article: 'a1',
        quote: 'One said so.',
        why: 'a note holds at most 10,000 characters; this one has 11,001',
      },
    ]);
    const after = JSON.parse(await readFile(file, 'utf8')).annotations;
    const on = (sentence: string) =>
      after
        .filter((a: { anchor: { sentence: string } }) => a.anchor.sentence === sentence)
        .map((a: { label: string; note?: string }) => [a.label, a.note?.length ?? 0]);
    expect(on(s0!.id)).toEqual([
      ['claim', 6000],
      ['figure', 5000],
    ]);
    expect(on(s1!.id)).toEqual([['claim', 5000]]);
  });

  it('leaves a file it cannot vouch for as it is, and names it', async () => {
    const root = await tempFolder();
    await team(root);
    const file = join(root, 'bob', 'a1.json');
    const conflicted = `<<<<<<< HEAD\n${await readFile(file, 'utf8')}=======\n>>>>>>> theirs\n`;
    await writeFile(file, conflicted);
    const result = await relabelStore(root, 'opinion', 'view');
    expect(result.files).toBe(1);
    expect(result.refused).toEqual([
      `${file}: holds unresolved git conflict markers (<<<<<<<): resolve it keeping both sides' annotations (store.md: "A conflict in a store file"), and margin reads it again`,
    ]);
    expect(await readFile(file, 'utf8')).toBe(conflicted);
  });
});
