/**
 * A corpus with planted groups for measuring the story engine: background articles from the
 * bench's news generator (as clean sentences, without rendering and cleaning them), into which
 * groups of the same quote, claim or event are inserted, 2–8 articles each, in six kinds of
 * variation. It streams: articles are made one at a time, and only the gold (a few integers per
 * planted sentence) is kept, so 100,000 articles fit in a few megabytes.
 *
 * - verbatim: the same sentence (quotation marks may differ)
 * - edited: an agency copy lightly edited (a phrase dropped or added, "said" → "told reporters")
 * - numbers: the same sentence with another figure
 * - spelling: a name spelled otherwise (Novikoff → Novikov)
 * - reworded: another sentence frame, about half the words replaced by synonyms
 * - translated: another frame and other words throughout, as a second translation would say it
 *
 * Distractors are planted beside them: another statement by the same speaker (or another event
 * in the same town) in the same days. Joining one to its group is a false positive.
 */
import { splitSentences } from '../../source/corpus/sentences.js';
import type { StoryArticle } from '../../source/story/types.js';
import {
  DOMAINS,
  EVENTS,
  NAME_COUNT,
  NOUNS,
  ORGANISATIONS,
  personName,
  ROLES,
  respell,
  TOWNS,
  VERBS,
  WHEN,
} from './planted-vocabulary.js';
import { deriveSeed, Random } from './random.js';
import { body, createStory } from './story.js';

export const VARIATIONS = [
  'verbatim',
  'edited',
  'numbers',
  'spelling',
  'reworded',
  'translated',
] as const;
export type Variation = (typeof VARIATIONS)[number];

/** How hard a pair is: the harder of its two members' variations. */
export function pairVariation(a: Variation | 'original', b: Variation | 'original'): Variation {
  const rank = (v: Variation | 'original') => (v === 'original' ? -1 : VARIATIONS.indexOf(v));
  const hardest = Math.max(rank(a), rank(b));
  return hardest < 0 ? 'verbatim' : VARIATIONS[hardest]!;
}

type FactKind = 'quote' | 'claim' | 'event';

interface Fact {
  kind: FactKind;
  first: string;
  last: string;
  role: string;
  verb: number;
  noun: number;
  domain: number;
  when: number;
  event: number;
  count: number;
  town: number;
  organisation: number;
}

export interface PlantedSentence {
  article: number;
  sentence: number;
  group: number;
  /** 'original' for the group's first member, 'distractor' for a planted negative. */
  variation: Variation | 'original' | 'distractor';
}

interface Placement {
  group: number;
  variation: Variation | 'original' | 'distractor';
  text: string;
  /** Days since 1970 the host article is dated. */
  day: number;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];
const FIRST_DAY = Math.floor(Date.UTC(2024, 0, 1) / 86_400_000);

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export interface PlantedCorpusOptions {
  seed: number;
  articles: number;
  /** One group per this many articles (default 25). */
  articlesPerGroup?: number;
  /** Article ids start with this (default "a"). */
  prefix?: string;
}

export class PlantedCorpus {
  /** Planted sentences of the articles made so far, by `plantedKey(article, sentence)`. */
  readonly planted = new Map<number, PlantedSentence>();
  readonly groupKinds: FactKind[] = [];
  private readonly placements = new Map<number, Placement[]>();
  private readonly options: Required<PlantedCorpusOptions>;

  constructor(options: PlantedCorpusOptions) {
    this.options = { articlesPerGroup: 25, prefix: 'a', ...options };
    const random = new Random(deriveSeed(options.seed, 'planted'));
    const groups = Math.floor(options.articles / this.options.articlesPerGroup);
    for (let group = 0; group < groups; group++) this.plan(group, random);
  }

  articleId(index: number): string {
    return `${this.options.prefix}${String(index).padStart(6, '0')}`;
  }

  /** The articles, one at a time; `planted` fills in as they are made. */
  *articles(from = 0, to = this.options.articles): Generator<StoryArticle> {
    for (let index = from; index < to; index++) yield this.article(index);
  }

