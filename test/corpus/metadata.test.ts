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
  ])('%s', (line, expected) => {
    expect(parseDateline(line)).toEqual(expected);
  });

  it.each([
    'On 24 April 2025 the Kremlin said it was ready to reach a deal.',
    'Friday, 25 April',
    'The talks in 2025 will be held in Geneva',
    'Support Us',
    'Am 3. März 2025 trafen sich die Delegationen in Genf zu neuen Gesprächen.',
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
