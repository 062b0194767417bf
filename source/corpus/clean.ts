import {
  classify,
  keepContent,
  markPatterns,
  markRegions,
  type Reasons,
  wordsOf,
} from './boilerplate.js';
import { countWords, isSentenceLike } from './characters.js';
import { type EmbeddedText, embeddedArticle, hasProse } from './embedded-article.js';
import { type Marked, parseHtml, stripInlineMarkup } from './html.js';
import { headlineOf, titleSections } from './html-title.js';
import {
  type FrontMatter,
  markdownAutolinks,
  markdownToUnits,
  takeFrontMatter,
} from './markdown.js';
import {
  agencyOfDateline,
  agencySignOff,
  lineDate,
  parseByline,
  parseDate,
  parseDateline,
  parseOutletLine,
  reportersOfDateline,
  sourceFromLine,
  takeDatePrefix,
} from './metadata.js';
import { outletOfAgencyCode, outletOfLinks, outletOfUrl } from './outlets.js';
import { addRemoval, noRemoval, type Removal, sanitizeText } from './sanitize.js';
import { textToUnits, tidy, type Unit } from './units.js';

export type Format = 'text' | 'markdown' | 'html';

/** A document reduced to what a reviewer reads, before sentence splitting. */
export interface Cleaned {
  title: string | null;
  date: string | null;
  byline: string | null;
  source: string | null;
  paragraphs: string[];
  /** Control characters that character references (`&#27;`) had smuggled past reading. */
  removed: Removal;
  /** What the reader should know of how the text was found (`no article text in the page`). */
  warnings?: string[];
}

interface Parsed {
  units: Unit[];
  /** An HTML page's units, words and boilerplate patterns, already worked out. */
  marked: Marked | null;
  /** An HTML page's every paragraph, cleaned instead when the chosen part gives nothing. */
  page: Marked | null;
  /** Lines of an HTML page around the chosen part, nearest first, where a dateline may stand. */
  nearby: string[];
  links: string[];
  title: string | null;
  date: string | null;
  byline: string | null;
  source: string | null;
  /** Sections an HTML page's title names beside the headline (`opinion`), normalised. */
  sections: string[];
  /** The story as an HTML page's data holds it (JSON-LD `articleBody`, an app's state). */
  embedded: EmbeddedText | null;
}

function parse(text: string, format: Format): Parsed {
  if (format === 'html') {
    const { content, page, nearby, meta } = parseHtml(text);
    return {
      units: content.units,
      marked: content,
      page,
      nearby,
      links: meta.links,
      title: headlineOf(meta),
      date: firstDate(meta.published),
      byline: meta.author ? (parseByline(meta.author) ?? meta.author) : writerOf(meta.bylineText),
      source: meta.siteName,
      sections: titleSections(meta).map(normalise),
      embedded: meta.embedded,
    };
  }
  const front = format === 'markdown' ? takeFrontMatter(text) : null;
  const prefix = takeDatePrefix(front ? front.text : text);
  const stripped = stripInlineMarkup(
    format === 'markdown' ? markdownAutolinks(prefix.text) : prefix.text,
  );
  const links = stripped.links.map((link) => link.href);
  const units =
    format === 'markdown'
      ? markdownToUnits(stripped.text, links)
      : textToUnits(stripped.text, stripped.links);
  const meta = front ? metaOf(front.meta) : null;
  return {
    units,
    marked: null,
    page: null,
    nearby: [],
    links,
    title: meta?.title ?? null,
    date: prefix.date ?? meta?.date ?? null,
    byline: meta?.byline ?? null,
    source: meta?.source ?? null,
    sections: [],
    embedded: null,
  };
}

/**
 * The people a byline's element names (`Jane Doe`, `Jane Doe, Staff Writer`, `By Jane Doe ·
 * March 14, 2025`), read as a "By" line is; null when it names no one.
 */
function writerOf(text: string | null): string | null {
  if (text === null) return null;
  // Labelled in any language margin reads (`Par Claire Dumont (Rennes, correspondante)`), else
  // names alone, else names and what a "By" line may hold beside them.
  const labelled = parseDateline(text)?.byline;
  return labelled ?? parseByline(text) ?? parseDateline(`By ${text}`)?.byline ?? null;
}

/** What front matter or a JSON record says of the article, read as the text's own would be. */
function metaOf(meta: FrontMatter) {
  return {
    title: meta.title,
    date: meta.date ? parseDate(meta.date) : null,
    byline: meta.byline ? (parseByline(meta.byline) ?? meta.byline) : null,
    source: meta.source ?? (meta.url ? outletOfUrl(meta.url) : null),
  };
}

