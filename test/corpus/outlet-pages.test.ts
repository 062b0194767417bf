import { describe, expect, it } from 'vitest';
import { readArticle } from '../../source/corpus/index.js';
import { tempCorpus } from './temp-corpus.js';

/**
 * Pages of kinds qa58 wrote by hand (an opinion column, a wire story, French and German
 * articles, a live blog), each in the words of another outlet: what a reviewer sees of them.
 */
const corpus = tempCorpus();

const sentencesOf = (text: string) => text.split('\n\n');

function page(head: string, body: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

const COLUMN_BODY = `
<p>The mayor promised a city that works for everyone. Three years on, the buses are slower than ever.</p>
<p>Ridership has fallen by a fifth since 2022, the transit authority's own figures show, and the fares went up twice.</p>
<p>There is a better way, and other cities have already found it.</p>`;

describe('a page whose <title> puts a section before the headline (qa58 #1)', () => {
  it.each([
    ['Opinion | The bus lanes we were promised never came - The Chicago Tribune', 'Opinion'],
    ['Analysis | The bus lanes we were promised never came | The Chicago Tribune', 'Analysis'],
    ['US news | The bus lanes we were promised never came | Chicago Tribune', 'US news'],
  ])('is titled by its <h1>, not the section: %s', async (title, section) => {
    const html = page(
      `<title>${title}</title><meta property="og:site_name" content="The Chicago Tribune">`,
      `<p class="eyebrow">${section}</p><h1>The bus lanes we were promised never came</h1>${COLUMN_BODY}`,
    );
    const article = await readArticle(await corpus.write('column.html', html));
    expect(article.title).toBe('The bus lanes we were promised never came');
    // The section's kicker over the headline is no sentence of the column.
    expect(sentencesOf(article.text)[0]).toMatch(/^The mayor promised/);
  });

  it('takes the headline part of the title when the page has no <h1>', async () => {
    const html = page(
      '<title>Europe | Why Berlin is quietly rearming | The Economist</title>',
      COLUMN_BODY,
    );
    const article = await readArticle(await corpus.write('economist.html', html));
    expect(article.title).toBe('Why Berlin is quietly rearming');
  });

  it('keeps a headline of a few words that comes first', async () => {
    const html = page(
      '<title>Slower buses | Opinion | The Chicago Tribune</title><meta property="og:site_name" content="The Chicago Tribune">',
      COLUMN_BODY,
    );
    const article = await readArticle(await corpus.write('short.html', html));
    expect(article.title).toBe('Slower buses');
  });
});

describe('a wire story (qa58 #3)', () => {
  const WIRE = `Ukraine's grain exports rise in March, ministry says

By Pavel Polityuk

KYIV, April 2 (Reuters) - Ukraine's grain exports rose 12% in March from February as shipments through its Black Sea ports picked up, the agriculture ministry said on Wednesday.

Exports of wheat, the largest item, reached 1.9 million metric tons, the ministry said in a statement, while corn shipments were little changed from a month earlier. Traders said demand from North African buyers had firmed after a poor harvest there, and freight rates had eased.

(Reporting by Pavel Polityuk; Additional reporting by Olena Harmash in Kyiv; Editing by Mark Potter)
`;

  it('loses its bracketed credit line and names the agency of its dateline as the outlet', async () => {
    const article = await readArticle(await corpus.write('grain.txt', WIRE));
    expect(article.source).toBe('Reuters');
    expect(article.byline).toBe('Pavel Polityuk');
    expect(article.text).not.toContain('Reporting by');
    expect(sentencesOf(article.text)).toHaveLength(2);
  });

  it('reads AP, AFP and dpa datelines the same way, where nothing else names the outlet', async () => {
    for (const [dateline, outlet] of [
      ['WASHINGTON (AP) —', 'Associated Press'],
      ['PARIS, April 2 (AFP) -', 'AFP'],
      ['BERLIN (dpa) -', 'dpa'],
    ] as const) {
      const text = WIRE.replace('KYIV, April 2 (Reuters) -', dateline);
      const article = await readArticle(await corpus.write('wire.txt', text));
      expect(article.source).toBe(outlet);
    }
  });

  it('keeps the outlet a page names itself when it runs an agency story', async () => {
    const html = page(
      '<title>Grain exports rise</title><meta property="og:site_name" content="Kyiv Post">',
      `<h1>Grain exports rise</h1>${WIRE.split('\n\n')
        .slice(3, 5)
        .map((p) => `<p>${p}</p>`)
        .join('')}`,
    );
    const article = await readArticle(await corpus.write('kp.html', html));
    expect(article.source).toBe('Kyiv Post');
  });
});

describe("other languages' date lines and bylines (qa58 #6)", () => {
  it('reads a French "Publié le …, modifié le …" line and a "Par" byline with the post after it', async () => {
    const html = page(
      '<title>Les agriculteurs bloquent les routes</title><meta property="og:site_name" content="Ouest-France">',
      `<h1>Les agriculteurs bloquent les routes</h1>
<p class="author">Par Claire Dumont (Rennes, correspondante)</p>
<p class="date">Publié le 3 février 2025 à 08h12, modifié le 3 février 2025 à 17h45</p>
<p>Plusieurs centaines de tracteurs ont convergé lundi vers Rennes pour protester contre la baisse des prix du lait.</p>
<p>La préfecture a annoncé des déviations sur les principaux axes jusqu'à mardi soir.</p>`,
    );
    const article = await readArticle(await corpus.write('fr.html', html));
    expect(article.date).toBe('2025-02-03');
    expect(article.byline).toBe('Claire Dumont');
    expect(article.text).not.toContain('Publié');
  });

  it.each([
    ['Von Jonas Becker', 'Jonas Becker'],
    ['Por Lucía Fernández', 'Lucía Fernández'],
    ['Von Jonas Becker und Lena Weiß', 'Jonas Becker, Lena Weiß'],
    ['By Sarah Whitfield in Brussels', 'Sarah Whitfield'],
    ['By Sarah Whitfield and Tom Ruiz in New York', 'Sarah Whitfield, Tom Ruiz'],
  ])('reads the byline "%s" without a date on its line', async (line, byline) => {
    const text = `Port strike enters second week\n\n${line}\n\nDock workers in the port extended their strike into a second week on Monday, leaving dozens of container ships waiting offshore.\n\nThe union said talks with the employers had broken down over pay.\n`;
    const article = await readArticle(await corpus.write('byline.txt', text));
    expect(article.byline).toBe(byline);
    expect(article.text).not.toContain(line);
  });
});

describe('a live blog (qa58 #7)', () => {
  it('drops the entries\' "Updated at" lines and the "Key event" badge', async () => {
    const entry = (time: string, iso: string, body: string, extra: string) =>
      `<div class="post"><p class="post-time"><time datetime="${iso}">${time}</time></p>${extra}<p>${body}</p><p class="post-updated">Updated at ${time.replace('.', ':').replace(' BST', '')} BST</p></div>`;
    const html = page(
      '<title>Budget day live: chancellor sets out spending plans | The Independent</title><meta property="og:site_name" content="The Independent">',
      `<h1>Budget day live: chancellor sets out spending plans</h1><div class="liveblog">
${entry('13.05 BST', '2025-03-26T12:05:00Z', 'The chancellor told MPs that borrowing would fall in every year of the forecast, a claim the opposition disputed at once.', '<span class="badge">Key event</span>')}
${entry('12.40 BST', '2025-03-26T11:40:00Z', 'Fuel duty will stay frozen for another year, the Treasury confirmed ahead of the statement.', '')}
</div>`,
    );
    const article = await readArticle(await corpus.write('live.html', html));
    expect(article.text).toContain('The chancellor told MPs');
    expect(article.text).toContain('Fuel duty will stay frozen');
    expect(article.text).not.toMatch(/Updated at|Key event/);
  });
});

describe('boilerplate of common page kinds (qa58 #8)', () => {
  it("drops a German share bar and credit line, and Le Monde-style 'another device' notices", async () => {
    const html = page(
      '<title>Bahnstreik legt Fernverkehr lahm</title><meta property="og:site_name" content="Deutschlandfunk">',
      `<h1>Bahnstreik legt Fernverkehr lahm</h1>
<p>Die Gewerkschaft hat den Fernverkehr der Bahn am Donnerstag weitgehend zum Erliegen gebracht.</p>
<p>Nach Angaben des Unternehmens fallen rund 80 Prozent der Verbindungen aus, im Regionalverkehr sieht es ähnlich aus.</p>
<p>Mit Material von dpa und Reuters</p>
<p>Teilen: Facebook X Threads E-Mail</p>
<p>Votre abonnement est déjà en cours de lecture sur un autre appareil.</p>`,
    );
    const article = await readArticle(await corpus.write('de.html', html));
    expect(sentencesOf(article.text)).toEqual([
      'Die Gewerkschaft hat den Fernverkehr der Bahn am Donnerstag weitgehend zum Erliegen gebracht.',
      'Nach Angaben des Unternehmens fallen rund 80 Prozent der Verbindungen aus, im Regionalverkehr sieht es ähnlich aus.',
    ]);
  });

  it("drops a column's author biography, its disclaimer, a copyright note and a 'Keep reading' heading", async () => {
    const html = page(
      '<title>The housing shortage is a choice</title><meta property="og:site_name" content="The Boston Globe"><meta name="author" content="Marcus Hale">',
      `<h1>The housing shortage is a choice</h1>
<p>Every town in the region says it wants more homes. Almost none of them allow anyone to build them.</p>
<p>Zoning codes written in the 1970s still forbid anything but single-family houses on most residential land.</p>
<p>Marcus Hale is a Globe columnist who writes about cities and housing. He previously covered City Hall for a decade. Follow him on Bluesky @marcushale.</p>
<p>The opinions expressed in this column are those of the author.</p>
<p>All images subject to copyright.</p>
<h2>Keep reading</h2>`,
    );
    const article = await readArticle(await corpus.write('column.html', html));
    expect(article.byline).toBe('Marcus Hale');
    expect(sentencesOf(article.text)).toEqual([
      'Every town in the region says it wants more homes. Almost none of them allow anyone to build them.',
      'Zoning codes written in the 1970s still forbid anything but single-family houses on most residential land.',
    ]);
  });

  it('keeps a paragraph about a writer that is not the byline', async () => {
    const html = page(
      '<title>A life in letters</title><meta name="author" content="Ruth Baker">',
      `<h1>A life in letters</h1>
<p>Jane Doe, who died on Sunday at 91, wrote eleven novels and more than a thousand letters to her readers.</p>
<p>Jane Doe is the author of several books that are still in print, her publisher said on Monday.</p>`,
    );
    const article = await readArticle(await corpus.write('obit.html', html));
    expect(article.text).toContain('Jane Doe is the author');
  });

  it("reads a gallery's captions as its text, without counter and credit", async () => {
    const photo = (n: number, caption: string, credit: string) =>
      `<figure><img src="${n}.jpg" alt=""><figcaption>${n} of 4. ${caption} Photograph: ${credit}</figcaption></figure>`;
    const html = page(
      '<title>In pictures: the floods in Valencia - BBC News</title>',
      `<h1>In pictures: the floods in Valencia</h1><div class="gallery">
${photo(1, 'Cars piled up in a street of Paiporta after the water receded.', 'EPA')}
${photo(2, 'Residents carry what they could save from a flooded ground floor.', 'Reuters')}
<p>Rescue teams are still searching for the missing.</p>
${photo(3, 'Volunteers with shovels clear mud from the entrance of a school.', 'Getty Images')}
${photo(4, 'A soldier hands out bottled water in the town square.', 'AFP')}
</div><p>All images subject to copyright.</p>`,
    );
    const article = await readArticle(await corpus.write('gallery.html', html));
    expect(sentencesOf(article.text)).toEqual([
      'Cars piled up in a street of Paiporta after the water receded.',
      'Residents carry what they could save from a flooded ground floor.',
      'Rescue teams are still searching for the missing.',
      'Volunteers with shovels clear mud from the entrance of a school.',
      'A soldier hands out bottled water in the town square.',
    ]);
  });

  it('reads a headline broken over lines as words apart, and a gallery with it', async () => {
    // One reader of an element's text for both (tidy59): `In pictures:<br>the floods` is words
    // apart, and a caption's words in markup count as the caption's.
    const photo = (n: number, caption: string) =>
      `<figure><img src="${n}.jpg" alt=""><figcaption>${caption}</figcaption></figure>`;
    const html = page(
      '<title>In pictures: the floods - BBC News</title>',
      `<h1>In pictures:<br>the floods in Valencia</h1><div class="gallery">
${photo(1, 'Cars piled up in a street of <em>Paiporta</em>.')}
${photo(2, 'Residents carry what they saved from a <a href="/floods">flooded</a> floor.')}
${photo(3, 'Volunteers clear mud from a <b>school</b>.')}
${photo(4, 'A soldier hands out water in the square.')}
</div>`,
    );
    const article = await readArticle(await corpus.write('lines.html', html));
    expect(article.title).toBe('In pictures: the floods in Valencia');
    expect(sentencesOf(article.text)).toEqual([
      'Cars piled up in a street of Paiporta.',
      'Residents carry what they saved from a flooded floor.',
      'Volunteers clear mud from a school.',
      'A soldier hands out water in the square.',
    ]);
  });

  it('still drops the captions of an article with a few photos', async () => {
    const photo = (n: number) =>
      `<figure><img src="${n}.jpg" alt=""><figcaption>Residents clear mud from a street in Paiporta, photo ${n}.</figcaption></figure>`;
    const paragraph =
      '<p>Rescue teams searched on Friday for dozens of people still missing after the floods, the regional government said, as soldiers and volunteers cleared the streets of the worst-hit towns.</p>';
    const html = page(
      '<title>Valencia floods: search goes on</title>',
      `<h1>Valencia floods: search goes on</h1><article>${paragraph}${photo(1)}${paragraph.replace('Friday', 'Saturday')}${photo(2)}${paragraph.replace('Friday', 'Sunday')}${photo(3)}</article>`,
    );
    const article = await readArticle(await corpus.write('floods.html', html));
    expect(article.text).not.toContain('Paiporta, photo');
    expect(sentencesOf(article.text)).toHaveLength(3);
  });
});

describe('what a page keeps that looks like what it drops (review58-d)', () => {
  it('is titled by a short <h1> that is the first part of a longer <title>', async () => {
    const html = page(
      '<title>Pope Francis dies | Live updates from the Vatican and Rome | CNN</title>',
      `<h1>Pope Francis dies</h1>${COLUMN_BODY}`,
    );
    expect((await readArticle(await corpus.write('pope.html', html))).title).toBe(
      'Pope Francis dies',
    );
  });

  it('keeps news that quotes views expressed, and a writer named da Costa whole', async () => {
    const text = `Cabinet splits over the budget

By Maria Clara da Costa

The views expressed by the minister are not shared by the rest of the cabinet, aides said on Tuesday.

Opinions expressed by respondents in the survey are overwhelmingly negative about the new tax.

The views expressed in this column are the author's own.
`;
    const article = await readArticle(await corpus.write('budget.txt', text));
    expect(article.byline).toBe('Maria Clara da Costa');
    expect(sentencesOf(article.text)).toEqual([
      'The views expressed by the minister are not shared by the rest of the cabinet, aides said on Tuesday.',
      'Opinions expressed by respondents in the survey are overwhelmingly negative about the new tax.',
    ]);
  });

  it('drops the captions of a short story with three captioned photos', async () => {
    const photo = (n: number) =>
      `<figure><img src="${n}.jpg" alt=""><figcaption>Firefighters work through the night to contain the blaze near the village of Lakka on the island of Corfu, photo ${n} of the series.</figcaption></figure>`;
    const html = page(
      '<title>Wildfire on Corfu forces evacuations</title>',
      `<h1>Wildfire on Corfu forces evacuations</h1><article><p>A wildfire on the Greek island of Corfu forced the evacuation of three villages on Monday, the fire service said.</p>${photo(1)}${photo(2)}<p>Strong winds hampered the firefighters, officials said, and two water-bombing planes were sent from Athens.</p>${photo(3)}</article>`,
    );
    const article = await readArticle(await corpus.write('corfu.html', html));
    expect(article.text).not.toContain('photo 1 of the series');
    expect(sentencesOf(article.text)).toHaveLength(2);
  });
});
