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
});