/** The parsed text with what the file said beside it (a JSON record's fields) put first. */
function withGiven(parsed: Parsed, given: FrontMatter): Parsed {
  const meta = metaOf(given);
  return {
    ...parsed,
    title: meta.title ?? parsed.title,
    date: meta.date ?? parsed.date,
    byline: meta.byline ?? parsed.byline,
    source: meta.source ?? parsed.source,
  };
}

/** The first of the page's dates that reads as a plausible publication date. */
function firstDate(candidates: string[]): string | null {
  for (const candidate of candidates) {
    const date = parseDate(candidate);
    if (date !== null) return date;
  }
  return null;
}

/** Letters and digits only, lower-cased: a caption and its title differ in quotes and case. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const HEAD_UNITS = 8;
/** A line that says where the story came from: `Source: Harbour Daily`, `来源：新华网`. */
const SOURCE_LINE = /^(?:source|来源|來源|出典|출처)\s*[:：]/iu;
/** The body's first paragraphs, one of which opens with a wire story's dateline. */
const WIRE_PARAGRAPHS = 3;

/**
 * Finds the headline of a text file: a short line of two words or more ("Trump wins"; a lone word
 * on a page is more often a label such as "Advertisement"), alone in its block, without a final
 * period. In a plain-text file a capitalised word alone in its block at the top is the headline
 * ("Ceasefire"): the known labels are boilerplate already, and dropping it lost the word.
 */
function findTitle(units: Unit[], reasons: Reasons, format: Format): number {
  const first = reasons.indexOf(null);
  if (first < 0) return -1;
  const unit = units[first]!;
  if (format === 'markdown') return unit.heading === 1 ? first : -1;
  const opensBlock = units[first - 1]?.block !== unit.block;
  const alone = opensBlock && units[first + 1]?.block !== unit.block;
  // Scrapers often write the headline on the first line with the body right under it, no blank
  // line between: the line rules have already kept it a unit of its own, and the classifier
  // below drops a short line at the top, so the headline was lost, from the text too.
  const heads = format === 'text' && opensBlock;
  const hasMore = units.slice(first + 1).some((_, k) => reasons[first + 1 + k] === null);
  if (
    (alone || heads) &&
    hasMore &&
    unit.text.length <= 250 &&
    // A sentence ending inside its quotation (`… the slogan “Meth, we’re on it.”`) is no headline.
    !/[.:;,]["'”’»)\]]*$/u.test(unit.text) &&
    // Two words make a headline ("Trump wins"); "By Reuters" is a byline.
    !/^by\s/i.test(unit.text) &&
    (countWords(unit.text) >= 2 ||
      (format === 'text' && alone && countWords(unit.text) === 1 && /^\p{Lu}/u.test(unit.text)))
  ) {
    return first;
  }
  return -1;
}

/** Splits 003's `Yevhen KizilovFriday, 25 April` so the date reader sees where the date starts. */
function unglue(text: string): string {
  return text
    .replace(
      /(\p{Ll})((?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Published|Updated)\b)/gu,
      '$1 $2',
    )
    .replace(GLUED_DAY, '$1 $2');
}

/** `Madrid30 October 2024`: a place glued to the day of the month that follows it. */
const GLUED_DAY =
  /(\p{Ll})(\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4})/gu;

/**
 * `given`: what the file said of the article beside its text (a JSON record's fields), which
 * goes before what the text itself says.
 */
export function cleanDocument(text: string, format: Format, given?: FrontMatter): Cleaned {
  const parsed = given ? withGiven(parse(text, format), given) : parse(text, format);
  if (parsed.marked === null || parsed.page === null) {
    const units = parsed.units;
    const lists = wordsOf(units);
    return cleanUnits(
      parsed,
      { units, lists, patterns: markPatterns(units, lists) },
      format,
      false,
    );
  }
  const content = cleanUnits(parsed, parsed.marked, format, true);
  // Nothing left of the part chosen as the article: the best of the rest, never a refusal.
  const shown =
    content.paragraphs.length > 0 ? content : cleanUnits(parsed, parsed.page, format, false);
  if (shown.paragraphs.length === 0 || hasProse(shown.paragraphs)) return shown;
  return storyOfData(parsed, shown);
}

/** Said of a page whose text holds no prose and whose data holds no story either. */
export const NO_TEXT_IN_PAGE =
  'no article text in the page (an app shell or a page of links?): what is shown is its other text';

/**
 * A page whose own text is no story (a spinner, a menu): the story its data carries, cleaned as
 * a text's paragraphs, with the page's metadata first; else what the page shows, with a warning.
 */
