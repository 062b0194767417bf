import { describe, expect, it } from 'vitest';
import { seedArticles, testRepository } from '../ui/harness.js';

describe('annotate with values the labels do not share', () => {
  it('leaves each annotation its own value of a kept name, and sets the rest', async () => {
    const article = (await seedArticles())[0]!;
    const sentence = article.sentences[1]!.id;
    const repository = testRepository();
    await repository.tag(article, sentence, 'claim');
    await repository.annotate(article, sentence, { attributes: { speaker: 'Speaker A' } });
    const { placement: _placement, ...claim } = repository.list({ article: article.id })[0]!;
    await repository.addMany([
      { ...claim, id: 'quote-1', label: 'quote', attributes: { speaker: 'Speaker B' } },
    ]);
    const declared = { claim: ['claimant', 'speaker'], quote: ['speaker'] };
    await repository.annotate(
      article,
      sentence,
      { attributes: { claimant: 'Mr Waltz' }, keep: ['speaker'] },
      declared,
    );
    const stored = repository.list({ article: article.id }).map((a) => [a.label, a.attributes]);
    expect(stored).toEqual([
      ['claim', { claimant: 'Mr Waltz', speaker: 'Speaker A' }],
      ['quote', { speaker: 'Speaker B' }],
    ]);
    // One step: undo gives both back as they were.
    await repository.undo();
    expect(repository.list({ article: article.id }).map((a) => a.attributes)).toEqual([
      { speaker: 'Speaker A' },
      { speaker: 'Speaker B' },
    ]);
  });
});
