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
  it('raises an unseen sentence of the same kind as the claims the reviewer confirmed', () => {
    const model = taught();
    for (const text of UNSEEN) {
      const before = claimScore(createModel(), text);
      const after = claimScore(model, text);
      // Thirty-six decisions on twelve sentences: the rules still weigh more than what they
      // taught, but the unseen sentence of the same kind moves well toward a claim.
      expect(before.suggested).toBe(false);
      expect(after.score).toBeGreaterThan(before.score + 0.1);
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

describe('learning from one article of a kind', () => {
  // A case history told in plain, sourced past sentences that this reviewer never calls claims
  // (the rules take many of them for claims), and a few sourced figures that are.
  const NARRATED = [
    'Police said officers found the stolen van behind a warehouse on Dock Street.',
    'The driver admitted that he ran across the car park and climbed a fence.',
    'A neighbour said she saw him and called the police from her kitchen.',
    'Two officers followed him into the woods near the river, police said.',
    'He admitted dropping a bag of tools under a bridge.',
    'The officers caught him on the towpath an hour later.',
    'Police said they took him to the station in the town centre.',
    'A doctor checked a cut on his hand, the report said.',
    'His brother arrived at the station that evening.',
    'The van was returned to its owner, a florist, the next morning, police said.',
    'She drove it back to her shop on Mill Lane.',
    'Detectives said they searched a garage on the edge of town.',
    'They found 12 more tools and a second set of number plates.',
    'The man appeared in court in the city later that week.',
    'He spoke only to confirm his name and address, the court heard.',
    'The hearing lasted ten minutes.',
  ];
  const SOURCED = [
    'Police said 14 vans had been stolen in the county this year.',
    'The insurer said thefts of vans rose by 20% last year.',
    'The council said it had spent £40,000 on new cameras.',
  ];

  it('does not pull down the claims of the next article', () => {
    const model = createModel();
    const doc = article([...NARRATED, ...SOURCED].join('\n\n'), 'case');
    for (const [i, sentence] of analyseArticle(doc).sentences.entries()) {
      const claim = SOURCED.includes(doc.sentences[i]!.text);
      learnLabels(model, sentence, claim ? ['claim'] : [], LABELS);
    }
    for (const text of [
      'The ministry said 40 people were hurt in the blast.',
      'Officials said the plant had cut its output by a third since March.',
      'The company has 300 staff in Leeds.',
      'Exports rose 9% in May, the agency said.',
      'Clegg now works for Facebook.',
    ]) {
      const before = claimScore(createModel(), text).score;
      expect(claimScore(model, text).score, text).toBeGreaterThan(before - 0.05);
    }
  });
});

describe('a project label named as an Object property', () => {
  // qa54: `constructor` read Object's function as its rule prior, and its score was NaN.
  it('scores as any label without rules', () => {
    const labels = [
      { name: 'constructor', attributes: [] },
      { name: 'toString', attributes: [{ name: 'valueOf' }] },
    ];
    const read = analyseArticle(article('The council met on Monday and voted.', 'names'));
    for (const suggestion of suggest(read, createModel(), labels)) {
      for (const label of suggestion.labels) {
        expect([label.label, Number.isFinite(label.score)]).toEqual([label.label, true]);
        expect(label.attributes).toEqual({});
      }
    }
  });
});
