import { describe, expect, it } from 'vitest';
import { buildArticle } from '../../source/corpus/article.js';
import { bytesToSource } from '../../source/corpus/read.js';

/** The paragraphs and title `margin show` gives for a page. */
function show(html: string) {
  const article = buildArticle('page', 'page.html', bytesToSource('page.html', Buffer.from(html)));
  return { title: article.title, paragraphs: article.text.split('\n\n') };
}

const STORY = [
  'The council met on Tuesday evening to vote on the budget for the coming year, after weeks of debate over the cost of the new bridge.',
  'Members said the bridge would be paid for by a loan over thirty years, and that rates would not rise before the next election.',
  'A final vote is expected next month, when the council meets again in the town hall.',
];

function page(body: string, head = '<title>Council passes budget</title>'): string {
  return `<!doctype html><html><head>${head}</head><body><article>${body}</article></body></html>`;
}

describe('what real pages leave in the text', () => {
  it('a hover card inside a sentence is no part of it; the name it hangs on stays', () => {
    const card = (name: string) =>
      `<span class="person"><a href="/people/x">${name}</a><span class="person-card"><span><img src="x.jpg" alt=""><a href="/people/x">${name} Smith</a><a href="/a">Mayor ${name} Smith opens the new library in the old market square</a> <a href="/b">Council leader under fire over bridge costs and delays</a> <a href="/people/x">MORE</a></span></span></span>`;
    const html = page(
      `<h1>Council passes budget</h1><p>The council, led by Mayor ${card('Anna')} and her deputy, met on Tuesday evening to vote on the budget.</p><p>${STORY[1]}</p><p>${STORY[2]}</p>`,
    );
    expect(show(html).paragraphs).toEqual([
      'The council, led by Mayor Anna and her deputy, met on Tuesday evening to vote on the budget.',
      STORY[1],
      STORY[2],
    ]);
  });

  it('a name linked with its avatar, and a tooltip, inside a sentence', () => {
    const html = page(
      `<p>${STORY[0]}</p><p>The motion was tabled by <span class="author"><a href="/p/jo"><img src="jo.jpg" alt="">Jo Marsh</a></span>, who chairs the finance committee<span role="tooltip">Finance committee: the council's budget body</span>.</p><p>${STORY[2]}</p>`,
    );
    expect(show(html).paragraphs).toEqual([
      STORY[0],
      'The motion was tabled by Jo Marsh, who chairs the finance committee.',
      STORY[2],
    ]);
  });

  it("a photo's caption goes where it repeats the image's words or sits in a caption element (qa54 #4)", () => {
    const html = page(
      `<p>${STORY[0]}</p><div align="center"><div class="photo"><img src="1x1.jpg" alt="The new bridge over the Elm at dusk"></div><br><span class="small gray">The new bridge over the Elm at dusk</span></div>` +
        `<p>${STORY[1]}</p><p><a href="/x.jpg"><img src="/uploads/town-hall-council-chamber-05.jpg" alt=""></a></p><p><em>Council chamber, town hall, 2025</em></p>` +
        `<p><span class="image"><img src="vote.jpg" alt="vote"><span class="caption-source"><span class="caption">Members voted by a show of hands.</span><span>Jo Marsh/Gazette</span></span></span></p><p>${STORY[2]}</p>`,
    );
    expect(show(html).paragraphs).toEqual(STORY);
  });

  it("the story's words after a photo stay: a paragraph, a heading, a line that is no caption", () => {
    const html = page(
      `<p>${STORY[0]}</p><p><img src="bridge.jpg" alt="The new bridge"></p><h2>The new bridge</h2><p>${STORY[1]}</p><p><img src="bridge-at-dusk.jpg" alt="The new bridge at dusk"></p><p>The new bridge opens in May, the council said.</p><p>${STORY[2]}</p>`,
    );
    expect(show(html).paragraphs).toEqual([
      STORY[0],
      'The new bridge',
      STORY[1],
      'The new bridge opens in May, the council said.',
      STORY[2],
    ]);
  });

  it('a "Related …:" line and its link go: "Related Roundup: MacBook Pro", "Related post: …"', () => {
    const html = page(
      `${STORY.map((p) => `<p>${p}</p>`).join('')}<p>Related post: <a href="/a">Five bridges that changed a town</a></p><div class="linkback">Related Roundup: <a href="/b">Bridges</a></div>`,
    );
    expect(show(html).paragraphs).toEqual(STORY);
  });

  it('a list of other stories under a "More … Stories" heading goes, each item partly linked', () => {
    const html = page(
      `${STORY.map((p) => `<p>${p}</p>`).join('')}<hr><div class="heading">More Great Gazette Stories</div><ul><li>Farmers fear the new road, <a href="/a">and say so at the market</a></li><li>The mill reopens. <a href="/b">Its workers are back</a></li><li>Why the river <a href="/c">floods every spring</a>?</li></ul>`,
    );
    expect(show(html).paragraphs).toEqual(STORY);
  });

  it('a list with an item unlinked stays under such a heading, and a list of links under a plain one', () => {
    const items =
      '<li>Farmers fear the new road, <a href="/a">and say so</a></li><li>The mill reopens.</li>';
    const html = page(
      `${STORY.map((p) => `<p>${p}</p>`).join('')}<h3>More local stories</h3><ul>${items}</ul><h3>What the council decided</h3><ul><li>A loan over <a href="/l">thirty years</a></li><li>No rise in <a href="/r">rates</a> before the election</li></ul>`,
    );
    expect(show(html).paragraphs.slice(3)).toEqual([
      'Farmers fear the new road, and say so',
      'The mill reopens.',
      'What the council decided',
      'A loan over thirty years',
      'No rise in rates before the election',
    ]);
  });

  it("a slideshow's counters are no lines of the story", () => {
    const slides = [1, 2, 3]
      .map(
        (n) =>
          `<div class="slide"><span class="count">Image ${n} of 3</span><img src="${n}.jpg"></div>`,
      )
      .join('');
    const html = page(`<p>${STORY[0]}</p><p>${STORY[1]}</p>${slides}<p>${STORY[2]}</p>`);
    expect(show(html).paragraphs).toEqual(STORY);
  });

  it('the last item of a numbered list stays when the link line under it goes', () => {
    const gifts = [
      '1) A box of wooden toy trains for the hall',
      '2) The board game of the year',
      '3) Hasbro Gaming – Operation',
    ]
      .map((item, n) => `${item}<br><a href="/shop/${n}">Buy it at the corner shop today</a><br>`)
      .join('');
    const html = page(`<p>${STORY[0]}</p><p>${STORY[1]}</p><p>${gifts}</p>`);
    expect(show(html).paragraphs.slice(2)).toEqual([
      '1) A box of wooden toy trains for the hall',
      '2) The board game of the year',
      '3) Hasbro Gaming – Operation',
    ]);
  });

  it('a link written out as its address on a line of its own is read, a worded link line is not', () => {
    const html = page(
      `<p>${STORY[0]}</p><p>The minutes are online:<br><a href="http://example.org/minutes/2019-11.pdf">http://example.org/minutes/2019-11.pdf</a><br><a href="https://www.example.org">www.example.org</a></p><p><a href="/more">More about the council and its members</a></p><p>${STORY[2]}</p>`,
    );
    expect(show(html).paragraphs).toEqual([
      STORY[0],
      'The minutes are online:',
      'http://example.org/minutes/2019-11.pdf',
      'www.example.org',
      STORY[2],
    ]);
  });

  it("another story's teaser card in the story: its summary goes with its linked headline", () => {
    const promo = `<div class="card"><div class="card-content"><div class="card-section"><a href="/business">Business</a></div><div class="card-title"><a href="/b/gig">Column: Freelancers fear the new gig law will wipe them out</a></div><div class="card-text">Freelance writers and photographers fear the new gig worker law will make them unemployable.</div></div></div>`;
    const html = page(`<p>${STORY[0]}</p>${promo}<p>${STORY[1]}</p><p>${STORY[2]}</p>`);
    expect(show(html).paragraphs).toEqual(STORY);
  });

  it('a paragraph of the story after a line of links stays', () => {
    const html = page(
      `<p>${STORY[0]}</p><p><a href="/budget">Read the full budget for the coming year</a></p><p>Members said the bridge would be paid for by a loan.</p><p>${STORY[2]}</p>`,
    );
    expect(show(html).paragraphs).toEqual([
      STORY[0],
      'Members said the bridge would be paid for by a loan.',
      STORY[2],
    ]);
  });

  it("a title is the headline, without a section's name before it or a search engine's tail", () => {
    const body = STORY.map((p) => `<p>${p}</p>`).join('');
    const titled = (head: string, h1: string) =>
      show(
        `<!doctype html><html><head>${head}</head><body><article><h1>${h1}</h1>${body}</article></body></html>`,
      ).title;
    expect(
      titled(
        '<meta property="og:title" content="Opinion | Council budget leaves the bridge unpaid">',
        'Council budget leaves the bridge unpaid',
      ),
    ).toBe('Council budget leaves the bridge unpaid');
    expect(
      titled(
        '<title>The Town Review: Council passes its budget</title>',
        'Council passes its budget',
      ),
    ).toBe('Council passes its budget');
    expect(
      titled(
        '<meta property="og:title" content="Совет принял бюджет на следующий год: новости, фото 2018">',
        'Бюджет принят',
      ),
    ).toBe('Совет принял бюджет на следующий год');
    // A site's name in <h1> is no headline, though the title ends with it.
    expect(titled('<title>Council passes its budget - Town Post</title>', 'Town Post')).toBe(
      'Council passes its budget',
    );
  });

  it("a notice of how the site runs its comments goes; a story's comments stay, and so does a closing address", () => {
    const html = page(
      `<p>${STORY[0]}</p><p>The mayor's comments on the bridge drew applause from the public gallery.</p><p>${STORY[2]}</p><p><a href="https://www.example.org">www.example.org</a></p><p>Note: we are moderating all comments submitted to deal with a surge in spam.</p><p>Comments are closed.</p>`,
    );
    expect(show(html).paragraphs).toEqual([
      STORY[0],
      "The mayor's comments on the bridge drew applause from the public gallery.",
      STORY[2],
      'www.example.org',
    ]);
  });
  describe('a "You may like…" section of other posts', () => {
    const cards = [
      'Ten bridges that changed a town, and how each of them was paid for over the years',
      'The mill in the valley reopens after ten years, and its old workers come back to it',
    ];
    const section = (heading: string, blocks: string) =>
      `<section class="more"><h3>${heading}</h3>${blocks}</section>`;
    const asCards = cards.map((card) => `<div class="card"><span>${card}</span></div>`).join('');

    it('goes whole when every block under its heading is a card, in English or Portuguese', () => {
      for (const heading of ['You may also like', 'Você pode gostar', 'You might enjoy']) {
        const html = page(
          `${STORY.map((p) => `<p>${p}</p>`).join('')}${section(heading, asCards)}`,
        );
        expect(show(html).paragraphs).toEqual(STORY);
      }
    });

    it('keeps what follows when a paragraph of its own follows the heading (a story laid out flat)', () => {
      const html = page(
        `${STORY.slice(0, 2)
          .map((p) => `<p>${p}</p>`)
          .join('')}${section('Recommended', `<p>${STORY[2]}</p>${asCards}`)}`,
      );
      expect(show(html).paragraphs).toContain(STORY[2]);
    });

    it('keeps a live blog\'s posts under "Latest": only the heading goes', () => {
      const posts = cards.map((card) => `<div class="post">${card}.</div>`).join('');
      const html = page(`${STORY.map((p) => `<p>${p}</p>`).join('')}${section('Latest', posts)}`);
      expect(show(html).paragraphs).toEqual([...STORY, `${cards[0]}.`, `${cards[1]}.`]);
    });
  });

  it('a call-to-action block (class "cta") goes', () => {
    const html = page(
      `${STORY.map((p) => `<p>${p}</p>`).join('')}<div class="article-cta"><p>Our journalism depends on readers like you, who give what they can each month to keep it going.</p></div>`,
    );
    expect(show(html).paragraphs).toEqual(STORY);
  });
});
