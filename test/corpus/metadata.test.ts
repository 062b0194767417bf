import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../source/corpus/clean.js';
import {
  parseDate,
  parseDateline,
  sourceFromLine,
  takeDatePrefix,
} from '../../source/corpus/metadata.js';

describe('datelines and bylines', () => {
  it.each([
    ['Friday, 25 April 2025, 18:14', { date: '2025-04-25', byline: null }],
    ['Published March 3, 2025', { date: '2025-03-03', byline: null }],
    ['Updated: 14 March 2025 10:00 GMT', { date: '2025-03-14', byline: null }],
    ['By Jane Doe and John Roe', { date: null, byline: 'Jane Doe, John Roe' }],
    [
      'Oleh Pavliuk, Yevhen Kizilov Friday, 25 April 2025, 18:14',
      { date: '2025-04-25', byline: 'Oleh Pavliuk, Yevhen Kizilov' },
    ],
    ['By Maria Gonzalez · October 3, 2024', { date: '2024-10-03', byline: 'Maria Gonzalez' }],
    // A place before the date, as agency datelines give it.
    ['WASHINGTON, March 3, 2025', { date: '2025-03-03', byline: null }],
    // Outlets writing in other languages.
    ['Berlin, 3. März 2025', { date: '2025-03-03', byline: null }],
    ['Publié le 3 mars 2025 à 14h05', { date: '2025-03-03', byline: null }],
    ['25 апреля 2025, 18:14', { date: '2025-04-25', byline: null }],
    ['25 квітня 2025', { date: '2025-04-25', byline: null }],
    ['3 de marzo de 2025', { date: '2025-03-03', byline: null }],
    // Turkish, which chrono does not read, by the runtime's month names; in capitals by Turkish
    // case (`KASIM`, `NİSAN`), which the typed table's case-blind pattern missed.
    ['14 Şubat 2025', { date: '2025-02-14', byline: null }],
    ['İSTANBUL, 14 KASIM 2024', { date: '2024-11-14', byline: null }],
    ['3 NİSAN 2025', { date: '2025-04-03', byline: null }],
    // The day of the week after the date, as Turkish writes it, then the time (tidy58).
    ['14 Şubat 2025 Cuma', { date: '2025-02-14', byline: null }],
    ['3 Mart 2025 Pazartesi 09:30', { date: '2025-03-03', byline: null }],
    ['14 March 2025 Friday', { date: '2025-03-14', byline: null }],
    // Arabic names have no capitals: an outlet of three words by its word for news; two words
    // with no writer's label and no such word are neither (tidy58).
    [
      'سكاي نيوز عربية · ١٤ مارس ٢٠٢٥',
      { date: '2025-03-14', byline: null, source: 'سكاي نيوز عربية' },
    ],
    // The outlet beside the date is the source, never a byline (qa55 #2).
    ['By Associated Press', { date: null, byline: null, source: 'Associated Press' }],
    ['Source: Reuters · March 3, 2025', { date: '2025-03-03', byline: null, source: 'Reuters' }],
    ['By REUTERS', { date: null, byline: null, source: 'REUTERS' }],
    ['By Eric Song, IGN Staff', { date: null, byline: 'Eric Song', source: 'IGN' }],
    ['Written by Rachael Link, MS, RD', { date: null, byline: 'Rachael Link' }],
    ['By JERUSALEM POST STAFF', { date: null, byline: null, source: 'JERUSALEM POST' }],
    ['By DANICA KIRKA and JILL LAWLESS', { date: null, byline: 'DANICA KIRKA, JILL LAWLESS' }],
    [
      'By Bill Hoppe | Special to the Pioneer Press',
      { date: null, byline: 'Bill Hoppe', source: 'The Pioneer Press' },
    ],
    [
      'By Troy L. Smith, Cleveland.com',
      { date: null, byline: 'Troy L. Smith', source: 'Cleveland.com' },
    ],
    // A lone word that is not set apart is a place or a first name: neither writer nor outlet.
    ['Stephanie September 17, 2014 - 1:01 pm', { date: '2014-09-17', byline: null }],
    ['by Regan September 15, 2014', { date: '2014-09-15', byline: null }],
    ['Wednesday 20 November 2019 11:42, UK', { date: '2019-11-20', byline: null }],
    ['Air Date: November 19, 2019', { date: '2019-11-19', byline: null }],
    // A site's section beside the date is no outlet.
    ['World · 2025-03-14', { date: '2025-03-14', byline: null }],
    ['Opinion | March 14, 2025', { date: '2025-03-14', byline: null }],
    ['Reuters - March 3, 2025', { date: '2025-03-03', byline: null, source: 'Reuters' }],
    ['March 3, 2025 | Updated 10:00 GMT', { date: '2025-03-03', byline: null }],
    ['Mar 3, 2025 · 4 min read', { date: '2025-03-03', byline: null }],
    ['By Staff · March 3, 2025', { date: '2025-03-03', byline: null }],
    ['By Jane Doe, Kyiv · March 3, 2025', { date: '2025-03-03', byline: 'Jane Doe' }],
    ['来源：新华社', { date: null, byline: null, source: '新华社' }],
    ['2025년 3월 3일 연합뉴스', { date: '2025-03-03', byline: null, source: '연합뉴스' }],
  ])('%s', (line, expected) => {
    expect(parseDateline(line)).toEqual({ source: null, ...expected });
  });

  it.each([
    'On 24 April 2025 the Kremlin said it was ready to reach a deal.',
    'Friday, 25 April',
    'The talks in 2025 will be held in Geneva',
    'Support Us',
    'Am 3. März 2025 trafen sich die Delegationen in Genf zu neuen Gesprächen.',
    'Source: company filings',
    'Source: Russian Defense Ministry, October 25, 2019',
    'Source: Reuters',
    'Author:',
    'by Regan',
    'by India Post News Weekly 0 Comments',
    'CTV National News for Tuesday, November 19, 2019',
    'From March 3, 2025 the port is closed',
    'Reuters said on March 3, 2025',
    'By the end of March 2025',
    '2025年3月3日，双方在日内瓦举行会谈。',
  ])('leaves a line that is not a dateline alone: %s', (line) => {
    expect(parseDateline(line)).toBeNull();
  });

  it('reads ISO dates from HTML meta without shifting the day', () => {
    expect(parseDate('2025-03-14T23:30:00-05:00')).toBe('2025-03-14');
    expect(parseDate('March 14, 2025')).toBe('2025-03-14');
    expect(parseDate('soon')).toBeNull();
  });

  it('takes the scraper date prefix off the text', () => {
    expect(takeDatePrefix(' date 2025-03-14 Russia said on Friday')).toEqual({
      text: 'Russia said on Friday',
      date: '2025-03-14',
    });
    expect(takeDatePrefix('The date 2025-03-14 was set')).toEqual({
      text: 'The date 2025-03-14 was set',
      date: null,
    });
  });
});

