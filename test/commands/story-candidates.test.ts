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
});
