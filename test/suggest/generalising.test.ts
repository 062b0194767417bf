import { describe, expect, it } from 'vitest';
import { chooseCut } from '../../source/suggest/cut.js';
import {
  analyseArticle,
  createModel,
  learnLabels,
  parseModel,
  type SuggestModel,
  serialiseModel,
  suggest,
} from '../../source/suggest/index.js';
import { article, LABELS } from './article.js';

// A reviewer who tags the reporter's plain account of what someone did as a claim, and leaves
// feelings and plans untagged: no rule says so, so only learning can carry it to new topics.
const TAUGHT = [
  'The council closed the old library last year after a long dispute.',
  'The weather was lovely and everyone felt cheerful.',
  'Firefighters pulled two men from the burning warehouse on Elm Road.',
  'Fans hope the team will do better next season.',
  'The museum returned the stolen painting to its owners in Vienna.',
  'It would be wonderful to see the old mill restored one day.',
  'The bank cut its lending rate for small firms in the spring.',
  'Many people think the new bridge looks elegant.',
  'Volunteers planted three hundred trees along the river bank.',
  'The band may tour again if the singer feels better.',
  'The hospital opened a new children’s ward in the east wing.',
  'Perhaps the talks could start again soon.',
];
const CLAIMS = new Set([0, 2, 4, 6, 8, 10]);
const UNSEEN = [
  'The mayor sold the town hall to a developer in the autumn.',
  'Engineers repaired the broken dam near the village.',
];

function taught(): SuggestModel {
  const model = createModel();
  const read = analyseArticle(article(TAUGHT.join('\n\n'), 'taught'));
  for (let round = 0; round < 3; round++) {
    read.sentences.forEach((sentence, i) => {
      learnLabels(model, sentence, CLAIMS.has(i) ? ['claim'] : [], LABELS);
    });
  }
  return model;
}

const claimScore = (model: SuggestModel, text: string): { score: number; suggested: boolean } => {
  const read = analyseArticle(article(text, 'unseen'));
  const claim = suggest(read, model, LABELS)
    .at(-1)!
    .labels.find((s) => s.label === 'claim')!;
  return { score: claim.score, suggested: claim.suggested };
};

describe('learning carries to sentences of other topics', () => {
  it('suggests an unseen sentence of the same kind as the claims the reviewer confirmed', () => {
    const model = taught();
    for (const text of UNSEEN) {
      const before = claimScore(createModel(), text);
      const after = claimScore(model, text);
      expect(before.suggested).toBe(false);
      expect(after.suggested).toBe(true);
      expect(after.score).toBeGreaterThan(before.score);
    }
  });

  it('does not suggest a plan or a wish as a claim after that teaching', () => {
    const model = taught();
    for (const text of [
      'The school hopes the new gym will open next year.',
      'Perhaps the mayor could sell the town hall to a developer one day.',
    ]) {
      expect(claimScore(model, text), text).toMatchObject({ suggested: false });
    }
  });

  it('keeps what it learnt through the model file', () => {
    const model = taught();
    const loaded = parseModel(serialiseModel(model)).model;
    for (const text of UNSEEN) expect(claimScore(loaded, text)).toEqual(claimScore(model, text));
  });
});

describe('the cut a label is suggested from', () => {
  it('stays at even odds until the reviewer has decided enough', () => {
    expect(chooseCut([])).toBe(0);
    expect(chooseCut(Array.from({ length: 10 }, (_, i) => [i - 5, i > 6 ? 1 : 0]))).toBe(0);
  });

  it('moves down for a label whose confirmed sentences score low', () => {
    // The reviewer tagged every sentence scored from -0.8 up: suggesting from 0 would miss half.
    const outcomes = Array.from({ length: 60 }, (_, i): [number, 0 | 1] => {
      const logit = -3 + i * 0.1;
      return [Math.round(logit * 100) / 100, logit >= -0.8 ? 1 : 0];
    });
    const cut = chooseCut(outcomes);
    expect(cut).toBeLessThan(0);
    expect(cut).toBeGreaterThanOrEqual(-1);
  });

  it('is learnt from decisions and read back from the model file', () => {
    const model = taught();
    const claim = model.labels.get('claim')!;
    expect(claim.recent.length).toBeGreaterThan(30);
    const loaded = parseModel(serialiseModel(model)).model.labels.get('claim')!;
    expect(loaded.cut).toBe(claim.cut);
    expect(loaded.recent).toEqual(claim.recent);
  });
});

describe('a model file of the first version', () => {
  it('loads as stale, without weights, keeping the corrections: nothing crashes', () => {
    const old = JSON.stringify({
      format: 'margin-suggest-model',
      version: 1,
      features: 1,
      bits: 20,
      labels: { claim: { bias: 0.1, positives: 3, negatives: 2, weights: { '12': 0.5 } } },
      corrections: { speaker: { Putin: 'Vladimir Putin' } },
    });
    const { model, stale } = parseModel(old);
    expect(stale).toBe(true);
    expect(model.labels.size).toBe(0);
    expect(model.corrections.get('speaker')?.get('Putin')).toBe('Vladimir Putin');
    expect(suggest(analyseArticle(article(TAUGHT[0]!)), model, LABELS)).toHaveLength(1);
  });

  it('refuses decisions that are not pairs of a score and an answer', () => {
    const file = JSON.parse(serialiseModel(taught()));
    file.labels.claim.recent = [[0.5, 2]];
    expect(() => parseModel(JSON.stringify(file))).toThrow(/malformed decisions/);
  });
});
