import { describe, expect, it } from 'vitest';
import { readArticle } from '../../source/corpus/index.js';
import { tempCorpus } from '../corpus/temp-corpus.js';
import { articleFromText, articleOfSentences } from './articles.js';

const corpus = tempCorpus();

describe('test articles', () => {
  it('articleFromText matches what margin reads from the same clean text', async () => {
    const text =
      'Negotiators met in Geneva on Tuesday to resume talks that stalled last month. Mr. Smith attended.\n\n“We are closer than we were a week ago,” one of the diplomats said after the meeting.';
    const path = await corpus.write('talks.txt', `${text}\n`);
    const read = await readArticle(path);
    expect(articleFromText('talks', text, { path })).toEqual(read);
  });

  it('articleOfSentences keeps exactly the sentences given, with true offsets', () => {
    const article = articleOfSentences('x', [['One. Still one.', 'Two.'], ['Three.']]);
    expect(article.text).toBe('One. Still one. Two.\n\nThree.');
    expect(article.sentences.map((s) => [s.id, s.paragraph, s.text])).toEqual([
      ['x-s0', 0, 'One. Still one.'],
      ['x-s1', 0, 'Two.'],
      ['x-s2', 1, 'Three.'],
    ]);
    for (const s of article.sentences) expect(article.text.slice(s.start, s.end)).toBe(s.text);
  });
});
