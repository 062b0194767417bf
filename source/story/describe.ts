/**
 * Turns a compact group (positions) into what the story view shows: each member's text, source,
 * date and labels, the group's kind, the differences, and a word diff against the anchor.
 */

import { differences, perText } from './differences.js';
import { DEFAULT_KINDS, labelledKind } from './labelled-kind.js';
import { type SentenceFeatures, sentenceFeatures, speakerNames, Vocabulary } from './tokens.js';
import type {
  Difference,
  DiffPart,
  GroupMember,
  StoryArticle,
  StoryCluster,
  StoryGroup,
  StoryKind,
} from './types.js';
import { wordDiff } from './word-diff.js';

/** The labels reviewers gave a sentence (any annotator), as the caller keeps them. */
export type LabelsOf = (article: string, sentence: string) => readonly string[];

const PASSIVE = /\b(?:was|were|had been|have been|has been)\s+\w+(?:ed|en|wn)\b/i;
const EVENT_WORDS =
  /\b(killed|injured|wounded|attack(ed|s)?|struck|strikes?|intercepted|shot down|launched|arrived|met|visited|signed|exploded|fired|seized|captured|died)\b/i;

/** `diffs: false` leaves each member's word diff empty, for callers that do not show it (`--json`). */
export interface DescribeOptions {
  diffs?: boolean;
  /**
   * Word diffs only for the members `shownMembers` picks of at most this many (a report that
   * shows no more); the others' are left empty. All of them when absent.
   */
  shown?: number;
  /**
   * The codebook's labels, in its order: a group's kind is one of them (`kindOf`). margin's own
   * three when absent.
   */
  kinds?: readonly string[] | undefined;
}

export function describeCluster(
  cluster: StoryCluster,
  lookup: (articleId: string) => StoryArticle | undefined,
  labelsOf?: LabelsOf,
  options: DescribeOptions = {},
): StoryGroup {
  return describeMembers(cluster.id, clusterMembers(cluster, lookup, labelsOf), options);
}

/** A group's members as shown: each one's text, source, date and labels; unreadable ones left out. */
export function clusterMembers(
  cluster: StoryCluster,
  lookup: (articleId: string) => StoryArticle | undefined,
  labelsOf?: LabelsOf,
): GroupMember[] {
  const members: GroupMember[] = [];
  for (const { article: articleId, sentence: index } of cluster.members) {
    const article = lookup(articleId);
    const sentence = article?.sentences[index];
    if (!article || !sentence) continue;
    members.push({
      article: article.id,
      sentence: sentence.id,
      index,
      source: article.source,
      date: article.date,
      text: sentence.text,
      labels: [...(labelsOf?.(article.id, sentence.id) ?? [])],
    });
  }
  return members;
}

/**
 * What is made of a group's members (its kind, the differences, the word diffs): the costly
 * part of describing, which depends on the members alone and so can run on another thread.
 */
export function describeMembers(
  id: string,
  members: GroupMember[],
  options: DescribeOptions = {},
): StoryGroup {
  const anchor = members[0]?.text ?? '';
  // Read once per distinct text: copies of one sentence are most of a big group.
  const vocabulary = new DescribingVocabulary();
  const features = perText(members, (member) => sentenceFeatures(member.text, vocabulary));
  // Who spoke, not how they are described: "Russian President Putin" and "Russian Foreign
  // Minister Lavrov" are two speakers.
  const speakers = features.map((feature) =>
    speakerNames(feature.speakers).map((id) => vocabulary.word(id)),
  );
  const differing = differences(
    members.map(({ text, date }) => ({ text, date })),
    speakers,
  );
  // A third of describing a group of different wordings; JSON does not carry it, and a report
  // of a few versions a group needs only theirs.
  const picked =
    options.shown === undefined || options.diffs === false
      ? null
      : shownMembers(members, differing, options.shown);
  const shown = picked === null ? null : new Set(picked);
  // Once per distinct text, as the features.
  const made = new Map<string, DiffPart[]>();
  const diffs = members.map((member, index): DiffPart[] => {
    if (options.diffs === false || (shown !== null && !shown.has(index))) return [];
    let diff = made.get(member.text);
    if (diff === undefined) {
      diff = wordDiff(anchor, member.text);
      made.set(member.text, diff);
    }
    return diff;
  });
  return {
    id,
    kind: kindOf(members, features, options.kinds),
    members,
    differences: differing,
    diffs: diffs.map((diff, index) => (index === 0 ? [] : diff)),
    ...(picked === null ? {} : { shown: picked }),
  };
}

/**
 * The members a report of at most `most` versions a group shows, in member order (the earliest
 * first): the anchor, the first member to state each value of a difference (so every figure,
 * name and date the group disagrees on is seen in a sentence), the first of each other wording
 * (case and spacing count) from an article not shown yet, then the earliest of other articles,
 * then the earliest of the rest. An article that repeats a statement in several wordings filled the ten places of a
 * group of 23,186 with three of its own sentences (qa56).
 */
