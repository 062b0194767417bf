import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRepository } from '../../source/store/index.js';
import { seedArticle } from './articles.js';
import { fixedOptions, useTempFolder } from './temp-store.js';

interface Stored {
  annotations: Array<{ label: string; attributes?: Record<string, string> }>;
}

describe('adopt: the story view copies a sentence’s labels and attributes', () => {
  const tempFolder = useTempFolder();
  const article = seedArticle();
  const sentence = article.sentences[1]!.id;
  /** alice's repository, and her file's annotations as [label, attributes] pairs. */
  const opened = async () => {
    const root = await tempFolder();
    const repo = await openRepository({
      root,
      annotator: 'alice',
      articles: [article],
      ...fixedOptions(),
    });
    const file = join(root, 'alice', `${article.id}.json`);
    const stored = async () =>
      ((JSON.parse(await readFile(file, 'utf8')) as Stored).annotations ?? []).map((a) => [
        a.label,
        a.attributes ?? {},
      ]);
    return { repo, stored };
  };

  it('adds the missing labels, merges attributes, and undoes as one step', async () => {
    const { repo, stored } = await opened();
    await repo.tag(article, sentence, 'claim');
    await repo.annotate(article, sentence, { attributes: { claimant: 'Kremlin', when: 'Friday' } });
    await repo.adopt(article, sentence, ['quote', 'claim'], {
      speaker: 'Peskov',
      when: 'Thursday',
    });
    const merged = { claimant: 'Kremlin', when: 'Thursday', speaker: 'Peskov' };
    expect(await stored()).toEqual([
      ['claim', merged],
      ['quote', { speaker: 'Peskov', when: 'Thursday' }],
    ]);
    expect((await repo.undo())?.description).toBe('copy quote');
    expect(await stored()).toEqual([['claim', { claimant: 'Kremlin', when: 'Friday' }]]);
    await repo.redo();
    expect(await stored()).toHaveLength(2);
    await repo.close();
  });

  it('accepting a suggestion fills only what the reviewer left empty, as one step', async () => {
    const { repo, stored } = await opened();
    await repo.tag(article, sentence, 'quote');
    await repo.annotate(article, sentence, { attributes: { speaker: 'Dmitry Peskov' } });
    await repo.adopt(
      article,
      sentence,
      ['quote', 'claim'],
      { speaker: 'Peskov', when: 'Thursday' },
      { precedence: 'own' },
    );
    expect(await stored()).toEqual([
      ['claim', { speaker: 'Peskov', when: 'Thursday' }],
      ['quote', { speaker: 'Dmitry Peskov', when: 'Thursday' }],
    ]);
    expect((await repo.undo())?.description).toBe('tag claim');
    expect(await stored()).toEqual([['quote', { speaker: 'Dmitry Peskov' }]]);
    await repo.close();
  });

  it('gives each label only the attributes its codebook entry declares, when told them', async () => {
    const { repo, stored } = await opened();
    await repo.tag(article, sentence, 'claim');
    // The tester's sentence: tagged claim, `suggested: event (claimant: …, where: Riyadh)`.
    await repo.adopt(
      article,
      sentence,
      ['event'],
      { claimant: 'Sergei Lawrow', where: 'Riyadh' },
      { precedence: 'own', declared: { claim: ['claimant'], event: ['when', 'where'] } },
    );
    expect(await stored()).toEqual([
      ['claim', { claimant: 'Sergei Lawrow' }],
      ['event', { where: 'Riyadh' }],
    ]);
    await repo.close();
  });

  it('sets typed attributes on each label as its entry declares, and leaves an unnamed label its own', async () => {
    const { repo, stored } = await opened();
    await repo.tag(article, sentence, 'claim');
    await repo.tag(article, sentence, 'event');
    await repo.tag(article, sentence, 'rumour');
    await repo.annotate(article, sentence, { attributes: { source: 'a blog', where: 'Doha' } });
    // `a` on a sentence tagged claim, event and a label the codebook no longer names.
    await repo.annotate(
      article,
      sentence,
      { attributes: { claimant: 'Kremlin', where: 'Riyadh' } },
      { claim: ['claimant'], event: ['when', 'where'] },
    );
    // `source` is declared by no label: the editor never showed it, so it stays where it was.
    expect(await stored()).toEqual([
      ['claim', { source: 'a blog', claimant: 'Kremlin' }],
      ['event', { source: 'a blog', where: 'Riyadh' }],
      ['rumour', { source: 'a blog', where: 'Doha' }],
    ]);
    expect((await repo.undo())?.description).toBe('attributes');
    const before = { source: 'a blog', where: 'Doha' };
    expect(await stored()).toEqual([
      ['claim', before],
      ['event', before],
      ['rumour', before],
    ]);
    await repo.close();
  });

  it('tags with a note typed before the label was chosen, in one undo step', async () => {
    const { repo, stored } = await opened();
    await repo.adopt(article, sentence, ['claim'], {}, { precedence: 'own', note: 'check TASS' });
    const notes = async () =>
      (
        JSON.parse(await readFile(join(repo.root, 'alice', `${article.id}.json`), 'utf8')) as {
          annotations: Array<{ note?: string }>;
        }
      ).annotations.map((a) => a.note);
    expect(await stored()).toEqual([['claim', {}]]);
    expect(await notes()).toEqual(['check TASS']);
    expect((await repo.undo())?.description).toBe('tag claim');
    expect(await stored()).toEqual([]);
    await repo.close();
  });

  it('refuses attributes beyond the store’s limits', async () => {
    const root = await tempFolder();
    const repo = await openRepository({ root, annotator: 'alice', articles: [article] });
    await expect(
      repo.adopt(article, sentence, ['claim'], { where: 'x'.repeat(1001) }),
    ).rejects.toThrow(/1,?000/);
    await repo.close();
  });
});
