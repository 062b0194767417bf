/**
 * The non-article text scrapers drag in, modelled on what the seeds show: publisher ids, donation
 * appeals, hashtag lines, image-optimizer credits, share counters, language menus, bylines glued
 * to datelines, tag lists glued together, "RECENT NEWS" lists and agency trailers. The cleaner
 * has to remove all of it, so the benchmark must contain all of it.
 */
import type { Random } from './random.js';
import { headline, type Story, weekday } from './story.js';
import { HASHTAG_STOPWORDS, MONTHS, REPORTERS } from './vocabulary.js';

export const publisherId = (random: Random): string =>
  `pub-${random.int(100_000, 999_999)}${random.int(100_000_000, 999_999_999)}`;

export function donationAppeal(outlet: string): string[] {
  return [
    `A Message from ${outlet}:`,
    'Dear readers,',
    `We are facing unprecedented challenges. ${outlet} has been designated an “undesirable” organization, criminalizing our work and putting our staff at risk of prosecution.`,
    'Your support, no matter how small, makes a world of difference. If you can, please support us monthly starting from just $2.',
    `By supporting ${outlet}, you’re defending open, independent journalism in the face of repression. Thank you for standing with us.`,
    'Continue',
    'paiment methods',
    'Not ready to support today?\nRemind me later.',
  ];
}

export function hashtagLine(title: string): string {
  const words = title
    .split(/[^\p{L}\p{N}.]+/u)
    .filter((word) => word && !HASHTAG_STOPWORDS.has(word.toLowerCase()));
  return words.map((word) => `#${word.charAt(0).toUpperCase()}${word.slice(1)}`).join(' ');
}

export const optimizerCredits = (random: Random): string =>
  Array.from({ length: random.int(1, 2) }, () => 'Optimized by Optimole').join('\n');

export const shareCounters = (random: Random): string =>
  [random.int(0, 3) === 0 ? random.int(1, 99) : 0, 0].map((count) => `    ${count}`).join('\n');

export const LANGUAGE_MENU = 'Укр Рус Eng Support Us\nУкр Рус Eng\nSupport Us';

export function reporters(random: Random): string {
  const first = random.pick(REPORTERS);
  const second = random.pick(REPORTERS);
  return first === second || random.chance(0.5) ? first : `${first}, ${second}`;
}

/** "Oleh Pavliuk, Yevhen KizilovFriday, 25 April 2025, 18:14": no space, as scraped. */
export function bylineGluedToDateline(story: Story, byline: string): string {
  const { date, random } = story;
  const time = `${String(random.int(7, 22)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`;
  return `${byline}${weekday(date)}, ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${time}`;
}

/** "Russo-Ukrainian warRussiaUSAUkraine": a tag list whose separators were links. */
export const gluedTags = (story: Story): string =>
  story.topic.tags.filter(() => story.random.chance(0.7)).join('') || story.topic.tags[0]!;

export function relatedHeadlines(story: Story, count: number): string[] {
  return Array.from({ length: count }, () => headline(story));
}

export function recentNews(story: Story, count: number): string {
  const lines = ['RECENT NEWS'];
  let minutes = story.random.int(18 * 60, 21 * 60);
  for (let i = 0; i < count; i++) {
    minutes -= story.random.int(1, 40);
    lines.push(
      `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
    );
    lines.push(headline(story));
  }
  return lines.join('\n');
}
