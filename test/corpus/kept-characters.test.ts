import { describe, expect, it } from 'vitest';
import { readArticle } from '../../source/corpus/index.js';
import { tempCorpus } from './temp-corpus.js';

const corpus = tempCorpus();

const BODY =
  'Officials met on Friday for a second day of talks on the budget, a spokesman said. More talks would follow next week, he added.';

describe('zero-width joiners and non-joiners, which spell words', () => {
  it('keeps them in Persian, Devanagari and emoji sequences, without a warning', async () => {
    const persian = 'او می\u200cخواهد برود.';
    const hindi = 'क्\u200dष';
    const family = '👩\u200d👩\u200d👧';
    const flag = '🏳️\u200d🌈';
    const path = await corpus.write(
      'fa.txt',
      `Talks in Tehran\n\n${BODY} The minister said: ${persian} The word ${hindi} appears too.\n\nA family ${family} and a flag ${flag} were posted by officials on Friday.\n`,
    );
    const article = await readArticle(path);
    expect(article.text).toContain(persian);
    expect(article.text).toContain(`The word ${hindi} appears`);
    expect(article.text).toContain(`A family ${family} and a flag ${flag} were`);
    expect(article.warnings).toEqual([]);
  });

  it('still drops them after ASCII, with the zero-width space and soft hyphen', async () => {
    const path = await corpus.write(
      'web.txt',
      `Talks resume\n\nOffi\u00adcials\u200b met\u200c on\u200d Friday for a second day of talks on the budget, a spokesman said. More talks would follow next week, he added.\n`,
    );
    const article = await readArticle(path);
    expect(article.text).toBe(BODY);
  });
});

describe('line breaks that are control characters', () => {
  it('separate the words around a vertical tab, form feed or NEL', async () => {
    const path = await corpus.write(
      'controls.txt',
      'Talks resume\n\nThe word vertical\vtab and form\ffeed and next\u0085line stand between words in this sentence. A second sentence follows here, officials said.\n',
    );
    const article = await readArticle(path);
    expect(article.text).toBe(
      'The word vertical tab and form feed and next line stand between words in this sentence. A second sentence follows here, officials said.',
    );
    expect(article.warnings).toEqual([]);
  });

  it('separate words when a character reference decodes to one', async () => {
    const path = await corpus.write(
      'refs.txt',
      `Talks resume\n\nThe word vertical&#11;tab and form&#12;feed stand between words in this sentence. ${BODY}\n`,
    );
    const article = await readArticle(path);
    expect(article.text).toBe(
      `The word vertical tab and form feed stand between words in this sentence. ${BODY}`,
    );
  });
});

describe('a Markdown link whose address holds parentheses', () => {
  it('leaves its text and nothing of the address', async () => {
    const path = await corpus.write(
      'paren.md',
      '# Talks resume\n\nOfficials met on Friday in [Riyadh](https://en.wikipedia.org/wiki/Riyadh_(city)) for a second day. A [statement](https://example.com/a_(b) "The (full) statement") and a ![map](https://example.com/map_(large).png) were issued.\n',
    );
    const article = await readArticle(path);
    expect(article.text).toBe(
      'Officials met on Friday in Riyadh for a second day. A statement and a were issued.',
    );
  });
});

describe('Markdown escapes and links', () => {
  it('keeps a private-use character and an escaped star each as written', async () => {
    // An icon font's glyph (U+E02A) was taken for the placeholder of an escaped `*`.
    const path = await corpus.write(
      'escapes.md',
      '# Talks resume\n\nOfficials met on Friday \ue02a for talks \\*not emphasis\\* on the budget, a spokesman said.\n',
    );
    expect((await readArticle(path)).text).toBe(
      'Officials met on Friday \ue02a for talks *not emphasis* on the budget, a spokesman said.',
    );
  });

  it('leaves no address of a link around an image or with brackets in its text', async () => {
    const path = await corpus.write(
      'links.md',
      '# Talks resume\n\n[![Agency logo](https://example.com/logo.png)](https://example.com/agency) Officials met on Friday, the [agency said [in a statement]](https://example.com/statement) late on Thursday.\n',
    );
    expect((await readArticle(path)).text).toBe(
      'Officials met on Friday, the agency said [in a statement] late on Thursday.',
    );
  });
});

describe('the headline of a text file', () => {
  it('may be two words', async () => {
    const path = await corpus.write('short.txt', `Trump wins\n\n${BODY}\n`);
    const article = await readArticle(path);
    expect(article.title).toBe('Trump wins');
    expect(article.text).toBe(BODY);
  });

  it('is not a byline of two words', async () => {
    const path = await corpus.write('byline.txt', `By Reuters\n\n${BODY}\n`);
    expect((await readArticle(path)).title).not.toBe('By Reuters');
  });

  it('is found in Chinese, which writes words without spaces', async () => {
    const path = await corpus.write(
      'zh.txt',
      '北京举行会议讨论预算问题\n\n北京市政府周二举行会议，讨论明年的预算问题。官员表示，预算将增加百分之五。\n\n会议将于下周继续举行。\n',
    );
    const article = await readArticle(path);
    expect(article.title).toBe('北京举行会议讨论预算问题');
    expect(article.text).toBe(
      '北京市政府周二举行会议，讨论明年的预算问题。官员表示，预算将增加百分之五。\n\n会议将于下周继续举行。',
    );
  });

  it('is not a lone word such as a label', async () => {
    const path = await corpus.write('label.txt', `Advertisement\n\n${BODY}\n\n${BODY}\n`);
    const article = await readArticle(path);
    expect(article.title).toBeNull();
  });
});
