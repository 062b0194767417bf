import type { Random } from './random.js';
import {
  ASIDES,
  CASUALTY_NOUNS,
  HEADLINE_VERBS,
  MONTH_ABBREVIATIONS,
  MONTHS,
  NUMBER_NOUNS,
  QUOTE_CLOSERS,
  QUOTE_OPENERS,
  REPORTED_VERBS,
  SPEECH_VERBS,
  TOPICS,
  type Topic,
  WEEKDAYS,
} from './vocabulary.js';

/** One person as this article spells them. */
export interface CastMember {
  full: string;
  last: string;
  /** "Mr. Witkoff", or "Mr Witkoff" in British house style. */
  titled: string;
  role: string;
}

/** What one article is about and how its outlet writes: the same names and style throughout. */
export interface Story {
  random: Random;
  topic: Topic;
  cast: CastMember[];
  places: string[];
  organizations: string[];
  date: Date;
  quotes: { open: string; close: string };
  /** Sentence-kind weights; outlets differ in how much they quote. */
  style: Record<SentenceKind, number>;
}

type SentenceKind =
  | 'saidThat'
  | 'reported'
  | 'quoteFirst'
  | 'quoteAfter'
  | 'twoQuotes'
  | 'casualties'
  | 'figures'
  | 'money'
  | 'abbreviations'
  | 'background'
  | 'question'
  | 'distance'
  | 'according'
  | 'schedule';

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2024, 0, 1);

/** Picks a spelling: the common one most of the time, a variant otherwise. */
function spelling(random: Random, variants: string): string {
  const options = variants.split('|');
  return options.length > 1 && random.chance(0.35) ? random.pick(options.slice(1)) : options[0]!;
}

