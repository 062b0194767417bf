import { describe, expect, it } from 'vitest';
import { readArticle } from '../../source/corpus/index.js';
import { tempCorpus } from './temp-corpus.js';

/**
 * The ways real pages wrap, repeat and surround their story, each in a small page of its own
 * (the shapes seen on the Zyte benchmark's pages, none of their text or class names).
 */
const corpus = tempCorpus();

const STORY = [
  'The city council voted on Tuesday to close the old harbour bridge to cars from next spring, after engineers found cracks in two of its supports.',
  'Cyclists and pedestrians will still be able to cross, the council said, while a replacement is designed and funded over the next four years.',
  '“We cannot wait for the bridge to fail,” the mayor told reporters after the vote, adding that ferries would run more often in the meantime.',
];

const paragraphs = STORY.map((text) => `<p>${text}</p>`).join('\n');

const NAVIGATION = `<nav><ul><li><a href="/">Home</a></li><li><a href="/city">City</a></li><li><a href="/sport">Sport</a></li></ul></nav>`;

const SIDEBAR = `<aside class="sidebar"><h3>Most read</h3><ul>
<li><a href="/a">Mayor opens new library in the east of the city</a></li>
<li><a href="/b">Ferry timetable changes for the winter season</a></li></ul></aside>`;

async function read(name: string, html: string) {
  return readArticle(await corpus.write(name, html));
}

describe('an article under a misleading ancestor', () => {
  it('is found inside a <body> whose classes say sidebar', async () => {
    const article = await read(
      'body-sidebar.html',
      `<html><body class="page one-sidebar sidebar-second">${NAVIGATION}
      <div class="content"><h1>Harbour bridge to close to cars</h1>${paragraphs}</div>${SIDEBAR}</body></html>`,
    );
    expect(article.text.split('\n\n')).toEqual(STORY);
  });

  it('is found inside a wrapper whose class names ads and a sidebar', async () => {
    const article = await read(
      'wrapper.html',
      `<html><body>${NAVIGATION}<div class="Page-ad-margins"><div class="l-sidebar-fixed">
      <article><h1>Harbour bridge to close to cars</h1>${paragraphs}</article>${SIDEBAR}</div></div></body></html>`,
    );
    expect(article.text.split('\n\n')).toEqual(STORY);
  });

  it('is found in a page saved with a dialog open, its wrapper hidden from screen readers', async () => {
    const article = await read(
      'dialog-open.html',
      `<html><body><div id="page" aria-hidden="true">${NAVIGATION}
      <article><h1>Harbour bridge to close to cars</h1>${paragraphs}</article></div>
      <div role="dialog" class="modal"><p>Subscribe to read more stories like this one.</p></div></body></html>`,
    );
    expect(article.text.split('\n\n')).toEqual(STORY);
  });

  it('is read from a page whose every paragraph is hidden until a script shows it', async () => {
    const article = await read(
      'hidden.html',
      `<html><body><div class="story" style="display:none"><h1>Harbour bridge to close to cars</h1>${paragraphs}</div></body></html>`,
    );
    expect(article.text.split('\n\n')).toEqual(STORY);
  });

  it('is found inside the <form> that wraps a whole ASP.NET page', async () => {
    const article = await read(
      'form.aspx.html',
      `<html><body><form method="post" action="./story.aspx" id="aspnetForm">
      <input type="hidden" name="__VIEWSTATE" value="dDwtMTA4NzA5">${NAVIGATION}
      <div id="main"><h1>Harbour bridge to close to cars</h1>${paragraphs}</div>
      <div id="footer">© 2025 City Gazette</div></form></body></html>`,
    );
    expect(article.text.split('\n\n')).toEqual(STORY);
  });
});

