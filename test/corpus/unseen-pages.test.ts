import { describe, expect, it } from 'vitest';
import { buildArticle } from '../../source/corpus/article.js';
import { bytesToSource } from '../../source/corpus/read.js';
import {
  AMP,
  ARABIC,
  BR_PARAGRAPHS,
  GERMAN,
  LIVE_BLOG,
  LIVE_BLOG_HEADERS,
  LIVE_BLOG_JSON_LD,
  LIVE_BLOG_LIST,
  PAYWALL,
  PULL_QUOTES,
} from './fixtures/unseen-pages.js';

/** The article as `margin show` gives it. */
function show(html: string) {
  const article = buildArticle('page', 'page.html', bytesToSource('page.html', Buffer.from(html)));
  return {
    title: article.title,
    byline: article.byline,
    paragraphs: article.text.split('\n\n'),
    sentences: article.sentences.map((sentence) => sentence.text),
  };
}

describe('kinds of page the benchmark lacks', () => {
  it('a live blog: the standfirst, then every entry, its time, heading and text, newest first', () => {
    const article = show(LIVE_BLOG);
    expect(article.title).toBe('Live: Storm Arwen hits the north coast');
    // Which entry said what when: each entry's <time> line, and the summary above the stream.
    expect(article.paragraphs).toEqual([
      'Winds of up to 100 mph have closed roads and left thousands of homes without power.',
      '16:45',
      'Power restored to 12,000 homes',
      'Northern Grid said engineers had restored power to 12,000 homes by the late afternoon, but about 30,000 were still waiting.',
      'The company said some customers in remote areas could be without electricity until the weekend.',
      '15:10',
      'The coastguard has rescued two fishermen whose boat lost its engine off Whitby, a spokeswoman said.',
      '14:32',
      'Schools close early',
      'More than 200 schools across the region sent pupils home at lunchtime after the Met Office raised its warning to red.',
    ]);
  });

  it('a page JSON-LD calls a LiveBlogPosting keeps its dek; an article keeps neither a dek nor its time', () => {
    const page = (type: string) =>
      `<!doctype html><html><head><title>Election night</title><script type="application/ld+json">{"@type": "${type}", "headline": "Election night"}</script></head><body><article><h1>Election night</h1>
<div class="article-dek"><p>Polls have closed across the country and the count has begun.</p></div>
<p class="meta">Published <time datetime="2025-11-27T22:00:00Z">22:00</time></p>
<div class="body"><p>Turnout was higher than at the last election in most of the northern districts, officials said.</p>
<p>The first results are expected shortly after midnight, when the smaller districts report.</p></div></article></body></html>`;
    const body = [
      'Turnout was higher than at the last election in most of the northern districts, officials said.',
      'The first results are expected shortly after midnight, when the smaller districts report.',
    ];
    expect(show(page('LiveBlogPosting')).paragraphs).toEqual([
      'Polls have closed across the country and the count has begun.',
      ...body,
    ]);
    expect(show(page('NewsArticle')).paragraphs).toEqual(body);
  });

  // Cleaner 10 (2026-12-05): the first lost every time and heading (each entry's <header> was
  // furniture), the third had no times at all.
  it('a live blog whose entries open with a <header>: each time as the page says it, and heading', () => {
    expect(show(LIVE_BLOG_HEADERS).paragraphs).toEqual([
      'Rivers have burst their banks in three towns and hundreds of people have left their homes.',
      '2 hours ago',
      'Bridge closed at Millford',
      'Police closed the old bridge at Millford after the water reached its arches, and drivers were told to use the bypass.',
      '3 hours ago',
      'The army has sent two hundred soldiers to help fill sandbags in Eastham, a defence ministry spokesman said.',
      '4 hours ago',
      'Trains cancelled',
      'All trains between Eastham and the coast were cancelled for the rest of the day because a landslide blocked the line.',
    ]);
  });

  it('a live blog of <ol><li> entries: the standfirst, then each time with its line', () => {
    expect(show(LIVE_BLOG_LIST).paragraphs).toEqual([
      'The finance minister presents her first budget to parliament this afternoon, with tax changes expected.',
      '13:40 Fuel tax up two cents a litre from January.',
      '13:05 Hospital spending to rise by four percent.',
      '12:30 The minister has arrived at parliament.',
    ]);
  });

  it('a live blog whose times are only in its JSON-LD: each update’s time before its heading', () => {
    expect(show(LIVE_BLOG_JSON_LD).paragraphs).toEqual([
      '10:12',
      'The winner crosses the line',
      "Kenyan runner Ruth Chebet won the women's race in two hours and nineteen minutes, a course record.",
      '09:15',
      'Halfway',
      'The leading group of six reached halfway in one hour and nine minutes, well inside record pace.',
      '08:00',
      'They are off',
      "The elite women's race started on time in cool, dry weather, with 30,000 runners behind them.",
    ]);
  });

  it('an AMP page: the story without its ads, share buttons or sidebar', () => {
    const article = show(AMP);
    expect(article.title).toBe('Council approves new tram line');
    expect(article.paragraphs).toEqual([
      'The city council approved a new tram line on Tuesday, linking the central station with the university and the hospital.',
      'Construction is due to start next spring and take three years, at a cost of about 400 million euros, officials said.',
      'Opponents said the money would be better spent on buses, which already serve most of the route.',
    ]);
  });

  it('pull-quotes in <aside>: the quote once, where the story says it', () => {
    const article = show(PULL_QUOTES);
    expect(article.byline).toBe('Maria Olsen');
    expect(article.paragraphs).toEqual([
      'For forty years, Tomas Berg climbed the 137 steps of the Skarv lighthouse twice a day to check the lamp.',
      'When the light was automated in 1998, he stayed on the island anyway, mending nets and keeping a log of the ships that passed.',
      '“The sea does not care that the lamp is automatic,” he said, standing at the rail as the ferry came in.',
      'He plans to leave the island next summer, when his granddaughter finishes school on the mainland.',
    ]);
  });

  it('a paywalled teaser: the paragraphs shown, not the prompt to subscribe', () => {
    expect(show(PAYWALL).paragraphs).toEqual([
      'The central bank raised its main interest rate by a quarter of a percentage point on Thursday, to 4.5 percent, its third rise this year.',
      "The governor said inflation, at 6.1 percent in October, was still far above the bank's target of two percent.",
    ]);
  });

  it('a right-to-left Arabic page: its paragraphs and sentences, not its menu or footer', () => {
    const article = show(ARABIC);
    expect(article.title).toBe('الحكومة تعلن خطة جديدة للمياه');
    expect(article.paragraphs).toHaveLength(3);
    expect(article.sentences).toHaveLength(3);
    expect(article.paragraphs[0]).toMatch(/^أعلنت الحكومة يوم الثلاثاء/);
    expect(article.paragraphs.join(' ')).not.toMatch(/الرئيسية|محفوظة/);
  });

  it('a German page: „quotes“ and “40 Mio. Euro” inside their sentences', () => {
    expect(show(GERMAN).sentences).toEqual([
      'Der Stadtrat hat am Dienstag ein neues Radwegenetz beschlossen.',
      '„Das ist ein guter Tag für alle, die in der Stadt Rad fahren“, sagte Oberbürgermeisterin Dr. Anna Keller nach der Abstimmung.',
      'Die Opposition kritisierte die Kosten von rund 40 Mio. Euro.',
      '„Wir hätten das Geld lieber in Schulen gesteckt“, sagte der Fraktionschef der Freien Wähler, Jens Bauer.',
      'Die ersten Abschnitte, u. a. an der Rheinuferstraße, sollen bis Ende 2026 fertig sein.',
    ]);
  });

  it('paragraphs made of <br><br>, without <p>: one paragraph each', () => {
    const article = show(BR_PARAGRAPHS);
    expect(article.title).toBe('Mill fire forces evacuation of village');
    expect(article.paragraphs).toEqual([
      'A fire at a disused textile mill forced the evacuation of about 300 residents of Lowbridge on Sunday night, the fire service said.',
      'Crews from four stations fought the blaze for six hours before bringing it under control, and nobody was hurt.',
      'The cause of the fire is not yet known. Police said they were treating it as suspicious.',
      'Residents were allowed to return to their homes on Monday morning.',
    ]);
  });
});
