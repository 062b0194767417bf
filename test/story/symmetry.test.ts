import { expect, it } from 'vitest';
import { sameStatement } from '../../source/story/similarity.js';
import { sentenceFeatures, Vocabulary } from '../../source/story/tokens.js';
import { seedArticles } from '../search/articles.js';

/**
 * A verdict must not depend on which of two sentences the engine met first: groups would then
 * depend on the order articles arrive in. Every pair of the seeds' sentences, both ways.
 */
it('gives every pair of the seeds’ sentences the same verdict both ways', async () => {
  const vocabulary = new Vocabulary();
  const sentences = (await seedArticles()).flatMap((article) =>
    article.sentences.map((sentence) => {
      const features = sentenceFeatures(sentence.text, vocabulary);
      return {
        words: features.words,
        speakers: features.speakers,
        sources: features.sources,
        day: Number.NaN,
        figures: features.figures,
        units: features.units,
        quoted: features.quotedWords,
      };
    }),
  );
  const differing: string[] = [];
  for (let i = 0; i < sentences.length; i++) {
    for (let j = i + 1; j < sentences.length; j++) {
      const ab = sameStatement(sentences[i]!, sentences[j]!, vocabulary);
      const ba = sameStatement(sentences[j]!, sentences[i]!, vocabulary);
      if (ab !== ba) differing.push(`${i}/${j}: ${ab} ${ba}`);
    }
  }
  expect(sentences.length).toBeGreaterThan(80);
  expect(differing).toEqual([]);
});