describe('the story’s own lists and repeats', () => {
  it('keeps a list inside the body, one paragraph per item, even as its last part', async () => {
    const article = await read(
      'list.html',
      `<html><body>${NAVIGATION}<article><h1>Ferry timetable for the closure</h1>${paragraphs}
      <h2>Ferry departures</h2>
      <ul><li>6:15 North pier</li><li>6:45 Old town</li><li>7:15 North pier</li><li>7:45 Old town</li></ul>
      </article>${SIDEBAR}</body></html>`,
    );
    expect(article.text.split('\n\n')).toEqual([
      ...STORY,
      'Ferry departures',
      '6:15 North pier',
      '6:45 Old town',
      '7:15 North pier',
      '7:45 Old town',
    ]);
  });

  it('keeps a table row by row', async () => {
    const article = await read(
      'table.html',
      `<html><body>${NAVIGATION}<article>${paragraphs}
      <table><tr><th>Crossing</th><th>Minutes</th></tr><tr><td>Old bridge</td><td>4</td></tr><tr><td>Ferry</td><td>12</td></tr></table>
      </article></body></html>`,
    );
    expect(article.text.split('\n\n')).toEqual([
      ...STORY,
      'Crossing Minutes',
      'Old bridge 4',
      'Ferry 12',
    ]);
  });

  it('takes the story’s column of a page laid out with a table, not the menu or the side column', async () => {
    const article = await read(
      'layout-table.html',
      `<html><body><table width="100%"><tr>
      <td width="150"><a href="/">Home</a><br><a href="/news">News</a><br><a href="/sport">Sport</a></td>
      <td>${STORY.join('<br><br>')}</td>
      <td width="200">Weather today: sunny, 21 degrees, light wind from the west.<br>Subscribe to our print edition for only 5 euros a month.</td>
      </tr></table></body></html>`,
    );
    expect(article.text.split('\n\n')).toEqual(STORY);
  });

  it('gives a story printed twice once', async () => {
    const article = await read(
      'twice.html',
      `<html><body>${NAVIGATION}<div class="story">${paragraphs}</div><div>${paragraphs}</div></body></html>`,
    );
    expect(article.text.split('\n\n')).toEqual(STORY);
  });

  it('leaves out an "other stories" block of teaser cards beside the story', async () => {
    const card = (title: string, blurb: string) =>
      `<div class="item"><h3><a href="/${title.length}">${title}</a></h3><p>${blurb}</p></div>`;
    const article = await read(
      'teasers.html',
      `<html><body>${NAVIGATION}<div class="main"><div class="text">${paragraphs}</div>
      <div class="list"><h2>Other stories</h2>
      ${card('School roof repaired before winter', 'Work on the roof of the central school finished a week early, the education office said on Monday.')}
      ${card('New bus line to the airport', 'A direct bus will link the station and the airport every twenty minutes from March, the transport company said.')}
      ${card('Library extends its opening hours', 'The city library will stay open until nine in the evening on weekdays, starting next month.')}
      </div></div></body></html>`,
    );
    expect(article.text.split('\n\n')).toEqual(STORY);
  });
});

/** The rest of a story whose opening stands apart: four paragraphs after the first three. */
const REST = [
  'Engineers inspected the bridge last month, after a ferry captain reported a loud crack, and found rust inside two supports, the council said in its report.',
  'The bridge, opened in 1931, carries some 12,000 cars a day, and shops on both banks fear that trade will fall, though the council expects most drivers to use the ring road.',
  'A design competition for the new bridge will open in January, with a jury of engineers, residents and architects, and the winner will be named before the summer.',
  'Until then, the council said, ferries will run every ten minutes at rush hour, and parking at both landings will be free for residents, cyclists and pedestrians.',
];

const rest = REST.map((text) => `<p>${text}</p>`).join('\n');

