/**
 * How one generated story is written to disk. Each text style imitates one of the seeds; the
 * Markdown and HTML styles add what other scrapers save (link syntax, nav/header/footer, scripts,
 * Open Graph meta, character references).
 */
import {
  bylineGluedToDateline,
  donationAppeal,
  gluedTags,
  hashtagLine,
  LANGUAGE_MENU,
  optimizerCredits,
  publisherId,
  recentNews,
  relatedHeadlines,
  reporters,
  shareCounters,
} from './boilerplate.js';
import { isoDate, longDate, type Story } from './story.js';
import { AGENCY_TRAILERS, OUTLETS } from './vocabulary.js';

export type Style =
  | 'inline-links'
  | 'donation'
  | 'share-counter'
  | 'portal'
  | 'agency'
  | 'plain'
  | 'markdown'
  | 'html';

/** Mostly plain text like the seeds, some Markdown and HTML. */
export const STYLE_WEIGHTS: Record<Style, number> = {
  'inline-links': 14,
  donation: 14,
  'share-counter': 14,
  portal: 14,
  agency: 12,
  plain: 12,
  markdown: 10,
  html: 10,
};

export interface Rendered {
  extension: 'txt' | 'md' | 'html';
  content: string;
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Wraps the first mention of each cast member and place in a link, as the seed 000 outlet does. */
function linkNames(story: Story, text: string, domain: string, makeLink: LinkMaker): string {
  let out = text;
  const names = [...story.cast.map((member) => member.full), ...story.places.slice(0, 4)];
  for (const name of names) {
    const at = out.indexOf(name);
    // Skip names already inside a link's attribute or text.
    if (at < 0 || out.lastIndexOf('<a ', at) > out.lastIndexOf('</a>', at)) continue;
    out = `${out.slice(0, at)}${makeLink(`https://www.${domain}/tags/${slug(name)}/`, name)}${out.slice(at + name.length)}`;
  }
  return out;
}

type LinkMaker = (href: string, text: string) => string;

const htmlLink: LinkMaker = (href, text) => `<a href="${href}" target="_blank">${text}</a>`;
const markdownLink: LinkMaker = (href, text) => `[${text}](${href})`;

function escapeHtml(text: string, random: Story['random']): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // Some CMSs store typographic quotes as references, some as characters.
  return random.chance(0.5)
    ? escaped.replace(/“/g, '&#8220;').replace(/”/g, '&#8221;').replace(/’/g, '&rsquo;')
    : escaped;
}

const joinParagraphs = (paragraphs: string[][]): string[] => paragraphs.map((p) => p.join(' '));

export function render(
  story: Story,
  style: Style,
  title: string,
  paragraphs: string[][],
): Rendered {
  const { random } = story;
  const outlet = random.pick(OUTLETS);
  const byline = reporters(random);
  const text = joinParagraphs(paragraphs);
  switch (style) {
    case 'inline-links':
      return {
        extension: 'txt',
        content: ` date ${isoDate(story.date)} ${linkNames(story, text.join(' '), outlet.domain, htmlLink)}`,
      };
    case 'donation':
      return {
        extension: 'txt',
        content: [
          publisherId(random),
          title,
          ...text,
          ...donationAppeal(outlet.name),
          hashtagLine(title),
          optimizerCredits(random),
        ].join('\n\n'),
      };
    case 'share-counter':
      return {
        extension: 'txt',
        content: `${title}\n\n${shareCounters(random)}\n\n${text.map((p) => `    ${p}`).join('\n\n')}\n`,
      };
    case 'portal':
      return { extension: 'txt', content: portal(story, title, byline, text) };
    case 'agency':
      return {
        extension: 'txt',
        content: `${paragraphs.flat().join('\n')}\n${random.pick(AGENCY_TRAILERS)}`,
      };
    case 'plain':
      return {
        extension: 'txt',
        content: [title, `By ${byline}`, longDate(story.date), ...text, 'Advertisement']
          .join('\n\n')
          .replace(/\n/g, random.chance(0.3) ? '\r\n' : '\n'),
      };
    case 'markdown':
      return { extension: 'md', content: markdown(story, title, byline, text, outlet.domain) };
    case 'html':
      return { extension: 'html', content: html(story, title, byline, text, outlet) };
  }
}

