import { describe, expect, it } from 'vitest';
import { cleanDocument, type Format } from '../../source/corpus/clean.js';

/**
 * A scraper writes an article as a title line over its paragraphs: everything in the file is the
 * article. jusText, which decides what of a text file is article text, takes the file's ends and
 * its headline for a page's header and footer, so a short last or first paragraph went, and so
 * did a paragraph of names and figures with few function words ("Australia beat Colombia behind
 * …") and everything after it (found by a user's review, 2026-12-06: 58 of the 2,959 prose
 * paragraphs of the benchmark's true bodies written so, in 16 articles).
 */
const body = (text: string, format: Format = 'text') => cleanDocument(text, format).paragraphs;

const TALKS =
  'The spokesman said the talks would continue next week in Geneva. “We are ready,” he added.';

describe('the ends of a text article', () => {
  it('keeps a short last paragraph under a title line', () => {
    expect(body(`Talks to resume in Geneva\n\n${TALKS}\n\nPutin denied it.\n`)).toEqual([
      TALKS,
      'Putin denied it.',
    ]);
    expect(body(`Talks to resume in Geneva\n\n${TALKS}\n\nHe refused.\n`)).toEqual([
      TALKS,
      'He refused.',
    ]);
  });

  it('keeps it under a Markdown heading and without a title', () => {
    const markdown = cleanDocument(
      `# Talks to resume in Geneva\n\n${TALKS}\n\nPutin denied it.\n`,
      'markdown',
    );
    expect(markdown.title).toBe('Talks to resume in Geneva');
    expect(markdown.paragraphs).toEqual([TALKS, 'Putin denied it.']);
    expect(body(`${TALKS}\n\nPutin denied it.\n`)).toEqual([TALKS, 'Putin denied it.']);
  });

  it('keeps a short first paragraph right under the headline', () => {
    const cleaned = cleanDocument(
      [
        'How ports reopened after the storm',
        '',
        'Shipping resumed slowly.',
        '',
        'The port of Varna reopened on Monday after a storm that had closed it for three days, and the first grain ships left for Istanbul in the evening.',
      ].join('\n'),
      'text',
    );
    expect(cleaned.title).toBe('How ports reopened after the storm');
    expect(cleaned.paragraphs[0]).toBe('Shipping resumed slowly.');
  });

  it('keeps a paragraph of names and scores, and what follows it, at the end', () => {
    const report = [
      'Spain level the tie in Madrid',
      '',
      'Rafael Nadal kept Spain’s hopes alive on Tuesday, and the doubles pair completed the comeback against Russia in front of a full stadium in Madrid.',
      '',
      '“It was a difficult situation for us,” Lopez said after the match was over.',
      '',
      'Croatia beat Chile behind Borna Coric’s 6-4, 6-4 win over Cristian Garin and Marin Cilic’s 7-6, 6-3 victory over Nicolas Jarry.',
      '',
      'Chile had lost to Serbia on Monday.',
    ];
    expect(body(report.join('\n'))).toEqual([report[2], report[4], report[6], report[8]]);
  });

  it('keeps a table of statistics between paragraphs of prose', () => {
    const text = [
      'Defensive snap counts for Week 11',
      '',
      'Below, we analyze the snap counts and the statistics on defense for the team in its win on Thursday night, player by player.',
      '',
      'DL Larry Ogunjobi 63 85% 1 tackle (1 combined). 1 sack, 1 TFL, 2 QH.',
      'DL Chad Thomas 57 77% 3 tackles (3 combined). 1 sack, 1 TFL, 1 QH, 1 pass defended.',
      'DL Chris Smith 29 39% 1 assist (1 combined). 1 QH.',
      '',
      'There is a lot to sort through here. As a defense, the team had eleven hits on the quarterback and it was by far their best game of the season.',
    ].join('\n');
    expect(body(text)).toEqual([
      'Below, we analyze the snap counts and the statistics on defense for the team in its win on Thursday night, player by player.',
      'DL Larry Ogunjobi 63 85% 1 tackle (1 combined). 1 sack, 1 TFL, 2 QH.',
      'DL Chad Thomas 57 77% 3 tackles (3 combined). 1 sack, 1 TFL, 1 QH, 1 pass defended.',
      'DL Chris Smith 29 39% 1 assist (1 combined). 1 QH.',
      'There is a lot to sort through here. As a defense, the team had eleven hits on the quarterback and it was by far their best game of the season.',
    ]);
  });

  it('still drops the lines without a sentence after the last paragraph', () => {
    expect(
      body(
        [
          'Talks to resume in Geneva',
          '',
          TALKS,
          '',
          'Putin denied it.',
          '',
          'Wheat prices fall as ports reopen',
          'Storm closes the port of Varna for three days',
          'Five things to know about the grain deal',
        ].join('\n'),
      ),
    ).toEqual([TALKS, 'Putin denied it.']);
  });

  it('still drops short lines without a sentence around the article', () => {
    expect(
      body(
        [
          'Talks to resume in Geneva',
          '',
          'Top stories',
          '',
          TALKS,
          '',
          'Most read',
          'Weather',
        ].join('\n'),
      ),
    ).toEqual([TALKS]);
  });
});

describe('the first line of a text file without a headline', () => {
  it('is no title when it is a sentence ending inside its quotation', () => {
    const first =
      'The governor defended the state’s campaign against the drug, with the slogan “Meth, we’re on it.”';
    const second =
      'Critics said the slogan made the state a joke, and the agency that ran the campaign was paid almost a million dollars for it.';
    const cleaned = cleanDocument(`${first}\n\n${second}\n`, 'text');
    expect(cleaned.title).toBeNull();
    expect(cleaned.paragraphs).toEqual([first, second]);
  });

  it('is still the title when the headline ends with a quotation without a stop', () => {
    const cleaned = cleanDocument(
      `Kremlin says talks "brought positions closer"\n\n${TALKS}\n`,
      'text',
    );
    expect(cleaned.title).toBe('Kremlin says talks "brought positions closer"');
    expect(cleaned.paragraphs).toEqual([TALKS]);
  });
});

describe('angle brackets in a text file', () => {
  it('keeps words in brackets that open no HTML element, and strips the tags that do', () => {
    expect(
      body(
        [
          'Theatre festival opens in Seoul',
          '',
          'For those who have yet to watch <The Palace: Tale of Jang Noksu>, what are you waiting for? The show runs until the end of the month at the theatre.',
          '',
          'Tickets cost less when x<y and y>z, the <a href="https://example.com/faq">organisers</a> said in a <b>statement</b> on Monday.',
        ].join('\n'),
      ),
    ).toEqual([
      'For those who have yet to watch <The Palace: Tale of Jang Noksu>, what are you waiting for? The show runs until the end of the month at the theatre.',
      'Tickets cost less when x<y and y>z, the organisers said in a statement on Monday.',
    ]);
  });
});
