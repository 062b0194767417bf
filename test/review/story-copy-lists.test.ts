import { describe, expect, it } from 'vitest';
import { KEYMAP } from '../../source/review/keymap.js';
import { buildKeymap } from '../../source/review/project.js';
import { reduce } from '../../source/review/reducer.js';
import { createMemoryRepository } from '../../source/store/index.js';
import type { LabelSet } from '../../source/store/labels.js';
import { ARTICLES, marks, readerState, STORY } from './fixtures.js';

const CODEBOOK: LabelSet = [
  {
    name: 'claim',
    key: '1',
    colour: 'yellow',
    letter: 'C',
    description: '',
    attributes: [
      { name: 'verdict', values: ['true', 'false', 'misleading'] },
      { name: 'claimant' },
    ],
  },
  {
    name: 'figure',
    key: '4',
    colour: 'green',
    letter: 'N',
    description: '',
    attributes: [{ name: 'verdict', values: ['true', 'false'] }],
  },
];

// qa53 #3 through the story panel: copying a claim's `misleading` onto a counterpart tagged
// figure gave the figure a value its list does not have.
describe("the story panel's copy onto a label with another list", () => {
  it('leaves that label its own value and gives it nothing it does not declare', async () => {
    const { keymap } = buildKeymap(CODEBOOK, {}, KEYMAP);
    const repository = createMemoryRepository('alice');
    await repository.open(ARTICLES);
    const [a] = ARTICLES;
    await repository.tag(a!, 'a-s3', 'figure');
    await repository.annotate(a!, 'a-s3', { attributes: { verdict: 'true' } });
    const state = {
      ...readerState({
        mode: { kind: 'story', article: 'b', sentence: 'b-s20', selected: 0 },
        story: { view: STORY, origin: null, linkFrom: null },
        marks: {
          b: marks({
            sentences: {
              'b-s20': {
                labels: ['claim'],
                note: null,
                attributes: { verdict: 'misleading', claimant: 'Kremlin' },
              },
            },
          }),
          a: marks({
            sentences: {
              'a-s3': { labels: ['figure'], note: null, attributes: { verdict: 'true' } },
            },
          }),
        },
      }),
      project: { labels: CODEBOOK, keymap, guidelines: null },
    };
    const copied = reduce(state, { type: 'story/copy' });
    // The figure's verdict is not replaced: nothing to name.
    expect(copied.message?.text).toMatch(/^copied claim to [^()]* \(u undoes\)$/);
    const effect = copied.outbox.at(-1);
    expect(effect?.kind).toBe('adopt');
    if (effect?.kind !== 'adopt') return;
    await repository.adopt(
      a!,
      effect.sentence,
      effect.labels,
      effect.attributes,
      effect.declared ? { declared: effect.declared } : {},
    );
    const stored = repository
      .list({ article: 'a' })
      .map((annotation) => [annotation.label, annotation.attributes]);
    expect(stored.sort()).toEqual([
      ['claim', { verdict: 'misleading', claimant: 'Kremlin' }],
      ['figure', { verdict: 'true' }],
    ]);
  });
});
