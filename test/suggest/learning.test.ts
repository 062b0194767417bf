import { describe, expect, it } from 'vitest';
import {
  analyseArticle,
  byUncertainty,
  createModel,
  learn,
  learnCorrection,
  learnDecision,
  ModelFileError,
  parseModel,
  serialiseModel,
  suggest,
  UNTAGGED_WEIGHT,
} from '../../source/suggest/index.js';
import { article, LABELS } from './article.js';

const BODY = [
  'The council met in Leeds on Monday to discuss the budget. Mayor Paul Lind said 40 jobs would go.',
  '“We had no choice,” Lind said. Residents protested outside the town hall on Tuesday.',
  'The weather was mild for the season. A spokesman declined to comment on the figures.',
  'The library will close its doors next year. Union leader Sara Holm called the cuts “a disgrace”.',
].join('\n\n');

const read = article(BODY);
const analysis = analyseArticle(read);
const index = (piece: string): number =>
  read.sentences.findIndex((sentence) => sentence.text.includes(piece));
const score = (model: ReturnType<typeof createModel>, at: number, label: string, labels = LABELS) =>
  suggest(analysis, model, labels)[at]!.labels.find((s) => s.label === label)!.score;

describe('learning from the reviewer', () => {
  it('raises a score the reviewer confirms and lowers one they reject', () => {
    const model = createModel();
    const weather = index('The weather was mild');
    const before = score(model, weather, 'claim');
    learn(model, analysis.sentences[weather]!, 'claim', true);
    const raised = score(model, weather, 'claim');
    expect(raised).toBeGreaterThan(before);
    for (let i = 0; i < 5; i++) learn(model, analysis.sentences[weather]!, 'claim', false);
    expect(score(model, weather, 'claim')).toBeLessThan(raised);
  });

  it('carries a decision over to a sentence like it', () => {
    const other = analyseArticle(
      article('The weather was mild for the season again. Nobody complained about it.', 'other'),
    );
    const model = createModel();
    const before = suggest(other, model, LABELS)[0]!.labels[0]!.score;
    for (let i = 0; i < 4; i++)
      learn(model, analysis.sentences[index('The weather')]!, 'claim', true);
    expect(suggest(other, model, LABELS)[0]!.labels[0]!.score).toBeGreaterThan(before);
  });

  it('learns a label it has no rules for from the reviewer alone', () => {
    const labels = [...LABELS, { name: 'budget' }];
    const model = createModel();
    const lind = index('Mayor Paul Lind said 40 jobs');
    const start = score(model, lind, 'budget', labels);
    expect(start).toBeLessThan(0.5);
    for (let i = 0; i < 6; i++) {
      learnDecision(model, analysis.sentences, {
        sentence: read.sentences[lind]!.id,
        label: 'budget',
        present: true,
      });
      learn(model, analysis.sentences[index('The weather')]!, 'budget', false);
    }
    expect(score(model, lind, 'budget', labels)).toBeGreaterThan(0.5);
    expect(score(model, index('The weather'), 'budget', labels)).toBeLessThan(0.5);
  });

  it('keeps the rules’ surest suggestions whatever a record of rejections alone taught', () => {
    // Triage: every sentence of article after article passed over, no label ever given.
    const model = createModel();
    const suggested = () =>
      suggest(analysis, model, LABELS).flatMap((s) => s.labels.filter((l) => l.suggested));
    for (let round = 0; round < 40; round++) {
      for (const sentence of analysis.sentences) {
        for (const { name } of LABELS) learn(model, sentence, name, false);
      }
    }
    const quote = index('“We had no choice,” Lind said.');
    expect(model.labels.get('quote')?.negatives).toBe(40 * analysis.sentences.length);
    expect(score(model, quote, 'quote')).toBeGreaterThan(0.5);
    expect(suggested().length).toBeGreaterThan(0);
  });

  it('moves less for a sentence passed over than for one decided', () => {
    const weather = analysis.sentences[index('The weather was mild')]!;
    // One decision first: with none, what was learnt is not trusted at all (`trust`).
    const taught = () => {
      const model = createModel();
      learn(model, analysis.sentences[index('“We had no choice,” Lind said.')]!, 'claim', true);
      return model;
    };
    const decided = taught();
    const passed = taught();
    learn(decided, weather, 'claim', false);
    learn(passed, weather, 'claim', false, UNTAGGED_WEIGHT);
    const start = score(taught(), index('The weather was mild'), 'claim');
    const lowered = (model: ReturnType<typeof createModel>) =>
      start - score(model, index('The weather was mild'), 'claim');
    expect(lowered(passed)).toBeGreaterThan(0);
    expect(lowered(passed)).toBeLessThan(lowered(decided) / 2);
  });

  it('keeps the reviewer’s own decisions, not passed-over sentences, for cut, replay and counts', () => {
    const model = createModel();
    const sentences = analysis.sentences;
    learn(model, sentences[0]!, 'claim', true);
    learn(model, sentences[1]!, 'claim', false);
    const learnt = () => model.labels.get('claim')!;
    const before = {
      recent: [...learnt().recent],
      replay: learnt().replay.length,
      cut: learnt().cut,
    };
    // One `d` on a long article: every other sentence passed over, many times over.
    for (let round = 0; round < 40; round++) {
      for (const sentence of sentences.slice(2)) {
        learn(model, sentence, 'claim', false, UNTAGGED_WEIGHT);
      }
    }
    expect(learnt().recent).toEqual(before.recent);
    expect(learnt().replay).toHaveLength(before.replay);
    expect(learnt().cut).toBe(before.cut);
    // Nor are they counted as decisions: two were made, and the rules are trusted as after two.
    expect([learnt().positives, learnt().negatives]).toEqual([1, 1]);
  });

  it('says when a decision names a sentence the analysis does not have', () => {
    const model = createModel();
    expect(
      learnDecision(model, analysis.sentences, { sentence: 'gone', label: 'claim', present: true }),
    ).toBe(false);
    expect(model.revision).toBe(0);
  });
});