describe('a story whose opening stands apart from its body', () => {
  it('keeps opening paragraphs each in a block of its own before a "read more" gate', async () => {
    const article = await read(
      'gate.html',
      `<html><body>${NAVIGATION}<h1>Harbour bridge to close to cars</h1><div class="body">
      <div class="lede"><p>${STORY[0]}</p></div>
      <div class="paragraph">${STORY[1]}</div>
      <div class="paragraph">${STORY[2]}</div>
      <div class="gate"><a href="#all">Read more</a></div>
      <div class="all">${rest}</div></div>${SIDEBAR}</body></html>`,
    );
    expect(article.text.split('\n\n')).toEqual([...STORY, ...REST]);
  });

  it('keeps a first chunk whose class adds a modifier to the other chunks’ class', async () => {
    const lead = [
      `${STORY[0]} The decision, taken by a large majority, ends years of debate, and the vote was followed by a crowd of residents, shopkeepers and ferry workers in the council hall.`,
      `${STORY[1]} Some residents, however, said they had not been asked, and a petition against the closure, signed by 3,000 people, will be handed to the mayor this week.`,
    ];
    const article = await read(
      'drop-cap.html',
      `<html><body>${NAVIGATION}<h1>Harbour bridge to close to cars</h1><div class="content">
      <div class="block"><div class="text text_first">${lead.map((text) => `<p>${text}</p>`).join('')}</div></div>
      <div class="block"><div class="text">${rest}</div></div></div>${SIDEBAR}</body></html>`,
    );
    expect(article.text.split('\n\n')).toEqual([...lead, ...REST]);
  });

  it('leaves out a summary repeated from the headline’s block and a call to join below the body', async () => {
    const summary = 'The bridge will close to cars next spring, and ferries will run more often.';
    const article = await read(
      'summary.html',
      `<html><body>${NAVIGATION}<div class="head"><h1>Harbour bridge to close to cars</h1>
      <div class="dek">${summary}</div></div><div class="content">
      <div class="abstract">${summary}</div>
      <div class="text">${paragraphs}\n${rest}</div>
      <div class="note">Join our forums to keep talking about the city, and send us your news tips.</div>
      </div>${SIDEBAR}</body></html>`,
    );
    expect(article.text.split('\n\n')).toEqual([...STORY, ...REST]);
  });
});

describe('text without spaces between words', () => {
  it('keeps Japanese paragraphs', async () => {
    const japanese = [
      '市議会は火曜日、古い港の橋を来春から車両通行止めにすることを決めた。技術者が二本の支柱にひびを見つけたためだという。',
      '自転車と歩行者は引き続き渡ることができる。市は今後四年間で新しい橋の設計と資金の確保を進めると説明した。',
      '市長は採決の後、記者団に対し「橋が壊れるのを待つことはできない」と述べ、当面はフェリーの便を増やすと語った。',
    ];
    const article = await read(
      'japanese.html',
      `<html lang="ja"><body><nav><a href="/">ホーム</a> <a href="/news">ニュース</a></nav>
      <article><h1>港の橋、車両通行止めへ</h1>${japanese.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
    );
    expect(article.title).toBe('港の橋、車両通行止めへ');
    expect(article.text.split('\n\n')).toEqual(japanese);
  });
});

describe('metadata of a page', () => {
  const page = (head: string, body = `<article>${paragraphs}</article>`) =>
    `<html><head>${head}</head><body>${body}</body></html>`;

  it('skips a placeholder publication date for the real one', async () => {
    const article = await read(
      'placeholder.html',
      page(
        `<meta property="article:published_time" content="0001-01-01T00:00:00Z">
        <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-03-14T09:00:00Z"}</script>`,
      ),
    );
    expect(article.date).toBe('2025-03-14');
  });

  it('has no date rather than an impossible one', async () => {
    const article = await read(
      'impossible.html',
      page(
        `<meta property="article:published_time" content="2999-12-31T00:00:00Z">
        <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"0001-01-01T00:00:00Z"}</script>`,
      ),
    );
    expect(article.date).toBeNull();
  });

  it('takes the <h1> when og:title is a shortened version of it', async () => {
    const article = await read(
      'short-og-title.html',
      page(
        `<meta property="og:title" content="Harbour bridge to close">`,
        `<article><h1>Harbour bridge to close to cars after cracks are found</h1>${paragraphs}</article>`,
      ),
    );
    expect(article.title).toBe('Harbour bridge to close to cars after cracks are found');
    expect(article.text.split('\n\n')).toEqual(STORY);
  });

  it('takes the <h1> when <title> keeps a " - Site" suffix', async () => {
    const article = await read(
      'title-suffix.html',
      page(
        '<title>Harbour bridge to close to cars - City Gazette</title>',
        `<article><h1>Harbour bridge to close to cars</h1>${paragraphs}</article>`,
      ),
    );
    expect(article.title).toBe('Harbour bridge to close to cars');
  });

  it('keeps <title> when the only <h1> is the site’s name', async () => {
    const article = await read(
      'logo-h1.html',
      page(
        '<title>Harbour bridge to close to cars | City Gazette</title>',
        `<header><h1>City Gazette</h1></header><article>${paragraphs}</article>`,
      ),
    );
    expect(article.title).toBe('Harbour bridge to close to cars');
  });
});
