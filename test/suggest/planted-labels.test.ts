import { describe, expect, it } from 'vitest';
import { matchGold } from '../../bench/evaluate/gold.js';
import { generatePlantedArticle } from '../../bench/generate/planted-labels.js';
import { buildArticle } from '../../source/corpus/article.js';
import { bytesToSource } from '../../source/corpus/read.js';

const planted = Array.from({ length: 30 }, (_, index) => generatePlantedArticle(11, index));

describe('planted-label articles', () => {
  it('are the same for the same seed and index', () => {
    expect(generatePlantedArticle(11, 3)).toEqual(planted[3]);
    expect(generatePlantedArticle(12, 3).content).not.toBe(planted[3]!.content);
  });

  it('plant every kind of label, with speakers and when/where', () => {
    const gold = planted.flatMap((article) => article.gold.sentences);
    for (const label of ['claim', 'quote', 'event']) {
      expect(
        gold.some((sentence) => sentence.labels.includes(label)),
        label,
      ).toBe(true);
    }
    expect(gold.some((sentence) => sentence.labels.length === 0)).toBe(true);
    expect(gold.filter((sentence) => typeof sentence.speaker === 'string').length).toBeGreaterThan(
      50,
    );
    expect(gold.some((sentence) => sentence.speaker === null)).toBe(true);
    expect(gold.some((sentence) => sentence.when && sentence.where)).toBe(true);
  });

  it('name only speakers that the article names in full', () => {
    for (const article of planted) {
      for (const sentence of article.gold.sentences) {
        if (typeof sentence.speaker === 'string')
          expect(article.content).toContain(sentence.speaker);
      }
    }
  });

  it('keep their gold sentences through margin’s cleaner and splitter', () => {
    let missing = 0;
    let total = 0;
    for (const article of planted) {
      const read = buildArticle(
        article.gold.article,
        article.name,
        bytesToSource(article.name, Buffer.from(article.content)),
      );
      missing += matchGold(read, article.gold).missing.length;
      total += article.gold.sentences.length;
    }
    expect(missing / total).toBeLessThan(0.01);
  });
});