  /** Article `index`: the same every time it is asked for. */
  article(index: number): StoryArticle {
    const random = new Random(deriveSeed(this.options.seed, 'article', index));
    const story = createStory(random);
    const texts: string[] = [];
    for (const paragraph of body(story, sentenceCount(random))) {
      const joined = paragraph.join(' ');
      for (const span of splitSentences(joined)) texts.push(joined.slice(span.start, span.end));
    }
    let day = Math.floor(story.date.getTime() / 86_400_000);
    const placements = this.placements.get(index) ?? [];
    for (const placement of placements) {
      const at = random.int(0, texts.length);
      texts.splice(at, 0, placement.text);
      day = placement.day;
    }
    // Positions are known only once every planted sentence is in.
    for (const placement of placements) {
      const sentence = texts.indexOf(placement.text);
      this.planted.set(plantedKey(index, sentence), {
        article: index,
        sentence,
        group: placement.group,
        variation: placement.variation,
      });
    }
    return {
      id: this.articleId(index),
      date: new Date(day * 86_400_000).toISOString().slice(0, 10),
      source: `Outlet ${index % 97}`,
      sentences: texts.map((text, position) => ({ id: `s${position}`, text })),
    };
  }

  private plan(group: number, random: Random): void {
    const kind = random.pick<FactKind>(['quote', 'quote', 'claim', 'event']);
    this.groupKinds.push(kind);
    const name = personName(
      random.int(0, NAME_COUNT.first - 1),
      random.int(0, NAME_COUNT.last - 1),
    );
    const fact: Fact = {
      kind,
      first: name.first,
      last: name.last,
      role: random.pick(ROLES),
      verb: random.int(0, VERBS.length - 1),
      noun: random.int(0, NOUNS.length - 1),
      domain: random.int(0, DOMAINS.length - 1),
      when: random.int(0, WHEN.length - 1),
      event: random.int(0, EVENTS.length - 1),
      count: random.int(3, 95),
      town: random.int(0, TOWNS.length - 1),
      organisation: random.int(0, ORGANISATIONS.length - 1),
    };
    const day = FIRST_DAY + random.int(0, 720);
    const size = random.int(2, 8);
    // One planted sentence per article at most, so every host carries its group's date.
    const hosts = new Set<number>();
    for (let tries = 0; hosts.size < size + 1 && tries < 1000; tries++) {
      const host = random.int(0, this.options.articles - 1);
      if (!this.placements.has(host)) hosts.add(host);
    }
    const [distractorHost, ...memberHosts] = [...hosts];
    memberHosts.forEach((host, member) => {
      // A quote states no figure: its copies vary in the other ways.
      const kinds = kind === 'quote' ? VARIATIONS.filter((v) => v !== 'numbers') : VARIATIONS;
      const variation = member === 0 ? 'original' : random.pick(kinds);
      this.place(host, {
        group,
        variation,
        text: render(fact, variation, day, random),
        day: day + random.int(0, 2),
      });
    });
    if (random.chance(0.6)) {
      // Another statement by the same speaker, or another event in the same town.
      const other: Fact = {
        ...fact,
        verb: (fact.verb + random.int(1, VERBS.length - 1)) % VERBS.length,
        domain: (fact.domain + random.int(1, DOMAINS.length - 1)) % DOMAINS.length,
        noun: random.int(0, NOUNS.length - 1),
        event: (fact.event + random.int(1, EVENTS.length - 1)) % EVENTS.length,
        count: random.int(3, 95),
      };
      this.place(distractorHost!, {
        group,
        variation: 'distractor',
        text: render(other, 'original', day, random),
        day: day + random.int(0, 2),
      });
    }
  }

  private place(host: number, placement: Placement): void {
    this.placements.set(host, [placement]);
  }
}

/** The key of a sentence in `planted`. */
export function plantedKey(article: number, sentence: number): number {
  return article * 1024 + sentence;
}

