import { describe, expect, it } from 'vitest';
import { buildArticle } from '../../source/corpus/article.js';
import { bytesToSource, FileRefusedError } from '../../source/corpus/read.js';

function articleOf(name: string, record: unknown) {
  const text = typeof record === 'string' ? record : JSON.stringify(record);
  return buildArticle(name.replace(/\.\w+$/, ''), name, bytesToSource(name, Buffer.from(text)));
}

function refusal(name: string, text: string): string {
  try {
    articleOf(name, text);
  } catch (error) {
    if (error instanceof FileRefusedError) return error.reason;
    throw error;
  }
  return 'read';
}

const BODY =
  'Negotiators from both countries met in Geneva on Tuesday to resume talks that stalled last month.\n“We are closer than we were a week ago,” one of the diplomats said after the meeting.';

describe('an article saved as a JSON record', () => {
  it('reads news-please’s fields: the text, title, date, authors and domain', () => {
    const article = articleOf('np.json', {
      authors: ['Jane Doe', 'John Roe'],
      date_publish: '2025-03-04 10:12:00',
      description: 'A summary that is not the text.',
      maintext: BODY,
      source_domain: 'www.reuters.com',
      title: 'Talks resume in Geneva',
      url: 'https://www.reuters.com/world/talks-resume',
    });
    expect(article.title).toBe('Talks resume in Geneva');
    expect(article.date).toBe('2025-03-04');
    expect(article.byline).toBe('Jane Doe, John Roe');
    expect(article.source).toBe('Reuters');
    expect(article.sentences.map((sentence) => sentence.text)).toEqual([
      'Negotiators from both countries met in Geneva on Tuesday to resume talks that stalled last month.',
      '“We are closer than we were a week ago,” one of the diplomats said after the meeting.',
    ]);
  });

  it('reads trafilatura’s fields, and a host margin does not know as the outlet', () => {
    const article = articleOf('t.json', {
      title: 'Talks resume in Geneva',
      author: 'Jane Doe',
      hostname: 'geneva-herald.ch',
      date: '2025-03-04',
      text: `Talks resume in Geneva\n${BODY}`,
    });
    expect(article.source).toBe('geneva-herald.ch');
    expect(article.byline).toBe('Jane Doe');
    // The text's own first line repeating the title is the title, not a sentence.
    expect(article.sentences[0]!.text).toMatch(/^Negotiators/);
  });

  it('cleans a WordPress post’s rendered markup and reads its rendered title', () => {
    const article = articleOf('wp.json', {
      id: 4411,
      date: '2025-03-04T10:12:00',
      link: 'https://example.org/2025/03/talks',
      title: { rendered: 'Talks resume in Geneva' },
      content: {
        rendered:
          '<p>Negotiators from both countries met in <a href="/geneva">Geneva</a> on Tuesday to resume talks that stalled last month.</p>\n<p>“We are closer than we were a week ago,” one of the diplomats said.</p>',
        protected: false,
      },
      author: 7,
    });
    expect(article.title).toBe('Talks resume in Geneva');
    expect(article.date).toBe('2025-03-04');
    expect(article.text).not.toMatch(/<|href/);
    expect(article.sentences).toHaveLength(2);
  });

  it('removes an escape sequence a JSON escape makes, and says so', () => {
    const article = articleOf('e.json', {
      title: 'Talks \u001b[2J resume',
      text: `Negotiators met in Geneva on Tuesday \u001b]0;owned\u0007to resume talks. ${BODY}`,
    });
    expect(`${article.title}${article.text}`).not.toMatch(/[\x07\x1b]/);
    expect(article.warnings.join(' ')).toMatch(/removed 2 terminal escape sequences/);
  });

  it('reads a record whose other fields nest without end', () => {
    const deep = (depth: number) => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
    const text = `{"text": ${JSON.stringify(BODY)}, "authors": ${deep(100_000)}, "title": ${'{"rendered": '.repeat(50_000)}"t"${'}'.repeat(50_000)}}`;
    const article = articleOf('deep.json', text);
    expect(article.byline).toBeNull();
    expect(article.title).toBeNull();
    expect(article.sentences).toHaveLength(2);
  });

  it('refuses, in words, JSON that holds no one article', () => {
    expect(refusal('list.json', JSON.stringify([{ text: BODY }]))).toBe(
      'a JSON list: margin reads one article a file',
    );
    expect(refusal('package.json', JSON.stringify({ name: 'x', version: '1.0.0' }))).toBe(
      'a JSON file with no article text ("maintext", "text", "content" or "body")',
    );
    expect(refusal('broken.json', '{"text": "unfinished')).toBe('not valid JSON');
    expect(refusal('many.jsonl', `${JSON.stringify({ text: BODY })}\n`)).toBe(
      'JSON Lines: margin reads one article a file',
    );
  });
});