describe('the outlet named by a boilerplate line', () => {
  it.each([
    ['A Message from The Moscow Times:', 'The Moscow Times'],
    ['Support Ukrainska Pravda on Patreon!', 'Ukrainska Pravda'],
    ['© 2025 The Harbour Post. All rights reserved.', 'The Harbour Post'],
    ['MNA/', 'Mehr News Agency'],
    ['/TASS/', 'TASS'],
    ['(Reuters)', 'Reuters'],
    ['— AFP', 'AFP'],
    ['Support Us on Patreon!', null],
    ['XYZQ/', null],
  ])('%s', (line, outlet) => {
    expect(sourceFromLine(line)).toBe(outlet);
  });
});

describe('boilerplate removal on plain text', () => {
  const body = (text: string) => cleanDocument(text, 'text').paragraphs;

  it('drops site furniture around an article and keeps every real paragraph', () => {
    const text = [
      'Menu',
      'Sign in',
      '',
      'Ceasefire talks resume in Geneva',
      '',
      'By Jane Doe',
      'Published March 3, 2025',
      '',
      'Negotiators from both countries met in Geneva on Tuesday to resume talks that stalled last month over the terms of a ceasefire.',
      '',
      'No deal was reached.',
      '',
      'Read more: Five things to know about the talks',
      '',
      'The talks will continue in April, a spokesman for the delegation said after the meeting ended.',
      '',
      'Share this article',
      'Sign up for our daily newsletter to get the news in your inbox.',
      'We use cookies to improve your experience. By using this site you accept our cookie policy.',
      '© 2025 Example News. All rights reserved.',
      'Privacy policy | Terms of use',
    ].join('\n');
    const cleaned = cleanDocument(text, 'text');
    expect(cleaned).toMatchObject({
      title: 'Ceasefire talks resume in Geneva',
      date: '2025-03-03',
      byline: 'Jane Doe',
      source: 'Example News',
    });
    expect(cleaned.paragraphs).toEqual([
      'Negotiators from both countries met in Geneva on Tuesday to resume talks that stalled last month over the terms of a ceasefire.',
      'No deal was reached.',
      'The talks will continue in April, a spokesman for the delegation said after the meeting ended.',
    ]);
  });

  it('treats a block of unfinished lines among menu items as a headline list', () => {
    expect(
      body(
        [
          'Negotiators from both countries met in Geneva on Tuesday to resume talks that stalled last month over a ceasefire.',
          '',
          'Related',
          'Wheat prices fall as ports reopen',
          'Storm closes the port of Varna for three days',
          'Five things to know about the grain deal',
        ].join('\n'),
      ),
    ).toEqual([
      'Negotiators from both countries met in Geneva on Tuesday to resume talks that stalled last month over a ceasefire.',
    ]);
  });

  it('keeps an article in a language the stop-word list does not know', () => {
    expect(
      body(
        'Les négociateurs des deux pays se sont rencontrés mardi à Genève pour reprendre les pourparlers.\n\nAucun accord n’a été trouvé pour le moment, selon un porte-parole.\n',
      ),
    ).toEqual([
      'Les négociateurs des deux pays se sont rencontrés mardi à Genève pour reprendre les pourparlers.',
      'Aucun accord n’a été trouvé pour le moment, selon un porte-parole.',
    ]);
  });
});

