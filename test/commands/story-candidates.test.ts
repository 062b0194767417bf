import { describe, expect, it } from 'vitest';
import { candidatesOf } from '../../source/commands/story-adding.js';
import { memoryWordIndex } from '../../source/corpus/memory-word-index.js';
import type { Article } from '../../source/corpus/types.js';

const article = (id: string, text: string): Article =>
  ({
    id,
    title: '',
    date: '2025-03-14',
    source: null,
    sentences: [{ id: 's0', text }],
  }) as unknown as Article;

describe('the candidates of an article added to kept story groups', () => {
  it('hold the article whose sentence shares most of its rarer words, though not its three rarest', () => {
    // The added sentence's three rarest words are each in one other article, two by two; its
    // five others each in 150 articles and, all five, in the counterpart, which comes last.
    const shared = ['harbine', 'selvato', 'pontrik', 'maldune', 'trevask'];
    const added = article('added', `quendor vashtel miraxo ${shared.join(' ')} reported.`);
    const list: Article[] = [
      article('ab', 'quendor vashtel were named.'),
      article('ac', 'quendor miraxo were named.'),
      article('bc', 'vashtel miraxo were named.'),
    ];
    shared.forEach((word, w) => {
      for (let i = 0; i < 150; i++) list.push(article(`f${w}-${i}`, `${word} filler${w}x${i}.`));
    });
    list.push(article('counterpart', `${shared.join(' ')} said.`), added);
    const words = memoryWordIndex(list);
    const found = candidatesOf([added], words, new Set(['added']));
    expect(found.size).toBeLessThanOrEqual(100);
    expect([...found.keys()]).toContain('counterpart');
    // Its sentence is the one the engine compares.
    expect(found.get('counterpart')).toEqual([0]);
  });

  it('compare every sentence of a kept article an added copy repeats, not its first eight', () => {
    const names = ['Harbine', 'Selvato', 'Pontrik', 'Maldune', 'Trevask', 'Quendor', 'Vashtel'];
    const places = ['Arvona', 'Belmira', 'Codrax', 'Delvin', 'Esmark', 'Fenwold', 'Galdor'];
    const copy = (id: string): Article =>
      ({
        id,
        title: '',
        date: '2025-03-14',
        source: null,
        sentences: Array.from({ length: 20 }, (_, i) => ({
          id: `s${i}`,
          text: `Minister ${names[i % 7]} said ${(i + 3) * 17} soldiers were wounded near ${places[(i * 3) % 7]} on Friday.`,
        })),
      }) as unknown as Article;
    const others = Array.from({ length: 50 }, (_, i) =>
      article(`other${i}`, `Something else ${i} happened today in town.`),
    );
    const added = copy('added');
    const found = candidatesOf(
      [added],
      memoryWordIndex([copy('kept'), ...others, added]),
      new Set(['added']),
    );
    expect([...(found.get('kept') ?? [])].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i),
    );
  });

  it('compare a chosen candidate’s sentence that holds the two rarest words of an added template sentence, and no other of its', () => {
    // The added article's first sentence finds `kept` by its rare names; its second is a
    // template, whose versions elsewhere come first in key order.
    const template = 'Officials said the talks would resume in the capital next week.';
    const many = (id: string, texts: string[]): Article =>
      ({
        id,
        title: '',
        date: '2025-03-14',
        source: null,
        sentences: texts.map((text, i) => ({ id: `s${i}`, text })),
      }) as unknown as Article;
    const kept = many('kept', [
      'Quendor met Vashtel in Miraxo on Friday.',
      'Farmers in the valley harvested early this year.',
      'The river rose after three days of rain.',
      'A bridge was closed to lorries overnight.',
      'Schools reopened after the holiday.',
      template,
    ]);
    const added = many('added', ['Quendor met Vashtel in Miraxo on Friday.', template]);
    const found = (versions: number) => {
      const fillers = Array.from({ length: versions }, (_, i) =>
        many(`filler${i}`, [`Filler story ${i} opened.`, template]),
      );
      const words = memoryWordIndex([...fillers, kept, added]);
      const got = candidatesOf([added], words, new Set(['added'])).get('kept') ?? [];
      return [...got].sort((a, b) => a - b);
    };
    // Of common words only (each in more sentences than are scored): its version in `kept` too.
    expect(found(4200)).toEqual([0, 5]);
    // Of words scored (in fewer): found by scoring where it is found at all, not taken besides
    // (taken for every sentence, precision fell on the planted corpus).
    expect(found(300)).toEqual([0]);
  });
});