function sentenceCount(random: Random): number {
  const count = Math.round(Math.exp(random.normal(Math.log(30) - 0.125, 0.5)));
  return Math.min(85, Math.max(5, count));
}

/** The form of concept `forms` a variation uses: the original's, or another. */
function form(forms: readonly string[], variation: Variation | 'original', random: Random): string {
  if (variation === 'translated') return forms[random.int(1, forms.length - 1)]!;
  if (variation === 'reworded' && random.chance(0.5))
    return forms[random.int(1, forms.length - 1)]!;
  return forms[0]!;
}

function countText(count: number, variation: Variation | 'original', random: Random): string {
  // An edit may write a small figure in words: "four" and "4" are the same figure.
  if (variation === 'edited' && count < NUMBER_WORDS.length && random.chance(0.5)) {
    return NUMBER_WORDS[count]!;
  }
  return String(count);
}

export function render(
  fact: Fact,
  variation: Variation | 'original',
  day: number,
  random: Random,
): string {
  const last = variation === 'spelling' ? respell(fact.last) : fact.last;
  const town =
    variation === 'spelling' && fact.kind === 'event'
      ? respell(TOWNS[fact.town]!)
      : TOWNS[fact.town]!;
  const count =
    variation === 'numbers'
      ? fact.count + random.int(1, 40) * (random.chance(0.5) ? 1 : -1)
      : fact.count;
  const figure = countText(Math.max(1, count), variation, random);
  const verb = VERBS[fact.verb]!;
  const v = (done: boolean) => form(done ? verb.done : verb.base, variation, random);
  const noun = form(NOUNS[fact.noun]!, variation, random);
  const domain = form(DOMAINS[fact.domain]!, variation, random);
  const when = form(WHEN[fact.when]!, variation, random);
  const weekday = WEEKDAYS[(day + 4) % 7]!;
  const [open, close] = random.chance(0.5) ? ['“', '”'] : ['"', '"'];
  const edit = variation === 'edited' ? random.int(0, 3) : -1;
  const said = edit === 0 ? 'told reporters' : 'said';
  const whenText = edit === 1 ? '' : ` ${when}`;
  const prefix = edit === 2 ? `On ${weekday}, ` : '';
  const suffix = edit === 3 ? ' in a statement' : '';
  const event = EVENTS[fact.event]!;
  const things = form(event.things, variation, random);
  const happened = form(event.verbs, variation, random);
  const organisation = form(ORGANISATIONS[fact.organisation]!, variation, random);
  const frame = variation === 'translated' ? 2 : variation === 'reworded' ? 1 : 0;

  if (fact.kind === 'quote') {
    if (frame === 0) {
      return `${prefix}${open}We will ${v(false)} the ${noun} on ${domain}${whenText},${close} ${fact.role} ${fact.first} ${last} ${said}${suffix}.`;
    }
    if (frame === 1) {
      return `${fact.first} ${last} said the government would ${v(false)} the ${noun} on ${domain} ${when}.`;
    }
    return `According to ${last}, the ${noun} on ${domain} is going to be ${v(true)} ${when}.`;
  }
  if (fact.kind === 'claim') {
    if (frame === 0) {
      return `${prefix}${capitalize(fact.role)} ${fact.first} ${last} ${said === 'said' ? 'claimed' : said} that the ${noun} on ${domain} had cost the country ${figure} million dollars${suffix}.`;
    }
    if (frame === 1) {
      return `The ${noun} on ${domain} cost the country ${figure} million dollars, ${fact.first} ${last} claimed.`;
    }
    return `The country lost ${figure} million dollars because of the ${noun} on ${domain}, in the view of ${last}.`;
  }
  if (frame === 0) {
    return `${prefix}${capitalize(figure)} ${things} were ${happened} in ${town} on ${weekday}, ${organisation} ${said}${suffix}.`;
  }
  if (frame === 1) {
    return `${capitalize(organisation)} said ${figure} ${things} had been ${happened} in ${town} on ${weekday}.`;
  }
  return `In ${town}, ${organisation} reported that on ${weekday} ${figure} ${things} were ${happened}.`;
}