function portal(story: Story, title: string, byline: string, text: string[]): string {
  const { random } = story;
  const lead = text[0] ?? '';
  const rest = text.slice(1).map((p, i) => (i === 1 ? `${p}\n\nAdvertisement:` : p));
  return [
    ` date ${isoDate(story.date)} All Sections\n${LANGUAGE_MENU}`,
    title,
    `${bylineGluedToDateline(story, byline)}\n${title.replace(/"/g, '')}\nStock photo: Getty Images`,
    lead,
    `Source: ${random.pick(story.cast).full}, in a comment to journalists`,
    `Details: ${rest[0] ?? lead}`,
    ...rest.slice(1),
    `Background:\n\n${story.topic.background.map((line) => `  • ${line}`).join('\n')}`,
    'Support Us on Patreon!',
    `${gluedTags(story)}\nAdvertisement:\n${relatedHeadlines(story, random.int(3, 6)).join('\n')}\nAll News`,
    `${recentNews(story, random.int(6, 10))}\nAll News\nAdvertisement:\nAdvertisement:`,
  ].join('\n\n');
}

function markdown(
  story: Story,
  title: string,
  byline: string,
  text: string[],
  domain: string,
): string {
  const { random } = story;
  const body = text.map((p, i) => {
    if (i === 0) return linkNames(story, p, domain, markdownLink);
    if (i % 5 === 3) return `> ${p}`;
    return p;
  });
  const read = relatedHeadlines(story, 1)[0]!;
  return [
    `# ${title}`,
    `*By ${byline}* · ${longDate(story.date)}`,
    ...body.slice(0, 2),
    `**Read more:** [${read}](https://${domain}/news/${slug(read)})`,
    ...body.slice(2),
    `## Background\n\n${story.topic.background.map((line) => `- ${line}`).join('\n')}`,
    '---',
    `Share: [Facebook](https://facebook.com/sharer?u=${domain}) [X](https://x.com/share?u=${domain}) · ${random.int(0, 400)} shares  \nTags: ${story.topic.tags.map((tag) => `#${slug(tag)}`).join(' ')}`,
  ].join('\n\n');
}

function html(
  story: Story,
  title: string,
  byline: string,
  text: string[],
  outlet: (typeof OUTLETS)[number],
): string {
  const { random } = story;
  const e = (value: string) => escapeHtml(value, random);
  const description = e(text[0]?.slice(0, 150) ?? '');
  const paragraphs = text.map((p, i) => {
    const linked = linkNames(story, e(p), outlet.domain, htmlLink);
    return i === 2 ? `<p>${linked}</p>\n<div class="ad">Advertisement</div>` : `<p>${linked}</p>`;
  });
  const recent = relatedHeadlines(story, random.int(3, 6))
    .map(
      (h) =>
        `<li><time>${random.int(10, 23)}:${random.int(10, 59)}</time> <a href="#">${e(h)}</a></li>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${e(title)} | ${e(outlet.name)}</title>
<meta property="og:title" content="${e(title)}">
<meta property="og:description" content="${description.replace(/"/g, '&quot;')}">
<meta property="og:site_name" content="${e(outlet.name)}">
<meta property="article:published_time" content="${isoDate(story.date)}T${random.int(10, 23)}:00:00Z">
<meta name="author" content="${e(byline)}">
<script>window.dataLayer=window.dataLayer||[];googletag.cmd.push(function(){googletag.pubads().set("${publisherId(random)}");});</script>
<style>.ad{min-height:250px}</style>
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li></ul></nav>
<div class="lang">Укр Рус Eng</div><a class="support" href="/donate">Support Us</a></header>
<main>
<article>
<h1>${e(title)}</h1>
<p class="byline">By <a href="/authors/${slug(byline)}">${e(byline)}</a> · <time datetime="${isoDate(story.date)}">${longDate(story.date)}</time></p>
${paragraphs.join('\n')}
<aside class="share">Share <span>${random.int(0, 90)}</span> <span>0</span></aside>
</article>
<section class="related"><h2>RECENT NEWS</h2><ul>
${recent}
</ul></section>
</main>
<footer><p>&copy; ${story.date.getUTCFullYear()} ${e(outlet.name)}. All rights reserved.</p><p>Optimized by Optimole</p></footer>
<script>(function(){var s=document.createElement("script");s.src="https://cdn.example/ads.js";document.body.appendChild(s);})();</script>
</body>
</html>
`;
}
