import { describe, expect, it } from 'vitest';
import { readArticle } from '../../source/corpus/index.js';
import { tempCorpus } from './temp-corpus.js';

const corpus = tempCorpus();

describe('a short article without a long paragraph', () => {
  it('keeps its sentences instead of cleaning it to nothing', async () => {
    const path = await corpus.write('brief.txt', 'Talks resumed in Geneva. Both sides met.\n');
    const article = await readArticle(path);
    expect(article.text).toBe('Talks resumed in Geneva. Both sides met.');
    expect(article.warnings).toEqual([]);
  });

  it('keeps the body under a Markdown heading', async () => {
    const path = await corpus.write(
      'brief.md',
      '# Nested heading\n\nThe nested article body is here. It has two sentences.\n',
    );
    const article = await readArticle(path);
    expect(article.title).toBe('Nested heading');
    expect(article.sentences.map((sentence) => sentence.text)).toEqual([
      'The nested article body is here.',
      'It has two sentences.',
    ]);
  });

  it('still drops boilerplate lines around it', async () => {
    const path = await corpus.write(
      'brief-with-menu.txt',
      'Share on Facebook\n\nThe mayor resigned on Monday. Nobody expected it.\n\nSign up for our newsletter\n',
    );
    const article = await readArticle(path);
    expect(article.text).toBe('The mayor resigned on Monday. Nobody expected it.');
  });
});