export function createStory(random: Random): Story {
  const topic = random.pick(TOPICS);
  const british = random.chance(0.3);
  const cast = topic.people
    .filter(() => random.chance(0.6))
    .slice(0, 6)
    .map((person) => {
      const last = spelling(random, person.last.join('|'));
      const honorific =
        person.honorific === 'Gen' || british ? person.honorific : `${person.honorific}.`;
      return {
        full: `${person.first} ${last}`,
        last,
        titled: `${honorific} ${last}`,
        role: person.role,
      };
    });
  while (cast.length < 2) {
    const person = topic.people[cast.length]!;
    cast.push({
      full: `${person.first} ${person.last[0]}`,
      last: person.last[0]!,
      titled: `${person.honorific}. ${person.last[0]}`,
      role: person.role,
    });
  }
  const curly = random.chance(0.75);
  return {
    random,
    topic,
    cast,
    places: topic.places.map((place) => spelling(random, place)),
    organizations: topic.organizations.map((organization) => spelling(random, organization)),
    date: new Date(FIRST_DAY + random.int(0, 729) * DAY_MS),
    quotes: curly ? { open: '“', close: '”' } : { open: '"', close: '"' },
    style: {
      saidThat: 4,
      reported: 3,
      quoteFirst: random.int(1, 4),
      quoteAfter: random.int(1, 3),
      twoQuotes: 1,
      casualties: topic.war ? random.int(0, 2) : 0,
      figures: 2,
      money: 1,
      abbreviations: 2,
      background: 1,
      question: 0.3,
      distance: topic.war ? 0.5 : 0,
      according: 2,
      schedule: 0.6,
    },
  };
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

export function longDate(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

export function weekday(date: Date): string {
  return WEEKDAYS[date.getUTCDay()]!;
}

function dayReference(story: Story): string {
  const { random, date } = story;
  switch (random.int(0, 4)) {
    case 0:
      return `on ${weekday(date)}`;
    case 1:
      return `late on ${weekday(new Date(date.getTime() - DAY_MS))}`;
    case 2:
      return `on ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
    case 3:
      return `on ${MONTH_ABBREVIATIONS[date.getUTCMonth()]} ${date.getUTCDate()}`;
    default:
      return 'last month';
  }
}

function speaker(story: Story): string {
  const member = story.random.pick(story.cast);
  switch (story.random.int(0, 2)) {
    case 0:
      return `${member.role} ${member.full}`;
    case 1:
      return member.titled;
    default:
      return member.last;
  }
}

function subject(story: Story): string {
  return story.random.chance(0.6) ? speaker(story) : story.random.pick(story.organizations);
}

function clause(story: Story): string {
  const { random } = story;
  const tail = random.pick([
    '',
    '',
    ` in ${random.pick(story.places)}`,
    ` by the end of ${random.pick(MONTHS)}`,
    ' within 24 hours',
    ' next week',
    ` before the talks in ${random.pick(story.places)}`,
  ]);
  const aside = random.chance(0.75) ? random.pick(ASIDES) : '';
  return `${subject(story)} ${random.pick(REPORTED_VERBS)} ${random.pick(story.topic.objects)}${tail}${aside}`;
}

function quoteText(story: Story): string {
  const closer = story.random.pick(QUOTE_CLOSERS);
  return closer
    ? `${story.random.pick(QUOTE_OPENERS)}, ${closer}`
    : story.random.pick(QUOTE_OPENERS);
}

const withArticle = (noun: string): string => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

const number = (value: number): string => value.toLocaleString('en-US');

const BUILDERS: Record<SentenceKind, (story: Story) => string> = {
  saidThat: (s) =>
    `${capitalize(subject(s))} ${s.random.pick(['said', 'confirmed', 'announced'])} ${dayReference(s)} that ${clause(s)}.`,
  reported: (s) =>
    `${capitalize(clause(s))}, ${s.random.pick(s.organizations)} said${s.random.chance(0.4) ? ` in a statement ${dayReference(s)}` : ''}.`,
  quoteFirst: (s) =>
    `${s.quotes.open}${quoteText(s)},${s.quotes.close} ${speaker(s)} ${s.random.pick(SPEECH_VERBS)}${s.random.chance(0.4) ? `, adding that ${clause(s)}` : ''}.`,
  quoteAfter: (s) =>
    `${capitalize(speaker(s))} said: ${s.quotes.open}${quoteText(s)}.${s.quotes.close}`,
  twoQuotes: (s) =>
    `${s.quotes.open}${quoteText(s)},${s.quotes.close} ${s.random.pick(s.cast).titled} said. ${s.quotes.open}${s.random.pick(QUOTE_OPENERS)}.${s.quotes.close}`,
  casualties: (s) =>
    `At least ${s.random.int(2, 40)} ${s.random.pick(CASUALTY_NOUNS)} were killed and ${s.random.int(3, 120)} injured in ${withArticle(s.random.pick(s.topic.incidents))} on ${s.random.pick(s.places)} ${dayReference(s)}, officials said.`,
  figures: (s) =>
    `${capitalize(s.random.pick(s.organizations))} said ${number(s.random.int(12, 48_000))} ${s.random.pick(NUMBER_NOUNS)} had been recorded since ${s.random.pick(MONTHS)} ${s.date.getUTCFullYear() - 1}, up ${s.random.int(1, 40)}.${s.random.int(0, 9)}% from a year earlier.`,
  money: (s) =>
    `The package is worth about $${s.random.int(1, 90)}.${s.random.int(1, 9)} billion (€${s.random.int(1, 80)} billion), according to ${s.random.pick(s.organizations)}.`,
  abbreviations: (s) => {
    const member = s.random.pick(s.cast);
    return `${member.titled}, who arrived at ${s.random.int(6, 11)}:${s.random.pick(['00', '15', '30', '45'])} a.m. local time, met officials from the U.S. and the U.K. in ${s.random.pick(s.places)}.`;
  },
  background: (s) => s.random.pick(s.topic.background),
  question: (s) =>
    `${s.quotes.open}Who decides where ${s.random.pick(s.topic.objects)} ends? …How will control be organized?${s.quotes.close} ${s.random.pick(s.cast).last} asked.`,
  distance: (s) => {
    const km = s.random.int(200, 2_500);
    return `The front line stretches for more than ${number(km)} kilometers (${number(Math.round(km * 0.621))} miles).`;
  },
  according: (s) => `According to ${s.random.pick(s.organizations)}, ${clause(s)}.`,
  schedule: (s) =>
    `The next round is scheduled for ${longDate(new Date(s.date.getTime() + s.random.int(3, 40) * DAY_MS))} in ${s.random.pick(s.places)}, e.g. at the level of deputy ministers.`,
};

export function sentence(story: Story): string {
  return BUILDERS[story.random.weighted(story.style)](story);
}

export function headline(story: Story): string {
  const { random } = story;
  const member = random.pick(story.cast);
  return `${capitalize(member.last)} ${random.pick(HEADLINE_VERBS)} ${random.pick(story.topic.objects)} ${random.pick(['after talks in', 'ahead of meeting in', 'as pressure mounts in'])} ${random.pick(story.places)}`;
}

/** Paragraphs of sentences: `sentenceCount` in all, one to five per paragraph. */
export function body(story: Story, sentenceCount: number): string[][] {
  const paragraphs: string[][] = [];
  let left = sentenceCount;
  while (left > 0) {
    const size = Math.min(left, story.random.int(1, 5));
    paragraphs.push(Array.from({ length: size }, () => sentence(story)));
    left -= size;
  }
  return paragraphs;
}