describe('the outlet of an HTML page', () => {
  const outlet = (head: string) =>
    cleanDocument(
      `<html><head>${head}</head><body><article><p>The port of Varna reopened on Monday after a storm closed it for three days.</p></article></body></html>`,
      'html',
    ).source;
  const app = (name: string) => `<meta name="application-name" content="${name}">`;
  const site = (name: string) => `<meta property="og:site_name" content="${name}">`;
  const headline = 'Varna port reopens after the storm';
  const ogTitle = `<meta property="og:title" content="${headline}">`;

  it('is the first site name in the page, og:site_name or application-name', () => {
    expect(outlet(app('Harbour Tribune'))).toBe('Harbour Tribune');
    // A site's own spelling stands, whichever tag gives it first.
    expect(outlet(app('Harbour Tribune') + site('the Harbour Tribune'))).toBe('Harbour Tribune');
    expect(outlet(site('the Harbour Tribune') + app('Harbour Tribune'))).toBe(
      'the Harbour Tribune',
    );
    // A title that is the site's name alone does not make it a headline.
    expect(outlet(`<title>Harbour Tribune</title>${app('Harbour Tribune')}`)).toBe(
      'Harbour Tribune',
    );
  });

  it('is the outlet or the host where the page gives a web address for its name', () => {
    expect(outlet(site('https://www.harbourtribune.example'))).toBe('harbourtribune.example');
    expect(outlet(site('http://news.harbour.example/'))).toBe('news.harbour.example');
    // An address margin knows names its outlet, as a scraper's URL Source does.
    expect(outlet(site('https://www.reuters.com/'))).toBe('Reuters');
    // A name that only holds an address stays as the page wrote it.
    expect(outlet(site('Harbour Tribune (https://harbour.example)'))).toBe(
      'Harbour Tribune (https://harbour.example)',
    );
  });

  it('is never an application name that reads as the headline', () => {
    expect(outlet(app(headline) + ogTitle + site('Harbour Tribune'))).toBe('Harbour Tribune');
    expect(outlet(app(headline) + ogTitle)).not.toBe(headline);
    // With no og:title, the headline is the title's part before its separator.
    expect(outlet(`<title>${headline} - Portal</title>${app(headline)}`)).not.toBe(headline);
  });
});