export function shownMembers(
  members: readonly Pick<GroupMember, 'text' | 'article'>[],
  differing: readonly Difference[],
  most: number,
): number[] {
  const count = members.length;
  if (count <= most) return Array.from({ length: count }, (_, index) => index);
  const textOf = (index: number) => members[index]!.text.replace(/\s+/g, ' ');
  const shown = new Set<number>(count > 0 && most > 0 ? [0] : []);
  for (const difference of differing) {
    const seen = new Set<string>();
    for (const { member, text } of difference.values) {
      if (shown.size >= most) break;
      if (seen.has(text)) continue;
      seen.add(text);
      shown.add(member);
    }
  }
  // Then the earliest of each other wording (copies are most of a big group) from an article
  // not shown yet, then the earliest of other articles, then anything.
  const texts = new Set([...shown].map(textOf));
  const articles = new Set([...shown].map((index) => members[index]!.article));
  const passes = [
    (index: number) => !texts.has(textOf(index)) && !articles.has(members[index]!.article),
    (index: number) => !articles.has(members[index]!.article),
    () => true,
  ];
  for (const wanted of passes) {
    for (let index = 0; index < count && shown.size < most; index++) {
      if (shown.has(index) || !wanted(index)) continue;
      texts.add(textOf(index));
      articles.add(members[index]!.article);
      shown.add(index);
    }
  }
  return [...shown].sort((a, b) => a - b);
}

/**
 * The codebook's label most members carry (ties: `labelledKind`'s order); failing labels, what the
 * wording says, only in a label the codebook has: a quotation is `quote`, something that
 * happened `event`, a reported statement `claim`, each when `kinds` holds that name, else no
 * kind. A label outside `kinds` (one the codebook no longer lists) is not a kind (qa57: a
 * codebook of statistic and quote had its groups called claim and event, whatever its labels).
 */
export function kindOf(
  members: readonly GroupMember[],
  features?: readonly Pick<SentenceFeatures, 'quoted' | 'reported'>[],
  kinds: readonly string[] = DEFAULT_KINDS,
): StoryKind | null {
  const labelled = labelledKind(
    members.map((member) => member.labels),
    kinds,
  );
  if (labelled !== null) return labelled;
  const guessed = wordingKind(members, features);
  return guessed !== null && kinds.includes(guessed) ? guessed : null;
}

/** What a group's wording says it is, in margin's own terms: quote, event, claim, or nothing. */
function wordingKind(
  members: readonly GroupMember[],
  features?: readonly Pick<SentenceFeatures, 'quoted' | 'reported'>[],
): string | null {
  const read = features ?? featuresOf(members);
  if (read.some((feature) => feature.quoted)) return 'quote';
  // Something happened: an event verb, or a figure with a passive ("56 trucks were stranded").
  const happened = (text: string) =>
    EVENT_WORDS.test(text) ||
    (/\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b/i.test(text) &&
      PASSIVE.test(text));
  if (members.some((member) => happened(member.text))) return 'event';
  if (read.some((feature) => feature.reported)) return 'claim';
  return null;
}

function featuresOf(members: readonly GroupMember[]): SentenceFeatures[] {
  const vocabulary = new Vocabulary();
  return members.map((member) => sentenceFeatures(member.text, vocabulary));
}

type WordInfo = ReturnType<Vocabulary['info']>;

/** What a written word is to the engine but for its ids: the words they were given for. */
interface WordFacts {
  info: WordInfo;
  word: string | null;
  name: string | null;
}

/** Written words remembered by a thread across groups (a few hundred bytes each). */
const FACTS_LIMIT = 100_000;
const wordFacts = new Map<string, WordFacts>();

/**
 * A group's own vocabulary (its ids handed out as a fresh one hands them out, so that what is
 * described does not depend on the groups described before), which learns what a written word
 * is (folded, stemmed, a figure, a title…) once per thread rather than once per group: a
 * fifth of describing at 10,000 articles, where every group met the same common words again.
 * Within a group, `Vocabulary.info`'s own cache answers.
 */
export class DescribingVocabulary extends Vocabulary {
  protected override describe(written: string): WordInfo {
    const known = wordFacts.get(written);
    if (known) {
      // In the order `Vocabulary.describe` hands them out: the word's id, then the name's.
      const word = known.word === null ? -1 : this.id(known.word);
      const name =
        known.name === null ? -1 : known.name === known.word ? word : this.id(known.name);
      return { ...known.info, word, name };
    }
    const info = super.describe(written);
    if (wordFacts.size < FACTS_LIMIT) {
      wordFacts.set(written, {
        info,
        word: info.word < 0 ? null : this.word(info.word),
        name: info.name < 0 ? null : this.word(info.name),
      });
    }
    return info;
  }
}