function storyOfData(parsed: Parsed, shown: Cleaned): Cleaned {
  const story = parsed.embedded === null ? null : embeddedArticle(parsed.embedded);
  if (story === null) return { ...shown, warnings: [NO_TEXT_IN_PAGE] };
  const units = textToUnits(story.paragraphs.join('\n\n'));
  const lists = wordsOf(units);
  const given: Parsed = {
    ...parsed,
    nearby: [],
    date: parsed.date ?? story.date,
    byline: parsed.byline ?? (story.byline ? (parseByline(story.byline) ?? story.byline) : null),
  };
  const cleaned = cleanUnits(
    given,
    { units, lists, patterns: markPatterns(units, lists) },
    'text',
    true,
  );
  return cleaned.paragraphs.length > 0 ? cleaned : { ...shown, warnings: [NO_TEXT_IN_PAGE] };
}

/**
 * Boilerplate, title, dateline and byline removal over `units`. `chosen`: the units are the part
 * of a page its structure marked as the article, so only boilerplate lines and link lists go;
 * otherwise the jusText classification decides what is article text.
 */
function cleanUnits(parsed: Parsed, marked: Marked, format: Format, chosen: boolean): Cleaned {
  const { units, lists } = marked;
  // A copy: the passes below mark more, and the page's own patterns may be cleaned again.
  const reasons = marked.patterns.slice();
  let lineSource: string | null = null;
  for (const unit of units) {
    if (parsed.source || lineSource) break;
    lineSource = sourceFromLine(unit.text);
  }
  markRegions(units, reasons);

  let title = parsed.title;
  if (format === 'html') {
    // The page's <h1> is its headline, even when og:title words it differently.
    const h1 = units.findIndex((unit, i) => unit.heading === 1 && reasons[i] === null);
    if (h1 >= 0 && h1 < HEAD_UNITS * 2) {
      title ??= units[h1]!.text;
      reasons[h1] = 'title';
      // A section's name above the headline that the page's title names too: `Opinion` over the
      // h1 of "Opinion | Headline - Site". A kicker the title does not name is left alone.
      for (let i = Math.max(0, h1 - 2); i < h1; i++) {
        if (reasons[i] === null && parsed.sections.includes(normalise(units[i]!.text))) {
          reasons[i] = 'section label';
        }
      }
    }
  } else if (title !== null) {
    // Front matter gave the title; a `# ` heading repeating it is not body text.
    const at = findTitle(units, reasons, format);
    if (at >= 0 && normalise(units[at]!.text) === normalise(title)) reasons[at] = 'title';
  } else {
    const at = findTitle(units, reasons, format);
    if (at >= 0) {
      title = units[at]!.text;
      reasons[at] = 'title';
    }
  }

  let { date, byline } = parsed;
  // The outlet a dateline names (`Reuters · 2025-03-14`) says more than a line at the foot.
  let datelineSource: string | null = null;
  let seen = 0;
  let credits = 0;
  // The last head line read that was no dateline.
  let plainAbove = -1;
  for (let i = 0; i < units.length && seen < HEAD_UNITS; i++) {
    // `TOKYO, March 14, 2025 (AP)` ends as a photo's credit does: gone either way, but its date
    // and agency are the article's.
    const credit = reasons[i] === 'image credit';
    // `来源：新华网` in the head names the outlet, as `Source: Harbour Daily` does.
    if (reasons[i] === 'source trailer') {
      datelineSource ??= parseDateline(units[i]!.text)?.source ?? null;
      continue;
    }
    if (reasons[i] !== null && !credit) continue;
    // The body has begun: datelines and bylines come before it.
    const text = units[i]!.text;
    if (credit) {
      // A page of 100,000 credits must not ask chrono of each: the first few are the head's.
      if (++credits > HEAD_UNITS) continue;
      const dateline = parseDateline(unglue(text));
      if (dateline?.date) {
        reasons[i] = 'dateline';
        date ??= dateline.date;
        datelineSource ??= dateline.source;
      }
      continue;
    }
    if (text.length > 250 || (lists[i]!.length >= 14 && isSentenceLike(text))) break;
    seen++;
    const dateline = parseDateline(unglue(units[i]!.text));
    if (dateline) {
      reasons[i] = 'dateline';
      date ??= dateline.date;
      byline ??= dateline.byline;
      // `Reuters` on its own line right above `2025-03-14`: the outlet of the date line.
      const above = dateline.date !== null && dateline.source === null ? plainAbove : -1;
      const outlet = above >= 0 && above === i - 1 ? parseOutletLine(units[above]!.text) : null;
      if (outlet !== null) {
        reasons[above] = 'dateline';
        byline ??= outlet.byline;
      }
      datelineSource ??= dateline.source ?? outlet?.source ?? null;
      continue;
    }
    // The writer's name on a line of its own, as a byline's element without "By" gives it.
    if (byline !== null && parseByline(text) === byline) {
      reasons[i] = 'byline';
      continue;
    }
    plainAbove = i;
    const given = chosen && !isSentenceLike(text) ? lineDate(unglue(text)) : null;
    if (given !== null) {
      reasons[i] = 'dateline';
      date ??= given;
    }
  }
  // The page's dateline often stands outside the part chosen as the article: above it, or in a
  // footer line under it ("Published 11:11 PM EST Nov 19, 2019"). The nearest one counts.
  for (const text of parsed.nearby) {
    if (date !== null && byline !== null) break;
    // Once the date is known only a "By …" line can add anything: spare chrono the rest.
    if (date !== null && !/^by\s/i.test(text)) continue;
    const dateline = parseDateline(unglue(text));
    date ??= dateline?.date ?? null;
    byline ??= dateline?.byline ?? null;
    datelineSource ??= dateline?.source ?? null;
  }
  // A line of the page's head labelled as the source (`来源：新华网`), once the date is known
  // from elsewhere and the loop above no longer reads every line.
  for (const text of parsed.nearby) {
    if (parsed.source !== null || datelineSource !== null) break;
    if (SOURCE_LINE.test(text)) datelineSource = parseDateline(text)?.source ?? null;
  }
  let source = parsed.source ?? datelineSource ?? lineSource;

  if (title !== null) {
    const wanted = normalise(title);
    seen = 0;
    for (let i = 0; i < units.length && seen < HEAD_UNITS; i++) {
      if (reasons[i] !== null) continue;
      seen++;
      const text = units[i]!.text;
      if (Math.abs(text.length - title.length) > 8) continue;
      if (normalise(text) === wanted) reasons[i] = 'caption repeating the title';
    }
  }

  const keep = chosen ? keepContent(units, reasons) : classify(units, reasons, lists);
  if (byline !== null) dropAuthorBio(units, keep, byline);
  const removed = noRemoval();
  const scrub = (value: string | null): string | null => {
    if (value === null || !UNSAFE.test(value)) return value;
    const clean = sanitizeText(value);
    addRemoval(removed, clean);
    // A referenced line break (`&#11;`) stands between two words of one paragraph.
    return tidy(clean.text.replace(/\n/g, ' ')) || null;
  };
  const paragraphs: string[] = [];
  units.forEach((unit, i) => {
    const text = keep[i] ? scrub(unit.text) : null;
    if (text) paragraphs.push(text);
  });
  // Where nothing else names the outlet, the agency of the story's dateline does: `MOSCOW, March
  // 14 (Reuters) - …`. It opens the first paragraph or one of the next few (under a standfirst).
  for (let i = 0, read = 0; source === null && i < units.length && read < WIRE_PARAGRAPHS; i++) {
    if (!keep[i]) continue;
    read++;
    source = agencyOfDateline(units[i]!.text);
  }
  // A Chinese wire story names its reporters in its dateline (`…电（记者 李娜、张伟）`).
  for (let i = 0, read = 0; byline === null && i < units.length && read < WIRE_PARAGRAPHS; i++) {
    if (!keep[i]) continue;
    read++;
    byline = reportersOfDateline(units[i]!.text);
  }
  // An agency's sign-off after the story's last sentence (`… emendamenti. (ANSA).`) is no
  // sentence to review; it names the outlet where nothing else did.
  const signed = paragraphs.length > 0 ? agencySignOff(paragraphs.at(-1)!) : null;
  if (signed !== null) {
    paragraphs[paragraphs.length - 1] = signed.text;
    source ??= outletOfAgencyCode(signed.agency);
  }
  source ??= outletOfLinks(parsed.links);
  return {
    title: scrub(title),
    date,
    byline: scrub(byline),
    source: scrub(source),
    paragraphs,
    removed,
  };
}