describe('learning from corrected attributes', () => {
  const holm = index('called the cuts');
  const speaker = (model: ReturnType<typeof createModel>) =>
    suggest(analysis, model, LABELS)[holm]!.labels.find((s) => s.label === 'quote')!.attributes
      .speaker;

  it('suggests the reviewer’s spelling of a speaker from then on, also after saving', () => {
    const model = createModel();
    expect(speaker(model)).toBe('Sara Holm');
    learnCorrection(model, 'speaker', 'Sara Holm', 'Sara Holm-Berg');
    expect(speaker(model)).toBe('Sara Holm-Berg');
    expect(speaker(parseModel(serialiseModel(model)).model)).toBe('Sara Holm-Berg');
    learnCorrection(model, 'speaker', 'Sara Holm', 'Sara Holm');
    expect(speaker(model)).toBe('Sara Holm');
  });
});

describe('the model file', () => {
  const trained = () => {
    const model = createModel();
    analysis.sentences.forEach((sentence, i) => {
      learn(model, sentence, 'claim', i % 2 === 0);
      learn(model, sentence, 'topic', i % 3 === 0);
    });
    return model;
  };

  it('scores exactly as the model it was written from', () => {
    const model = trained();
    const { model: loaded, stale } = parseModel(serialiseModel(model));
    expect(stale).toBe(false);
    const labels = [...LABELS, { name: 'topic' }];
    expect(suggest(analysis, loaded, labels)).toEqual(suggest(analysis, model, labels));
    expect(serialiseModel(loaded)).toBe(serialiseModel(model));
  });

  it('is the same bytes for the same decisions, with one weight a line and no sentence text', () => {
    const text = serialiseModel(trained());
    expect(serialiseModel(trained())).toBe(text);
    const file = JSON.parse(text);
    expect(file.format).toBe('margin-suggest-model');
    expect(file.version).toBe(2);
    expect(Object.keys(file.labels)).toEqual(['claim', 'topic']);
    expect(text).not.toContain('weather');
    const lines = text.split('\n').length;
    expect(lines).toBeGreaterThan(Object.keys(file.labels.claim.weights).length);
  });

  it('refuses a file that is not a model, or from a newer margin', () => {
    expect(() => parseModel('{')).toThrow(ModelFileError);
    expect(() => parseModel('{"format":"other"}')).toThrow(/not a margin-suggest-model/);
    const newer = JSON.parse(serialiseModel(trained()));
    newer.version = 99;
    expect(() => parseModel(JSON.stringify(newer))).toThrow(/newer/);
    // Without a version it was "written by a newer margin (version undefined)".
    delete newer.version;
    expect(() => parseModel(JSON.stringify(newer))).toThrow(/^"version" is not a number$/);
    const broken = JSON.parse(serialiseModel(trained()));
    broken.labels.claim.weights['12'] = 'x';
    expect(() => parseModel(JSON.stringify(broken))).toThrow(/bad weight/);
  });

  it('starts afresh from a file learnt over other features', () => {
    const old = JSON.parse(serialiseModel(trained()));
    old.features = 0;
    const { model, stale } = parseModel(JSON.stringify(old));
    expect(stale).toBe(true);
    expect(model.labels.size).toBe(0);
  });
});

describe('uncertainty', () => {
  it('puts the suggestions nearest a coin toss first', () => {
    const ordered = byUncertainty(suggest(analysis, createModel(), LABELS));
    const values = ordered.map((suggestion) => suggestion.uncertainty);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(ordered[0]!.uncertainty).toBeGreaterThan(ordered.at(-1)!.uncertainty);
  });
});

describe('suggestions', () => {
  it('are never annotations: one score per label, in the order given', () => {
    const labels = [{ name: 'event' }, { name: 'quote' }];
    const suggestions = suggest(analysis, createModel(), labels);
    expect(suggestions).toHaveLength(read.sentences.length);
    for (const suggestion of suggestions) {
      expect(suggestion.labels.map((s) => s.label)).toEqual(['event', 'quote']);
      expect(suggestion.sentence).toBe(read.sentences[suggestion.index]!.id);
    }
  });
});

describe('loading', () => {
  it('loads the engine once, on demand', async () => {
    const { loadSuggestions } = await import('../../source/suggest/lazy.js');
    const first = loadSuggestions();
    expect(loadSuggestions()).toBe(first);
    expect(typeof (await first).analyseArticle).toBe('function');
  });
});
