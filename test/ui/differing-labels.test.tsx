import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../source/corpus/types.js';
import type { Repository } from '../../source/store/repository.js';
import { KEYS, type Rendered, renderApp, seedArticles, testRepository } from './harness.js';

let app: Rendered | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

/** A claim and a quote on the first article's second sentence, each with its own note. */
async function twoNotes(): Promise<{ articles: Article[]; repository: Repository }> {
  const articles = await seedArticles();
  const repository = testRepository();
  const article = articles[0]!;
  const sentence = article.sentences[1]!;
  await repository.tag(article, sentence.id, 'claim');
  await repository.annotate(article, sentence.id, { note: 'verified by AP' });
  const { placement: _placement, ...claim } = repository.list({ article: article.id })[0]!;
  // As a merge of two clones, or an import from Label Studio, leaves them: a note per label.
  await repository.addMany([{ ...claim, id: 'quote-1', label: 'quote', note: 'date unclear' }]);
  return { articles, repository };
}

const notes = (repository: Repository) =>
  repository.list({}).map((annotation) => [annotation.label, annotation.note ?? null]);

describe('a sentence whose labels carry different notes', () => {
  // qa50: the editor showed the quote's note alone, and saving gave it to the claim as well:
  // "verified by AP" was gone with nothing on screen to say so.
  it('shows both in the editor, and gives what is saved to each only once it was seen', async () => {
    const { articles, repository } = await twoNotes();
    app = await renderApp({ articles, columns: 100, rows: 30, repository });
    await app.press(KEYS.enter, 'j', 'n');
    await app.waitFor(
      (f) => f.includes('claim, quote notes joined: Enter saves this to each'),
      'the editor saying so',
    );
    expect(app.controller.getState().mode).toMatchObject({
      kind: 'note',
      draft: 'verified by AP | date unclear',
    });
    await app.press(KEYS.escape);
    expect(notes(repository)).toEqual([
      ['claim', 'verified by AP'],
      ['quote', 'date unclear'],
    ]);
    await app.press('n', ' (AP checked)', KEYS.enter);
    await app.waitFor((f) => f.split('\n').at(-1)!.endsWith('saved'), 'the note saved');
    const joined = 'verified by AP | date unclear (AP checked)';
    expect(notes(repository)).toEqual([
      ['claim', joined],
      ['quote', joined],
    ]);
  });
});
