import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLEANER_VERSION, loadCorpus } from '../../source/corpus/index.js';
import { openRepository } from '../../source/store/index.js';
import { useTempFolder } from './temp-store.js';

const SEEDS = join(import.meta.dirname, '../../seeds');
/**
 * Tags made on the seeds by the cleaner and splitter of version 2, before the extraction work.
 * The seeds' clean text came out the same, so this pins that the version bump costs them nothing;
 * text that did change re-anchors by quote (anchoring.test.ts).
 */
const OLD_STORE = join(import.meta.dirname, 'fixtures/old-cleaner');

describe('annotations made with an older cleaner', () => {
  const tempFolder = useTempFolder();

  it('all find their sentences in the text of the current one', async () => {
    expect(CLEANER_VERSION).toBeGreaterThan(2);
    const root = await tempFolder();
    await cp(OLD_STORE, root, { recursive: true });
    const { articles } = await loadCorpus(SEEDS, { cacheDir: null });
    const repository = await openRepository({ root, annotator: 'old', articles });
    const placed = repository.list();
    await repository.close();
    expect(placed).toHaveLength(15);
    expect(placed.filter((annotation) => annotation.placement === null)).toEqual([]);
    for (const annotation of placed) {
      const article = articles.find((a) => a.id === annotation.article)!;
      const sentence = article.sentences.find((s) => s.id === annotation.placement!.sentence)!;
      // The same sentence, or the part of it a changed boundary left: they share their opening.
      const opening = (text: string) => text.slice(0, 24);
      expect(
        sentence.text.includes(opening(annotation.anchor.quote)) ||
          annotation.anchor.quote.includes(opening(sentence.text)),
        `${annotation.anchor.quote} → ${sentence.text}`,
      ).toBe(true);
    }
  });
});
