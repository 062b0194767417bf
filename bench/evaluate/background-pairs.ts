/**
 * Precision where the planted gold does not look: groups of the generator's background
 * sentences. The planted pairs measure the groups a test wrote on purpose; most of a corpus is
 * everything else, and there a group that joins "Mr Putin met officials in Brussels" with "Mr
 * Rubio met officials in Riyadh", or two of one minister's remarks on other subjects, is what a
 * reviewer meets. Each background article is its own random story, so two background
 * sentences (of two articles) that name other people, places or institutions (in any of the
 * generator's spellings) report other things. Sentences that differ otherwise ("rejected the truce", "would not accept the
 * truce") are not counted wrong: the generator's random stories cannot say whether a reader
 * would take them for one claim.
 */
import type { StoryCluster } from '../../source/story/types.js';
import { TOPICS } from '../generate/vocabulary.js';

export interface BackgroundCounts {
  /** Pairs of background sentences grouped together, and those that say other things. */
  pairs: number;
  wrongPairs: number;
  /** Groups with two background sentences or more, and those naming other people or places. */
  groups: number;
  mixedGroups: number;
  /** A few mixed groups, two different members each, for the notes. */
  examples: Array<[string, string]>;
}

/** Each name the generator writes, in every spelling ("Witkov", "Teheran"), → its first spelling. */
const NAMES = (() => {
  const map = new Map<string, string>();
  const add = (variants: readonly string[]) => {
    for (const variant of variants) map.set(variant.replace(/^the /, ''), variants[0]!);
  };
  for (const topic of TOPICS) {
    for (const person of topic.people) add(person.last);
    for (const place of topic.places) add(place.split('|'));
    for (const organization of topic.organizations) add(organization.split('|'));
  }
  return map;
})();

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Any of the names, longest first, not inside a longer word. */
const NAME_PATTERN = new RegExp(
  `(?<![\\p{L}])(?:${[...NAMES.keys()]
    .sort((a, b) => b.length - a.length)
    .map(literal)
    .join('|')})(?![\\p{L}])`,
  'gu',
);

/** Who and where a background sentence names, each in its first spelling, sorted. */
export function namesOf(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(NAME_PATTERN)) found.add(NAMES.get(match[0])!);
  return [...found].sort();
}

/**
 * Whether two sentences' names say they report other things: each names someone or somewhere
 * the other does not. Lenient on purpose (one names a place the other leaves out: perhaps an
 * edit; two remarks of one minister on one subject: perhaps one claim), so that every pair
 * counted wrong is plainly wrong.
 */
export function otherNames(a: readonly string[], b: readonly string[]): boolean {
  return a.some((name) => !b.includes(name)) && b.some((name) => !a.includes(name));
}

/**
 * Counts over the groups' background members. `background(article, position)` gives a member's
 * text when it is a background sentence, undefined when it is planted.
 */
export function scoreBackground(
  clusters: readonly StoryCluster[],
  background: (article: string, position: number) => string | undefined,
): BackgroundCounts {
  const counts: BackgroundCounts = {
    pairs: 0,
    wrongPairs: 0,
    groups: 0,
    mixedGroups: 0,
    examples: [],
  };
  for (const cluster of clusters) {
    // Members by the names they give: a template's copies mostly give the same.
    const kinds = new Map<string, { names: string[]; count: number; text: string }>();
    let members = 0;
    for (const member of cluster.members) {
      const text = background(member.article, member.sentence);
      if (text === undefined) continue;
      members++;
      const names = namesOf(text);
      const key = names.join('|');
      const kind = kinds.get(key);
      if (kind) kind.count++;
      else kinds.set(key, { names, count: 1, text });
    }
    if (members < 2) continue;
    counts.groups++;
    counts.pairs += (members * (members - 1)) / 2;
    const list = [...kinds.values()];
    let example: [string, string] | undefined;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (!otherNames(list[i]!.names, list[j]!.names)) continue;
        counts.wrongPairs += list[i]!.count * list[j]!.count;
        example ??= [list[i]!.text, list[j]!.text];
      }
    }
    if (example) {
      counts.mixedGroups++;
      if (counts.examples.length < 3) counts.examples.push(example);
    }
  }
  return counts;
}
