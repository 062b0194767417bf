import { describe, expect, it } from 'vitest';
import {
  analyseArticle,
  createModel,
  learnLabels,
  parseModel,
  serialiseModel,
} from '../../source/suggest/index.js';
import { nounKind, pastKind } from '../../source/suggest/senses.js';
import { article, LABELS } from './article.js';

describe('the kind of doing a past verb names (WordNet)', () => {
  it('reads regular, doubled, -ied and irregular past forms', () => {
    expect(pastKind('arrested')).toBe('contact');
    expect(pastKind('fled')).toBe('motion');
    expect(pastKind('stopped')).toBe('motion');
    expect(pastKind('announced')).toBe('communication');
    expect(pastKind('sold')).toBe('possession');
    expect(pastKind('carried')).toBe('contact');
  });
  it('knows no kind for a word that is no verb', () => {
    expect(pastKind('hundred')).toBeUndefined();
    expect(pastKind('zzzqed')).toBeUndefined();
  });
});

describe('the kind of thing a noun names (WordNet)', () => {
  it('reads singular and plural nouns by their commonest sense', () => {
    expect(nounKind('arrest')).toBe('act');
    expect(nounKind('police')).toBe('group');
    expect(nounKind('casualties')).toBe('person');
    expect(nounKind('shares')).toBe('possession');
    expect(nounKind('cars')).toBe('artifact');
    expect(nounKind('evidence')).toBe('cognition');
  });
  it('knows no kind for a word that is no noun', () => {
    expect(nounKind('quickly')).toBeUndefined();
    expect(nounKind('zzzq')).toBeUndefined();
  });
});

describe('going over recent decisions again', () => {
  it('holds the last 200 decisions of a label in memory, never in the model file', () => {
    const model = createModel();
    const read = analyseArticle(
      article(
        Array.from(
          { length: 50 },
          (_, i) => `Volunteers planted ${i + 2} trees by the river.`,
        ).join('\n\n'),
      ),
    );
    for (let round = 0; round < 5; round++) {
      for (const sentence of read.sentences) learnLabels(model, sentence, ['claim'], LABELS);
    }
    expect(model.labels.get('claim')!.replay).toHaveLength(200);
    const loaded = parseModel(serialiseModel(model)).model;
    expect(loaded.labels.get('claim')!.replay).toHaveLength(0);
    expect(serialiseModel(model)).not.toContain('planted');
  });
});
