import { expect, it } from 'vitest';
import { orphanLines } from '../../source/review/view/wrap.js';

it('puts an orphan between quotation marks once, even a quote tagged with its own', () => {
  const texts = orphanLines(
    [
      { label: 'quote', quote: '“There are reasons to be cautiously optimistic.”' },
      { label: 'claim', quote: 'Talks resumed in Geneva.', note: 'check' },
    ],
    80,
  ).map((line) => line.text);
  expect(texts).toContain('  Q “There are reasons to be cautiously optimistic.”');
  expect(texts).toContain('  C “Talks resumed in Geneva.” (note: check)');
});