/** What sanitizeText removes; decoded character references can produce it again. */
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/** How many of the last paragraphs kept may be the writer's biography. */
const BIO_PARAGRAPHS = 2;

/**
 * What a biography says of its writer right after the name: `Anne Applebaum is a columnist…`,
 * `… was the paper's bureau chief`, `… writes about energy`, `… (@handle) is …`.
 */
const BIO_OPENING =
  /^(?:\s*\(@?[\w.]{1,30}\))?\s+(?:is|was|has been|writes|covers|reports|teaches|lives)\s+(?:a|an|the|about|on|for|from|in|at|based)\b/u;

/**
 * A biography of the article's writer under it: one of the last paragraphs kept opens with the
 * byline's name and says who the writer is. Not the article: an opinion page's column ends so.
 */
function dropAuthorBio(units: Unit[], keep: boolean[], byline: string): void {
  const names = byline.split(/,\s*/).filter((name) => /\s/.test(name));
  if (names.length === 0) return;
  for (let i = keep.length - 1, seen = 0; i >= 0 && seen < BIO_PARAGRAPHS; i--) {
    if (!keep[i]) continue;
    seen++;
    const text = units[i]!.text.replace(/^[\s*_—–-]+/u, '');
    const name = names.find((person) => text.startsWith(person));
    if (name !== undefined && BIO_OPENING.test(text.slice(name.length))) keep[i] = false;
  }
}
