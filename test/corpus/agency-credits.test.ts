import { describe, expect, it } from 'vitest';
import { readArticle } from '../../source/corpus/index.js';
import { tempCorpus } from './temp-corpus.js';

const corpus = tempCorpus();

const BODY =
  'WASHINGTON, June 12 (Reuters) - The U.S. Federal Reserve held interest rates steady on Wednesday and signaled it expects to cut them only once this year.\n\n' +
  'Markets had priced in about 1.5 cuts, and stocks rose after the decision was announced.';

describe('an agency story', () => {
  it.each([
    'Reporting by Howard Schneider; Editing by Andrea Ricci',
    'Additional reporting by Ann Saphir in Washington and Lewis Krauskopf in New York; Writing by Howard Schneider; Editing by Andrea Ricci.',
    'Our Standards: The Thomson Reuters Trust Principles.',
    'Purchase Licensing Rights, opens new tab',
  ])('drops the trailer %j', async (trailer) => {
    const path = await corpus.write('fed.txt', `${BODY}\n\n${trailer}\n`);
    const article = await readArticle(path);
    expect(article.text).toBe(BODY);
  });

  it('keeps a sentence that starts like a credit', async () => {
    const sentence = 'Reporting by the BBC showed that the minister had misled parliament.';
    const path = await corpus.write('bbc.txt', `${BODY}\n\n${sentence}\n`);
    const article = await readArticle(path);
    expect(article.text).toBe(`${BODY}\n\n${sentence}`);
  });

  it.each([
    // Other papers word the same links otherwise: the rule is the kind of line, not one site's.
    'Reprints &amp; Permissions',
    'Editorial standards: how we report',
    '(opens in a new window)',
    'Republish this article',
    'Explore more',
  ])('drops the line %j under a page’s story', async (line) => {
    const paragraphs = BODY.split('\n\n').map((text) => `<p>${text}</p>`);
    const page = `<!doctype html><html><body><article><h1>Fed holds rates steady</h1>${paragraphs.join('')}<p>${line}</p></article></body></html>`;
    const path = await corpus.write('fed.html', page);
    expect((await readArticle(path)).text).toBe(BODY);
  });

  it('keeps a step that begins "Sign up for", in a story’s own list', async () => {
    const steps = [
      'Sign up for the bundle with the email of your old account',
      'Cancel the old plan once the bundle shows in your account settings',
    ];
    const paragraphs = BODY.split('\n\n').map((text) => `<p>${text}</p>`);
    const list = `<ul>${steps.map((step) => `<li>${step}</li>`).join('')}</ul>`;
    const page = `<!doctype html><html><body><article><h1>How to switch</h1>${paragraphs.join('')}${list}</article></body></html>`;
    const path = await corpus.write('steps.html', page);
    expect((await readArticle(path)).text).toBe(`${BODY}\n\n${steps.join('\n\n')}`);
  });
});

describe('the agency of a wire dateline', () => {
  const story = (opening: string) =>
    `${opening}The singer came back to the stage on Friday after two years away.\n\nShe played for three hours to a full hall, and her fans sang every song with her.\n`;

  it.each([
    ['ATHENS (ANA) - ', 'Anadolu Agency'],
    ['BERLIN (dpa) - ', 'dpa'],
    ['MOSCOW (Tass) - ', 'TASS'],
    ['MADRID (Efe) - ', 'EFE'],
    ['PARIS (afp) - ', 'AFP'],
    ['WASHINGTON (Reuters) - ', 'Reuters'],
  ])('names the outlet of %j', async (opening, source) => {
    const path = await corpus.write('wire.txt', story(opening));
    expect((await readArticle(path)).source).toBe(source);
  });

  // Stop 58: a name in brackets is a person's, though an agency signs with it in capitals.
  it.each(['Maria (Ana) - ', 'Ahmed (Wafa) - ', 'Kofi (Ansa) - '])(
    'is no one for a person’s name in brackets: %j',
    async (opening) => {
      const path = await corpus.write('name.txt', story(opening));
      expect((await readArticle(path)).source).toBeNull();
    },
  );
});
